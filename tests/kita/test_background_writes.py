"""Confirming a proposal and recording an offer's answer write in the app's task runner. What HR relies on
meanwhile and afterwards: the tab that is shown when the write ends shows it, an unexpected failure does
not leave "… werden angelegt" standing, the keyboard stays on the list, and quitting does not lose it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import Held, _select


@pytest.fixture
def errors(monkeypatch):
    """Unexpected errors go to the error dialog: collected here instead of a modal window."""
    from bochum_desktop.ui import task_runner

    shown = []
    monkeypatch.setattr(task_runner, "show_error", lambda parent, exc: shown.append(exc))
    return shown


def _computed(qtbot, page):
    prop = page.proposal
    page.tabs.setCurrentWidget(prop)
    prop.select_start(2026, date(2027, 1, 1))
    prop.compute()
    qtbot.waitUntil(lambda: not prop.busy)
    assert prop.model.rowCount() == 2
    return prop


def _offers(qtbot, page, answers):
    prop = _computed(qtbot, page)
    answers.queue.append(True)
    prop.confirm()
    qtbot.waitUntil(lambda: not prop.busy)
    page.tabs.setCurrentWidget(page.offers)
    _select(page.offers.view, 0)
    return page.offers


def test_confirming_and_answering_write_in_the_background_with_the_actions_off(qtbot, page, service, monkeypatch,
                                                                               answers, idle):
    """Confirming re-computes the proposal, a declined offer names who is next (≈ 0.1 s each at 2,000
    applications): both run in the task runner. Meanwhile the tab says so and its actions are off (no
    second click writes twice); afterwards the result is shown as before."""
    prop = _computed(qtbot, page)
    held = Held(prop.service.confirm_proposal)
    monkeypatch.setattr(prop.service, "confirm_proposal", held)
    answers.queue.append(True)
    qtbot.mouseClick(prop.confirm_button, Qt.MouseButton.LeftButton)
    assert held.started.wait(10)
    assert prop.busy and prop.message.text() == "ℹ Creating the offers …"
    assert not any(b.isEnabled() for b in (prop.confirm_button, prop.compute_button, prop.override_button))
    prop.confirm()  # a second try meanwhile does nothing: nothing asked, nothing written
    assert answers.asked == ["Create 2 offers and set the answer deadlines (10.12.2026)?"]
    held.gate.set()
    idle()
    assert "2 offers created" in prop.message.text() and prop.model.rowCount() == 0
    assert prop.compute_button.isEnabled() and len(service.list_offers()) == 2

    offers = page.offers
    page.tabs.setCurrentWidget(offers)
    offers.refresh()
    _select(offers.view, 0)
    declined = offers.model.row(0)
    held = Held(offers.service.decline_offer)
    monkeypatch.setattr(offers.service, "decline_offer", held)
    answers.queue.append(True)
    qtbot.mouseClick(offers.decline_list_button, Qt.MouseButton.LeftButton)
    assert held.started.wait(10)
    assert offers.busy and offers.message.text() == "ℹ Recording …"
    buttons = (offers.accept_button, offers.decline_list_button, offers.decline_final_button, offers.expire_button)
    assert not any(b.isEnabled() for b in buttons)
    held.gate.set()
    idle()
    assert all(b.isEnabled() for b in buttons) and offers.model.rowCount() == 1
    assert offers.message.text().startswith(f"✓ Offer declined. Next in line for {declined.kita_name}:")
    assert {o.status for o in service.list_offers(None)} == {"declined", "open"}


def test_an_unexpected_failure_replaces_the_note_and_keeps_everything_usable(qtbot, page, service, monkeypatch,
                                                                             answers, errors, idle):
    prop = _computed(qtbot, page)

    def locked(*_args):
        raise RuntimeError("database is locked")

    confirm = prop.service.confirm_proposal
    monkeypatch.setattr(prop.service, "confirm_proposal", locked)
    answers.queue.append(True)
    prop.confirm()
    idle()
    assert [str(e) for e in errors] == ["database is locked"]
    assert prop.message.text() == "⚠ The offers were not created (see the error message)."
    assert prop.model.rowCount() == 2 and prop.confirm_button.isEnabled() and prop.compute_button.isEnabled()
    assert prop.year.isEnabled() and prop.month.isEnabled() and service.list_offers() == []

    monkeypatch.setattr(prop.service, "confirm_proposal", confirm)
    offers = _offers(qtbot, page, answers)
    monkeypatch.setattr(offers.service, "accept_offer", locked)
    answers.queue.append(True)
    qtbot.mouseClick(offers.accept_button, Qt.MouseButton.LeftButton)
    idle()
    assert offers.message.text() == "⚠ The answer was not saved (see the error message)."
    assert offers.accept_button.isEnabled() and {o.status for o in service.list_offers(None)} == {"open"}


def test_while_confirming_the_start_cannot_change_under_the_lines(qtbot, page, monkeypatch, answers, idle):
    prop = _computed(qtbot, page)
    held = Held(prop.service.confirm_proposal)
    monkeypatch.setattr(prop.service, "confirm_proposal", held)
    answers.queue.append(True)
    prop.confirm()
    assert held.started.wait(10)
    assert not prop.year.isEnabled() and not prop.month.isEnabled()
    held.gate.set()
    idle()
    assert prop.year.isEnabled() and prop.month.isEnabled()


def test_offers_confirmed_after_hr_went_to_the_offers_tab_appear_there(qtbot, page, service, monkeypatch,
                                                                       answers, idle):
    prop = _computed(qtbot, page)
    held = Held(prop.service.confirm_proposal)
    monkeypatch.setattr(prop.service, "confirm_proposal", held)
    answers.queue.append(True)
    prop.confirm()
    page.tabs.setCurrentWidget(page.offers)  # before the offers are there
    assert held.started.wait(10)
    held.gate.set()
    idle()
    assert page.offers.model.rowCount() == 2 == len(service.list_offers())


def test_an_answer_saved_after_hr_went_back_to_the_proposal_marks_it_outdated(qtbot, page, monkeypatch,
                                                                              answers, idle):
    offers = _offers(qtbot, page, answers)
    prop = page.proposal
    prop.compute()  # a proposal of the data before the answer (nothing left to propose for January)
    qtbot.waitUntil(lambda: not prop.busy)
    prop.outdated = False
    gate = Held(offers.service.decline_offer)
    gate_fn = gate.fn

    def decline_later(*args):
        assert gate.gate.wait(10)
        return gate_fn(*args)

    monkeypatch.setattr(offers.service, "decline_offer", decline_later)
    answers.queue.append(True)
    qtbot.mouseClick(offers.decline_list_button, Qt.MouseButton.LeftButton)
    page.tabs.setCurrentWidget(prop)  # the answer is not written yet: the check finds nothing new
    qtbot.waitUntil(lambda: not prop._check_job.busy)
    assert not prop.outdated
    gate.gate.set()
    idle()
    assert prop.outdated and not prop.confirm_button.isEnabled()
    assert prop.message.text().startswith("ℹ The data has changed since this proposal was computed")


def test_the_keyboard_stays_on_the_list_while_an_answer_is_saved(qtbot, page, monkeypatch, answers, idle):
    offers = _offers(qtbot, page, answers)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window())
    held = Held(offers.service.accept_offer)
    monkeypatch.setattr(offers.service, "accept_offer", held)
    offers.accept_button.setFocus()
    qtbot.waitUntil(offers.accept_button.hasFocus)
    answers.queue.append(True)
    qtbot.keyClick(offers.accept_button, Qt.Key.Key_Space)
    assert held.started.wait(10)
    assert offers.view.hasFocus()  # not "Angebotsbriefe…", whose Space would open a save dialog
    held.gate.set()
    idle()
    assert offers.view.hasFocus() and "placed in" in offers.message.text()
