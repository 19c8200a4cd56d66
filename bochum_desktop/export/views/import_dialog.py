"""Generic Excel import dialog: choose file -> dry run (errors / new / changed rows) -> import all rows
in one transaction. Template and error report can be saved. Work runs in the app's task runner with
progress and cancel; "Import" is only enabled after a clean dry run."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...core.errors import DomainError
from ...ui.task_runner import TaskRunner
from ..excel_import import (
    ACTION_LABELS,
    ApplyResult,
    ImportReport,
    ImportSpec,
    apply,
    dry_run,
    write_template,
)


class RowsModel(QAbstractTableModel):
    """A read-only table of plain strings (report rows)."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[str]] = []

    def set_rows(self, rows: list[list[str]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # noqa: N802 (Qt API)
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, spec: ImportSpec | Callable[[], ImportSpec], parent: QWidget | None = None,
                 title: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._spec_factory = spec if callable(spec) and not isinstance(spec, ImportSpec) else (lambda: spec)
        self.spec: ImportSpec = self._spec_factory()
        self.report: ImportReport | None = None
        self.result: ApplyResult | None = None
        self._handle = None
        # The app's task runner; a dialog of its own only where none is registered (tests, stand-alone use).
        runner = ctx.services.get("task_runner")
        self.runner = runner if runner is not None else TaskRunner(self)
        self.setWindowTitle(title or self.tr("Excel import: %1").replace("%1", self.spec.entity))
        self.resize(820, 560)

        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName(self.tr("Import file"))
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.path_edit)
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.template_button = QPushButton(self.tr("Save &template…"))
        top = QHBoxLayout()
        top.addWidget(file_label)
        top.addWidget(self.path_edit, 1)
        top.addWidget(self.choose_button)
        top.addWidget(self.template_button)

        self.summary = QLabel(self.tr("Choose an Excel file (.xlsx). It is checked first; nothing is imported yet."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.error_model = RowsModel([self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")], self)
        self.rows_model = RowsModel([self.tr("Row"), self.tr("Action"), self.tr("Key")], self)
        self.tabs = QTabWidget()
        self.error_view = self._table(self.error_model, self.tr("Errors"))
        self.rows_view = self._table(self.rows_model, self.tr("Rows"))
        self.tabs.addTab(self.error_view, self.tr("&Errors"))
        self.tabs.addTab(self.rows_view, self.tr("R&ows"))

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("C&ancel check/import"))
        self.cancel_button.setVisible(False)
        prog = QHBoxLayout()
        prog.addWidget(self.progress, 1)
        prog.addWidget(self.cancel_button)

        self.report_button = QPushButton(self.tr("Save error &report…"))
        self.import_button = QPushButton(self.tr("&Import"))
        self.report_button.setEnabled(False)
        self.import_button.setEnabled(False)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.addButton(self.report_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(prog)
        layout.addWidget(box)

        self.choose_button.clicked.connect(self._choose)
        self.template_button.clicked.connect(self._save_template_clicked)
        self.report_button.clicked.connect(self._save_report_clicked)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)

    def _table(self, model: RowsModel, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(True)
        view.verticalHeader().setVisible(False)  # the "Zeile" column is the Excel row; a 1..n count would confuse
        return view

    # --- busy state ------------------------------------------------------------------------------

    def _busy(self, busy: bool, text: str = "") -> None:
        for w in (self.choose_button, self.template_button, self.report_button, self.import_button):
            w.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)
            self.summary.setText(text)
        else:
            self.report_button.setEnabled(self.report is not None)
            self.import_button.setEnabled(self.report is not None and self.report.ok)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.progress.setRange(0, 0)

    def is_busy(self) -> bool:
        return self._handle is not None

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 0))
        if total:
            self.progress.setValue(min(done, total))
        if text:
            self.progress.setFormat(text)

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def reject(self) -> None:
        # Escape, "Schließen" and the window's close button: never leave while a check or an import runs,
        # or the list behind would refresh before the import committed and the result would go unseen.
        if self.is_busy():
            self.summary.setText(self.tr("Still working: please wait, or cancel first."))
            return
        super().reject()

    def _finished(self) -> None:
        self._handle = None
        self._busy(False)

    def _failed(self, exc: BaseException) -> None:
        self._handle = None
        self.report = None
        self.error_model.set_rows([])
        self.rows_model.set_rows([])
        self._busy(False)
        if isinstance(exc, DomainError):
            self.summary.setText("⚠ " + exc.message)
        else:
            self.summary.setText("⚠ " + self.tr("Unexpected error: %1").replace("%1", repr(exc)))

    def _cancelled(self) -> None:
        self._handle = None
        self._busy(False)
        self.summary.setText(self.tr("Cancelled. Nothing was imported."))

    # --- dry run ---------------------------------------------------------------------------------

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose Excel file"), "", self.tr("Excel files (*.xlsx)"))
        if path:
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        """Take a file and start the dry run."""
        self.path_edit.setText(str(path))
        self.report = None
        self.result = None
        self.spec = self._spec_factory()  # fresh lookups (e.g. org unit codes)
        self._busy(True, self.tr("Checking the file …"))
        self._handle = self.runner.submit(
            dry_run, self.spec, Path(path), self.ctx.db, on_done=self._dry_run_done, on_error=self._failed,
            on_progress=self._on_progress, on_cancelled=self._cancelled, description="Import prüfen", context=self,
        )

    def _dry_run_done(self, report: ImportReport) -> None:
        self.report = report
        self.error_model.set_rows([[str(e.row), e.column, e.value, e.message] for e in report.errors])
        self.rows_model.set_rows([[str(r.row), ACTION_LABELS[r.action], str(r.key)] for r in report.rows])
        self.tabs.setTabText(0, self.tr("&Errors (%1)").replace("%1", str(len(report.errors))))
        self.tabs.setTabText(1, self.tr("R&ows (%1)").replace("%1", str(len(report.rows))))
        self.tabs.setCurrentIndex(0 if report.errors else 1)
        self._finished()
        if report.errors:
            text = self.tr("%1 errors in the file – nothing will be imported. Correct the file and choose it again.")
            self.summary.setText("⚠ " + text.replace("%1", str(len(report.errors))))
        elif not report.rows:
            self.summary.setText(self.tr("The file contains no data rows."))
        elif not report.ok:
            self.summary.setText(self.tr("All rows are already up to date. Nothing to import."))
        else:
            text = self.tr("Check passed: %1 new, %2 changed, %3 unchanged. Click “Import” to save all rows.")
            self.summary.setText(text.replace("%1", str(report.count("insert"))).replace(
                "%2", str(report.count("update"))).replace("%3", str(report.count("unchanged"))))
        if report.ignored_headers:
            ignored = self.tr("Ignored columns: %1").replace("%1", ", ".join(report.ignored_headers))
            self.summary.setText(self.summary.text() + "\n" + ignored)

    # --- apply -----------------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.report is None or not self.report.ok or self._handle is not None:
            return
        self._busy(True, self.tr("Importing … (all rows or none)"))
        self._handle = self.runner.submit(
            apply, self.report, self.ctx.db, on_done=self._import_done, on_error=self._failed,
            on_progress=self._on_progress, on_cancelled=self._cancelled, description="Import", context=self,
        )

    def _import_done(self, result: ApplyResult) -> None:
        self.result = result
        self.report = None  # imported: a second click must not import again
        self._finished()
        text = self.tr("Imported: %1 new, %2 changed, %3 unchanged.")
        self.summary.setText(text.replace("%1", str(result.inserted)).replace("%2", str(result.updated)).replace(
            "%3", str(result.unchanged)))

    # --- files -----------------------------------------------------------------------------------

    def _save_template_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save template"), f"Vorlage {self.spec.sheet}.xlsx",
                                              self.tr("Excel files (*.xlsx)"))
        if path:
            self.save_template(path)

    def save_template(self, path: str | Path) -> None:
        try:
            write_template(self._spec_factory(), Path(path))
        except (OSError, DomainError) as exc:
            self.summary.setText("⚠ " + self.tr("Could not save: %1").replace("%1", str(exc)))
            return
        self.summary.setText(self.tr("Template saved: %1").replace("%1", str(path)))

    def _save_report_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save error report"), "Importbericht.xlsx",
                                              self.tr("Excel files (*.xlsx)"))
        if path:
            self.save_report(path)

    def save_report(self, path: str | Path) -> None:
        if self.report is None:
            return
        try:
            self.report.save(Path(path))
        except OSError as exc:
            self.summary.setText("⚠ " + self.tr("Could not save: %1").replace("%1", str(exc)))
            return
        self.summary.setText(self.summary.text() + "\n" + self.tr("Report saved: %1").replace("%1", str(path)))
