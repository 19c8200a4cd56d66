"""Ranking with the points explained per applicant, and a what-if that saves nothing."""

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
    def __init__(self, service: KitaService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
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
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.service.ranking())
        self.explanation.clear()
        self.what_if_result.clear()

    def _selected(self) -> None:
        row = current_row(self.view)
        if row is None:
            return
        r = self.model.row(row)
        lines = list(r.explanation) or [self.tr("no points")]
        waiting = [self.tr("%1 (%2): position %3 of %4").replace("%1", p.kita_name)
                   .replace("%2", BAND_LABELS.get(p.band, p.band)).replace("%3", str(p.position))
                   .replace("%4", str(p.total)) for p in self.service.waitlist_positions(r.application_id)]
        self.explanation.setText(self.tr("Rank %1, %2 points").replace("%1", str(r.rank)).replace("%2", str(r.points))
                                 + "\n" + "\n".join(lines) + "\n\n" + self.tr("Waiting list per wished Kita:")
                                 + "\n" + "\n".join(waiting))
        app = self.service.get_application(r.application_id)
        self.wi_single.setChecked(app.single_parent)
        self.wi_shift.setChecked(app.shift_work)
        self.wi_hardship.setChecked(app.hardship)
        self.wi_hours.setText(str(app.working_hours).replace(".", ",") if app.working_hours is not None else "")
        self.wi_return.setText(format_date(app.return_date) if app.return_date else "")
        self.what_if_result.clear()

    def what_if(self) -> None:
        row = current_row(self.view)
        if row is None:
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
            result = self.service.what_if(self.model.row(row).application_id, **changes)
        except DomainError as exc:
            self.message.error(exc)
            return
        self.message.clear_message()
        self.what_if_result.setText(
            self.tr("Rank %1 → %2 (points %3 → %4)").replace("%1", str(result.old_rank))
            .replace("%2", str(result.new_rank)).replace("%3", str(result.old_points))
            .replace("%4", str(result.new_points)) + "\n" + "\n".join(result.explanation))
