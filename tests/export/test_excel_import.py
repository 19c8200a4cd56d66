"""Generic import framework: every kind of bad file gives a German message, never a traceback, and
nothing is written; validators are fuzzed."""

from __future__ import annotations

import contextlib
import zipfile
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from bochum_desktop.core import validation as v
from bochum_desktop.core.errors import DomainError, ValidationError
from bochum_desktop.export.excel_import import (
    ImportColumn,
    ImportFileError,
    ImportSpec,
    apply,
    dry_run,
    write_template,
    yes_no,
)
from bochum_desktop.reference.model import OrgUnit

COLUMNS = [
    ImportColumn("code", "Kennziffer", lambda x: v.require_text(x, "code", "Kennziffer", 20), required=True, example="A1"),
    ImportColumn("day", "Stichtag", lambda x: v.a_date(x, "day", "Stichtag"), required=True, example=date(2026, 11, 26)),
    ImportColumn("kind", "Art", lambda x: v.one_of(x, {"k": "Kita", "s": "Schule"}, "kind", "Art"),
                 choices={"k": "Kita", "s": "Schule"}, example="k"),
]


def _existing(session, lookup):
    return {u.code: {"id": u.id, "code": u.code, "day": date.fromisoformat(u.name[:10]), "kind": u.name[11:] or None}
            for u in session.scalars(select(OrgUnit).where(OrgUnit.deleted_at.is_(None)))}


def _apply(session, values, existing_id, lookup):
    unit = session.get(OrgUnit, existing_id) if existing_id else None
    if unit is None:
        unit = OrgUnit()
        session.add(unit)
    unit.code = values["code"]
    unit.name = f"{values['day'].isoformat()} {values['kind'] or ''}".strip()


def spec(**kw) -> ImportSpec:
    return ImportSpec(entity="Termine", sheet="Termine", columns=COLUMNS, natural_key="code",
                      existing=_existing, apply_row=_apply, **kw)


def xlsx(path, rows, sheet="Termine", header=("Kennziffer", "Stichtag", "Art"), setup=None):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if header:
        ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    if setup:
        setup(ws)
    wb.save(path)
    return path


def count(db):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(OrgUnit))


def test_clean_file_with_dates_as_cells_and_as_text(db, tmp_path):
    path = xlsx(tmp_path / "t.xlsx", [("A1", datetime(2026, 1, 5), "k"), ("A2", "26.11.2026", "Schule"), ("A3", "2026-02-01", None)])
    report = dry_run(spec(), path, db)
    assert report.errors == []
    assert [r.values["day"] for r in report.rows] == [date(2026, 1, 5), date(2026, 11, 26), date(2026, 2, 1)]
    assert [r.values["kind"] for r in report.rows] == ["k", "s", None]  # label accepted, stored as code
    result = apply(report, db)
    assert (result.inserted, result.updated) == (3, 0) and count(db) == 3


def test_row_errors_name_row_column_and_reason_and_nothing_is_written(db, tmp_path):
    path = xlsx(tmp_path / "t.xlsx", [("A1", "31.02.2026", "k"), ("", "01.01.2026", "k"), ("A3", "01.01.2026", "Hort"),
                                      ("A4", "01.01.2026", "k"), ("A4", "02.01.2026", "k")])
    report = dry_run(spec(), path, db)
    got = {(e.row, e.column) for e in report.errors}
    assert got == {(2, "Stichtag"), (3, "Kennziffer"), (4, "Art"), (6, "Kennziffer")}
    by_row = {e.row: e.message for e in report.errors}
    assert "kein Datum" in by_row[2] and "TT.MM.JJJJ" in by_row[2]
    assert "ausfüllen" in by_row[3]
    assert "nicht zulässig" in by_row[4] and "Kita, Schule" in by_row[4]
    assert "Zeile 5" in by_row[6]
    assert not report.ok and "Fehler" in report.summary()
    with pytest.raises(DomainError):
        apply(report, db)
    assert count(db) == 0
    saved = load_workbook(report.save(tmp_path / "bericht.xlsx"))
    rows = list(saved["Fehler"].iter_rows(values_only=True))
    assert rows[0] == ("Zeile", "Spalte", "Wert", "Fehler") and len(rows) == 5


