"""Letter templates (Textbausteine): each feature registers its letter types with the placeholders it
can fill; staff edit subject and body in the settings; unknown placeholders are refused on save.

Placeholders are written {name}; a literal brace is written {{ or }}. Only plain lower-case names are
allowed (no attribute or format syntax), so filling a template can never reach into Python objects."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from ..core.errors import DomainError, NotFoundError, ValidationError
from ..core.formatting import format_date, format_datetime, format_money
from ..db.session import Database
from .letter import Letter
from .model import LetterTemplate

# Filled by letter_from_template from the clock when the caller gives none.
COMMON_PLACEHOLDERS = {"datum": "Datum des Briefs (TT.MM.JJJJ)"}
_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_SEED_NS = uuid.UUID("6f1d7c2e-5b1a-4c1e-9a57-0b6c2f3d8e10")
SUBJECT_MAX = 300
BODY_MAX = 20000


@dataclass(frozen=True)
class LetterType:
    """A kind of letter a feature sends, e.g. key "kita.offer"."""

    key: str
    title: str  # German, shown in the settings list
    placeholders: Mapping[str, str]  # name -> German description
    default_subject: str
    default_body: str
    sample_values: Mapping[str, str] = field(default_factory=dict)  # for the preview
    feature: str = ""
    closing: str = "Mit freundlichen Grüßen"

    def allowed(self) -> dict[str, str]:
        return {**COMMON_PLACEHOLDERS, **self.placeholders}


_REGISTRY: dict[str, LetterType] = {}


def register_letter_type(letter_type: LetterType) -> LetterType:
    """Called at import time of a feature's service module. The defaults must themselves be valid."""
    allowed = letter_type.allowed()
    for text in (letter_type.default_subject, letter_type.default_body):
        unknown = set(placeholders_in(text)) - set(allowed)
        if unknown:
            raise ValueError(f"{letter_type.key}: default uses unknown placeholders {sorted(unknown)}")
    _REGISTRY[letter_type.key] = letter_type
    return letter_type


def letter_types() -> list[LetterType]:
    return sorted(_REGISTRY.values(), key=lambda t: (t.feature, t.title))


def letter_type(key: str) -> LetterType:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise NotFoundError(f"Die Briefart „{key}“ ist nicht bekannt.") from None


class TemplateSyntaxError(ValueError):
    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


def _tokens(text: str) -> list[tuple[str, str]]:
    """Split into ("text", literal) and ("field", name). Raises TemplateSyntaxError (German)."""
    out: list[tuple[str, str]] = []
    buf: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "{" and text.startswith("{{", i):
            buf.append("{")
            i += 2
        elif ch == "}" and text.startswith("}}", i):
            buf.append("}")
            i += 2
        elif ch == "{":
            end = text.find("}", i + 1)
            nxt = text.find("{", i + 1)
            if end < 0 or (0 <= nxt < end):
                raise TemplateSyntaxError(
                    f"Die geöffnete Klammer „{{“ an Stelle {i + 1} wird nicht geschlossen. "
                    "Platzhalter schreibt man {name}; eine Klammer selbst als {{ bzw. }}.",
                    i,
                )
            name = text[i + 1 : end].strip()
            if not _NAME.fullmatch(name):
                raise TemplateSyntaxError(
                    f"„{text[i : end + 1]}“ an Stelle {i + 1} ist kein gültiger Platzhalter "
                    "(nur Kleinbuchstaben, Ziffern und _ , z. B. {name}).",
                    i,
                )
            if buf:
                out.append(("text", "".join(buf)))
                buf = []
            out.append(("field", name))
            i = end + 1
        elif ch == "}":
            raise TemplateSyntaxError(
                f"Die Klammer „}}“ an Stelle {i + 1} hat kein Gegenstück. Eine Klammer selbst schreibt man }}}}.", i
            )
        else:
            buf.append(ch)
            i += 1
    if buf:
        out.append(("text", "".join(buf)))
    return out


def placeholders_in(text: str) -> list[str]:
    return [v for kind, v in _tokens(text) if kind == "field"]


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_money(value)
    return str(value)


