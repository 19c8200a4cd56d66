"""The reviewer's page: their assignments and the suggestion pseudonymised, with the statement form.

Everything shown here comes from IdeasService.reviewer_list_statement / my_reviews, which carry no
submitter name or unit; this page has no way to show one."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError
from ...core.formatting import format_date
from ...ui import start_preview
from ...ui.forms import FieldErrors
from ...ui.table_model import Column, SqlTableModel
from ...ui.table_view import DataTable
from ..dto import ReviewerCase, StatementInput
from ..model import RECOMMENDATION_LABELS, REVIEW_STATUS_LABELS
from ..service import IdeasService
from . import common


class ReviewerPage(QWidget):
    def __init__(self, service: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.current: ReviewerCase | None = None
        stmt = service.reviewer_list_statement()
        c = stmt.columns
        columns = [
            Column("number", self.tr("Number"), c["number"]),
            Column("code_word", self.tr("Code word"), c["code_word"]),
            Column("title", self.tr("Title"), c["title"]),
            Column("unit", self.tr("Affected unit"), c["unit"]),
            Column("due_on", self.tr("Due"), c["due_on"], kind="date"),
            Column("status", self.tr("Status"), c["status"], kind="enum", labels=REVIEW_STATUS_LABELS),
        ]
        self.model = SqlTableModel(service.db, columns, stmt.query, stmt.id_column, search_table=stmt.search_table,
                                   parent=self, default_sort=("due_on", Qt.SortOrder.AscendingOrder),
                                   runner=service.ctx.services.get("task_runner"))
        self.table = DataTable(self.model, self, table_key="ideas_reviews", show_export=False)
        start_preview.remember(service.ctx, "ideas", self.model, self.table.view)
        self.table.activated.connect(self.open_suggestion)
        self.table.selection_changed.connect(lambda: self.open_suggestion(self.table.current_id()))

        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Suggestion (pseudonymised)"))
        hint = QLabel(self.tr("Pseudonymised: who submitted the suggestion is not shown to reviewers."))
        hint.setWordWrap(True)

        box = QGroupBox(self.tr("Statement"))
        form = QFormLayout(box)
        self.errors = FieldErrors(form)
        self.feasible = self.errors.add_row("feasible", self.tr("&Feasible"), QCheckBox(self.tr("The proposal can be implemented")))
        self.one_off = self.errors.add_row("savings_one_off_cents", self.tr("&One-off savings (€)"),
                                           common.MoneyEdit("savings_one_off_cents", "Einmalige Einsparung"))
        self.annual = self.errors.add_row("savings_annual_cents", self.tr("&Annual savings (€)"),
                                          common.MoneyEdit("savings_annual_cents", "Jährliche Einsparung"))
        self.costs = self.errors.add_row("costs_cents", self.tr("&Costs (€)"), common.MoneyEdit("costs_cents", "Kosten"))
        self.recommendation = self.errors.add_row("recommendation", self.tr("&Recommendation"), QComboBox())
        for key, label in RECOMMENDATION_LABELS.items():
            self.recommendation.addItem(label, key)
        self.statement = self.errors.add_row("statement", self.tr("&Statement"), QPlainTextEdit())
        self.statement.setTabChangesFocus(True)
        self.submit_button = QPushButton(self.tr("S&ubmit statement"))
        self.submit_button.clicked.connect(self.submit)
        self.handback_reason = self.errors.add_row("handback_reason", self.tr("Reason for &hand-back"), QPlainTextEdit())
        self.handback_reason.setTabChangesFocus(True)
        self.handback_reason.setMaximumHeight(50)
        self.handback_button = QPushButton(self.tr("Hand &back review"))
        self.handback_button.clicked.connect(self.hand_back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.handback_button)
        buttons.addStretch(1)
        form.addRow(self.errors.general)
        form.addRow(buttons)
        self.status = common.StatusLine(self)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(hint)
        right_layout.addWidget(self.text, 1)
        right_layout.addWidget(box)
        right_layout.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 880])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._set_enabled(False)

    def _set_enabled(self, editable: bool) -> None:
        for w in (self.feasible, self.one_off, self.annual, self.costs, self.recommendation, self.statement,
                  self.submit_button, self.handback_reason, self.handback_button):
            w.setEnabled(editable)

    def open_suggestion(self, suggestion_id: str | None) -> None:
        if not suggestion_id:
            return
        cases = [c for c in self.service.my_reviews() if c.suggestion_id == suggestion_id]
        if not cases:
            return
        # The open review first (a reviewer may have an older, handed-back one for the same suggestion).
        case = sorted(cases, key=lambda c: c.status != "offen")[0]
        self.open_review(case)

    def open_review(self, case: ReviewerCase) -> None:
        self.current = case
        due = format_date(case.due_on) + (" – " + self.tr("overdue") if case.overdue else "")
        rows = [(self.tr("Number"), case.number), (self.tr("Code word"), case.code_word),
                (self.tr("Received"), format_date(case.received_on)), (self.tr("Affected unit"), case.affected_unit_name),
                (self.tr("Statement due"), due), (self.tr("Status"), case.status_label)]
        html = [f"<h2>{escape(case.title)}</h2><table>"]
        html += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows]
        html.append("</table>")
        for title, body in ((self.tr("Current state (Ist)"), case.current_state),
                            (self.tr("Proposal (Soll)"), case.proposal), (self.tr("Benefit"), case.benefit)):
            html.append(f"<h3>{escape(title)}</h3><p>{common.html_paragraphs(body)}</p>")
        self.text.setHtml("".join(html))
        self.feasible.setChecked(bool(case.feasible))
        self.one_off.set_cents(case.savings_one_off_cents)
        self.annual.set_cents(case.savings_annual_cents)
        self.costs.set_cents(case.costs_cents)
        self.recommendation.setCurrentIndex(max(0, self.recommendation.findData(case.recommendation)))
        self.statement.setPlainText(case.statement)
        self.handback_reason.clear()
        self.errors.clear()
        self._set_enabled(case.status == "offen")

    def submit(self) -> None:
        if self.current is None:
            return
        try:
            data = StatementInput(feasible=self.feasible.isChecked(), savings_one_off_cents=self.one_off.cents(),
                                  savings_annual_cents=self.annual.cents(), costs_cents=self.costs.cents(),
                                  recommendation=self.recommendation.currentData(),
                                  statement=self.statement.toPlainText())
            self.service.submit_statement(self.current.review_id, data)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.status.ok(self.tr("Statement submitted. Thank you."))
        self._reload()

    def hand_back(self) -> None:
        if self.current is None:
            return
        try:
            self.service.hand_back(self.current.review_id, self.handback_reason.toPlainText())
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.status.ok(self.tr("Review handed back."))
        self._reload()

    def _reload(self) -> None:
        review_id = self.current.review_id
        self.model.refresh()
        self.open_review(self.service.reviewer_case(review_id))
