"""Letters and exports of the Kita-Kontingent through the output layer (export.templates, export.letter,
export.excel, export.list_pdf): offer, waiting-list and rejection letters; occupancy per Kita and contract
costs to Excel; the application list to Excel and PDF.

The row functions (*_rows) are plain data so the views and tests can use them without writing files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..core.errors import DomainError
from ..core.formatting import format_date
from ..core.settings import Settings
from ..export.columns import OutColumn
from ..export.excel import write_table
from ..export.letter import Letter, render_letters
from ..export.list_pdf import write_list
from ..export.templates import LetterType, TemplateService, register_letter_type
from . import rules
from .dto import ApplicationInfo
from .model import BAND_LABELS
from .service import KitaService

OFFER = "kita.offer"
WAITLIST = "kita.waitlist"
REJECTION = "kita.rejection"

_COMMON = {
    "anrede": "Anrede, z. B. „Guten Tag Anna Müller“",
    "name": "Name der/des Beschäftigten",
    "kind": "Vorname des Kindes",
    "geburtsdatum": "Geburtsdatum des Kindes",
    "eingang": "Eingangsdatum des Antrags",
}
_SAMPLE = {"anrede": "Guten Tag Erika Mustermann", "name": "Erika Mustermann", "kind": "Ben",
           "geburtsdatum": "01.05.2025", "eingang": "02.11.2026"}

register_letter_type(LetterType(
    key=OFFER, title="Kita-Kontingent: Platzangebot", feature="kita",
    placeholders={**_COMMON, "kita": "Name der Kita", "kita_adresse": "Anschrift der Kita",
                  "traeger": "Träger der Kita", "beginn": "Beginn der Betreuung",
                  "umfang": "Betreuungsumfang, z. B. 35 Wochenstunden", "altersgruppe": "U3 oder Ü3",
                  "frist": "Antwortfrist (Datum)"},
    default_subject="Angebot eines Kita-Platzes für {kind}",
    default_body=(
        "{anrede},\n\nwir freuen uns, Ihnen für Ihr Kind {kind} (geboren am {geburtsdatum}) einen Platz aus dem "
        "Kita-Kontingent der Stadt anbieten zu können:\n\n{kita}, {kita_adresse} (Träger: {traeger})\n"
        "Beginn: {beginn}, Betreuungsumfang: {umfang}, Altersgruppe: {altersgruppe}\n\n"
        "Bitte teilen Sie uns bis zum {frist} mit, ob Sie den Platz annehmen. Erhalten wir bis dahin keine "
        "Antwort, vergeben wir den Platz an die nächste Familie auf der Warteliste.\n\n"
        "Den Betreuungsvertrag schließen Sie anschließend direkt mit der Kita ab."),
    sample_values={**_SAMPLE, "kita": "Kita Rathaus", "kita_adresse": "Willy-Brandt-Platz 1, 44787 Bochum",
                   "traeger": "AWO", "beginn": "01.01.2027", "umfang": "35 Wochenstunden", "altersgruppe": "U3",
                   "frist": "10.12.2026"},
))

register_letter_type(LetterType(
    key=WAITLIST, title="Kita-Kontingent: Warteliste", feature="kita",
    placeholders={**_COMMON, "positionen": "Wartelistenplatz je Wunsch-Kita (eine Zeile je Kita)",
                  "beginn": "Gewünschter Betreuungsbeginn"},
    default_subject="Ihr Antrag auf einen Kita-Platz für {kind}: Warteliste",
    default_body=(
        "{anrede},\n\nvielen Dank für Ihren Antrag vom {eingang} auf einen Platz aus dem Kita-Kontingent für Ihr "
        "Kind {kind} (gewünschter Beginn: {beginn}). Zurzeit können wir Ihnen leider noch keinen Platz anbieten. "
        "Ihr Antrag steht auf der Warteliste:\n\n{positionen}\n\nDie Reihenfolge ergibt sich aus dem "
        "Punkteschema des Kita-Kontingents und kann sich ändern. Sobald ein Platz frei wird, melden wir uns."),
    sample_values={**_SAMPLE, "beginn": "01.01.2027",
                   "positionen": "Kita Rathaus (U3): Platz 2 von 5\nKita Sonnenschein (U3): Platz 1 von 3"},
))

register_letter_type(LetterType(
    key=REJECTION, title="Kita-Kontingent: Absage", feature="kita",
    placeholders={**_COMMON, "grund": "Grund der Absage"},
    default_subject="Ihr Antrag auf einen Kita-Platz für {kind}",
    default_body=(
        "{anrede},\n\nvielen Dank für Ihren Antrag vom {eingang} auf einen Platz aus dem Kita-Kontingent für Ihr "
        "Kind {kind}. Leider können wir Ihnen keinen Platz anbieten.\n\nGrund: {grund}\n\n"
        "Bitte melden Sie Ihren Bedarf auch über das Kita-Portal der Stadt an, falls noch nicht geschehen."),
    sample_values={**_SAMPLE, "grund": "Alle Plätze des Kontingents sind für das Kita-Jahr 2026/27 vergeben."},
))


def _base_values(app: ApplicationInfo) -> dict[str, object]:
    name = f"{app.first_name} {app.last_name}"
    return {"anrede": f"Guten Tag {name}", "name": name, "kind": app.child_first_name,
            "geburtsdatum": app.child_birth_date, "eingang": app.received_date}


def _recipient(app: ApplicationInfo) -> list[str]:
    lines = [f"{app.first_name} {app.last_name}", app.street or "", app.postcode_city or ""]
    return [ln for ln in lines if ln]


class KitaLetters:
    """Fills the three Kita letters from the service's data; the templates are editable in the settings."""

    def __init__(self, service: KitaService, templates: TemplateService | None = None,
                 signature: str = "", our_ref: str = "Kita-Kontingent") -> None:
        self.service = service
        self.templates = templates or TemplateService(service.db)
        self.signature = signature
        self.our_ref = our_ref

    def _letter(self, key: str, app: ApplicationInfo, values: dict[str, object]) -> Letter:
        return self.templates.letter_from_template(
            key, {**_base_values(app), **values}, _recipient(app), signature=self.signature,
            your_message_date=app.received_date, our_ref=self.our_ref)

    def offer_letter(self, offer_id: str) -> Letter:
        offer = next((o for o in self.service.list_offers() if o.id == offer_id), None)
        if offer is None:
            raise DomainError("Das Angebot wurde nicht gefunden.", "offer")
        app = self.service.get_application(offer.application_id)
        kita = next(k for k in self.service.list_kitas(include_inactive=True) if k.id == offer.kita_id)
        return self._letter(OFFER, app, {
            "kita": kita.name, "kita_adresse": kita.address or "–", "traeger": kita.provider or "–",
            "beginn": offer.start_date, "umfang": f"{offer.booking_hours} Wochenstunden",
            "altersgruppe": BAND_LABELS[offer.age_band], "frist": offer.deadline})

    def waitlist_letter(self, app_id: str) -> Letter:
        app = self.service.get_application(app_id)
        positions = self.service.waitlist_positions(app_id)
        if not positions:
            raise DomainError("Der Antrag steht nicht auf der Warteliste.", "status")
        text = "\n".join(f"{p.kita_name} ({BAND_LABELS[p.band]}): Platz {p.position} von {p.total}"
                         for p in positions)
        return self._letter(WAITLIST, app, {"positionen": text, "beginn": app.desired_start})

    def rejection_letter(self, app_id: str, reason: str) -> Letter:
        reason = (reason or "").strip()
        if not reason:
            raise DomainError("Bitte einen Grund für die Absage angeben.", "reason")
        return self._letter(REJECTION, self.service.get_application(app_id), {"grund": reason})


