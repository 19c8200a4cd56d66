"""Ranking, waiting-list positions, what-if and proposal are computed in the app's task runner: the tab says
it is computing, actions that need the result wait for it, and a result overtaken by a newer request (or
computed from data that changed since) never lands over what HR looks at now.

A computation is held in its worker by a threading.Event the test opens, so the order is certain without
sleeping."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from .conftest import Held, _select, make_draft


def test_ranking_shows_it_is_computing_and_an_overtaken_result_is_dropped(qtbot, page, service, kitas,
                                                                          monkeypatch, idle):
    tab = page.ranking
    assert tab.model.rowCount() == 2 and tab.view.isEnabled() and tab.busy_label.isHidden()
    held = Held(tab.service.ranking_snapshot)
    monkeypatch.setattr(tab.service, "ranking_snapshot", held)
    tab.refresh()
    assert held.started.wait(10)
    # Meanwhile: the old rows are greyed out, the panel says so, what-if waits for the new ranking.
    assert not tab.busy_label.isHidden() and tab.busy_label.text() == "Calculating the ranking …"
    assert not tab.view.isEnabled() and not tab.what_if_button.isEnabled()
    assert tab.explanation.text() == "Calculating …"

    # The data changes and HR refreshes again: the newer ranking (3 applications) is shown ...
    service.create_application(make_draft([kitas[1].id], personnel_number="77777", last_name="Yilmaz",
                                          child_first_name="Can"))
    monkeypatch.setattr(tab.service, "ranking_snapshot", held.fn)
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)
    # ... and the older one (2 applications), finishing later, does not replace it.
    held.gate.set()
    idle()
    assert tab.model.rowCount() == 3 and tab.snapshot.rows == tab.model.rows()
    assert tab.view.isEnabled() and tab.what_if_button.isEnabled() and tab.busy_label.isHidden()


def test_selection_uses_the_computed_ranking_and_keeps_its_place(qtbot, page, service, idle):
    tab = page.ranking
    _select(tab.view, 1)
    mia = tab.model.row(1)
    assert mia.child_first_name == "Mia"
    text = tab.explanation.text()
    assert text.startswith("Rank 2, 0 points")
    assert "Kita Rathaus (U3): position 2 of 2" in text and "Kita Sonnenschein (U3): position 1 of 1" in text
    assert service.waitlist_positions(mia.application_id) == tab.snapshot.positions[mia.application_id]
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.busy)
    assert tab.model.row(tab.view.currentIndex().row()).application_id == mia.application_id  # still selected
    assert "position 2 of 2" in tab.explanation.text()


def test_what_if_of_a_row_left_meanwhile_is_dropped(qtbot, page, monkeypatch, idle):
    tab = page.ranking
    _select(tab.view, 1)
    tab.wi_hardship.setChecked(True)
    held = Held(tab.service.what_if_in)
    monkeypatch.setattr(tab.service, "what_if_in", held)
    qtbot.mouseClick(tab.what_if_button, Qt.MouseButton.LeftButton)
    assert held.started.wait(10)
    assert tab.what_if_result.text() == "Calculating …"
    _select(tab.view, 0)  # HR moves on before the answer is there
    held.gate.set()
    idle()
    assert tab.what_if_result.text() == ""  # the answer for Mia does not appear under Ben

    monkeypatch.setattr(tab.service, "what_if_in", held.fn)
    _select(tab.view, 1)
    tab.wi_hardship.setChecked(True)
    qtbot.mouseClick(tab.what_if_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy)
    assert tab.what_if_result.text().startswith("Rank 2 → 1")


def test_proposal_for_a_start_left_meanwhile_is_dropped(qtbot, page, monkeypatch, idle):
    prop = page.proposal
    page.tabs.setCurrentWidget(prop)
    prop.select_start(2026, date(2027, 1, 1))
    assert not prop.confirm_button.isEnabled() and not prop.override_button.isEnabled()  # nothing computed yet
    held = Held(prop.service.compute_proposal)
    monkeypatch.setattr(prop.service, "compute_proposal", held)
    qtbot.mouseClick(prop.compute_button, Qt.MouseButton.LeftButton)
    assert held.started.wait(10)
    assert prop.message.text() == "ℹ Calculating the proposal for 01/2027 …"
    assert not prop.confirm_button.isEnabled() and prop.model.rowCount() == 0

    prop.month.setCurrentIndex(prop.month.findData("2027-02-01"))  # HR changes the start month meanwhile
    held.gate.set()
    idle()
    assert prop.proposal is None and prop.model.rowCount() == 0  # the January proposal did not land
    assert prop.message.text() == "ℹ Kita year or start month changed: please compute the proposal again."
    assert not prop.confirm_button.isEnabled()

    monkeypatch.setattr(prop.service, "compute_proposal", held.fn)
    qtbot.mouseClick(prop.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not prop.busy)
    assert prop.proposal.start == date(2027, 2, 1) and prop.model.rowCount() == 2
    assert prop.confirm_button.isEnabled() and prop.override_button.isEnabled()


def test_proposal_computed_before_the_data_changed_cannot_be_confirmed(qtbot, page, service, answers):
    prop = page.proposal
    page.tabs.setCurrentWidget(prop)
    prop.select_start(2026, date(2027, 1, 1))
    prop.compute()
    qtbot.waitUntil(lambda: not prop.busy)
    assert prop.model.rowCount() == 2

    # Looking at another tab and back without changes keeps the proposal usable.
    page.tabs.setCurrentWidget(page.offers)
    page.tabs.setCurrentWidget(prop)
    qtbot.waitUntil(lambda: not prop.busy)
    assert not prop.outdated and prop.confirm_button.isEnabled()

    # Mia's application is withdrawn elsewhere (another tab, another desk through the sync).
    mia = next(e.application_id for e in prop.model.rows() if e.child_first_name == "Mia")
    service.change_status(mia, "zurueckgezogen", "Umzug")
    page.tabs.setCurrentWidget(page.offers)
    page.tabs.setCurrentWidget(prop)
    qtbot.waitUntil(lambda: prop.outdated)
    assert not prop.confirm_button.isEnabled() and not prop.override_button.isEnabled()
    assert prop.message.text() == ("ℹ The data has changed since this proposal was computed: please compute it "
                                   "again.")
    prop.confirm()
    assert answers.asked == [] and service.list_offers() == [] and not prop.busy

    qtbot.mouseClick(prop.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not prop.busy)
    assert [e.child_first_name for e in prop.model.rows()] == ["Ben"] and prop.confirm_button.isEnabled()
    prop.confirm()
    qtbot.waitUntil(lambda: not prop.busy)  # the offers are written in the app's task runner
    assert len(service.list_offers()) == 1 and "1 offers created" in prop.message.text()

