"""Excel export with openpyxl in write-only mode: real date/number/currency cells with German-friendly
formats, bold frozen header with autofilter, and a second sheet "Export-Info" (who, when, filter).

Write-only keeps memory flat for 100,000 rows; the file is written to a temp name and renamed, so a
cancelled export leaves nothing behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError

from ..core.clock import BERLIN
from ..core.errors import DomainError
from ..core.tasks import TaskControl
from .columns import OutColumn

NUMBER_FORMATS = {
    "int": "#,##0",
    "cents": '#,##0.00 "€"',
    "date": "DD.MM.YYYY",
    "datetime": "DD.MM.YYYY HH:MM",
}
_KIND_WIDTH = {"int": 10, "cents": 14, "decimal": 12, "date": 12, "datetime": 17, "bool": 8}
MAX_CELL_TEXT = 32767  # Excel's limit per cell
INFO_SHEET = "Export-Info"
PROGRESS_EVERY = 2000


def decimal_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def sheet_name(title: str) -> str:
    """Excel sheet names: max. 31 characters, none of []:*?/\\ ."""
    cleaned = "".join("_" if ch in '[]:*?/\\' else ch for ch in title).strip("'") or "Tabelle"
    return cleaned[:31]


def _clean_text(value: object) -> str:
    text = str(value)
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text[:MAX_CELL_TEXT]


def _local(value: datetime) -> datetime:
    # Excel has no time zones: show the wall-clock time in Bochum.
    if value.tzinfo is not None:
        value = value.astimezone(BERLIN)
    return value.replace(tzinfo=None)


def _prepare(column: OutColumn):
    """Value conversion for this column's kind (None: value is written as is)."""
    kind = column.kind
    if kind == "text":
        # openpyxl checks for illegal characters itself (values_to_row cleans on its error), so only
        # non-strings and over-long texts need work here.
        return lambda v: v if type(v) is str and len(v) <= MAX_CELL_TEXT else _clean_text(v)
    if kind == "bool":
        return bool
    if kind == "int":
        return int
    if kind == "cents":
        return lambda v: int(v) / 100
    if kind == "decimal":
        return lambda v: float(v) if isinstance(v, Decimal) else v
    if kind == "date":
        return lambda v: v.date() if isinstance(v, datetime) else v
    return lambda v: _local(v) if isinstance(v, datetime) else datetime(v.year, v.month, v.day)


def _install_row_builder(ws, columns: Sequence[OutColumn]) -> None:
    """Replace openpyxl's per-row cell factory on this sheet by one that re-uses one pre-styled cell per
    column (install after the header row). The stock path creates a cell per value and, for styled cells passed in, raises and catches
    a ValueError per cell; this keeps the export within 1.3x of a bare write-only script (bench/).
    Safe because the write-only writer serialises each row inside append(). openpyxl is pinned <3.2."""
    protos = []
    for col in columns:
        cell = WriteOnlyCell(ws)
        if col.kind == "decimal":
            cell.number_format = decimal_format(col.decimals)
        elif col.kind in NUMBER_FORMATS:
            cell.number_format = NUMBER_FORMATS[col.kind]
        protos.append(cell)
    plan = list(zip(protos, [_prepare(c) for c in columns], [c.kind == "text" for c in columns], strict=True))

    def values_to_row(values, row_idx):
        for col_idx, (value, (cell, prepare, is_text)) in enumerate(zip(values, plan, strict=False), 1):
            if value is None:
                continue
            try:
                cell.value = prepare(value)
            except IllegalCharacterError:
                cell.value = _clean_text(value)
            if is_text and cell.data_type == "f":
                cell.data_type = "s"  # "=SUMME(...)" typed into a name is data, never a formula
            cell.column = col_idx
            cell.row = row_idx
            yield cell

    ws._values_to_row = values_to_row


def column_width(column: OutColumn) -> float:
    base = _KIND_WIDTH.get(column.kind, 12 * max(column.width, 0.5))
    return float(min(60, max(len(column.title) + 4, base)))  # +4: room for the filter button


def _discard(ws) -> None:
    """Remove the write-only sheet's own temp file at once (openpyxl would only do so at exit)."""
    writer = getattr(ws, "_writer", None)
    out = getattr(writer, "out", None)
    for gen in (getattr(ws, "_rows", None), getattr(writer, "xf", None)):
        if gen is not None:
            with contextlib.suppress(Exception):  # already finished generators are fine
                gen.close()
    if isinstance(out, str):
        _unlink(out)


def _unlink(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def write_table(
    path: str | Path,
    sheet_title: str,
    columns: Sequence[OutColumn],
    rows: Iterable[Sequence[object]],
    meta: Mapping[str, object] | None = None,
    control: TaskControl | None = None,
    total: int = 0,
) -> Path:
    """Write one table sheet plus "Export-Info". `meta` maps German labels to values, e.g.
    {"Erstellt von": user, "Erstellt am": now, "Filter": "Status = offen"}. `total` (if known) is only
    used for progress. Returns the path."""
    if not columns:
        raise DomainError("Die Tabelle hat keine Spalten.")
    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_name(sheet_title))
    for idx, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(idx)].width = column_width(col)
    ws.freeze_panes = "A2"  # must be set before the first row in write-only mode
    bold = Font(bold=True)
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws, value=_clean_text(col.title))
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header.append(cell)
    ws.append(header)
    _install_row_builder(ws, columns)
    count = 0
    append = ws.append
    try:
        for row in rows:
            append(row if isinstance(row, list | tuple) else list(row))
            count += 1
            if control is not None and count % PROGRESS_EVERY == 0:
                control.progress(count, total, f"{count} Zeilen")
    except BaseException:
        _discard(ws)
        raise
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"

    info = wb.create_sheet(INFO_SHEET)
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 60
    for label, value in [*(meta or {}).items(), ("Tabelle", sheet_title), ("Anzahl Zeilen", count)]:
        label_cell = WriteOnlyCell(info, value=_clean_text(label))
        label_cell.font = bold
        if isinstance(value, datetime):
            value_cell = WriteOnlyCell(info, value=_local(value))
            value_cell.number_format = NUMBER_FORMATS["datetime"]
        elif isinstance(value, date):
            value_cell = WriteOnlyCell(info, value=value)
            value_cell.number_format = NUMBER_FORMATS["date"]
        elif isinstance(value, int | float):
            value_cell = WriteOnlyCell(info, value=value)
        else:
            value_cell = WriteOnlyCell(info, value="" if value is None else _clean_text(value))
            value_cell.data_type = "s"
        info.append([label_cell, value_cell])

    if control is not None:
        control.progress(count, count, "Speichern …")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".xlsx.part")
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    return path
