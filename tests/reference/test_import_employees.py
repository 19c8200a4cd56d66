"""Employee and org unit import from Excel (HR export): dry run, all-or-nothing, no duplicates,
export -> import round trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from bochum_desktop.core.errors import DomainError
from bochum_desktop.export.excel_import import apply, dry_run, write_template
from bochum_desktop.reference.importer import (
    employee_spec,
    export_employees,
    export_org_units,
    org_unit_spec,
)
from bochum_desktop.reference.model import Employee, OrgUnit

EMP_HEADER = ["Personalnummer", "Nachname", "Vorname", "Organisationseinheit", "E-Mail", "Telefon", "Aktiv"]
UNIT_HEADER = ["Kennziffer", "Bezeichnung", "Übergeordnete Kennziffer", "Aktiv"]
NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def sheet(path, title, header, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(header)
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def units_file(tmp_path, rows=None):
    rows = rows or [("10.1", "Personalentwicklung", "10", "ja"), ("10", "Personal- und Organisationsamt", None, None),
                    ("51", "Jugendamt", None, "nein")]
    return sheet(tmp_path / "units.xlsx", "Organisationseinheiten", UNIT_HEADER, rows)


def import_units(db, tmp_path, rows=None):
    report = dry_run(org_unit_spec(), units_file(tmp_path, rows), db)
    assert report.errors == []
    return apply(report, db)


def employees(db):
    with db.read() as s:
        return {e.personnel_number: e for e in s.scalars(select(Employee).where(Employee.deleted_at.is_(None)))}


def units(db):
    with db.read() as s:
        return {u.code: u for u in s.scalars(select(OrgUnit))}


def test_org_units_with_parent_later_in_the_file(db, tmp_path):
    result = import_units(db, tmp_path)
    assert result.inserted == 3
    u = units(db)
    assert u["10.1"].parent_id == u["10"].id and u["10"].parent_id is None
    assert u["51"].active is False and u["10"].active is True


def test_org_unit_with_unknown_parent_is_a_row_error(db, tmp_path):
    report = dry_run(org_unit_spec(), units_file(tmp_path, [("20", "Kämmerei", "99", None), ("30", "Recht", "30", None)]), db)
    assert {(e.row, e.column) for e in report.errors} == {(2, "Übergeordnete Kennziffer"), (3, "Übergeordnete Kennziffer")}


def test_employees_import_with_org_unit_by_code(db, tmp_path):
    import_units(db, tmp_path)
    path = sheet(tmp_path / "emp.xlsx", "Beschäftigte", EMP_HEADER, [
        ("0012345", "Müller", "Anna", "10", "anna.mueller@bochum.de", "0234 910-1234", "ja"),
        (12346, "Schäfer", "Max", "51", None, None, False),
        ("0012347", "Öztürk", "Ayşe", None, None, None, None),
    ])
    report = dry_run(employee_spec(db), path, db)
    assert report.errors == [] and report.count("insert") == 3
    apply(report, db)
    emps, u = employees(db), units(db)
    assert emps["0012345"].org_unit_id == u["10"].id and emps["0012345"].email == "anna.mueller@bochum.de"
    assert emps["12346"].active is False and emps["0012347"].org_unit_id is None and emps["0012347"].active


def test_one_bad_row_means_nothing_is_written(db, tmp_path):
    import_units(db, tmp_path)
    rows = [(f"00{1000 + i}0", f"Name{i}", "Vor", "10", None, None, "ja") for i in range(20)]
    rows[13] = ("00999", "Fehler", "Zeile", "77", "keine-mail", None, "vielleicht")
    report = dry_run(employee_spec(db), sheet(tmp_path / "e.xlsx", "Beschäftigte", EMP_HEADER, rows), db)
    errs = {(e.row, e.column): e.message for e in report.errors}
    assert set(errs) == {(15, "E-Mail"), (15, "Aktiv")}  # field errors first; the unit check needs valid rows
    assert "keine gültige E-Mail-Adresse" in errs[(15, "E-Mail")]
    with pytest.raises(DomainError):
        apply(report, db)
    assert employees(db) == {}
    rows[13] = ("00999", "Fehler", "Zeile", "77", None, None, "ja")
    report = dry_run(employee_spec(db), sheet(tmp_path / "e.xlsx", "Beschäftigte", EMP_HEADER, rows), db)
    assert [(e.row, e.column) for e in report.errors] == [(15, "Organisationseinheit")]
    assert "Organisationseinheiten importieren" in report.errors[0].message


def test_reimport_does_not_duplicate_and_shows_updates(db, tmp_path):
    import_units(db, tmp_path)
    rows = [("0012345", "Müller", "Anna", "10", None, None, "ja"), ("0012346", "Schäfer", "Max", "10", None, None, "ja")]
    path = sheet(tmp_path / "e.xlsx", "Beschäftigte", EMP_HEADER, rows)
    apply(dry_run(employee_spec(db), path, db), db)
    again = dry_run(employee_spec(db), path, db)
    assert [r.action for r in again.rows] == ["unchanged", "unchanged"]
    rows[1] = ("0012346", "Schäfer-Klein", "Max", "51", None, None, "ja")
    report = dry_run(employee_spec(db), sheet(tmp_path / "e2.xlsx", "Beschäftigte", EMP_HEADER, rows), db)
    assert [r.action for r in report.rows] == ["unchanged", "update"]
    apply(report, db)
    emps = employees(db)
    assert len(emps) == 2 and emps["0012346"].last_name == "Schäfer-Klein"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Employee)) == 2


def test_export_import_round_trip_is_identical(db, tmp_path):
    import_units(db, tmp_path)
    rows = [("0012345", "Müller", "Anna", "10.1", "anna@bochum.de", "0234 910-1", "ja"),
            ("12346", "Ähm", "Ößür", None, None, None, "nein"),
            ("0012347", "Formel", "Text", "51", None, "+49 234 1", None)]
    apply(dry_run(employee_spec(db), sheet(tmp_path / "e.xlsx", "Beschäftigte", EMP_HEADER, rows), db), db)
    with db.unit_of_work() as s:  # a name that looks like a formula must survive as text
        s.scalars(select(Employee).where(Employee.personnel_number == "0012347")).one().last_name = "=Formel"

    def snapshot():
        u = {x.id: x.code for x in units(db).values()}
        return sorted((e.personnel_number, e.last_name, e.first_name, u.get(e.org_unit_id), e.email, e.phone, e.active)
                      for e in employees(db).values())

    before = snapshot()
    out = export_employees(db, tmp_path / "export.xlsx", "tester", NOW)
    assert load_workbook(out)["Beschäftigte"]["A2"].data_type == "s"
    report = dry_run(employee_spec(db), out, db)
    assert report.errors == [] and {r.action for r in report.rows} == {"unchanged"}
    # Into an empty data file: identical data again.
    with db.unit_of_work() as s:
        for e in s.scalars(select(Employee)):
            s.delete(e)
    assert employees(db) == {}
    apply(dry_run(employee_spec(db), out, db), db)
    assert snapshot() == before
    units_out = export_org_units(db, tmp_path / "units_export.xlsx", "tester", NOW)
    assert {r.action for r in dry_run(org_unit_spec(), units_out, db).rows} == {"unchanged"}


def test_employee_template_offers_org_unit_codes(db, tmp_path):
    import_units(db, tmp_path)
    wb = load_workbook(write_template(employee_spec(db), tmp_path / "vorlage.xlsx"))
    assert [c.value for c in wb["Beschäftigte"][1]] == EMP_HEADER
    codes = [c.value for c in wb["Auswahllisten"]["D"] if c.value]
    assert codes == ["10", "10.1"]  # active units only
    assert wb["Beschäftigte"]["A2"].value == "0012345"