def fill_text(text: str, values: Mapping[str, object]) -> str:
    """Replace placeholders. A missing value is an error: a letter with "{name}" must never go out."""
    parts = []
    for kind, v in _tokens(text):
        if kind == "text":
            parts.append(v)
        elif v in values:
            parts.append(_shown(values[v]))
        else:
            raise DomainError(f"Für den Platzhalter {{{v}}} fehlt ein Wert.", v)
    return "".join(parts)


@dataclass(frozen=True)
class TemplateData:
    key: str
    title: str
    subject: str
    body: str
    is_default: bool  # equals the shipped default


def check_template(letter_type: LetterType, subject: str, body: str) -> tuple[str, str]:
    """Validate both fields; one ValidationError naming every bad field."""
    allowed = letter_type.allowed()
    listing = ", ".join("{" + k + "}" for k in allowed)
    errors: dict[str, str] = {}
    subject = (subject or "").strip()
    body = (body or "").strip("\n").rstrip()
    for fld, text, label, limit in (("subject", subject, "Betreff", SUBJECT_MAX), ("body", body, "Text", BODY_MAX)):
        if not text.strip():
            errors[fld] = f"Bitte „{label}“ ausfüllen."
            continue
        if len(text) > limit:
            errors[fld] = f"„{label}“ darf höchstens {limit} Zeichen lang sein."
            continue
        try:
            used = placeholders_in(text)
        except TemplateSyntaxError as exc:
            errors[fld] = f"{label}: {exc}"
            continue
        unknown = sorted(set(used) - set(allowed), key=used.index)
        if unknown:
            names = ", ".join("{" + u + "}" for u in unknown)
            word = "Unbekannter Platzhalter" if len(unknown) == 1 else "Unbekannte Platzhalter"
            errors[fld] = f"{label}: {word} {names}. Erlaubt sind: {listing}."
    if "subject" not in errors and "\n" in subject:
        errors["subject"] = "Der Betreff muss in eine Zeile passen."
    if errors:
        raise ValidationError(errors)
    return subject, body


