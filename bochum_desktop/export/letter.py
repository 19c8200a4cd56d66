"""DIN 5008 business letters (form B by default, form A selectable) drawn with the reportlab canvas.

Layout is computed first (lines per page), then drawn, so "Seite x von y" is known without a second
rendering pass; the canvas (not platypus) keeps 1,000 letters close to the speed of a bare script.
Measurements: docs/output.md and shared/design/domain.md."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..core.errors import DomainError, ValidationError
from ..core.formatting import format_date
from ..core.settings import SenderBlock
from ..core.tasks import TaskControl
from . import fonts

PAGE_W, PAGE_H = A4


@dataclass(frozen=True)
class Form:
    """The millimetres that differ between DIN 5008 form A and form B (all from the top edge)."""

    name: str
    letterhead: float
    address_top: float
    info_top: float
    fold_marks: tuple[float, float]


FORMS = {
    "A": Form("A", letterhead=27.0, address_top=27.0, info_top=32.0, fold_marks=(87.0, 192.0)),
    "B": Form("B", letterhead=45.0, address_top=45.0, info_top=50.0, fold_marks=(105.0, 210.0)),
}

ADDRESS_X = 20.0  # address field from the left edge
ADDRESS_W = 85.0
ADDRESS_H = 45.0
RETURN_ZONE = 17.7  # return address + postal notes
ADDRESS_TEXT_X = 25.0  # text 5 mm inside the field
MAX_RECIPIENT_LINES = 6
INFO_X = 125.0
INFO_VALUE_X = 156.0
LEFT = 25.0
RIGHT = 20.0
PUNCH_MARK = 148.5
TEXT_W = 210.0 - LEFT - RIGHT
BODY_SIZE = 11.0
BODY_LEADING = 13.5  # points
BOTTOM_LIMIT = 27.0  # mm above the bottom edge where body text must stop
FOLLOW_TOP = 20.0  # body start on following pages


@dataclass
class Letter:
    """One letter, already filled in (no placeholders left)."""

    recipient_lines: list[str]
    subject: str
    body: str  # paragraphs separated by an empty line; single newlines are kept as line breaks
    your_ref: str = ""
    your_message_date: date | str | None = None
    our_ref: str = ""
    name: str = ""
    phone: str = ""
    email: str = ""
    date: date | str | None = None
    closing: str = "Mit freundlichen Grüßen"
    signature: str = ""  # may hold several lines (name, function)
    attachments: list[str] = field(default_factory=list)


def _y(top_mm: float) -> float:
    """PDF y coordinate (points from the bottom) of a position given in mm from the top edge."""
    return PAGE_H - top_mm * mm


def _text(value: date | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def _fit(text: str, font: str, size: float, width: float, minimum: float = 6.0) -> float:
    """The largest size <= size at which text fits width (short lines must stay on one line)."""
    while size > minimum and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def return_address(sender: SenderBlock) -> str:
    parts = [sender.organisation, sender.unit, sender.street, sender.postcode_city]
    return " · ".join(p for p in parts if p)


def _check(letter: Letter) -> None:
    lines = [line for line in letter.recipient_lines if line.strip()]
    if not lines:
        raise ValidationError({"recipient_lines": "Bitte eine Anschrift angeben."})
    if len(lines) > MAX_RECIPIENT_LINES:
        raise ValidationError(
            {"recipient_lines": f"Die Anschrift hat {len(lines)} Zeilen; im Anschriftfeld ist Platz für höchstens 6."}
        )


@dataclass
class _Line:
    text: str
    font: str
    size: float
    gap_before: float = 0.0  # extra points before this line (paragraph spacing)


def _body_lines(letter: Letter) -> tuple[list[_Line], list[_Line]]:
    """Body lines and the closing block (kept together on one page)."""
    width = TEXT_W * mm
    body: list[_Line] = []
    paragraphs = re.split(r"\n\s*\n", letter.body.strip()) if letter.body.strip() else []
    for i, para in enumerate(paragraphs):
        for j, line in enumerate(fonts.wrap(para, fonts.REGULAR, BODY_SIZE, width)):
            gap = BODY_LEADING if (i > 0 and j == 0) else 0.0
            body.append(_Line(line, fonts.REGULAR, BODY_SIZE, gap))
    closing: list[_Line] = []
    if letter.closing:
        closing.append(_Line(letter.closing, fonts.REGULAR, BODY_SIZE, BODY_LEADING))
    sig = [s for s in letter.signature.split("\n")] if letter.signature else []
    for k, line in enumerate(sig):
        # three empty lines of room for the handwritten signature
        closing.append(_Line(line, fonts.REGULAR, BODY_SIZE, 3 * BODY_LEADING if k == 0 else 0.0))
    if letter.attachments:
        closing.append(_Line("Anlagen", fonts.BOLD, BODY_SIZE, 2 * BODY_LEADING))
        for item in letter.attachments:
            closing.append(_Line(item, fonts.REGULAR, BODY_SIZE))
    return body, closing


def _layout(letter: Letter, form: Form) -> tuple[float, list[list[tuple[_Line, float]]]]:
    """Place lines on pages. Returns the subject baseline and, per page, (line, baseline y)."""
    subject_top = form.address_top + ADDRESS_H + 8.46  # two empty lines below the address field
    subject_lines = fonts.wrap(letter.subject, fonts.BOLD, BODY_SIZE, TEXT_W * mm) if letter.subject else []
    y = _y(subject_top) - BODY_SIZE
    y -= BODY_LEADING * len(subject_lines)
    y -= BODY_LEADING  # one more empty line; together two before the salutation
    bottom = BOTTOM_LIMIT * mm
    body, closing = _body_lines(letter)
    pages: list[list[tuple[_Line, float]]] = [[]]
    first_on_page = False

    def place(line: _Line, keep_gap: bool = True) -> None:
        nonlocal y, first_on_page
        gap = 0.0 if first_on_page else line.gap_before
        if y - gap - BODY_LEADING < bottom:
            pages.append([])
            y = _y(FOLLOW_TOP)
            first_on_page = True
            gap = 0.0
        y -= gap + BODY_LEADING
        pages[-1].append((line, y))
        first_on_page = False

    for line in body:
        place(line)
    if closing:
        need = sum(c.gap_before + BODY_LEADING for c in closing)
        if y - need < bottom and need < (_y(FOLLOW_TOP) - bottom):
            pages.append([])
            y = _y(FOLLOW_TOP)
            first_on_page = True
        for line in closing:
            place(line)
    return _y(subject_top) - BODY_SIZE, pages


class LetterRenderer:
    """Draws letters on one canvas. Fonts are registered once per process and embedded once per file."""

    def __init__(self, canvas: Canvas, form: str = "B", sender: SenderBlock | None = None, logo: str | None = None):
        if form not in FORMS:
            raise DomainError(f"Unbekannte Briefform „{form}“ (erlaubt: A, B).", "letter_form")
        fonts.register()
        self.c = canvas
        self.form = FORMS[form]
        self.sender = sender or SenderBlock()
        self.logo = logo
        self._return_line = return_address(self.sender)
        self._return_size = _fit(self._return_line, fonts.REGULAR, 7.0, (ADDRESS_W - 10) * mm, 5.0)

    def draw(self, letter: Letter) -> int:
        """Draw one letter (one or more pages); returns the number of pages."""
        _check(letter)
        subject_y, pages = _layout(letter, self.form)
        total = len(pages)
        for number, lines in enumerate(pages, 1):
            if number == 1:
                self._first_page(letter, subject_y)
            for line, y in lines:
                self.c.setFont(line.font, line.size)
                self.c.drawString(LEFT * mm, y, line.text)
            self._footer(number, total)
            self.c.showPage()
        return total

    def _first_page(self, letter: Letter, subject_y: float) -> None:
        c, f, s = self.c, self.form, self.sender
        # Letterhead: organisation and unit left, optional logo right, inside the letterhead height.
        head_top = 12.0 if f.name == "B" else 8.0
        c.setFont(fonts.BOLD, 16)
        c.drawString(LEFT * mm, _y(head_top) - 16, s.organisation)
        c.setFont(fonts.REGULAR, 10)
        c.drawString(LEFT * mm, _y(head_top) - 30, s.unit)
        if self.logo:
            logo_h = (f.letterhead - head_top - 6) * mm
            c.drawImage(
                self.logo, (210 - RIGHT - 45) * mm, _y(head_top) - logo_h, width=45 * mm, height=logo_h,
                preserveAspectRatio=True, anchor="ne", mask="auto",
            )
        # Return address in the lowest line of the 17.7 mm zone, right above the recipient.
        zone_bottom = f.address_top + RETURN_ZONE
        c.setFont(fonts.REGULAR, self._return_size)
        c.drawString(ADDRESS_TEXT_X * mm, _y(zone_bottom) + 1.5 * mm, self._return_line)
        c.setLineWidth(0.3)
        c.line(ADDRESS_TEXT_X * mm, _y(zone_bottom) + 1.0 * mm, (ADDRESS_X + ADDRESS_W - 5) * mm, _y(zone_bottom) + 1.0 * mm)
        # Recipient: up to six lines in the 27.3 mm below the zone.
        y = _y(zone_bottom) - 1.5 * mm
        for line in (ln for ln in letter.recipient_lines if ln.strip()):
            size = _fit(line, fonts.REGULAR, 10.0, (ADDRESS_W - 10) * mm, 7.0)
            y -= 12.0
            c.setFont(fonts.REGULAR, size)
            c.drawString(ADDRESS_TEXT_X * mm, y, line)
        self._info_block(letter)
        self._marks()
        if letter.subject:
            c.setFont(fonts.BOLD, BODY_SIZE)
            y = subject_y
            for line in fonts.wrap(letter.subject, fonts.BOLD, BODY_SIZE, TEXT_W * mm):
                c.drawString(LEFT * mm, y, line)
                y -= BODY_LEADING

    def _info_block(self, letter: Letter) -> None:
        c = self.c
        rows = [
            ("Ihr Zeichen:", letter.your_ref),
            ("Ihre Nachricht vom:", _text(letter.your_message_date)),
            ("Unser Zeichen:", letter.our_ref),
            ("Name:", letter.name),
            ("Telefon:", letter.phone),
            ("E-Mail:", letter.email),
            ("Datum:", _text(letter.date)),
        ]
        value_w = (210 - RIGHT - INFO_VALUE_X) * mm
        y = _y(self.form.info_top) - 8.0
        for label, value in rows:
            if not value:
                continue
            c.setFont(fonts.REGULAR, 7.5)
            c.drawString(INFO_X * mm, y, label)
            c.setFont(fonts.REGULAR, _fit(value, fonts.REGULAR, 9.0, value_w, 6.5))
            c.drawString(INFO_VALUE_X * mm, y, value)
            y -= 11.5

    def _marks(self) -> None:
        c = self.c
        c.setLineWidth(0.4)
        for top in self.form.fold_marks:
            c.line(3 * mm, _y(top), 8 * mm, _y(top))
        c.line(3 * mm, _y(PUNCH_MARK), 11 * mm, _y(PUNCH_MARK))

    def _footer(self, number: int, total: int) -> None:
        c, s = self.c, self.sender
        if total > 1:
            c.setFont(fonts.REGULAR, 8)
            c.drawRightString((210 - RIGHT) * mm, 18 * mm, f"Seite {number} von {total}")
        parts = [s.organisation, s.street, s.postcode_city, s.phone and f"Telefon {s.phone}", s.website]
        footer = " · ".join(p for p in parts if p)
        c.setFont(fonts.REGULAR, _fit(footer, fonts.REGULAR, 7.0, TEXT_W * mm, 5.0))
        c.drawString(LEFT * mm, 10 * mm, footer)


def _new_canvas(path: str, sender: SenderBlock) -> Canvas:
    c = Canvas(path, pagesize=A4)
    c.setAuthor(sender.organisation)
    c.setCreator("Bochum Desktop")
    c.setTitle("Briefe")
    return c


def _unlink(path: str | Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def render_letters(
    letters: Sequence[Letter] | Iterable[Letter],
    path: str | Path,
    form: str = "B",
    sender: SenderBlock | None = None,
    control: TaskControl | None = None,
    logo: str | None = None,
) -> Path:
    """All letters into one PDF (for printing). Written to a temp file and renamed at the end, so a
    cancel or an error leaves no partial file behind."""
    path = Path(path)
    sender = sender or SenderBlock()
    items = list(letters)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".part")
    os.close(fd)
    try:
        renderer = LetterRenderer(_new_canvas(tmp, sender), form, sender, logo)
        for i, letter in enumerate(items):
            if control is not None:
                control.progress(i, len(items), f"Brief {i + 1} von {len(items)}")
            renderer.draw(letter)
        if control is not None:
            control.progress(len(items), len(items), "Speichern …")
        renderer.c.save()
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    return path


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_filename(text: str, limit: int = 60) -> str:
    cleaned = _UNSAFE.sub("_", text).strip(" ._")
    return cleaned[:limit] or "Brief"


def render_letters_separately(
    letters: Sequence[Letter] | Iterable[Letter],
    folder: str | Path,
    form: str = "B",
    sender: SenderBlock | None = None,
    control: TaskControl | None = None,
    logo: str | None = None,
    names: Sequence[str] | None = None,
) -> list[Path]:
    """One PDF per letter (for e-mail). On cancel or error every file of this run is deleted again."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sender = sender or SenderBlock()
    items = list(letters)
    written: list[Path] = []
    try:
        for i, letter in enumerate(items):
            if control is not None:
                control.progress(i, len(items), f"Brief {i + 1} von {len(items)}")
            if names is not None:
                name = safe_filename(names[i])
            else:
                first = next((ln for ln in letter.recipient_lines if ln.strip()), "")
                name = f"Brief_{i + 1:04d}_{safe_filename(first, 40)}"
            target = folder / f"{name}.pdf"
            render_letters([letter], target, form, sender, None, logo)
            written.append(target)
        if control is not None:
            control.progress(len(items), len(items), "")
    except BaseException:
        for p in written:
            _unlink(p)
        raise
    return written
