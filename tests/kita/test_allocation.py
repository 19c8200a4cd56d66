"""Allocation and occupancy: examples plus a hypothesis property test over random Kitas/applications."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bochum_desktop.kita import allocation as alloc
from bochum_desktop.kita import rules

YEAR = 2026
START = date(2026, 8, 1)


def _cap(kita_id, **places):
    """places like U3_35=2, UE3_45=1 for the whole Kita year."""
    slots = {}
    for key, n in places.items():
        band, hours = key.split("_")
        slots[(band, int(hours))] = n
    first, last = rules.kita_year_bounds(YEAR)
    return alloc.capacity_from_contract(kita_id, kita_id, YEAR, first, last, slots)


def test_higher_rank_gets_first_choice_and_next_goes_to_second_choice():
    caps = {"A": _cap("A", UE3_35=1), "B": _cap("B", UE3_35=1)}
    cands = [
        alloc.Candidate("low", 2, date(2022, 1, 1), 35, START, ("A", "B")),
        alloc.Candidate("high", 1, date(2022, 2, 1), 35, START, ("A", "B")),
    ]
    result = alloc.allocate(YEAR, START, cands, caps)
    assert [(a.application_id, a.kita_id, a.preference) for a in result.allocations] == [
        ("high", "A", 1), ("low", "B", 2)]


def test_child_turning_three_needs_an_ue3_place_from_that_month():
    # only a U3 place: a child turning 3 in January cannot be placed for the whole year
    caps = {"A": _cap("A", U3_35=1)}
    turning = alloc.Candidate("t", 1, date(2023, 12, 15), 35, START, ("A",))
    result = alloc.allocate(YEAR, START, [turning], caps)
    assert result.allocations == [] and "t" in result.unplaced
    caps = {"A": _cap("A", U3_35=1, UE3_35=1)}
    result = alloc.allocate(YEAR, START, [turning], caps)
    assert result.allocations[0].band == "U3"
    occ = alloc.occupancy(YEAR, caps["A"], [alloc.ChildSpan("A", date(2023, 12, 15), 35, START, date(2030, 7, 31))])
    assert [(o.occupied_u3, o.occupied_ue3) for o in occ[:6]] == [(1, 0)] * 5 + [(0, 1)]  # Jan 2027: Ü3
    assert occ[5].ageing_into_ue3 == 1 and sum(o.ageing_into_ue3 for o in occ) == 1


def test_school_child_and_wrong_hours_are_not_placed():
    caps = {"A": _cap("A", UE3_25=1)}
    cands = [
        alloc.Candidate("school", 1, date(2020, 9, 30), 25, START, ("A",)),
        alloc.Candidate("hours", 2, date(2022, 1, 1), 45, START, ("A",)),
        alloc.Candidate("later", 3, date(2022, 1, 1), 25, date(2026, 9, 1), ("A",)),
        alloc.Candidate("ok", 4, date(2022, 1, 1), 25, date(2026, 8, 20), ("A",)),
    ]
    result = alloc.allocate(YEAR, START, cands, caps)
    assert [a.application_id for a in result.allocations] == ["ok"]
    assert "schulpflichtig" in result.unplaced["school"]
    assert "hours" in result.unplaced and "later" not in result.unplaced


def test_occupancy_counts_leavers_offers_and_contract_period():
    first, _ = rules.kita_year_bounds(YEAR)
    cap = alloc.capacity_from_contract("A", "A", YEAR, date(2026, 9, 1), date(2027, 7, 31), {("UE3", 35): 2})
    leaver = alloc.ChildSpan("A", date(2021, 3, 1), 35, first, rules.place_end(date(2021, 3, 1)))
    offer = alloc.ChildSpan("A", date(2022, 3, 1), 35, date(2027, 1, 1), date(2028, 7, 31))
    occ = alloc.occupancy(YEAR, cap, [leaver], [offer])
    assert occ[0].places == 0 and occ[1].places == 2
    assert occ[1].free == 1 and occ[5].pending_offers == 1 and occ[5].free == 0
    assert occ[-1].leaving_for_school == 1 and sum(o.leaving_for_school for o in occ) == 1
    assert alloc.over_capacity(YEAR, cap, [leaver]) == [(date(2026, 8, 1), ("UE3", 35), 0, 1)]


kitas = st.sampled_from(["A", "B", "C", "D"])


@st.composite
def scenario(draw):
    caps = {}
    for k in ["A", "B", "C", "D"]:
        places = {}
        for band in rules.BANDS:
            for hours in rules.BOOKING_HOURS:
                n = draw(st.integers(0, 2))
                if n:
                    places[(band, hours)] = n
        first, last = rules.kita_year_bounds(YEAR)
        caps[k] = alloc.capacity_from_contract(k, k, YEAR, first, last, places)
    n = draw(st.integers(1, 30))
    cands = []
    for i in range(n):
        birth = date(2020, 6, 1) + timedelta(days=draw(st.integers(0, 6 * 365)))
        prefs = tuple(draw(st.lists(kitas, min_size=1, max_size=4, unique=True)))
        start = date(2026, 8, 1) + timedelta(days=draw(st.integers(-60, 60)))
        cands.append(alloc.Candidate(f"c{i:02d}", i + 1, birth, draw(st.sampled_from(rules.BOOKING_HOURS)),
                                     start, prefs))
    month = draw(st.sampled_from([date(2026, 8, 1), date(2026, 9, 1)]))
    return caps, cands, month


@settings(max_examples=200, deadline=None)
@given(scenario())
def test_allocation_properties(data):
    caps, cands, month = data
    result = alloc.allocate(YEAR, month, cands, caps)
    by_id = {c.id: c for c in cands}
    placed = {}
    for a in result.allocations:
        assert a.application_id not in placed, "a child got two places"
        placed[a.application_id] = a
        assert a.kita_id in by_id[a.application_id].preferences
    # capacity respected in every month and slot
    spans = [alloc.ChildSpan(a.kita_id, by_id[a.application_id].birth, a.hours, a.start, a.end) for a in
             result.allocations]
    for cap in caps.values():
        assert alloc.over_capacity(YEAR, cap, spans) == []
    # a higher-ranked child never loses a Kita it wanted (more than what it got) to a lower-ranked child
    # with the same age-band path, hours and start
    for lo in result.allocations:
        lo_c = by_id[lo.application_id]
        for hi_c in cands:
            if hi_c.rank >= lo_c.rank or lo.kita_id not in hi_c.preferences:
                continue
            if hi_c.desired_start > alloc.month_end(month) or rules.is_school_age(hi_c.birth, month):
                continue
            same_needs = hi_c.hours == lo_c.hours and [
                s for _i, s in alloc.months_needed(YEAR, hi_c.birth, hi_c.hours, month, min(rules.place_end(hi_c.birth), date(2027, 7, 31)))
            ] == [s for _i, s in alloc.months_needed(YEAR, lo_c.birth, lo_c.hours, month, lo.end if lo.end < date(2027, 7, 31) else date(2027, 7, 31))]
            if not same_needs:
                continue
            got = placed.get(hi_c.id)
            assert got is not None, f"{hi_c.id} (rank {hi_c.rank}) lost {lo.kita_id} to {lo_c.id}"
            assert hi_c.preferences.index(got.kita_id) <= hi_c.preferences.index(lo.kita_id)
    # deterministic
    assert alloc.allocate(YEAR, month, list(reversed(cands)), caps).allocations == result.allocations