def write_letters(letters: Sequence[Letter], path: str | Path, settings: Settings) -> Path:
    return render_letters(letters, path, settings.letter_form, settings.sender)


# --- tables ----------------------------------------------------------------------------------------------

OCCUPANCY_COLUMNS = [
    OutColumn("Kita", width=2.0), OutColumn("Monat", "date"),
    OutColumn("Plätze U3", "int"), OutColumn("belegt U3", "int"),
    OutColumn("Plätze Ü3", "int"), OutColumn("belegt Ü3", "int"),
    OutColumn("offene Angebote", "int"), OutColumn("frei", "int"),
    OutColumn("wechseln zu Ü3", "int"), OutColumn("wechseln zur Schule", "int"),
]


def occupancy_rows(service: KitaService, year: int, kita_id: str | None = None) -> list[list[object]]:
    rows = []
    for contract in service.list_contracts(year, kita_id):
        for m in service.occupancy(contract.kita_id, year):
            rows.append([contract.kita_name, m.month, m.places_u3, m.occupied_u3, m.places_ue3, m.occupied_ue3,
                         m.pending_offers, m.free, m.ageing_into_ue3, m.leaving_for_school])
    return rows


CONTRACT_COLUMNS = [
    OutColumn("Kita", width=2.0), OutColumn("Kita-Jahr"), OutColumn("von", "date"), OutColumn("bis", "date"),
    OutColumn("Plätze U3", "int"), OutColumn("Plätze Ü3", "int"), OutColumn("Plätze gesamt", "int"),
    OutColumn("Kosten je Platz/Monat", "cents"), OutColumn("Monate", "int"),
    OutColumn("Kosten je Monat", "cents"), OutColumn("Kosten gesamt", "cents"),
]


