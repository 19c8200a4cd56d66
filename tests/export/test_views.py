"""GUI: letter template settings page and the Excel import dialog (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from bochum_desktop.core.errors import ValidationError
from bochum_desktop.export.templates import LetterType, TemplateService, register_letter_type
from bochum_desktop.export.views.import_dialog import ImportDialog
from bochum_desktop.export.views.template_settings import template_settings_page
from bochum_desktop.reference.importer import employee_spec, org_unit_spec
from bochum_desktop.ui.task_runner import TaskRunner

pytestmark = pytest.mark.gui

register_letter_type(LetterType(
    key="test.gui", title="GUI-Testbrief", feature="test", placeholders={"anrede": "Anrede", "betrag": "Betrag"},
    default_subject="Bescheid", default_body="{anrede},\n\nBetrag: {betrag}",
    sample_values={"anrede": "Sehr geehrte Frau Muster", "betrag": "99,00 €"},
))


@pytest.fixture
def page(qtbot, ctx):
    widget = template_settings_page(ctx, None)
    qtbot.addWidget(widget)
    widget.select_key("test.gui")
    return widget


def test_template_page_lists_types_and_placeholders(page):
    assert page.current_key() == "test.gui"
    assert page.subject.text() == "Bescheid"
    items = [page.placeholders.item(i).text() for i in range(page.placeholders.count())]
    assert any(i.startswith("{betrag}") for i in items) and any(i.startswith("{datum}") for i in items)
    page.body.setPlainText("")
    page.placeholders.itemActivated.emit(page.placeholders.item(0))
    assert page.body.toPlainText().startswith("{")


def test_preview_renders_page_one(page):
    assert page.show_preview()
    pixmap = page.preview.pixmap()
    assert pixmap is not None and not pixmap.isNull() and pixmap.height() > pixmap.width()
    # A non-white page: something was drawn.
    image = pixmap.toImage()
    assert any(image.pixelColor(x, y).lightness() < 128 for x in range(40, 200, 3) for y in range(30, 120, 3))


def test_unknown_placeholder_shown_at_the_field_and_apply_raises(page, ctx):
    page.body.setPlainText("{anrede}, {kontonummer}")
    with pytest.raises(ValidationError):
        page.apply()
    assert page.errors.labels["body"].isVisibleTo(page)
    assert "{kontonummer}" in page.errors.labels["body"].text()
    assert not page.show_preview()
    assert TemplateService(ctx.db).get("test.gui").body == "{anrede},\n\nBetrag: {betrag}"


def test_apply_saves_edits_of_several_types_and_reset_restores(page, ctx):
    page.subject.setText("Neuer Bescheid")
    page.select_key("allgemein.schreiben")
    page.subject.setText("Ihr Schreiben")
    page.apply()
    service = TemplateService(ctx.db)
    assert service.get("test.gui").subject == "Neuer Bescheid"
    assert service.get("allgemein.schreiben").subject == "Ihr Schreiben"
    page.select_key("test.gui")
    page.restore_default()
    page.save_button.click()
    assert service.get("test.gui").is_default


def _units_file(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Organisationseinheiten"
    ws.append(["Kennziffer", "Bezeichnung", "Übergeordnete Kennziffer", "Aktiv"])
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def test_import_dialog_dry_run_then_import(qtbot, qtmodeltester, ctx, tmp_path):
    dialog = ImportDialog(ctx, org_unit_spec)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    dialog.set_file(_units_file(tmp_path / "u.xlsx", [("10", "Personalamt", None, "ja"), ("51", "Jugendamt", None, "ja")]))
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.report is not None and dialog.report.ok
    assert dialog.rows_model.rowCount() == 2 and dialog.import_button.isEnabled()
    qtmodeltester.check(dialog.rows_model)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.result is not None and dialog.result.inserted == 2
    assert "2" in dialog.summary.text() and not dialog.import_button.isEnabled()


def test_import_dialog_shows_errors_and_blocks_import(qtbot, qtmodeltester, ctx, tmp_path):
    dialog = ImportDialog(ctx, org_unit_spec)
    qtbot.addWidget(dialog)
    dialog.set_file(_units_file(tmp_path / "u.xlsx", [("10", "", None, "ja"), ("51", "Jugendamt", "99", "ja")]))
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.error_model.rowCount() == 2 and not dialog.import_button.isEnabled()
    qtmodeltester.check(dialog.error_model)
    assert "Fehler" in dialog.tabs.tabText(0) or "2" in dialog.tabs.tabText(0)
    dialog.save_report(tmp_path / "bericht.xlsx")
    assert (tmp_path / "bericht.xlsx").exists()


def test_import_dialog_bad_file_message_and_template(qtbot, ctx, tmp_path):
    runner = TaskRunner()  # the app's runner is used when registered
    ctx.services["task_runner"] = runner
    dialog = ImportDialog(ctx, lambda: employee_spec(ctx.db))
    qtbot.addWidget(dialog)
    assert dialog.runner is runner
    bad = tmp_path / "liste.xlsx"
    bad.write_text("kein Excel", encoding="utf-8")
    dialog.set_file(bad)
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert "keine Excel-Datei" in dialog.summary.text() and not dialog.import_button.isEnabled()
    dialog.save_template(tmp_path / "vorlage.xlsx")
    assert (tmp_path / "vorlage.xlsx").exists()
    runner.shutdown()


def test_import_dialog_cancel_leaves_nothing(qtbot, ctx, tmp_path):
    import threading

    from sqlalchemy import func, select

    from bochum_desktop.reference.model import OrgUnit

    gate = threading.Event()
    base = org_unit_spec()
    original = base.existing

    def slow_existing(session, lookup):
        gate.wait(10)  # hold the dry run until the user has clicked "Abbrechen"
        return original(session, lookup)

    base.existing = slow_existing
    dialog = ImportDialog(ctx, lambda: base)
    qtbot.addWidget(dialog)
    dialog.set_file(_units_file(tmp_path / "u.xlsx", [(f"{i:04d}", f"Einheit {i}", None, "ja") for i in range(1200)]))
    assert dialog.is_busy() and dialog.cancel_button.isVisibleTo(dialog)
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.report is None and not dialog.import_button.isEnabled()
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(OrgUnit)) == 0


def test_import_dialog_does_not_close_while_working(qtbot, ctx, tmp_path):
    import threading

    from PySide6.QtCore import Qt

    gate = threading.Event()
    base = org_unit_spec()
    original = base.existing

    def slow_existing(session, lookup):
        gate.wait(10)  # keep the dry run running until the user tried to close
        return original(session, lookup)

    base.existing = slow_existing
    dialog = ImportDialog(ctx, lambda: base)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(_units_file(tmp_path / "u.xlsx", [("10", "Personalamt", None, "ja")]))
    assert dialog.is_busy()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert "warten" in dialog.summary.text() or "wait" in dialog.summary.text()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
