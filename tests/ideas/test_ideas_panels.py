"""Case panels behave per case: selecting another suggestion resets every input, a decided case shows
what was saved, nothing is decided in advance, and a saved decision is confirmed."""

from __future__ import annotations

from datetime import date

import pytest

from bochum_desktop.ideas.dto import AwardInputDTO, DecisionInput, StatementInput
from bochum_desktop.ideas.views import create_page

pytestmark = pytest.mark.gui


def _to_committee(coordinator, reviewer, register, intake, title):
    sid = intake(coordinator, register, title=title)
    coordinator.assign_reviewers(sid, [register.gutachter.id], due_on=date(2026, 12, 1))
    review = next(c for c in reviewer.my_reviews() if c.suggestion_id == sid)
    reviewer.submit_statement(review.review_id, StatementInput(feasible=True, savings_annual_cents=100_000,
                                                               statement="Gut."))
    return sid


@pytest.fixture
def page(qtbot, ctx, coordinator):
    page = create_page(ctx)
    qtbot.addWidget(page)
    return page


def _select(page, sid):
    page.model.refresh()
    page.table.select_id(sid)
    page.open_case(sid)
    assert page.case_id == sid


def test_decision_panel_forgets_the_previous_suggestion(page, coordinator, reviewer, register, rule_set, intake):
    a = _to_committee(coordinator, reviewer, register, intake, "Vorschlag A")
    b = _to_committee(coordinator, reviewer, register, intake, "Vorschlag B")
    _select(page, a)
    panel = page.decision
    panel.decision.setCurrentIndex(panel.decision.findData("abgelehnt"))
    panel.participants.setText("Kommission A")
    panel.reasons.setPlainText("Gründe für A")
    panel.kind.setCurrentIndex(panel.kind.findData("recognition"))
    panel.recognition.setText("80,00")
    panel.lasting.setChecked(True)
    panel.annual.setText("9.999,00")
    panel.level.setCurrentIndex(panel.level.count() - 1)
    panel.calculate()
    _select(page, b)
    assert panel.participants.text() == "" and panel.reasons.toPlainText() == ""
    assert panel.kind.currentData() == "none" and panel.recognition.text() == ""
    assert not panel.lasting.isChecked() and panel.level.currentIndex() == 0
    assert panel.annual.text() == "1.000,00"  # B's own reviewer estimate, not what was typed for A
    assert panel.steps.toPlainText() == "" and panel.decision.currentData() is None


def test_other_panels_forget_the_previous_suggestion(page, coordinator, reviewer, register, rule_set, intake):
    a = intake(coordinator, register, title="Vorschlag A")
    b = intake(coordinator, register, title="Vorschlag B")
    _select(page, a)
    adm = page.admissibility
    adm.own_job.setChecked(True)
    adm.own_job_reason.setPlainText("Dienstaufgabe A")
    adm.similar_note.setPlainText("ähnlich A")
    page.review.check_reviewer(register.gutachter.id)
    imp = page.implementation
    imp.savings.setText("5,00")
    imp.reason.setPlainText("Grund A")
    adm.status.ok("gespeichert A")
    _select(page, b)
    assert not adm.own_job.isChecked() and adm.own_job_reason.toPlainText() == ""
    assert adm.similar_note.toPlainText() == "" and adm.status.text() == ""
    review = page.review
    assert all(review.candidates.item(i).checkState().value == 0 for i in range(review.candidates.count()))
    assert imp.savings.text() == "" and imp.reason.toPlainText() == ""
    assert "Vorschlag B" in page.overview.text.toPlainText()


def test_decided_case_shows_the_stored_award_inputs(page, coordinator, reviewer, register, rule_set, intake):
    sid = _to_committee(coordinator, reviewer, register, intake, "Punkte")
    coordinator.decide(sid, DecisionInput("angenommen", "Gut.", participants="Kommission", award=AwardInputDTO(
        kind="points", benefit_level="hoch", scope="Stadtverwaltung", effort="hoch", time="langfristig")))
    _select(page, sid)
    panel = page.decision
    assert panel.kind.currentData() == "points"
    assert [c.currentData() for c in (panel.level, panel.scope, panel.effort, panel.time)] == \
        ["hoch", "Stadtverwaltung", "hoch", "langfristig"]
    assert panel.decision.currentData() == "angenommen" and panel.participants.text() == "Kommission"


