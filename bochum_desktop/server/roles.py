"""Which role may read and write which synced table: the ONE place that maps tables to roles.

A table belongs to a feature by its name prefix (PREFIX_ROLES). Reference tables (REFERENCE_TABLES) are
readable by every role. Tables of feature "ideas" are readable by the reviewer/committee roles only
pseudonymised (personal columns replaced). A synced table that matches nothing is admin-only, so a new
feature's data is never leaked by accident: add its prefix here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..core.permissions import Role

ADMIN = Role.ADMIN.value

# table-name prefix -> the feature (named by its main role)
PREFIX_ROLES: dict[str, str] = {
    "kita_": Role.KITA.value,
    "idea_": Role.IDEAS.value,
    "ideas_": Role.IDEAS.value,
    "interp_": Role.INTERPRETERS.value,
    "interpreter_": Role.INTERPRETERS.value,
    "volunteer_": Role.VOLUNTEER_CARD.value,
    "family_": Role.FAMILY_OFFICE.value,
}

# Further roles with full access to a feature's tables (the committee decides on the full case).
EXTRA_FULL_ROLES: dict[str, frozenset[str]] = {
    Role.IDEAS.value: frozenset({Role.IDEAS_COMMITTEE.value}),
}

# Roles that see a feature's tables pseudonymised (and may not write personal columns there).
PSEUDONYMISED_ROLES: dict[str, frozenset[str]] = {
    Role.IDEAS.value: frozenset({Role.IDEAS_REVIEWER.value}),
}
# The only tables a pseudonymising role sees at all, and only row by row (server/scope.py: a reviewer gets
# the suggestions assigned to them and their own review records). Everything else of the feature (submitters,
# which would reveal identities, decisions, awards, ...) is never sent to them.
PSEUDONYMISED_TABLES: dict[str, frozenset[str]] = {
    Role.IDEAS.value: frozenset({"idea_suggestion", "idea_review"}),
}

# Shared register every feature refers to (and the shared letter templates). Everyone reads it; feature staff may maintain it,
# pseudonymising roles (reviewers) may not.
REFERENCE_TABLES = frozenset({"employee", "org_unit", "letter_template"})
REFERENCE_WRITERS = frozenset(
    {
        Role.KITA.value,
        Role.IDEAS.value,
        Role.IDEAS_COMMITTEE.value,
        Role.INTERPRETERS.value,
        Role.VOLUNTEER_CARD.value,
        Role.FAMILY_OFFICE.value,
        ADMIN,
    }
)

KNOWN_ROLES = frozenset(r.value for r in Role)


@dataclass(frozen=True)
class Access:
    read: bool
    write: bool
    pseudonymised: bool = False
    # Only rows inside the user's scope (server/scope.py) are read or written.
    scoped: bool = False


NONE = Access(False, False)


def owner_role(table: str) -> str | None:
    for prefix, role in PREFIX_ROLES.items():
        if table.startswith(prefix):
            return role
    return None


def access(table: str, roles: frozenset[str] | set[str]) -> Access:
    roles = frozenset(roles)
    if ADMIN in roles:
        return Access(True, True)
    if table in REFERENCE_TABLES:
        return Access(True, bool(roles & REFERENCE_WRITERS))
    owner = owner_role(table)
    if owner is None:
        return NONE
    if owner in roles or roles & EXTRA_FULL_ROLES.get(owner, frozenset()):
        return Access(True, True)
    if roles & PSEUDONYMISED_ROLES.get(owner, frozenset()) and table in PSEUDONYMISED_TABLES.get(owner, ()):
        return Access(True, True, pseudonymised=True, scoped=True)
    return NONE


def roles_fingerprint(roles: frozenset[str] | set[str]) -> str:
    """Short hash of a role set; part of the pull cursor so a role change triggers a full pull."""
    return hashlib.sha256(",".join(sorted(roles)).encode()).hexdigest()[:8]


def pseudonym(row_id: str, column: str, secret: str) -> str:
    digest = hashlib.sha256(f"{secret}|{row_id}|{column}".encode()).hexdigest()[:8]
    return f"Pseudonym-{digest}"
