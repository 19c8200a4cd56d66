"""Embedded TrueType fonts for every PDF we write.

The PDF base-14 fonts cannot show "€" reliably and are not embedded; reportlab ships Bitstream Vera,
which covers ä ö ü ß € „ “ – and is embedded as a subset, so text stays extractable (ToUnicode map)."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "BD-Vera"
BOLD = "BD-Vera-Bold"
ITALIC = "BD-Vera-Italic"
BOLD_ITALIC = "BD-Vera-BoldItalic"

_lock = threading.Lock()
_done = False


def register() -> None:
    """Register the font family once per process (TTF parsing is the expensive part)."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        pdfmetrics.registerFont(TTFont(REGULAR, "Vera.ttf"))
        pdfmetrics.registerFont(TTFont(BOLD, "VeraBd.ttf"))
        pdfmetrics.registerFont(TTFont(ITALIC, "VeraIt.ttf"))
        pdfmetrics.registerFont(TTFont(BOLD_ITALIC, "VeraBI.ttf"))
        # So <b>/<i> in platypus paragraphs pick the embedded faces.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        _done = True


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by real glyph widths; words wider than the line are split by characters
    (an IBAN or URL must not run off the page)."""
    register()
    width_of = pdfmetrics.stringWidth
    space = width_of(" ", font, size)
    lines: list[str] = []
    for raw in text.split("\n"):
        words = raw.split()
        if not words:
            lines.append("")
            continue
        current = ""
        current_w = 0.0
        for word in words:
            w = width_of(word, font, size)
            if w > width:
                if current:
                    lines.append(current)
                    current, current_w = "", 0.0
                chunk = ""
                for ch in word:
                    if width_of(chunk + ch, font, size) > width and chunk:
                        lines.append(chunk)
                        chunk = ch
                    else:
                        chunk += ch
                current, current_w = chunk, width_of(chunk, font, size)
                continue
            if not current:
                current, current_w = word, w
            elif current_w + space + w <= width:
                current += " " + word
                current_w += space + w
            else:
                lines.append(current)
                current, current_w = word, w
        lines.append(current)
    return lines
