"""Plain dataclasses the Kita service returns (never live ORM objects across the Qt boundary)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .model import BAND_LABELS, OFFER_STATUS_LABELS, STATUS_LABELS


@dataclass
class KitaInput:
    name: str = ""
    provider: str = ""
    street: str = ""
    postcode: str = ""
    city: str = "Bochum"
    contact_name: str = ""
    contact_phone: str | None = None
    contact_email: str | None = None
    active: bool = True


@dataclass(frozen=True)
class KitaInfo:
    id: str
    name: str
    provider: str
    street: str
    postcode: str
    city: str
    contact_name: str
    contact_phone: str | None
    contact_email: str | None
    active: bool

    @property
    def address(self) -> str:
        return ", ".join(p for p in (self.street, f"{self.postcode} {self.city}".strip()) if p)


@dataclass(frozen=True)
class ContractInfo:
    id: str
    kita_id: str
    kita_name: str
    kita_year: int
    valid_from: date
    valid_to: date
    cost_per_place_cents: int
    places: dict[tuple[str, int], int]
    notes: str | None = None

    @property
    def places_u3(self) -> int:
        return sum(n for (band, _h), n in self.places.items() if band == "U3")

    @property
    def places_ue3(self) -> int:
        return sum(n for (band, _h), n in self.places.items() if band == "UE3")

    @property
    def total_places(self) -> int:
        return self.places_u3 + self.places_ue3

    @property
    def months(self) -> int:
        return (self.valid_to.year - self.valid_from.year) * 12 + self.valid_to.month - self.valid_from.month + 1

    @property
    def monthly_cost_cents(self) -> int:
        return self.total_places * self.cost_per_place_cents

    @property
    def total_cost_cents(self) -> int:
        return self.monthly_cost_cents * self.months


@dataclass(frozen=True)
class ContractResult:
    contract: ContractInfo
    warnings: list[str] = field(default_factory=list)  # German: over-capacity after the change


@dataclass(frozen=True)
class ApplicationInfo:
    id: str
    employee_id: str | None
    personnel_number: str
    last_name: str
    first_name: str
    street: str | None
    postcode_city: str | None
    email: str | None
    return_date: date | None
    working_hours: Decimal | None
    single_parent: bool
    shift_work: bool
    hardship: bool
    hardship_note: str | None
    sibling_kita_id: str | None
    child_first_name: str
    child_birth_date: date | None
    desired_start: date
    booking_hours: int
    remarks: str | None
    received_date: date
    status: str
    preferences: tuple[str, ...]
    preference_names: tuple[str, ...] = ()

    @property
    def applicant(self) -> str:
        return f"{self.last_name}, {self.first_name}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class OfferInfo:
    id: str
    application_id: str
    applicant: str
    child_first_name: str
    kita_id: str
    kita_name: str
    age_band: str
    booking_hours: int
    start_date: date
    deadline: date
    status: str
    answered_on: date | None
    override_reason: str | None

    @property
    def status_label(self) -> str:
        return OFFER_STATUS_LABELS.get(self.status, self.status)

    @property
    def band_label(self) -> str:
        return BAND_LABELS.get(self.age_band, self.age_band)


@dataclass(frozen=True)
class PlacementInfo:
    id: str
    application_id: str
    applicant: str
    child_first_name: str
    kita_id: str
    kita_name: str
    booking_hours: int
    start_date: date
    end_date: date
    ended: bool


@dataclass(frozen=True)
class RankRow:
    application_id: str
    rank: int
    points: int
    explanation: tuple[str, ...]
    applicant: str
    child_first_name: str
    received_date: date
    desired_start: date
    status: str


@dataclass
class ProposalEntry:
    """One proposed (or HR-changed) offer. HR may change kita_id; then override_reason is required."""

    application_id: str
    kita_id: str
    start: date
    applicant: str = ""
    child_first_name: str = ""
    kita_name: str = ""
    preference: int = 0
    band: str = ""
    hours: int = 0
    rank: int = 0
    points: int = 0
    override_reason: str | None = None


@dataclass
class Proposal:
    year: int
    start: date
    entries: list[ProposalEntry]
    unplaced: list[tuple[str, str, str]]  # (application id, applicant, German reason)
    scheme_valid_from: date | None = None


@dataclass(frozen=True)
class WaitlistPosition:
    kita_id: str
    kita_name: str
    band: str
    position: int
    total: int


@dataclass(frozen=True)
class RankingSnapshot:
    """The ranking of one moment with everything the Rangliste tab shows for a selected row, read and computed
    together in one background job, so table, explanation, waiting-list positions and what-if agree."""

    reference: date
    stamp: tuple  # KitaService.data_stamp() when the data was read
    rows: list[RankRow]
    applications: dict[str, ApplicationInfo]  # id -> application (open ones)
    positions: dict[str, list[WaitlistPosition]]  # id -> position per wished Kita
    criteria: list = field(default_factory=list)  # rules.Criteria of every open application, for what-if
    scheme: object = None  # the rules.PointsScheme the ranking used
    kita_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OfferAnswer:
    offer: OfferInfo
    placement: PlacementInfo | None = None
    next_proposal: Proposal | None = None  # after a decline/expiry: who would get the place now
