"""Proposal, offers, placements, occupancy, due items and search: the second half of KitaService.

Split from service.py only to keep files short; KitaService inherits this mixin and provides the
helpers it uses (db, clock, settings, list_applications, ranking support)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import validation as v
from ..core.errors import DomainError, NotFoundError, ValidationError
from ..core.features import DueItem, SearchHit
from ..core.formatting import format_date
from . import allocation as alloc
from . import rules
from .dto import OfferAnswer, OfferInfo, PlacementInfo, Proposal, ProposalEntry
from .model import BAND_LABELS, KitaApplication, KitaFacility, KitaOffer, KitaPlacement

OPEN_STATUSES = ("eingegangen", "in_pruefung", "warteliste")


class WorkflowMixin:
    # --- proposal and offers --------------------------------------------------------------------------------

    def _spans(self, s: Session, year: int) -> tuple[list[alloc.ChildSpan], list[alloc.ChildSpan]]:
        """Placements and open offers touching Kita year `year` as child spans."""
        start, end = rules.kita_year_bounds(year)
        placed = [
            alloc.ChildSpan(p.kita_id, birth, p.booking_hours, p.start_date, p.end_date, p.application_id)
            for p, birth in s.execute(
                select(KitaPlacement, KitaApplication.child_birth_date)
                .join(KitaApplication, KitaApplication.id == KitaPlacement.application_id)
                .where(KitaPlacement.deleted_at.is_(None), KitaPlacement.start_date <= end,
                       KitaPlacement.end_date >= start))
            if birth is not None
        ]
        offered = [
            alloc.ChildSpan(o.kita_id, birth, o.booking_hours, o.start_date, rules.place_end(birth), o.application_id)
            for o, birth in s.execute(
                select(KitaOffer, KitaApplication.child_birth_date)
                .join(KitaApplication, KitaApplication.id == KitaOffer.application_id)
                .where(KitaOffer.deleted_at.is_(None), KitaOffer.status == "open", KitaOffer.start_date <= end))
            if birth is not None
        ]
        return placed, offered

    def _capacities(self, s: Session, year: int) -> dict[str, alloc.KitaCapacity]:
        return {c.kita_id: alloc.capacity_from_contract(c.kita_id, c.kita_name, year, c.valid_from, c.valid_to,
                                                        c.places)
                for c in self._contracts(s, year)}

    def compute_proposal(self, year: int, start_month: date, only_kita: str | None = None) -> Proposal:
        """Who would get which free place starting in `start_month`. Nothing is saved."""
        start = start_month.replace(day=1)
        first, last = rules.kita_year_bounds(year)
        if not first <= start <= last:
            raise ValidationError({"start_month": f"Der Beginn muss im Kita-Jahr {rules.kita_year_label(year)} liegen."})
        scheme = self.scheme_for(start)
        apps = [a for a in self.list_applications(OPEN_STATUSES) if a.child_birth_date is not None]
        by_id = {a.id: a for a in apps}
        with self.db.read() as s:
            names = self._kita_names(s)
            capacities = self._capacities(s, year)
            placed, offered = self._spans(s, year)
        ranked = rules.rank(self._criteria(apps), scheme, names)
        points = {r.id: r.points for r in ranked}
        candidates = [alloc.Candidate(r.id, r.rank, by_id[r.id].child_birth_date, by_id[r.id].booking_hours,
                                      by_id[r.id].desired_start, by_id[r.id].preferences) for r in ranked]
        result = alloc.allocate(year, start, candidates, capacities, placed + offered)
        entries = [
            ProposalEntry(a.application_id, a.kita_id, a.start, by_id[a.application_id].applicant,
                          by_id[a.application_id].child_first_name, names.get(a.kita_id, "?"), a.preference, a.band,
                          a.hours, a.rank, points[a.application_id])
            for a in result.allocations if only_kita is None or a.kita_id == only_kita
        ]
        unplaced = [(i, by_id[i].applicant, reason) for i, reason in result.unplaced.items()]
        return Proposal(year, start, entries, unplaced, scheme.valid_from)

    def first_demand_month(self, not_before: date) -> date | None:
        """The first month from `not_before` on in which an open application wants its place to start
        (one that wanted to start earlier still wants a place now), or None without open applications.
        The proposal tab starts there instead of at a month nobody asked for."""
        floor = not_before.replace(day=1)
        months = [max(a.desired_start.replace(day=1), floor) for a in self.list_applications(OPEN_STATUSES)
                  if a.desired_start is not None and a.child_birth_date is not None]
        return min(months, default=None)

    def confirm_proposal(self, year: int, start_month: date, entries: list[ProposalEntry]) -> list[OfferInfo]:
        """Turn (possibly HR-changed) proposal entries into open offers, all or none.

        An entry that differs from the computed proposal needs an override reason; a full band is refused."""
        start = start_month.replace(day=1)
        computed = {(e.application_id, e.kita_id) for e in self.compute_proposal(year, start).entries}
        today = self.clock.today()
        deadline = today + timedelta(days=self.offer_deadline_days)
        errors: dict[str, str] = {}
        seen: set[str] = set()
        with self.db.unit_of_work(note="Vorschlag bestätigt") as s:
            names = self._kita_names(s)
            capacities = self._capacities(s, year)
            placed, offered = self._spans(s, year)
            new_offers = []
            for n, e in enumerate(entries, start=1):
                app = _get(s, KitaApplication, e.application_id, "Antrag")
                label = f"Zeile {n} ({app.last_name}, {app.first_name})"
                reason = (e.override_reason or "").strip()
                if app.id in seen or app.status not in OPEN_STATUSES or self._open_offers(s, app.id):
                    errors[f"entries.{n}"] = f"{label}: Für dieses Kind gibt es bereits ein offenes Angebot oder einen Platz."
                    continue
                seen.add(app.id)
                if (e.application_id, e.kita_id) not in computed and not reason:
                    errors[f"entries.{n}.override_reason"] = f"{label}: Abweichung vom Vorschlag – bitte Begründung angeben."
                    continue
                if e.kita_id not in capacities:
                    errors[f"entries.{n}.kita_id"] = f"{label}: Kita hat im Kita-Jahr keinen Vertrag."
                    continue
                birth = app.child_birth_date
                if rules.is_school_age(birth, start):
                    errors[f"entries.{n}"] = f"{label}: Das Kind ist zum Beginn schulpflichtig."
                    continue
                full = alloc.fits(year, capacities[e.kita_id], placed + offered, birth, app.booking_hours, start)
                if full:
                    month, band = full[0]
                    errors[f"entries.{n}.kita_id"] = (
                        f"{label}: {names[e.kita_id]} hat {month.strftime('%m/%Y')} keinen freien "
                        f"{BAND_LABELS[band]}-Platz mit {app.booking_hours} Std.")
                    continue
                offered.append(alloc.ChildSpan(e.kita_id, birth, app.booking_hours, start, rules.place_end(birth), app.id))
                offer = KitaOffer(application_id=app.id, kita_id=e.kita_id, age_band=rules.age_band_at(birth, start),
                                  booking_hours=app.booking_hours, start_date=start, deadline=deadline, status="open",
                                  override_reason=reason or None)
                s.add(offer)
                app.status = "angebot"
                new_offers.append(offer)
            if errors:
                raise ValidationError(errors)  # rolls back every offer of this confirmation
            s.flush()
            return [self._offer_info(s, o) for o in new_offers]

    def _open_offers(self, s: Session, app_id: str) -> list[KitaOffer]:
        return list(s.scalars(select(KitaOffer).where(
            KitaOffer.application_id == app_id, KitaOffer.status == "open", KitaOffer.deleted_at.is_(None))))

    def _offer_info(self, s: Session, o: KitaOffer) -> OfferInfo:
        app = s.get(KitaApplication, o.application_id)
        kita = s.get(KitaFacility, o.kita_id)
        return OfferInfo(o.id, o.application_id, f"{app.last_name}, {app.first_name}", app.child_first_name, o.kita_id,
                         kita.name, o.age_band, o.booking_hours, o.start_date, o.deadline, o.status, o.answered_on,
                         o.override_reason)

    def list_offers(self, statuses: tuple[str, ...] | None = None) -> list[OfferInfo]:
        with self.db.read() as s:
            q = select(KitaOffer).where(KitaOffer.deleted_at.is_(None))
            if statuses:
                q = q.where(KitaOffer.status.in_(statuses))
            return [self._offer_info(s, o) for o in s.scalars(q.order_by(KitaOffer.deadline, KitaOffer.id))]

    def _open_offer(self, s: Session, offer_id: str) -> KitaOffer:
        offer = _get(s, KitaOffer, offer_id, "Angebot")
        if offer.status != "open":
            raise DomainError("Das Angebot ist nicht mehr offen.", "offer")
        return offer

    def accept_offer(self, offer_id: str, answered_on: date | None = None) -> OfferAnswer:
        with self.db.unit_of_work(note="Angebot angenommen") as s:
            offer = self._open_offer(s, offer_id)
            app = s.get(KitaApplication, offer.application_id)
            offer.status, offer.answered_on = "accepted", answered_on or self.clock.today()
            app.status = "angenommen"
            placement = KitaPlacement(application_id=app.id, kita_id=offer.kita_id, offer_id=offer.id,
                                      booking_hours=offer.booking_hours, start_date=offer.start_date,
                                      end_date=rules.place_end(app.child_birth_date), ended=False)
            s.add(placement)
            s.flush()
            return OfferAnswer(self._offer_info(s, offer), self._placement_info(s, placement))

    def decline_offer(self, offer_id: str, back_to_list: bool = True, answered_on: date | None = None,
                      reason: str | None = None) -> OfferAnswer:
        """The applicant said no: back on the waiting list or (finally) abgelehnt; the next candidate follows."""
        with self.db.unit_of_work(note=reason or "Angebot abgelehnt") as s:
            offer = self._open_offer(s, offer_id)
            offer.status, offer.answered_on = "declined", answered_on or self.clock.today()
            s.get(KitaApplication, offer.application_id).status = "warteliste" if back_to_list else "abgelehnt"
            s.flush()
            info = self._offer_info(s, offer)
        return OfferAnswer(info, None, self._next(info))

    def withdraw_offer(self, offer_id: str, reason: str) -> OfferAnswer:
        reason = v.require_text(reason, "reason", "Begründung", 1000)
        with self.db.unit_of_work(note=reason) as s:
            offer = self._open_offer(s, offer_id)
            offer.status, offer.answered_on = "withdrawn", self.clock.today()
            s.get(KitaApplication, offer.application_id).status = "warteliste"
            s.flush()
            info = self._offer_info(s, offer)
        return OfferAnswer(info, None, self._next(info))

    def expire_offers(self) -> list[OfferAnswer]:
        """Offers whose deadline has passed expire; the applications go back on the waiting list."""
        today = self.clock.today()
        with self.db.unit_of_work(note="Antwortfrist abgelaufen") as s:
            infos = []
            for offer in s.scalars(select(KitaOffer).where(
                    KitaOffer.status == "open", KitaOffer.deadline < today, KitaOffer.deleted_at.is_(None))):
                offer.status = "expired"
                s.get(KitaApplication, offer.application_id).status = "warteliste"
                infos.append(offer)
            s.flush()
            infos = [self._offer_info(s, o) for o in infos]
        return [OfferAnswer(i, None, self._next(i)) for i in infos]

    def _next(self, offer: OfferInfo) -> Proposal:
        start = offer.start_date
        return self.compute_proposal(rules.kita_year_of(start), start, only_kita=offer.kita_id)

    # --- placements, occupancy, due items, search ---------------------------------------------------------

    def _placement_info(self, s: Session, p: KitaPlacement) -> PlacementInfo:
        app = s.get(KitaApplication, p.application_id)
        kita = s.get(KitaFacility, p.kita_id)
        return PlacementInfo(p.id, p.application_id, f"{app.last_name}, {app.first_name}", app.child_first_name,
                             p.kita_id, kita.name, p.booking_hours, p.start_date, p.end_date, p.ended)

    def list_placements(self, kita_id: str | None = None) -> list[PlacementInfo]:
        with self.db.read() as s:
            q = select(KitaPlacement).where(KitaPlacement.deleted_at.is_(None))
            if kita_id:
                q = q.where(KitaPlacement.kita_id == kita_id)
            return [self._placement_info(s, p) for p in s.scalars(q.order_by(KitaPlacement.start_date))]

    def end_placement(self, placement_id: str, end_date: date, reason: str) -> PlacementInfo:
        reason = v.require_text(reason, "reason", "Begründung", 1000)
        with self.db.unit_of_work(note=reason) as s:
            p = _get(s, KitaPlacement, placement_id, "Platz")
            if end_date < p.start_date:
                raise ValidationError({"end_date": "Das Ende darf nicht vor dem Beginn des Platzes liegen."})
            p.end_date, p.ended = min(end_date, p.end_date), True
            s.get(KitaApplication, p.application_id).status = "beendet"
            s.flush()
            return self._placement_info(s, p)

    def occupancy(self, kita_id: str, year: int) -> list[alloc.OccupancyMonth]:
        with self.db.read() as s:
            kita = _get(s, KitaFacility, kita_id, "Kita")
            cap = self._capacities(s, year).get(kita_id) or alloc.KitaCapacity(kita_id, kita.name)
            placed, offered = self._spans(s, year)
        return alloc.occupancy(year, cap, placed, offered)

    def due_items(self, offer_days: int = 3, start_days: int = 14, school_days: int = 60) -> list[DueItem]:
        today = self.clock.today()
        items = []
        for o in self.list_offers(("open",)):
            if o.deadline <= today + timedelta(days=offer_days):
                items.append(DueItem("kita", f"Angebot läuft ab: {o.applicant} ({o.kita_name})", o.deadline,
                                     "offer_expiring", o.id, o.deadline < today))
        for p in self.list_placements():
            if p.ended:
                continue
            if today <= p.start_date <= today + timedelta(days=start_days):
                items.append(DueItem("kita", f"Platz beginnt: {p.child_first_name} ({p.applicant}) in {p.kita_name}",
                                     p.start_date, "placement_starting", p.id))
            if today <= p.end_date <= today + timedelta(days=school_days):
                items.append(DueItem("kita", f"Wechsel zur Schule: {p.child_first_name} ({p.applicant}), "
                                             f"{p.kita_name}", p.end_date, "school_leaving", p.id))
        return sorted(items, key=lambda d: (d.due, d.title))

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        if not text.strip():
            return []
        hits = []
        for a in self.list_applications(text=text)[:limit]:
            hits.append(SearchHit("kita", f"Kita-Antrag: {a.applicant}",
                                  f"Kind {a.child_first_name}, {a.status_label}, Antrag vom {format_date(a.received_date)}",
                                  a.id, "application"))
        return hits


def _get(s: Session, model, obj_id: str | None, label: str):
    obj = s.get(model, obj_id) if obj_id else None
    if obj is None or obj.deleted_at is not None:
        raise NotFoundError(f"{label} wurde nicht gefunden.")
    return obj
