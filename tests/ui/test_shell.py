"""The shell as a user meets it: navigation, search (Ctrl+K), start page, settings, error dialog,
the employee register with validation at the field and a 'Verlauf' tab."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from bochum_desktop.core.errors import ValidationError
from bochum_desktop.core.features import DueItem
from bochum_desktop.reference.service import EmployeeData, OrgUnitData, ReferenceService
from bochum_desktop.ui.error_dialog import ErrorDialog
from bochum_desktop.ui.feature import FeatureSpec
from bochum_desktop.ui.main_window import MainWindow


@pytest.fixture
def reference(db):
    service = ReferenceService(db)
    unit = service.save_unit(OrgUnitData(id=None, code="51", name="Jugendamt"))
    anna = service.save_employee(
        EmployeeData(id=None, personnel_number="100001", last_name="Müller", first_name="Anna", org_unit_id=unit.id)
    )
    return service, anna


def _features(ctx):
    from bochum_desktop.reference.views import feature as reference_feature

    due = FeatureSpec(
        key="demo",
        title="Demo",
        role=None,
        create_page=lambda c, parent: QLabel("demo page", parent),
        due_items=lambda c: [
            DueItem("demo", "Angebot läuft ab", date(2026, 11, 20), target_id="x"),
            DueItem("demo", "Platz beginnt", date(2026, 12, 1)),
        ],
    )
    return [reference_feature(ctx), due]


@pytest.fixture
def window(qtbot, ctx, reference):
    win = MainWindow(ctx, _features(ctx))
    qtbot.addWidget(win)
    win.show()
    return win


def test_start_page_lists_due_items_overdue_marked_in_words(window):
    table = window.start_page.table
    assert table.rowCount() == 2
    assert table.item(0, 0).text() == "20.11.2026"
    assert table.item(0, 3).text() in ("overdue", "überfällig")
    assert table.item(0, 3).font().bold()
    assert table.item(1, 3).text() in ("open", "offen")


def test_features_hidden_without_role(qtbot, ctx, reference):
    from bochum_desktop.core.permissions import Role

    ctx.settings.roles = ["kita"]
    spec = FeatureSpec(key="ideas", title="Ideen", role=Role.IDEAS, create_page=lambda c, p: QLabel("x", p))
    win = MainWindow(ctx, [spec])
    qtbot.addWidget(win)
    keys = [win.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(win.nav.count())]
    assert keys == ["start"]


def test_global_search_opens_the_employee(qtbot, window, reference, monkeypatch):
    _service, anna = reference
    opened = []
    from bochum_desktop.reference.views.pages import ReferencePage

    monkeypatch.setattr(ReferencePage, "edit_employee", lambda self, eid: opened.append(eid))
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "_search_dialog", None) is not None and window._search_dialog.isVisible())
    dialog = window._search_dialog
    qtbot.keyClicks(dialog.edit, "MÜLL")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert "Müller, Anna" in dialog.results.item(0).text()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened == [anna.id])
    assert isinstance(window.stack.currentWidget(), ReferencePage)


def test_employee_dialog_shows_german_error_at_the_field_and_saves_nothing(qtbot, ctx, reference):
    from bochum_desktop.reference.views.employee_dialog import EmployeeDialog

    service, _anna = reference
    dialog = EmployeeDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.personnel_number, "12")
    qtbot.keyClicks(dialog.last_name, "Schmidt")
    dialog.save()
    label = dialog.errors.labels["personnel_number"]
    assert label.isVisible() and "Personalnummer" in label.text()
    assert not dialog.errors.labels["last_name"].isVisible()
    assert dialog.errors.labels["first_name"].isVisible()
    assert service.count_employees() == 1
    assert dialog.focusWidget() is dialog.personnel_number


def test_editing_an_employee_shows_up_in_the_history_tab(qtbot, ctx, reference):
    from bochum_desktop.reference.views.employee_dialog import EmployeeDialog

    service, anna = reference
    ctx.clock.advance(minutes=3)
    service.save_employee(EmployeeData(**{**anna.__dict__, "last_name": "Müller-Groß", "org_unit_label": ""}))
    dialog = EmployeeDialog(ctx, service.get_employee(anna.id))
    qtbot.addWidget(dialog)
    table = dialog.history.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert any(r[3] == "Nachname" and r[4] == "Müller → Müller-Groß" and r[1] == "tester" for r in rows)


def test_error_dialog_copies_details(qtbot):
    dialog = ErrorDialog("Etwas ging schief.", "Traceback ...")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text().startswith("Etwas ging schief.")


def test_settings_dialog_saves_sender_and_feature_page_errors_block(qtbot, ctx):
    from PySide6.QtWidgets import QWidget

    from bochum_desktop.ui import settings_dialog as sd

    class RulePage(QWidget):
        def apply(self):
            raise ValidationError({"points": "Punkte müssen zwischen 0 und 100 liegen."})

    shown = []
    spec = FeatureSpec(key="x", title="X", role=None, create_page=lambda c, p: QWidget(p),
                       settings_pages=[("Regeln", lambda c, p: RulePage(p))])
    dialog = sd.SettingsDialog(ctx, [spec])
    qtbot.addWidget(dialog)
    dialog.sender_edits["unit"].setText("Familienbüro")
    orig = sd.show_error
    sd.show_error = lambda parent, exc: shown.append(exc.message)
    try:
        dialog.accept()
    finally:
        sd.show_error = orig
    assert shown == ["Punkte müssen zwischen 0 und 100 liegen."]
    assert not ctx.settings_store.path.exists()  # nothing saved while a page refuses

    dialog2 = sd.SettingsDialog(ctx, [])
    qtbot.addWidget(dialog2)
    dialog2.sender_edits["unit"].setText("Familienbüro")
    dialog2.accept()
    assert ctx.settings_store.load().sender.unit == "Familienbüro"


def test_window_geometry_is_remembered(qtbot, ctx, reference):
    win = MainWindow(ctx, [])
    qtbot.addWidget(win)
    win.resize(700, 500)
    win.show()
    win.close()
    assert ctx.settings_store.load().window_geometry
    again = MainWindow(ctx, [])
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (700, 500)
    QApplication.processEvents()


def test_employee_dialog_asks_before_discarding_typed_input(qtbot, ctx, reference, monkeypatch):
    from bochum_desktop.reference.views.employee_dialog import EmployeeDialog

    asked = []
    dialog = EmployeeDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(dialog, "confirm_discard", lambda: asked.append(1) or False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed yet: closes without a question
    assert asked == [] and not dialog.isVisible()

    dialog = EmployeeDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(dialog, "confirm_discard", lambda: asked.append(1) or False)
    qtbot.keyClicks(dialog.last_name, "Kaya")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [1] and dialog.isVisible() and dialog.last_name.text() == "Kaya"
    monkeypatch.setattr(dialog, "confirm_discard", lambda: True)
    dialog.close()
    assert not dialog.isVisible()


def test_required_fields_are_marked_in_text_and_for_screen_readers(qtbot, ctx, reference):
    from bochum_desktop.reference.views.employee_dialog import EmployeeDialog

    dialog = EmployeeDialog(ctx, None)
    qtbot.addWidget(dialog)
    form_labels = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is dialog.last_name]
    assert form_labels and "*" in form_labels[0]
    assert dialog.last_name.accessibleDescription()
    assert not dialog.email.accessibleDescription()


def test_roles_are_shown_in_german_and_stored_as_keys(qtbot, ctx):
    from bochum_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, [])
    qtbot.addWidget(dialog)
    texts = [dialog.roles.item(i).text() for i in range(dialog.roles.count())]
    assert "ideas_reviewer" not in texts and any("Ideenmanagement" in t for t in texts)
    for i in range(dialog.roles.count()):
        item = dialog.roles.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ("kita", "ideas_reviewer")
                           else Qt.CheckState.Unchecked)
    dialog.accept()
    assert ctx.settings_store.load().roles == ["kita", "ideas_reviewer"]


def test_tab_from_the_navigation_goes_into_the_page(qtbot, window):
    from PySide6.QtWidgets import QPushButton

    window.set_sync_widget(QPushButton("Jetzt synchronisieren"))  # a focusable widget in the status bar
    page = window.show_feature("reference")
    chain = []
    widget = window.nav.nextInFocusChain()
    while widget is not window.nav and len(chain) < 400:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            chain.append(widget)
        widget = widget.nextInFocusChain()
    page_position = next(i for i, w in enumerate(chain) if w is page or page.isAncestorOf(w))
    status_position = next(i for i, w in enumerate(chain) if window.statusBar().isAncestorOf(w) or w is window.statusBar())
    assert page_position < status_position


def test_every_field_of_the_general_settings_has_its_own_alt_key_in_german(ctx, qtbot, german):
    """Two labels with the same mnemonic make Alt+key jump between them instead of to the field."""
    import re

    from PySide6.QtWidgets import QAbstractButton

    from bochum_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, [])
    qtbot.addWidget(dialog)
    general = dialog.tabs.widget(0)
    texts = [w.text() for w in general.findChildren(QLabel) if w.buddy() is not None]
    texts += [b.text() for b in general.findChildren(QAbstractButton) if "&" in b.text()]
    keys = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]
    assert len(keys) >= 7
    assert len(keys) == len(set(keys)), texts
