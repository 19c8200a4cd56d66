"""The coordinator's (and committee's) page: suggestion list, the case in tabs, letters, statistics."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError
from ...export.letter import safe_filename
from ...ui import start_preview
from ...ui.table_export import attach_exports
from ...ui.table_model import Column, SqlTableModel
from ...ui.table_view import DataTable
from ..model import STATUS_LABELS
from ..reports import IdeasReports
from ..service import IdeasService
from . import common
from .case_panels import AdmissibilityPanel, ImplementationPanel, OverviewPanel, ReviewPanel
from .decision_panel import DecisionPanel
from .intake_dialog import IntakeDialog
from .stats_page import StatsPage


class IdeasPage(QWidget):
    def __init__(self, ctx, service: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = service
        self.reports = IdeasReports(service)
        self.access = service.access
        self.case_id: str | None = None
        self.ask_save_path = common.ask_save_path
        self.last_written: str | None = None

        stmt = service.suggestion_list_statement()
        c = stmt.columns
        columns = [
            Column("number", self.tr("Number"), c["number"]),
            # Status right after the number: it stays visible when long titles fill the list's width.
            Column("status", self.tr("Status"), c["status"], kind="enum", labels=STATUS_LABELS),
            Column("code_word", self.tr("Code word"), c["code_word"]),
            Column("title", self.tr("Title"), c["title"]),
            Column("unit", self.tr("Affected unit"), c["unit"]),
            Column("received_at", self.tr("Received"), c["received_at"], kind="datetime"),
            Column("submitters", self.tr("Submitters"), c["submitters"]),
        ]
        self.model = SqlTableModel(service.db, columns, stmt.query, stmt.id_column, search_table=stmt.search_table,
                                   parent=self, default_sort=("received_at", Qt.SortOrder.DescendingOrder),
                                   runner=ctx.services.get("task_runner"))  # sort/search never block
        self.table = DataTable(self.model, self, table_key="ideas_suggestions",
                               column_states=ctx.feature_settings("ideas").setdefault("columns", {}))
        attach_exports(ctx, self.table, self.tr("Suggestions"))
        start_preview.remember(ctx, "ideas", self.model, self.table.view)
        self.table.activated.connect(self.open_case)
        self.table.selection_changed.connect(lambda: self.open_case(self.table.current_id()))
        self.new_button = QPushButton(self.tr("&New suggestion…"))
        self.new_button.clicked.connect(self.new_suggestion)
        self.new_button.setVisible(self.access.coordinator)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.new_button)

        self.case_title = QLabel(self.tr("Choose a suggestion in the list."))
        self.case_title.setWordWrap(True)
        self.overview = OverviewPanel(service)
        self.admissibility = AdmissibilityPanel(service)
        self.review = ReviewPanel(service)
        self.decision = DecisionPanel(service)
        self.implementation = ImplementationPanel(service)
        self.case_tabs = QTabWidget()
        self.case_tabs.setAccessibleName(self.tr("Suggestion"))
        for panel, title, coordinator_only in (
            (self.overview, self.tr("&Overview"), False), (self.admissibility, self.tr("Ad&missibility"), True),
            (self.review, self.tr("Re&view"), True), (self.decision, self.tr("&Decision"), False),
            (self.implementation, self.tr("Im&plementation"), True),
        ):
            self.case_tabs.addTab(panel, title)
            if coordinator_only and not self.access.coordinator:
                self.case_tabs.setTabEnabled(self.case_tabs.count() - 1, False)
            panel.changed.connect(self.reload_case)
        self.overview.add_button.setVisible(self.access.coordinator)
        self.ack_button = QPushButton(self.tr("&Acknowledgement letter…"))
        self.ack_button.clicked.connect(lambda: self.write("ack"))
        self.decision_letter_button = QPushButton(self.tr("Decision &letter…"))
        self.decision_letter_button.clicked.connect(lambda: self.write("decision"))
        self.certificate_button = QPushButton(self.tr("&Certificate…"))
        self.certificate_button.clicked.connect(lambda: self.write("certificate"))
        self.status = common.StatusLine(self)
        letters = QHBoxLayout()
        for b in (self.ack_button, self.decision_letter_button, self.certificate_button):
            letters.addWidget(b)
        letters.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.case_title)
        right_layout.addWidget(self.case_tabs, 1)
        right_layout.addLayout(letters)
        right_layout.addWidget(self.status)
        right.setEnabled(False)
        self.right = right

        # In a scroll area the case panel never forces the window wider than a 1280-pixel screen.
        right_scroll = QScrollArea()
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        right_scroll.setWidget(right)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right_scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([700, 700])
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("&Suggestions"))
        self.stats = StatsPage(service)
        self.tabs.addTab(self.stats, self.tr("S&tatistics"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # --- list and case -------------------------------------------------------------------------------
    def new_suggestion(self) -> str | None:
        dialog = IntakeDialog(self.service, self)
        if dialog.exec() and dialog.created_id:
            self.after_intake(dialog.created_id)
        return dialog.created_id

    def after_intake(self, suggestion_id: str) -> None:
        self.model.refresh()
        self.table.select_id(suggestion_id)
        self.open_case(suggestion_id)

    def open_case(self, suggestion_id: str | None) -> None:
        if not suggestion_id or suggestion_id == self.case_id:
            return
        self.case_id = suggestion_id
        self.reload_case()

    def reload_case(self) -> None:
        if not self.case_id:
            return
        try:
            case = self.service.get_case(self.case_id)
        except DomainError as exc:
            self.status.error(exc.message)
            self.right.setEnabled(False)
            return
        self.right.setEnabled(True)
        self.case_title.setText(f"<b>{case.number}</b> – {case.title} ({case.status_label})")
        self.overview.load(case)
        if self.access.coordinator:
            self.admissibility.load(case)
            self.review.load(case)
            self.implementation.load(case)
        self.decision.load(case)
        self.ack_button.setEnabled(self.access.coordinator)
        self.decision_letter_button.setEnabled(case.decision is not None)
        self.certificate_button.setEnabled(case.status in ("angenommen", "umgesetzt", "nicht_umgesetzt"))
        self.model.refresh()
        self.stats.refresh()

    def show_record(self, kind: str, target_id: str) -> None:
        """From the start page or the global search."""
        self.tabs.setCurrentIndex(0)
        self.table.select_id(target_id)
        self.case_id = None
        self.open_case(target_id)

    # --- letters -------------------------------------------------------------------------------------
    def write(self, what: str) -> None:
        if not self.case_id:
            return
        case = self.service.get_case(self.case_id)
        names = {"ack": self.tr("Acknowledgement"), "decision": self.tr("Decision"), "certificate": self.tr("Certificate")}
        suggested = safe_filename(f"{names[what]}-{case.number}") + ".pdf"
        path = self.ask_save_path(self, names[what], suggested, self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            if what == "ack":
                self.reports.write_acknowledgement(self.case_id, path)
            elif what == "decision":
                self.reports.write_decision(self.case_id, path)
            else:
                self.reports.write_certificate(self.case_id, path)
        except (DomainError, OSError) as exc:
            self.status.error(getattr(exc, "message", str(exc)))
            return
        self.last_written = path
        self.reload_case()
        self.status.ok(self.tr("Saved: %1").replace("%1", path))
