"""Who may see what in the suggestion scheme, and who the current user is in the employee register.

Roles come from ctx.roles (local settings until server login exists):
- coordinator (Role.IDEAS, or admin): everything;
- committee (Role.IDEAS_COMMITTEE): the full case of suggestions at decision time (Kommission,
  zurückgestellt) and the decisions/statistics;
- reviewer (Role.IDEAS_REVIEWER): only suggestions assigned to them, pseudonymised.

The reviewer's identity: the ideas setting `reviewer_personnel_number` (set on the desk of a reviewer), or
else the active employee whose e-mail's local part equals the login name (ctx.user), case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.errors import PermissionDenied
from ..core.permissions import Role

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

COMMITTEE_STATES = ("kommission", "zurueckgestellt")


@dataclass(frozen=True)
class Access:
    coordinator: bool
    committee: bool
    reviewer: bool

    @classmethod
    def of(cls, ctx) -> Access:
        roles = ctx.roles
        admin = Role.ADMIN in roles
        return cls(
            coordinator=admin or Role.IDEAS in roles,
            committee=Role.IDEAS_COMMITTEE in roles,
            reviewer=Role.IDEAS_REVIEWER in roles,
        )

    @property
    def any(self) -> bool:
        return self.coordinator or self.committee or self.reviewer

    @property
    def full_view(self) -> bool:
        """May see submitter identity at all (coordinator always, committee at decision time)."""
        return self.coordinator or self.committee

    def require_coordinator(self) -> None:
        if not self.coordinator:
            raise PermissionDenied("Diese Aktion ist der Koordination des Ideenmanagements vorbehalten.")

    def require_decider(self) -> None:
        if not (self.coordinator or self.committee):
            raise PermissionDenied("Entscheidungen treffen nur Koordination oder Kommission.")

    def require_any(self) -> None:
        if not self.any:
            raise PermissionDenied("Sie haben keine Berechtigung für das Ideenmanagement.")


def current_employee_id(session: Session, ctx) -> str | None:
    """The employee the logged-in user is (for reviewers); None if no match."""
    # Imported here: Access.of() is used while the shell registers features, before the ORM is loaded.
    from sqlalchemy import func, select

    from ..reference.model import Employee

    settings = ctx.feature_settings("ideas")
    number = str(settings.get("reviewer_personnel_number") or "").strip()
    if number:
        return session.scalar(
            select(Employee.id).where(Employee.personnel_number == number, Employee.deleted_at.is_(None))
        )
    login = (ctx.user or "").strip().casefold()
    if not login:
        return None
    rows = session.execute(
        select(Employee.id, Employee.email).where(
            Employee.deleted_at.is_(None), Employee.active.is_(True), Employee.email.is_not(None),
            func.lower(Employee.email).like(f"{login}@%"),
        )
    ).all()
    # lower()/LIKE fold only ASCII in SQLite; the exact casefold comparison here is the real check.
    matches = [r.id for r in rows if r.email.split("@", 1)[0].casefold() == login]
    return matches[0] if len(matches) == 1 else None
