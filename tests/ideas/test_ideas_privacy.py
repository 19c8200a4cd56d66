"""Reviewers see suggestions pseudonymised: no service call of a reviewer returns a submitter's name,
personnel number, id or unit (every returned value is scanned, recursively)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from bochum_desktop.core.errors import DomainError, PermissionDenied
from bochum_desktop.ideas.dto import (
    AdmissibilityInput,
    AwardInputDTO,
    DecisionInput,
    ImplementationInput,
    StatementInput,
    SubmitterIn,
)


def _strings(value, seen=None):
    """Every string (and number as text) inside a returned value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _strings(v)
    elif value is not None:
        yield str(value)


@pytest.fixture
def case_ids(coordinator, reviewer, register, rule_set, intake):
    """Two suggestions by Clara Schäfer (Stadtkämmerei) and Anna Müller about unit 10: one in review, one
    decided and implemented, so every reviewer-visible state exists."""
    subs = [SubmitterIn(register.clara.id, "70"), SubmitterIn(register.anna.id, "30")]
    open_id = intake(coordinator, register, submitters=subs)
    done_id = intake(coordinator, register, submitters=subs, title="Zweiter Vorschlag")
    coordinator.record_admissibility(open_id, AdmissibilityInput(own_job_duty=False))
    (open_review,) = coordinator.assign_reviewers(open_id, [register.gutachter.id])
    (done_review,) = coordinator.assign_reviewers(done_id, [register.gutachter.id])
    reviewer.submit_statement(done_review, StatementInput(feasible=True, savings_annual_cents=400_000,
                                                          statement="Umsetzbar."))
    award = AwardInputDTO(kind="savings", annual_savings_cents=400_000)
    coordinator.decide(done_id, DecisionInput(decision="angenommen", reasons="Gut.", award=award))
    coordinator.save_implementation(done_id, ImplementationInput(register.amt10.id, date(2027, 1, 31)))
    return open_id, done_id, open_review, done_review


def test_reviewer_service_calls_never_return_a_submitter(reviewer, register, case_ids):
    open_id, done_id, open_review, done_review = case_ids
    forbidden = set()
    for emp in (register.clara, register.anna):
        forbidden |= {emp.first_name, emp.last_name, emp.personnel_number, emp.id, emp.email}
    forbidden |= {"Stadtkämmerei"}  # Clara's unit (the affected unit 10 may be shown)
    award = AwardInputDTO(kind="savings", annual_savings_cents=400_000)
    calls = {
        "list_suggestions": lambda: reviewer.list_suggestions(),
        "list_suggestions_text": lambda: reviewer.list_suggestions("Urlaub"),
        "my_reviews": reviewer.my_reviews,
        "reviewer_case": lambda: reviewer.reviewer_case(open_review),
        "reviewer_case_done": lambda: reviewer.reviewer_case(done_review),
        "due_items": reviewer.due_items,
        "search_hits": lambda: reviewer.search_hits("Urlaub"),
        "get_case": lambda: reviewer.get_case(open_id),
        "get_case_done": lambda: reviewer.get_case(done_id),
        "admissibility_info": lambda: reviewer.admissibility_info(open_id),
        "preview_award": lambda: reviewer.preview_award(done_id, date(2026, 11, 26), award),
        "statistics": lambda: reviewer.statistics(),
        "employees": lambda: reviewer.employees(),
        "attachment_content": lambda: reviewer.attachment_content(open_id),
        "list_rule_sets": reviewer.list_rule_sets,
        "exclusion_settings": reviewer.exclusion_settings,
        "org_units": reviewer.org_units,
    }
    returned = {}
    for name, call in calls.items():
        try:
            returned[name] = call()
        except PermissionDenied:
            returned[name] = None
    assert returned["get_case"] is None and returned["preview_award"] is None and returned["employees"] is None
    assert len(returned["my_reviews"]) == 2 and len(returned["list_suggestions"]) == 2
    assert returned["search_hits"] and returned["due_items"] == []
    for name, value in returned.items():
        texts = list(_strings(value))
        leaks = {f for f in forbidden for t in texts if f and f in t}
        assert not leaks, f"{name} leaked {leaks}"


def test_reviewer_sees_only_own_assignments(coordinator, reviewer, register, case_ids, intake):
    other = intake(coordinator, register, title="Nicht zugewiesen")
    (foreign_review,) = coordinator.assign_reviewers(other, [register.gutachterin2.id])
    assert other not in {row.id for row in reviewer.list_suggestions()}
    with pytest.raises(PermissionDenied):
        reviewer.reviewer_case(foreign_review)
    with pytest.raises(PermissionDenied):
        reviewer.hand_back(foreign_review, "nicht meins")


def test_reviewer_cannot_do_coordinator_work(reviewer, register, case_ids):
    open_id = case_ids[0]
    for call in (lambda: reviewer.assign_reviewers(open_id, [register.gutachter.id]),
                 lambda: reviewer.decide(open_id, DecisionInput("angenommen", "x")),
                 lambda: reviewer.acknowledge(open_id),
                 lambda: reviewer.forward_to_committee(open_id)):
        with pytest.raises(PermissionDenied):
            call()


def test_reviewer_identity_from_setting_or_login(ctx, coordinator, register, case_ids, make_ctx):

    from bochum_desktop.ideas.service import IdeasService

    unknown = IdeasService(make_ctx(ctx, ["ideas_reviewer"], "niemand"))
    assert unknown.my_reviews() == [] and unknown.list_suggestions() == []
    ctx.feature_settings("ideas")["reviewer_personnel_number"] = register.gutachter.personnel_number
    by_setting = IdeasService(make_ctx(ctx, ["ideas_reviewer"], "niemand"))
    assert len(by_setting.my_reviews()) == 2
    del ctx.feature_settings("ideas")["reviewer_personnel_number"]
    with pytest.raises(DomainError):
        by_setting.hand_back(case_ids[2], "x")  # identity gone again: not theirs


def test_reviewer_list_statement_selects_no_submitter(ctx, reviewer, coordinator, register, case_ids):
    with pytest.raises(PermissionDenied):
        reviewer.suggestion_list_statement()
    stmt = reviewer.reviewer_list_statement()
    assert "submitters" not in stmt.columns
    query = stmt.query.with_only_columns(stmt.id_column, *stmt.columns.values(), maintain_column_froms=True)
    with ctx.db.read() as s:
        rows = s.execute(query).all()
    assert len(rows) == 2
    texts = " ".join(str(v) for row in rows for v in row)
    assert "Schäfer" not in texts and "Müller" not in texts
    # the coordinator's list has the names
    full = coordinator.suggestion_list_statement()
    query = full.query.with_only_columns(full.id_column, full.columns["submitters"], maintain_column_froms=True)
    with ctx.db.read() as s:
        names = {name for row in s.execute(query) for name in row[1].split(", ")}
    assert names == {"Clara Schäfer", "Anna Müller"}
