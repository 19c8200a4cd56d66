"""Main window: navigation of the features the user's roles allow, start page, search, status bar."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..context import AppContext
from .error_dialog import show_error
from .feature import FeatureSpec
from .start_page import StartPage

if TYPE_CHECKING:  # annotations only; importing them costs start-up time (docs/architecture.md, quick start)
    from PySide6.QtGui import QCloseEvent

    from ..core.features import SearchHit

log = logging.getLogger(__name__)

# The first window is built without naming anything of Qt's namespace (QtCore.Qt): PySide6 builds all of its
# enums on first use, ~15 ms of a start measured against a bare window (bench/bench_startup.py;
# tests/ui/test_quick_start.py checks). Later code names it through QtCore.Qt.
NAV_KEY_ROLE = 256  # Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, ctx: AppContext, features: list[FeatureSpec], parent: QWidget | None = None,
                 *, starting: bool = False) -> None:
        """`starting`: the data file is still being checked and the ORM loaded (quick start, app.py). The
        window shows previews and builds no page until finish_start()."""
        super().__init__(parent)
        self.ctx = ctx
        self._starting = starting
        self.features = [f for f in sorted(features, key=lambda f: f.order) if f.role is None or ctx.has_role(f.role)]
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 780)
        self.pages: dict[str, QWidget] = {}

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setMaximumWidth(260)
        self.stack = QStackedWidget()
        self.start_page = StartPage(ctx, self.features, load=False)
        self.start_page.open_item.connect(self.open_record)
        self._add_nav(self.tr("Overview"), "start")
        self.stack.addWidget(self.start_page)
        self._placeholders: dict[str, QWidget] = {}
        for feature in self.features:
            self._add_nav(feature.title, feature.key)
            placeholder = QWidget()
            QVBoxLayout(placeholder).setContentsMargins(0, 0, 0, 0)
            self._placeholders[feature.key] = placeholder
            self.stack.addWidget(placeholder)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        # Wide enough for the longest feature title; the navigation never scrolls sideways.
        self.nav.setMinimumWidth(self.nav.sizeHintForColumn(0) + 24)
        splitter.setSizes([self.nav.minimumWidth(), 1000])
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(0)

        self._build_menu()
        self._build_status_bar()
        self._restore_geometry()
        if starting:
            # Search, settings and due items read data: only once the data file has been checked.
            self.search_action.setEnabled(False)
            self.settings_action.setEnabled(False)
            self.start_page.refresh_button.setEnabled(False)
            self.statusBar().showMessage(self.tr("Checking the data file …"))

    # --- construction ------------------------------------------------------------------------------
    def _add_nav(self, title: str, key: str) -> None:
        item = QListWidgetItem(title)
        item.setData(NAV_KEY_ROLE, key)
        self.nav.addItem(item)

    def _build_menu(self) -> None:
        # setShortcuts with a list: PySide6 resolves setShortcut(...) against an overload taking a Qt.Key,
        # which builds the Qt namespace (see NAV_KEY_ROLE).
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.search_action = QAction(self.tr("&Search…"), self)
        self.search_action.setShortcuts([QKeySequence("Ctrl+K")])
        self.search_action.triggered.connect(self.open_search)
        file_menu.addAction(self.search_action)
        self.settings_action = QAction(self.tr("S&ettings…"), self)
        self.settings_action.setShortcuts([QKeySequence("Ctrl+,")])
        self.settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for row in range(self.nav.count()):
            action = QAction(self.nav.item(row).text(), self)
            if row < 9:
                action.setShortcuts([QKeySequence(f"Ctrl+{row + 1}")])
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            view_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About…"), self)
        about.triggered.connect(self.open_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(self.tr("User: %1").replace("%1", self.ctx.settings.user_name or self.ctx.user))
        self.file_label = QLabel(self.tr("Data file: %1").replace("%1", str(self.ctx.data_file)))
        self.sync_label = QLabel(self.tr("Sync: local only"))
        for label in (self.user_label, self.file_label, self.sync_label):
            bar.addPermanentWidget(label)

    def set_sync_widget(self, widget: QWidget) -> None:
        """The sync feature replaces the 'local only' label with its own status widget."""
        self.statusBar().removeWidget(self.sync_label)
        self.sync_label.deleteLater()
        self.sync_label = widget
        self.statusBar().addPermanentWidget(widget)

    # --- navigation --------------------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav.item(row).data(NAV_KEY_ROLE)
        if self._starting:
            if key != "start":
                self._say_loading(self._placeholders[key])
            self.stack.setCurrentWidget(self.start_page if key == "start" else self._placeholders[key])
            return
        page = self.start_page if key == "start" else self.page(key)
        if key == "start":
            self.start_page.refresh()
        self.stack.setCurrentWidget(page)
        self._focus_page_after_nav(page)

    def _focus_page_after_nav(self, page: QWidget) -> None:
        """Keyboard order follows the screen: navigation, then the page, then the status bar. Pages are
        built on first use, after the status bar, so Qt's default order would put them last."""
        tab_stops = []
        widget = self.nav.nextInFocusChain()
        while widget is not self.nav:
            if page.isAncestorOf(widget) and widget.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus:
                tab_stops.append(widget)
            widget = widget.nextInFocusChain()
        previous = self.nav
        for widget in tab_stops:
            QWidget.setTabOrder(previous, widget)
            previous = widget
        return tab_stops

    # --- quick start -------------------------------------------------------------------------------
    def _say_loading(self, placeholder: QWidget) -> None:
        """A user who clicks through the navigation while the program starts sees why the page is empty."""
        layout = placeholder.layout()
        if layout.count() == 0:
            loading = QLabel(self.tr("Loading …"), placeholder)
            loading.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(loading)

    def set_preview(self, key: str, widget: QWidget) -> None:
        """Show `widget` in place of the page `key` until the page itself has been built and loaded."""
        placeholder = self._placeholders.get(key)
        if placeholder is not None and key not in self.pages:
            layout = placeholder.layout()
            while layout.count():
                layout.takeAt(0).widget().deleteLater()
            layout.addWidget(widget)

    def finish_start(self) -> None:
        """The data file is checked and the database open (ctx.db): build the current page. A page whose
        main list stands in as a preview keeps the preview on screen until the list's first load, so the
        rows do not vanish for a moment."""
        self._starting = False
        self.search_action.setEnabled(True)
        self.settings_action.setEnabled(True)
        self.start_page.refresh_button.setEnabled(True)
        self.statusBar().clearMessage()
        key = self.current_key()
        if key == "start":
            self.start_page.refresh()
            return
        placeholder = self._placeholders.get(key)
        had_focus = placeholder is not None and placeholder.isAncestorOf(QApplication.focusWidget())
        page = self.page(key, keep_placeholder=True)
        # Registered by the page while it was built (ui/start_preview.remember).
        model = self.ctx.services.get("start_preview_models", {}).get(key)
        self.stack.setCurrentWidget(placeholder if placeholder is not None else page)

        shown = []

        def show_page(*_args) -> None:
            if shown:  # the other of loaded/load_failed, or a later load
                return
            shown.append(True)
            if self.stack.currentWidget() is placeholder:
                self.stack.setCurrentWidget(page)
            stops = self._focus_page_after_nav(page)
            if had_focus and stops:
                stops[0].setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
            self._retire_placeholder(key)

        if model is not None and getattr(model, "loading", False):
            once = QtCore.Qt.ConnectionType.SingleShotConnection
            model.loaded.connect(show_page, once)
            model.load_failed.connect(show_page, once)
        else:
            show_page()

    def _retire_placeholder(self, key: str) -> None:
        placeholder = self._placeholders.pop(key, None)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()

    def page(self, key: str, keep_placeholder: bool = False) -> QWidget:
        """Feature pages are built on first use so start-up stays fast."""
        if key not in self.pages:
            feature = next(f for f in self.features if f.key == key)
            try:
                page = feature.create_page(self.ctx, self)
            except Exception as exc:
                log.exception("creating page %s failed", key)
                show_error(self, exc)
                page = QLabel(self.tr("This area could not be opened. Details are in the log file."))
            placeholder = self._placeholders[key]
            self.stack.insertWidget(self.stack.indexOf(placeholder), page)
            self.pages[key] = page
            if not keep_placeholder:
                self._retire_placeholder(key)
        return self.pages[key]

    @property
    def starting(self) -> bool:
        return self._starting

    def show_feature(self, key: str) -> QWidget:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(NAV_KEY_ROLE) == key:
                self.nav.setCurrentRow(row)
                break
        if self._starting:
            return self._placeholders[key]
        return self.page(key)

    def open_record(self, feature_key: str, kind: str, target_id: str) -> None:
        feature = next((f for f in self.features if f.key == feature_key), None)
        if feature is None:
            return
        page = self.show_feature(feature_key)
        if feature.open_record is not None:
            try:
                feature.open_record(page, kind, target_id)
            except Exception as exc:
                show_error(self, exc)

    # Dialogs are imported when first opened: the window must appear as early as possible (app.py).
    def open_about(self) -> None:
        from .about_dialog import AboutDialog

        AboutDialog(self.ctx, self).exec()

    def open_search(self) -> None:
        from .search_dialog import SearchDialog

        dialog = SearchDialog(self.ctx, self.features, self)
        dialog.hit_chosen.connect(lambda hit: self._open_hit(hit))
        dialog.open()
        self._search_dialog = dialog

    def _open_hit(self, hit: SearchHit) -> None:
        self.open_record(hit.feature, hit.kind, hit.target_id)

    def open_settings(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self.features, self)
        if dialog.exec() and dialog.restart_needed:
            QMessageBox.information(
                self, self.tr("Settings"), self.tr("Some changes take effect after the next start of the program.")
            )

    # --- geometry ----------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        data = self.ctx.settings.window_geometry
        if data:
            try:
                self.restoreGeometry(QByteArray.fromBase64(data.encode("ascii")))
            except Exception:
                log.warning("stored window geometry ignored")

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(NAV_KEY_ROLE) if item is not None else "start"

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.ctx.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.ctx.settings.last_page = self.current_key()
        try:
            self.ctx.save_settings()
        except OSError:
            log.exception("saving settings on close failed")
        self.closing.emit()
        super().closeEvent(event)
