"""Allocation proposal and occupancy timeline (pure functions, no database).

A place is a slot (age band, booking hours) of a Kita. A child needs its slot in every month from its
start to the end of the Kita year (or its school cut-off), in the band it has in that month: a child turning
3 in March needs a U3 place until February and a Ü3 place from March. Capacity is checked month by month,
so a proposal never overfills any month of the year.

Algorithm (serial dictatorship): candidates are taken in rank order; each gets the first Kita of its
preference list that has a free slot for every month it needs. A higher-ranked child therefore never loses a
place to a lower-ranked one for the same Kita unless band, hours or start differ. Deterministic: ties are
already broken by the rank key (points, received date, id)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .rules import _year_months as rules_year_months
from .rules import (
    age_band_at,
    anniversary,
    is_school_age,
    kita_year_months,
    month_end,
    place_end,
)

Slot = tuple[str, int]  # (band, hours)


@dataclass
class KitaCapacity:
    """Places per slot and month (index 0 = August .. 11 = July) for one Kita in one Kita year."""

    kita_id: str
    name: str = ""
    places: dict[Slot, list[int]] = field(default_factory=dict)

    def at(self, slot: Slot, month: int) -> int:
        row = self.places.get(slot)
        return row[month] if row else 0


def capacity_from_contract(kita_id: str, name: str, year: int, valid_from: date, valid_to: date,
                           places: dict[Slot, int]) -> KitaCapacity:
    """Contract places apply in the months the contract period touches."""
    months = kita_year_months(year)
    active = [valid_from <= month_end(m) and valid_to >= m for m in months]
    return KitaCapacity(kita_id, name, {slot: [n if a else 0 for a in active] for slot, n in places.items()})


@dataclass(frozen=True)
class ChildSpan:
    """A child holding (placement) or about to hold (open offer) a slot."""

    kita_id: str
    birth: date
    hours: int
    start: date
    end: date
    ref: str = ""  # application id


def months_needed(year: int, birth: date, hours: int, start: date, end: date) -> list[tuple[int, Slot]]:
    """(month index, slot) for every month of the Kita year the child is in care."""
    third = anniversary(birth, 3)
    out = []
    for i, m in enumerate(rules_year_months(year)):
        if start <= month_end(m) and end >= m:
            out.append((i, ("UE3" if max(m, start) >= third else "U3", hours)))
    return out


def _committed(year: int, spans: list[ChildSpan]) -> dict[tuple[str, Slot], list[int]]:
    used: dict[tuple[str, Slot], list[int]] = {}
    for s in spans:
        for i, slot in months_needed(year, s.birth, s.hours, s.start, s.end):
            used.setdefault((s.kita_id, slot), [0] * 12)[i] += 1
    return used


@dataclass(frozen=True)
class Candidate:
    """An application in rank order, as the allocation sees it."""

    id: str
    rank: int
    birth: date
    hours: int
    desired_start: date
    preferences: tuple[str, ...]


@dataclass(frozen=True)
class Allocation:
    application_id: str
    kita_id: str
    preference: int  # 1 = first choice
    band: str  # at the start date
    hours: int
    start: date
    end: date  # of the place (school cut-off)
    rank: int


@dataclass
class ProposalResult:
    year: int
    start: date
    allocations: list[Allocation]
    unplaced: dict[str, str]  # application id -> German reason


def allocate(year: int, start: date, candidates: list[Candidate], capacities: dict[str, KitaCapacity],
             committed: list[ChildSpan] = ()) -> ProposalResult:
    """Fill free places for children starting at `start` (first of a month in Kita year `year`)."""
    start = start.replace(day=1)
    year_end = kita_year_months(year)[-1]
    year_end = month_end(year_end)
    free: dict[tuple[str, Slot], list[int]] = {}
    for cap in capacities.values():
        for slot, row in cap.places.items():
            free[(cap.kita_id, slot)] = list(row)
    for key, row in _committed(year, list(committed)).items():
        target = free.setdefault(key, [0] * 12)
        for i, n in enumerate(row):
            target[i] -= n
    allocations: list[Allocation] = []
    unplaced: dict[str, str] = {}
    last_day = month_end(start)
    for cand in sorted(candidates, key=lambda c: (c.rank, c.id)):
        if cand.desired_start > last_day:
            continue  # wants a later start: a later month's proposal
        if is_school_age(cand.birth, start):
            unplaced[cand.id] = "Das Kind ist zum Beginn schulpflichtig."
            continue
        if cand.birth > start:
            unplaced[cand.id] = "Das Kind ist zum Beginn noch nicht geboren."
            continue
        end = min(place_end(cand.birth), year_end)
        needed = months_needed(year, cand.birth, cand.hours, start, end)
        chosen = None
        for pos, kita_id in enumerate(cand.preferences, start=1):
            if kita_id not in capacities:
                continue
            if all(free.get((kita_id, slot), (0,) * 12)[i] > 0 for i, slot in needed):
                chosen = (pos, kita_id)
                break
        if chosen is None:
            unplaced[cand.id] = "Kein freier Platz in den Wunsch-Kitas (Altersgruppe/Betreuungsumfang)."
            continue
        pos, kita_id = chosen
        for i, slot in needed:
            free[(kita_id, slot)][i] -= 1
        allocations.append(Allocation(cand.id, kita_id, pos, age_band_at(cand.birth, start), cand.hours, start,
                                      place_end(cand.birth), cand.rank))
    return ProposalResult(year, start, allocations, unplaced)


def fits(year: int, capacity: KitaCapacity, committed: list[ChildSpan], birth: date, hours: int,
         start: date) -> list[tuple[date, str]]:
    """Months (and band) in which one more child would exceed the places; empty = it fits."""
    used = _committed(year, [s for s in committed if s.kita_id == capacity.kita_id])
    months = kita_year_months(year)
    end = min(place_end(birth), month_end(months[-1]))
    full = []
    for i, slot in months_needed(year, birth, hours, start, end):
        if used.get((capacity.kita_id, slot), [0] * 12)[i] + 1 > capacity.at(slot, i):
            full.append((months[i], slot[0]))
    return full


def over_capacity(year: int, capacity: KitaCapacity, placed: list[ChildSpan]) -> list[tuple[date, Slot, int, int]]:
    """(month, slot, places, occupied) wherever more children hold a slot than the contract has places."""
    used = _committed(year, [s for s in placed if s.kita_id == capacity.kita_id])
    months = kita_year_months(year)
    out = []
    for (_kita, slot), row in sorted(used.items()):
        for i, n in enumerate(row):
            if n > capacity.at(slot, i):
                out.append((months[i], slot, capacity.at(slot, i), n))
    return sorted(out)


def _changes_band(span: ChildSpan, months: list[date], i: int) -> bool:
    """True if the child is in care in months i-1 and i and is Ü3 in month i but U3 in month i-1."""
    if i == 0:
        return False
    prev, cur = months[i - 1], months[i]
    if not (span.start <= prev and span.end >= cur):
        return False
    return age_band_at(span.birth, cur) == "UE3" and age_band_at(span.birth, max(prev, span.start)) == "U3"


@dataclass(frozen=True)
class OccupancyMonth:
    month: date
    places_u3: int
    occupied_u3: int
    places_ue3: int
    occupied_ue3: int
    pending_offers: int
    ageing_into_ue3: int  # children whose band changes to Ü3 in this month
    leaving_for_school: int  # places ending in this month because school starts

    @property
    def places(self) -> int:
        return self.places_u3 + self.places_ue3

    @property
    def occupied(self) -> int:
        return self.occupied_u3 + self.occupied_ue3

    @property
    def free(self) -> int:
        return self.places - self.occupied - self.pending_offers


def occupancy(year: int, capacity: KitaCapacity, placed: list[ChildSpan],
              offers: list[ChildSpan] = ()) -> list[OccupancyMonth]:
    """Month-by-month timeline of one Kita for one Kita year."""
    months = kita_year_months(year)
    mine = [s for s in placed if s.kita_id == capacity.kita_id]
    used = _committed(year, mine)
    pending = _committed(year, [s for s in offers if s.kita_id == capacity.kita_id])
    rows = []
    for i, m in enumerate(months):
        def total(mapping, band, i=i):
            return sum(row[i] for (_k, (b, _h)), row in mapping.items() if b == band)

        places_u3 = sum(r[i] for (b, _h), r in capacity.places.items() if b == "U3")
        places_ue3 = sum(r[i] for (b, _h), r in capacity.places.items() if b == "UE3")
        ageing = sum(1 for s in mine if _changes_band(s, months, i))
        leaving = sum(1 for s in mine if m <= s.end <= month_end(m) and s.end == place_end(s.birth))
        rows.append(OccupancyMonth(
            m, places_u3, total(used, "U3"), places_ue3, total(used, "UE3"),
            sum(row[i] for row in pending.values()), ageing, leaving,
        ))
    return rows