class TemplateService:
    """Read, save and reset letter templates; fill them into Letter objects."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @staticmethod
    def seed_id(key: str) -> str:
        return str(uuid.uuid5(_SEED_NS, key))

    def _row(self, session, key: str) -> LetterTemplate | None:
        stmt = (
            select(LetterTemplate)
            .where(LetterTemplate.key == key, LetterTemplate.deleted_at.is_(None))
            .order_by(LetterTemplate.created_at, LetterTemplate.id)
            .limit(1)
        )
        return session.scalars(stmt).first()

    def _ensure(self, session, lt: LetterType) -> LetterTemplate:
        row = self._row(session, lt.key)
        if row is None:
            row = LetterTemplate(
                id=self.seed_id(lt.key), key=lt.key, title=lt.title, subject=lt.default_subject, body=lt.default_body
            )
            session.add(row)
            session.flush()
        return row

    @staticmethod
    def _data(lt: LetterType, row: LetterTemplate) -> TemplateData:
        is_default = row.subject == lt.default_subject and row.body == lt.default_body
        return TemplateData(lt.key, lt.title, row.subject, row.body, is_default)

    def list(self) -> list[TemplateData]:
        """Every registered letter type with its current text; missing defaults are seeded."""
        with self.db.unit_of_work("Briefvorlagen angelegt") as s:
            return [self._data(lt, self._ensure(s, lt)) for lt in letter_types()]

    def get(self, key: str) -> TemplateData:
        lt = letter_type(key)
        with self.db.read() as s:
            row = self._row(s, key)
            if row is not None:
                return self._data(lt, row)
        with self.db.unit_of_work("Briefvorlage angelegt") as s:
            return self._data(lt, self._ensure(s, lt))

    def save(self, key: str, subject: str, body: str) -> TemplateData:
        lt = letter_type(key)
        subject, body = check_template(lt, subject, body)
        with self.db.unit_of_work("Briefvorlage geändert") as s:
            row = self._ensure(s, lt)
            row.subject, row.body, row.title = subject, body, lt.title
            return self._data(lt, row)

    def reset(self, key: str) -> TemplateData:
        lt = letter_type(key)
        return self.save(key, lt.default_subject, lt.default_body)

    @staticmethod
    def fill(template: TemplateData, values: Mapping[str, object]) -> tuple[str, str]:
        """(subject, body) with placeholders replaced."""
        return fill_text(template.subject, values), fill_text(template.body, values)

    def letter_from_template(
        self,
        key: str,
        values: Mapping[str, object],
        recipient_lines: Sequence[str],
        letter_date: date | None = None,
        signature: str = "",
        **info: object,
    ) -> Letter:
        """A ready Letter. `info` takes Letter fields: your_ref, your_message_date, our_ref, name, phone,
        email, attachments. {datum} defaults to the letter date."""
        lt = letter_type(key)
        template = self.get(key)
        merged = dict(values)
        if letter_date is None:
            letter_date = self.db.clock.today()
        merged.setdefault("datum", letter_date)
        subject, body = self.fill(template, merged)
        return Letter(
            recipient_lines=list(recipient_lines),
            subject=subject,
            body=body,
            date=letter_date,
            closing=lt.closing,
            signature=signature,
            **info,  # type: ignore[arg-type]
        )

    def preview_letter(self, key: str, subject: str | None = None, body: str | None = None) -> Letter:
        """The letter with sample values, for the preview in the settings (unsaved text allowed)."""
        lt = letter_type(key)
        current = self.get(key)
        subject, body = check_template(
            lt, current.subject if subject is None else subject, current.body if body is None else body
        )
        values: dict[str, object] = {k: f"[{k}]" for k in lt.allowed()}
        values.update(lt.sample_values)
        values["datum"] = lt.sample_values.get("datum", self.db.clock.today())
        draft = TemplateData(key, lt.title, subject, body, False)
        s_text, b_text = self.fill(draft, values)
        return Letter(
            recipient_lines=["Frau", "Erika Mustermann", "Musterstraße 1", "44787 Bochum"],
            subject=s_text,
            body=b_text,
            our_ref="10/Muster",
            name="Max Schäfer",
            phone="0234 910-0",
            email="info@bochum.de",
            date=self.db.clock.today(),
            closing=lt.closing,
            signature="Max Schäfer",
        )


# Letter types of the output layer itself; features register theirs in their own service modules.
register_letter_type(
    LetterType(
        key="allgemein.schreiben",
        title="Allgemeines Schreiben",
        feature="allgemein",
        placeholders={"anrede": "Anrede, z. B. „Sehr geehrte Frau Müller“", "name": "Vollständiger Name", "text": "Freier Text"},
        default_subject="Ihr Anliegen",
        default_body="{anrede},\n\n{text}\n\nBei Fragen erreichen Sie uns unter den oben genannten Kontaktdaten.",
        sample_values={"anrede": "Sehr geehrte Frau Mustermann", "name": "Erika Mustermann",
                       "text": "vielen Dank für Ihr Schreiben. Wir haben Ihr Anliegen geprüft."},
    )
)
register_letter_type(
    LetterType(
        key="allgemein.zahlung",
        title="Zahlungsmitteilung",
        feature="allgemein",
        placeholders={
            "anrede": "Anrede, z. B. „Sehr geehrte Frau Müller“",
            "name": "Vollständiger Name",
            "betrag": "Betrag, z. B. 1.234,56 €",
            "zweck": "Verwendungszweck",
            "frist": "Datum, bis zu dem gezahlt wird",
        },
        default_subject="Zahlungsmitteilung vom {datum}",
        default_body=(
            "{anrede},\n\nwir freuen uns, Ihnen mitteilen zu können, dass Ihnen für „{zweck}“ ein Betrag von "
            "{betrag} zuerkannt wurde.\n\nDer Betrag wird bis zum {frist} auf Ihr bekanntes Konto überwiesen."
        ),
        sample_values={"anrede": "Sehr geehrte Frau Mustermann", "name": "Erika Mustermann",
                       "betrag": "1.234,56\u00a0€", "zweck": "Verbesserungsvorschlag VV-2026-0042",
                       "frist": "15.12.2026"},
    )
)
