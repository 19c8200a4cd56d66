"""Fixtures for the ideas tests: a small register (two units, staff), a rule set, contexts per role."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bochum_desktop.context import AppContext
from bochum_desktop.ideas.dto import IntakeInput, RuleSetInput, SubmitterIn
from bochum_desktop.ideas.rules import AwardRules
from bochum_desktop.ideas.service import IdeasService
from bochum_desktop.reference.model import Employee, OrgUnit


class Register:
    pass


@pytest.fixture
def register(db):
    reg = Register()
    with db.unit_of_work() as s:
        reg.amt10 = OrgUnit(code="10", name="Personal- und Organisationsamt")
        reg.amt20 = OrgUnit(code="20", name="Stadtkämmerei")
        s.add_all([reg.amt10, reg.amt20])
        s.flush()
        people = [
            ("anna", "10000001", "Anna", "Müller", reg.amt10),
            ("bernd", "10000002", "Bernd", "Özdemir", reg.amt10),
            ("clara", "10000003", "Clara", "Schäfer", reg.amt20),
            ("gutachter", "10000004", "Gustav", "Gutachter", reg.amt10),
            ("gutachterin2", "10000005", "Greta", "Prüferin", reg.amt10),
            ("chefin", "10000006", "Hanna", "Leitung", reg.amt10),
            ("kommission", "10000007", "Karl", "Komitee", reg.amt20),
        ]
        for key, number, first, last, unit in people:
            emp = Employee(personnel_number=number, first_name=first, last_name=last, org_unit_id=unit.id,
                           email=f"{key}@bochum.de", active=True)
            s.add(emp)
            setattr(reg, key, emp)
        for i in range(13):  # more staff in unit 10 for the per-100 statistics
            s.add(Employee(personnel_number=f"2000{i:04d}", first_name="Kollege", last_name=f"Nummer{i}",
                           org_unit_id=reg.amt10.id, active=True))
    return reg


@pytest.fixture
def coordinator(ctx, register):
    ctx.settings.roles = ["ideas"]
    ctx.settings.desk_prefix = "B"
    ctx.feature_settings("ideas").update(
        committee_member_ids=[register.kommission.id], unit_heads={register.amt10.id: [register.chefin.id]})
    return IdeasService(ctx)


@pytest.fixture
def reviewer(ctx, coordinator):
    return IdeasService(_make_ctx(ctx, ["ideas_reviewer"], "gutachter"))


@pytest.fixture
def committee(ctx, coordinator):
    return IdeasService(_make_ctx(ctx, ["ideas_committee"], "kommission"))


@pytest.fixture
def rule_set(coordinator):
    return coordinator.save_rule_set(RuleSetInput("Hamburg-Modell 2026", date(2026, 1, 1), None, HAMBURG.to_dict()))

HAMBURG = AwardRules(one_off_rate_bp=2000, annual_rate_bp=4000, lasting_bonus_bp=0, floor_cents=10_000,
                     cap_cents=500_000)


def _intake(service, register, **changes):
    data = IntakeInput(
        code_word="Papierlos", title="Digitale Urlaubsanträge",
        current_state="Urlaubsanträge werden auf Papier ausgefüllt und per Hauspost verschickt.",
        proposal="Urlaubsanträge über ein Formular im Intranet stellen und elektronisch genehmigen.",
        benefit="Weniger Papier, schnellere Genehmigung.", org_unit_id=register.amt10.id,
        submitters=[SubmitterIn(register.anna.id), SubmitterIn(register.bernd.id)],
    )
    for k, v in changes.items():
        setattr(data, k, v)
    return service.intake(data)


def _make_ctx(ctx, roles, user):
    """Another desk user on the same data file (same settings dict for the ideas rules)."""
    settings = replace(ctx.settings, roles=list(roles))
    return AppContext(settings=settings, settings_store=ctx.settings_store, db=ctx.db, clock=ctx.clock, user=user,
                      data_file=ctx.data_file, backup_dir=ctx.backup_dir)


@pytest.fixture(name="intake")
def intake_fixture():
    """intake(service, register, **changes) -> suggestion id (a complete, valid intake by default)."""
    return _intake


@pytest.fixture(name="make_ctx")
def make_ctx_fixture():
    """make_ctx(ctx, roles, user) -> another desk user's context on the same data file."""
    return _make_ctx


@pytest.fixture
def hamburg():
    return HAMBURG


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    """A modal question box would block an offscreen test run forever: tests answer through the widget's
    ask_yes_no attribute; an unexpected question fails the test instead."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(*_args, **_kwargs):
        raise AssertionError("unexpected modal QMessageBox.question")

    monkeypatch.setattr(QMessageBox, "question", refuse)


