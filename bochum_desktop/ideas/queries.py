"""Read helpers of the ideas service: ORM rows -> dataclasses. The reviewer case is built from the
suggestion and the review only; it never touches idea_submitter, so no name can slip into it."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session

from ..db import search
from ..reference.model import Employee, OrgUnit
from .access import COMMITTEE_STATES, Access
from .dto import (
    AdmissibilityView,
    AttachmentInfo,
    AwardShare,
    AwardView,
    DecisionView,
    ImplementationView,
    ReviewerCase,
    ReviewView,
    SubmitterView,
    SuggestionCase,
    SuggestionRow,
)
from .model import (
    DECISION_LABELS,
    IMPLEMENTATION_STATUS_LABELS,
    REVIEW_STATUS_LABELS,
    STATUS_LABELS,
    IdeaAdmissibility,
    IdeaAttachment,
    IdeaAward,
    IdeaAwardRuleSet,
    IdeaDecision,
    IdeaImplementation,
    IdeaReview,
    IdeaSubmitter,
    IdeaSuggestion,
)
from .numbers import display_number


def live(query: Select, model) -> Select:
    return query.where(model.deleted_at.is_(None))


def employee_name(emp: Employee | None) -> str:
    if emp is None:
        return "(unbekannt)"
    return f"{emp.first_name} {emp.last_name}".strip()


def unit_name(unit: OrgUnit | None) -> str:
    if unit is None:
        return ""
    return f"{unit.code} – {unit.name}"


def _submitter_names(session: Session, suggestion_ids: list[str]) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    if not suggestion_ids:
        return {}
    rows = session.execute(
        select(IdeaSubmitter.suggestion_id, Employee.first_name, Employee.last_name)
        .join(Employee, Employee.id == IdeaSubmitter.employee_id)
        .where(IdeaSubmitter.suggestion_id.in_(suggestion_ids), IdeaSubmitter.deleted_at.is_(None))
        .order_by(IdeaSubmitter.position)
    )
    for sid, first, last in rows:
        out.setdefault(sid, []).append(f"{first} {last}")
    return {k: ", ".join(v) for k, v in out.items()}


def list_rows(session: Session, acc: Access, me: str | None, user_text: str, year: int | None,
              status: str | None) -> list[SuggestionRow]:
    q = live(select(IdeaSuggestion, OrgUnit), IdeaSuggestion).join(OrgUnit, OrgUnit.id == IdeaSuggestion.org_unit_id)
    if not acc.coordinator:
        if acc.committee:
            q = q.where(IdeaSuggestion.status.in_(COMMITTEE_STATES))
        elif me is None:
            return []
        else:
            assigned = select(IdeaReview.suggestion_id).where(IdeaReview.reviewer_id == me,
                                                              IdeaReview.deleted_at.is_(None))
            q = q.where(IdeaSuggestion.id.in_(assigned))
    if year:
        q = q.where(IdeaSuggestion.year == year)
    if status:
        q = q.where(IdeaSuggestion.status == status)
    if user_text:
        q = search.filter_ids(q, IdeaSuggestion.id, IdeaSuggestion.__tablename__, user_text)
    rows = session.execute(q.order_by(IdeaSuggestion.received_at.desc())).all()
    names = _submitter_names(session, [s.id for s, _u in rows]) if acc.full_view else {}
    return [
        SuggestionRow(
            id=s.id, number=display_number(s.number, s.number_provisional), code_word=s.code_word, title=s.title,
            status=s.status, status_label=STATUS_LABELS.get(s.status, s.status), unit_name=unit_name(u),
            received_at=s.received_at, submitters=names.get(s.id, ""),
        )
        for s, u in rows
    ]


def find_similar(session: Session, sug: IdeaSuggestion, limit: int = 10) -> list[IdeaSuggestion]:
    """Earlier (and later) suggestions sharing significant words, best match first (FTS5 bm25)."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    words = {w for w in re.findall(r"\w+", f"{sug.code_word} {sug.title} {sug.proposal}") if len(w) >= 4}
    words = sorted(words, key=lambda w: (-len(w), w))[:20]
    if not words:
        return []
    query = " OR ".join(f'"{search.normalise(w)}"*' for w in words)
    table = search.fts_table(IdeaSuggestion.__tablename__)
    ids = [row[0] for row in session.execute(
        text(f"SELECT row_id FROM {table} WHERE {table} MATCH :q AND row_id != :me ORDER BY bm25({table}) LIMIT :n"),
        {"q": query, "me": sug.id, "n": limit * 3},
    )]
    found = {s.id: s for s in session.scalars(live(select(IdeaSuggestion), IdeaSuggestion)
                                              .where(IdeaSuggestion.id.in_(ids)))}
    result = [found[i] for i in ids if i in found][:limit]
    # The first received counts: show in order of receipt.
    return sorted(result, key=lambda s: s.received_at)


def rule_set_for(session: Session, day: date) -> IdeaAwardRuleSet | None:
    q = live(select(IdeaAwardRuleSet), IdeaAwardRuleSet).where(IdeaAwardRuleSet.valid_from <= day)
    for rs in session.scalars(q.order_by(IdeaAwardRuleSet.valid_from.desc())):
        if rs.valid_to is None or rs.valid_to >= day:
            return rs
    return None


def admissibility_view(rec: IdeaAdmissibility) -> AdmissibilityView:
    return AdmissibilityView(
        own_job_duty=rec.own_job_duty, own_job_reason=rec.own_job_reason, excluded_checked=rec.excluded_checked,
        excluded_note=rec.excluded_note, similar_ids=list(rec.similar_ids or []), similar_note=rec.similar_note,
        admissible=rec.admissible, checked_on=rec.checked_on,
    )


