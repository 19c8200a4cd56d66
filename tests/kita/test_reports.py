"""Kita letters and exports: the text the applicant reads and the cells HR opens in Excel."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest
from openpyxl import load_workbook

from bochum_desktop.core.errors import DomainError
from bochum_desktop.export.templates import TemplateService
from bochum_desktop.kita import reports

from .conftest import make_draft

JAN = date(2027, 1, 1)


@pytest.fixture
def offered(service, kitas):
    rathaus, sonne = kitas
    anna = service.create_application(make_draft([rathaus.id, sonne.id], single_parent=True))
    carl = service.create_application(make_draft([rathaus.id], last_name="Schmidt", first_name="Carl",
                                                 personnel_number="22222", child_first_name="Mia"))
    offer = service.confirm_proposal(2026, JAN, service.compute_proposal(2026, JAN).entries)
    return anna, carl, offer


def test_offer_letter_names_kita_start_and_deadline(service, offered, settings, tmp_path):
    anna, _carl, offers = offered
    letters = reports.KitaLetters(service, TemplateService(service.db), signature="Max Schäfer")
    offer_for_anna = next(o for o in offers if o.application_id == anna.id)
    letter = letters.offer_letter(offer_for_anna.id)
    assert letter.recipient_lines == ["Anna Müller", "Hauptstr. 1", "44787 Bochum"]
    assert letter.subject == "Angebot eines Kita-Platzes für Ben"
    assert "Kita Rathaus, Willy-Brandt-Platz 1, 44787 Bochum (Träger: AWO)" in letter.body
    assert "bis zum 10.12.2026 mit" in letter.body and "Beginn: 01.01.2027" in letter.body
    path = reports.write_letters([letter], tmp_path / "angebot.pdf", settings)
    with pdfplumber.open(path) as pdf:
        text = pdf.pages[0].extract_text()
    assert "Angebot eines Kita-Platzes für Ben" in text and "10.12.2026" in text


def test_waitlist_letter_lists_positions_and_rejection_needs_reason(service, offered):
    _anna, carl, _ = offered
    letters = reports.KitaLetters(service)
    body = letters.waitlist_letter(carl.id).body
    assert "Kita Rathaus (U3): Platz 1 von 1" in body
    with pytest.raises(DomainError, match="Grund"):
        letters.rejection_letter(carl.id, " ")
    assert "Grund: Kein U3-Platz frei." in letters.rejection_letter(carl.id, "Kein U3-Platz frei.").body


def test_occupancy_and_contract_costs_to_excel(service, offered, tmp_path):
    path = reports.export_occupancy(service, 2026, tmp_path / "belegung.xlsx", "tester")
    ws = load_workbook(path)["Belegung 2026_27"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Kita", "Monat", "Plätze U3"]
    rathaus_jan = [r for r in ws.iter_rows(min_row=2, values_only=True)
                   if r[0] == "Kita Rathaus" and r[1].date() == JAN][0]
    assert rathaus_jan[2:8] == (1, 0, 1, 0, 1, 1)  # one U3 place held by an open offer
    path = reports.export_contract_costs(service, 2026, tmp_path / "kosten.xlsx", "tester")
    rows = list(load_workbook(path)["Vertragskosten"].iter_rows(min_row=2, values_only=True))
    assert rows[0][0] == "Kita Rathaus" and rows[0][6] == 2 and rows[0][9] == 2400.0 and rows[0][10] == 28800.0
    assert rows[-1][0] == "Summe" and rows[-1][10] == 28800.0 + 13200.0


def test_application_list_to_pdf_and_excel(service, offered, tmp_path):
    pdf = reports.export_applications(service, tmp_path / "antraege.pdf", "tester")
    with pdfplumber.open(pdf) as doc:
        text = doc.pages[0].extract_text()
    assert "Müller, Anna" in text and "Schmidt, Carl" in text
    xlsx = reports.export_applications(service, tmp_path / "antraege.xlsx", "tester", text="schmidt")
    rows = list(load_workbook(xlsx)["Anträge"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["Schmidt, Carl"]