def test_blank_rows_skipped_extra_columns_ignored_header_case_insensitive(db, tmp_path):
    path = xlsx(tmp_path / "t.xlsx", [("A1", "01.01.2026", "k", "egal"), (None, None, None, "x"), ("A2", "02.01.2026", None, None)],
                header=(" kennziffer ", "STICHTAG", "Art", "Bemerkung"))
    report = dry_run(spec(), path, db)
    assert report.errors == [] and len(report.rows) == 2 and report.ignored_headers == ["Bemerkung"]


@pytest.mark.parametrize(
    "make,fragment",
    [
        (lambda p: p.write_text("Kennziffer;Stichtag\nA1;01.01.2026", encoding="utf-8"), "keine Excel-Datei"),
        (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500), "alte Excel-Datei (.xls)"),
        (lambda p: zipfile.ZipFile(p, "w").writestr("hallo.txt", "kein xlsx"), "kann nicht gelesen werden"),
        (lambda p: p.write_bytes(b""), "keine Excel-Datei"),
        (lambda p: xlsx(p, [("A1", "01.01.2026")], sheet="Tabelle1"), "Tabellenblatt „Termine“ fehlt"),
        (lambda p: xlsx(p, [("A1", "x")], header=("Kennziffer", "Datum")), "„Stichtag“"),
        (lambda p: xlsx(p, [], header=None), "leer"),
        (lambda p: xlsx(p, [("A1", "01.01.2026", "k")], header=("Kennziffer", "Stichtag", "Kennziffer")), "zweimal"),
        (lambda p: xlsx(p, [("A1", "01.01.2026", "k"), ("A2", "01.01.2026", "k")],
                        setup=lambda ws: ws.merge_cells("A2:A3")), "verbundene Zellen (A2:A3)"),
    ],
    ids=["csv", "xls", "zip", "empty-file", "wrong-sheet", "missing-column", "empty-sheet", "double-header", "merged"],
)
def test_bad_files_give_a_german_message(db, tmp_path, make, fragment):
    path = tmp_path / "datei.xlsx"
    make(path)
    with pytest.raises(ImportFileError) as err:
        dry_run(spec(), path, db)
    assert fragment in err.value.message
    assert count(db) == 0


def test_missing_file(db, tmp_path):
    with pytest.raises(ImportFileError, match="nicht gefunden"):
        dry_run(spec(), tmp_path / "fehlt.xlsx", db)


def test_formula_cells_are_row_errors(db, tmp_path):
    path = xlsx(tmp_path / "t.xlsx", [("A1", "=TODAY()", "k"), ("A2", "01.01.2026", "k")])
    report = dry_run(spec(), path, db)
    assert [(e.row, e.column) for e in report.errors] == [(2, "Stichtag")]
    assert "Formel" in report.errors[0].message
    saved = load_workbook(report.save(tmp_path / "bericht.xlsx"))["Fehler"]
    assert saved["C2"].value == "=TODAY()" and saved["C2"].data_type == "s"  # reported as text


