"""Letter templates: stored per letter type, placeholders checked on save, defaults restorable."""

from __future__ import annotations

import contextlib
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bochum_desktop.core.errors import DomainError, ValidationError
from bochum_desktop.db.journal import OutboxEntry
from bochum_desktop.export.model import LetterTemplate
from bochum_desktop.export.templates import (
    LetterType,
    TemplateService,
    check_template,
    letter_type,
    letter_types,
    register_letter_type,
)

TEST_TYPE = register_letter_type(
    LetterType(
        key="test.offer",
        title="Testangebot",
        feature="test",
        placeholders={"anrede": "Anrede", "name": "Name", "betrag": "Betrag"},
        default_subject="Angebot für {name}",
        default_body="{anrede},\n\nSie erhalten {betrag}.",
        sample_values={"anrede": "Sehr geehrte Frau Muster", "name": "Erika Muster", "betrag": "12,00 €"},
    )
)


def test_defaults_are_seeded_once_and_synced(db):
    service = TemplateService(db)
    listed = service.list()
    assert {t.key for t in listed} >= {"test.offer", "allgemein.schreiben", "allgemein.zahlung"}
    assert all(t.is_default for t in listed)
    service.list()
    service.get("test.offer")
    with db.read() as s:
        rows = s.scalars(select(LetterTemplate).where(LetterTemplate.key == "test.offer")).all()
        assert len(rows) == 1
        assert rows[0].id == TemplateService.seed_id("test.offer")
        assert s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == rows[0].id)).first() is not None


def test_save_refuses_unknown_placeholder_and_lists_allowed_ones(db):
    service = TemplateService(db)
    with pytest.raises(ValidationError) as err:
        service.save("test.offer", "Angebot", "{anrede}, Ihr {kontostand} beträgt {betrag}.")
    msg = err.value.errors["body"]
    assert "{kontostand}" in msg
    for allowed in ("{anrede}", "{name}", "{betrag}", "{datum}"):
        assert allowed in msg
    assert service.get("test.offer").body == TEST_TYPE.default_body  # nothing stored


@pytest.mark.parametrize(
    "body,fragment",
    [
        ("Hallo {name", "nicht geschlossen"),
        ("Hallo name}", "kein Gegenstück"),
        ("Hallo {Name}", "kein gültiger Platzhalter"),
        ("Hallo {name.__class__}", "kein gültiger Platzhalter"),
        ("Hallo {name:>10}", "kein gültiger Platzhalter"),
        ("Hallo {}", "kein gültiger Platzhalter"),
    ],
)
def test_malformed_braces_are_refused_with_a_german_reason(db, body, fragment):
    with pytest.raises(ValidationError) as err:
        TemplateService(db).save("test.offer", "Betreff", body)
    assert fragment in err.value.errors["body"]


def test_subject_and_body_errors_together(db):
    with pytest.raises(ValidationError) as err:
        TemplateService(db).save("test.offer", "  ", "{x}")
    assert set(err.value.errors) == {"subject", "body"}


def test_save_then_reset_to_default(db):
    service = TemplateService(db)
    saved = service.save("test.offer", "Neues Angebot für {name}", "{anrede},\n\nGeld: {betrag} {{fest}}")
    assert not saved.is_default
    assert service.get("test.offer").subject == "Neues Angebot für {name}"
    reset = service.reset("test.offer")
    assert reset.is_default and reset.body == TEST_TYPE.default_body


def test_fill_and_letter_from_template(db):
    service = TemplateService(db)
    service.save("test.offer", "Angebot für {name}", "{anrede},\n\nSie erhalten {betrag} ab {datum}. {{Klammer}}")
    letter = service.letter_from_template(
        "test.offer",
        {"anrede": "Sehr geehrte Frau Müller", "name": "Anna Müller", "betrag": Decimal("1234.56")},
        ["Frau", "Anna Müller"],
        our_ref="KK-1",
    )
    assert letter.subject == "Angebot für Anna Müller"
    assert letter.body == "Sehr geehrte Frau Müller,\n\nSie erhalten 1.234,56\u00a0€ ab 26.11.2026. {Klammer}"
    assert letter.date == date(2026, 11, 26) and letter.our_ref == "KK-1"


def test_missing_value_is_an_error_not_a_literal_placeholder(db):
    with pytest.raises(DomainError) as err:
        TemplateService(db).letter_from_template("test.offer", {"anrede": "Hallo"}, ["Herrn X"])
    assert "{" in err.value.message and "fehlt" in err.value.message


def test_preview_uses_sample_values_and_unsaved_text(db):
    letter = TemplateService(db).preview_letter("test.offer", body="{anrede},\n\nVorschau {betrag}")
    assert letter.body == "Sehr geehrte Frau Muster,\n\nVorschau 12,00 €"


def test_unknown_letter_type(db):
    with pytest.raises(DomainError):
        TemplateService(db).get("gibt.es.nicht")


def test_registered_defaults_are_valid():
    for lt in letter_types():
        check_template(lt, lt.default_subject, lt.default_body)
    with pytest.raises(ValueError):
        register_letter_type(LetterType("bad", "Bad", {}, "Betreff", "{unbekannt}"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="{}abc_ Aä\n1.:", max_size=40))
def test_check_template_never_raises_anything_but_validation_error(text):
    with contextlib.suppress(ValidationError):
        check_template(letter_type("test.offer"), "Betreff", text)
