"""Use cases of the Kita-Kontingent. Each public method is one transaction and returns dataclasses.

Audit and outbox rows are written by the change capture; the service only passes a note (the reason)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..core import validation as v
from ..core.clock import Clock
from ..core.errors import ValidationError
from ..core.formatting import format_date
from ..db.engine import driver_sql
from ..db.journal import AuditRecord
from ..db.search import filter_ids
from ..db.session import Database
from . import allocation as alloc
from . import rules
from .application_writer import write_application
from .dto import (
    ApplicationInfo,
    ContractInfo,
    ContractResult,
    KitaInfo,
    KitaInput,
    RankingSnapshot,
    RankRow,
    WaitlistPosition,
)
from .model import (
    BAND_LABELS,
    STATUS_LABELS,
    KitaApplication,
    KitaContract,
    KitaContractPlaces,
    KitaFacility,
    KitaOffer,
    KitaPlacement,
    KitaPreference,
)
from .workflow import OPEN_STATUSES, WorkflowMixin, _get

# Columns ApplicationInfo needs; the sync columns (timestamps with time-zone conversion) are left out.
_INFO_COLUMNS = (
    "id", "employee_id", "personnel_number", "last_name", "first_name", "street", "postcode_city", "email",
    "return_date", "working_hours", "single_parent", "shift_work", "hardship", "hardship_note", "sibling_kita_id",
    "child_first_name", "child_birth_date", "desired_start", "booking_hours", "remarks", "received_date", "status",
)
# Transitions HR makes by hand; offer-related ones (angebot, angenommen, ...) follow from offers.
MANUAL_TRANSITIONS = {
    "eingegangen": {"in_pruefung", "warteliste", "zurueckgezogen"},
    "in_pruefung": {"eingegangen", "warteliste", "zurueckgezogen"},
    "warteliste": {"in_pruefung", "zurueckgezogen"},
    "angebot": {"zurueckgezogen"},
    "angenommen": {"beendet", "zurueckgezogen"},
    "abgelehnt": {"warteliste"},
    "zurueckgezogen": {"warteliste"},
    "beendet": set(),
}


class KitaService(WorkflowMixin):
    def __init__(self, db: Database, clock: Clock | None = None, settings: dict | None = None) -> None:
        self.db = db
        self.clock = clock or db.clock
        # The live dict from ctx.feature_settings("kita"): the settings page edits it in place.
        self.settings = settings if settings is not None else {}

    @classmethod
    def from_context(cls, ctx) -> KitaService:
        return cls(ctx.db, ctx.clock, ctx.feature_settings("kita"))

    # --- settings -----------------------------------------------------------------------------------

    def schemes(self) -> list[rules.PointsScheme]:
        return rules.schemes_from_settings(self.settings)

    def scheme_for(self, day: date) -> rules.PointsScheme:
        return rules.scheme_for(day, self.schemes())

    def save_schemes(self, schemes: list[rules.PointsScheme], offer_deadline_days: int) -> None:
        if not 1 <= offer_deadline_days <= 90:
            raise ValidationError({"offer_deadline_days": "Antwortfrist: bitte 1 bis 90 Tage angeben."})
        dates = [s.valid_from for s in schemes]
        if len(set(dates)) != len(dates):
            raise ValidationError({"valid_from": "Zwei Punkteschemata haben dasselbe „gültig ab“-Datum."})
        for s in schemes:
            values = [getattr(s, n) for n in s.__dataclass_fields__ if n.endswith("_points")]
            if any(p < 0 or p > 1000 for p in values):
                raise ValidationError({"points": "Punkte: bitte Werte zwischen 0 und 1000 angeben."})
        self.settings["schemes"] = [s.to_dict() for s in sorted(schemes, key=lambda s: s.valid_from)]
        self.settings["offer_deadline_days"] = offer_deadline_days

    @property
    def offer_deadline_days(self) -> int:
        return rules.offer_deadline_days(self.settings)

    # --- Kitas ----------------------------------------------------------------------------------------

    def list_kitas(self, include_inactive: bool = False) -> list[KitaInfo]:
        with self.db.read() as s:
            q = select(KitaFacility).where(KitaFacility.deleted_at.is_(None)).order_by(KitaFacility.name)
            if not include_inactive:
                q = q.where(KitaFacility.active.is_(True))
            return [_kita_info(k) for k in s.scalars(q)]

    def save_kita(self, data: KitaInput, kita_id: str | None = None) -> KitaInfo:
        name = v.require_text(data.name, "name", "Name der Kita")
        provider = v.optional_text(data.provider, "provider", "Träger", 200) or ""
        email = v.email(data.contact_email, "contact_email")
        phone = v.phone(data.contact_phone, "contact_phone")
        with self.db.unit_of_work() as s:
            dup = s.scalars(select(KitaFacility).where(KitaFacility.deleted_at.is_(None))).all()
            if any(rules.normalise_name(k.name) == rules.normalise_name(name) and k.id != kita_id for k in dup):
                raise ValidationError({"name": f"Eine Kita mit dem Namen „{name}“ gibt es schon."})
            kita = _get(s, KitaFacility, kita_id, "Kita") if kita_id else KitaFacility()
            kita.name, kita.provider = name, provider
            kita.street, kita.postcode, kita.city = data.street.strip(), data.postcode.strip(), data.city.strip()
            kita.contact_name, kita.contact_phone, kita.contact_email = data.contact_name.strip(), phone, email
            kita.active = data.active
            s.add(kita)
            s.flush()
            return _kita_info(kita)

    # --- contracts ------------------------------------------------------------------------------------

    def list_contracts(self, year: int | None = None, kita_id: str | None = None) -> list[ContractInfo]:
        with self.db.read() as s:
            return self._contracts(s, year, kita_id)

    def _contracts(self, s: Session, year: int | None = None, kita_id: str | None = None) -> list[ContractInfo]:
        q = select(KitaContract, KitaFacility.name).join(KitaFacility, KitaFacility.id == KitaContract.kita_id)
        q = q.where(KitaContract.deleted_at.is_(None))
        if year is not None:
            q = q.where(KitaContract.kita_year == year)
        if kita_id is not None:
            q = q.where(KitaContract.kita_id == kita_id)
        rows = s.execute(q.order_by(KitaContract.kita_year, KitaFacility.name)).all()
        ids = [c.id for c, _ in rows]
        places: dict[str, dict] = {i: {} for i in ids}
        if ids:
            for p in s.scalars(select(KitaContractPlaces).where(
                    KitaContractPlaces.contract_id.in_(ids), KitaContractPlaces.deleted_at.is_(None))):
                places[p.contract_id][(p.age_band, p.booking_hours)] = p.places
        return [ContractInfo(c.id, c.kita_id, name, c.kita_year, c.valid_from, c.valid_to, c.cost_per_place_cents,
                             places[c.id], c.notes) for c, name in rows]

    def save_contract(self, kita_id: str, year: int, places: dict[tuple[str, int], int], cost_per_place_cents: int,
                      valid_from: date | None = None, valid_to: date | None = None, notes: str | None = None,
                      contract_id: str | None = None, reason: str | None = None) -> ContractResult:
        """Create or change a contract. Over-capacity (more children placed than places) is returned as a
        warning: the contract is what was agreed with the provider, the placed children stay placed."""
        start, end = rules.kita_year_bounds(year)
        valid_from, valid_to = valid_from or start, valid_to or end
        errors = {}
        if not (start <= valid_from <= valid_to <= end):
            errors["valid_from"] = (f"Vertragszeitraum: muss im Kita-Jahr {rules.kita_year_label(year)} liegen "
                                    f"({format_date(start)} – {format_date(end)}) und „von“ vor „bis“.")
        if cost_per_place_cents is None or cost_per_place_cents < 0:
            errors["cost_per_place_cents"] = "Kosten je Platz und Monat: bitte einen Betrag ab 0 € angeben."
        for (band, hours), n in places.items():
            if band not in rules.BANDS or hours not in rules.BOOKING_HOURS:
                errors["places"] = "Plätze: nur U3/Ü3 mit 25, 35 oder 45 Wochenstunden."
            elif n is None or n < 0 or n > 500:
                errors["places"] = "Plätze: bitte eine Anzahl zwischen 0 und 500 angeben."
        if errors:
            raise ValidationError(errors)
        with self.db.unit_of_work(note=reason) as s:
            kita = _get(s, KitaFacility, kita_id, "Kita")
            other = s.scalars(select(KitaContract).where(
                KitaContract.kita_id == kita_id, KitaContract.kita_year == year, KitaContract.deleted_at.is_(None),
                KitaContract.id != (contract_id or ""))).first()
            if other is not None:
                raise ValidationError({"kita_year": f"Für {kita.name} gibt es im Kita-Jahr "
                                                    f"{rules.kita_year_label(year)} bereits einen Vertrag."})
            contract = _get(s, KitaContract, contract_id, "Vertrag") if contract_id else KitaContract(kita_id=kita_id)
            contract.kita_year, contract.valid_from, contract.valid_to = year, valid_from, valid_to
            contract.cost_per_place_cents, contract.notes = cost_per_place_cents, notes
            s.add(contract)
            s.flush()
            existing = {(p.age_band, p.booking_hours): p for p in s.scalars(select(KitaContractPlaces).where(
                KitaContractPlaces.contract_id == contract.id, KitaContractPlaces.deleted_at.is_(None)))}
            for slot, n in places.items():
                row = existing.get(slot) or KitaContractPlaces(contract_id=contract.id, age_band=slot[0],
                                                               booking_hours=slot[1])
                if row.places != n:
                    row.places = n
                s.add(row)
            s.flush()
            info = next(c for c in self._contracts(s, year, kita_id) if c.id == contract.id)
            cap = alloc.capacity_from_contract(kita_id, kita.name, year, valid_from, valid_to, info.places)
            spans, _ = self._spans(s, year)
            warnings = [
                f"Überbelegung {month.strftime('%m/%Y')}: {BAND_LABELS[slot[0]]} {slot[1]} Std. – "
                f"{places_n} Plätze, {used} Kinder belegt oder angeboten"
                for month, slot, places_n, used in alloc.over_capacity(year, cap, spans)
            ]
            return ContractResult(info, warnings)

    # --- applications ---------------------------------------------------------------------------------

    def find_employee(self, personnel_number: str) -> dict | None:
        """The register entry for a personnel number (to fill the application form), or None."""
        from ..reference.model import Employee

        with self.db.read() as s:
            emp = s.scalars(select(Employee).where(Employee.personnel_number == personnel_number.strip(),
                                                   Employee.deleted_at.is_(None))).first()
            if emp is None:
                return None
            return {"id": emp.id, "personnel_number": emp.personnel_number, "last_name": emp.last_name,
                    "first_name": emp.first_name, "email": emp.email}

    def create_application(self, draft: rules.ApplicationDraft) -> ApplicationInfo:
        return self._save_application(draft, None)

    def update_application(self, app_id: str, draft: rules.ApplicationDraft) -> ApplicationInfo:
        return self._save_application(draft, app_id)

    def _save_application(self, draft: rules.ApplicationDraft, app_id: str | None) -> ApplicationInfo:
        with self.db.unit_of_work() as s:
            app = write_application(s, draft, app_id, self.clock.today())
            return self._app_infos(s, [app])[0]

    def get_application(self, app_id: str) -> ApplicationInfo:
        with self.db.read() as s:
            return self._app_infos(s, [_get(s, KitaApplication, app_id, "Antrag")])[0]

    def list_applications(self, statuses: tuple[str, ...] | None = None, text: str = "") -> list[ApplicationInfo]:
        # Plain rows through the DB-API, not ORM objects or SQLAlchemy's per-value result processing:
        # a proposal reads thousands of applications, and that bookkeeping cost more than the allocation.
        t = KitaApplication.__table__
        with self.db.read() as s:
            q = select(*[t.c[name] for name in _INFO_COLUMNS]).where(t.c.deleted_at.is_(None))
            if statuses:
                q = q.where(t.c.status.in_(statuses))
            if text.strip():
                q = filter_ids(q, t.c.id, t.name, text)
            q = q.order_by(t.c.received_date, t.c.id)
            return self._app_infos(s, [_AppRow(r) for r in _raw_rows(s, q)])

    def change_status(self, app_id: str, new_status: str, reason: str) -> ApplicationInfo:
        reason = v.require_text(reason, "reason", "Begründung", 1000)
        with self.db.unit_of_work(note=reason) as s:
            app = _get(s, KitaApplication, app_id, "Antrag")
            if new_status not in MANUAL_TRANSITIONS.get(app.status, set()):
                raise ValidationError({"status": f"Status: von „{STATUS_LABELS[app.status]}“ nach "
                                                 f"„{STATUS_LABELS.get(new_status, new_status)}“ ist nicht möglich."})
            if new_status in ("zurueckgezogen", "beendet"):
                for offer in self._open_offers(s, app.id):
                    offer.status, offer.answered_on = "withdrawn", self.clock.today()
                for placement in s.scalars(select(KitaPlacement).where(
                        KitaPlacement.application_id == app.id, KitaPlacement.ended.is_(False),
                        KitaPlacement.deleted_at.is_(None))):
                    placement.ended = True
                    placement.end_date = min(placement.end_date, max(self.clock.today(), placement.start_date))
            app.status = new_status
            s.flush()
            return self._app_infos(s, [app])[0]

    def _app_infos(self, s: Session, apps: list) -> list[ApplicationInfo]:
        """ApplicationInfo from ORM objects or plain rows of kita_application."""
        if not apps:
            return []
        names = self._kita_names(s)
        prefs: dict[str, list[tuple[int, str]]] = {a.id: [] for a in apps}
        p = KitaPreference.__table__
        q = select(p.c.application_id, p.c.position, p.c.kita_id).where(p.c.deleted_at.is_(None))
        if len(apps) <= 500:  # SQLite parameter limit; for more, read all and drop the rest in Python
            q = q.where(p.c.application_id.in_(list(prefs)))
        for app_id, position, kita_id in _raw_rows(s, q):
            if app_id in prefs:
                prefs[app_id].append((position, kita_id))
        out = []
        for a in apps:
            order = tuple(k for _, k in sorted(prefs[a.id]))
            out.append(ApplicationInfo(
                a.id, a.employee_id, a.personnel_number, a.last_name, a.first_name, a.street, a.postcode_city,
                a.email, a.return_date, a.working_hours, a.single_parent, a.shift_work, a.hardship, a.hardship_note,
                a.sibling_kita_id, a.child_first_name, a.child_birth_date, a.desired_start, a.booking_hours,
                a.remarks, a.received_date, a.status, order, tuple(names.get(k, "?") for k in order)))
        return out

    def _kita_names(self, s: Session) -> dict[str, str]:
        return dict(s.execute(select(KitaFacility.id, KitaFacility.name)).all())

    # --- ranking ----------------------------------------------------------------------------------------

    def _criteria(self, apps: list[ApplicationInfo]) -> list[rules.Criteria]:
        return [rules.Criteria(a.id, a.received_date, a.desired_start, a.return_date, a.working_hours,
                               a.single_parent, a.shift_work, a.hardship, a.sibling_kita_id, a.preferences)
                for a in apps]

    def ranking(self, reference: date | None = None) -> list[RankRow]:
        """Open applications in rank order with their points explained."""
        return self.ranking_snapshot(reference).rows

    def ranking_snapshot(self, reference: date | None = None) -> RankingSnapshot:
        """The ranking with each open application, its waiting-list positions and what what-if needs, from one
        read (the Rangliste tab computes it in a background job)."""
        reference = reference or self.clock.today()
        stamp = self.data_stamp()
        apps = self.list_applications(OPEN_STATUSES)
        with self.db.read() as s:
            names = self._kita_names(s)
        by_id = {a.id: a for a in apps}
        criteria = self._criteria(apps)
        scheme = self.scheme_for(reference)
        rows = [RankRow(r.id, r.rank, r.points, r.explanation, by_id[r.id].applicant, by_id[r.id].child_first_name,
                        r.received_date, by_id[r.id].desired_start, by_id[r.id].status)
                for r in rules.rank(criteria, scheme, names)]
        return RankingSnapshot(reference, stamp, rows, by_id, _waitlist(rows, by_id, self.clock.today()), criteria,
                               scheme, names)

    def what_if(self, app_id: str, reference: date | None = None, **changes) -> rules.WhatIf:
        """Rank with changed criteria of one application (e.g. single_parent=True). Nothing is saved."""
        reference = reference or self.clock.today()
        apps = self.list_applications(OPEN_STATUSES)
        with self.db.read() as s:
            names = self._kita_names(s)
        return rules.what_if(self._criteria(apps), self.scheme_for(reference), app_id, names, **changes)

    def what_if_in(self, snapshot: RankingSnapshot, app_id: str, **changes) -> rules.WhatIf:
        """What-if against the ranking a view shows (same applications, same scheme), without reading again."""
        return rules.what_if(snapshot.criteria, snapshot.scheme, app_id, snapshot.kita_names, **changes)

    def waitlist_positions(self, app_id: str) -> list[WaitlistPosition]:
        """Live position of an open application per preferred Kita among those wanting the same age band."""
        app = self.get_application(app_id)
        if app.status not in OPEN_STATUSES or app.child_birth_date is None:
            return []
        return self.ranking_snapshot().positions.get(app_id, [])

    def data_stamp(self) -> tuple:
        """Changes with every write to a Kita table (local or pulled: each writes an audit record) and with the
        points schemes. A view keeps the stamp of the data a result was computed from, to notice it is outdated."""
        tables = [m.__tablename__ for m in (KitaFacility, KitaContract, KitaContractPlaces, KitaApplication,
                                            KitaPreference, KitaOffer, KitaPlacement)]
        with self.db.read() as s:
            last = s.scalar(select(func.max(AuditRecord.id)).where(AuditRecord.tbl.in_(tables)))
        return last, repr(self.settings.get("schemes"))


def _waitlist(rows: list[RankRow], apps: dict[str, ApplicationInfo], today: date) -> dict[str, list[WaitlistPosition]]:
    """Position of every ranked application per wished Kita, among those wanting that Kita in the same age band
    (the band at the desired start, or today if that has passed)."""
    bands = {a.id: rules.age_band_at(a.child_birth_date, max(a.desired_start, today)) for a in apps.values()
             if a.child_birth_date is not None and a.desired_start is not None}
    place: dict[tuple[str, str], int] = {}  # (application, Kita) -> position
    counts: dict[tuple[str, str], int] = {}  # (Kita, band) -> queue length
    for r in rows:  # rank order
        band = bands.get(r.application_id)
        if band is None:
            continue
        for kita_id in apps[r.application_id].preferences:
            n = counts[(kita_id, band)] = counts.get((kita_id, band), 0) + 1
            place[(r.application_id, kita_id)] = n
    out: dict[str, list[WaitlistPosition]] = {}
    for app_id, band in bands.items():
        a = apps[app_id]
        out[app_id] = [WaitlistPosition(k, name, band, place[(app_id, k)], counts[(k, band)])
                       for k, name in zip(a.preferences, a.preference_names, strict=True) if (app_id, k) in place]
    return out


def _kita_info(k: KitaFacility) -> KitaInfo:
    return KitaInfo(k.id, k.name, k.provider, k.street, k.postcode, k.city, k.contact_name, k.contact_phone,
                    k.contact_email, k.active)


def _raw_rows(s: Session, q) -> list[tuple]:
    """Execute a Core select through the DB-API cursor (values come back as the driver returns them)."""
    sql, args = driver_sql(q, s.get_bind().dialect)
    cursor = s.connection().connection.cursor()  # the DB-API connection of this session's transaction
    try:
        cursor.execute(sql, args)
        return cursor.fetchall()
    finally:
        cursor.close()


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


class _AppRow:
    """A raw kita_application row with the column types restored (SQLite returns text and integers)."""

    __slots__ = _INFO_COLUMNS

    def __init__(self, row: tuple) -> None:
        for name, value in zip(_INFO_COLUMNS, row, strict=True):
            if name in _DATE_COLUMNS:
                value = _as_date(value)
            elif name in _BOOL_COLUMNS:
                value = bool(value)
            elif name == "working_hours" and value is not None:
                value = Decimal(str(value)).quantize(Decimal("0.1"))
            setattr(self, name, value)


_DATE_COLUMNS = frozenset({"return_date", "child_birth_date", "desired_start", "received_date"})
_BOOL_COLUMNS = frozenset({"single_parent", "shift_work", "hardship"})