def test_nothing_is_decided_in_advance(page, coordinator, reviewer, register, rule_set, intake):
    sid = _to_committee(coordinator, reviewer, register, intake, "Frisch")
    fresh = intake(coordinator, register, title="Ganz neu")
    _select(page, fresh)
    adm = page.admissibility
    assert not adm.excluded_checked.isChecked() and adm.admissible.currentData() is None
    adm.save()
    texts = " ".join(lbl.text() for lbl in adm.errors.labels.values())
    assert "ausgeschlossene Personen bestätigen" in texts and "„Zulässig“ oder „Nicht zulässig“" in texts
    assert coordinator.get_case(fresh).admissibility is None
    imp = page.implementation
    assert imp.state.currentData() == "geplant" and not imp.actual.isEnabled() and imp.actual.text().strip() == ""
    imp.state.setCurrentIndex(imp.state.findData("umgesetzt"))
    assert imp.actual.isEnabled() and imp.actual.text() == "26.11.2026"

    _select(page, sid)
    panel = page.decision
    assert panel.decision.currentData() is None
    panel.save()
    assert "Bitte eine Entscheidung wählen." in panel.errors.labels["decision"].text()
    assert coordinator.get_case(sid).decision is None


def test_final_decision_is_confirmed_then_shown_as_saved(page, coordinator, reviewer, register, rule_set, intake):
    sid = _to_committee(coordinator, reviewer, register, intake, "Bestätigen")
    _select(page, sid)
    panel = page.decision
    questions = []
    panel.ask_yes_no = lambda _parent, title, text: questions.append(text) or False
    panel.decision.setCurrentIndex(panel.decision.findData("angenommen"))
    panel.reasons.setPlainText("Gut.")
    panel.participants.setText("Kommission")
    panel.save()
    assert questions and "Angenommen" in questions[0]
    assert coordinator.get_case(sid).decision is None  # "No" saves nothing
    panel.ask_yes_no = lambda *_a: True
    panel.save()
    assert coordinator.get_case(sid).status == "angenommen"
    assert panel.status.text() == "✓ Decision saved." or "gespeichert" in panel.status.text()
    assert "während der Begutachtung" not in panel.status.text()
    assert panel.decision.currentData() == "angenommen" and panel.reasons.toPlainText() == "Gut."
    assert not panel.save_button.isEnabled()


def test_case_panel_fits_a_1280_pixel_window(qtbot, german, ctx, coordinator, register, intake):
    """No horizontal scrolling of the case panel at 1280×800 (the shell's navigation takes ~150 px)."""
    sid = intake(coordinator, register)
    page = create_page(ctx)  # built after the German translation is installed
    qtbot.addWidget(page)
    page.resize(1120, 740)
    page.show()
    _select(page, sid)
    scroll = page.right.parentWidget().parentWidget()
    for i in range(page.case_tabs.count()):
        page.case_tabs.setCurrentIndex(i)
        qtbot.waitUntil(lambda: page.right.isVisible())
        assert page.right.minimumSizeHint().width() <= scroll.viewport().width(), page.case_tabs.tabText(i)
    assert page.admissibility.own_job.text() == ""  # the long text is a wrapping label beside the box


def test_rule_set_page_opens_on_a_stored_rule_set(qtbot, ctx, coordinator, rule_set):
    from bochum_desktop.ideas.views.settings_pages import RuleSetsPage

    page = RuleSetsPage(ctx)
    qtbot.addWidget(page)
    assert page.list.currentRow() == 0 and page.editing_id == rule_set
    assert page.name.text() == "Hamburg-Modell 2026"
    page.new()
    assert page.list.currentRow() == -1 and page.editing_id is None and page.status.text()


def test_rule_set_page_without_rule_sets_says_so(qtbot, ctx, coordinator):
    from bochum_desktop.ideas.views.settings_pages import RuleSetsPage

    page = RuleSetsPage(ctx)
    qtbot.addWidget(page)
    assert page.list.count() == 0 and "No rule set saved yet" in page.status.text()


def test_status_column_visible_next_to_long_titles(qtbot, ctx, coordinator, register, intake):
    for title in ("LED-Beleuchtung in den Fluren des Rathauses", "Mehrsprachige Wegweiser im Bürgerbüro"):
        intake(coordinator, register, title=title, code_word="Sprachbrücke für alle Bürgerbüros")
    page = create_page(ctx)
    qtbot.addWidget(page)
    page.resize(1120, 740)
    page.show()
    page.model.refresh()
    view = page.table.view
    header = view.horizontalHeader()
    keys = [col.key for col in page.model.visible_columns()]
    section = keys.index("status")
    qtbot.waitUntil(lambda: header.sectionSize(section) > 0)
    # Long titles take up to half the list (the table's own cap), as in the reviewer's 1280×800 window.
    header.resizeSection(keys.index("title"), view.viewport().width() // 2)
    assert header.sectionViewportPosition(section) + header.sectionSize(section) <= view.viewport().width()


def test_yes_no_capitalised_like_the_status_values(page, coordinator, reviewer, register, rule_set, intake):
    sid = _to_committee(coordinator, reviewer, register, intake, "Ja/Nein")
    _select(page, sid)
    assert page.review.reviews.item(0, 3).text() == "Yes"  # German: "Ja", like "Offen" / "Abgegeben"
    assert "Acknowledged" in page.overview.text.toPlainText() and "No" in page.overview.text.toPlainText()
