"""Running suggestion numbers per year that stay unique when several desks work offline.

Choice (see docs/ideas.md):
- A desk WITH a desk prefix (settings.desk_prefix, e.g. "B") allocates final numbers in its own range:
  "VV-2026-B0042". No other desk uses that prefix, so no two desks can collide, online or offline.
- A desk WITHOUT a prefix allocates a *provisional* number "VV-2026-V0042" (flag number_provisional).
  `finalise_numbers` replaces provisional numbers by numbers from the central allocator at the first
  sync; until then letters and lists show the number with "(vorläufig)".
The year is the year of receipt in Europe/Berlin.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..core.clock import to_local
from ..core.errors import ValidationError
from .model import IdeaSuggestion

PROVISIONAL_PREFIX = "V"
_PREFIX = re.compile(r"^[A-Z0-9]{1,4}$")


def format_number(year: int, prefix: str, seq: int) -> str:
    return f"VV-{year}-{prefix}{seq:04d}"


def allocate_number(session: Session, received_at: datetime, desk_prefix: str) -> tuple[str, str, int, bool]:
    """Return (number, prefix, seq, provisional) for a new suggestion received at `received_at`."""
    year = to_local(received_at).year
    prefix = (desk_prefix or "").strip().upper()
    provisional = not prefix
    if provisional:
        prefix = PROVISIONAL_PREFIX
    elif not _PREFIX.match(prefix) or prefix == PROVISIONAL_PREFIX:
        raise ValidationError({"desk_prefix": f"Arbeitsplatz-Kürzel „{desk_prefix}“ ist ungültig "
                                              "(1–4 Großbuchstaben/Ziffern, nicht „V“)."})
    # Deleted rows count too: a number once given out is never reused.
    last = session.scalar(
        select(func.max(IdeaSuggestion.seq)).where(
            IdeaSuggestion.year == year, IdeaSuggestion.number_prefix == prefix,
            IdeaSuggestion.number_provisional.is_(provisional))
    )
    seq = (last or 0) + 1
    return format_number(year, prefix, seq), prefix, seq, provisional


def display_number(number: str, provisional: bool) -> str:
    return f"{number} (vorläufig)" if provisional else number


def finalise_numbers(session: Session, allocate: Callable[[int], tuple[str, int]]) -> dict[str, str]:
    """Replace provisional numbers by central ones. `allocate(year)` returns (prefix, seq) from the
    server's allocator. Called by the sync after the first successful push; returns old -> new."""
    changed: dict[str, str] = {}
    rows = session.scalars(select(IdeaSuggestion).where(IdeaSuggestion.number_provisional.is_(True))
                           .order_by(IdeaSuggestion.received_at, IdeaSuggestion.seq)).all()
    for sug in rows:
        prefix, seq = allocate(sug.year)
        new = format_number(sug.year, prefix, seq)
        changed[sug.number] = new
        sug.number, sug.number_prefix, sug.seq, sug.number_provisional = new, prefix, seq, False
    return changed
