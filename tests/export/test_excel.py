"""Excel export: real typed cells with German formats, bold frozen header, autofilter, info sheet."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from bochum_desktop.core.tasks import Cancelled, TaskControl
from bochum_desktop.export.columns import OutColumn
from bochum_desktop.export.excel import write_table

COLUMNS = [
    OutColumn("Personalnummer"),
    OutColumn("Name", width=2),
    OutColumn("Geburtsdatum", "date"),
    OutColumn("Eingang", "datetime"),
    OutColumn("Prämie", "cents"),
    OutColumn("Anteil %", "decimal", decimals=1),
    OutColumn("Anzahl", "int"),
    OutColumn("Aktiv", "bool"),
]
NOW = datetime(2026, 11, 26, 8, 30, tzinfo=UTC)
ROW = ("00123", "Müller, Anna", date(1990, 5, 17), NOW, 123456, Decimal("33.3"), 1200, True)


def export(tmp_path, rows, **kw):
    return write_table(tmp_path / "x.xlsx", "Beschäftigte", COLUMNS, rows,
                       {"Erstellt von": "Max Schäfer", "Erstellt am": NOW, "Filter": "Amt 10"}, **kw)


def test_cells_are_typed_with_german_formats(tmp_path):
    wb = load_workbook(export(tmp_path, [ROW, (None,) * 8]))
    ws = wb["Beschäftigte"]
    pn, name, born, at, money, share, count, active = ws[2]
    assert pn.value == "00123" and pn.data_type == "s"  # leading zeros kept
    assert born.is_date and born.value.date() == date(1990, 5, 17) and born.number_format == "DD.MM.YYYY"
    assert at.is_date and at.value == datetime(2026, 11, 26, 9, 30)  # Berlin wall-clock time
    assert at.number_format == "DD.MM.YYYY HH:MM"
    assert money.value == 1234.56 and money.data_type == "n" and money.number_format == '#,##0.00 "€"'
    assert share.value == pytest.approx(33.3) and share.number_format == "#,##0.0"
    assert count.value == 1200 and count.number_format == "#,##0"
    assert active.value is True
    assert all(c.value is None for c in ws[3])


def test_header_bold_frozen_with_autofilter_and_widths(tmp_path):
    wb = load_workbook(export(tmp_path, [ROW] * 5))
    ws = wb["Beschäftigte"]
    assert [c.value for c in ws[1]] == [c.title for c in COLUMNS]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:H6"
    assert ws.column_dimensions["A"].width >= len("Personalnummer")


def test_export_info_sheet(tmp_path):
    wb = load_workbook(export(tmp_path, [ROW] * 3))
    assert wb.sheetnames == ["Beschäftigte", "Export-Info"]
    info = {r[0].value: r[1].value for r in wb["Export-Info"].iter_rows()}
    assert info["Erstellt von"] == "Max Schäfer"
    assert info["Erstellt am"] == datetime(2026, 11, 26, 9, 30)
    assert info["Filter"] == "Amt 10" and info["Anzahl Zeilen"] == 3


def test_text_that_looks_like_a_formula_stays_text_and_control_chars_are_dropped(tmp_path):
    row = ("=SUMME(A1:A9)", "Anna\x07 Müller", None, None, None, None, None, None)
    ws = load_workbook(export(tmp_path, [row]))["Beschäftigte"]
    assert ws["A2"].value == "=SUMME(A1:A9)" and ws["A2"].data_type == "s"
    assert ws["B2"].value == "Anna Müller"


def test_sheet_name_is_made_valid(tmp_path):
    path = write_table(tmp_path / "s.xlsx", "Liste: 2026/27 [alle] mit sehr langem Titel", COLUMNS[:1], [["x"]])
    name = load_workbook(path).sheetnames[0]
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_cancel_leaves_nothing(tmp_path):
    control = TaskControl(on_progress=lambda done, total, text: control.cancel())
    with pytest.raises(Cancelled):
        export(tmp_path, (ROW for _ in range(10_000)), control=control)
    assert list(tmp_path.iterdir()) == []
