"""Offers: record the answers (accepted, declined, expired) and write the offer letters.

An answer is written in the app's task runner: a decline or an expiry computes who is next for the place
(a proposal for that Kita), about 0.1 s at 2,000 applications. Meanwhile the answer buttons are off."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ...core.errors import DomainError
from ...core.formatting import format_date
from ...core.settings import Settings
from ...ui.task_runner import LatestJob
from .. import reports
from ..service import KitaService
from . import common
from .common import MessageLine, ask_save_path, attach, current_row, setup_table, tab_chain
from .rows_model import RowColumn, RowsModel


class OffersTab(QWidget):
    answer_recorded = Signal()  # written: the page refreshes what it shows (e.g. a proposal now outdated)

    def __init__(self, service: KitaService, settings: Settings, parent: QWidget | None = None, runner=None):
        super().__init__(parent)
        self.service, self.settings = service, settings
        # Recording an answer names who is next for the place (a proposal computed for that Kita): written and
        # computed in the runner, with the answer buttons off until it is done.
        self._answer_job = LatestJob(runner, "Kita offer answer", self, keep_on_quit=True)
        self.message = MessageLine(self)
        self.status = QComboBox()
        self.status.addItem(self.tr("Open"), ("open",))
        self.status.addItem(self.tr("All"), None)
        status_label = QLabel(self.tr("S&how:"))
        status_label.setBuddy(self.status)
        self.model = RowsModel([
            RowColumn(self.tr("Applicant"), lambda o: o.applicant),
            RowColumn(self.tr("Child"), lambda o: o.child_first_name),
            RowColumn(self.tr("Kita"), lambda o: o.kita_name),
            RowColumn(self.tr("Age band"), lambda o: o.band_label),
            RowColumn(self.tr("Hours"), lambda o: o.booking_hours, True),
            RowColumn(self.tr("Start"), lambda o: format_date(o.start_date)),
            RowColumn(self.tr("Answer by"), lambda o: format_date(o.deadline)),
            RowColumn(self.tr("Status"), lambda o: o.status_label),
            RowColumn(self.tr("Override reason"), lambda o: o.override_reason or ""),
        ], parent=self)
        self.view = setup_table(QTableView(self), self.tr("Offers"))
        attach(self.view, self.model)
        self.accept_button = QPushButton(self.tr("&Accepted"))
        self.decline_list_button = QPushButton(self.tr("&Declined, keep on waiting list"))
        self.decline_final_button = QPushButton(self.tr("Declined, &no further offers"))
        self.expire_button = QPushButton(self.tr("&Expire overdue offers"))
        self.letter_button = QPushButton(self.tr("Offer &letters…"))
        self.letter_button.setToolTip(self.tr("Offer letters of all listed open offers into one PDF"))
        bar = QHBoxLayout()
        for w in (status_label, self.status, self.accept_button, self.decline_list_button, self.decline_final_button,
                  self.expire_button, self.letter_button):
            bar.addWidget(w)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        tab_chain(self.status, self.accept_button, self.decline_list_button, self.decline_final_button,
                  self.expire_button, self.letter_button, self.view)
        self.status.currentIndexChanged.connect(self.refresh)
        self.accept_button.clicked.connect(self.accept_selected)
        self.decline_list_button.clicked.connect(lambda: self.decline_selected(True))
        self.decline_final_button.clicked.connect(lambda: self.decline_selected(False))
        self.expire_button.clicked.connect(self.expire)
        self.letter_button.clicked.connect(lambda: self.write_letters())
        self._answer_job.busy_changed.connect(self._update_actions)
        self.refresh()

    @property
    def busy(self) -> bool:
        """An answer is being recorded in the background (tests wait on this)."""
        return self._answer_job.busy

    def _update_actions(self, *_args) -> None:
        buttons = (self.accept_button, self.decline_list_button, self.decline_final_button, self.expire_button,
                   self.letter_button)  # (letters too: an offer being answered would get one)
        busy = self._answer_job.busy
        if busy and any(b.hasFocus() for b in buttons):
            # Else Qt hands the focus along the disabled buttons to the next enabled widget (letters, or the
            # next tab): the keyboard stays on the list the answer is about.
            self.view.setFocus()
        for button in buttons:
            button.setEnabled(not busy)

    def _record(self, fn, *args, on_done) -> None:
        """Write an answer in the background (one transaction in the service); on_done(result) afterwards."""
        self.message.note(self.tr("Recording …"))

        def done(result) -> None:
            on_done(result)  # (first: saved is saved, even if reading the list again fails)
            self.refresh()
            self.answer_recorded.emit()

        self._answer_job.start(fn, *args, on_done=done, on_error=self.message.error, on_unexpected=lambda _exc:
                               self.message.error(self.tr("The answer was not saved (see the error message).")))
        self._update_actions()

    def refresh(self) -> None:
        self.model.set_rows(self.service.list_offers(self.status.currentData()))

    def _selected(self):
        row = current_row(self.view)
        if row is None:
            self.message.error(self.tr("Please select an offer first."))
            return None
        return self.model.row(row)

    def _ask(self, offer, question: str) -> bool:
        text = (question.replace("%1", offer.child_first_name).replace("%2", offer.applicant)
                .replace("%3", offer.kita_name).replace("%4", format_date(offer.start_date)))
        return common.ask_yes_no(self, self.tr("Record answer"), text)

    def accept_selected(self) -> None:
        if self.busy:
            return
        offer = self._selected()
        if offer is None or not self._ask(offer, self.tr(
                "Record the offer for %1 (%2) as accepted? %1 gets the place in %3 from %4.")):
            return
        self._record(self.service.accept_offer, offer.id, on_done=self._accepted)

    def _accepted(self, answer) -> None:
        self.message.info(self.tr("%1 placed in %2 from %3.").replace("%1", answer.placement.child_first_name)
                          .replace("%2", answer.placement.kita_name)
                          .replace("%3", format_date(answer.placement.start_date)))

    def decline_selected(self, back_to_list: bool) -> None:
        if self.busy:
            return
        offer = self._selected()
        if offer is None:
            return
        question = (self.tr("Record the offer for %1 (%2) in %3 as declined? The application goes back on the "
                            "waiting list.") if back_to_list else
                    self.tr("Record the offer for %1 (%2) in %3 as declined? The application gets no further "
                            "offers."))
        if not self._ask(offer, question):
            return
        self._record(self.service.decline_offer, offer.id, back_to_list,
                     on_done=lambda answer: self._declined(offer, answer))

    def _declined(self, offer, answer) -> None:
        nxt = answer.next_proposal.entries if answer.next_proposal else []
        names = ", ".join(e.applicant for e in nxt) or self.tr("nobody")
        self.message.info(self.tr("Offer declined. Next in line for %1: %2 (compute and confirm the proposal).")
                          .replace("%1", offer.kita_name).replace("%2", names))

    def expire(self) -> None:
        if self.busy:
            return
        today = self.service.clock.today()
        overdue = [o for o in self.service.list_offers(("open",)) if o.deadline < today]
        if not overdue:
            self.message.info(self.tr("No open offer is past its answer deadline."))
            return
        question = (self.tr("Close 1 expired offer? The application goes back on the waiting list.")
                    if len(overdue) == 1 else
                    self.tr("Close %1 expired offers? The applications go back on the waiting list."))
        if not common.ask_yes_no(self, self.tr("Expire offers"), question.replace("%1", str(len(overdue)))):
            return
        self._record(self.service.expire_offers, on_done=lambda answers: self.message.info(
            self.tr("%1 offers expired.").replace("%1", str(len(answers)))))

    def write_letters(self, path=None) -> None:
        offers = [o for o in self.model.rows() if o.status == "open"]
        if not offers:
            self.message.error(self.tr("No open offers listed."))
            return
        path = path or ask_save_path(self, self.tr("Save offer letters"), "Angebotsbriefe.pdf",
                                     self.tr("PDF files (*.pdf)"))
        if not path:
            return
        letters = reports.KitaLetters(self.service, signature=self.settings.sender.contact_name)
        try:
            reports.write_letters([letters.offer_letter(o.id) for o in offers], path, self.settings)
        except DomainError as exc:
            self.message.error(exc)
            return
        self.message.info(self.tr("%1 letters saved: %2").replace("%1", str(len(offers))).replace("%2", str(path)))
