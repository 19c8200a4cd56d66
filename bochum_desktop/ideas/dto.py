"""Plain dataclasses the ideas service takes and returns (never live ORM objects across the Qt boundary).

Two families on purpose: the full case (coordinator, committee) and the *pseudonymised* reviewer case,
which has no field that could carry a submitter's name or unit — so it cannot leak one by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


# ---------------------------------------------------------------------------------------------- input
@dataclass
class SubmitterIn:
    employee_id: str
    share_percent: Decimal | str | None = None  # None for all submitters: equal split


@dataclass
class AttachmentIn:
    filename: str
    content: bytes


@dataclass
class IntakeInput:
    code_word: str
    title: str
    current_state: str
    proposal: str
    benefit: str
    org_unit_id: str | None
    submitters: list[SubmitterIn]
    received_at: datetime | None = None  # default: now
    attachments: list[AttachmentIn] = field(default_factory=list)


@dataclass
class AdmissibilityInput:
    own_job_duty: bool
    own_job_reason: str = ""
    excluded_checked: bool = True
    excluded_note: str = ""
    similar_ids: list[str] = field(default_factory=list)
    similar_note: str = ""
    admissible: bool = True


@dataclass
class StatementInput:
    feasible: bool
    savings_one_off_cents: int = 0
    savings_annual_cents: int = 0
    costs_cents: int = 0
    recommendation: str = "annehmen"
    statement: str = ""


@dataclass
class AwardInputDTO:
    """What the committee enters for the award (see rules.AwardInput)."""

    kind: str = "none"  # savings | points | recognition | none
    one_off_savings_cents: int = 0
    annual_savings_cents: int = 0
    costs_cents: int = 0
    lasting: bool = False
    benefit_level: str = ""
    scope: str = ""
    effort: str = ""
    time: str = ""
    recognition_cents: int = 0


@dataclass
class DecisionInput:
    decision: str  # angenommen | abgelehnt | zurueckgestellt
    reasons: str
    decided_on: date | None = None
    participants: str = ""
    award: AwardInputDTO = field(default_factory=AwardInputDTO)


@dataclass
class ImplementationInput:
    responsible_unit_id: str | None
    planned_on: date | None
    status: str = "geplant"
    actual_on: date | None = None
    actual_savings_cents: int = 0
    reason: str = ""


@dataclass
class RuleSetInput:
    name: str
    valid_from: date
    valid_to: date | None
    rules: dict


# ---------------------------------------------------------------------------------------------- output
@dataclass(frozen=True)
class SuggestionRow:
    id: str
    number: str
    code_word: str
    title: str
    status: str
    status_label: str
    unit_name: str  # the affected unit
    received_at: datetime
    submitters: str  # "" in pseudonymised rows


@dataclass(frozen=True)
class SubmitterView:
    employee_id: str
    name: str
    personnel_number: str
    unit_name: str
    share_bp: int


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    filename: str
    media_type: str
    size: int


@dataclass(frozen=True)
class SimilarSuggestion:
    id: str
    number: str
    title: str
    received_at: datetime
    status_label: str
    earlier: bool  # received before the suggestion being checked: it counts first


@dataclass(frozen=True)
class ExclusionFinding:
    employee_id: str
    name: str
    reason: str


@dataclass(frozen=True)
class AdmissibilityInfo:
    suggestion_id: str
    similar: list[SimilarSuggestion]
    exclusions: list[ExclusionFinding]
    record: AdmissibilityView | None


@dataclass(frozen=True)
class AdmissibilityView:
    own_job_duty: bool
    own_job_reason: str
    excluded_checked: bool
    excluded_note: str
    similar_ids: list[str]
    similar_note: str
    admissible: bool
    checked_on: date


@dataclass(frozen=True)
class ReviewView:
    id: str
    reviewer_id: str
    reviewer_name: str
    assigned_on: date
    due_on: date
    status: str
    status_label: str
    handback_reason: str
    feasible: bool | None
    savings_one_off_cents: int
    savings_annual_cents: int
    costs_cents: int
    recommendation: str
    statement: str
    submitted_on: date | None
    overdue: bool


@dataclass(frozen=True)
class DecisionView:
    id: str
    decision: str
    decision_label: str
    reasons: str
    decided_on: date
    participants: str
    recognition_cents: int


@dataclass(frozen=True)
class AwardShare:
    employee_id: str
    name: str
    share_bp: int
    cents: int


@dataclass(frozen=True)
class AwardView:
    kind: str
    total_cents: int
    lines: list[str]
    shares: list[AwardShare]
    rule_set_name: str
    # The calculator inputs as saved (AwardInputDTO fields), so a decided case shows what was entered.
    inputs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ImplementationView:
    responsible_unit_id: str | None
    responsible_unit_name: str
    planned_on: date | None
    actual_on: date | None
    status: str
    status_label: str
    actual_savings_cents: int
    reason: str


@dataclass(frozen=True)
class SuggestionCase:
    """The full case (coordinator; committee at decision time)."""

    id: str
    number: str
    number_provisional: bool
    code_word: str
    title: str
    current_state: str
    proposal: str
    benefit: str
    org_unit_id: str
    unit_name: str
    received_at: datetime
    status: str
    status_label: str
    acknowledged_on: date | None
    submitters: list[SubmitterView]
    attachments: list[AttachmentInfo]
    admissibility: AdmissibilityView | None
    reviews: list[ReviewView]
    decision: DecisionView | None
    award: AwardView | None
    implementation: ImplementationView | None


@dataclass(frozen=True)
class ReviewerCase:
    """What a reviewer sees: the suggestion without anybody's name or unit of a submitter."""

    review_id: str
    suggestion_id: str
    number: str
    code_word: str
    title: str
    current_state: str
    proposal: str
    benefit: str
    affected_unit_name: str
    received_on: date
    due_on: date
    status: str
    status_label: str
    feasible: bool | None
    savings_one_off_cents: int
    savings_annual_cents: int
    costs_cents: int
    recommendation: str
    statement: str
    overdue: bool


@dataclass(frozen=True)
class RuleSetView:
    id: str
    name: str
    valid_from: date
    valid_to: date | None
    rules: dict


@dataclass(frozen=True)
class AwardPreview:
    total_cents: int
    lines: list[str]
    shares: list[AwardShare]
    rule_set_name: str
    rule_set_id: str | None = None


@dataclass(frozen=True)
class StatsRow:
    year: int
    unit_id: str
    unit_name: str
    suggestions: int
    head_count: int
    per_100_staff: Decimal | None
    decided: int
    accepted: int
    acceptance_rate: Decimal | None  # percent, of decided (accepted + rejected)
    median_lead_days: Decimal | None
    savings_cents: int  # net first-year savings of accepted suggestions (award basis)
    actual_savings_cents: int  # reported by the implementation follow-up
    awards_cents: int
