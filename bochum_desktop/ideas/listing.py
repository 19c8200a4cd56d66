"""SQL statements for the list views (the generic SqlTableModel pages and sorts them in SQL).

The role rules are applied here, in the service layer, not in the view: the coordinator's statement has a
submitters column, the committee's is limited to suggestions at decision time, and the reviewer's runs over
their own review assignments and selects no submitter column at all."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, case, false, func, select
from sqlalchemy.sql import ColumnElement

from ..core.errors import ValidationError
from ..reference.model import Employee, OrgUnit
from .access import COMMITTEE_STATES
from .model import IdeaReview, IdeaSubmitter, IdeaSuggestion
from .queries import employee_name, live, unit_name


@dataclass(frozen=True)
class ListStatement:
    query: Select
    id_column: ColumnElement
    columns: dict[str, ColumnElement]  # key -> expression; the view gives titles
    search_table: str


class ListingMixin:
    def suggestion_list_statement(self) -> ListStatement:
        """Coordinator: every suggestion with submitter names; committee: those at decision time."""
        acc = self.access
        acc.require_decider()
        submitters = (
            select(func.group_concat(Employee.first_name + " " + Employee.last_name, ", "))
            .select_from(IdeaSubmitter)
            .join(Employee, Employee.id == IdeaSubmitter.employee_id)
            .where(IdeaSubmitter.suggestion_id == IdeaSuggestion.id, IdeaSubmitter.deleted_at.is_(None))
            .scalar_subquery()
        )
        query = (select(IdeaSuggestion).join(OrgUnit, OrgUnit.id == IdeaSuggestion.org_unit_id)
                 .where(IdeaSuggestion.deleted_at.is_(None)))
        if not acc.coordinator:
            query = query.where(IdeaSuggestion.status.in_(COMMITTEE_STATES))
        columns = {
            # A provisional number carries "(vorläufig)" in the list (see numbers.display_number).
            "number": case((IdeaSuggestion.number_provisional.is_(True), IdeaSuggestion.number + " (vorläufig)"),
                           else_=IdeaSuggestion.number).label("number"),
            "code_word": IdeaSuggestion.code_word,
            "title": IdeaSuggestion.title,
            "status": IdeaSuggestion.status,
            "unit": OrgUnit.code + " – " + OrgUnit.name,
            "received_at": IdeaSuggestion.received_at,
            "submitters": submitters.label("submitters"),
        }
        return ListStatement(query, IdeaSuggestion.id, columns, IdeaSuggestion.__tablename__)

    def reviewer_list_statement(self) -> ListStatement:
        """The current user's review assignments, pseudonymised (no submitter column exists)."""
        self.access.require_any()
        with self.db.read() as session:
            me = self._my_employee_id(session)
        query = (select(IdeaReview).join(IdeaSuggestion, IdeaSuggestion.id == IdeaReview.suggestion_id)
                 .join(OrgUnit, OrgUnit.id == IdeaSuggestion.org_unit_id)
                 .where(IdeaReview.deleted_at.is_(None), IdeaSuggestion.deleted_at.is_(None)))
        query = query.where(IdeaReview.reviewer_id == me) if me else query.where(false())
        columns = {
            "number": IdeaSuggestion.number,
            "code_word": IdeaSuggestion.code_word,
            "title": IdeaSuggestion.title,
            "unit": OrgUnit.code + " – " + OrgUnit.name,
            "due_on": IdeaReview.due_on,
            "status": IdeaReview.status,
        }
        # Rows are keyed by suggestion id so the suggestion's full-text index serves the search box; the
        # page maps the suggestion to the user's review (my_reviews).
        return ListStatement(query, IdeaSuggestion.id, columns, IdeaSuggestion.__tablename__)

    def resolve_personnel_numbers(self, numbers: list[str], field: str) -> list[str]:
        """Personnel numbers (settings forms) -> employee ids; unknown numbers refused by name."""
        self.access.require_coordinator()
        wanted = [n.strip() for n in numbers if n.strip()]
        if not wanted:
            return []
        with self.db.read() as session:
            found = dict(session.execute(select(Employee.personnel_number, Employee.id).where(
                Employee.personnel_number.in_(wanted), Employee.deleted_at.is_(None))).all())
        missing = [n for n in wanted if n not in found]
        if missing:
            raise ValidationError({field: "Personalnummer nicht im Verzeichnis: " + ", ".join(missing)})
        return [found[n] for n in wanted]

    def personnel_numbers(self, employee_ids: list[str]) -> list[str]:
        self.access.require_coordinator()
        if not employee_ids:
            return []
        with self.db.read() as session:
            found = dict(session.execute(select(Employee.id, Employee.personnel_number).where(
                Employee.id.in_(employee_ids))).all())
        return [found[i] for i in employee_ids if i in found]

    def unit_ids_by_code(self) -> dict[str, str]:
        self.access.require_coordinator()
        with self.db.read() as session:
            return dict(session.execute(select(OrgUnit.code, OrgUnit.id).where(OrgUnit.deleted_at.is_(None))).all())

    # ------------------------------------------------------------------------------------ lookups for forms
    def employees(self, org_unit_id: str | None = None, text: str = "") -> list[tuple[str, str]]:
        """(id, 'Name, Vorname (Personalnummer)') for pickers; coordinator only."""
        self.access.require_coordinator()
        from ..db.search import filter_ids
        from .queries import live

        with self.db.read() as session:
            q = live(select(Employee), Employee).where(Employee.active.is_(True))
            if org_unit_id:
                q = q.where(Employee.org_unit_id == org_unit_id)
            q = filter_ids(q, Employee.id, "employee", text).order_by(Employee.last_name, Employee.first_name)
            return [(e.id, f"{employee_name(e)} ({e.personnel_number})") for e in session.scalars(q.limit(500))]

    def org_units(self) -> list[tuple[str, str]]:
        # Not for reviewers: a unit list next to a pseudonymised case only invites guessing.
        self.access.require_decider()
        with self.db.read() as session:
            q = live(select(OrgUnit), OrgUnit).where(OrgUnit.active.is_(True)).order_by(OrgUnit.code)
            return [(u.id, unit_name(u)) for u in session.scalars(q)]
