"""Excel import and export of org units and employees (e.g. from an HR export), built on the generic
all-or-nothing import of export.excel_import. Natural keys: Kennziffer (org unit), Personalnummer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import validation as v
from ..core.errors import ValidationError
from ..core.ids import new_id
from ..core.tasks import TaskControl
from ..db.session import Database
from ..export.columns import OutColumn
from ..export.excel import write_table
from ..export.excel_import import ImportColumn, ImportSpec, yes_no
from .model import Employee, OrgUnit

YES_NO = {"ja": "ja", "nein": "nein"}


@dataclass
class UnitLookup:
    code_to_id: dict[str, str] = field(default_factory=dict)
    # org unit code -> parent code whose row comes later in the same file (resolved after all rows)
    pending_parents: dict[str, str] = field(default_factory=dict)


def _load_units(session: Session) -> UnitLookup:
    rows = session.execute(select(OrgUnit.code, OrgUnit.id).where(OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.created_at))
    lookup = UnitLookup()
    for code, unit_id in rows:
        lookup.code_to_id.setdefault(code, unit_id)
    return lookup


def _unit_codes(db: Database) -> dict[str, str]:
    with db.read() as s:
        rows = s.execute(select(OrgUnit.code, OrgUnit.name).where(OrgUnit.deleted_at.is_(None), OrgUnit.active.is_(True))
                         .order_by(OrgUnit.code))
        return {code: name for code, name in rows}


def _optional_code(value: object, fld: str, label: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return v.require_text(value, fld, label, 20)


# --- org units -----------------------------------------------------------------------------------------

ORG_UNIT_COLUMNS = [
    ImportColumn("code", "Kennziffer", lambda x: _optional_code(x, "code", "Kennziffer"), required=True,
                 example="10", hint="Eindeutige Kennziffer des Amts, z. B. 10 oder 51.2", width=14),
    ImportColumn("name", "Bezeichnung", lambda x: v.require_text(x, "name", "Bezeichnung", 200), required=True,
                 example="Personal- und Organisationsamt", width=40),
    ImportColumn("parent", "Übergeordnete Kennziffer", lambda x: _optional_code(x, "parent", "Übergeordnete Kennziffer"),
                 example=None, hint="Leer lassen oder Kennziffer einer vorhandenen oder in der Datei genannten Einheit"),
    ImportColumn("active", "Aktiv", lambda x: yes_no(x, "active", "Aktiv"), choices=YES_NO, example="ja",
                 hint="ja oder nein; leer bedeutet ja", width=10, default=True),
]


def _existing_units(session: Session, lookup: UnitLookup) -> dict:
    units = session.scalars(select(OrgUnit).where(OrgUnit.deleted_at.is_(None)).order_by(OrgUnit.created_at)).all()
    id_to_code = {u.id: u.code for u in units}
    result: dict = {}
    for u in units:
        result.setdefault(u.code, {"id": u.id, "code": u.code, "name": u.name,
                                   "parent": id_to_code.get(u.parent_id), "active": u.active})
    return result


def _check_unit(values: dict, lookup: UnitLookup, file_keys: set) -> None:
    parent = values.get("parent")
    if parent is None:
        return
    if parent == values["code"]:
        raise ValidationError({"parent": "Eine Einheit kann nicht sich selbst übergeordnet sein."})
    if parent not in lookup.code_to_id and parent not in file_keys:
        raise ValidationError({"parent": f"Die übergeordnete Kennziffer „{parent}“ gibt es weder in der Datei noch im Bestand."})


def _apply_unit(session: Session, values: dict, existing_id: str | None, lookup: UnitLookup) -> None:
    unit = session.get(OrgUnit, existing_id) if existing_id else None
    if unit is None:
        unit = OrgUnit(id=new_id())
        session.add(unit)
    unit.code, unit.name, unit.active = values["code"], values["name"], values["active"]
    lookup.code_to_id[unit.code] = unit.id
    parent = values.get("parent")
    if parent is None:
        unit.parent_id = None
    elif parent in lookup.code_to_id:
        unit.parent_id = lookup.code_to_id[parent]
    else:
        lookup.pending_parents[unit.code] = parent


def _resolve_parents(session: Session, lookup: UnitLookup) -> None:
    for code, parent in lookup.pending_parents.items():
        unit = session.get(OrgUnit, lookup.code_to_id[code])
        unit.parent_id = lookup.code_to_id[parent]


def org_unit_spec() -> ImportSpec:
    return ImportSpec(
        entity="Organisationseinheiten",
        sheet="Organisationseinheiten",
        columns=ORG_UNIT_COLUMNS,
        natural_key="code",
        lookup=_load_units,
        existing=_existing_units,
        check_row=_check_unit,
        apply_row=_apply_unit,
        after_apply=_resolve_parents,
    )


# --- employees -----------------------------------------------------------------------------------------


def _employee_columns(db: Database | None) -> list[ImportColumn]:
    return [
        ImportColumn("personnel_number", "Personalnummer", lambda x: v.personnel_number(x), required=True,
                     example="0012345", hint="5 bis 8 Ziffern; als Text eingeben, damit führende Nullen bleiben", width=16),
        ImportColumn("last_name", "Nachname", lambda x: v.require_text(x, "last_name", "Nachname", 100), required=True,
                     example="Müller", width=20),
        ImportColumn("first_name", "Vorname", lambda x: v.require_text(x, "first_name", "Vorname", 100), required=True,
                     example="Anna", width=20),
        ImportColumn("org_unit", "Organisationseinheit", lambda x: _optional_code(x, "org_unit", "Organisationseinheit"),
                     choices=(lambda: _unit_codes(db)) if db is not None else None, example="10",
                     hint="Kennziffer einer vorhandenen Organisationseinheit (Auswahlliste)", width=20),
        ImportColumn("email", "E-Mail", lambda x: v.email(x), example="anna.mueller@bochum.de", width=30),
        ImportColumn("phone", "Telefon", lambda x: v.phone(x), example="0234 910-1234", width=18),
        ImportColumn("active", "Aktiv", lambda x: yes_no(x, "active", "Aktiv"), choices=YES_NO, example="ja",
                     hint="ja oder nein; leer bedeutet ja", width=10, default=True),
    ]


EMPLOYEE_COLUMNS = _employee_columns(None)


def _existing_employees(session: Session, lookup: UnitLookup) -> dict:
    id_to_code = {unit_id: code for code, unit_id in lookup.code_to_id.items()}
    rows = session.scalars(select(Employee).where(Employee.deleted_at.is_(None)).order_by(Employee.created_at)).all()
    result: dict = {}
    for e in rows:
        result.setdefault(e.personnel_number, {
            "id": e.id, "personnel_number": e.personnel_number, "last_name": e.last_name,
            "first_name": e.first_name, "org_unit": id_to_code.get(e.org_unit_id), "email": e.email,
            "phone": e.phone, "active": e.active,
        })
    return result


def _check_employee(values: dict, lookup: UnitLookup, file_keys: set) -> None:
    code = values.get("org_unit")
    if code is not None and code not in lookup.code_to_id:
        raise ValidationError({"org_unit": f"Die Organisationseinheit „{code}“ gibt es nicht. "
                                           "Bitte zuerst die Organisationseinheiten importieren."})


def _apply_employee(session: Session, values: dict, existing_id: str | None, lookup: UnitLookup) -> None:
    emp = session.get(Employee, existing_id) if existing_id else None
    if emp is None:
        emp = Employee()
        session.add(emp)
    emp.personnel_number = values["personnel_number"]
    emp.last_name, emp.first_name = values["last_name"], values["first_name"]
    code = values.get("org_unit")
    if code is not None and code not in lookup.code_to_id:  # deleted since the dry run
        raise ValidationError({"org_unit": f"Die Organisationseinheit „{code}“ gibt es nicht mehr."})
    emp.org_unit_id = lookup.code_to_id[code] if code else None
    emp.email, emp.phone, emp.active = values["email"], values["phone"], values["active"]


def employee_spec(db: Database | None = None) -> ImportSpec:
    """With `db`, the template offers the current org unit codes as a dropdown."""
    return ImportSpec(
        entity="Beschäftigte",
        sheet="Beschäftigte",
        columns=_employee_columns(db),
        natural_key="personnel_number",
        lookup=_load_units,
        existing=_existing_employees,
        check_row=_check_employee,
        apply_row=_apply_employee,
    )


# --- export in the import format (round trip) --------------------------------------------------------


def _meta(user: str, now: datetime) -> dict:
    return {"Erstellt von": user, "Erstellt am": now, "Filter": "alle nicht gelöschten Einträge"}


def export_employees(db: Database, path: str | Path, user: str, now: datetime, control: TaskControl | None = None) -> Path:
    columns = [OutColumn(c.header, "bool" if c.key == "active" else "text") for c in EMPLOYEE_COLUMNS]
    with db.read() as s:
        lookup = _load_units(s)
        rows = [
            (r["personnel_number"], r["last_name"], r["first_name"], r["org_unit"], r["email"], r["phone"], r["active"])
            for r in sorted(_existing_employees(s, lookup).values(), key=lambda r: r["personnel_number"])
        ]
    return write_table(path, "Beschäftigte", columns, rows, _meta(user, now), control, total=len(rows))


def export_org_units(db: Database, path: str | Path, user: str, now: datetime, control: TaskControl | None = None) -> Path:
    columns = [OutColumn(c.header, "bool" if c.key == "active" else "text") for c in ORG_UNIT_COLUMNS]
    with db.read() as s:
        rows = [(r["code"], r["name"], r["parent"], r["active"])
                for r in sorted(_existing_units(s, _load_units(s)).values(), key=lambda r: r["code"])]
    return write_table(path, "Organisationseinheiten", columns, rows, _meta(user, now), control, total=len(rows))