def test_100k_rows_are_refused_with_a_message_and_nothing_is_written(db, tmp_path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Termine")
    ws.append(["Kennziffer", "Stichtag", "Art"])
    for i in range(100_000):
        ws.append([f"K{i}", date(2026, 1, 1), "k"])
    wb.save(tmp_path / "gross.xlsx")
    with pytest.raises(ImportFileError) as err:
        dry_run(spec(), tmp_path / "gross.xlsx", db)
    # write-only files carry no size information, so the count stops at the limit
    assert "mehr als 50.000 Datenzeilen" in err.value.message and "höchstens 50.000" in err.value.message
    assert count(db) == 0


def test_row_limit_read_from_the_sheet_dimension(db, tmp_path):
    path = xlsx(tmp_path / "t.xlsx", [(f"K{i}", "01.01.2026", "k") for i in range(12)])
    with pytest.raises(ImportFileError, match="hat 12 Datenzeilen; ein Import nimmt höchstens 10 auf"):
        dry_run(spec(max_rows=10), path, db)


def test_reimport_updates_instead_of_duplicating(db, tmp_path):
    path = xlsx(tmp_path / "t.xlsx", [("A1", "01.01.2026", "k"), ("A2", "02.01.2026", "s")])
    apply(dry_run(spec(), path, db), db)
    again = dry_run(spec(), path, db)
    assert [r.action for r in again.rows] == ["unchanged", "unchanged"] and not again.ok
    changed = xlsx(tmp_path / "t2.xlsx", [("A1", "01.01.2026", "k"), ("A2", "03.01.2026", "s"), ("A3", "03.01.2026", "s")])
    report = dry_run(spec(), changed, db)
    assert [r.action for r in report.rows] == ["unchanged", "update", "insert"]
    result = apply(report, db)
    assert (result.inserted, result.updated, result.unchanged) == (1, 1, 1) and count(db) == 3


def test_apply_is_all_or_nothing_when_a_write_fails(db, tmp_path):
    def failing(session, values, existing_id, lookup):
        _apply(session, values, existing_id, lookup)
        if values["code"] == "A3":
            raise ValidationError({"code": "kaputt"})

    path = xlsx(tmp_path / "t.xlsx", [(f"A{i}", "01.01.2026", "k") for i in range(5)])
    report = dry_run(spec(), path, db)
    report.spec.apply_row = failing
    with pytest.raises(DomainError, match="Zeile 5: kaputt"):
        apply(report, db)
    assert count(db) == 0


def test_template_has_headers_example_and_dropdown(tmp_path):
    path = write_template(spec(), tmp_path / "vorlage.xlsx")
    wb = load_workbook(path)
    ws = wb["Termine"]
    assert [c.value for c in ws[1]] == ["Kennziffer", "Stichtag", "Art"]
    assert all(c.font.b for c in ws[1])
    assert ws["B2"].is_date and ws["C2"].value == "k"
    dvs = ws.data_validations.dataValidation
    assert len(dvs) == 1 and dvs[0].type == "list" and "C2" in str(dvs[0].sqref)
    assert wb["Auswahllisten"].sheet_state == "hidden"
    assert [c.value for c in wb["Auswahllisten"]["C"] if c.value] == ["k", "s"]
    assert "Hinweise" in wb.sheetnames


def test_template_itself_imports_cleanly(db, tmp_path):
    report = dry_run(spec(), write_template(spec(), tmp_path / "vorlage.xlsx"), db)
    assert report.errors == [] and [r.action for r in report.rows] == ["insert"]


cell_values = st.one_of(
    st.none(), st.text(max_size=30), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(), st.datetimes(),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cell_values)
def test_validators_only_ever_raise_validation_error(value):
    from bochum_desktop.reference.importer import EMPLOYEE_COLUMNS, ORG_UNIT_COLUMNS

    for col in [*COLUMNS, *EMPLOYEE_COLUMNS, *ORG_UNIT_COLUMNS]:
        try:
            col.validator(value)
        except ValidationError as exc:
            assert exc.message
    with contextlib.suppress(ValidationError):
        yes_no(value, "f", "F")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(cell_values, cell_values, cell_values), min_size=1, max_size=6))
def test_dry_run_of_arbitrary_cells_never_raises_a_traceback(db, tmp_path, rows):
    from openpyxl.utils.exceptions import IllegalCharacterError

    path = tmp_path / "fuzz.xlsx"
    try:
        xlsx(path, [tuple(None if isinstance(x, float) and x != x else x for x in r) for r in rows])
    except (IllegalCharacterError, ValueError, TypeError, OverflowError):
        return  # openpyxl itself cannot write that value; nothing to import
    report = dry_run(spec(), path, db)  # only a report, never an exception
    for e in report.errors:
        assert e.message and e.row >= 2
