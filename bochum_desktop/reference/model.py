"""Org units and employees. Features refer to employees by id; they never copy the register."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import PERSONAL, Base, SyncMixin


class OrgUnit(SyncMixin, Base):
    """An Amt / Fachbereich, e.g. '10 – Personal- und Organisationsamt'."""

    __tablename__ = "org_unit"
    __search_fields__ = ("code", "name")

    code: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Employee(SyncMixin, Base):
    __tablename__ = "employee"
    __search_fields__ = ("personnel_number", "last_name", "first_name", "email")
    __sort_fields__ = ("last_name",)  # the employee list opens sorted by name (reference/views/pages.py)

    personnel_number: Mapped[str] = mapped_column(String(8), index=True)
    last_name: Mapped[str] = mapped_column(String(100), info=PERSONAL)
    first_name: Mapped[str] = mapped_column(String(100), info=PERSONAL)
    org_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True, index=True)
    email: Mapped[str | None] = mapped_column(String(254), nullable=True, info=PERSONAL)
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True, info=PERSONAL)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
