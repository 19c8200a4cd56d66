"""Column values to and from JSON (outbox patches, sync payloads, audit diffs)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Date, DateTime, LargeBinary, Numeric


def to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def from_json(column: Column, value: Any) -> Any:
    """Turn a JSON value back into what the column expects."""
    if value is None:
        return None
    col_type = column.type
    impl = getattr(col_type, "impl", col_type)
    if isinstance(impl, DateTime):
        dt = datetime.fromisoformat(value)
        return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    if isinstance(impl, Date):
        return date.fromisoformat(value)
    if isinstance(impl, Numeric) and getattr(impl, "asdecimal", True):
        return Decimal(value)
    if isinstance(impl, LargeBinary):
        return bytes.fromhex(value)
    return value
