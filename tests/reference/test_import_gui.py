"""HR imports the employee list from the reference page: template, dry run with per-row errors, then
all rows at once; a second import of the same file changes nothing."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog

from bochum_desktop.export.views.import_dialog import ImportDialog
from bochum_desktop.reference.service import OrgUnitData, ReferenceService
from bochum_desktop.reference.views import pages


@pytest.fixture
def page(qtbot, ctx, monkeypatch):
    ReferenceService(ctx.db).save_unit(OrgUnitData(id=None, code="51", name="Jugendamt"))
    opened: list[QDialog] = []
    # exec() would block the test; keep the dialog open instead and drive it like a user.
    monkeypatch.setattr(ImportDialog, "exec", lambda self: opened.append(self) or 0)
    widget = pages.ReferencePage(ctx)
    qtbot.addWidget(widget)
    widget.opened = opened
    return widget


def _fill(path, rows):
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for r in range(ws.max_row, 1, -1):
        ws.delete_rows(r)
    for row in rows:
        ws.append(row)
    wb.save(path)


def test_employee_import_from_the_page_with_dry_run(qtbot, page, ctx, tmp_path):
    page.employee_buttons["import"].click()
    dialog = page.opened[0]
    qtbot.addWidget(dialog)
    template = tmp_path / "vorlage.xlsx"
    dialog.save_template(template)
    headers = [c.value for c in openpyxl.load_workbook(template).worksheets[0][1]]
    assert "Personalnummer" in headers

    def row(number, last, first, unit):
        values = {"Personalnummer": number, "Nachname": last, "Vorname": first, "Organisationseinheit": unit}
        return [values.get(h) for h in headers]

    _fill(template, [row("200001", "Yılmaz", "Elif", "51"), row("12", "Kaputt", "Ka", "51")])
    dialog.set_file(template)
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.error_model.rowCount() >= 1 and not dialog.import_button.isEnabled()
    assert ReferenceService(ctx.db).count_employees() == 0

    _fill(template, [row("200001", "Yılmaz", "Elif", "51"), row("200002", "Groß", "Jörg", "51")])
    dialog.set_file(template)
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.report.ok and dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.result.inserted == 2
    assert [e.last_name for e in ReferenceService(ctx.db).find_employees("jorg")] == ["Groß"]

    dialog.set_file(template)  # the same file again: recognised as existing rows
    qtbot.waitUntil(lambda: not dialog.is_busy())
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert ReferenceService(ctx.db).count_employees() == 2
