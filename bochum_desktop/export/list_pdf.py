"""List PDF for any table: title, filter description, header row repeated on every page, page numbers
"Seite x von y", "Gedruckt von … am …", long text wrapped inside its cell (never cut)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as to_landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from ..core.errors import DomainError
from ..core.formatting import format_datetime
from ..core.tasks import TaskControl
from . import fonts
from .columns import NUMERIC, OutColumn, format_value

MARGIN = 15 * mm
FONT_SIZE = 8.5
LANDSCAPE_FROM = 7  # columns; above this many a portrait page gets too narrow
PAD = 3  # cell padding left and right, points
# Widest typical value per kind, so dates and amounts never wrap.
_KIND_SAMPLE = {"date": "26.11.2026", "datetime": "26.11.2026 09:30", "cents": "99.999,99 €", "bool": "nein",
                "int": "99.999", "decimal": "9.999,99"}


def column_widths(columns: Sequence[OutColumn], avail: float) -> list[float]:
    """Relative widths, but never narrower than the longest header word or a typical value of the kind."""
    minimum = []
    for c in columns:
        words = c.title.split() or [""]
        need = max(stringWidth(w, fonts.BOLD, FONT_SIZE) for w in words)
        if c.kind in _KIND_SAMPLE:
            need = max(need, stringWidth(_KIND_SAMPLE[c.kind], fonts.REGULAR, FONT_SIZE))
        minimum.append(need + 2 * PAD + 1)
    weights = [max(c.width, 0.1) for c in columns]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(columns)) if i not in fixed]
        rest = avail - sum(fixed.values())
        total = sum(weights[i] for i in free) or 1.0
        widths = {i: rest * weights[i] / total for i in free}
        short = [i for i in free if widths[i] < minimum[i]]
        if not short or rest <= 0:
            break
        for i in short:
            fixed[i] = minimum[i]
    result = [fixed.get(i, widths.get(i, minimum[i])) for i in range(len(columns))]
    scale = avail / sum(result)
    return [w * scale for w in result] if scale < 1 else result


def _numbered_canvas(footer_left: str):
    class NumberedCanvas(Canvas):
        """Keeps each page until save() so the footer can say "Seite x von y"."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                width = self._pagesize[0]
                self.setFont(fonts.REGULAR, 7.5)
                self.setFillColor(colors.black)
                self.drawString(MARGIN, 8 * mm, footer_left)
                self.drawRightString(width - MARGIN, 8 * mm, f"Seite {number} von {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


def write_list(
    path: str | Path,
    title: str,
    columns: Sequence[OutColumn],
    rows: Iterable[Sequence[object]],
    filter_description: str = "",
    printed_by: str = "",
    now: datetime | None = None,
    landscape: bool | None = None,
    control: TaskControl | None = None,
) -> Path:
    """Write the list; `landscape=None` picks the orientation by column count. Rows hold Python values
    in column order. Written to a temp file and renamed, so a cancel leaves nothing."""
    if not columns:
        raise DomainError("Die Liste hat keine Spalten.")
    fonts.register()
    path = Path(path)
    if landscape is None:
        landscape = len(columns) >= LANDSCAPE_FROM
    pagesize = to_landscape(A4) if landscape else A4
    avail = pagesize[0] - 2 * MARGIN
    widths = column_widths(columns, avail)

    cell = ParagraphStyle("cell", fontName=fonts.REGULAR, fontSize=FONT_SIZE, leading=FONT_SIZE * 1.2)
    cell_right = ParagraphStyle("cellr", parent=cell, alignment=2)
    head = ParagraphStyle("head", parent=cell, fontName=fonts.BOLD)
    head_right = ParagraphStyle("headr", parent=head, alignment=2)
    title_style = ParagraphStyle("title", fontName=fonts.BOLD, fontSize=14, leading=17, spaceAfter=4)
    meta_style = ParagraphStyle("meta", fontName=fonts.REGULAR, fontSize=9, leading=11)

    header = [
        Paragraph(escape(c.title), head_right if c.kind in NUMERIC else head) for c in columns
    ]
    data: list[list[object]] = [header]
    pad = 2 * PAD
    for i, row in enumerate(rows):
        if control is not None and i % 500 == 0:
            control.progress(i, 0, f"{i} Zeilen")
        out: list[object] = []
        for col, value, w in zip(columns, row, widths, strict=False):
            text = format_value(col, value)
            # Plain strings are much faster than Paragraphs; only text that would overflow is wrapped.
            if "\n" in text or stringWidth(text, fonts.REGULAR, FONT_SIZE) > w - pad:
                out.append(Paragraph(escape(text).replace("\n", "<br/>"), cell_right if col.kind in NUMERIC else cell))
            else:
                out.append(text)
        out.extend([""] * (len(columns) - len(out)))
        data.append(out)
    count = len(data) - 1

    style = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, FONT_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#b0b0b0")),
    ]
    for idx, col in enumerate(columns):
        if col.kind in NUMERIC:
            style.append(("ALIGN", (idx, 1), (idx, -1), "RIGHT"))

    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    meta = [f"Filter: {filter_description or 'keiner (alle Einträge)'}", f"Anzahl: {count}"]
    story = [Paragraph(escape(title), title_style)]
    story += [Paragraph(escape(m), meta_style) for m in meta]
    story += [Spacer(1, 4 * mm), table]

    stamp = format_datetime(now) if now is not None else ""
    footer = f"{title} · Gedruckt von {printed_by or 'unbekannt'}" + (f" am {stamp}" if stamp else "")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".part")
    os.close(fd)
    try:
        doc = SimpleDocTemplate(
            tmp, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm, title=title, author=printed_by, creator="Bochum Desktop",
        )
        if control is not None:
            control.progress(count, count, "Seiten setzen …")
        doc.build(story, canvasmaker=_numbered_canvas(footer))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return path
