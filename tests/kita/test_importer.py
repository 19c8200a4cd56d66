"""Excel import of Kitas and applications: dry run reports every bad row, apply is all-or-nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook

from bochum_desktop.core.errors import DomainError
from bochum_desktop.export.excel_import import apply, dry_run, write_template
from bochum_desktop.kita.importer import application_spec, kita_spec

from .conftest import make_draft

APP_HEADER = ["Personalnummer", "Nachname", "Vorname", "Kind: Vorname", "Kind: Geburtsdatum", "Gewünschter Beginn",
              "Betreuungsumfang (Std.)", "Wunsch-Kita 1", "Wunsch-Kita 2", "Alleinerziehend", "Eingangsdatum"]


def _write(path, sheet, header, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_kitas_then_applications_import(db, service, tmp_path):
    kitas = _write(tmp_path / "kitas.xlsx", "Kitas", ["Name", "Träger", "PLZ", "Aktiv"],
                   [["Kita Rathaus", "AWO", 44787, "ja"], ["Kita Sonnenschein", "Caritas", "44789", ""]])
    report = dry_run(kita_spec(db), kitas, db)
    assert report.ok and report.count("insert") == 2
    apply(report, db)
    assert [k.name for k in service.list_kitas()] == ["Kita Rathaus", "Kita Sonnenschein"]
    assert dry_run(kita_spec(db), kitas, db).count("unchanged") == 2  # importing twice changes nothing

    rows = [
        ["12345", "Müller", "Anna", "Ben", datetime(2025, 5, 1), "01.01.2027", 35, "kita rathaus", "Kita Sonnenschein",
         "ja", date(2026, 11, 2)],
        ["22222", "Schmidt", "Carl", "Mia", date(2025, 3, 1), date(2027, 1, 1), "35", "Kita Rathaus", None, "nein",
         date(2026, 11, 3)],
    ]
    path = _write(tmp_path / "antraege.xlsx", "Anträge", APP_HEADER, rows)
    report = dry_run(application_spec(db), path, db)
    assert report.errors == [] and report.count("insert") == 2
    apply(report, db)
    apps = service.list_applications()
    assert [(a.applicant, a.preference_names, a.single_parent) for a in apps] == [
        ("Müller, Anna", ("Kita Rathaus", "Kita Sonnenschein"), True), ("Schmidt, Carl", ("Kita Rathaus",), False)]
    assert dry_run(application_spec(db), path, db).count("unchanged") == 2


def test_bad_rows_are_reported_and_nothing_is_imported(db, service, kitas, tmp_path):
    service.create_application(make_draft([kitas[0].id]))
    rows = [
        ["33333", "Ok", "Olga", "Lea", date(2025, 1, 1), date(2027, 1, 1), 35, "Kita Rathaus", None, "", date(2026, 11, 1)],
        ["44444", "Zukunft", "Zoe", "Tim", date(2027, 1, 1), date(2027, 2, 1), 40, "Kita Nirgendwo", None, "vielleicht",
         date(2026, 11, 1)],
        ["12345", "Müller", "Anna", "Lotta", date(2024, 1, 1), date(2027, 1, 1), 35, "Kita Rathaus", None, "",
         date(2026, 11, 1)],
    ]
    path = _write(tmp_path / "antraege.xlsx", "Anträge", APP_HEADER, rows)
    report = dry_run(application_spec(db), path, db)
    by_row = {}
    for e in report.errors:
        by_row.setdefault(e.row, []).append((e.column, e.message))
    assert 2 not in by_row
    columns3 = {c for c, _ in by_row[3]}
    assert {"Betreuungsumfang (Std.)", "Alleinerziehend"} <= columns3
    assert any("anderes Kind" in m for _, m in by_row[4])
    with pytest.raises(DomainError, match="Fehler"):
        apply(report, db)
    assert len(service.list_applications()) == 1
    # Kita name and birth date problems are found once the cell values themselves are readable
    rows[1][6], rows[1][9] = 35, "nein"
    path = _write(tmp_path / "antraege2.xlsx", "Anträge", APP_HEADER, rows[:2])
    messages = {e.column: e.message for e in dry_run(application_spec(db), path, db).errors}
    assert "Kita Nirgendwo" in messages["Wunsch-Kita 1"]
    assert "Zukunft" in messages["Kind: Geburtsdatum"]


def test_template_has_every_column(db, tmp_path):
    from openpyxl import load_workbook

    path = write_template(application_spec(db), tmp_path / "vorlage.xlsx")
    header = [c.value for c in load_workbook(path)["Anträge"][1]]
    assert header[:3] == ["Personalnummer", "Nachname", "Vorname"] and "Wunsch-Kita 5" in header


def _row(pn, last, child, birth, kita="Kita Rathaus"):
    return [pn, last, "Anna", child, birth, date(2027, 1, 1), 35, kita, None, "", date(2026, 11, 2)]


def test_duplicate_rules_within_one_file(db, service, kitas, tmp_path):
    """One personnel number twice in a file is refused in the dry run; nothing of the file is imported."""
    rows = [_row("33333", "Ok", "Lea", date(2025, 1, 1)), _row("12345", "Müller", "Ben", date(2025, 5, 1)),
            _row("12345", "Müller", "Ben", date(2025, 5, 1))]
    path = _write(tmp_path / "antraege.xlsx", "Anträge", APP_HEADER, rows)
    report = dry_run(application_spec(db), path, db)
    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (4, "Personalnummer", "„12345“ steht schon in Zeile 3; jede Personalnummer nur einmal.")]
    with pytest.raises(DomainError, match="Fehler"):
        apply(report, db)
    assert service.list_applications() == []


def test_rows_written_earlier_in_one_import_count_as_duplicates(db, service, kitas):
    """The keys loaded once per import follow every row written in the same transaction: a second
    application for the same child is refused, and an application whose child was changed frees its old key."""
    from bochum_desktop.kita.application_writer import ApplicationKeys, write_application

    from .conftest import make_draft

    today = date(2026, 11, 26)
    with pytest.raises(DomainError, match="Duplikat"), db.unit_of_work() as s:
        keys = ApplicationKeys.load(s)
        write_application(s, make_draft([kitas[0].id]), None, today, keys)
        write_application(s, make_draft([kitas[0].id], child_first_name="BEN "), None, today, keys)
    assert service.list_applications() == []  # the transaction rolled back as a whole

    with db.unit_of_work() as s:
        keys = ApplicationKeys.load(s)
        first = write_application(s, make_draft([kitas[0].id]), None, today, keys)
        write_application(s, make_draft([kitas[0].id], child_first_name="Lea"), first.id, today, keys)
        write_application(s, make_draft([kitas[0].id]), None, today, keys)  # Ben again: no longer on file
    assert sorted(a.child_first_name for a in service.list_applications()) == ["Ben", "Lea"]


def test_duplicate_of_a_stored_application_stops_the_whole_import(db, service, kitas, tmp_path):
    """The register links a row to an employee who already has an application for the same child (filed under
    the personnel number the employee had then): the import refuses it with the duplicate message, all or none."""
    from sqlalchemy import select

    from bochum_desktop.reference.model import Employee

    from .conftest import make_draft

    with db.unit_of_work() as s:
        emp = Employee(personnel_number="54321", last_name="Müller", first_name="Anna")
        s.add(emp)
        s.flush()
        emp_id = emp.id
    service.create_application(make_draft([kitas[0].id], employee_id=emp_id))
    with db.unit_of_work() as s:
        s.scalars(select(Employee).where(Employee.id == emp_id)).one().personnel_number = "77777"
    rows = [_row("33333", "Ok", "Lea", date(2025, 1, 1)), _row("77777", "Müller", "ben", date(2025, 5, 1))]
    path = _write(tmp_path / "antraege.xlsx", "Anträge", APP_HEADER, rows)
    report = dry_run(application_spec(db), path, db)
    assert report.errors == [] and report.count("insert") == 2
    with pytest.raises(DomainError) as err:
        apply(report, db)
    assert err.value.message == ("Zeile 3: Für dieses Kind liegt von derselben/demselben Beschäftigten bereits "
                                 "ein Antrag vor (Duplikat). – es wurde nichts importiert.")
    assert [a.personnel_number for a in service.list_applications()] == ["54321"]  # row 2 was rolled back too
