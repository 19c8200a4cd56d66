"""Roles per feature. Until server login exists the role set comes from local settings."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    KITA = "kita"
    IDEAS = "ideas"
    IDEAS_REVIEWER = "ideas_reviewer"
    IDEAS_COMMITTEE = "ideas_committee"
    INTERPRETERS = "interpreters"
    VOLUNTEER_CARD = "volunteer_card"
    FAMILY_OFFICE = "family_office"
    ADMIN = "admin"


ALL_ROLES = frozenset(Role)
