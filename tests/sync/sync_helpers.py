"""Small helpers the desk-side sync tests share."""

from __future__ import annotations

from bochum_desktop.reference.model import Employee, OrgUnit


def add_unit(db, code="10", name="Personalamt"):
    with db.unit_of_work() as s:
        unit = OrgUnit(code=code, name=name, active=True)
        s.add(unit)
    return unit.id


def add_employee(db, number="12345", last="Müller", first="Anna", unit_id=None):
    with db.unit_of_work() as s:
        emp = Employee(personnel_number=number, last_name=last, first_name=first, org_unit_id=unit_id,
                       email="anna.mueller@bochum.de", active=True)
        s.add(emp)
    return emp.id


def edit(db, model, row_id, **values):
    with db.unit_of_work() as s:
        obj = s.get(model, row_id)
        for k, v in values.items():
            setattr(obj, k, v)


def get(db, model, row_id):
    with db.read() as s:
        return s.get(model, row_id)