def contract_cost_rows(service: KitaService, year: int | None = None) -> list[list[object]]:
    rows = [[c.kita_name, rules.kita_year_label(c.kita_year), c.valid_from, c.valid_to, c.places_u3, c.places_ue3,
             c.total_places, c.cost_per_place_cents, c.months, c.monthly_cost_cents, c.total_cost_cents]
            for c in service.list_contracts(year)]
    if rows:
        rows.append(["Summe", "", None, None, sum(r[4] for r in rows), sum(r[5] for r in rows),
                     sum(r[6] for r in rows), None, None, sum(r[9] for r in rows), sum(r[10] for r in rows)])
    return rows


APPLICATION_COLUMNS = [
    OutColumn("Personalnr."), OutColumn("Name", width=1.6), OutColumn("Kind"), OutColumn("Geburtsdatum", "date"),
    OutColumn("Beginn", "date"), OutColumn("Std.", "int"), OutColumn("Wunsch-Kitas", width=2.5),
    OutColumn("Eingang", "date"), OutColumn("Status"),
]


def application_rows(apps: Sequence[ApplicationInfo]) -> list[list[object]]:
    return [[a.personnel_number, a.applicant, a.child_first_name, a.child_birth_date, a.desired_start,
             a.booking_hours, ", ".join(f"{i}. {n}" for i, n in enumerate(a.preference_names, 1)), a.received_date,
             a.status_label] for a in apps]


def _meta(user: str, today: date, extra: str = "") -> dict[str, object]:
    meta: dict[str, object] = {"Erstellt von": user, "Erstellt am": format_date(today)}
    if extra:
        meta["Auswahl"] = extra
    return meta


def export_occupancy(service: KitaService, year: int, path: str | Path, user: str = "") -> Path:
    return write_table(path, f"Belegung {rules.kita_year_label(year)}", OCCUPANCY_COLUMNS,
                       occupancy_rows(service, year), _meta(user, service.clock.today(),
                                                             f"Kita-Jahr {rules.kita_year_label(year)}"))


def export_contract_costs(service: KitaService, year: int | None, path: str | Path, user: str = "") -> Path:
    label = f"Kita-Jahr {rules.kita_year_label(year)}" if year is not None else "alle Kita-Jahre"
    return write_table(path, "Vertragskosten", CONTRACT_COLUMNS, contract_cost_rows(service, year),
                       _meta(user, service.clock.today(), label))


def export_applications(service: KitaService, path: str | Path, user: str = "",
                        statuses: tuple[str, ...] | None = None, text: str = "") -> Path:
    apps = service.list_applications(statuses, text)
    description = ", ".join(p for p in (f"Status: {', '.join(statuses)}" if statuses else "",
                                        f"Suche: {text}" if text else "") if p)
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        return write_list(path, "Kita-Kontingent: Anträge", APPLICATION_COLUMNS, application_rows(apps),
                          description, user, service.clock.now())
    return write_table(path, "Anträge", APPLICATION_COLUMNS, application_rows(apps),
                       _meta(user, service.clock.today(), description))
