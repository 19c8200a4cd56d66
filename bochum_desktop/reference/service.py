"""Use cases for the employee register and org units. Returns plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..core import validation as v
from ..core.errors import NotFoundError, ValidationError
from ..core.features import SearchHit
from ..db import search
from ..db.session import Database, soft_delete
from .model import Employee, OrgUnit


@dataclass(frozen=True)
class OrgUnitData:
    id: str | None
    code: str
    name: str
    active: bool = True
    parent_id: str | None = None


@dataclass(frozen=True)
class EmployeeData:
    id: str | None
    personnel_number: str
    last_name: str
    first_name: str
    org_unit_id: str | None = None
    email: str | None = None
    phone: str | None = None
    active: bool = True
    org_unit_label: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.last_name}, {self.first_name}"


def _unit_data(u: OrgUnit) -> OrgUnitData:
    return OrgUnitData(id=u.id, code=u.code, name=u.name, active=u.active, parent_id=u.parent_id)


def _employee_data(e: Employee, unit: OrgUnit | None = None) -> EmployeeData:
    return EmployeeData(
        id=e.id,
        personnel_number=e.personnel_number,
        last_name=e.last_name,
        first_name=e.first_name,
        org_unit_id=e.org_unit_id,
        email=e.email,
        phone=e.phone,
        active=e.active,
        org_unit_label=f"{unit.code} {unit.name}" if unit else "",
    )


class ReferenceService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- org units -------------------------------------------------------------------------------
    def list_units(self, include_inactive: bool = False) -> list[OrgUnitData]:
        with self.db.read() as s:
            q = select(OrgUnit).where(OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.code)
            if not include_inactive:
                q = q.where(OrgUnit.active.is_(True))
            return [_unit_data(u) for u in s.scalars(q)]

    def save_unit(self, data: OrgUnitData) -> OrgUnitData:
        code = v.require_text(data.code, "code", "Kennziffer", 20)
        name = v.require_text(data.name, "name", "Bezeichnung", 200)
        with self.db.unit_of_work() as s:
            clash = s.scalar(
                select(OrgUnit.id).where(OrgUnit.code == code, OrgUnit.deleted_at.is_(None), OrgUnit.id != (data.id or ""))
            )
            if clash:
                raise ValidationError({"code": f"Die Kennziffer „{code}“ ist schon vergeben."})
            unit = s.get(OrgUnit, data.id) if data.id else None
            if data.id and unit is None:
                raise NotFoundError("Die Organisationseinheit gibt es nicht mehr.")
            if unit is None:
                unit = OrgUnit()
                s.add(unit)
            unit.code, unit.name, unit.active, unit.parent_id = code, name, data.active, data.parent_id
            s.flush()
            return _unit_data(unit)

    # --- employees -------------------------------------------------------------------------------
    def get_employee(self, employee_id: str) -> EmployeeData:
        with self.db.read() as s:
            e = s.get(Employee, employee_id)
            if e is None or e.deleted_at is not None:
                raise NotFoundError("Die/der Beschäftigte wurde nicht gefunden.")
            unit = s.get(OrgUnit, e.org_unit_id) if e.org_unit_id else None
            return _employee_data(e, unit)

    def validate_employee(self, data: EmployeeData) -> dict:
        values: dict = {}

        def check(name, fn):
            def run():
                values[name] = fn()

            return run

        v.collect(
            check("personnel_number", lambda: v.personnel_number(data.personnel_number)),
            check("last_name", lambda: v.require_text(data.last_name, "last_name", "Nachname", 100)),
            check("first_name", lambda: v.require_text(data.first_name, "first_name", "Vorname", 100)),
            check("email", lambda: v.email(data.email)),
            check("phone", lambda: v.phone(data.phone)),
        )
        values["org_unit_id"] = data.org_unit_id or None
        values["active"] = bool(data.active)
        return values

    def save_employee(self, data: EmployeeData) -> EmployeeData:
        values = self.validate_employee(data)
        with self.db.unit_of_work() as s:
            clash = s.scalar(
                select(Employee.id).where(
                    Employee.personnel_number == values["personnel_number"],
                    Employee.deleted_at.is_(None),
                    Employee.id != (data.id or ""),
                )
            )
            if clash:
                raise ValidationError(
                    {"personnel_number": f"Die Personalnummer {values['personnel_number']} ist schon vergeben."}
                )
            if values["org_unit_id"] and s.get(OrgUnit, values["org_unit_id"]) is None:
                raise ValidationError({"org_unit_id": "Die gewählte Organisationseinheit gibt es nicht."})
            emp = s.get(Employee, data.id) if data.id else None
            if data.id and (emp is None or emp.deleted_at is not None):
                raise NotFoundError("Die/der Beschäftigte wurde inzwischen gelöscht.")
            if emp is None:
                emp = Employee()
                s.add(emp)
            for key, value in values.items():
                setattr(emp, key, value)
            s.flush()
            unit = s.get(OrgUnit, emp.org_unit_id) if emp.org_unit_id else None
            return _employee_data(emp, unit)

    def delete_employee(self, employee_id: str) -> None:
        self.delete_employees([employee_id])

    def delete_employees(self, employee_ids: list[str]) -> None:
        """All or none: if one is gone meanwhile, nobody's data is erased."""
        with self.db.unit_of_work() as s:
            for employee_id in employee_ids:
                emp = s.get(Employee, employee_id)
                if emp is None or emp.deleted_at is not None:
                    raise NotFoundError("Die/der Beschäftigte wurde nicht gefunden (inzwischen gelöscht?). "
                                        "Es wurde niemand gelöscht.")
                soft_delete(s, emp)

    def find_employees(self, text: str, limit: int = 20) -> list[EmployeeData]:
        with self.db.read() as s:
            q = select(Employee, OrgUnit).outerjoin(OrgUnit, Employee.org_unit_id == OrgUnit.id)
            q = q.where(Employee.deleted_at.is_(None))
            q = search.filter_ids(q, Employee.id, Employee.__tablename__, text)
            q = q.order_by(Employee.last_name, Employee.first_name).limit(limit)
            return [_employee_data(e, u) for e, u in s.execute(q)]

    def count_employees(self) -> int:
        with self.db.read() as s:
            return s.scalar(select(func.count()).select_from(Employee).where(Employee.deleted_at.is_(None)))

    def headcount_by_unit(self) -> dict[str, int]:
        with self.db.read() as s:
            rows = s.execute(
                select(Employee.org_unit_id, func.count())
                .where(Employee.deleted_at.is_(None), Employee.active.is_(True))
                .group_by(Employee.org_unit_id)
            )
            return {unit_id: n for unit_id, n in rows if unit_id}

    def search_hits(self, text: str) -> list[SearchHit]:
        return [
            SearchHit(
                feature="reference",
                title=e.display_name,
                subtitle=f"Personalnr. {e.personnel_number}" + (f" · {e.org_unit_label}" if e.org_unit_label else ""),
                target_id=e.id,
                kind="employee",
            )
            for e in self.find_employees(text, limit=10)
        ]
