"""German display formats in one place: dates 26.11.2026, amounts 1.234,56 €."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from .clock import to_local


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_local(value)
    return value.strftime("%d.%m.%Y")


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    local = to_local(value)
    return local.strftime("%d.%m.%Y %H:%M")


def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    quant = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    d = Decimal(str(value)).quantize(quant, rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    d = abs(d)
    text = f"{d:,.{decimals}f}"  # 1,234.56
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return sign + text


def format_cents(cents: int | None) -> str:
    """Integer cents as '1.234,56 €'."""
    if cents is None:
        return ""
    return format_number(Decimal(cents) / 100, 2) + "\u00a0€"


def format_money(amount: Decimal | int | None) -> str:
    if amount is None:
        return ""
    return format_number(Decimal(amount), 2) + "\u00a0€"


def parse_german_date(text: str) -> date:
    """Parse '26.11.2026' (also '26.11.26' and ISO '2026-11-26'). Raises ValueError."""
    text = text.strip()
    for fmt in ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_german_amount(text: str) -> Decimal:
    """Parse '1.234,56', '1234,56', '1234.56 €' into Decimal. Raises ValueError."""
    cleaned = text.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    if not cleaned:
        raise ValueError(text)
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        return Decimal(cleaned)
    except Exception as exc:  # decimal.InvalidOperation
        raise ValueError(text) from exc
