"""Tables of the Ideenmanagement (staff suggestion scheme). All carry the sync columns.

Submitter identity lives only in `idea_submitter` (and the award shares); the suggestion row itself holds no
names, so a pseudonymised reviewer view is built from the suggestion without joining submitters.
Money is integer cents, shares are basis points (10000 = 100 %), rates are basis points of the amount.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db.base import PERSONAL, Base, SyncMixin

# Workflow states (German keys, as the users say them; labels in STATUS_LABELS).
STATUS_LABELS = {
    "eingegangen": "Eingegangen",
    "bestaetigt": "Eingang bestätigt",
    "begutachtung": "Begutachtung",
    "kommission": "Kommission",
    "angenommen": "Angenommen",
    "abgelehnt": "Abgelehnt",
    "zurueckgestellt": "Zurückgestellt",
    "umgesetzt": "Umgesetzt",
    "nicht_umgesetzt": "Nicht umgesetzt",
}

DECISION_LABELS = {"angenommen": "Angenommen", "abgelehnt": "Abgelehnt", "zurueckgestellt": "Zurückgestellt"}

REVIEW_STATUS_LABELS = {"offen": "Offen", "abgegeben": "Abgegeben", "zurueckgegeben": "Zurückgegeben"}

RECOMMENDATION_LABELS = {
    "annehmen": "Annehmen",
    "ablehnen": "Ablehnen",
    "zurueckstellen": "Zurückstellen",
}

IMPLEMENTATION_STATUS_LABELS = {
    "geplant": "Geplant",
    "in_umsetzung": "In Umsetzung",
    "umgesetzt": "Umgesetzt",
    "nicht_umgesetzt": "Nicht umgesetzt",
}


class IdeaSuggestion(SyncMixin, Base):
    """One suggestion (Verbesserungsvorschlag)."""

    __tablename__ = "idea_suggestion"
    __search_fields__ = ("number", "code_word", "title", "current_state", "proposal")
    __table_args__ = (Index("ix_idea_suggestion_year_seq", "year", "number_prefix", "seq"),)

    # Human-readable number, e.g. "VV-2026-0042" (desk prefix "B": "VV-2026-B0042").
    number: Mapped[str] = mapped_column(String(40), index=True)
    # True while the number is a local provisional one (desk without prefix), replaced at first sync.
    number_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    number_prefix: Mapped[str] = mapped_column(String(10), default="")
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    code_word: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    current_state: Mapped[str] = mapped_column(Text)  # Ist
    proposal: Mapped[str] = mapped_column(Text)  # Soll
    benefit: Mapped[str] = mapped_column(Text, default="")  # Nutzen
    org_unit_id: Mapped[str] = mapped_column(ForeignKey("org_unit.id"), index=True)
    received_at: Mapped[datetime] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="eingegangen", index=True)
    acknowledged_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class IdeaSubmitter(SyncMixin, Base):
    """An Einreicher*in of a suggestion with a share in basis points (10000 = 100 %)."""

    __tablename__ = "idea_submitter"

    suggestion_id: Mapped[str] = mapped_column(ForeignKey("idea_suggestion.id"), index=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employee.id"), index=True)
    share_bp: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class IdeaAttachment(SyncMixin, Base):
    """A file stored in the data file (so it syncs and is backed up with everything else)."""

    __tablename__ = "idea_attachment"

    suggestion_id: Mapped[str] = mapped_column(ForeignKey("idea_suggestion.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    # Attachments may name people (scans of handwritten suggestions).
    content: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, info=PERSONAL)


class IdeaAdmissibility(SyncMixin, Base):
    """The coordinator's admissibility check before review (one current record per suggestion)."""

    __tablename__ = "idea_admissibility"

    suggestion_id: Mapped[str] = mapped_column(ForeignKey("idea_suggestion.id"), index=True)
    own_job_duty: Mapped[bool] = mapped_column(Boolean, default=False)
    own_job_reason: Mapped[str] = mapped_column(Text, default="")
    excluded_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    excluded_note: Mapped[str] = mapped_column(Text, default="")
    similar_ids: Mapped[list] = mapped_column(default=list)
    similar_note: Mapped[str] = mapped_column(Text, default="")
    admissible: Mapped[bool] = mapped_column(Boolean, default=True)
    checked_on: Mapped[date] = mapped_column(Date)


class IdeaReview(SyncMixin, Base):
    """A review assignment and, once written, the reviewer's statement (Stellungnahme)."""

    __tablename__ = "idea_review"

    suggestion_id: Mapped[str] = mapped_column(ForeignKey("idea_suggestion.id"), index=True)
    reviewer_id: Mapped[str] = mapped_column(ForeignKey("employee.id"), index=True)
    assigned_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="offen")
    handback_reason: Mapped[str] = mapped_column(Text, default="")
    # Statement
    feasible: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    savings_one_off_cents: Mapped[int] = mapped_column(Integer, default=0)
    savings_annual_cents: Mapped[int] = mapped_column(Integer, default=0)
    costs_cents: Mapped[int] = mapped_column(Integer, default=0)
    recommendation: Mapped[str] = mapped_column(String(20), default="")
    statement: Mapped[str] = mapped_column(Text, default="")
    submitted_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class IdeaAwardRuleSet(SyncMixin, Base):
    """A versioned award rule set; validity periods must not overlap (checked in the service)."""

    __tablename__ = "idea_award_rule_set"

    name: Mapped[str] = mapped_column(String(100))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The rules as a JSON object (see rules.AwardRules.from_dict): rates in basis points, amounts in cents,
    # points table with Decimal factors as strings.
    rules: Mapped[dict] = mapped_column(default=dict)


class IdeaDecision(SyncMixin, Base):
    """The committee's decision, with the inputs of the award calculation."""

    __tablename__ = "idea_decision"

    suggestion_id: Mapped[str] = mapped_column(ForeignKey("idea_suggestion.id"), index=True)
    decision: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date] = mapped_column(Date)
    participants: Mapped[str] = mapped_column(Text, default="", info=PERSONAL)
    recognition_cents: Mapped[int] = mapped_column(Integer, default=0)


class IdeaAward(SyncMixin, Base):
    """The award calculation result for a decision: total, the rule set used, the explanation lines and
    the split among the submitters (list of {employee_id, share_bp, cents})."""

    __tablename__ = "idea_award"

    suggestion_id: Mapped[str] = mapped_column(ForeignKey("idea_suggestion.id"), index=True)
    decision_id: Mapped[str] = mapped_column(ForeignKey("idea_decision.id"), index=True)
    rule_set_id: Mapped[str | None] = mapped_column(ForeignKey("idea_award_rule_set.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(20))  # savings | points | recognition | none
    inputs: Mapped[dict] = mapped_column(default=dict)
    total_cents: Mapped[int] = mapped_column(Integer, default=0)
    lines: Mapped[list] = mapped_column(default=list)
    shares: Mapped[list] = mapped_column(default=list, info=PERSONAL)


class IdeaImplementation(SyncMixin, Base):
    """Follow-up of an accepted suggestion's implementation."""

    __tablename__ = "idea_implementation"

    suggestion_id: Mapped[str] = mapped_column(ForeignKey("idea_suggestion.id"), index=True)
    responsible_unit_id: Mapped[str | None] = mapped_column(ForeignKey("org_unit.id"), nullable=True)
    planned_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    actual_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="geplant")
    actual_savings_cents: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(Text, default="")
