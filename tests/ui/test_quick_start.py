"""The quick start: the window and the list a user opens appear before the ORM is loaded, with the rows the
real page shows; nothing can be done with data until the file has been checked; then the real page takes
over without the rows vanishing in between."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtWidgets import QLabel

from bochum_desktop import demo
from bochum_desktop.app import load_features
from bochum_desktop.reference.service import EmployeeData, OrgUnitData, ReferenceService
from bochum_desktop.ui import start_preview
from bochum_desktop.ui.main_window import MainWindow
from bochum_desktop.ui.start_preview import PreviewPage, preview_page


def _reference_page(ctx, qtbot):
    from bochum_desktop.reference.views.pages import ReferencePage

    page = ReferencePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: start_preview.cache_path(ctx).exists(), timeout=10_000)
    return page


def _preview_texts(preview: PreviewPage) -> list[tuple[str, ...]]:
    model = preview.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_the_preview_shows_the_rows_the_page_shows_now_not_when_it_was_recorded(ctx, qtbot, german):
    demo.load_reference(ctx.db, employees=700)
    page = _reference_page(ctx, qtbot)
    model = page.employee_model
    # Changed after the preview was recorded: the preview runs the page's query again, so it shows it.
    service = ReferenceService(ctx.db)
    unit = service.save_unit(OrgUnitData(id=None, code="99", name="Testamt"))
    service.save_employee(EmployeeData(id=None, personnel_number="999999", last_name="Äbel", first_name="Zoë",
                                       org_unit_id=unit.id))
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.refresh()

    preview = preview_page(ctx, "reference", language="de")
    qtbot.addWidget(preview)
    texts = _preview_texts(preview)
    assert len(texts) == start_preview.PREVIEW_ROWS < model.rowCount()  # a screenful, not the whole first page
    assert texts == [model.row_texts(r) for r in range(start_preview.PREVIEW_ROWS)]
    assert texts[0][1:3] == ("Äbel", "Zoë")  # sorted like the page: Ä as A, before 'Abendroth' etc.
    assert [preview.model.headerData(c, _horizontal()) for c in range(preview.model.columnCount())] == [
        c.title for c in model.visible_columns()
    ]
    assert preview.status.text() == "Die Seite wird geladen …"


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_a_preview_recorded_in_another_language_version_or_role_is_not_used(ctx, qtbot):
    demo.load_reference(ctx.db, employees=20)
    _reference_page(ctx, qtbot)
    assert preview_page(ctx, "reference", language="de").view is not None
    english = preview_page(ctx, "reference", language="en")
    qtbot.addWidget(english)
    assert english.view is None  # a plain "loading" page, not titles in the wrong language

    # Another role, user or reviewer identity may see the same page through another query (a reviewer's
    # list is filtered by who the reviewer is): no preview until the page has run for them.
    ctx.settings.roles = ["ideas_reviewer"]
    assert preview_page(ctx, "reference", language="de").view is None
    ctx.settings.roles = ["admin"]
    ctx.settings.user_name = "chiara.nowak9"
    assert preview_page(ctx, "reference", language="de").view is None
    ctx.settings.user_name = ""
    ctx.feature_settings("ideas")["reviewer_personnel_number"] = "100009"
    assert preview_page(ctx, "reference", language="de").view is None
    del ctx.settings.features["ideas"]
    assert preview_page(ctx, "reference", language="de").view is not None

    path = start_preview.cache_path(ctx)
    entries = json.loads(path.read_text(encoding="utf-8"))
    entries["reference"]["stamp"] = "0.0.1|0000|de|admin"
    path.write_text(json.dumps(entries), encoding="utf-8")
    assert preview_page(ctx, "reference", language="de").view is None


def test_a_broken_preview_entry_falls_back_to_the_loading_page(ctx, qtbot):
    demo.load_reference(ctx.db, employees=20)
    _reference_page(ctx, qtbot)
    path = start_preview.cache_path(ctx)
    entries = json.loads(path.read_text(encoding="utf-8"))
    entries["reference"]["rows_sql"] = "SELECT * FROM no_such_table"
    path.write_text(json.dumps(entries), encoding="utf-8")
    fallback = preview_page(ctx, "reference", language="de")
    qtbot.addWidget(fallback)
    assert fallback.view is None


def test_the_starting_window_builds_no_page_and_offers_no_search_until_the_file_is_checked(ctx, qtbot):
    demo.load_reference(ctx.db, employees=50)
    window = MainWindow(ctx, load_features(ctx), starting=True)
    qtbot.addWidget(window)
    preview = PreviewPage(None, [])
    window.set_preview("reference", preview)
    window.show_feature("reference")
    window.show()
    assert window.pages == {}
    assert not window.search_action.isEnabled() and not window.settings_action.isEnabled()
    assert not window.start_page.refresh_button.isEnabled()
    assert window.stack.currentWidget().isAncestorOf(preview)

    # Clicking through the navigation meanwhile: other pages say they are loading, none is built.
    window.nav.setCurrentRow(1)
    other = window.stack.currentWidget()
    assert [w.text() for w in other.findChildren(QLabel)] == ["Loading …"]
    window.show_feature("reference")
    assert window.pages == {}

    window.finish_start()
    page = window.pages["reference"]
    # The page's list loads in the task runner; until its rows are there the preview stays on screen.
    assert page.employee_model.loading
    assert window.stack.currentWidget().isAncestorOf(preview)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=10_000)
    assert page.employee_model.rowCount() == 50
    assert window.search_action.isEnabled() and window.settings_action.isEnabled()
    assert window.start_page.refresh_button.isEnabled()


def test_the_start_page_waits_for_the_checked_file_before_asking_features_for_due_items(ctx, qtbot):
    asked = []
    features = load_features(ctx)
    for spec in features:
        spec.due_items = lambda c, key=spec.key: asked.append(key) or []
    window = MainWindow(ctx, features, starting=True)
    qtbot.addWidget(window)
    assert asked == []
    window.finish_start()
    assert sorted(asked) == sorted(f.key for f in window.features)


def test_what_the_first_window_needs_loads_without_sqlalchemy():
    """The quick start's point: if one of these modules imported the ORM at the top, the window would wait
    for it again (half a second)."""
    code = (
        "import sys\n"
        "import bochum_desktop.app, bochum_desktop.ui.start_preview, bochum_desktop.ui.main_window\n"
        "for name in bochum_desktop.app.FEATURE_MODULES:\n"
        "    __import__(name)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "print(heavy[:5])\n"
        "sys.exit(1 if heavy else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_user_chooses_whether_the_overview_or_the_last_area_opens_at_start(ctx, qtbot, german):
    from bochum_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, [])
    qtbot.addWidget(dialog)
    combo = dialog.start_page
    label = next(w for w in dialog.findChildren(QLabel) if w.buddy() is combo)
    assert label.text() == "Beim Start ö&ffnen:"
    assert combo.currentData() == "overview"
    combo.setCurrentIndex(combo.findData("last"))
    dialog.accept()
    assert ctx.settings.start_page == "last"
    assert ctx.settings_store.load().start_page == "last"


def test_the_ideas_preview_shows_dates_times_and_states_as_the_page_does(ctx, qtbot, german):
    import random

    from bochum_desktop.ideas.demo import load_demo
    from bochum_desktop.ideas.views import create_page

    demo.load_reference(ctx.db, employees=60)
    load_demo(ctx.db, random.Random(7))
    page = create_page(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: start_preview.cache_path(ctx).exists() and not page.model.loading, timeout=10_000)
    preview = preview_page(ctx, "ideas", language="de")
    qtbot.addWidget(preview)
    texts = _preview_texts(preview)
    assert len(texts) == page.model.rowCount() > 0
    assert texts == [page.model.row_texts(r) for r in range(page.model.rowCount())]
    received = [c.key for c in page.model.visible_columns()].index("received_at")
    assert all(len(t[received]) == len("27.10.2026 08:37") for t in texts)  # Berlin time, German format


def test_the_kita_preview_shows_the_applications_as_the_page_does(ctx, qtbot, german):
    from bochum_desktop.kita.views import feature as kita_feature

    demo.load_all(ctx.db, employees=80)
    page = kita_feature(ctx).create_page(ctx, None)
    qtbot.addWidget(page)
    model = page.applications.model
    qtbot.waitUntil(lambda: start_preview.cache_path(ctx).exists() and not model.loading, timeout=10_000)
    preview = preview_page(ctx, "kita", language="de")
    qtbot.addWidget(preview)
    texts = _preview_texts(preview)
    assert len(texts) == model.rowCount() > 0
    assert texts == [model.row_texts(r) for r in range(model.rowCount())]


def test_a_start_that_cannot_finish_says_so_and_ends_instead_of_hanging(ctx, qtbot, capsys):
    """A failure other than a refused data file (e.g. the file locked by another program) during the
    background part of the quick start: unattended runs (--quit-when-ready, --screenshot) must end with a
    message, not wait at a dialog."""
    from bochum_desktop.app import Startup, parse_args

    class App:
        exit_code = None

        class aboutToQuit:  # noqa: N801 - stands in for the Qt signal
            @staticmethod
            def connect(_slot):
                pass

        def exit(self, code):
            self.exit_code = code

    app = App()
    start = Startup(app, parse_args(["--quit-when-ready"]), ctx.settings_store, ctx.settings, ctx.log_file,
                    "de", 0.0)
    window = MainWindow(ctx, [], starting=True)
    qtbot.addWidget(window)
    start._quick_failed(window, RuntimeError("database is locked"))
    assert app.exit_code == 1
    assert "could not finish starting" in capsys.readouterr().err
    assert not window.isVisible()
    start.runner.shutdown()


def test_each_feature_names_the_module_its_page_comes_from(ctx, qtbot):
    """The quick start imports that module in the background; a wrong name would only cost time silently."""
    for spec in load_features(ctx):
        page = spec.create_page(ctx, None)
        qtbot.addWidget(page)
        assert type(page).__module__ == spec.page_module, spec.key


def test_the_start_up_work_waits_until_the_window_is_drawn_or_gives_up_waiting(qtbot):
    """The worker that checks the file and imports the ORM holds the GIL; started before the window is drawn
    it would hold up drawing it. A window that is never drawn must not keep the program from starting."""
    from PySide6.QtWidgets import QApplication, QWidget

    from bochum_desktop.app import AfterFirstPaint

    called = []
    window = QWidget()
    qtbot.addWidget(window)
    AfterFirstPaint(window, lambda: called.append("drawn"), latest_ms=60_000)
    QApplication.processEvents()
    assert called == []  # not before it is shown
    window.show()
    qtbot.waitUntil(lambda: called == ["drawn"], timeout=5_000)

    never_shown = QWidget()
    qtbot.addWidget(never_shown)
    AfterFirstPaint(never_shown, lambda: called.append("gave up waiting"), latest_ms=50)
    qtbot.waitUntil(lambda: called == ["drawn", "gave up waiting"], timeout=5_000)


def test_the_preview_keeps_the_widths_left_at_quit_and_the_sort_indicator_of_its_rows(ctx, qtbot, german):
    from PySide6.QtCore import QCoreApplication, Qt

    demo.load_reference(ctx.db, employees=150)
    page = _reference_page(ctx, qtbot)
    header = page.employee_table.view.horizontalHeader()
    sorted_by = header.sortIndicatorSection()
    header.resizeSection(2, 222)
    QCoreApplication.instance().aboutToQuit.emit()
    preview = preview_page(ctx, "reference", language="de")
    qtbot.addWidget(preview)
    shown = preview.view.horizontalHeader()
    assert shown.sectionSize(2) == 222
    assert (shown.sortIndicatorSection(), shown.sortIndicatorOrder()) == (sorted_by, Qt.SortOrder.AscendingOrder)
    first_rows = _preview_texts(preview)

    # Re-sorted before quitting: the preview still shows the rows of the recorded query, so its indicator
    # stays with them (and the widths of then).
    with qtbot.waitSignal(page.employee_model.loaded, timeout=10_000):
        page.employee_table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    header.resizeSection(2, 150)
    QCoreApplication.instance().aboutToQuit.emit()
    again = preview_page(ctx, "reference", language="de")
    qtbot.addWidget(again)
    shown = again.view.horizontalHeader()
    assert (shown.sortIndicatorSection(), shown.sortIndicatorOrder()) == (sorted_by, Qt.SortOrder.AscendingOrder)
    assert shown.sectionSize(2) == 222
    assert _preview_texts(again) == first_rows
