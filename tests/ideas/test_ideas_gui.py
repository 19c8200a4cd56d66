"""The suggestion workflow through the real widgets: intake to certificate; the reviewer's screen."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTabWidget, QWidget

from bochum_desktop.ideas.dto import StatementInput
from bochum_desktop.ideas.views import create_page, feature
from bochum_desktop.ideas.views.ideas_page import IdeasPage
from bochum_desktop.ideas.views.intake_dialog import IntakeDialog
from bochum_desktop.ideas.views.reviewer_page import ReviewerPage
from bochum_desktop.ideas.views.settings_pages import RuleSetsPage

pytestmark = pytest.mark.gui


def all_texts(widget: QWidget) -> str:
    """Every text a user could read on the widget and its children (labels, inputs, lists, tables)."""
    parts = []
    for w in [widget, *widget.findChildren(QWidget)]:
        for getter in ("text", "toPlainText", "windowTitle", "toolTip", "accessibleName", "accessibleDescription",
                       "placeholderText", "title"):
            fn = getattr(w, getter, None)
            if callable(fn):
                try:
                    value = fn()
                except TypeError:
                    continue
                if isinstance(value, str):
                    parts.append(value)
        if isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            root = QModelIndex()
            try:
                columns = m.columnCount(root)
            except TypeError:  # list models hide columnCount
                columns = 1
            parts += [str(m.index(r, c, root).data() or "") for r in range(m.rowCount(root)) for c in range(columns)]
        if isinstance(w, QTabWidget):
            parts += [w.tabText(i) for i in range(w.count())]
    return "\n".join(parts)


def test_feature_spec_gives_reviewers_a_page(ctx, coordinator, reviewer):
    spec = feature(ctx)
    assert spec.key == "ideas" and spec.title == "Ideenmanagement"
    assert [t for t, _f in spec.settings_pages]
    ctx.settings.roles = ["ideas_reviewer"]
    spec = feature(ctx)
    assert spec.role.value == "ideas_reviewer" and spec.settings_pages == []


def test_walk_a_suggestion_from_intake_to_certificate(qtbot, qtmodeltester, ctx, coordinator, reviewer, register,
                                                      rule_set, tmp_path):
    page = create_page(ctx)
    qtbot.addWidget(page)
    assert isinstance(page, IdeasPage)
    qtmodeltester.check(page.model)
    saved = []

    def save_to(_parent, _title, suggested, _filter):
        saved.append(tmp_path / suggested)
        return str(tmp_path / suggested)

    page.ask_save_path = save_to

    # intake through the dialog: two submitters, shares typed in, one attachment
    dialog = IntakeDialog(coordinator, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code_word, "Papierlos")
    dialog.title_edit.setText("Digitale Urlaubsanträge")  # keyClicks takes ASCII only
    dialog.current_state.setPlainText("Anträge auf Papier.")
    dialog.proposal.setPlainText("Anträge im Intranet.")
    dialog.unit.setCurrentIndex(dialog.unit.findData(register.amt10.id))
    dialog.employee_search.setText("müller")
    assert dialog.employee_results.count() == 1
    qtbot.mouseClick(dialog.add_submitter_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.employee_search, "Ozdemir")  # FTS ignores diacritics
    qtbot.mouseClick(dialog.add_submitter_button, Qt.MouseButton.LeftButton)
    dialog.submitters.item(0, 1).setText("60")
    dialog.submitters.item(1, 1).setText("30")
    dialog.add_attachment("skizze.pdf", b"%PDF-1.4 skizze")
    dialog.save()
    assert "90,00 % statt 100 %" in all_texts(dialog)  # shown at the field, dialog stays open
    dialog.submitters.item(1, 1).setText("40")
    dialog.save()
    assert dialog.created_id
    page.after_intake(dialog.created_id)
    # The list reloads in the app's task runner; the new suggestion is selected and opened once it is there.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.case_id == dialog.created_id)
    assert "Anna Müller" in page.overview.text.toPlainText() and "skizze.pdf" in all_texts(page.overview)

    page.write("ack")
    assert "Guten Tag Anna Müller" in PdfReader(str(saved[-1])).pages[0].extract_text()

    # admissibility: the check is saved
    page.admissibility.excluded_checked.setChecked(True)
    page.admissibility.admissible.setCurrentIndex(page.admissibility.admissible.findData(True))
    page.admissibility.save()
    assert "✓" in page.admissibility.status.text()

    # review: pick the reviewer, assign
    page.review.check_reviewer(register.gutachter.id)
    qtbot.mouseClick(page.review.assign_button, Qt.MouseButton.LeftButton)
    assert page.review.reviews.rowCount() == 1
    (case,) = reviewer.my_reviews()
    reviewer.submit_statement(case.review_id, StatementInput(feasible=True, savings_annual_cents=300_000,
                                                             statement="Gut."))
    page.reload_case()
    # All statements are in: the coordinator is told so and hands the case to the committee.
    assert any(item.kind == "ready_for_committee" and item.target_id == page.case_id
               for item in page.service.due_items())
    qtbot.mouseClick(page.review.forward_button, Qt.MouseButton.LeftButton)
    page.reload_case()
    assert "Kommission" in page.case_title.text()

    # decision without reasons for a rejection is refused at the field
    panel = page.decision
    panel.ask_yes_no = lambda *_a: True
    panel.decision.setCurrentIndex(panel.decision.findData("abgelehnt"))
    panel.save()
    assert "Bitte die Ablehnung schriftlich begründen." in all_texts(panel)
    # accept with the award calculator: the steps are shown before saving
    panel.decision.setCurrentIndex(panel.decision.findData("angenommen"))
    panel.reasons.setPlainText("Spart Zeit.")
    panel.kind.setCurrentIndex(panel.kind.findData("savings"))
    assert panel.annual.text() == "3.000,00"  # the reviewer's estimate is the starting point
    qtbot.mouseClick(panel.calc_button, Qt.MouseButton.LeftButton)
    steps = panel.steps.toPlainText()
    assert "40 % der jährlichen Netto-Einsparung" in steps and "Prämie gesamt: 1.200,00" in steps
    assert "Anna Müller: 60,00 % = 720,00" in steps
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "Angenommen" in page.case_title.text()

    page.write("decision")
    assert "Spart Zeit." in "".join(p.extract_text() for p in PdfReader(str(saved[-1])).pages)

    # implementation follow-up
    imp = page.implementation
    imp.state.setCurrentIndex(imp.state.findData("umgesetzt"))
    imp.savings.setText("2.800,00")
    qtbot.mouseClick(imp.save_button, Qt.MouseButton.LeftButton)
    assert "Umgesetzt" in page.case_title.text()

    page.write("certificate")
    cert = PdfReader(str(saved[-1]))
    assert len(cert.pages) == 2 and "URKUNDE" in cert.pages[0].extract_text()
    assert float(cert.pages[0].mediabox.width) > float(cert.pages[0].mediabox.height)

    # statistics tab shows the numbers and exports Excel
    page.tabs.setCurrentWidget(page.stats)
    page.stats.refresh()
    assert page.stats.table.rowCount() == 2 and page.stats.rate_chart.chart().series()
    page.stats.ask_save_path = save_to
    page.stats.export()
    assert saved[-1].suffix == ".xlsx" and saved[-1].exists()
    qtmodeltester.check(page.model)


def test_reviewer_screen_shows_no_submitter(qtbot, qtmodeltester, ctx, coordinator, register, rule_set, intake, make_ctx):

    from bochum_desktop.ideas.dto import SubmitterIn

    sid = intake(coordinator, register, submitters=[SubmitterIn(register.clara.id), SubmitterIn(register.anna.id)])
    coordinator.assign_reviewers(sid, [register.gutachter.id], due_on=date(2026, 12, 1))
    reviewer_ctx = make_ctx(ctx, ["ideas_reviewer"], "gutachter")
    page = create_page(reviewer_ctx)
    qtbot.addWidget(page)
    assert isinstance(page, ReviewerPage)
    qtbot.waitUntil(lambda: not page.model.loading)
    qtmodeltester.check(page.model)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.select_id(sid)
    page.open_suggestion(sid)
    assert "Digitale Urlaubsanträge" in page.text.toPlainText()
    texts = all_texts(page)
    for emp in (register.clara, register.anna):
        for forbidden in (emp.first_name, emp.last_name, emp.personnel_number):
            assert forbidden not in texts
    assert "Stadtkämmerei" not in texts
    # the start page's due item opens the same case on the reviewer's page
    spec = feature(reviewer_ctx)
    (due,) = spec.due_items(reviewer_ctx)
    assert due.overdue is False and "Digitale Urlaubsanträge" in due.title
    spec.open_record(page, due.kind, due.target_id)
    assert page.current.suggestion_id == sid
    # the statement through the form
    page.feasible.setChecked(True)
    page.annual.setText("1.500,00")
    page.statement.setPlainText("Umsetzbar mit wenig Aufwand.")
    page.submit()
    assert "✓" in page.status.text()
    assert coordinator.get_case(sid).reviews[0].savings_annual_cents == 150_000
    assert not page.submit_button.isEnabled()


def test_rule_set_settings_page_refuses_overlap(qtbot, ctx, coordinator, rule_set):
    page = RuleSetsPage(ctx)
    qtbot.addWidget(page)
    assert page.list.count() == 1
    page.new()
    page.valid_from.setDate(page.valid_from.date().addDays(-30))
    assert not page.save()
    assert "überschneidet" in all_texts(page)
    page.list.setCurrentRow(0)
    assert page.fields["annual_rate_bp"].text() == "40"
    page.fields["cap_cents"].setText("6.000,00")
    assert page.save()
    assert coordinator.list_rule_sets()[0].rules["cap_cents"] == 600_000
