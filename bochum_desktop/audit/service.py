"""History of a record for the 'Verlauf' tab: who changed which field from what to what, when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..db.journal import AuditRecord
from ..db.session import Database

OPS_DE = {"insert": "angelegt", "update": "geändert", "delete": "gelöscht", "purge": "endgültig gelöscht"}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    user: str
    op: str
    field: str
    old: object
    new: object
    note: str | None


def history(db: Database, table: str, row_id: str) -> list[HistoryEntry]:
    """Newest first; one entry per changed field (an insert lists its fields with old = None)."""
    with db.read() as s:
        records = s.scalars(
            select(AuditRecord)
            .where(AuditRecord.tbl == table, AuditRecord.row_id == row_id)
            .order_by(AuditRecord.id.desc())
        ).all()
    entries: list[HistoryEntry] = []
    for rec in records:
        changes = rec.changes or {}
        if not changes:
            entries.append(HistoryEntry(rec.at, rec.user, rec.op, "", None, None, rec.note))
        for field, (old, new) in sorted(changes.items()):
            entries.append(HistoryEntry(rec.at, rec.user, rec.op, field, old, new, rec.note))
    return entries
