"""DataTable: the list widget every feature uses - search, SQL-sorted table, column chooser, TSV copy.

The caller builds a SqlTableModel and hands it in; DataTable never sorts or filters in Python.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.formatting import format_number
from .table_model import SqlTableModel

SEARCH_DELAY_MS = 250  # debounce: one query after the user pauses typing, not one per key


def _clean_cell(text: str) -> str:
    # A tab or line break inside a value would split the cell when pasted into Excel.
    return text.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


class _TableView(QTableView):
    """QTableView whose Enter activates the row and whose Copy copies whole rows (not one cell)."""

    enter_pressed = Signal()
    copy_requested = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class DataTable(QWidget):
    activated = Signal(str)  # row id, on double-click or Enter
    selection_changed = Signal()
    export_excel_requested = Signal()
    export_pdf_requested = Signal()
    column_state_changed = Signal()  # the caller may persist column_state() now

    def __init__(
        self,
        model: SqlTableModel,
        parent: QWidget | None = None,
        *,
        table_key: str = "",
        column_states: dict | None = None,
        show_export: bool = True,
    ) -> None:
        """`column_states`: a dict the caller persists (e.g. in settings), keyed by `table_key`; DataTable
        reads its entry at start and writes it whenever the user changes columns."""
        super().__init__(parent)
        self._model = model
        self.table_key = table_key
        self._column_states = column_states
        self.setObjectName(f"DataTable_{table_key}" if table_key else "DataTable")

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Name, number, e-mail …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(120)  # stays usable when the table shares a narrow panel
        self.search_edit.setAccessibleName(self.tr("Search the table"))
        search_label = QLabel(self.tr("&Search"), self)
        search_label.setBuddy(self.search_edit)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of entries"))
        # Room for "99.999 Einträge" so the count is never cut when the table sits in a narrow panel.
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("99.999 Einträge") + 4)
        self.columns_button = QPushButton(self.tr("Columns…"), self)
        self.columns_button.setToolTip(self.tr("Choose the visible columns"))
        self.excel_button = QPushButton(self.tr("Excel…"), self)
        self.excel_button.setToolTip(self.tr("Export the listed rows to an Excel file"))
        self.pdf_button = QPushButton(self.tr("PDF…"), self)
        self.pdf_button.setToolTip(self.tr("Export the listed rows to a PDF file"))
        self.excel_button.setVisible(show_export)
        self.pdf_button.setVisible(show_export)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.columns_button)
        top.addWidget(self.excel_button)
        top.addWidget(self.pdf_button)

        self.view = _TableView(self)
        self.view.setAccessibleName(self.tr("Table"))
        self.view.setModel(model)
        # Put the indicator on the model's current sort first: enabling sorting sorts by the indicator.
        self._sync_sort_indicator()
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionResized.connect(self._on_section_resized)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._row_menu)
        header.setResizeContentsPrecision(100)  # size columns by the first 100 rows, not all loaded rows
        self._fit_columns()
        # Rows loaded in the background arrive after construction: fit once more when the first ones come,
        # unless the user (or a restored state) has set widths already.
        self._columns_fitted = self._model.rowCount() > 0 and self.isVisible()
        self._model.loaded.connect(self._fit_columns_once)
        self._pending_select: str | None = None
        self._model.loaded.connect(self._apply_pending_select)
        header.sortIndicatorChanged.connect(lambda *_: self._store_state())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        # Keyboard path: search -> rows -> column chooser -> exports.
        QWidget.setTabOrder(self.search_edit, self.view)
        QWidget.setTabOrder(self.view, self.columns_button)
        QWidget.setTabOrder(self.columns_button, self.excel_button)
        QWidget.setTabOrder(self.excel_button, self.pdf_button)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_search)  # Enter: search now, no waiting
        self.search_edit.installEventFilter(self)  # Down arrow: from the search field into the rows

        self.copy_action = QAction(self.tr("Copy rows"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.triggered.connect(self.copy_selection)
        self.view.copy_requested.connect(self.copy_selection)
        find = QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.columns_button.clicked.connect(self._columns_button_menu)
        self.excel_button.clicked.connect(self.export_excel_requested)
        self.pdf_button.clicked.connect(self.export_pdf_requested)
        self.view.doubleClicked.connect(self._emit_activated)
        self.view.enter_pressed.connect(lambda: self._emit_activated(self.view.currentIndex()))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())

        self._restoring: tuple[list[str], str | None] = ([], None)
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._after_reset)
        model.rowsInserted.connect(self._update_count)
        model.loading_changed.connect(self._update_count)
        if column_states is not None and table_key in column_states:
            self.restore_column_state(column_states[table_key])
        self._update_count()

    # ----- public API -----

    @property
    def model(self) -> SqlTableModel:
        return self._model

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self._model.set_search_text(self.search_edit.text())

    def refresh(self) -> None:
        """Re-read the rows (after the caller changed data), keeping search, sort, filter and selection."""
        self._model.refresh()

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.view.selectionModel().selectedRows())

    def selected_ids(self) -> list[str]:
        return [self._model.row_id(r) for r in self.selected_rows()]

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return self._model.row_id(index.row()) if index.isValid() else None

    def select_id(self, row_id: str) -> bool:
        """Make the row with this id current and selected. While the model loads in the background (e.g.
        right after a refresh that follows a save) the selection is made when the rows have arrived."""
        row = self._model.row_for_id(row_id)
        if row < 0:
            self._pending_select = row_id if self._model.loading else None
            return False
        self._pending_select = None
        index = self._model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def selection_tsv(self) -> str:
        """Selected rows as tab-separated text with a header row (German display formats)."""
        rows = self.selected_rows()
        if not rows:
            return ""
        titles = [_clean_cell(c.title) for c in self._model.visible_columns()]
        lines = ["\t".join(titles)]
        for row in rows:
            lines.append("\t".join(_clean_cell(t) for t in self._model.row_texts(row)))
        return "\r\n".join(lines) + "\r\n"  # CRLF: what Excel itself puts on the clipboard

    def copy_selection(self) -> None:
        text = self.selection_tsv()
        if text:
            QGuiApplication.clipboard().setText(text)

    def column_state(self) -> dict:
        """JSON-able column settings: hidden columns, widths and sort, keyed by column key."""
        header = self.view.horizontalHeader()
        widths = {}
        for section, col in enumerate(self._model.visible_columns()):
            widths[col.key] = header.sectionSize(section)
        previous = (self._column_states or {}).get(self.table_key, {}) if self.table_key else {}
        merged_widths = {**previous.get("widths", {}), **widths}
        sort_key, order = self._model.sort_state()
        return {
            "hidden": [c.key for c in self._model.columns() if not self._model.is_column_visible(c.key)],
            "widths": merged_widths,
            "sort": [sort_key, "desc" if order == Qt.SortOrder.DescendingOrder else "asc"] if sort_key else None,
        }

    def restore_column_state(self, state: dict | None) -> None:
        """Apply what column_state() returned earlier; unknown keys (columns removed since) are ignored."""
        if not state:
            return
        hidden = set(state.get("hidden", []))
        for col in self._model.columns():
            if col.key not in hidden:
                self._model.set_column_visible(col.key, True)
        for col in self._model.columns():
            if col.key in hidden:
                self._model.set_column_visible(col.key, False)
        if state.get("widths"):
            self._columns_fitted = True  # the user's own widths win over fitting to the contents
        self._apply_widths(state.get("widths", {}))
        sort = state.get("sort")
        if sort and self._model.column_by_key(sort[0]) is not None:
            order = Qt.SortOrder.DescendingOrder if sort[1] == "desc" else Qt.SortOrder.AscendingOrder
            if self._model.sort_state() != (sort[0], order):
                self._model.sort_by_key(sort[0], order)
        self._sync_sort_indicator()

    def set_column_visible(self, key: str, visible: bool) -> None:
        widths = self.column_state()["widths"]
        self._model.set_column_visible(key, visible)
        self._apply_widths(widths)
        self._sync_sort_indicator()
        self._store_state()

    # ----- internals -----

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (watched is self.search_edit and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self._model.rowCount() > 0):
            if self._search_timer.isActive():
                self.apply_search()
            if not self.view.currentIndex().isValid():
                self.select_id(self._model.row_id(0))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        self.view.resizeColumnsToContents()
        # No column wider than half the view: long texts are cut with "…" and shown in full as tooltip.
        limit = max(120, self.view.viewport().width() // 2)
        for section in range(header.count()):
            if header.sectionSize(section) > limit:
                header.resizeSection(section, limit)
        header.blockSignals(False)

    def _apply_pending_select(self) -> None:
        if self._pending_select is not None and not self._model.loading:
            self.select_id(self._pending_select)

    def _fit_columns_once(self) -> None:
        if not self._columns_fitted and self._model.rowCount() > 0:
            if not self.isVisible():
                # A page built before it is shown (at start, or behind the start preview) has no width yet:
                # every column would be capped at the minimum. Fit when it is shown.
                return
            self._columns_fitted = True
            self._fit_columns()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._fit_columns_once()

    def _apply_widths(self, widths: dict) -> None:
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        try:
            for section, col in enumerate(self._model.visible_columns()):
                if col.key in widths and isinstance(widths[col.key], int) and widths[col.key] > 10:
                    header.resizeSection(section, widths[col.key])
        finally:
            header.blockSignals(False)

    def _store_state(self) -> None:
        if self._column_states is not None and self.table_key:
            self._column_states[self.table_key] = self.column_state()
        self.column_state_changed.emit()

    def _on_section_resized(self, *_args) -> None:
        self._store_state()

    def _sync_sort_indicator(self) -> None:
        # The model sorts by column key; after columns were hidden/shown the section index moved.
        header = self.view.horizontalHeader()
        section = self._model.sort_section()
        header.blockSignals(True)
        try:
            header.setSortIndicator(section, self._model.sort_state()[1])
        finally:
            header.blockSignals(False)

    def _emit_activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() < self._model.rowCount():
            self.activated.emit(self._model.row_id(index.row()))

    def _remember_selection(self) -> None:
        self._restoring = (self.selected_ids(), self.current_id())

    def _after_reset(self) -> None:
        ids, current = self._restoring
        self._restoring = ([], None)
        if ids or current:
            rows = self._model.rows_of_ids([*ids, current] if current else ids)
            # One QItemSelection instead of one select() per row: restoring 10,000 selected rows stays fast.
            selection = QItemSelection()
            last = self._model.columnCount() - 1
            for row_id in ids:
                if row_id in rows:
                    row = rows[row_id]
                    selection.select(self._model.index(row, 0), self._model.index(row, last))
            model_selection = self.view.selectionModel()
            model_selection.select(selection, QItemSelectionModel.SelectionFlag.Select)
            if current in rows:
                model_selection.setCurrentIndex(self._model.index(rows[current], 0),
                                                QItemSelectionModel.SelectionFlag.NoUpdate)
        self._sync_sort_indicator()
        self._update_count()

    def _update_count(self, *_args) -> None:
        if self._model.loading:
            self.count_label.setText(self.tr("Loading…"))
            return
        n = self._model.total_count
        self.count_label.setText(self.tr("1 entry") if n == 1 else self.tr("{count} entries").format(
            count=format_number(n)))

    def _column_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setTitle(self.tr("Columns"))
        visible_count = len(self._model.visible_columns())
        for col in self._model.columns():
            action = menu.addAction(col.title)
            action.setCheckable(True)
            shown = self._model.is_column_visible(col.key)
            action.setChecked(shown)
            action.setEnabled(not (shown and visible_count == 1))  # the last visible column stays
            action.toggled.connect(lambda checked, key=col.key: self.set_column_visible(key, checked))
        return menu

    def _header_menu(self, pos: QPoint) -> None:
        menu = self._column_menu()
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def _columns_button_menu(self) -> None:
        menu = self._column_menu()
        menu.exec(self.columns_button.mapToGlobal(QPoint(0, self.columns_button.height())))
        menu.deleteLater()

    def _row_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        self.copy_action.setEnabled(bool(self.view.selectionModel().selectedRows()))
        menu.addSeparator()
        menu.addMenu(self._column_menu())
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()
