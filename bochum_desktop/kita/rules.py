"""Pure rules of the Kita-Kontingent (no database, no Qt): Kita year, age band, school cut-off,
validation of an application, and the points scheme with its explanation.

Allocation and occupancy live in allocation.py (also pure), which builds on these rules."""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from ..core import validation
from ..core.errors import ValidationError
from ..core.formatting import format_date

BOOKING_HOURS = (25, 35, 45)
BANDS = ("U3", "UE3")
MAX_PREFERENCES = 5
DEFAULT_OFFER_DEADLINE_DAYS = 14


# --- Kita year, age band, school cut-off -------------------------------------------------------------


def kita_year_of(day: date) -> int:
    """The Kita year runs 1 Aug – 31 Jul; it is named by the calendar year in which it starts."""
    return day.year if day.month >= 8 else day.year - 1


def kita_year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def kita_year_bounds(year: int) -> tuple[date, date]:
    return date(year, 8, 1), date(year + 1, 7, 31)


def kita_year_months(year: int) -> list[date]:
    """First days of the twelve months August .. July."""
    return list(_year_months(year))


@lru_cache(maxsize=64)
def _year_months(year: int) -> tuple[date, ...]:
    return tuple(date(year + (m < 8), m, 1) for m in (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7))


@lru_cache(maxsize=1024)
def month_end(day: date) -> date:
    nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def anniversary(birth: date, years: int) -> date:
    """The day a child completes `years` years. Born on 29 Feb: 1 Mar in common years (as § 188 BGB)."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:
        return date(birth.year + years, 3, 1)


def age_band_at(birth: date, day: date) -> str:
    """'U3' before the 3rd birthday, 'UE3' from the 3rd birthday on."""
    return "UE3" if day >= anniversary(birth, 3) else "U3"


def school_start(birth: date) -> date:
    """NRW: a child who turns 6 by 30 Sep starts school on 1 Aug of that year, otherwise a year later."""
    sixth = anniversary(birth, 6)
    year = sixth.year if sixth <= date(sixth.year, 9, 30) else sixth.year + 1
    return date(year, 8, 1)


def place_end(birth: date) -> date:
    """The last day of the Kita place: 31 Jul before school starts."""
    return school_start(birth) - timedelta(days=1)


def is_school_age(birth: date, day: date) -> bool:
    return day >= school_start(birth)


# --- Validation ----------------------------------------------------------------------------------------


def normalise_name(value: str) -> str:
    value = unicodedata.normalize("NFKD", (value or "").strip().casefold())
    return "".join(ch for ch in value if not unicodedata.combining(ch))


@dataclass
class ApplicationDraft:
    """What a form or the import hands to the service (plain values, already parsed)."""

    last_name: str = ""
    first_name: str = ""
    child_first_name: str = ""
    child_birth_date: date | None = None
    desired_start: date | None = None
    booking_hours: int | None = None
    received_date: date | None = None
    preferences: list[str] = field(default_factory=list)  # Kita ids, first choice first
    employee_id: str | None = None
    personnel_number: str = ""
    street: str | None = None
    postcode_city: str | None = None
    email: str | None = None
    return_date: date | None = None
    working_hours: Decimal | None = None
    single_parent: bool = False
    shift_work: bool = False
    hardship: bool = False
    hardship_note: str | None = None
    sibling_kita_id: str | None = None
    remarks: str | None = None


@dataclass(frozen=True)
class ExistingApplication:
    """Key of an application already on file, for duplicate detection."""

    id: str
    employee_key: str  # employee id or personnel number or normalised name
    child_first_name: str
    child_birth_date: date | None


def employee_key(draft_or_app) -> str:
    if getattr(draft_or_app, "employee_id", None):
        return "id:" + draft_or_app.employee_id
    if getattr(draft_or_app, "personnel_number", ""):
        return "pn:" + draft_or_app.personnel_number
    return "name:" + normalise_name(draft_or_app.last_name) + "," + normalise_name(draft_or_app.first_name)


def validate_application(
    draft: ApplicationDraft,
    today: date,
    existing: list[ExistingApplication] = (),
    self_id: str | None = None,
) -> None:
    """Raise one ValidationError naming every bad field (German), or return None."""
    errors: dict[str, str] = {}
    if not (draft.last_name or "").strip():
        errors["last_name"] = "Bitte den Nachnamen der/des Beschäftigten angeben."
    if not (draft.first_name or "").strip():
        errors["first_name"] = "Bitte den Vornamen der/des Beschäftigten angeben."
    if not (draft.child_first_name or "").strip():
        errors["child_first_name"] = "Bitte den Vornamen des Kindes angeben."
    if draft.child_birth_date is None:
        errors["child_birth_date"] = "Bitte das Geburtsdatum des Kindes angeben."
    elif draft.child_birth_date > today:
        errors["child_birth_date"] = "Das Geburtsdatum des Kindes darf nicht in der Zukunft liegen."
    if draft.received_date is None:
        errors["received_date"] = "Bitte das Eingangsdatum angeben."
    elif draft.received_date > today:
        errors["received_date"] = "Das Eingangsdatum darf nicht in der Zukunft liegen."
    if draft.desired_start is None:
        errors["desired_start"] = "Bitte den gewünschten Betreuungsbeginn angeben."
    elif draft.received_date is not None and draft.desired_start < draft.received_date:
        errors["desired_start"] = "Der gewünschte Betreuungsbeginn darf nicht vor dem Antragseingang liegen."
    elif draft.child_birth_date is not None and "child_birth_date" not in errors:
        if is_school_age(draft.child_birth_date, draft.desired_start):
            errors["desired_start"] = (
                "Das Kind ist zum gewünschten Betreuungsbeginn schulpflichtig "
                f"(Schulbeginn {format_date(school_start(draft.child_birth_date))})."
            )
        elif draft.desired_start < draft.child_birth_date:
            errors["desired_start"] = "Der gewünschte Betreuungsbeginn liegt vor der Geburt des Kindes."
    if draft.booking_hours not in BOOKING_HOURS:
        errors["booking_hours"] = "Betreuungsumfang: nur 25, 35 oder 45 Wochenstunden sind möglich."
    prefs = [p for p in draft.preferences if p]
    if not prefs:
        errors["preferences"] = "Bitte mindestens eine Wunsch-Kita angeben."
    elif len(prefs) > MAX_PREFERENCES:
        errors["preferences"] = f"Wunsch-Kitas: höchstens {MAX_PREFERENCES} Kitas sind möglich."
    elif len(set(prefs)) != len(prefs):
        errors["preferences"] = "Wunsch-Kitas: jede Kita darf nur einmal genannt werden."
    try:
        validation.email(draft.email, "email")
    except ValidationError as exc:
        errors["email"] = "E-Mail: " + exc.errors["email"]
    if draft.working_hours is not None and not (Decimal(0) <= Decimal(draft.working_hours) <= Decimal(60)):
        errors["working_hours"] = "Wochenarbeitszeit: bitte einen Wert zwischen 0 und 60 Stunden angeben."
    if draft.child_birth_date is not None and draft.child_first_name:
        key = employee_key(draft)
        child = normalise_name(draft.child_first_name)
        for other in existing:
            if other.id == self_id:
                continue
            if (
                other.employee_key == key
                and normalise_name(other.child_first_name) == child
                and other.child_birth_date == draft.child_birth_date
            ):
                errors["child_first_name"] = (
                    "Für dieses Kind liegt von derselben/demselben Beschäftigten bereits ein Antrag vor (Duplikat)."
                )
                break
    if errors:
        raise ValidationError(errors)


# --- Points scheme ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointsScheme:
    """Points per criterion. Versioned: the scheme valid on the reference date of a ranking applies."""

    valid_from: date = date(2020, 1, 1)
    return_soon_points: int = 20
    return_soon_days: int = 92  # return from parental leave at most this many days after the desired start
    single_parent_points: int = 20
    full_time_hours: Decimal = Decimal("30")
    full_time_points: int = 15
    part_time_hours: Decimal = Decimal("20")
    part_time_points: int = 8
    sibling_points: int = 15
    shift_work_points: int = 10
    hardship_points: int = 25

    def to_dict(self) -> dict:
        out = asdict(self)
        out["valid_from"] = self.valid_from.isoformat()
        out["full_time_hours"] = str(self.full_time_hours)
        out["part_time_hours"] = str(self.part_time_hours)
        return out

    @classmethod
    def from_dict(cls, raw: dict) -> PointsScheme:
        """Unknown keys are ignored and bad values fall back to the default (settings are user-edited)."""
        values = {}
        for f in fields(cls):
            if f.name not in raw:
                continue
            value = raw[f.name]
            try:
                if f.name == "valid_from":
                    values[f.name] = date.fromisoformat(str(value))
                elif f.name.endswith("_hours"):
                    values[f.name] = Decimal(str(value))
                else:
                    values[f.name] = int(value)
            except (ValueError, ArithmeticError, TypeError):
                continue
        return cls(**values)


def schemes_from_settings(settings: dict | None) -> list[PointsScheme]:
    raw = (settings or {}).get("schemes") or []
    schemes = [PointsScheme.from_dict(r) for r in raw if isinstance(r, dict)]
    return sorted(schemes, key=lambda s: s.valid_from) or [PointsScheme()]


def scheme_for(day: date, schemes: list[PointsScheme]) -> PointsScheme:
    """The newest scheme whose valid_from is on or before `day` (the oldest if none is yet valid)."""
    ordered = sorted(schemes, key=lambda s: s.valid_from)
    chosen = ordered[0]
    for scheme in ordered:
        if scheme.valid_from <= day:
            chosen = scheme
    return chosen


def offer_deadline_days(settings: dict | None) -> int:
    try:
        value = int((settings or {}).get("offer_deadline_days", DEFAULT_OFFER_DEADLINE_DAYS))
    except (TypeError, ValueError):
        return DEFAULT_OFFER_DEADLINE_DAYS
    return value if 1 <= value <= 90 else DEFAULT_OFFER_DEADLINE_DAYS


@dataclass(frozen=True)
class Criteria:
    """What the points depend on (a view of an application; what-if changes a copy)."""

    id: str
    received_date: date
    desired_start: date
    return_date: date | None = None
    working_hours: Decimal | None = None
    single_parent: bool = False
    shift_work: bool = False
    hardship: bool = False
    sibling_kita_id: str | None = None
    preferences: tuple[str, ...] = ()


@dataclass(frozen=True)
class Score:
    points: int
    explanation: tuple[str, ...]  # "20 Punkte: alleinerziehend", ...


def score(c: Criteria, scheme: PointsScheme, kita_names: dict[str, str] | None = None) -> Score:
    parts: list[tuple[int, str]] = []
    if c.return_date is not None and c.return_date <= c.desired_start + timedelta(days=scheme.return_soon_days):
        parts.append((scheme.return_soon_points, f"Rückkehr aus der Elternzeit am {format_date(c.return_date)}"))
    if c.single_parent:
        parts.append((scheme.single_parent_points, "alleinerziehend"))
    if c.working_hours is not None:
        hours = Decimal(c.working_hours)
        shown = f"{hours.normalize():f}".replace(".", ",")
        if hours >= scheme.full_time_hours:
            parts.append((scheme.full_time_points, f"Arbeitszeit {shown} Std./Woche (ab {scheme.full_time_hours})"))
        elif hours >= scheme.part_time_hours:
            parts.append((scheme.part_time_points, f"Arbeitszeit {shown} Std./Woche (ab {scheme.part_time_hours})"))
    if c.sibling_kita_id and c.sibling_kita_id in c.preferences:
        name = (kita_names or {}).get(c.sibling_kita_id, "Wunsch-Kita")
        parts.append((scheme.sibling_points, f"Geschwisterkind in {name}"))
    if c.shift_work:
        parts.append((scheme.shift_work_points, "Schichtdienst"))
    if c.hardship:
        parts.append((scheme.hardship_points, "Härtefall"))
    parts = [p for p in parts if p[0]]
    return Score(sum(p for p, _ in parts), tuple(f"{p} Punkte: {text}" for p, text in parts))


@dataclass(frozen=True)
class Ranked:
    id: str
    rank: int
    points: int
    explanation: tuple[str, ...]
    received_date: date


def rank_key(points: int, received: date, app_id: str) -> tuple:
    """More points first; tie: the earlier application first; then the id (UUIDv7 = creation order)."""
    return (-points, received, app_id)


def rank(criteria: list[Criteria], scheme: PointsScheme, kita_names: dict[str, str] | None = None) -> list[Ranked]:
    scored = [(score(c, scheme, kita_names), c) for c in criteria]
    scored.sort(key=lambda sc: rank_key(sc[0].points, sc[1].received_date, sc[1].id))
    return [Ranked(c.id, i + 1, s.points, s.explanation, c.received_date) for i, (s, c) in enumerate(scored)]


@dataclass(frozen=True)
class WhatIf:
    id: str
    old_rank: int
    new_rank: int
    old_points: int
    new_points: int
    explanation: tuple[str, ...]


def what_if(criteria: list[Criteria], scheme: PointsScheme, app_id: str, kita_names=None, **changes) -> WhatIf:
    """Rank again with some criteria of one application changed. Nothing is saved."""
    before = {r.id: r for r in rank(criteria, scheme, kita_names)}
    if app_id not in before:
        raise ValidationError({"application": "Der Antrag ist nicht in der Rangliste."})
    changed = [replace(c, **changes) if c.id == app_id else c for c in criteria]
    after = {r.id: r for r in rank(changed, scheme, kita_names)}
    old, new = before[app_id], after[app_id]
    return WhatIf(app_id, old.rank, new.rank, old.points, new.points, new.explanation)

