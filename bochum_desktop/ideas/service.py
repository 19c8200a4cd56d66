"""IdeasService: the use cases of the suggestion scheme. One transaction per use case; roles enforced
here (see access.py); returns plain dataclasses (dto.py)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import validation as v
from ..core.clock import to_local
from ..core.errors import DomainError, NotFoundError, PermissionDenied, ValidationError
from ..reference.model import Employee, OrgUnit
from . import rules as r
from .access import COMMITTEE_STATES, Access, current_employee_id
from .attachments import DEFAULT_MAX_BYTES, check_attachment
from .dto import (
    AdmissibilityInfo,
    AdmissibilityInput,
    AwardInputDTO,
    AwardPreview,
    AwardShare,
    DecisionInput,
    ExclusionFinding,
    ImplementationInput,
    IntakeInput,
    ReviewerCase,
    SimilarSuggestion,
    StatementInput,
    SuggestionCase,
    SuggestionRow,
)
from .listing import ListingMixin
from .model import (
    DECISION_LABELS,
    IMPLEMENTATION_STATUS_LABELS,
    RECOMMENDATION_LABELS,
    STATUS_LABELS,
    IdeaAdmissibility,
    IdeaAttachment,
    IdeaAward,
    IdeaDecision,
    IdeaImplementation,
    IdeaReview,
    IdeaSubmitter,
    IdeaSuggestion,
)
from .numbers import allocate_number
from .queries import (
    build_case,
    build_reviewer_case,
    employee_name,
    find_similar,
    live,
    rule_set_for,
)
from .rulesets import RuleSetMixin
from .stats import StatsMixin

REVIEW_STATES = ("eingegangen", "bestaetigt", "begutachtung")


class IdeasService(RuleSetMixin, StatsMixin, ListingMixin):
    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self.clock = ctx.clock

    # ------------------------------------------------------------------------------------ helpers
    @property
    def access(self) -> Access:
        return Access.of(self.ctx)

    @property
    def settings(self) -> dict:
        return self.ctx.feature_settings("ideas")

    def _get(self, session: Session, model, obj_id: str, label: str):
        obj = session.get(model, obj_id)
        if obj is None or obj.deleted_at is not None:
            raise NotFoundError(f"{label} wurde nicht gefunden (vielleicht gelöscht).")
        return obj

    def _my_employee_id(self, session: Session) -> str | None:
        return current_employee_id(session, self.ctx)

    def excluded_employees(self, session: Session, org_unit_id: str | None) -> dict[str, str]:
        """employee_id -> German reason, from the settings (committee members, heads of the unit)."""
        s = self.settings
        out: dict[str, str] = {}
        if s.get("exclude_committee", True):
            for emp_id in s.get("committee_member_ids", []):
                out[emp_id] = "Mitglied der Kommission"
        if s.get("exclude_unit_heads", True) and org_unit_id:
            for emp_id in s.get("unit_heads", {}).get(org_unit_id, []):
                out.setdefault(emp_id, "Leitung der betroffenen Organisationseinheit")
        return out

    # ------------------------------------------------------------------------------------ intake
    def intake(self, data: IntakeInput) -> str:
        """Take in a suggestion with its submitters and attachments in one transaction; returns the id."""
        self.access.require_coordinator()
        errors: dict[str, str] = {}

        def check(fn):
            try:
                return fn()
            except ValidationError as exc:
                for k, msg in exc.errors.items():
                    errors.setdefault(k, msg)
                return None

        code_word = check(lambda: v.require_text(data.code_word, "code_word", "Kennwort", 100))
        title = check(lambda: v.require_text(data.title, "title", "Titel", 200))
        current = check(lambda: v.require_text(data.current_state, "current_state", "Ist-Zustand", 20000))
        proposal = check(lambda: v.require_text(data.proposal, "proposal", "Vorschlag (Soll)", 20000))
        benefit = check(lambda: v.optional_text(data.benefit, "benefit", "Nutzen", 20000)) or ""
        if not data.org_unit_id:
            errors.setdefault("org_unit_id", "Bitte die betroffene Organisationseinheit auswählen.")
        received_at = data.received_at or self.clock.now()
        if received_at.tzinfo is None:
            errors.setdefault("received_at", "Eingangszeitpunkt ohne Zeitzone.")
        elif received_at > self.clock.now() + timedelta(minutes=5):
            errors.setdefault("received_at", "„Eingegangen am“ darf nicht in der Zukunft liegen.")
        shares = check(lambda: self._shares(data))
        max_bytes = int(self.settings.get("max_attachment_bytes", DEFAULT_MAX_BYTES))
        media_types = [check(lambda a=a: check_attachment(a.filename, a.content, max_bytes))
                       for a in data.attachments]
        if errors:
            raise ValidationError(errors)
        with self.db.unit_of_work(note="Vorschlag aufgenommen") as session:
            unit = session.get(OrgUnit, data.org_unit_id)
            if unit is None or unit.deleted_at is not None:
                raise ValidationError({"org_unit_id": "Die betroffene Organisationseinheit gibt es nicht."})
            excluded = self.excluded_employees(session, data.org_unit_id)
            seen: set[str] = set()
            for sub in data.submitters:
                emp = session.get(Employee, sub.employee_id)
                if emp is None or emp.deleted_at is not None:
                    raise ValidationError({"submitters": "Eine Einreicherin / ein Einreicher ist nicht im "
                                                         "Beschäftigtenverzeichnis."})
                if sub.employee_id in seen:
                    raise ValidationError({"submitters": f"{employee_name(emp)} ist doppelt angegeben."})
                seen.add(sub.employee_id)
                if sub.employee_id in excluded:
                    raise ValidationError({"submitters": f"{employee_name(emp)} ist von der Teilnahme "
                                                         f"ausgeschlossen ({excluded[sub.employee_id]})."})
            shared = bool(self.ctx.settings.features.get("sync", {}).get("server_url"))
            number, prefix, seq, provisional = allocate_number(
                session, received_at, self.ctx.settings.desk_prefix, shared=shared)
            sug = IdeaSuggestion(
                number=number, number_prefix=prefix, seq=seq, number_provisional=provisional,
                year=to_local(received_at).year, code_word=code_word, title=title, current_state=current,
                proposal=proposal, benefit=benefit, org_unit_id=data.org_unit_id,
                received_at=received_at, status="eingegangen",
            )
            session.add(sug)
            session.flush()
            for pos, (sub, bp) in enumerate(zip(data.submitters, shares, strict=True)):
                session.add(IdeaSubmitter(suggestion_id=sug.id, employee_id=sub.employee_id,
                                          share_bp=bp, position=pos))
            for att, media in zip(data.attachments, media_types, strict=True):
                session.add(IdeaAttachment(suggestion_id=sug.id, filename=att.filename.strip(),
                                           media_type=media, size=len(att.content), content=att.content))
            return sug.id

    @staticmethod
    def _shares(data: IntakeInput) -> list[int]:
        if not data.submitters:
            raise ValidationError({"submitters": "Bitte mindestens eine Einreicherin oder einen Einreicher angeben."})
        given = [s.share_percent for s in data.submitters]
        if all(g is None or str(g).strip() == "" for g in given):
            return r.equal_shares(len(given))
        if any(g is None or str(g).strip() == "" for g in given):
            raise ValidationError({"submitters": "Bitte für alle Einreichenden einen Anteil angeben "
                                                 "(oder für keinen: dann gleiche Anteile)."})
        shares = [r.percent_to_bp(g, "submitters") for g in given]
        r.check_shares(shares, "submitters")
        return shares

    def add_attachment(self, suggestion_id: str, filename: str, content: bytes) -> str:
        self.access.require_coordinator()
        max_bytes = int(self.settings.get("max_attachment_bytes", DEFAULT_MAX_BYTES))
        media = check_attachment(filename, content, max_bytes)
        with self.db.unit_of_work(note="Anlage hinzugefügt") as session:
            self._get(session, IdeaSuggestion, suggestion_id, "Der Vorschlag")
            att = IdeaAttachment(suggestion_id=suggestion_id, filename=filename.strip(), media_type=media,
                                 size=len(content), content=content)
            session.add(att)
            session.flush()
            return att.id

    def attachment_content(self, attachment_id: str) -> tuple[str, bytes]:
        self.access.require_coordinator()
        with self.db.read() as session:
            att = self._get(session, IdeaAttachment, attachment_id, "Die Anlage")
            return att.filename, att.content or b""

    def acknowledge(self, suggestion_id: str, on: date | None = None) -> None:
        """Record that the acknowledgement of receipt was sent."""
        self.access.require_coordinator()
        with self.db.unit_of_work(note="Eingangsbestätigung") as session:
            sug = self._get(session, IdeaSuggestion, suggestion_id, "Der Vorschlag")
            sug.acknowledged_on = on or self.clock.today()
            if sug.status == "eingegangen":
                sug.status = "bestaetigt"

    # ------------------------------------------------------------------------------------ reading
    def list_suggestions(self, text: str = "", year: int | None = None,
                         status: str | None = None) -> list[SuggestionRow]:
        """Coordinator: all; committee: those at decision time; reviewer: own assignments, pseudonymised."""
        acc = self.access
        acc.require_any()
        from .queries import list_rows

        with self.db.read() as session:
            me = None if acc.coordinator or acc.committee else self._my_employee_id(session)
            return list_rows(session, acc, me, text, year, status)

    def get_case(self, suggestion_id: str) -> SuggestionCase:
        acc = self.access
        if not acc.full_view:
            raise PermissionDenied("Gutachter*innen sehen Vorschläge nur pseudonymisiert.")
        with self.db.read() as session:
            sug = self._get(session, IdeaSuggestion, suggestion_id, "Der Vorschlag")
            if not acc.coordinator and sug.status not in COMMITTEE_STATES:
                raise PermissionDenied("Die Kommission sieht den vollständigen Vorgang nur zur Entscheidung.")
            return build_case(session, sug, self.clock.today())

    def my_reviews(self) -> list[ReviewerCase]:
        """The pseudonymised cases assigned to the current user as reviewer."""
        self.access.require_any()
        with self.db.read() as session:
            me = self._my_employee_id(session)
            if me is None:
                return []
            reviews = session.scalars(live(select(IdeaReview), IdeaReview).where(
                IdeaReview.reviewer_id == me).order_by(IdeaReview.due_on)).all()
            return [build_reviewer_case(session, rv, self.clock.today()) for rv in reviews]

    def reviewer_case(self, review_id: str) -> ReviewerCase:
        acc = self.access
        acc.require_any()
        with self.db.read() as session:
            rv = self._get(session, IdeaReview, review_id, "Die Begutachtung")
            if not acc.coordinator and rv.reviewer_id != self._my_employee_id(session):
                raise PermissionDenied("Diese Begutachtung ist Ihnen nicht zugewiesen.")
            return build_reviewer_case(session, rv, self.clock.today())

    # ------------------------------------------------------------------------------------ admissibility
    def admissibility_info(self, suggestion_id: str) -> AdmissibilityInfo:
        self.access.require_coordinator()
        from .queries import admissibility_view

        with self.db.read() as session:
            sug = self._get(session, IdeaSuggestion, suggestion_id, "Der Vorschlag")
            similar = [
                SimilarSuggestion(id=o.id, number=o.number, title=o.title, received_at=o.received_at,
                                  status_label=STATUS_LABELS.get(o.status, o.status),
                                  earlier=o.received_at < sug.received_at)
                for o in find_similar(session, sug)
            ]
            excluded = self.excluded_employees(session, sug.org_unit_id)
            findings = []
            for sub in session.scalars(live(select(IdeaSubmitter), IdeaSubmitter).where(
                    IdeaSubmitter.suggestion_id == sug.id)):
                if sub.employee_id in excluded:
                    emp = session.get(Employee, sub.employee_id)
                    findings.append(ExclusionFinding(sub.employee_id, employee_name(emp), excluded[sub.employee_id]))
            rec = session.scalars(live(select(IdeaAdmissibility), IdeaAdmissibility).where(
                IdeaAdmissibility.suggestion_id == sug.id).order_by(IdeaAdmissibility.created_at.desc())).first()
            return AdmissibilityInfo(suggestion_id=sug.id, similar=similar, exclusions=findings,
                                     record=admissibility_view(rec) if rec else None)

    def record_admissibility(self, suggestion_id: str, data: AdmissibilityInput) -> None:
        self.access.require_coordinator()
        if data.own_job_duty and not (data.own_job_reason or "").strip():
            raise ValidationError({"own_job_reason": "Bitte begründen, warum der Vorschlag zur eigenen "
                                                     "Dienstaufgabe gehört."})
        with self.db.unit_of_work(note="Zulässigkeit geprüft") as session:
            sug = self._get(session, IdeaSuggestion, suggestion_id, "Der Vorschlag")
            rec = session.scalars(live(select(IdeaAdmissibility), IdeaAdmissibility).where(
                IdeaAdmissibility.suggestion_id == sug.id)).first()
            if rec is None:
                rec = IdeaAdmissibility(suggestion_id=sug.id)
                session.add(rec)
            rec.own_job_duty = data.own_job_duty
            rec.own_job_reason = (data.own_job_reason or "").strip()
            rec.excluded_checked = data.excluded_checked
            rec.excluded_note = (data.excluded_note or "").strip()
            rec.similar_ids = list(data.similar_ids)
            rec.similar_note = (data.similar_note or "").strip()
            rec.admissible = data.admissible and not data.own_job_duty
            rec.checked_on = self.clock.today()

    # ------------------------------------------------------------------------------------ review
    def assign_reviewers(self, suggestion_id: str, reviewer_ids: list[str], due_on: date | None = None) -> list[str]:
        self.access.require_coordinator()
        if not reviewer_ids:
            raise ValidationError({"reviewers": "Bitte mindestens eine Gutachterin / einen Gutachter auswählen."})
        due = due_on or add_month(self.clock.today())
        if due < self.clock.today():
            raise ValidationError({"due_on": "„Fällig am“ darf nicht in der Vergangenheit liegen."})
        with self.db.unit_of_work(note="Begutachtung zugewiesen") as session:
            sug = self._get(session, IdeaSuggestion, suggestion_id, "Der Vorschlag")
            if sug.status not in REVIEW_STATES + ("kommission",):
                raise DomainError(f"Im Status „{STATUS_LABELS[sug.status]}“ kann nicht begutachtet werden.", "status")
            adm = session.scalars(live(select(IdeaAdmissibility), IdeaAdmissibility).where(
                IdeaAdmissibility.suggestion_id == sug.id)).first()
            if adm is not None and not adm.admissible:
                raise DomainError("Der Vorschlag wurde als nicht zulässig geprüft.", "admissibility")
            submitters = set(session.scalars(live(select(IdeaSubmitter.employee_id), IdeaSubmitter).where(
                IdeaSubmitter.suggestion_id == sug.id)))
            ids = []
            for emp_id in dict.fromkeys(reviewer_ids):
                emp = session.get(Employee, emp_id)
                if emp is None or emp.deleted_at is not None or not emp.active:
                    raise ValidationError({"reviewers": "Die Gutachterin / der Gutachter ist nicht (mehr) aktiv."})
                if emp.org_unit_id != sug.org_unit_id:
                    raise ValidationError({"reviewers": f"{employee_name(emp)} gehört nicht zur betroffenen "
                                                        "Organisationseinheit."})
                if emp_id in submitters:
                    raise ValidationError({"reviewers": f"{employee_name(emp)} hat den Vorschlag selbst eingereicht."})
                rv = IdeaReview(suggestion_id=sug.id, reviewer_id=emp_id, assigned_on=self.clock.today(),
                                due_on=due, status="offen")
                session.add(rv)
                session.flush()
                ids.append(rv.id)
            sug.status = "begutachtung"
            return ids

    def _own_review(self, session: Session, review_id: str) -> IdeaReview:
        rv = self._get(session, IdeaReview, review_id, "Die Begutachtung")
        if not self.access.coordinator and rv.reviewer_id != self._my_employee_id(session):
            raise PermissionDenied("Diese Begutachtung ist Ihnen nicht zugewiesen.")
        if rv.status != "offen":
            raise DomainError("Diese Begutachtung ist bereits abgeschlossen.", "status")
        return rv

    def submit_statement(self, review_id: str, data: StatementInput) -> None:
        self.access.require_any()
        errors = {}
        for name, label in (("savings_one_off_cents", "Einmalige Einsparung"),
                            ("savings_annual_cents", "Jährliche Einsparung"), ("costs_cents", "Kosten")):
            if getattr(data, name) < 0:
                errors[name] = f"„{label}“ darf nicht negativ sein."
        if data.recommendation not in RECOMMENDATION_LABELS:
            errors["recommendation"] = "Bitte eine Empfehlung auswählen."
        if not (data.statement or "").strip():
            errors["statement"] = "Bitte die Stellungnahme begründen."
        if errors:
            raise ValidationError(errors)
        with self.db.unit_of_work(note="Stellungnahme abgegeben") as session:
            rv = self._own_review(session, review_id)
            rv.feasible = data.feasible
            rv.savings_one_off_cents = data.savings_one_off_cents
            rv.savings_annual_cents = data.savings_annual_cents
            rv.costs_cents = data.costs_cents
            rv.recommendation = data.recommendation
            rv.statement = data.statement.strip()
            rv.status = "abgegeben"
            rv.submitted_on = self.clock.today()
            session.flush()
            # Only a desk that sees every review of the case may conclude "all statements are in": a
            # reviewer's synced desk holds just their own review. Elsewhere the coordinator gets a due item.
            if self.access.coordinator:
                self._forward_if_complete(session, rv.suggestion_id)

    def hand_back(self, review_id: str, reason: str) -> None:
        self.access.require_any()
        reason = v.require_text(reason, "handback_reason", "Grund der Rückgabe", 2000)
        with self.db.unit_of_work(note="Begutachtung zurückgegeben") as session:
            rv = self._own_review(session, review_id)
            rv.status = "zurueckgegeben"
            rv.handback_reason = reason

    def _forward_if_complete(self, session: Session, suggestion_id: str) -> None:
        sug = session.get(IdeaSuggestion, suggestion_id)
        states = list(session.scalars(live(select(IdeaReview.status), IdeaReview).where(
            IdeaReview.suggestion_id == suggestion_id)))
        if sug.status == "begutachtung" and "offen" not in states and "abgegeben" in states:
            sug.status = "kommission"

    def forward_to_committee(self, suggestion_id: str) -> None:
        self.access.require_coordinator()
        with self.db.unit_of_work(note="An Kommission") as session:
            sug = self._get(session, IdeaSuggestion, suggestion_id, "Der Vorschlag")
            if sug.status not in REVIEW_STATES:
                raise DomainError(f"Im Status „{STATUS_LABELS[sug.status]}“ nicht möglich.", "status")
            sug.status = "kommission"

    # ------------------------------------------------------------------------------------ decision
    def preview_award(self, suggestion_id: str, decided_on: date, award: AwardInputDTO) -> AwardPreview:
        self.access.require_decider()
        with self.db.read() as session:
            return self._calculate(session, suggestion_id, decided_on, award)

    def _calculate(self, session: Session, suggestion_id: str, decided_on: date, award: AwardInputDTO) -> AwardPreview:
        subs = list(session.scalars(live(select(IdeaSubmitter), IdeaSubmitter).where(
            IdeaSubmitter.suggestion_id == suggestion_id).order_by(IdeaSubmitter.position)))
        if award.kind == "none":
            result = r.calculate_award(r.AwardRules(), r.AwardInput(kind="none"))
            rs_name, rs_id = "", None
        else:
            rs = rule_set_for(session, decided_on)
            if rs is None:
                raise DomainError(f"Für den {decided_on.strftime('%d.%m.%Y')} gibt es kein gültiges "
                                  "Prämienregelwerk (Einstellungen).", "decided_on")
            rules = r.AwardRules.from_dict(rs.rules)
            result = r.calculate_award(rules, r.AwardInput(**vars(award)))
            rs_name, rs_id = rs.name, rs.id
        names = [employee_name(session.get(Employee, s.employee_id)) for s in subs]
        parts, split = r.split_lines(result.total_cents, names, [s.share_bp for s in subs])
        shares = [AwardShare(s.employee_id, n, s.share_bp, c) for s, n, c in zip(subs, names, parts, strict=True)]
        return AwardPreview(total_cents=result.total_cents, lines=result.lines + split, shares=shares,
                            rule_set_name=rs_name, rule_set_id=rs_id)

    def decide(self, suggestion_id: str, data: DecisionInput) -> str:
        """Record the committee's decision and the award calculation in one transaction."""
        self.access.require_decider()
        decision = v.one_of(data.decision, DECISION_LABELS, "decision", "Entscheidung")
        reasons = (data.reasons or "").strip()
        if decision == "abgelehnt" and not reasons:
            raise ValidationError({"reasons": "Bitte die Ablehnung schriftlich begründen."})
        if decision == "angenommen" and data.award.kind == "recognition":
            raise ValidationError({"award": "Eine Anerkennungsprämie gibt es nur bei Ablehnung."})
        if decision == "abgelehnt" and data.award.kind not in ("none", "recognition"):
            raise ValidationError({"award": "Bei Ablehnung ist nur eine Anerkennungsprämie möglich."})
        if decision == "zurueckgestellt" and data.award.kind != "none":
            raise ValidationError({"award": "Bei Zurückstellung wird keine Prämie festgesetzt."})
        decided_on = data.decided_on or self.clock.today()
        if decided_on > self.clock.today():
            raise ValidationError({"decided_on": "„Entschieden am“ darf nicht in der Zukunft liegen."})
        with self.db.unit_of_work(note="Kommissionsentscheidung") as session:
            sug = self._get(session, IdeaSuggestion, suggestion_id, "Der Vorschlag")
            if sug.status not in ("begutachtung", "kommission", "zurueckgestellt"):
                raise DomainError(f"Im Status „{STATUS_LABELS[sug.status]}“ kann nicht entschieden werden.", "status")
            if decided_on < to_local(sug.received_at).date():  # the day of receipt in Bochum, not in UTC
                raise ValidationError({"decided_on": "„Entschieden am“ liegt vor dem Eingang des Vorschlags."})
            preview = self._calculate(session, suggestion_id, decided_on, data.award)
            dec = IdeaDecision(suggestion_id=sug.id, decision=decision, reasons=reasons, decided_on=decided_on,
                               participants=(data.participants or "").strip(),
                               recognition_cents=data.award.recognition_cents if data.award.kind == "recognition" else 0)
            session.add(dec)
            session.flush()
            if decision != "zurueckgestellt":
                session.add(IdeaAward(
                    suggestion_id=sug.id, decision_id=dec.id, rule_set_id=preview.rule_set_id,
                    kind=data.award.kind, inputs=dict(vars(data.award)), total_cents=preview.total_cents,
                    lines=preview.lines,
                    shares=[{"employee_id": s.employee_id, "share_bp": s.share_bp, "cents": s.cents}
                            for s in preview.shares],
                ))
            sug.status = decision
            sug.decided_on = decided_on
            return dec.id

    # ------------------------------------------------------------------------------------ implementation
    def save_implementation(self, suggestion_id: str, data: ImplementationInput) -> None:
        self.access.require_coordinator()
        status = v.one_of(data.status, IMPLEMENTATION_STATUS_LABELS, "status", "Umsetzungsstand")
        errors = {}
        if data.actual_savings_cents < 0:
            errors["actual_savings_cents"] = "„Tatsächliche Einsparung“ darf nicht negativ sein."
        if status == "nicht_umgesetzt" and not (data.reason or "").strip():
            errors["reason"] = "Bitte begründen, warum der Vorschlag nicht umgesetzt wird."
        if status == "umgesetzt" and data.actual_on is None:
            errors["actual_on"] = "Bitte das Datum der Umsetzung angeben."
        if data.actual_on and data.actual_on > self.clock.today():
            errors["actual_on"] = "„Umgesetzt am“ darf nicht in der Zukunft liegen."
        if status in ("geplant", "in_umsetzung") and data.planned_on is None:
            errors["planned_on"] = "Bitte den geplanten Termin der Umsetzung angeben."
        if errors:
            raise ValidationError(errors)
        with self.db.unit_of_work(note="Umsetzung") as session:
            sug = self._get(session, IdeaSuggestion, suggestion_id, "Der Vorschlag")
            if sug.status not in ("angenommen", "umgesetzt", "nicht_umgesetzt"):
                raise DomainError("Nur angenommene Vorschläge werden umgesetzt.", "status")
            if data.responsible_unit_id and session.get(OrgUnit, data.responsible_unit_id) is None:
                raise ValidationError({"responsible_unit_id": "Die zuständige Organisationseinheit gibt es nicht."})
            imp = session.scalars(live(select(IdeaImplementation), IdeaImplementation).where(
                IdeaImplementation.suggestion_id == sug.id)).first()
            if imp is None:
                imp = IdeaImplementation(suggestion_id=sug.id)
                session.add(imp)
            imp.responsible_unit_id = data.responsible_unit_id
            imp.planned_on = data.planned_on
            imp.actual_on = data.actual_on
            imp.status = status
            imp.actual_savings_cents = data.actual_savings_cents
            imp.reason = (data.reason or "").strip()
            sug.status = status if status in ("umgesetzt", "nicht_umgesetzt") else "angenommen"


def add_month(day: date) -> date:
    """Same day next month (clamped to the month's end): the default due date of a statement."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError

