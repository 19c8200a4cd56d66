"""Letters, certificate and statistics export of the suggestion scheme, through the output layer
(export.templates / export.letter / export.excel). Letters go to every submitter of a suggestion by
internal mail. Everything here reads through IdeasService.get_case, so the role rules apply: a reviewer
cannot produce a letter (it would name the submitters)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..core.errors import DomainError
from ..core.formatting import format_cents, format_date
from ..export import fonts
from ..export.columns import OutColumn
from ..export.excel import write_table
from ..export.letter import Letter, render_letters
from ..export.templates import LetterType, TemplateService, register_letter_type
from .dto import SuggestionCase
from .rules import bp_to_percent_text
from .service import IdeasService

ACK = "ideas.acknowledgement"
DECISION = "ideas.decision"
CERTIFICATE_STATES = ("angenommen", "umgesetzt", "nicht_umgesetzt")

_COMMON = {
    "anrede": "Anrede, z. B. „Guten Tag Anna Müller“",
    "name": "Name der Einreicherin / des Einreichers",
    "nummer": "Vorschlagsnummer, z. B. VV-2026-0042",
    "kennwort": "Kennwort des Vorschlags",
    "titel": "Titel des Vorschlags",
    "eingang": "Eingangsdatum",
}
_SAMPLE = {"anrede": "Guten Tag Erika Mustermann", "name": "Erika Mustermann", "nummer": "VV-2026-0042",
           "kennwort": "Papierlos", "titel": "Digitale Urlaubsanträge", "eingang": "26.11.2026"}

register_letter_type(LetterType(
    key=ACK, title="Ideenmanagement: Eingangsbestätigung", feature="ideas", placeholders=_COMMON,
    default_subject="Ihr Verbesserungsvorschlag {nummer} „{titel}“",
    default_body=(
        "{anrede},\n\nvielen Dank für Ihren Verbesserungsvorschlag mit dem Kennwort „{kennwort}“, der am "
        "{eingang} bei uns eingegangen ist. Er wird unter der Nummer {nummer} geführt.\n\n"
        "Wir prüfen Ihren Vorschlag nun; Fachleute aus dem betroffenen Bereich begutachten ihn, ohne zu "
        "erfahren, wer ihn eingereicht hat. Über die Entscheidung der Kommission informieren wir Sie "
        "schriftlich."),
    sample_values=_SAMPLE,
))

register_letter_type(LetterType(
    key=DECISION, title="Ideenmanagement: Entscheidung", feature="ideas",
    placeholders={**_COMMON,
                  "entscheidung": "Entscheidung der Kommission (angenommen / abgelehnt / zurückgestellt)",
                  "entschieden_am": "Datum der Entscheidung",
                  "begruendung": "Begründung der Kommission",
                  "praemie": "Prämie gesamt",
                  "anteil": "Anteil der Empfängerin / des Empfängers an der Prämie",
                  "berechnung": "Berechnung der Prämie, Schritt für Schritt"},
    default_subject="Entscheidung über Ihren Verbesserungsvorschlag {nummer}",
    default_body=(
        "{anrede},\n\ndie Kommission für das Ideenmanagement hat am {entschieden_am} über Ihren "
        "Verbesserungsvorschlag „{titel}“ (Kennwort „{kennwort}“) entschieden: Der Vorschlag wurde "
        "{entscheidung}.\n\nBegründung:\n{begruendung}\n\nPrämie: {praemie}, Ihr Anteil: {anteil}\n\n"
        "Berechnung:\n{berechnung}\n\nVielen Dank für Ihr Engagement."),
    sample_values={**_SAMPLE, "entscheidung": "angenommen", "entschieden_am": "26.11.2026",
                   "begruendung": "Der Vorschlag spart Zeit und Papier.", "praemie": "1.200,00\u00a0€",
                   "anteil": "600,00\u00a0€ (50,00 %)",
                   "berechnung": "Jährlich wiederkehrende Einsparung: 3.000,00\u00a0€\n…"},
))

DECISION_WORDS = {"angenommen": "angenommen", "abgelehnt": "abgelehnt", "zurueckgestellt": "zurückgestellt"}


def _number(case: SuggestionCase) -> str:
    return f"{case.number} (vorläufig)" if case.number_provisional else case.number


class IdeasReports:
    def __init__(self, service: IdeasService, templates: TemplateService | None = None) -> None:
        self.service = service
        self.templates = templates or TemplateService(service.db)
        self.ctx = service.ctx

    def _values(self, case: SuggestionCase, name: str) -> dict[str, object]:
        return {"anrede": f"Guten Tag {name}", "name": name, "nummer": _number(case), "kennwort": case.code_word,
                "titel": case.title, "eingang": format_date(case.received_at)}

    def _recipient(self, sub) -> list[str]:
        lines = [sub.name]
        if sub.unit_name:
            lines.append(sub.unit_name)
        lines.append("– Hauspost –")
        return lines

    def _info(self, case: SuggestionCase) -> dict[str, object]:
        sender = self.ctx.settings.sender
        # Under "Mit freundlichen Grüßen": the letters' contact, else the desk user's name, else the login.
        signature = sender.contact_name or self.ctx.settings.user_name or self.ctx.user or ""
        return {"our_ref": _number(case), "name": sender.contact_name, "phone": sender.phone, "email": sender.email,
                "signature": signature}

    def acknowledgement_letters(self, suggestion_id: str, letter_date: date | None = None) -> list[Letter]:
        case = self.service.get_case(suggestion_id)
        return [self.templates.letter_from_template(ACK, self._values(case, sub.name), self._recipient(sub),
                                                    letter_date, **self._info(case))
                for sub in case.submitters]

    def decision_letters(self, suggestion_id: str, letter_date: date | None = None) -> list[Letter]:
        case = self.service.get_case(suggestion_id)
        if case.decision is None:
            raise DomainError("Es gibt noch keine Entscheidung der Kommission.", "decision")
        award = case.award
        letters = []
        for i, sub in enumerate(case.submitters):
            values = self._values(case, sub.name)
            share = award.shares[i] if award and i < len(award.shares) else None
            values.update(
                entscheidung=DECISION_WORDS.get(case.decision.decision, case.decision.decision_label),
                entschieden_am=format_date(case.decision.decided_on),
                begruendung=case.decision.reasons or "—",
                praemie=format_cents(award.total_cents if award else 0),
                anteil=(f"{format_cents(share.cents)} ({bp_to_percent_text(share.share_bp)})" if share
                        else format_cents(0)),
                berechnung="\n".join(award.lines) if award and award.lines else "—",
            )
            letters.append(self.templates.letter_from_template(DECISION, values, self._recipient(sub), letter_date,
                                                               **self._info(case)))
        return letters

    def write_letters(self, letters: list[Letter], path: str | Path) -> Path:
        return render_letters(letters, path, form=self.ctx.settings.letter_form, sender=self.ctx.settings.sender)

    def write_acknowledgement(self, suggestion_id: str, path: str | Path) -> Path:
        """Acknowledgement letters into one PDF and the suggestion marked acknowledged."""
        out = self.write_letters(self.acknowledgement_letters(suggestion_id), path)
        self.service.acknowledge(suggestion_id)
        return out

    def write_decision(self, suggestion_id: str, path: str | Path) -> Path:
        return self.write_letters(self.decision_letters(suggestion_id), path)

    # ------------------------------------------------------------------------------------ certificate
    def write_certificate(self, suggestion_id: str, path: str | Path, on: date | None = None) -> Path:
        """Urkunde (A4 landscape), one page per submitter, for accepted suggestions."""
        case = self.service.get_case(suggestion_id)
        if case.status not in CERTIFICATE_STATES:
            raise DomainError("Eine Urkunde gibt es nur für angenommene Vorschläge.", "status")
        path = Path(path)
        fonts.register()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".part")
        os.close(fd)
        try:
            c = Canvas(tmp, pagesize=landscape(A4))
            c.setTitle(f"Urkunde {case.number}" if not case.number_provisional else f"Urkunde {case.title}")
            c.setAuthor(self.ctx.settings.sender.organisation)
            for sub in case.submitters:
                self._certificate_page(c, case, sub.name, on or self.service.clock.today())
                c.showPage()
            c.save()
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        return path

    def _certificate_page(self, c: Canvas, case: SuggestionCase, name: str, on: date) -> None:
        width, height = landscape(A4)
        sender = self.ctx.settings.sender
        c.setLineWidth(2.5)
        c.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
        c.setLineWidth(0.8)
        c.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)

        def centred(text: str, y_mm: float, font: str, size: float) -> None:
            while size > 8 and stringWidth(text, font, size) > width - 50 * mm:
                size -= 0.5
            c.setFont(font, size)
            c.drawCentredString(width / 2, height - y_mm * mm, text)

        centred(sender.organisation, 32, fonts.REGULAR, 16)
        centred("URKUNDE", 58, fonts.BOLD, 40)
        centred("Ideenmanagement – Betriebliches Vorschlagswesen", 70, fonts.REGULAR, 14)
        centred(name, 98, fonts.BOLD, 28)
        centred("hat mit dem Verbesserungsvorschlag", 114, fonts.REGULAR, 14)
        centred(f"„{case.title}“", 128, fonts.BOLD, 18)
        if not case.number_provisional:
            # A provisional number is replaced after the first sync; a certificate is kept for years, so it
            # carries only a final number (the decision letter names the provisional one as such).
            centred(f"({case.number})", 138, fonts.REGULAR, 12)
        centred("einen wertvollen Beitrag zur Verbesserung unserer Verwaltung geleistet.", 152, fonts.REGULAR, 14)
        centred("Dafür danken wir herzlich.", 162, fonts.REGULAR, 14)
        city = sender.postcode_city.split(" ", 1)[-1] if sender.postcode_city else ""
        c.setFont(fonts.REGULAR, 12)
        c.drawString(40 * mm, 32 * mm, f"{city}, {format_date(on)}".lstrip(", "))
        c.line(width - 120 * mm, 36 * mm, width - 40 * mm, 36 * mm)
        c.setFont(fonts.REGULAR, 10)
        c.drawCentredString(width - 80 * mm, 31 * mm, "Für die Kommission Ideenmanagement")

    # ------------------------------------------------------------------------------------ statistics
    STAT_COLUMNS = (
        OutColumn("Jahr", "int", 0.6), OutColumn("Organisationseinheit", "text", 2.5),
        OutColumn("Vorschläge", "int"), OutColumn("Beschäftigte", "int"),
        OutColumn("Vorschläge je 100 Beschäftigte", "decimal", 1.2, 1), OutColumn("Entschieden", "int"),
        OutColumn("Angenommen", "int"), OutColumn("Annahmequote %", "decimal", 1, 1),
        OutColumn("Median der Bearbeitungszeit (Tage)", "decimal", 1.2, 1), OutColumn("Einsparung (netto, 1. Jahr)", "cents", 1.3),
        OutColumn("Tatsächliche Einsparung", "cents", 1.3), OutColumn("Prämien", "cents", 1.2),
    )

    def export_statistics(self, path: str | Path, year: int | None = None) -> Path:
        rows = self.service.statistics(year)
        data = [[r.year, r.unit_name, r.suggestions, r.head_count, r.per_100_staff, r.decided, r.accepted,
                 r.acceptance_rate, r.median_lead_days, r.savings_cents, r.actual_savings_cents, r.awards_cents]
                for r in rows]
        meta = {"Erstellt von": self.ctx.user, "Erstellt am": self.service.clock.now(),
                "Filter": f"Jahr {year}" if year else "alle Jahre",
                "Hinweis": "Beschäftigte: aktive Beschäftigte laut Verzeichnis (heutiger Stand)."}
        return write_table(path, "Ideenmanagement Statistik", self.STAT_COLUMNS, data, meta=meta)
