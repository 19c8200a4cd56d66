"""The suggestion workflow through the service: intake, checks, review, decision, award, follow-up."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from bochum_desktop.core.errors import DomainError, PermissionDenied, ValidationError
from bochum_desktop.db.journal import OutboxEntry
from bochum_desktop.ideas.dto import (
    AdmissibilityInput,
    AttachmentIn,
    AwardInputDTO,
    DecisionInput,
    ImplementationInput,
    RuleSetInput,
    StatementInput,
    SubmitterIn,
)
from bochum_desktop.ideas.model import IdeaAttachment, IdeaSubmitter, IdeaSuggestion
from bochum_desktop.ideas.service import IdeasService


def _count(db, model):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def _to_committee(coordinator, reviewer, register, sid, one_off=0, annual=500_000):
    (rid,) = coordinator.assign_reviewers(sid, [register.gutachter.id])
    reviewer.submit_statement(rid, StatementInput(feasible=True, savings_one_off_cents=one_off,
                                                  savings_annual_cents=annual, recommendation="annehmen",
                                                  statement="Gut umsetzbar."))
    coordinator.forward_to_committee(sid)
    return rid


def test_intake_allocates_number_with_desk_prefix_and_equal_shares(coordinator, register, intake):
    first = intake(coordinator, register)
    second = intake(coordinator, register, title="Zweiter Vorschlag")
    a, b = coordinator.get_case(first), coordinator.get_case(second)
    assert (a.number, b.number) == ("VV-2026-B0001", "VV-2026-B0002")
    assert not a.number_provisional and a.status == "eingegangen"
    assert [(s.name, s.share_bp) for s in a.submitters] == [("Anna Müller", 5000), ("Bernd Özdemir", 5000)]
    assert a.received_at == datetime(2026, 11, 26, 8, 30, tzinfo=UTC)


def test_a_lone_desk_needs_no_prefix_a_sharing_desk_must_set_one(ctx, coordinator, register, intake):
    ctx.settings.desk_prefix = ""
    sid = intake(coordinator, register)
    case = coordinator.get_case(sid)
    assert case.number == "VV-2026-0001" and not case.number_provisional
    ctx.settings.features["sync"] = {"server_url": "https://sync.bochum.example"}
    with pytest.raises(ValidationError) as exc:
        intake(coordinator, register, title="Zweiter")
    assert "desk_prefix" in exc.value.errors and "Platzkürzel" in exc.value.errors["desk_prefix"]
    assert len(coordinator.list_suggestions()) == 1
    ctx.settings.desk_prefix = "B"
    assert coordinator.get_case(intake(coordinator, register, title="Dritter")).number == "VV-2026-B0001"


def test_given_shares_must_sum_to_100_and_nothing_is_saved(db, coordinator, register, intake):
    outbox_before = _count(db, OutboxEntry)
    with pytest.raises(ValidationError) as exc:
        intake(coordinator, register, submitters=[SubmitterIn(register.anna.id, "60"),
                                                  SubmitterIn(register.bernd.id, "30")])
    assert exc.value.errors["submitters"] == "Die Anteile der Einreichenden ergeben 90,00 % statt 100 %."
    assert _count(db, IdeaSuggestion) == 0 and _count(db, OutboxEntry) == outbox_before
    sid = intake(coordinator, register, submitters=[SubmitterIn(register.anna.id, "66,67"),
                                                    SubmitterIn(register.bernd.id, "33,33")])
    assert [s.share_bp for s in coordinator.get_case(sid).submitters] == [6667, 3333]


@pytest.mark.parametrize(("who", "reason"), [("kommission", "Mitglied der Kommission"),
                                             ("chefin", "Leitung der betroffenen Organisationseinheit")])
def test_excluded_submitter_refused_nothing_saved(db, coordinator, register, who, reason, intake):
    emp = getattr(register, who)
    with pytest.raises(ValidationError) as exc:
        intake(coordinator, register, submitters=[SubmitterIn(register.anna.id), SubmitterIn(emp.id)],
               attachments=[AttachmentIn("skizze.png", b"\x89PNG\r\n\x1a\n....")])
    assert "submitters" in exc.value.errors and reason in exc.value.message
    assert _count(db, IdeaSuggestion) == 0 and _count(db, IdeaSubmitter) == 0 and _count(db, IdeaAttachment) == 0


def test_unit_head_may_submit_for_another_unit(coordinator, register, intake):
    sid = intake(coordinator, register, org_unit_id=register.amt20.id, submitters=[SubmitterIn(register.chefin.id)])
    assert coordinator.get_case(sid).submitters[0].share_bp == 10_000


@pytest.mark.parametrize(
    ("filename", "content", "needle"),
    [
        ("tool.exe", b"hello", "Programme und Skripte"),
        ("bild.png", b"MZ\x90\x00rest-of-a-pe-file", "Windows-Programm"),
        ("skript.txt", b"#!/bin/sh\nrm -rf /", "Skript"),
        ("linux.pdf", b"\x7fELF\x02\x01", "Linux-Programm"),
        ("gross.pdf", b"%PDF" + b"x" * (1024 * 1024), "zu groß"),
    ],
)
def test_bad_attachment_refused_nothing_saved(db, ctx, coordinator, register, filename, content, needle, intake):
    ctx.feature_settings("ideas")["max_attachment_bytes"] = 1024 * 1024
    with pytest.raises(ValidationError) as exc:
        intake(coordinator, register, attachments=[AttachmentIn(filename, content)])
    assert "attachments" in exc.value.errors and needle in exc.value.message
    assert _count(db, IdeaSuggestion) == 0 and _count(db, IdeaAttachment) == 0


def test_good_attachment_stored_in_data_file(coordinator, register, intake):
    sid = intake(coordinator, register, attachments=[AttachmentIn("skizze.pdf", b"%PDF-1.7 test")])
    (info,) = coordinator.get_case(sid).attachments
    assert (info.filename, info.media_type, info.size) == ("skizze.pdf", "application/pdf", 13)
    assert coordinator.attachment_content(info.id) == ("skizze.pdf", b"%PDF-1.7 test")


def test_missing_fields_named_in_german(coordinator, register, intake):
    with pytest.raises(ValidationError) as exc:
        intake(coordinator, register, title=" ", proposal="", org_unit_id=None)
    assert set(exc.value.errors) >= {"title", "proposal", "org_unit_id"}
    assert exc.value.errors["title"] == "Bitte „Titel“ ausfüllen."


def test_similar_earlier_suggestions_found_with_diacritics_and_first_received_flagged(clock, coordinator, register, intake):
    earlier = intake(coordinator, register, title="Urlaubsanträge digitalisieren", code_word="Urlaub")
    intake(coordinator, register, title="Kantine: vegetarisches Essen", code_word="Gemüse",
           current_state="Wenig Auswahl.", proposal="Täglich ein vegetarisches Gericht.")
    clock.advance(days=3)
    later = intake(coordinator, register, title="URLAUBSANTRÄGE elektronisch", code_word="Flink")
    info = coordinator.admissibility_info(later)
    assert [s.id for s in info.similar] == [earlier]
    assert info.similar[0].earlier and info.exclusions == []
    # seen from the earlier one, the later is similar but does not count first
    assert not coordinator.admissibility_info(earlier).similar[0].earlier


def test_admissibility_own_job_duty_needs_reason_and_blocks_review(coordinator, register, intake):
    sid = intake(coordinator, register)
    with pytest.raises(ValidationError) as exc:
        coordinator.record_admissibility(sid, AdmissibilityInput(own_job_duty=True))
    assert "own_job_reason" in exc.value.errors
    coordinator.record_admissibility(sid, AdmissibilityInput(own_job_duty=True, own_job_reason="Sachgebietsaufgabe"))
    assert not coordinator.get_case(sid).admissibility.admissible
    with pytest.raises(DomainError):
        coordinator.assign_reviewers(sid, [register.gutachter.id])


def test_reviewers_must_belong_to_affected_unit_and_get_a_month(coordinator, register, intake):
    sid = intake(coordinator, register)
    with pytest.raises(ValidationError) as exc:
        coordinator.assign_reviewers(sid, [register.clara.id])
    assert "nicht zur betroffenen Organisationseinheit" in exc.value.message
    with pytest.raises(ValidationError):
        coordinator.assign_reviewers(sid, [register.anna.id])  # a submitter
    coordinator.assign_reviewers(sid, [register.gutachter.id, register.gutachterin2.id])
    case = coordinator.get_case(sid)
    assert case.status == "begutachtung"
    assert [r.due_on for r in case.reviews] == [date(2026, 12, 26)] * 2


def test_statement_handback_and_forwarding(coordinator, reviewer, register, clock, intake):
    sid = intake(coordinator, register)
    r1, r2 = coordinator.assign_reviewers(sid, [register.gutachter.id, register.gutachterin2.id])
    with pytest.raises(PermissionDenied):
        reviewer.submit_statement(r2, StatementInput(feasible=True, statement="x"))  # not theirs
    with pytest.raises(ValidationError) as exc:
        reviewer.submit_statement(r1, StatementInput(feasible=True, savings_annual_cents=-5, statement="x"))
    assert "savings_annual_cents" in exc.value.errors
    reviewer.submit_statement(r1, StatementInput(feasible=True, savings_annual_cents=300_000, statement="Gut."))
    assert coordinator.get_case(sid).status == "begutachtung"  # r2 still open
    with pytest.raises(ValidationError):
        coordinator.hand_back(r2, "  ")
    coordinator.hand_back(r2, "Befangen")
    # hand-back alone does not forward; the coordinator does
    coordinator.forward_to_committee(sid)
    case = coordinator.get_case(sid)
    assert case.status == "kommission"
    assert [r.status for r in case.reviews] == ["abgegeben", "zurueckgegeben"]


def test_overdue_statements_and_implementations_on_start_page(coordinator, reviewer, register, clock, rule_set, intake):
    sid = intake(coordinator, register)
    coordinator.assign_reviewers(sid, [register.gutachter.id], due_on=date(2026, 12, 1))
    assert [(d.kind, d.overdue) for d in coordinator.due_items()] == [("statement_due", False)]
    clock.advance(days=10)
    (item,) = coordinator.due_items()
    assert item.overdue and item.kind == "statement_overdue" and "überfällig" in item.title
    assert [d.kind for d in reviewer.due_items()] == ["statement_overdue"]


def test_rejection_needs_reasons_and_nothing_half_saved(db, coordinator, reviewer, register, rule_set, intake):
    sid = intake(coordinator, register)
    _to_committee(coordinator, reviewer, register, sid)
    with pytest.raises(ValidationError) as exc:
        coordinator.decide(sid, DecisionInput(decision="abgelehnt", reasons=" "))
    assert exc.value.errors == {"reasons": "Bitte die Ablehnung schriftlich begründen."}
    with pytest.raises(ValidationError) as exc:  # award refused inside the transaction: no decision row
        coordinator.decide(sid, DecisionInput(decision="abgelehnt", reasons="Schon geregelt.",
                                              award=AwardInputDTO(kind="recognition", recognition_cents=99_900)))
    assert "recognition_cents" in exc.value.errors
    assert coordinator.get_case(sid).decision is None and coordinator.get_case(sid).status == "kommission"
    coordinator.decide(sid, DecisionInput(decision="abgelehnt", reasons="Schon geregelt.",
                                          award=AwardInputDTO(kind="recognition", recognition_cents=5_000)))
    case = coordinator.get_case(sid)
    assert case.status == "abgelehnt" and case.award.total_cents == 5_000


def test_acceptance_with_award_split_by_shares_using_rule_set_of_decision_date(coordinator, reviewer, register, rule_set, intake):
    # an older rule set with other rates must not be used for a decision in 2026
    coordinator.save_rule_set(RuleSetInput("Alt", date(2020, 1, 1), date(2025, 12, 31),
                                           {"one_off_rate_bp": 100, "annual_rate_bp": 100}))
    sid = intake(coordinator, register, submitters=[SubmitterIn(register.anna.id, "66,67"),
                                                    SubmitterIn(register.bernd.id, "33,33")])
    _to_committee(coordinator, reviewer, register, sid)
    award = AwardInputDTO(kind="savings", one_off_savings_cents=100_001, annual_savings_cents=250_000)
    preview = coordinator.preview_award(sid, date(2026, 11, 26), award)
    # Hamburg: 20 % of 1,000.01 € = 200.00 € (200,002 → 200.00) + 40 % of 2,500 € = 1,000 €
    assert preview.total_cents == 120_000 and preview.rule_set_name == "Hamburg-Modell 2026"
    assert [s.cents for s in preview.shares] == [80_004, 39_996]
    coordinator.decide(sid, DecisionInput(decision="angenommen", reasons="Spart Zeit.", participants="K. Komitee",
                                          award=award))
    case = coordinator.get_case(sid)
    assert case.status == "angenommen" and case.decision.decided_on == date(2026, 11, 26)
    assert case.award.lines == preview.lines and sum(s.cents for s in case.award.shares) == 120_000
    assert "Anna Müller: 66,67 % = 800,04\u00a0€" in case.award.lines


def test_no_rule_set_for_decision_date_refused(coordinator, reviewer, register, intake):
    sid = intake(coordinator, register)
    _to_committee(coordinator, reviewer, register, sid)
    with pytest.raises(DomainError) as exc:
        coordinator.decide(sid, DecisionInput(decision="angenommen", reasons="",
                                              award=AwardInputDTO(kind="savings", annual_savings_cents=1000)))
    assert "kein gültiges Prämienregelwerk" in exc.value.message


def test_overlapping_rule_set_refused(db, coordinator, rule_set, hamburg):
    before = len(coordinator.list_rule_sets())
    with pytest.raises(ValidationError) as exc:
        coordinator.save_rule_set(RuleSetInput("Neu", date(2026, 6, 1), None, hamburg.to_dict()))
    assert "valid_from" in exc.value.errors
    assert len(coordinator.list_rule_sets()) == before


def test_implementation_follow_up_and_not_implemented_needs_reason(coordinator, reviewer, register, rule_set, clock, intake):
    sid = intake(coordinator, register)
    _to_committee(coordinator, reviewer, register, sid)
    coordinator.decide(sid, DecisionInput(decision="angenommen", reasons="",
                                          award=AwardInputDTO(kind="savings", annual_savings_cents=500_000)))
    coordinator.save_implementation(sid, ImplementationInput(register.amt10.id, date(2026, 12, 15), "geplant"))
    clock.advance(days=30)
    assert [d.kind for d in coordinator.due_items()] == ["implementation_overdue"]
    with pytest.raises(ValidationError) as exc:
        coordinator.save_implementation(sid, ImplementationInput(register.amt10.id, None, "nicht_umgesetzt"))
    assert "reason" in exc.value.errors
    coordinator.save_implementation(sid, ImplementationInput(register.amt10.id, date(2026, 12, 15), "umgesetzt",
                                                             actual_on=date(2026, 12, 20),
                                                             actual_savings_cents=480_000))
    case = coordinator.get_case(sid)
    assert case.status == "umgesetzt" and case.implementation.actual_savings_cents == 480_000
    assert coordinator.due_items() == []


def test_statistics_per_year_and_unit(coordinator, reviewer, register, rule_set, clock, intake):
    accepted = intake(coordinator, register)
    rejected = intake(coordinator, register, title="Anderes")
    intake(coordinator, register, org_unit_id=register.amt20.id, submitters=[SubmitterIn(register.clara.id)])
    for sid in (accepted, rejected):
        _to_committee(coordinator, reviewer, register, sid)
    clock.advance(days=10)
    coordinator.decide(accepted, DecisionInput(decision="angenommen", reasons="",
                                               award=AwardInputDTO(kind="savings", annual_savings_cents=500_000)))
    clock.advance(days=10)
    coordinator.decide(rejected, DecisionInput(decision="abgelehnt", reasons="Nein."))
    rows = {r.unit_name: r for r in coordinator.statistics(2026)}
    amt10 = rows["10 – Personal- und Organisationsamt"]
    # unit 10 has 18 active staff: 2 suggestions -> 11.1 per 100
    assert (amt10.suggestions, amt10.head_count, str(amt10.per_100_staff)) == (2, 18, "11.1")
    assert (amt10.decided, amt10.accepted, str(amt10.acceptance_rate)) == (2, 1, "50.0")
    assert str(amt10.median_lead_days) == "15.0"  # 10 and 20 days
    assert amt10.savings_cents == 500_000 and amt10.awards_cents == 200_000
    assert rows["Gesamt"].suggestions == 3 and rows["20 – Stadtkämmerei"].decided == 0


def test_roles_without_ideas_role_refused(ctx, register):
    ctx.settings.roles = ["kita"]
    service = IdeasService(ctx)
    with pytest.raises(PermissionDenied):
        service.list_suggestions()
    assert service.due_items() == [] and service.search_hits("Urlaub") == []


def test_committee_sees_full_case_only_at_decision_time(coordinator, reviewer, committee, register, rule_set, intake):
    sid = intake(coordinator, register)
    with pytest.raises(PermissionDenied):
        committee.get_case(sid)
    assert committee.list_suggestions() == []
    _to_committee(coordinator, reviewer, register, sid)
    assert committee.get_case(sid).submitters[0].name == "Anna Müller"
    committee.decide(sid, DecisionInput(decision="angenommen", reasons="Gut.",
                                        award=AwardInputDTO(kind="savings", annual_savings_cents=500_000)))
    with pytest.raises(PermissionDenied):
        committee.acknowledge(sid)


def test_search_hits_for_global_search(coordinator, register, intake):
    sid = intake(coordinator, register)
    (hit,) = coordinator.search_hits("urlaubsantrage")
    assert hit.target_id == sid and hit.title.startswith("VV-2026-B0001")



def test_a_reviewers_statement_does_not_forward_the_case_the_coordinator_is_told(coordinator, reviewer, register,
                                                                               intake):
    """A reviewer's synced desk holds only their own review, so it cannot know that all are in."""
    sid = intake(coordinator, register)
    (rid,) = coordinator.assign_reviewers(sid, [register.gutachter.id])
    reviewer.submit_statement(rid, StatementInput(feasible=True, statement="Gut."))
    assert coordinator.get_case(sid).status == "begutachtung"
    ready = [d for d in coordinator.due_items() if d.kind == "ready_for_committee"]
    assert [d.target_id for d in ready] == [sid]
    coordinator.forward_to_committee(sid)
    assert coordinator.get_case(sid).status == "kommission"
    assert not [d for d in coordinator.due_items() if d.kind == "ready_for_committee"]


def test_decision_before_the_day_of_receipt_in_bochum_is_refused(coordinator, reviewer, register, rule_set, intake):
    """Received on 1 March at 00:30 in Bochum (still 28 February in UTC): a decision dated 28 February is
    before receipt."""
    from bochum_desktop.core.clock import BERLIN

    sid = intake(coordinator, register, received_at=datetime(2026, 3, 1, 0, 30, tzinfo=BERLIN))
    _to_committee(coordinator, reviewer, register, sid)
    with pytest.raises(ValidationError) as exc:
        coordinator.decide(sid, DecisionInput(decision="abgelehnt", reasons="Schon geregelt.",
                                              decided_on=date(2026, 2, 28)))
    assert "decided_on" in exc.value.errors
    coordinator.decide(sid, DecisionInput(decision="abgelehnt", reasons="Schon geregelt.", decided_on=date(2026, 3, 1)))
    assert coordinator.get_case(sid).status == "abgelehnt"
