"""What a feature tells the shell, without Qt: due items for the start page and global search hits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DueItem:
    feature: str  # feature key, e.g. "kita"
    title: str  # German, e.g. "Angebot läuft ab: Anna Müller (Kita Rathaus)"
    due: date
    kind: str = ""  # e.g. "offer_expiring"
    target_id: str | None = None  # id of the record the shell opens on double click
    overdue: bool = False


@dataclass(frozen=True)
class SearchHit:
    feature: str
    title: str
    subtitle: str
    target_id: str
    kind: str = ""
