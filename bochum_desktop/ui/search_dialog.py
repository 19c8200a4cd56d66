"""Global search (Ctrl+K) across every feature's search provider."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..context import AppContext
from ..core.features import SearchHit
from .feature import FeatureSpec

log = logging.getLogger(__name__)


class SearchDialog(QDialog):
    hit_chosen = Signal(object)  # SearchHit

    def __init__(self, ctx: AppContext, features: list[FeatureSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.features = features
        self.setWindowTitle(self.tr("Search"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Search for:"))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Name, personnel number, title …"))
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        layout.addWidget(self.results)
        self.status = QLabel()
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run_search)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self._enter)
        self.results.itemActivated.connect(self._choose)
        self.hits: list[SearchHit] = []

    def run_search(self) -> None:
        text = self.edit.text().strip()
        self.results.clear()
        self.hits = []
        if len(text) < 2:
            self.status.setText(self.tr("Type at least two characters."))
            return
        titles = {f.key: f.title for f in self.features}
        for feature in self.features:
            try:
                self.hits.extend(feature.search(self.ctx, text))
            except Exception:
                log.exception("search in %s failed", feature.key)
        for hit in self.hits:
            text = f"{hit.title} — {hit.subtitle}  [{titles.get(hit.feature, hit.feature)}]"
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        self.status.setText(self.tr("%n hit(s)", "", len(self.hits)))
        if self.hits:
            self.results.setCurrentRow(0)

    def _enter(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.run_search()
        item = self.results.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        self.hit_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.edit.hasFocus():
            self.results.setFocus()
            self.results.keyPressEvent(event)
            return
        super().keyPressEvent(event)
