"""Table-driven tests of the pure Kita rules: Kita year, age band, school cut-off, validation, points."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bochum_desktop.core.errors import ValidationError
from bochum_desktop.kita import rules
from bochum_desktop.kita.rules import ApplicationDraft, Criteria, PointsScheme


@pytest.mark.parametrize(
    ("day", "year", "label"),
    [
        (date(2026, 7, 31), 2025, "2025/26"),
        (date(2026, 8, 1), 2026, "2026/27"),
        (date(2026, 12, 31), 2026, "2026/27"),
        (date(2027, 1, 1), 2026, "2026/27"),
        (date(2099, 8, 1), 2099, "2099/00"),
    ],
)
def test_kita_year_boundaries(day, year, label):
    assert rules.kita_year_of(day) == year
    assert rules.kita_year_label(year) == label
    first, last = rules.kita_year_bounds(year)
    assert first <= day <= last


def test_kita_year_has_twelve_months_august_to_july():
    months = rules.kita_year_months(2026)
    assert months[0] == date(2026, 8, 1) and months[-1] == date(2027, 7, 1) and len(months) == 12


@pytest.mark.parametrize(
    ("birth", "day", "band"),
    [
        (date(2023, 3, 15), date(2026, 3, 14), "U3"),
        (date(2023, 3, 15), date(2026, 3, 15), "UE3"),  # from the 3rd birthday on
        (date(2023, 3, 15), date(2026, 3, 16), "UE3"),
        (date(2024, 2, 29), date(2027, 2, 28), "U3"),  # leap-day child: 3 on 1 March
        (date(2024, 2, 29), date(2027, 3, 1), "UE3"),
        (date(2026, 1, 1), date(2026, 8, 1), "U3"),
    ],
)
def test_age_band_changes_on_third_birthday(birth, day, band):
    assert rules.age_band_at(birth, day) == band


@pytest.mark.parametrize(
    ("birth", "school", "last_day"),
    [
        (date(2021, 9, 30), date(2027, 8, 1), date(2027, 7, 31)),  # turns 6 on 30 Sep: school that year
        (date(2021, 10, 1), date(2028, 8, 1), date(2028, 7, 31)),  # 1 Oct: a year later
        (date(2021, 1, 1), date(2027, 8, 1), date(2027, 7, 31)),
        (date(2021, 8, 1), date(2027, 8, 1), date(2027, 7, 31)),  # turns 6 on the first school day
        (date(2021, 12, 31), date(2028, 8, 1), date(2028, 7, 31)),
    ],
)
def test_school_cut_off_30_september(birth, school, last_day):
    assert rules.school_start(birth) == school
    assert rules.place_end(birth) == last_day
    assert rules.is_school_age(birth, school)
    assert not rules.is_school_age(birth, last_day)


TODAY = date(2026, 11, 26)


def _draft(**changes) -> ApplicationDraft:
    base = ApplicationDraft(
        last_name="Müller", first_name="Anna", personnel_number="12345", child_first_name="Ben",
        child_birth_date=date(2025, 5, 1), desired_start=date(2027, 2, 1), booking_hours=35,
        received_date=date(2026, 11, 1), preferences=["k1", "k2"],
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


@pytest.mark.parametrize(
    ("changes", "field", "phrase"),
    [
        ({"child_birth_date": date(2026, 12, 1)}, "child_birth_date", "nicht in der Zukunft"),
        ({"desired_start": date(2026, 10, 1)}, "desired_start", "nicht vor dem Antragseingang"),
        ({"preferences": ["a", "b", "c", "d", "e", "f"]}, "preferences", "höchstens 5"),
        ({"preferences": ["a", "a"]}, "preferences", "nur einmal"),
        ({"preferences": []}, "preferences", "mindestens eine"),
        ({"booking_hours": 30}, "booking_hours", "25, 35 oder 45"),
        ({"child_birth_date": date(2020, 9, 30), "desired_start": date(2027, 1, 1)}, "desired_start", "schulpflichtig"),
        ({"child_first_name": " "}, "child_first_name", "Vornamen des Kindes"),
        ({"received_date": date(2026, 12, 24), "desired_start": date(2027, 1, 1)}, "received_date", "Zukunft"),
    ],
)
def test_validation_names_the_field_in_german(changes, field, phrase):
    with pytest.raises(ValidationError) as err:
        rules.validate_application(_draft(**changes), TODAY)
    assert field in err.value.errors
    assert phrase in err.value.errors[field]


def test_valid_application_passes():
    rules.validate_application(_draft(), TODAY)


def test_duplicate_same_employee_and_child_is_refused_case_insensitively():
    existing = [rules.ExistingApplication("x", "pn:12345", "BEN", date(2025, 5, 1))]
    with pytest.raises(ValidationError) as err:
        rules.validate_application(_draft(), TODAY, existing)
    assert "Duplikat" in err.value.errors["child_first_name"]
    # the same record being edited is not its own duplicate; a sibling is not a duplicate
    rules.validate_application(_draft(), TODAY, existing, self_id="x")
    rules.validate_application(_draft(child_birth_date=date(2024, 1, 1)), TODAY, existing)


def test_score_explains_every_point():
    c = Criteria("a", date(2026, 10, 1), date(2027, 2, 1), return_date=date(2027, 3, 1),
                 working_hours=Decimal("32"), single_parent=True, shift_work=True, hardship=True,
                 sibling_kita_id="k2", preferences=("k1", "k2"))
    s = rules.score(c, PointsScheme(), {"k2": "Kita Sonnenschein"})
    assert s.points == 20 + 20 + 15 + 15 + 10 + 25
    assert s.explanation == (
        "20 Punkte: Rückkehr aus der Elternzeit am 01.03.2027",
        "20 Punkte: alleinerziehend",
        "15 Punkte: Arbeitszeit 32 Std./Woche (ab 30)",
        "15 Punkte: Geschwisterkind in Kita Sonnenschein",
        "10 Punkte: Schichtdienst",
        "25 Punkte: Härtefall",
    )


def test_sibling_counts_only_if_that_kita_is_wished_and_late_return_gives_nothing():
    c = Criteria("a", date(2026, 10, 1), date(2027, 2, 1), return_date=date(2027, 9, 1),
                 working_hours=Decimal("19.5"), sibling_kita_id="k9", preferences=("k1",))
    assert rules.score(c, PointsScheme()) == rules.Score(0, ())


def test_tie_earlier_application_first_and_what_if_saves_nothing():
    a = Criteria("a", date(2026, 10, 2), date(2027, 2, 1), single_parent=True)
    b = Criteria("b", date(2026, 10, 1), date(2027, 2, 1), single_parent=True)
    c = Criteria("c", date(2026, 9, 1), date(2027, 2, 1))
    ranked = rules.rank([a, b, c], PointsScheme())
    assert [r.id for r in ranked] == ["b", "a", "c"]
    w = rules.what_if([a, b, c], PointsScheme(), "c", hardship=True)
    assert (w.old_rank, w.new_rank, w.new_points) == (3, 1, 25)
    assert "25 Punkte: Härtefall" in w.explanation
    assert c.hardship is False


def test_scheme_versions_by_valid_from_and_bad_settings_fall_back():
    settings = {"schemes": [
        {"valid_from": "2027-01-01", "single_parent_points": 30},
        {"valid_from": "2020-01-01", "single_parent_points": "zehn"},
    ]}
    schemes = rules.schemes_from_settings(settings)
    assert rules.scheme_for(date(2026, 12, 31), schemes).single_parent_points == 20
    assert rules.scheme_for(date(2027, 1, 1), schemes).single_parent_points == 30
    assert rules.schemes_from_settings({}) == [PointsScheme()]
    assert rules.offer_deadline_days({"offer_deadline_days": "x"}) == 14
    round_trip = PointsScheme.from_dict(PointsScheme(valid_from=date(2026, 1, 1)).to_dict())
    assert round_trip == PointsScheme(valid_from=date(2026, 1, 1))
