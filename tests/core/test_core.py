from __future__ import annotations

import json
import logging
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bochum_desktop.core import validation as v
from bochum_desktop.core.clock import BERLIN, FixedClock
from bochum_desktop.core.errors import ValidationError
from bochum_desktop.core.formatting import (
    format_cents,
    format_date,
    format_datetime,
    parse_german_amount,
    parse_german_date,
)
from bochum_desktop.core.ids import uuid7
from bochum_desktop.core.settings import Settings, SettingsStore


def test_german_formats():
    assert format_date(date(2026, 11, 26)) == "26.11.2026"
    assert format_cents(123456) == "1.234,56\u00a0€"
    assert format_cents(-5) == "-0,05\u00a0€"
    # 23:30 UTC on 26 Nov is already 27 Nov in Bochum.
    assert format_datetime(datetime(2026, 11, 26, 23, 30, tzinfo=UTC)) == "27.11.2026 00:30"
    assert parse_german_date("01.08.2027") == date(2027, 8, 1)
    assert parse_german_amount("1.234,56 €") == Decimal("1234.56")


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_cents_round_trip_through_german_text(cents):
    text = format_cents(cents).replace("\u00a0€", "")
    assert parse_german_amount(text) * 100 == cents


def test_clock_today_is_the_berlin_date():
    clock = FixedClock(datetime(2026, 12, 31, 23, 30, tzinfo=BERLIN))
    assert clock.today() == date(2026, 12, 31)
    assert clock.now().tzinfo is UTC


def test_uuid7_sorts_in_creation_order():
    ids = [uuid7() for _ in range(5000)]
    assert ids == sorted(ids)
    assert all(u.version == 7 for u in ids[:10])
    assert len(set(ids)) == 5000


@pytest.mark.parametrize(
    ("fn", "value", "ok"),
    [
        (v.personnel_number, "00123", True),
        (v.personnel_number, "1234", False),
        (v.email, "a.b@bochum.de", True),
        (v.email, "a.b@", False),
        (v.phone, "0234 910-1234", True),
        (v.phone, "call me", False),
        (v.iban, "DE89 3704 0044 0532 0130 00", True),
        (v.iban, "DE89 3704 0044 0532 0130 01", False),
    ],
)
def test_validators(fn, value, ok):
    if ok:
        assert fn(value)
    else:
        with pytest.raises(ValidationError) as info:
            fn(value)
        assert info.value.message  # German text for the user


def test_date_validator_names_the_field():
    with pytest.raises(ValidationError) as info:
        v.a_date("31.02.2026", "birth_date", "Geburtsdatum")
    assert info.value.field == "birth_date" and "Geburtsdatum" in info.value.message
    assert v.a_date(datetime(2026, 1, 2, 0, 0), "d", "Datum") == date(2026, 1, 2)


def test_settings_round_trip_and_bad_values_fall_back(tmp_path, caplog):
    store = SettingsStore(tmp_path / "s.json")
    s = Settings(language="en", backups_keep=7)
    s.sender.unit = "Familienbüro"
    store.save(s)
    assert store.load() == s
    (tmp_path / "s.json").write_text(json.dumps({"language": "fr", "backups_keep": "viele", "mystery": 1}))
    with caplog.at_level(logging.WARNING):
        loaded = store.load()
    assert loaded.language == "de" and loaded.backups_keep == 5
    assert "language" in caplog.text and "mystery" in caplog.text
    (tmp_path / "s.json").write_text("{kaputt")
    assert store.load() == Settings()