def review_view(session: Session, rv: IdeaReview, today: date) -> ReviewView:
    return ReviewView(
        id=rv.id, reviewer_id=rv.reviewer_id, reviewer_name=employee_name(session.get(Employee, rv.reviewer_id)),
        assigned_on=rv.assigned_on, due_on=rv.due_on, status=rv.status,
        status_label=REVIEW_STATUS_LABELS.get(rv.status, rv.status), handback_reason=rv.handback_reason,
        feasible=rv.feasible, savings_one_off_cents=rv.savings_one_off_cents,
        savings_annual_cents=rv.savings_annual_cents, costs_cents=rv.costs_cents,
        recommendation=rv.recommendation, statement=rv.statement, submitted_on=rv.submitted_on,
        overdue=rv.status == "offen" and rv.due_on < today,
    )


def _first(session: Session, query: Select):
    return session.scalars(query).first()


def build_case(session: Session, sug: IdeaSuggestion, today: date) -> SuggestionCase:
    subs = session.scalars(live(select(IdeaSubmitter), IdeaSubmitter).where(
        IdeaSubmitter.suggestion_id == sug.id).order_by(IdeaSubmitter.position)).all()
    submitters = []
    for s in subs:
        emp = session.get(Employee, s.employee_id)
        submitters.append(SubmitterView(
            employee_id=s.employee_id, name=employee_name(emp), personnel_number=emp.personnel_number if emp else "",
            unit_name=unit_name(session.get(OrgUnit, emp.org_unit_id)) if emp and emp.org_unit_id else "",
            share_bp=s.share_bp))
    attachments = [AttachmentInfo(a.id, a.filename, a.media_type, a.size) for a in session.scalars(
        live(select(IdeaAttachment), IdeaAttachment).where(IdeaAttachment.suggestion_id == sug.id)
        .order_by(IdeaAttachment.created_at))]
    adm = _first(session, live(select(IdeaAdmissibility), IdeaAdmissibility).where(
        IdeaAdmissibility.suggestion_id == sug.id))
    reviews = [review_view(session, rv, today) for rv in session.scalars(
        live(select(IdeaReview), IdeaReview).where(IdeaReview.suggestion_id == sug.id).order_by(IdeaReview.assigned_on))]
    dec = _first(session, live(select(IdeaDecision), IdeaDecision).where(IdeaDecision.suggestion_id == sug.id)
                 .order_by(IdeaDecision.decided_on.desc(), IdeaDecision.created_at.desc()))
    decision = award = None
    if dec is not None:
        decision = DecisionView(dec.id, dec.decision, DECISION_LABELS.get(dec.decision, dec.decision), dec.reasons,
                                dec.decided_on, dec.participants, dec.recognition_cents)
        aw = _first(session, live(select(IdeaAward), IdeaAward).where(IdeaAward.decision_id == dec.id))
        if aw is not None:
            rs = session.get(IdeaAwardRuleSet, aw.rule_set_id) if aw.rule_set_id else None
            shares = [AwardShare(s["employee_id"], employee_name(session.get(Employee, s["employee_id"])),
                                 s["share_bp"], s["cents"]) for s in aw.shares or []]
            award = AwardView(aw.kind, aw.total_cents, list(aw.lines or []), shares, rs.name if rs else "",
                              dict(aw.inputs or {}))
    imp = _first(session, live(select(IdeaImplementation), IdeaImplementation).where(
        IdeaImplementation.suggestion_id == sug.id))
    implementation = None
    if imp is not None:
        implementation = ImplementationView(
            imp.responsible_unit_id,
            unit_name(session.get(OrgUnit, imp.responsible_unit_id)) if imp.responsible_unit_id else "",
            imp.planned_on, imp.actual_on, imp.status, IMPLEMENTATION_STATUS_LABELS.get(imp.status, imp.status),
            imp.actual_savings_cents, imp.reason)
    return SuggestionCase(
        id=sug.id, number=sug.number, number_provisional=sug.number_provisional, code_word=sug.code_word,
        title=sug.title, current_state=sug.current_state, proposal=sug.proposal, benefit=sug.benefit,
        org_unit_id=sug.org_unit_id, unit_name=unit_name(session.get(OrgUnit, sug.org_unit_id)),
        received_at=sug.received_at, status=sug.status, status_label=STATUS_LABELS.get(sug.status, sug.status),
        acknowledged_on=sug.acknowledged_on, submitters=submitters, attachments=attachments,
        admissibility=admissibility_view(adm) if adm else None, reviews=reviews, decision=decision,
        award=award, implementation=implementation,
    )


def build_reviewer_case(session: Session, rv: IdeaReview, today: date) -> ReviewerCase:
    sug = session.get(IdeaSuggestion, rv.suggestion_id)
    from ..core.clock import to_local

    return ReviewerCase(
        review_id=rv.id, suggestion_id=sug.id, number=display_number(sug.number, sug.number_provisional),
        code_word=sug.code_word, title=sug.title, current_state=sug.current_state, proposal=sug.proposal,
        benefit=sug.benefit, affected_unit_name=unit_name(session.get(OrgUnit, sug.org_unit_id)),
        received_on=to_local(sug.received_at).date(), due_on=rv.due_on, status=rv.status,
        status_label=REVIEW_STATUS_LABELS.get(rv.status, rv.status), feasible=rv.feasible,
        savings_one_off_cents=rv.savings_one_off_cents, savings_annual_cents=rv.savings_annual_cents,
        costs_cents=rv.costs_cents, recommendation=rv.recommendation, statement=rv.statement,
        overdue=rv.status == "offen" and rv.due_on < today,
    )
