"""Validators shared by forms, services and the Excel import. Each returns the clean value or raises
ValidationError with a German message naming the field."""

from __future__ import annotations

import re
from datetime import date

from .errors import ValidationError
from .formatting import parse_german_date

_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 /()\-]{3,30}$")
_PERSONNEL = re.compile(r"^[0-9]{5,8}$")


def require_text(value: object, field: str, label: str, max_length: int = 200) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise ValidationError({field: f"Bitte „{label}“ ausfüllen."})
    if len(text) > max_length:
        raise ValidationError({field: f"„{label}“ darf höchstens {max_length} Zeichen lang sein."})
    return text


def optional_text(value: object, field: str, label: str, max_length: int = 2000) -> str | None:
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    if len(text) > max_length:
        raise ValidationError({field: f"„{label}“ darf höchstens {max_length} Zeichen lang sein."})
    return text


def personnel_number(value: object, field: str = "personnel_number") -> str:
    """Personnel numbers of the city are 5 to 8 digits (leading zeros kept)."""
    text = "" if value is None else str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not _PERSONNEL.match(text):
        raise ValidationError({field: "Personalnummer: bitte 5 bis 8 Ziffern eingeben."})
    return text


def email(value: object, field: str = "email", required: bool = False) -> str | None:
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            raise ValidationError({field: "Bitte eine E-Mail-Adresse eingeben."})
        return None
    if not _EMAIL.match(text) or len(text) > 254:
        raise ValidationError({field: f"„{text}“ ist keine gültige E-Mail-Adresse."})
    return text


def phone(value: object, field: str = "phone", required: bool = False) -> str | None:
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            raise ValidationError({field: "Bitte eine Telefonnummer eingeben."})
        return None
    if not _PHONE.match(text):
        raise ValidationError({field: f"„{text}“ ist keine gültige Telefonnummer (nur Ziffern, +, /, -, Leerzeichen)."})
    return text


def iban(value: object, field: str = "iban", required: bool = False) -> str | None:
    """Check an IBAN by ISO 13616 mod-97; German IBANs must have 22 characters."""
    text = "" if value is None else re.sub(r"\s+", "", str(value)).upper()
    if not text:
        if required:
            raise ValidationError({field: "Bitte eine IBAN eingeben."})
        return None
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", text) or (text.startswith("DE") and len(text) != 22):
        raise ValidationError({field: "Die IBAN hat ein ungültiges Format."})
    rearranged = text[4:] + text[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    if int(digits) % 97 != 1:
        raise ValidationError({field: "Die IBAN ist ungültig (Prüfziffer stimmt nicht)."})
    return text


def a_date(value: object, field: str, label: str, required: bool = True) -> date | None:
    """Accept a date, or text like 26.11.2026. Excel may hand datetimes."""
    from datetime import datetime

    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError({field: f"Bitte „{label}“ angeben."})
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return parse_german_date(str(value))
    except ValueError:
        raise ValidationError({field: f"„{label}“: „{value}“ ist kein Datum (Format TT.MM.JJJJ)."}) from None


def not_in_future(value: date, today: date, field: str, label: str) -> date:
    if value > today:
        raise ValidationError({field: f"„{label}“ darf nicht in der Zukunft liegen."})
    return value


def one_of(value: object, allowed: dict[str, str] | list, field: str, label: str) -> str:
    text = "" if value is None else str(value).strip()
    keys = list(allowed)
    if text not in keys:
        if isinstance(allowed, dict):
            by_label = {v: k for k, v in allowed.items()}
            if text in by_label:
                return by_label[text]
            shown = ", ".join(allowed.values())
        else:
            shown = ", ".join(map(str, keys))
        raise ValidationError({field: f"„{label}“: „{text}“ ist nicht zulässig (erlaubt: {shown})."})
    return text


def collect(*checks) -> None:
    """Run several zero-argument checks and raise one ValidationError with all messages."""
    errors: dict[str, str] = {}
    for check in checks:
        try:
            check()
        except ValidationError as exc:
            for k, v in exc.errors.items():
                errors.setdefault(k, v)
    if errors:
        raise ValidationError(errors)
