"""What protects HR from losing work or acting by accident: unsaved input is not thrown away without a
question, and far-reaching actions name their consequence and wait for a Yes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from bochum_desktop.kita.views.application_dialog import ApplicationDialog
from bochum_desktop.kita.views.kitas_tab import ContractDialog, KitaDialog


def _cancel(qtbot, dialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("how", ["cancel", "escape", "close"])
def test_application_dialog_asks_before_discarding_typed_input(qtbot, service, kitas, answers, how):
    dlg = ApplicationDialog(service, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.last_name, "Schmidt")

    def leave():
        if how == "cancel":
            _cancel(qtbot, dlg)
        elif how == "escape":
            qtbot.keyClick(dlg, Qt.Key.Key_Escape)
        else:
            dlg.close()

    answers.queue.append(False)  # "Nein": keep editing
    leave()
    assert answers.asked == ["Discard unsaved input?"]
    assert dlg.isVisible() and dlg.last_name.text() == "Schmidt"
    answers.queue.append(True)  # "Ja": discard
    leave()
    assert not dlg.isVisible() and dlg.saved is None


def test_unchanged_dialogs_close_without_a_question(qtbot, service, kitas, answers):
    for dlg in (ApplicationDialog(service, None), KitaDialog(service, None), ContractDialog(service, None, 2026)):
        qtbot.addWidget(dlg)
        dlg.show()
        _cancel(qtbot, dlg)
        assert not dlg.isVisible()
    assert answers.asked == []


def test_kita_and_contract_dialogs_ask_too(qtbot, service, kitas, answers):
    kita = KitaDialog(service, None)
    contract = ContractDialog(service, None, 2026)
    for dlg, change in ((kita, lambda: kita.active.setChecked(False)),
                        (contract, lambda: contract.places[("U3", 35)].setValue(3))):
        qtbot.addWidget(dlg)
        dlg.show()
        change()
        answers.queue.append(False)
        _cancel(qtbot, dlg)
        assert dlg.isVisible()
    assert answers.asked == ["Discard unsaved input?"] * 2


def _offers_page(qtbot, ctx, service, kitas):
    from datetime import date

    from bochum_desktop.kita.views.page import KitaPage

    from .conftest import make_draft

    rathaus, sonne = kitas
    service.create_application(make_draft([rathaus.id]))
    service.create_application(make_draft([rathaus.id, sonne.id], personnel_number="54321", last_name="Schmidt",
                                          child_first_name="Mia"))
    page = KitaPage(ctx)
    qtbot.addWidget(page)
    page.proposal.select_start(2026, date(2027, 1, 1))
    page.proposal.compute()
    qtbot.waitUntil(lambda: not page.proposal.busy)  # computed in the app's task runner
    return page


def test_confirming_the_proposal_names_the_count_and_no_creates_nothing(qtbot, ctx, service, kitas, answers):
    page = _offers_page(qtbot, ctx, service, kitas)
    prop = page.proposal
    assert prop.model.rowCount() == 2
    answers.queue.append(False)
    prop.confirm()
    assert not prop.busy
    assert answers.asked == ["Create 2 offers and set the answer deadlines (10.12.2026)?"]
    assert service.list_offers() == [] and prop.model.rowCount() == 2  # nothing happened, lines kept
    answers.queue.append(True)
    prop.confirm()
    qtbot.waitUntil(lambda: not prop.busy)
    assert len(service.list_offers()) == 2


def test_offer_answers_and_expiry_ask_first(qtbot, ctx, service, kitas, answers, clock):

    page = _offers_page(qtbot, ctx, service, kitas)
    answers.queue.append(True)
    page.proposal.confirm()
    qtbot.waitUntil(lambda: not page.proposal.busy)
    offers = page.offers
    offers.refresh()
    offers.view.selectRow(0)
    answers.asked.clear()
    for button in (offers.accept_button, offers.decline_list_button, offers.decline_final_button):
        answers.queue.append(False)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [q.split("?")[0] for q in answers.asked] == [
        "Record the offer for Ben (Müller, Anna) as accepted",
        "Record the offer for Ben (Müller, Anna) in Kita Rathaus as declined",
        "Record the offer for Ben (Müller, Anna) in Kita Rathaus as declined"]
    assert "Kita Rathaus from 01.01.2027" in answers.asked[0]
    assert "waiting list" in answers.asked[1] and "no further offers" in answers.asked[2]
    assert {o.status for o in service.list_offers()} == {"open"}  # every "Nein" left the offers alone

    answers.asked.clear()
    qtbot.mouseClick(offers.expire_button, Qt.MouseButton.LeftButton)
    assert answers.asked == [] and "No open offer" in offers.message.text()  # nothing overdue: no question
    clock.advance(days=30)
    answers.queue.append(False)
    qtbot.mouseClick(offers.expire_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["Close 2 expired offers? The applications go back on the waiting list."]
    assert {o.status for o in service.list_offers()} == {"open"}


def test_proposal_starts_at_the_first_wanted_month_and_explains_an_empty_result(qtbot, ctx, service, kitas):
    from datetime import date

    from bochum_desktop.kita.views.proposal_tab import ProposalTab

    from .conftest import make_draft

    service.create_application(make_draft([kitas[0].id], desired_start=date(2027, 1, 15)))
    tab = ProposalTab(service, runner=ctx.services["task_runner"])
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: not tab.busy)  # the first wanted month is looked up in the background
    assert tab.start_month() == date(2027, 1, 1)  # not 11/2026 (today), where nobody wants a place
    tab.compute()
    qtbot.waitUntil(lambda: not tab.busy)
    assert tab.model.rowCount() == 1

    tab.select_start(2026, date(2026, 11, 1))
    tab.compute()
    qtbot.waitUntil(lambda: not tab.busy)
    assert tab.model.rowCount() == 0
    assert tab.message.text() == ("ℹ Nothing to propose: no open application wants to start in 11/2026 or earlier "
                                  "— next desired start: 01/2027.")


def test_first_demand_month(service, kitas):
    from datetime import date

    from .conftest import make_draft

    assert service.first_demand_month(date(2026, 11, 26)) is None
    service.create_application(make_draft([kitas[0].id], desired_start=date(2027, 3, 1)))
    service.create_application(make_draft([kitas[0].id], personnel_number="54321", desired_start=date(2027, 2, 1)))
    assert service.first_demand_month(date(2026, 11, 26)) == date(2027, 2, 1)
    # an application whose wished start has passed still wants a place now
    assert service.first_demand_month(date(2027, 4, 10)) == date(2027, 4, 1)


def test_new_status_offers_only_the_changes_the_selected_application_allows(qtbot, ctx, service, kitas):
    from bochum_desktop.kita.views.applications_tab import ApplicationsTab

    from .conftest import make_draft

    app = service.create_application(make_draft([kitas[0].id]))
    tab = ApplicationsTab(service, ctx.settings, "hr", None, ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)

    def offered():
        return [tab.new_status.itemText(i) for i in range(tab.new_status.count())]

    assert not tab.new_status.isEnabled() and not tab.status_button.isEnabled()
    tab.table.select_id(app.id)
    assert offered() == ["In Prüfung", "Warteliste", "Zurückgezogen"] and tab.new_status.isEnabled()
    tab.new_status.setCurrentIndex(1)
    tab.reason.setText("alle Unterlagen da")
    qtbot.mouseClick(tab.status_button, Qt.MouseButton.LeftButton)
    assert service.get_application(app.id).status == "warteliste"
    qtbot.waitUntil(lambda: offered() == ["In Prüfung", "Zurückgezogen"])


def test_occupancy_chart_whole_ticks_patterns_and_german_numbers(qtbot, ctx, service, kitas):
    from PySide6.QtCharts import QValueAxis
    from PySide6.QtCore import QLocale

    from bochum_desktop.kita.views.occupancy_tab import OccupancyTab, axis_step

    assert [axis_step(n) for n in (0, 3, 8, 9, 11, 12, 17, 40, 41, 90, 400)] == [1, 1, 1, 2, 2, 2, 5, 5, 10, 20, 50]
    from bochum_desktop.kita.dto import KitaInput

    kunterbunt = service.save_kita(KitaInput(name="Kita Kunterbunt"))
    service.save_contract(kunterbunt.id, 2026, {("U3", 35): 7, ("UE3", 35): 5}, 110000)  # 12 places
    tab = OccupancyTab(service)
    qtbot.addWidget(tab)
    tab.kita.setCurrentIndex(tab.kita.findData(kunterbunt.id))
    y = next(a for a in tab.chart.axes() if isinstance(a, QValueAxis))
    assert y.tickType() == QValueAxis.TickType.TicksDynamic and y.tickInterval() == 2 and y.tickAnchor() == 0
    assert (y.min(), y.max()) == (0, 14)  # 0, 2, 4 … 14: whole numbers, not 0/2/4/7/9/12
    assert y.labelFormat() == "%.0f"  # German grouping ("1.200"); "%d" draws nothing with localised numbers
    bars = next(s for s in tab.chart.series() if hasattr(s, "barSets"))
    styles = [s.brush().style() for s in bars.barSets()]
    assert len(set(styles)) == 3  # U3, Ü3 and offers differ by pattern, not only by colour
    assert tab.chart.localizeNumbers() and tab.chart.locale().language() == QLocale.Language.German


def test_ranking_shows_every_explanation_line_and_checkboxes_add_information(qtbot, ctx, service, kitas):
    from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel

    from bochum_desktop.kita.views.ranking_tab import RankingTab

    from .conftest import make_draft

    service.create_application(make_draft([kitas[0].id], single_parent=True, shift_work=True, hardship=True))
    tab = RankingTab(service, runner=ctx.services["task_runner"])
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    qtbot.waitUntil(lambda: not tab.busy)
    why = tab.model.index(0, tab.model.columnCount() - 1)
    lines = tab.model.data(why).split("\n")
    assert len(lines) == 3  # 20 alleinerziehend, 10 Schichtdienst, 25 Härtefall: one line each
    assert tab.view.rowHeight(0) >= 3 * tab.view.fontMetrics().lineSpacing()  # not cut after two lines
    widest = max(tab.view.fontMetrics().horizontalAdvance(line) for line in lines)
    assert tab.view.columnWidth(why.column()) >= widest  # nor at the right edge

    form = tab.findChild(QFormLayout)
    for box in tab.findChildren(QCheckBox):
        label = form.labelForField(box)
        assert isinstance(label, QLabel) and label.buddy() is box
        assert box.text().startswith("yes (+") and box.text().endswith(" points)")  # the points, not the label again
    assert [b.text() for b in (tab.wi_single, tab.wi_shift, tab.wi_hardship)] == [
        "yes (+20 points)", "yes (+10 points)", "yes (+25 points)"]


def test_statuses_are_spelt_alike_and_active_reads_like_the_shared_tables(qtbot, service, kitas):
    from bochum_desktop.kita.model import OFFER_STATUS_LABELS, STATUS_LABELS
    from bochum_desktop.kita.views.kitas_tab import KitasTab

    for label in [*STATUS_LABELS.values(), *OFFER_STATUS_LABELS.values()]:
        assert label[0].isupper(), label
    tab = KitasTab(service)
    qtbot.addWidget(tab)
    assert tab.kita_model.data(tab.kita_model.index(0, 4)) == "Yes"  # "Ja" in German, as SqlTableModel's bool
