"""Column description shared by list PDFs and Excel exports, and the German display of each kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from ..core.formatting import format_cents, format_date, format_datetime, format_number

KINDS = ("text", "int", "date", "datetime", "cents", "decimal", "bool")
NUMERIC = frozenset({"int", "cents", "decimal"})


@dataclass(frozen=True)
class OutColumn:
    """One output column. Values per kind: text -> str, int -> int, date -> date, datetime -> aware
    datetime (shown in Berlin time), cents -> int cents, decimal -> Decimal/float, bool -> bool.
    `width` is relative (2.0 = twice as wide as 1.0)."""

    title: str
    kind: str = "text"
    width: float = 1.0
    decimals: int = 2  # for kind "decimal"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def format_value(column: OutColumn, value: object) -> str:
    """The text a user sees for a value in this column (German formats)."""
    if value is None or value == "":
        return ""
    kind = column.kind
    if kind == "text":
        return str(value)
    if kind == "int":
        return format_number(value)  # type: ignore[arg-type]
    if kind == "date":
        return format_date(value)  # type: ignore[arg-type]
    if kind == "datetime":
        return format_datetime(value) if isinstance(value, datetime) else format_date(value)  # type: ignore[arg-type]
    if kind == "cents":
        return format_cents(int(value))  # type: ignore[arg-type]
    if kind == "decimal":
        return format_number(Decimal(str(value)), column.decimals)
    if kind == "bool":
        return "ja" if value else "nein"
    return str(value)

