"""The HR main flow driven through the real widgets: Kita + contract, application (with a refused input
first), ranking and what-if, proposal, confirmation, accepted offer, occupancy table and chart."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from bochum_desktop.kita.views import feature
from bochum_desktop.kita.views.page import KitaPage


def _save(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    button = box.button(QDialogButtonBox.StandardButton.Save) or box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select(view, row: int) -> None:
    view.selectRow(row)
    view.setCurrentIndex(view.model().index(row, 0))


@pytest.fixture
def page(qtbot, ctx):
    widget = KitaPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def test_feature_spec(ctx):
    spec = feature(ctx)
    assert (spec.key, spec.title, spec.role.value) == ("kita", "Kita-Kontingent", "kita")
    assert spec.settings_pages and spec.due_items(ctx) == [] and spec.search(ctx, "x") == []


def test_main_flow_through_the_widgets(qtbot, page, qtmodeltester, tmp_path):
    # --- Kita and contract
    page.tabs.setCurrentWidget(page.kitas)
    qtbot.mouseClick(page.kitas.new_kita_button, Qt.MouseButton.LeftButton)
    dlg = page.kitas.dialog
    qtbot.keyClicks(dlg.name, "Kita Rathaus")
    qtbot.keyClicks(dlg.provider, "AWO")
    qtbot.keyClicks(dlg.street, "Willy-Brandt-Platz 1")
    qtbot.keyClicks(dlg.postcode, "44787")
    _save(qtbot, dlg)
    assert page.kitas.kita_model.rowCount() == 1
    qtmodeltester.check(page.kitas.kita_model)

    qtbot.mouseClick(page.kitas.new_contract_button, Qt.MouseButton.LeftButton)
    dlg = page.kitas.dialog
    dlg.year.setCurrentIndex(dlg.year.findData(2026))
    qtbot.keyClicks(dlg.cost, "1.200,00")
    dlg.places[("U3", 35)].setValue(2)
    dlg.places[("UE3", 35)].setValue(1)
    _save(qtbot, dlg)
    page.kitas.year.setCurrentIndex(page.kitas.year.findData(2026))
    contracts = page.kitas.contract_model
    assert contracts.rowCount() == 1 and contracts.row(0).places_u3 == 2
    assert contracts.data(contracts.index(0, 6)) == "3.600,00\u00a0€"
    qtmodeltester.check(contracts)

    # --- application: a birth date in the future is refused at the field, then corrected
    page.tabs.setCurrentWidget(page.applications)
    qtbot.mouseClick(page.applications.new_button, Qt.MouseButton.LeftButton)
    dlg = page.applications.dialog
    qtbot.keyClicks(dlg.personnel_number, "12345")
    dlg.last_name.insert("Müller")  # QTest types ASCII only
    qtbot.keyClicks(dlg.first_name, "Anna")
    dlg.single_parent.setChecked(True)
    qtbot.keyClicks(dlg.child_first_name, "Ben")
    qtbot.keyClicks(dlg.child_birth_date, "01.05.2027")
    qtbot.keyClicks(dlg.desired_start, "01.01.2027")
    dlg.preferences[0].setCurrentIndex(1)
    _save(qtbot, dlg)
    error = dlg.errors.labels["child_birth_date"]
    assert not error.isHidden() and "nicht in der Zukunft" in error.text()
    assert dlg.isVisible()
    dlg.child_birth_date.clear()
    qtbot.keyClicks(dlg.child_birth_date, "01.05.2025")
    _save(qtbot, dlg)
    assert not dlg.isVisible()
    model = page.applications.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)  # the list reloads in the app's task runner
    qtmodeltester.check(model)
    qtbot.mouseClick(page.applications.new_button, Qt.MouseButton.LeftButton)
    dlg = page.applications.dialog
    for edit, text in ((dlg.last_name, "Schmidt"), (dlg.first_name, "Carl"), (dlg.child_first_name, "Mia"),
                       (dlg.child_birth_date, "01.03.2025"), (dlg.desired_start, "01.01.2027")):
        qtbot.keyClicks(edit, text)
    dlg.preferences[0].setCurrentIndex(1)
    _save(qtbot, dlg)
    qtbot.waitUntil(lambda: model.rowCount() == 2)

    # --- ranking with explanation and what-if
    page.tabs.setCurrentWidget(page.ranking)
    ranking = page.ranking
    qtbot.waitUntil(lambda: not ranking.busy)  # computed in the app's task runner
    assert [ranking.model.row(i).applicant for i in range(2)] == ["Müller, Anna", "Schmidt, Carl"]
    qtmodeltester.check(ranking.model)
    _select(ranking.view, 1)
    assert "Rank 2" in ranking.explanation.text()
    assert "Kita Rathaus (U3): position 2 of 2" in ranking.explanation.text()
    ranking.wi_hardship.setChecked(True)
    qtbot.mouseClick(ranking.what_if_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ranking.busy)
    assert "2 → 1" in ranking.what_if_result.text() and "25 Punkte: Härtefall" in ranking.what_if_result.text()

    # --- proposal for January 2027: both fit (2 U3 places); confirm
    page.tabs.setCurrentWidget(page.proposal)
    prop = page.proposal
    prop.select_start(2026, date(2027, 1, 1))
    qtbot.mouseClick(prop.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not prop.busy)
    assert prop.model.rowCount() == 2
    qtmodeltester.check(prop.model)
    prop.model.set_checked(1, False)  # HR holds Carl back for now
    qtbot.mouseClick(prop.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not prop.busy)  # written in the app's task runner
    assert "1 offers created" in prop.message.text()

    # --- offer letter and acceptance
    page.tabs.setCurrentWidget(page.offers)
    offers = page.offers
    assert offers.model.rowCount() == 1 and offers.model.row(0).applicant == "Müller, Anna"
    qtmodeltester.check(offers.model)
    offers.write_letters(tmp_path / "angebote.pdf")
    assert (tmp_path / "angebote.pdf").stat().st_size > 1000
    _select(offers.view, 0)
    qtbot.mouseClick(offers.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not offers.busy)
    assert "Ben placed in Kita Rathaus from 01.01.2027" in offers.message.text()
    assert offers.model.rowCount() == 0  # only open offers listed

    # --- occupancy: January 2027 has one U3 child, chart drawn
    page.tabs.setCurrentWidget(page.occupancy)
    occ = page.occupancy
    occ.year.setCurrentIndex(occ.year.findData(2026))
    jan = occ.model.row(5)
    assert (jan.month, jan.occupied_u3, jan.places, jan.free) == (date(2027, 1, 1), 1, 3, 2)
    assert occ.model.row(4).occupied_u3 == 0
    qtmodeltester.check(occ.model)
    assert len(occ.chart.series()) == 2


def test_override_needs_reason_in_the_dialog(qtbot, page, service, kitas):
    from .conftest import make_draft

    rathaus, sonne = kitas
    service.create_application(make_draft([rathaus.id]))
    prop = page.proposal
    prop.select_start(2026, date(2027, 1, 1))
    prop.compute()
    qtbot.waitUntil(lambda: not prop.busy)
    _select(prop.view, 0)
    dlg = prop.open_override()
    dlg.kita.setCurrentIndex(dlg.kita.findData(sonne.id))
    qtbot.mouseClick(dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert "Begründung" in dlg.errors.labels["override_reason"].text()
    dlg.reason.insert("Wohnortnähe")
    qtbot.mouseClick(dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert prop.model.row(0).kita_name == "Kita Sonnenschein"
    prop.confirm()
    qtbot.waitUntil(lambda: not prop.busy)
    assert [o.override_reason for o in service.list_offers()] == ["Wohnortnähe"]


def test_settings_page_versions_points_and_refuses_bad_input(qtbot, ctx):
    from bochum_desktop.core.errors import DomainError
    from bochum_desktop.kita.views.settings_page import KitaSettingsPage

    page = KitaSettingsPage(ctx)
    qtbot.addWidget(page)
    page.deadline.setValue(10)
    page.inputs["single_parent_points"].setValue(30)
    page.apply()
    stored = ctx.feature_settings("kita")
    assert stored["offer_deadline_days"] == 10 and stored["schemes"][0]["single_parent_points"] == 30
    page.new_version()
    assert page.version.count() == 2
    page.valid_from.setText("31.02.2027")
    with pytest.raises(DomainError):
        page.apply()
    assert "Gültig ab" in page.error.text()
    assert len(ctx.feature_settings("kita")["schemes"]) == 1  # nothing half stored


def test_excel_import_of_applications_through_the_dialog(qtbot, page, kitas, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Anträge"
    ws.append(["Personalnummer", "Nachname", "Vorname", "Kind: Vorname", "Kind: Geburtsdatum", "Gewünschter Beginn",
               "Betreuungsumfang (Std.)", "Wunsch-Kita 1", "Eingangsdatum"])
    ws.append(["12345", "Müller", "Anna", "Ben", date(2025, 5, 1), date(2027, 1, 1), 35, "Kita Rathaus",
               date(2026, 11, 2)])
    wb.save(tmp_path / "antraege.xlsx")
    page.tabs.setCurrentWidget(page.applications)
    dlg = page.applications.open_import()
    dlg.set_file(tmp_path / "antraege.xlsx")
    qtbot.waitUntil(lambda: dlg.import_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=10_000)
    dlg.close()
    qtbot.waitUntil(lambda: page.applications.model.rowCount() == 1, timeout=10_000)


def test_application_form_takes_the_name_from_the_register(qtbot, ctx, service, kitas):
    from bochum_desktop.kita.views.application_dialog import ApplicationDialog
    from bochum_desktop.reference.model import Employee

    with ctx.db.unit_of_work() as s:
        s.add(Employee(personnel_number="54321", last_name="Öztürk", first_name="Aylin", email="a.oeztuerk@bochum.example"))
    dlg = ApplicationDialog(service, None)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.personnel_number, "99999")
    qtbot.mouseClick(dlg.lookup_button, Qt.MouseButton.LeftButton)
    assert "register" in dlg.errors.labels["personnel_number"].text()
    dlg.personnel_number.clear()
    qtbot.keyClicks(dlg.personnel_number, "54321")
    qtbot.mouseClick(dlg.lookup_button, Qt.MouseButton.LeftButton)
    assert (dlg.last_name.text(), dlg.first_name.text(), dlg.email.text()) == (
        "Öztürk", "Aylin", "a.oeztuerk@bochum.example")
    qtbot.keyClicks(dlg.child_first_name, "Can")
    qtbot.keyClicks(dlg.child_birth_date, "01.02.2025")
    qtbot.keyClicks(dlg.desired_start, "01.01.2027")
    dlg.preferences[0].setCurrentIndex(1)
    dlg.save()
    assert dlg.saved is not None and dlg.saved.employee_id is not None and dlg.saved.personnel_number == "54321"
