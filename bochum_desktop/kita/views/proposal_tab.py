"""Allocation proposal: compute, review, override with reason, confirm (the offers: offers_tab.py).

The proposal (and the month the tab starts at) is computed in the app's task runner, not on the UI thread;
a result for a year or start month the user has left meanwhile is dropped, and a proposal computed before
the data changed is marked outdated when the tab is shown again. Confirming needs a current proposal and
writes the offers in the task runner too."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError
from ...core.formatting import format_date
from ...ui.forms import FieldErrors
from ...ui.task_runner import LatestJob
from .. import rules
from ..dto import Proposal, ProposalEntry
from ..model import BAND_LABELS
from ..service import KitaService
from . import common
from .common import (
    GuardedDialog,
    MessageLine,
    attach,
    current_row,
    fill_years,
    setup_table,
    tab_chain,
)
from .rows_model import RowColumn, RowsModel


class OverrideDialog(GuardedDialog):
    """HR puts a proposed child into another Kita; a reason is required."""

    def __init__(self, service: KitaService, entry: ProposalEntry, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = entry
        self.changed: ProposalEntry | None = None
        self.setWindowTitle(self.tr("Change proposal"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(self.errors.general)
        self.kita = self.errors.add_row("kita_id", self.tr("&Kita:"), QComboBox())
        for k in service.list_kitas():
            self.kita.addItem(k.name, k.id)
        self.kita.setCurrentIndex(max(0, self.kita.findData(entry.kita_id)))
        self.reason = self.errors.add_row("override_reason", self.tr("&Reason:"), QLineEdit())
        self.reason.setText(entry.override_reason or "")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        self.remember_state()

    def save(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.errors.show(DomainError("Bitte eine Begründung für die Abweichung angeben.", "override_reason"))
            return
        e = self.entry
        self.changed = ProposalEntry(e.application_id, self.kita.currentData(), e.start, e.applicant,
                                     e.child_first_name, self.kita.currentText(), 0, e.band, e.hours, e.rank, e.points,
                                     reason)
        self.accept()


def _compute(service: KitaService, year: int, start: date) -> tuple:
    """Worker side of "Vorschlag berechnen": the data stamp first (so a change during the computation marks it
    outdated), the proposal, and for an empty one the next month anybody wants a place."""
    stamp = service.data_stamp()
    proposal = service.compute_proposal(year, start)
    empty = not proposal.entries and not proposal.unplaced
    return stamp, proposal, service.first_demand_month(proposal.start) if empty else None


class ProposalTab(QWidget):
    offers_created = Signal()  # written: the page refreshes what it shows (the offers list)

    def __init__(self, service: KitaService, parent: QWidget | None = None, runner=None):
        super().__init__(parent)
        self.service = service
        self.proposal: Proposal | None = None
        self.outdated = False  # the data changed since the shown proposal was computed
        self._stamp: tuple | None = None  # KitaService.data_stamp() the shown proposal was computed from
        self._filling = False
        self._compute_job = LatestJob(runner, "Kita proposal", self)
        self._demand_job = LatestJob(runner, "Kita first wanted month", self)
        self._check_job = LatestJob(runner, "Kita proposal still current", self)
        # Confirming writes the offers and re-computes the proposal to check the lines (≈ 0.1 s at 2,000
        # applications): in the runner too, with the tab's actions off until it is done.
        self._confirm_job = LatestJob(runner, "Kita confirm proposal", self, keep_on_quit=True)
        self.dialog: OverrideDialog | None = None
        self.message = MessageLine(self)
        self.year = QComboBox()
        fill_years(self.year, service.clock.today())
        self.month = QComboBox()
        year_label = QLabel(self.tr("Kita &year:"))
        year_label.setBuddy(self.year)
        month_label = QLabel(self.tr("Start &month:"))
        month_label.setBuddy(self.month)
        self.compute_button = QPushButton(self.tr("&Compute proposal"))
        self.override_button = QPushButton(self.tr("Change &Kita…"))
        self.confirm_button = QPushButton(self.tr("Con&firm checked → offers"))
        self.model = RowsModel([
            RowColumn(self.tr("Rank"), lambda e: e.rank, True),
            RowColumn(self.tr("Points"), lambda e: e.points, True),
            RowColumn(self.tr("Applicant"), lambda e: e.applicant),
            RowColumn(self.tr("Child"), lambda e: e.child_first_name),
            RowColumn(self.tr("Kita"), lambda e: e.kita_name),
            RowColumn(self.tr("Choice"), lambda e: e.preference or "–", True),
            RowColumn(self.tr("Age band"), lambda e: BAND_LABELS.get(e.band, e.band)),
            RowColumn(self.tr("Hours"), lambda e: e.hours, True),
            RowColumn(self.tr("Override reason"), lambda e: e.override_reason or ""),
        ], parent=self)
        self.view = setup_table(QTableView(self), self.tr("Proposal"))
        attach(self.view, self.model)
        self.unplaced = QListWidget()
        self.unplaced.setAccessibleName(self.tr("Not placed"))
        unplaced_label = QLabel(self.tr("&Not placed (with reason):"))
        unplaced_label.setBuddy(self.unplaced)
        top = QHBoxLayout()
        for w in (year_label, self.year, month_label, self.month, self.compute_button, self.override_button,
                  self.confirm_button):
            top.addWidget(w)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addWidget(unplaced_label)
        layout.addWidget(self.unplaced, 1)
        tab_chain(self.year, self.month, self.compute_button, self.override_button, self.confirm_button, self.view,
                  self.unplaced)
        self.year.currentIndexChanged.connect(self._fill_months)
        self.month.currentIndexChanged.connect(self._month_chosen)
        self.compute_button.clicked.connect(self.compute)
        self.override_button.clicked.connect(self.open_override)
        self.confirm_button.clicked.connect(self.confirm)
        for job in (self._compute_job, self._check_job, self._confirm_job):
            job.busy_changed.connect(self._update_actions)
        self._fill_months()
        self._update_actions()

    @property
    def busy(self) -> bool:
        """Something is being computed or written in the background (tests wait on this)."""
        return self._compute_job.busy or self._demand_job.busy or self._check_job.busy or self._confirm_job.busy

    def _update_actions(self, *_args) -> None:
        # Overriding and confirming act on the computed lines: only with a current proposal.
        confirming = self._confirm_job.busy
        usable = (self.proposal is not None and bool(self.proposal.entries) and not self.outdated
                  and not self._compute_job.busy and not self._check_job.busy and not confirming)
        if confirming and any(w.hasFocus() for w in (self.confirm_button, self.compute_button, self.year, self.month)):
            self.view.setFocus()  # the keyboard stays on the lines being confirmed, not the next tab's widgets
        self.override_button.setEnabled(usable)
        self.confirm_button.setEnabled(usable)
        # While the offers are written, another start or a new computation would clear the lines a refusal
        # names ("Zeile 1: …").
        for widget in (self.compute_button, self.year, self.month):
            widget.setEnabled(not confirming)

    def _fill_months(self) -> None:
        today = self.service.clock.today().replace(day=1)
        self._filling = True
        try:
            self.month.clear()
            for m in rules.kita_year_months(self.year.currentData()):
                self.month.addItem(m.strftime("%m/%Y"), m.isoformat())  # str: Qt would turn a date into QDate
            later = [i for i in range(self.month.count()) if self.month.itemData(i) >= today.isoformat()]
            self.month.setCurrentIndex(later[0] if later else 0)
        finally:
            self._filling = False
        self._start_changed()
        # Start where the demand is: the first month an open application wants (else this month). Found in
        # the background; dropped if HR picks a month or computes first.
        self._demand_job.start(self.service.first_demand_month, today, on_done=self._preset_month,
                               on_error=self.message.error)

    def _preset_month(self, demand: date | None) -> None:
        index = self.month.findData(demand.isoformat()) if demand else -1
        if index >= 0:
            self._filling = True
            try:
                self.month.setCurrentIndex(index)
            finally:
                self._filling = False

    def _month_chosen(self) -> None:
        if self._filling:
            return
        self._demand_job.drop()
        self._start_changed()

    def _start_changed(self) -> None:
        """Year or start month changed: a proposal for the old start (shown or still computing) no longer fits."""
        had = self.proposal is not None or self._compute_job.busy
        self._compute_job.drop()
        self._check_job.drop()
        if had:
            self._clear_proposal()
            self.message.note(self.tr("Kita year or start month changed: please compute the proposal again."))

    def _clear_proposal(self) -> None:
        self.proposal, self._stamp, self.outdated = None, None, False
        self.model.set_rows([])
        self.unplaced.clear()
        self._update_actions()

    def start_month(self) -> date:
        return date.fromisoformat(self.month.currentData())

    def select_start(self, year: int, month: date) -> None:
        self.year.setCurrentIndex(self.year.findData(year))
        self.month.setCurrentIndex(self.month.findData(month.replace(day=1).isoformat()))

    def compute(self) -> None:
        """Compute the proposal for the chosen start in the background; the lines appear when it is done."""
        if self._confirm_job.busy:  # (the button is off; a proposal computed now would miss the new offers)
            return
        self._demand_job.drop()
        self._check_job.drop()
        year, start = self.year.currentData(), self.start_month()
        self._clear_proposal()
        self.message.note(self.tr("Calculating the proposal for %1 …").replace("%1", start.strftime("%m/%Y")))
        self._compute_job.start(_compute, self.service, year, start, on_done=self._show, on_error=self._failed)

    def _failed(self, exc: DomainError) -> None:
        self._clear_proposal()
        self.message.error(exc)

    def check_current(self) -> None:
        """When the tab is shown again: mark the proposal outdated if the data changed since it was computed
        (an offer answered, an application changed, a sync) - confirming it is refused until it is computed again."""
        if self.proposal is None or self._compute_job.busy:
            return
        stamp = self._stamp
        self._check_job.start(self.service.data_stamp, on_done=lambda now: self._checked(stamp, now),
                              on_error=self.message.error)

    def _checked(self, stamp: tuple | None, now: tuple) -> None:
        if self.proposal is not None and stamp != now:
            self.outdated = True
            self.message.note(self.tr("The data has changed since this proposal was computed: please compute it "
                                      "again."))
        self._update_actions()

    def _show(self, result: tuple) -> None:
        self._stamp, self.proposal, next_start = result
        self.outdated = False
        self.model.set_rows(self.proposal.entries, checked=True)
        self.unplaced.clear()
        for _id, name, reason in self.proposal.unplaced:
            self.unplaced.addItem(f"{name}: {reason}")
        text = (self.tr("%1 places proposed, %2 applications not placed.")
                .replace("%1", str(len(self.proposal.entries))).replace("%2", str(len(self.proposal.unplaced))))
        if self.proposal.entries:
            self.message.info(text)
        elif self.proposal.unplaced:
            self.message.note(text)
        else:
            self.message.note(self._why_nothing(self.proposal.start, next_start))
        self._update_actions()

    def _why_nothing(self, start: date, nxt: date | None) -> str:
        if nxt is None:
            return self.tr("Nothing to propose: there are no open applications.")
        return (self.tr("Nothing to propose: no open application wants to start in %1 or earlier — "
                        "next desired start: %2.").replace("%1", start.strftime("%m/%Y"))
                .replace("%2", nxt.strftime("%m/%Y")))

    def open_override(self) -> OverrideDialog | None:
        row = current_row(self.view)
        if row is None:
            self.message.error(self.tr("Please select a proposal line first."))
            return None
        self.dialog = OverrideDialog(self.service, self.model.row(row), self)
        self.dialog.accepted.connect(lambda: self.model.replace_row(row, self.dialog.changed))
        self.dialog.open()
        return self.dialog

    def confirm(self) -> None:
        """After a yes: the checked lines become offers, written in the background; the tab says when."""
        if self._confirm_job.busy:
            return
        if self.proposal is None or self.outdated or self._compute_job.busy:
            self.message.error(self.tr("Please compute a proposal first."))
            return
        entries = self.model.checked_rows()
        if not entries:
            self.message.error(self.tr("No proposal line is checked."))
            return
        deadline = format_date(self.service.clock.today() + timedelta(days=self.service.offer_deadline_days))
        question = (self.tr("Create 1 offer and set the answer deadline (%2)?") if len(entries) == 1 else
                    self.tr("Create %1 offers and set the answer deadlines (%2)?"))
        if not common.ask_yes_no(self, self.tr("Confirm proposal"), question.replace("%1", str(len(entries)))
                                 .replace("%2", deadline)):
            return
        self.message.note(self.tr("Creating the offers …"))
        self._confirm_job.start(self.service.confirm_proposal, self.proposal.year, self.proposal.start, entries,
                                on_done=self._confirmed, on_error=self._confirm_failed,
                                on_unexpected=lambda _exc: self._confirm_failed(
                                    self.tr("The offers were not created (see the error message).")))
        self._update_actions()

    def _confirmed(self, offers: list) -> None:
        self._clear_proposal()
        self.message.info(self.tr("%1 offers created. Answer by %2.").replace("%1", str(len(offers)))
                          .replace("%2", format_date(offers[0].deadline)))
        self.offers_created.emit()

    def _confirm_failed(self, exc: DomainError | str) -> None:
        self.message.error(exc)  # nothing was written; the lines stay for another try
        self._update_actions()
