from __future__ import annotations

import pytest

from bochum_desktop.audit.service import history
from bochum_desktop.core.errors import NotFoundError, ValidationError
from bochum_desktop.reference.service import EmployeeData, OrgUnitData, ReferenceService


@pytest.fixture
def service(db):
    return ReferenceService(db)


def _employee(**kw) -> EmployeeData:
    values = dict(id=None, personnel_number="123456", last_name="Müller", first_name="Anna", email="anna.mueller@bochum.de")
    values.update(kw)
    return EmployeeData(**values)


def test_save_and_find_employee_case_and_umlaut_insensitive(service):
    unit = service.save_unit(OrgUnitData(id=None, code="10", name="Personalamt"))
    saved = service.save_employee(_employee(org_unit_id=unit.id))
    assert saved.id and saved.org_unit_label == "10 Personalamt"
    assert [e.id for e in service.find_employees("MÜLLER")] == [saved.id]
    assert [e.id for e in service.find_employees("muller anna")] == [saved.id]
    assert [e.id for e in service.find_employees("1234")] == [saved.id]
    assert service.find_employees("Schmidt") == []


def test_all_bad_fields_reported_at_once_in_german(service):
    with pytest.raises(ValidationError) as info:
        service.save_employee(_employee(personnel_number="12a", last_name=" ", email="kein-at"))
    errors = info.value.errors
    assert set(errors) == {"personnel_number", "last_name", "email"}
    assert "Personalnummer" in errors["personnel_number"]
    assert "Nachname" in errors["last_name"]
    assert service.count_employees() == 0


def test_duplicate_personnel_number_refused(service):
    service.save_employee(_employee())
    with pytest.raises(ValidationError) as info:
        service.save_employee(_employee(last_name="Schmidt"))
    assert info.value.field == "personnel_number"
    assert service.count_employees() == 1


def test_edit_is_recorded_in_history_and_delete_removes_personal_data(service, db, clock):
    saved = service.save_employee(_employee())
    clock.advance(hours=1)
    service.save_employee(_employee(id=saved.id, last_name="Müller-Schmidt"))
    entries = history(db, "employee", saved.id)
    change = next(e for e in entries if e.op == "update")
    assert (change.field, change.old, change.new, change.user) == ("last_name", "Müller", "Müller-Schmidt", "tester")
    service.delete_employee(saved.id)
    assert service.find_employees("Müller") == []
    assert service.count_employees() == 0


def test_unit_code_must_be_unique(service):
    service.save_unit(OrgUnitData(id=None, code="20", name="Kämmerei"))
    with pytest.raises(ValidationError):
        service.save_unit(OrgUnitData(id=None, code="20", name="Andere"))


def test_deleting_several_is_all_or_nothing(service):
    a = service.save_employee(_employee(personnel_number="100001"))
    b = service.save_employee(_employee(personnel_number="100002", last_name="Schmidt"))
    service.delete_employee(b.id)  # someone else deleted b meanwhile
    with pytest.raises(NotFoundError):
        service.delete_employees([a.id, b.id])
    assert service.get_employee(a.id).last_name == "Müller"  # a's data is untouched
