"""Award rules from the examples in domain.md, share checks and the exact group split."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bochum_desktop.core.errors import ValidationError
from bochum_desktop.ideas.rules import (
    AwardInput,
    AwardRules,
    calculate_award,
    check_no_overlap,
    check_shares,
    equal_shares,
    percent_to_bp,
    split_amount,
    split_lines,
)

DORMAGEN = AwardRules(one_off_rate_bp=1000, annual_rate_bp=1000, lasting_bonus_bp=5000, floor_cents=10_000,
                      cap_cents=500_000)
HAMBURG = AwardRules(one_off_rate_bp=2000, annual_rate_bp=4000, floor_cents=10_000, cap_cents=500_000)
NO_LIMITS = AwardRules(one_off_rate_bp=1000, annual_rate_bp=1000, floor_cents=0, cap_cents=0)


def savings(one_off=0, annual=0, costs=0, lasting=False):
    return AwardInput(kind="savings", one_off_savings_cents=one_off, annual_savings_cents=annual,
                      costs_cents=costs, lasting=lasting)


@pytest.mark.parametrize(
    ("rules", "inp", "expected"),
    [
        # Dormagen: 10 % of the net first-year savings ...
        (DORMAGEN, savings(annual=2_000_000), 200_000),
        # ... plus 50 % if the savings are lasting: 2,000 € + 1,000 €
        (DORMAGEN, savings(annual=2_000_000, lasting=True), 300_000),
        # net = savings minus first-year costs: (20,000 - 5,000) × 10 % × 1.5
        (DORMAGEN, savings(annual=2_000_000, costs=500_000, lasting=True), 225_000),
        # Hamburg: 20 % of one-off savings, 40 % of annual savings
        (HAMBURG, savings(one_off=500_000), 100_000),
        (HAMBURG, savings(annual=500_000), 200_000),
        (HAMBURG, savings(one_off=300_000, annual=200_000), 60_000 + 80_000),
        # costs are set off against one-off savings first: (3,000-1,000)×20 % + 2,000×40 %
        (HAMBURG, savings(one_off=300_000, annual=200_000, costs=100_000), 40_000 + 80_000),
        # costs larger than one-off: the rest reduces the annual savings: (2,000-500)×40 %
        (HAMBURG, savings(one_off=100_000, annual=200_000, costs=150_000), 60_000),
        # floor: 10 % of 300 € = 30 € -> raised to 100 €
        (DORMAGEN, savings(annual=30_000), 10_000),
        # cap: 10 % of 100,000 € = 10,000 € -> capped at 5,000 €
        (DORMAGEN, savings(annual=10_000_000), 500_000),
        # no positive net savings: no savings award (not even the floor)
        (DORMAGEN, savings(annual=10_000, costs=20_000), 0),
        # cent rounding half up: 10 % of 123,45 € = 12,345 € -> 12,35 €; of 123,44 € -> 12,34 €
        (NO_LIMITS, savings(annual=12_345), 1_235),
        (NO_LIMITS, savings(annual=12_344), 1_234),
    ],
)
def test_savings_award(rules, inp, expected):
    result = calculate_award(rules, inp)
    assert result.total_cents == expected
    assert result.lines[-1].startswith("Prämie gesamt:")


@pytest.mark.parametrize(
    ("level", "scope", "effort", "time", "expected"),
    [
        ("gering", "Arbeitsplatz", "gering", "kurzfristig", 10_000),  # 100 € × 1 × 1 × 1
        ("mittel", "Amt", "mittel", "kurzfristig", 45_000),  # 250 € × 1.5 × 1.2
        ("hoch", "Stadtverwaltung", "hoch", "sofort", 180_000),  # 500 € × 2 × 1.5 × 1.2
        ("gering", "Arbeitsplatz", "gering", "langfristig", 10_000),  # 80 € raised to the 100 € floor
    ],
)
def test_points_table(level, scope, effort, time, expected):
    inp = AwardInput(kind="points", benefit_level=level, scope=scope, effort=effort, time=time)
    result = calculate_award(AwardRules(), inp)
    assert result.total_cents == expected
    assert any("Grundbetrag" in line for line in result.lines)


def test_explanation_lines_are_german_and_show_each_step():
    result = calculate_award(DORMAGEN, savings(annual=2_000_000, costs=500_000, lasting=True))
    text = "\n".join(result.lines)
    assert "Netto-Einsparung im ersten Jahr: 15.000,00\u00a0€" in text
    assert "10 % der Netto-Einsparung: 1.500,00\u00a0€" in text
    assert "Zuschlag 50 % für dauerhafte Einsparung: 750,00\u00a0€" in text
    assert result.lines[-1] == "Prämie gesamt: 2.250,00\u00a0€"


def test_recognition_award_within_range_only():
    assert calculate_award(AwardRules(), AwardInput(kind="recognition", recognition_cents=7_500)).total_cents == 7_500
    with pytest.raises(ValidationError) as exc:
        calculate_award(AwardRules(), AwardInput(kind="recognition", recognition_cents=20_000))
    assert "recognition_cents" in exc.value.errors and "Anerkennungsprämie" in exc.value.message


def test_negative_savings_refused_naming_the_field():
    with pytest.raises(ValidationError) as exc:
        calculate_award(DORMAGEN, savings(annual=-1))
    assert "annual_savings_cents" in exc.value.errors and "negativ" in exc.value.message


def test_unknown_points_key_refused():
    with pytest.raises(ValidationError) as exc:
        calculate_award(AwardRules(), AwardInput(kind="points", benefit_level="riesig", scope="Amt",
                                                 effort="gering", time="sofort"))
    assert "benefit_level" in exc.value.errors


@pytest.mark.parametrize(("count", "expected"), [(1, [10000]), (2, [5000, 5000]), (3, [3334, 3333, 3333]),
                                                 (7, [1429, 1429, 1429, 1429, 1428, 1428, 1428])])
def test_equal_shares_sum_to_100_with_deterministic_remainder(count, expected):
    assert equal_shares(count) == expected


def test_shares_not_summing_to_100_refused():
    with pytest.raises(ValidationError) as exc:
        check_shares([5000, 4000])
    assert exc.value.errors == {"shares": "Die Anteile der Einreichenden ergeben 90,00 % statt 100 %."}
    assert percent_to_bp("33,34") == 3334 and percent_to_bp(Decimal("50")) == 5000
    with pytest.raises(ValidationError):
        percent_to_bp("33,333")


@pytest.mark.parametrize(
    ("total", "shares", "expected"),
    [
        (10_000, [3334, 3333, 3333], [3334, 3333, 3333]),
        (100, [3334, 3333, 3333], [34, 33, 33]),
        (101, [5000, 5000], [51, 50]),  # tie: the earlier submitter gets the cent
        (225_000, [6000, 4000], [135_000, 90_000]),
        (1, [3333, 3333, 3334], [0, 0, 1]),  # largest remainder first
    ],
)
def test_group_split_to_the_cent(total, shares, expected):
    assert split_amount(total, shares) == expected


def test_split_lines_explain_each_share():
    parts, lines = split_lines(100, ["Anna Müller", "Bernd Özdemir"], [5000, 5000])
    assert parts == [50, 50]
    assert lines[1] == "Anna Müller: 50,00 % = 0,50\u00a0€"


@st.composite
def shares_strategy(draw):
    count = draw(st.integers(min_value=1, max_value=12))
    cuts = sorted(draw(st.lists(st.integers(min_value=1, max_value=9_999), min_size=count - 1,
                                max_size=count - 1, unique=True)))
    bounds = [0, *cuts, 10_000]
    return [b - a for a, b in zip(bounds, bounds[1:], strict=False)]


@given(total=st.integers(min_value=0, max_value=10_000_000), shares=shares_strategy())
def test_group_shares_always_sum_exactly_to_the_award(total, shares):
    parts = split_amount(total, shares)
    assert sum(parts) == total
    assert all(p >= 0 for p in parts)
    # nobody is more than one cent away from the exact share
    assert all(abs(p * 10_000 - total * s) < 10_000 for p, s in zip(parts, shares, strict=True))


def test_rule_sets_must_not_overlap():
    existing = [("a", date(2025, 1, 1), date(2025, 12, 31)), ("b", date(2026, 1, 1), None)]
    check_no_overlap(existing, ("new", date(2024, 1, 1), date(2024, 12, 31)))
    with pytest.raises(ValidationError) as exc:
        check_no_overlap(existing, ("new", date(2025, 6, 1), date(2025, 12, 31)))
    assert "valid_from" in exc.value.errors and "überschneidet" in exc.value.message
    with pytest.raises(ValidationError):
        check_no_overlap(existing, ("new", date(2027, 1, 1), None))  # b is open-ended
    check_no_overlap(existing, ("b", date(2026, 2, 1), None))  # editing b itself is fine


def test_rule_set_from_dict_checks_values():
    assert AwardRules.from_dict(HAMBURG.to_dict()) == HAMBURG
    with pytest.raises(ValidationError) as exc:
        AwardRules.from_dict({"floor_cents": 600_000, "cap_cents": 500_000})
    assert "cap_cents" in exc.value.errors
    with pytest.raises(ValidationError) as exc:
        AwardRules.from_dict({"one_off_rate_bp": -5})
    assert "one_off_rate_bp" in exc.value.errors
