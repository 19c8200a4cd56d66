"""Ranking with the points explained per applicant, and a what-if that saves nothing.

The ranking, the waiting-list positions and the what-if are computed in the app's task runner (at 2,000
applications that takes 100-150 ms, which would freeze the window); the tab shows "wird berechnet …" meanwhile.
One job computes the ranking with every application's explanation and positions (KitaService.ranking_snapshot),
so selecting a row needs no further read and always matches the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError
from ...core.formatting import format_date
from ...ui.task_runner import LatestJob
from ..dto import RankingSnapshot
from ..model import BAND_LABELS, STATUS_LABELS
from ..service import KitaService
from .common import (
    MessageLine,
    attach,
    current_row,
    date_edit,
    points_text,
    raise_if,
    read_date,
    read_decimal,
    setup_table,
    tab_chain,
)
from .rows_model import RowColumn, RowsModel


class RankingTab(QWidget):
    def __init__(self, service: KitaService, parent: QWidget | None = None, runner=None):
        super().__init__(parent)
        self.service = service
        self.snapshot: RankingSnapshot | None = None
        self._ranking_job = LatestJob(runner, "Kita ranking", self)
        self._what_if_job = LatestJob(runner, "Kita what-if", self)
        self.message = MessageLine(self)
        self.model = RowsModel([
            RowColumn(self.tr("Rank"), lambda r: r.rank, True),
            RowColumn(self.tr("Points"), lambda r: r.points, True),
            RowColumn(self.tr("Applicant"), lambda r: r.applicant),
            RowColumn(self.tr("Child"), lambda r: r.child_first_name),
            RowColumn(self.tr("Received"), lambda r: format_date(r.received_date)),
            RowColumn(self.tr("Desired start"), lambda r: format_date(r.desired_start)),
            RowColumn(self.tr("Status"), lambda r: STATUS_LABELS.get(r.status, r.status)),
            RowColumn(self.tr("Why"), lambda r: "\n".join(r.explanation) or self.tr("no points"),
                      tooltip=lambda r: "\n".join(r.explanation)),
        ], parent=self)
        self.view = setup_table(QTableView(self), self.tr("Ranking"))
        # One explanation line per criterion: rows grow to show them all instead of cutting after two, and
        # the last column is as wide as its longest line (a stretched last section would be cut at the edge;
        # the table scrolls sideways instead).
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(False)
        attach(self.view, self.model)
        self.model.modelReset.connect(self.view.resizeRowsToContents)
        self.refresh_button = QPushButton(self.tr("&Refresh ranking"))
        self.busy_label = QLabel(self.tr("Calculating the ranking …"))
        self.busy_label.setAccessibleName(self.tr("Status of the ranking"))
        self.busy_label.setVisible(False)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName(self.tr("Explanation of the points"))

        box = QGroupBox(self.tr("What if … (nothing is saved)"))
        form = QFormLayout(box)
        scheme = service.scheme_for(service.clock.today())
        self.wi_single = QCheckBox(points_text(scheme.single_parent_points))
        self.wi_shift = QCheckBox(points_text(scheme.shift_work_points))
        self.wi_hardship = QCheckBox(points_text(scheme.hardship_points))
        self.wi_hours = QLineEdit()
        self.wi_return = date_edit()
        for label, widget in ((self.tr("&Single parent:"), self.wi_single), (self.tr("S&hift work:"), self.wi_shift),
                              (self.tr("Har&dship:"), self.wi_hardship),
                              (self.tr("&Working hours per week:"), self.wi_hours),
                              (self.tr("Return from &parental leave:"), self.wi_return)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(lab, widget)
        self.what_if_button = QPushButton(self.tr("&Calculate rank"))
        self.what_if_result = QLabel()
        self.what_if_result.setWordWrap(True)
        self.what_if_result.setAccessibleName(self.tr("What-if result"))
        form.addRow(self.what_if_button, self.what_if_result)

        top = QHBoxLayout()
        top.addWidget(self.refresh_button)
        top.addWidget(self.busy_label)
        top.addStretch(1)
        side_box = QWidget()
        side = QVBoxLayout(side_box)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("Points of the selected application:")))
        side.addWidget(self.explanation)
        side.addWidget(box)
        side.addStretch(1)
        # A splitter: HR can widen the table to read the explanation column in full.
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.view)
        body.addWidget(side_box)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(top)
        layout.addWidget(body, 1)

        tab_chain(self.refresh_button, self.view, self.wi_single, self.wi_shift, self.wi_hardship, self.wi_hours,
                  self.wi_return, self.what_if_button)
        self.refresh_button.clicked.connect(self.refresh)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.what_if_button.clicked.connect(self.what_if)
        self._ranking_job.busy_changed.connect(self._ranking_busy)
        self._what_if_job.busy_changed.connect(self._what_if_busy)
        self.refresh()

    @property
    def busy(self) -> bool:
        """A ranking or what-if is being computed (tests wait on this)."""
        return self._ranking_job.busy or self._what_if_job.busy

    def refresh(self) -> None:
        """Compute the ranking again in the background; the newest request wins."""
        self._what_if_job.drop()
        self._ranking_job.start(self.service.ranking_snapshot, on_done=self._show_ranking, on_error=self.message.error)

    def _ranking_busy(self, busy: bool) -> None:
        # The rows shown are about to be replaced: grey them out and say so instead of letting HR read or
        # select stale ranks; what-if needs the new ranking.
        self.busy_label.setVisible(busy)
        self.view.setEnabled(not busy)
        self.what_if_button.setEnabled(not busy)
        if busy:
            self.explanation.setText(self.tr("Calculating …"))
            self.what_if_result.clear()

    def _what_if_busy(self, busy: bool) -> None:
        if busy:
            self.what_if_result.setText(self.tr("Calculating …"))

    def _show_ranking(self, snapshot: RankingSnapshot) -> None:
        row = current_row(self.view)
        selected = self.model.row(row).application_id if row is not None else None
        self.snapshot = snapshot
        self.model.set_rows(snapshot.rows)
        self.explanation.clear()
        self.what_if_result.clear()
        again = next((i for i, r in enumerate(snapshot.rows) if r.application_id == selected), None)
        if again is not None:  # keep HR's place in the list
            self.view.selectRow(again)
            self.view.setCurrentIndex(self.model.index(again, 0))

    def _selected(self) -> None:
        row = current_row(self.view)
        if row is None or self.snapshot is None:
            return
        self._what_if_job.drop()  # a what-if of the previous selection must not show here
        r = self.model.row(row)
        app = self.snapshot.applications[r.application_id]
        lines = list(r.explanation) or [self.tr("no points")]
        waiting = [self.tr("%1 (%2): position %3 of %4").replace("%1", p.kita_name)
                   .replace("%2", BAND_LABELS.get(p.band, p.band)).replace("%3", str(p.position))
                   .replace("%4", str(p.total)) for p in self.snapshot.positions.get(r.application_id, [])]
        self.explanation.setText(self.tr("Rank %1, %2 points").replace("%1", str(r.rank)).replace("%2", str(r.points))
                                 + "\n" + "\n".join(lines) + "\n\n" + self.tr("Waiting list per wished Kita:")
                                 + "\n" + "\n".join(waiting))
        self.wi_single.setChecked(app.single_parent)
        self.wi_shift.setChecked(app.shift_work)
        self.wi_hardship.setChecked(app.hardship)
        self.wi_hours.setText(str(app.working_hours).replace(".", ",") if app.working_hours is not None else "")
        self.wi_return.setText(format_date(app.return_date) if app.return_date else "")
        self.what_if_result.clear()

    def what_if(self) -> None:
        row = current_row(self.view)
        if row is None or self.snapshot is None:
            self.message.error(self.tr("Please select an application first."))
            return
        errors: dict[str, str] = {}
        changes = dict(
            single_parent=self.wi_single.isChecked(), shift_work=self.wi_shift.isChecked(),
            hardship=self.wi_hardship.isChecked(),
            working_hours=read_decimal(self.wi_hours, "working_hours", "Wochenarbeitszeit", errors),
            return_date=read_date(self.wi_return, "return_date", "Rückkehr aus der Elternzeit", errors, False),
        )
        try:
            raise_if(errors)
        except DomainError as exc:
            self.message.error(exc)
            return
        self.message.clear_message()
        snapshot, app_id = self.snapshot, self.model.row(row).application_id
        self._what_if_job.start(lambda: self.service.what_if_in(snapshot, app_id, **changes),
                                on_done=self._show_what_if, on_error=self._what_if_failed)

    def _what_if_failed(self, exc: DomainError) -> None:
        self.what_if_result.clear()
        self.message.error(exc)

    def _show_what_if(self, result) -> None:
        self.what_if_result.setText(
            self.tr("Rank %1 → %2 (points %3 → %4)").replace("%1", str(result.old_rank))
            .replace("%2", str(result.new_rank)).replace("%3", str(result.old_points))
            .replace("%4", str(result.new_points)) + "\n" + "\n".join(result.explanation))
