"""The Kita-Kontingent page: one tab per step of HR's work, left to right in the order they happen."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..feature import service as kita_service
from .applications_tab import ApplicationsTab
from .kitas_tab import KitasTab
from .occupancy_tab import OccupancyTab
from .offers_tab import OffersTab
from .proposal_tab import ProposalTab
from .ranking_tab import RankingTab


class KitaPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = kita_service(ctx)
        user = ctx.settings.user_name or ctx.user
        self.tabs = QTabWidget(self)
        self.applications = ApplicationsTab(self.service, ctx.settings, user, self, ctx)
        # Ranking and proposal are computed, offers and answers written, off the UI thread.
        runner = ctx.services.get("task_runner")
        self.ranking = RankingTab(self.service, self, runner)
        self.proposal = ProposalTab(self.service, self, runner)
        self.offers = OffersTab(self.service, ctx.settings, self, runner)
        self.kitas = KitasTab(self.service, self, user, ctx)
        self.occupancy = OccupancyTab(self.service, self, user)
        self.tabs.addTab(self.applications, self.tr("&Applications"))
        self.tabs.addTab(self.ranking, self.tr("&Ranking"))
        self.tabs.addTab(self.proposal, self.tr("&Proposal"))
        self.tabs.addTab(self.offers, self.tr("&Offers"))
        self.tabs.addTab(self.kitas, self.tr("&Kitas && contracts"))
        self.tabs.addTab(self.occupancy, self.tr("Occ&upancy"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._tab_changed)
        # A write finishing in the background after the user moved to another tab: that tab shows it.
        self.proposal.offers_created.connect(lambda: self._written(self.proposal))
        self.offers.answer_recorded.connect(lambda: self._written(self.offers))

    def _written(self, source: QWidget) -> None:
        if self.tabs.currentWidget() is not source:  # (the tab that wrote shows its own result already)
            self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, _index: int) -> None:
        # Tabs show live data: refresh what the step before may have changed.
        tab = self.tabs.currentWidget()
        if tab is self.ranking:
            self.ranking.refresh()
        elif tab is self.proposal:
            self.proposal.check_current()
        elif tab is self.offers:
            self.offers.refresh()
        elif tab is self.occupancy:
            self.occupancy.reload_kitas()
        elif tab is self.applications:
            self.applications.refresh()
        elif tab is self.kitas:
            self.kitas.refresh()

    def open_record(self, kind: str, target_id: str) -> None:
        """From the start page or global search: show the application, offer or placement."""
        if kind == "application":
            self.tabs.setCurrentWidget(self.applications)
            self.applications.open_dialog(target_id)
        elif kind == "offer_expiring":
            self.tabs.setCurrentWidget(self.offers)
        elif kind in ("placement_starting", "school_leaving"):
            self.tabs.setCurrentWidget(self.occupancy)
