"""List PDFs: header on every page, page numbers, footer, wrapped (not cut) long text, orientation."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pdfplumber
import pytest

from bochum_desktop.core.tasks import Cancelled, TaskControl
from bochum_desktop.export.columns import OutColumn, format_value
from bochum_desktop.export.list_pdf import write_list

COLUMNS = [
    OutColumn("Nr.", "int", 0.5),
    OutColumn("Name", "text", 1.5),
    OutColumn("Geburtsdatum", "date", 1),
    OutColumn("Bemerkung", "text", 3),
    OutColumn("Beitrag", "cents", 1),
    OutColumn("Aktiv", "bool", 0.6),
]
LONG = "Anfang " + "sehr lange Bemerkung mit Umlauten äöüß " * 6 + "Ende"


def rows(n):
    return [(i, f"Müller {i}", date(2020, 1, 1 + i % 28), LONG if i % 10 == 0 else "kurz", 123456 * i, i % 2 == 0)
            for i in range(n)]


def test_list_with_header_on_every_page_numbers_and_footer(tmp_path):
    path = write_list(tmp_path / "l.pdf", "Belegung Kita Rathaus", COLUMNS, rows(150), "Status = angenommen",
                      "Max Schäfer", datetime(2026, 11, 26, 8, 30, tzinfo=UTC))
    with pdfplumber.open(path) as pdf:
        texts = [p.extract_text() for p in pdf.pages]
        total = len(pdf.pages)
        portrait = pdf.pages[0].width < pdf.pages[0].height
    assert total > 1 and portrait
    assert "Belegung Kita Rathaus" in texts[0] and "Filter: Status = angenommen" in texts[0]
    for number, text in enumerate(texts, 1):
        assert "Geburtsdatum" in text and "Bemerkung" in text  # header repeated
        assert f"Seite {number} von {total}" in text
        assert "Gedruckt von Max Schäfer am 26.11.2026 09:30" in text  # Berlin time
    everything = "\n".join(texts)
    assert "1.234,56 €" in everything and "01.01.2020" in everything
    for i in range(150):
        assert f"Müller {i}" in everything
    # Long text wrapped inside the cell: its first and last word are both printed.
    assert everything.count("Anfang") == 15 and everything.count("Ende") >= 15


def test_nothing_runs_past_the_right_margin(tmp_path):
    path = write_list(tmp_path / "l.pdf", "T", COLUMNS, rows(20), "", "x", None)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert max(w["x1"] for w in page.extract_words()) <= page.width - 15 * 72 / 25.4 + 0.5


def test_orientation_auto_and_override(tmp_path):
    seven = [OutColumn(f"Spalte {i}") for i in range(7)]
    auto = write_list(tmp_path / "a.pdf", "T", seven, [["x"] * 7], "", "x", None)
    forced = write_list(tmp_path / "b.pdf", "T", seven, [["x"] * 7], "", "x", None, landscape=False)
    with pdfplumber.open(auto) as a, pdfplumber.open(forced) as b:
        assert a.pages[0].width > a.pages[0].height
        assert b.pages[0].width < b.pages[0].height


def test_empty_list_and_cancel(tmp_path):
    path = write_list(tmp_path / "e.pdf", "Leer", COLUMNS, [], "", "x", None)
    with pdfplumber.open(path) as pdf:
        assert "Anzahl: 0" in pdf.pages[0].extract_text()
    control = TaskControl()
    control.cancel()
    with pytest.raises(Cancelled):
        write_list(tmp_path / "c.pdf", "T", COLUMNS, rows(10), "", "x", None, control=control)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.pdf"]


def test_format_value_kinds():
    assert format_value(OutColumn("a", "cents"), 123456) == "1.234,56\u00a0€"
    assert format_value(OutColumn("a", "decimal"), Decimal("1234.5")) == "1.234,50"
    assert format_value(OutColumn("a", "int"), 12345) == "12.345"
    assert format_value(OutColumn("a", "bool"), False) == "nein"
    assert format_value(OutColumn("a", "datetime"), datetime(2026, 11, 26, 8, 0, tzinfo=UTC)) == "26.11.2026 09:00"
    assert format_value(OutColumn("a", "date"), None) == ""
    with pytest.raises(ValueError):
        OutColumn("a", "money")
