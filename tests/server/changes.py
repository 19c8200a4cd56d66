"""Building pushed changes in tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, LargeBinary, Numeric

from bochum_desktop.core.ids import new_id
from bochum_desktop.db.base import SYNC_COLUMNS

NOW = "2026-11-26T08:30:00+00:00"


def change(tbl: str, row_id: str, op: str = "update", patch=None, base=None, base_version: int = 0) -> dict:
    return {"change_id": new_id(), "tbl": tbl, "row_id": row_id, "op": op, "patch": patch or {}, "base": base or {},
            "base_version": base_version}


def sample_value(col, variant: int = 0):
    impl = getattr(col.type, "impl", col.type)
    if isinstance(impl, Boolean):
        return bool(variant % 2)
    if isinstance(impl, Integer):
        return 1 + variant
    if isinstance(impl, Numeric):
        return str(1 + variant)
    if isinstance(impl, DateTime):
        return datetime(2026, 11, 26, 8, variant, tzinfo=UTC).isoformat()
    if isinstance(impl, Date):
        return date(2026, 11, 1 + variant).isoformat()
    if isinstance(impl, JSON):
        return {}
    if isinstance(impl, LargeBinary):
        return "00"
    length = getattr(impl, "length", None) or 20
    return f"w{variant}"[:length]


def sample_row(table, parents: dict[str, str]) -> dict:
    """A valid insert patch for any synced table: foreign keys point at the given parent rows."""
    patch = {"created_at": NOW}
    for col in table.columns:
        if col.name in SYNC_COLUMNS:
            continue
        if col.foreign_keys:
            target = next(iter(col.foreign_keys)).column.table.name
            patch[col.name] = parents.get(target) if target != table.name else None
        elif col.nullable:
            patch[col.name] = None
        else:
            patch[col.name] = sample_value(col)
    return patch


def editable_column(table, personal: bool = False):
    """A plain (non-key, non-sync) column to change in tests; a personal one if asked."""
    for col in table.columns:
        if col.name in SYNC_COLUMNS or col.foreign_keys or bool(col.info.get("personal")) != personal:
            continue
        impl = getattr(col.type, "impl", col.type)
        if isinstance(impl, JSON | LargeBinary):
            continue
        return col
    return None
