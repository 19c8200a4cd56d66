"""Panels of one suggestion (coordinator / committee): overview, admissibility, review, implementation.
The committee decision with the award calculator lives in decision_panel.py."""

from __future__ import annotations

from datetime import timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError, ValidationError
from ...core.formatting import format_cents, format_date, format_datetime
from ...ui.forms import FieldErrors, make_date_edit
from ..dto import AdmissibilityInput, ImplementationInput, SuggestionCase
from ..model import IMPLEMENTATION_STATUS_LABELS, RECOMMENDATION_LABELS
from ..rules import bp_to_percent_text
from ..service import IdeasService, add_month
from . import common


class _Panel(QWidget):
    changed = Signal()

    def __init__(self, service: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.case: SuggestionCase | None = None
        self.status = common.StatusLine(self)


class OverviewPanel(_Panel):
    def __init__(self, service: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        self.ask_save_path = common.ask_save_path
        self.ask_open_path = common.ask_open_path
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Suggestion"))
        self.attachments = QListWidget()
        self.attachments.setAccessibleName(self.tr("Attachments"))
        self.attachments.setMaximumHeight(80)
        add = QPushButton(self.tr("Add attach&ment…"))
        add.clicked.connect(self._add_attachment)
        save = QPushButton(self.tr("Sa&ve attachment as…"))
        save.clicked.connect(self._save_attachment)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(save)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        label = QLabel(self.tr("Attachments"))
        label.setBuddy(self.attachments)
        layout.addWidget(label)
        layout.addWidget(self.attachments)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.add_button, self.save_button = add, save

    def load(self, case: SuggestionCase) -> None:
        self.case = case
        self.status.setText("")  # a message of the previous case must not stay
        number = case.number + (self.tr(" (provisional)") if case.number_provisional else "")
        rows = [
            (self.tr("Number"), number), (self.tr("Status"), case.status_label),
            (self.tr("Received"), format_datetime(case.received_at)), (self.tr("Code word"), case.code_word),
            (self.tr("Affected unit"), case.unit_name),
            (self.tr("Acknowledged"), format_date(case.acknowledged_on) if case.acknowledged_on else self.tr("No")),
        ]
        subs = "<br>".join(f"{escape(s.name)} ({escape(s.personnel_number)}, {escape(s.unit_name)}): "
                           f"{bp_to_percent_text(s.share_bp)}" for s in case.submitters)
        html = [f"<h2>{escape(case.title)}</h2><table>"]
        html += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows]
        submitters_label = self.tr("Submitters")
        html.append(f"<tr><td><b>{escape(submitters_label)}</b></td><td>{subs}</td></tr></table>")
        for title, body in ((self.tr("Current state (Ist)"), case.current_state),
                            (self.tr("Proposal (Soll)"), case.proposal), (self.tr("Benefit"), case.benefit)):
            html.append(f"<h3>{escape(title)}</h3><p>{common.html_paragraphs(body)}</p>")
        if case.decision:
            decision_label = self.tr("Decision")
            html.append(f"<h3>{escape(decision_label)}</h3><p>{escape(case.decision.decision_label)}, "
                        f"{format_date(case.decision.decided_on)}: {common.html_paragraphs(case.decision.reasons)}</p>")
        if case.award:
            award_label = self.tr("Award")
            html.append(f"<p><b>{escape(award_label)}:</b> {escape(format_cents(case.award.total_cents))}</p>")
        self.text.setHtml("".join(html))
        self.attachments.clear()
        for a in case.attachments:
            item = QListWidgetItem(f"{a.filename} ({a.media_type}, {a.size:,} Bytes)".replace(",", "."))
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.attachments.addItem(item)

    def _add_attachment(self) -> None:
        path = self.ask_open_path(self, self.tr("Attach a file"))
        if not path or self.case is None:
            return
        try:
            self.service.add_attachment(self.case.id, Path(path).name, Path(path).read_bytes())
        except DomainError as exc:
            self.status.error(exc.message)
            return
        self.changed.emit()
        self.status.ok(self.tr("Attachment added."))

    def _save_attachment(self) -> None:
        item = self.attachments.currentItem()
        if item is None:
            return
        name, content = self.service.attachment_content(item.data(Qt.ItemDataRole.UserRole))
        path = self.ask_save_path(self, self.tr("Save attachment"), name, "*")
        if path:
            Path(path).write_bytes(content)
            self.status.ok(self.tr("Attachment saved."))


class AdmissibilityPanel(_Panel):
    def __init__(self, service: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        self.similar = QListWidget()
        self.similar.setAccessibleName(self.tr("Similar suggestions"))
        self.exclusions = QLabel()
        self.exclusions.setWordWrap(True)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        # Long check texts are wrapped labels beside a plain checkbox, so they never run out of a
        # 1280-pixel window.
        self.own_job = self._check_row(form, "own_job_duty", self.tr("Own &job duty"),
                                       self.tr("The proposal is part of the submitter's own duties"))
        self.own_job_reason = self.errors.add_row("own_job_reason", self.tr("&Reason"), QPlainTextEdit())
        self.excluded_checked = self._check_row(form, "excluded_checked", self.tr("E&xcluded persons"),
                                                self.tr("Checked: no excluded person among the submitters"))
        self.similar_note = self.errors.add_row("similar_note", self.tr("Note on &similar ones"), QPlainTextEdit())
        self.admissible = self.errors.add_row("admissible", self.tr("&Admissible"), QComboBox())
        self.admissible.addItem(self.tr("– please choose –"), None)
        self.admissible.addItem(self.tr("Admissible: accept into review"), True)
        self.admissible.addItem(self.tr("Not admissible"), False)
        for edit in (self.own_job_reason, self.similar_note):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(60)
        self.save_button = QPushButton(self.tr("Save c&heck"))
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Similar suggestions (full-text search; the first received counts):"))
        label.setBuddy(self.similar)
        layout.addWidget(label)
        layout.addWidget(self.similar)
        layout.addWidget(self.exclusions)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)

    def _check_row(self, form: QFormLayout, field: str, label: str, text: str) -> QCheckBox:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        check = QCheckBox()
        explanation = QLabel(text)
        explanation.setWordWrap(True)
        explanation.setBuddy(check)
        row.addWidget(check, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(explanation, 1)
        self.errors.add_row(field, label, box)
        form.labelForField(box).setBuddy(check)
        self.errors.inputs[field] = check
        check.setAccessibleName(label.replace("&", ""))
        check.setAccessibleDescription(text)
        return check

    def load(self, case: SuggestionCase) -> None:
        self.case = case
        self.status.setText("")  # a message of the previous case must not stay
        info = self.service.admissibility_info(case.id)
        self.similar.clear()
        for s in info.similar:
            flag = self.tr("received earlier – counts first") if s.earlier else self.tr("received later")
            item = QListWidgetItem(f"{s.number} – {s.title} – {format_datetime(s.received_at)} – {s.status_label} ({flag})")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.similar.addItem(item)
        if not info.similar:
            self.similar.addItem(self.tr("No similar suggestions found."))
        if info.exclusions:
            self.exclusions.setText("⚠ " + self.tr("Excluded submitters: ") +
                                    "; ".join(f"{e.name} ({e.reason})" for e in info.exclusions))
        else:
            self.exclusions.setText(self.tr("No submitter is excluded by the settings."))
        rec = info.record
        self.own_job.setChecked(bool(rec and rec.own_job_duty))
        self.own_job_reason.setPlainText(rec.own_job_reason if rec else "")
        # Nothing is ticked or chosen in advance: the coordinator has to make each check.
        self.excluded_checked.setChecked(bool(rec and rec.excluded_checked))
        self.similar_note.setPlainText(rec.similar_note if rec else "")
        self.admissible.setCurrentIndex(max(0, self.admissible.findData(rec.admissible)) if rec else 0)
        self.errors.clear()

    def save(self) -> None:
        ids = [self.similar.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.similar.count())]
        data = AdmissibilityInput(
            own_job_duty=self.own_job.isChecked(), own_job_reason=self.own_job_reason.toPlainText(),
            excluded_checked=self.excluded_checked.isChecked(), similar_ids=[i for i in ids if i],
            similar_note=self.similar_note.toPlainText(), admissible=bool(self.admissible.currentData()))
        try:
            missing = {}
            if not data.excluded_checked:
                missing["excluded_checked"] = "Bitte die Prüfung auf ausgeschlossene Personen bestätigen."
            if self.admissible.currentData() is None:
                missing["admissible"] = "Bitte „Zulässig“ oder „Nicht zulässig“ wählen."
            if missing:
                raise ValidationError(missing)
            self.service.record_admissibility(self.case.id, data)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.changed.emit()
        self.status.ok(self.tr("Check saved."))


class ReviewPanel(_Panel):
    """Assign reviewers from the affected unit and follow their statements."""

    def __init__(self, service: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.candidates = self.errors.add_row("reviewers", self.tr("&Reviewers"), QListWidget())
        self.candidates.setMaximumHeight(110)
        self.due = self.errors.add_row("due_on", self.tr("&Due on"), make_date_edit())
        self.assign_button = QPushButton(self.tr("&Assign reviewers"))
        self.assign_button.clicked.connect(self.assign)
        self.forward_button = QPushButton(self.tr("&Forward to committee"))
        self.forward_button.clicked.connect(self.forward)
        self.reviews = QTableWidget(0, 6)
        self.reviews.setAccessibleName(self.tr("Review assignments"))
        self.reviews.setHorizontalHeaderLabels([self.tr("Reviewer"), self.tr("Due"), self.tr("Status"),
                                                self.tr("Feasible"), self.tr("Recommendation"), self.tr("Statement")])
        self.reviews.horizontalHeader().setStretchLastSection(True)
        self.reviews.verticalHeader().setVisible(False)
        self.reviews.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.forward_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        label = QLabel(self.tr("Assignments and statements"))
        label.setBuddy(self.reviews)
        layout.addWidget(label)
        layout.addWidget(self.reviews, 1)
        layout.addWidget(self.status)

    def load(self, case: SuggestionCase) -> None:
        self.case = case
        self.status.setText("")  # a message of the previous case must not stay
        self.errors.clear()
        self.candidates.clear()
        submitter_ids = {s.employee_id for s in case.submitters}
        for emp_id, label in self.service.employees(org_unit_id=case.org_unit_id):
            if emp_id in submitter_ids:
                continue
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, emp_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.candidates.addItem(item)
        self.due.setDate(common.to_qdate(add_month(self.service.clock.today())))
        self.reviews.setRowCount(0)
        for rv in case.reviews:
            row = self.reviews.rowCount()
            self.reviews.insertRow(row)
            status = rv.status_label + (" – " + self.tr("overdue") if rv.overdue else "")
            if rv.handback_reason:
                status += f" ({rv.handback_reason})"
            feasible = "" if rv.feasible is None else (self.tr("Yes") if rv.feasible else self.tr("No"))
            for col, text in enumerate((rv.reviewer_name, format_date(rv.due_on), status, feasible,
                                        RECOMMENDATION_LABELS.get(rv.recommendation, ""), rv.statement)):
                self.reviews.setItem(row, col, QTableWidgetItem(text))
        self.reviews.resizeColumnsToContents()

    def check_reviewer(self, employee_id: str) -> None:
        for i in range(self.candidates.count()):
            item = self.candidates.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == employee_id:
                item.setCheckState(Qt.CheckState.Checked)

    def assign(self) -> None:
        ids = [self.candidates.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.candidates.count())
               if self.candidates.item(i).checkState() == Qt.CheckState.Checked]
        try:
            self.service.assign_reviewers(self.case.id, ids, common.from_qdate(self.due.date()))
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.changed.emit()
        self.status.ok(self.tr("Reviewers assigned."))

    def forward(self) -> None:
        try:
            self.service.forward_to_committee(self.case.id)
        except DomainError as exc:
            self.status.error(exc.message)
            return
        self.changed.emit()
        self.status.ok(self.tr("Forwarded to the committee."))


class ImplementationPanel(_Panel):
    def __init__(self, service: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.unit = self.errors.add_row("responsible_unit_id", self.tr("Responsible &unit"), QComboBox())
        self.planned = self.errors.add_row("planned_on", self.tr("&Planned for"), make_date_edit())
        self.state = self.errors.add_row("status", self.tr("&Status"), QComboBox())
        for key, label in IMPLEMENTATION_STATUS_LABELS.items():
            self.state.addItem(label, key)
        self.actual = self.errors.add_row("actual_on", self.tr("Implemented &on"), make_date_edit())
        # Empty (special value at the minimum date) and disabled unless the status is "umgesetzt".
        self.actual.setMinimumDate(QDate(2000, 1, 1))
        self.actual.setSpecialValueText(" ")
        self.state.currentIndexChanged.connect(self._state_changed)
        self.savings = self.errors.add_row("actual_savings_cents", self.tr("Actual &savings (€ per year)"),
                                           common.MoneyEdit("actual_savings_cents", "Tatsächliche Einsparung"))
        self.reason = self.errors.add_row("reason", self.tr("&Reason (if not implemented)"), QPlainTextEdit())
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(70)
        self.save_button = QPushButton(self.tr("Save i&mplementation"))
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def load(self, case: SuggestionCase) -> None:
        self.case = case
        self.status.setText("")  # a message of the previous case must not stay
        self.errors.clear()
        if self.unit.count() == 0:
            self.unit.addItem(self.tr("– none –"), None)
            for unit_id, name in self.service.org_units():
                self.unit.addItem(name, unit_id)
        imp = case.implementation
        today = self.service.clock.today()
        self.unit.setCurrentIndex(max(0, self.unit.findData(imp.responsible_unit_id if imp else case.org_unit_id)))
        self.planned.setDate(common.to_qdate(imp.planned_on if imp and imp.planned_on else today + timedelta(days=90)))
        self.state.setCurrentIndex(max(0, self.state.findData(imp.status if imp else "geplant")))
        self.actual.setDate(common.to_qdate(imp.actual_on) if imp and imp.actual_on else self.actual.minimumDate())
        self._state_changed()
        self.savings.set_cents(imp.actual_savings_cents if imp else 0)
        self.reason.setPlainText(imp.reason if imp else "")

    def _state_changed(self) -> None:
        done = self.state.currentData() == "umgesetzt"
        self.actual.setEnabled(done)
        if not done:
            self.actual.setDate(self.actual.minimumDate())
        elif self.actual.date() == self.actual.minimumDate():
            # The user has just chosen "umgesetzt": start from today, visibly, for them to correct.
            self.actual.setDate(common.to_qdate(self.service.clock.today()))

    def save(self) -> None:
        try:
            status = self.state.currentData()
            data = ImplementationInput(
                responsible_unit_id=self.unit.currentData(), planned_on=common.from_qdate(self.planned.date()),
                status=status,
                actual_on=common.from_qdate(self.actual.date()) if status == "umgesetzt" else None,
                actual_savings_cents=self.savings.cents(), reason=self.reason.toPlainText())
            self.service.save_implementation(self.case.id, data)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.changed.emit()
        self.status.ok(self.tr("Implementation saved."))
