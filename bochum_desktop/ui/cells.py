"""The German display form of one table cell, by column kind.

Shared by the SQL table model and the start-up preview, which runs before SQLAlchemy is imported and
therefore also converts SQLite's stored forms back to Python values (`from_stored`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..core.formatting import format_cents, format_date, format_datetime, format_number


def cell_text(kind: str, value: Any, labels: Mapping | None = None, decimals: int = 2) -> str:
    if value is None:
        return ""
    if kind == "bool":
        # Literal strings in translate() so lupdate finds them.
        if value:
            return QCoreApplication.translate("SqlTableModel", "Yes")
        return QCoreApplication.translate("SqlTableModel", "No")
    if kind == "enum":
        return str((labels or {}).get(value, value))
    if kind == "cents":
        return format_cents(int(value))
    if kind == "decimal":
        return format_number(Decimal(str(value)), decimals)
    if kind == "int":
        return format_number(int(value))
    if kind == "datetime" and isinstance(value, datetime):
        return format_datetime(value)
    if kind in ("date", "datetime") and isinstance(value, date):
        return format_date(value)
    return str(value)


def from_stored(kind: str, value: Any) -> Any:
    """What SQLAlchemy would return for a value SQLite stored (dates as ISO text, UTC datetimes naive)."""
    if not isinstance(value, str):
        return value
    try:
        if kind == "date":
            return date.fromisoformat(value[:10])
        if kind == "datetime":
            parsed = datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except ValueError:
        return value
    return value
