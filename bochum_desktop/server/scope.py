"""Row-level scope: an ideas reviewer's desk holds only the suggestions assigned to that reviewer.

Who the reviewer is: the server user's personnel number (admin CLI `user link`) names an employee of the
shared register; without a link the reviewer sees no suggestions. Visible to the reviewer:
- `idea_suggestion` rows with a live `idea_review` assigned to that employee (the scope's suggestion set);
- `idea_review` rows of that employee on those suggestions (not other reviewers' statements).
Every other ideas table is not sent to reviewers at all (server/roles.py: PSEUDONYMISED_TABLES).

The pull stays stateless: each cursor names the scope the desk held after applying its page, stored
content-addressed in `srv_scope` (same digest on every instance). The next pull compares it with the
current scope: newly assigned suggestions (and the reviewer's reviews of them) come as upserts, withdrawn
ones as `purge` entries marked `"reason": "hidden"` — the desk removes them like a legal erasure (row,
pending changes, merge base, conflicts), only the audit note differs. A changed employee link answers
"resync".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Table, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from .auth import Principal
from .merge import SERVER_OWNED
from .schema import scope as scope_table

SUGGESTION = "idea_suggestion"
REVIEW = "idea_review"

# What a reviewer may change (updates only, on visible rows): the statement on their own review. Never the
# suggestion: moving it on is the coordinator's (a reviewer's desk sees only its own review).
REVIEWER_WRITABLE: dict[str, frozenset[str]] = {
    REVIEW: frozenset({
        "status", "handback_reason", "feasible", "savings_one_off_cents", "savings_annual_cents", "costs_cents",
        "recommendation", "statement", "submitted_on",
    }),
}

NOT_ASSIGNED_DE = "Keine Berechtigung: Dieser Vorschlag ist Ihnen nicht (mehr) zur Begutachtung zugewiesen."


@dataclass(frozen=True)
class Scope:
    employee_id: str | None
    suggestions: frozenset[str]

    @property
    def digest(self) -> str:
        raw = f"{self.employee_id or ''}|{','.join(sorted(self.suggestions))}"
        return hashlib.sha256(raw.encode()).hexdigest()[:32]

    def visible(self, tbl: str, row) -> bool:
        if tbl == SUGGESTION:
            return row.id in self.suggestions
        if tbl == REVIEW:
            return (
                self.employee_id is not None
                and row.reviewer_id == self.employee_id
                and row.suggestion_id in self.suggestions
            )
        return False


EMPTY = Scope(None, frozenset())


def suggestion_of(tbl: str, row) -> str | None:
    return row.id if tbl == SUGGESTION else getattr(row, "suggestion_id", None)


def employee_of(conn: Connection, tables: dict[str, Table], principal: Principal) -> str | None:
    if not principal.personnel_number:
        return None
    employee = tables["employee"]
    ids = conn.execute(
        select(employee.c.id).where(
            employee.c.personnel_number == principal.personnel_number, employee.c.deleted_at.is_(None)
        )
    ).scalars().all()
    return ids[0] if len(ids) == 1 else None  # an ambiguous number links nobody


def current_scope(conn: Connection, tables: dict[str, Table], principal: Principal) -> Scope:
    employee_id = employee_of(conn, tables, principal)
    if employee_id is None:
        return EMPTY
    review = tables[REVIEW]
    ids = conn.execute(
        select(review.c.suggestion_id).where(review.c.reviewer_id == employee_id, review.c.deleted_at.is_(None))
    ).scalars()
    return Scope(employee_id, frozenset(ids))


def load_scope(conn: Connection, digest: str) -> Scope | None:
    row = conn.execute(select(scope_table.c.employee_id, scope_table.c.ids).where(scope_table.c.digest == digest)).first()
    return None if row is None else Scope(row.employee_id, frozenset(row.ids))


def remember_scope(conn: Connection, scope: Scope, now: datetime) -> None:
    stmt = pg_insert(scope_table).values(digest=scope.digest, employee_id=scope.employee_id,
                                         ids=sorted(scope.suggestions), used_at=now)
    conn.execute(stmt.on_conflict_do_nothing())
    # used_at feeds the retention (prune); refreshed at most daily so pulls rarely write.
    conn.execute(
        update(scope_table)
        .where(scope_table.c.digest == scope.digest, scope_table.c.used_at < now.replace(hour=0, minute=0, second=0,
                                                                                           microsecond=0))
        .values(used_at=now)
    )


def delta(conn: Connection, tables: dict[str, Table], old: Scope, new: Scope) -> tuple[list[tuple[str, object]],
                                                                                       list[tuple[str, str]]]:
    """(rows that became visible, (table, id) of rows the desk must drop) between two scopes."""
    added = sorted(new.suggestions - old.suggestions)
    removed = sorted(old.suggestions - new.suggestions)
    suggestion, review = tables[SUGGESTION], tables[REVIEW]
    shown: list[tuple[str, object]] = []
    hidden: list[tuple[str, str]] = []
    if added:
        shown += [(SUGGESTION, r) for r in conn.execute(select(suggestion).where(suggestion.c.id.in_(added)))]
        shown += [
            (REVIEW, r)
            for r in conn.execute(
                select(review).where(review.c.suggestion_id.in_(added), review.c.reviewer_id == new.employee_id)
            )
        ]
    if removed:
        hidden += [(SUGGESTION, row_id) for row_id in removed]
        # All reviews of a withdrawn suggestion: the desk may hold one that was reassigned meanwhile.
        hidden += [
            (REVIEW, row_id)
            for row_id in conn.execute(select(review.c.id).where(review.c.suggestion_id.in_(removed))).scalars()
        ]
    return shown, hidden


def check_push(scope: Scope, tbl: str, op: str, patch: dict, row) -> str | None:
    """Why a reviewer may not push this change (German), or None if allowed."""
    if op != "update":
        return "Keine Berechtigung: Gutachter*innen dürfen hier nur ihre Stellungnahme ändern."
    if row is None or not scope.visible(tbl, row):
        return NOT_ASSIGNED_DE
    extra = set(patch) - REVIEWER_WRITABLE.get(tbl, frozenset()) - SERVER_OWNED
    if extra:
        return f"Keine Berechtigung: Gutachter*innen dürfen „{', '.join(sorted(extra))}“ nicht ändern."
    return None
