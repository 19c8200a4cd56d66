"""Running suggestion numbers per year that stay unique when several desks work offline.

Choice (see docs/ideas.md):
- A desk WITH a desk prefix (settings.desk_prefix, e.g. "B") allocates numbers in its own range:
  "VV-2026-B0042". No other desk uses that prefix, so no two desks can collide, online or offline.
- A desk that works alone (no sync service configured) needs no prefix: "VV-2026-0042".
- A desk that shares data through the sync service but has no prefix cannot take in suggestions: the
  coordinator is asked to set one first (Einstellungen → Allgemein → Platzkürzel).
Numbers flagged `number_provisional` ("(vorläufig)") can only come from data of an earlier version.
The year is the year of receipt in Europe/Berlin.
"""

from __future__ import annotations

import re
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


def allocate_number(session: Session, received_at: datetime, desk_prefix: str,
                    shared: bool = False) -> tuple[str, str, int, bool]:
    """Return (number, prefix, seq, provisional) for a new suggestion received at `received_at`.
    `shared`: this desk syncs with others (then a desk prefix is required)."""
    year = to_local(received_at).year
    prefix = (desk_prefix or "").strip().upper()
    if not prefix and shared:
        raise ValidationError({"desk_prefix": "Dieser Arbeitsplatz gleicht Daten mit anderen ab. Damit "
                                              "Vorschlagsnummern eindeutig bleiben, bitte zuerst unter "
                                              "Einstellungen → Allgemein ein Platzkürzel festlegen (z. B. „B“)."})
    if prefix and (not _PREFIX.match(prefix) or prefix == PROVISIONAL_PREFIX):
        raise ValidationError({"desk_prefix": f"Arbeitsplatz-Kürzel „{desk_prefix}“ ist ungültig "
                                              "(1–4 Großbuchstaben/Ziffern, nicht „V“)."})
    # Deleted rows count too: a number once given out is never reused.
    last = session.scalar(
        select(func.max(IdeaSuggestion.seq)).where(
            IdeaSuggestion.year == year, IdeaSuggestion.number_prefix == prefix,
            IdeaSuggestion.number_provisional.is_(False))
    )
    seq = (last or 0) + 1
    return format_number(year, prefix, seq), prefix, seq, False


def display_number(number: str, provisional: bool) -> str:
    return f"{number} (vorläufig)" if provisional else number
