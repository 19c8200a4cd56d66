"""Export of the current table view (its visible columns, search and sort) to Excel or PDF — one place
for every list in the program. The file is written in the task runner with progress and cancel."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from ..context import AppContext
from ..export.columns import OutColumn
from .error_dialog import show_error
from .table_model import Column, SqlTableModel
from .table_view import DataTable
from .task_runner import TaskRunner, run_with_progress

log = logging.getLogger(__name__)

_KIND = {"text": "text", "enum": "text", "int": "int", "date": "date", "datetime": "datetime", "cents": "cents",
         "decimal": "decimal", "bool": "bool"}


def out_columns(columns: list[Column]) -> list[OutColumn]:
    return [OutColumn(title=c.title, kind=_KIND.get(c.kind, "text")) for c in columns]


def export_rows(model: SqlTableModel, columns: list[Column]) -> Iterator[tuple]:
    """Raw values for the writers; enum codes become their labels.

    Call on the main thread: the statement (search, filter, sort) is fixed here, the rows are read
    later by whoever consumes the iterator (the export worker)."""
    label_maps = [c.labels if c.kind == "enum" and c.labels else None for c in columns]
    rows = model.rows_for_export(columns)
    return (tuple(labels.get(v, v) if labels else v for v, labels in zip(row, label_maps, strict=True)) for row in rows)


def filter_description(model: SqlTableModel) -> str:
    text = model.search_text().strip()
    if text:
        return QCoreApplication.translate("TableExport", "Search: \u201c%1\u201d").replace("%1", text)
    return QCoreApplication.translate("TableExport", "All entries")


def _notify(table: DataTable, path: Path) -> None:
    text = QCoreApplication.translate("TableExport", "Saved: %1").replace("%1", str(path))
    window = table.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 10_000)
    table.setProperty("last_export", str(path))


def _ask_path(parent: QWidget, title: str, suffix: str, filter_text: str) -> Path | None:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in title).strip() or "Liste"
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("TableExport", "Export"),
                                          str(Path(docs) / f"{safe}.{suffix}"), filter_text)
    if not path:
        return None
    path = Path(path)
    return path if path.suffix.lower() == f".{suffix}" else path.with_suffix(f".{suffix}")


def export_excel(ctx: AppContext, runner: TaskRunner, table: DataTable, title: str, path: Path) -> None:
    model = table.model
    columns = model.visible_columns()
    meta = {
        "Erstellt von": ctx.settings.user_name or ctx.user,
        "Erstellt am": ctx.clock.now(),
        "Filter": filter_description(model),
        "Quelle": title,
    }

    rows, total = export_rows(model, columns), model.total_count

    def job(control):
        from ..export.excel import write_table  # openpyxl loads on the first export, not at start-up

        return write_table(path, title, out_columns(columns), rows, meta, control, total=total)

    run_with_progress(runner, table, QCoreApplication.translate("TableExport", "Writing Excel file…"), job,
                      on_done=lambda p: _notify(table, p),
                      on_error=lambda exc: show_error(table, exc))


def export_pdf(ctx: AppContext, runner: TaskRunner, table: DataTable, title: str, path: Path) -> None:
    model = table.model
    columns = model.visible_columns()

    rows, description = export_rows(model, columns), filter_description(model)

    def job(control):
        from ..export.list_pdf import write_list  # reportlab loads on the first export, not at start-up

        return write_list(path, title, out_columns(columns), rows, filter_description=description,
                          printed_by=ctx.settings.user_name or ctx.user, now=ctx.clock.now(), control=control)

    run_with_progress(runner, table, QCoreApplication.translate("TableExport", "Writing PDF list…"), job,
                      on_done=lambda p: _notify(table, p),
                      on_error=lambda exc: show_error(table, exc))


def attach_exports(ctx: AppContext, table: DataTable, title: str) -> None:
    """Wire the table's Excel…/PDF… buttons. Every list page calls this once."""
    runner = ctx.services.get("task_runner")
    if runner is None:
        runner = TaskRunner(table)
        ctx.services["task_runner"] = runner

    def excel() -> None:
        path = _ask_path(table, title, "xlsx", QCoreApplication.translate("TableExport", "Excel files (*.xlsx)"))
        if path:
            export_excel(ctx, runner, table, title, path)

    def pdf() -> None:
        path = _ask_path(table, title, "pdf", QCoreApplication.translate("TableExport", "PDF files (*.pdf)"))
        if path:
            export_pdf(ctx, runner, table, title, path)

    table.export_excel_requested.connect(excel)
    table.export_pdf_requested.connect(pdf)
