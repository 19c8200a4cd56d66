"""Statistics for management, due items for the start page and global search hits."""

from __future__ import annotations

import statistics as pystats
from collections import defaultdict
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select

from ..core.clock import to_local
from ..core.features import DueItem, SearchHit
from ..reference.model import Employee, OrgUnit
from .dto import StatsRow
from .model import IdeaAward, IdeaImplementation, IdeaReview, IdeaSuggestion
from .numbers import display_number
from .queries import unit_name

ACCEPTED = ("angenommen", "umgesetzt", "nicht_umgesetzt")
DUE_SOON_DAYS = 7


def _q(value: Decimal, places: str = "0.1") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _net_savings(inputs: dict) -> int:
    net = int(inputs.get("one_off_savings_cents", 0)) + int(inputs.get("annual_savings_cents", 0)) \
        - int(inputs.get("costs_cents", 0))
    return max(net, 0)


class StatsMixin:
    def statistics(self, year: int | None = None) -> list[StatsRow]:
        """One row per year and affected unit, plus a total row per year (unit_id "")."""
        self.access.require_decider()
        with self.db.read() as session:
            head = dict(session.execute(
                select(Employee.org_unit_id, func.count()).where(
                    Employee.deleted_at.is_(None), Employee.active.is_(True)).group_by(Employee.org_unit_id)).all())
            units = {u.id: u for u in session.scalars(select(OrgUnit))}
            q = select(IdeaSuggestion).where(IdeaSuggestion.deleted_at.is_(None))
            if year:
                q = q.where(IdeaSuggestion.year == year)
            sugs = session.scalars(q).all()
            awards: dict[str, list[IdeaAward]] = defaultdict(list)
            for aw in session.scalars(select(IdeaAward).where(IdeaAward.deleted_at.is_(None))):
                awards[aw.suggestion_id].append(aw)
            actual = dict(session.execute(
                select(IdeaImplementation.suggestion_id, IdeaImplementation.actual_savings_cents)
                .where(IdeaImplementation.deleted_at.is_(None))).all())
        groups: dict[tuple[int, str], list[IdeaSuggestion]] = defaultdict(list)
        for s in sugs:
            groups[(s.year, s.org_unit_id)].append(s)
            groups[(s.year, "")].append(s)
        total_head = sum(n for k, n in head.items() if k)
        rows = []
        for (yr, unit_id), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] == "", kv[0][1])):
            heads = total_head if unit_id == "" else head.get(unit_id, 0)
            accepted = [s for s in items if s.status in ACCEPTED]
            rejected = [s for s in items if s.status == "abgelehnt"]
            decided = len(accepted) + len(rejected)
            leads = [(s.decided_on - to_local(s.received_at).date()).days for s in items if s.decided_on]
            item_awards = [aw for s in items for aw in awards.get(s.id, [])]
            rows.append(StatsRow(
                year=yr, unit_id=unit_id,
                unit_name="Gesamt" if unit_id == "" else unit_name(units.get(unit_id)),
                suggestions=len(items), head_count=heads,
                per_100_staff=_q(Decimal(len(items)) * 100 / heads) if heads else None,
                decided=decided, accepted=len(accepted),
                acceptance_rate=_q(Decimal(len(accepted)) * 100 / decided) if decided else None,
                median_lead_days=_q(Decimal(str(pystats.median(leads)))) if leads else None,
                savings_cents=sum(_net_savings(aw.inputs or {}) for aw in item_awards if aw.kind == "savings"),
                actual_savings_cents=sum(actual.get(s.id, 0) or 0 for s in items),
                awards_cents=sum(aw.total_cents for aw in item_awards),
            ))
        return rows

    def due_items(self) -> list[DueItem]:
        acc = self.access
        if not acc.any:
            return []
        today = self.clock.today()
        items: list[DueItem] = []
        with self.db.read() as session:
            reviews = select(IdeaReview, IdeaSuggestion).join(IdeaSuggestion, IdeaSuggestion.id == IdeaReview.suggestion_id) \
                .where(IdeaReview.deleted_at.is_(None), IdeaReview.status == "offen",
                       IdeaReview.due_on <= today + timedelta(days=DUE_SOON_DAYS))
            if not acc.coordinator:
                me = self._my_employee_id(session)
                if me is None:
                    return []
                reviews = reviews.where(IdeaReview.reviewer_id == me)
            for rv, sug in session.execute(reviews.order_by(IdeaReview.due_on)):
                overdue = rv.due_on < today
                label = "Stellungnahme überfällig" if overdue else "Stellungnahme fällig"
                items.append(DueItem(
                    feature="ideas", title=f"{label}: {display_number(sug.number, sug.number_provisional)} – {sug.title}",
                    due=rv.due_on, kind="statement_overdue" if overdue else "statement_due",
                    target_id=rv.id if not acc.coordinator else sug.id, overdue=overdue))
            if acc.coordinator:
                # Every statement is in (none open), but the case still waits in review: hand it on.
                open_reviews = select(IdeaReview.id).where(
                    IdeaReview.suggestion_id == IdeaSuggestion.id, IdeaReview.deleted_at.is_(None),
                    IdeaReview.status == "offen")
                given = select(IdeaReview.id).where(
                    IdeaReview.suggestion_id == IdeaSuggestion.id, IdeaReview.deleted_at.is_(None),
                    IdeaReview.status == "abgegeben")
                ready = select(IdeaSuggestion).where(
                    IdeaSuggestion.deleted_at.is_(None), IdeaSuggestion.status == "begutachtung",
                    ~open_reviews.exists(), given.exists())
                for sug in session.scalars(ready.order_by(IdeaSuggestion.received_at)):
                    items.append(DueItem(
                        feature="ideas",
                        title=f"Stellungnahmen vollständig – an die Kommission geben: "
                              f"{display_number(sug.number, sug.number_provisional)} – {sug.title}",
                        due=today, kind="ready_for_committee", target_id=sug.id))
                imps = select(IdeaImplementation, IdeaSuggestion).join(
                    IdeaSuggestion, IdeaSuggestion.id == IdeaImplementation.suggestion_id).where(
                    IdeaImplementation.deleted_at.is_(None), IdeaImplementation.planned_on < today,
                    IdeaImplementation.status.in_(("geplant", "in_umsetzung")))
                for imp, sug in session.execute(imps.order_by(IdeaImplementation.planned_on)):
                    items.append(DueItem(
                        feature="ideas", title=f"Umsetzung überfällig: {display_number(sug.number, sug.number_provisional)} – {sug.title}",
                        due=imp.planned_on, kind="implementation_overdue", target_id=sug.id, overdue=True))
        return items

    def search_hits(self, user_text: str) -> list[SearchHit]:
        acc = self.access
        if not acc.any or not user_text.strip():
            return []
        if acc.full_view:
            return [SearchHit("ideas", f"{row.number} – {row.title}", f"{row.status_label}, {row.unit_name}",
                              row.id, "suggestion") for row in self.list_suggestions(user_text)[:50]]
        ids = {row.id for row in self.list_suggestions(user_text)}
        return [SearchHit("ideas", f"{case.number} – {case.title}", f"Begutachtung: {case.status_label}",
                          case.review_id, "review") for case in self.my_reviews() if case.suggestion_id in ids]
