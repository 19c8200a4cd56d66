"""Kita-Kontingent in the shell: page, due items, search, settings page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.permissions import Role
from ...ui.feature import FeatureSpec
from .. import feature as kita_feature
from .page import KitaPage
from .settings_page import KitaSettingsPage


def _open_record(page: QWidget, kind: str, target_id: str) -> None:
    if isinstance(page, KitaPage):
        page.open_record(kind, target_id)


def feature(ctx) -> FeatureSpec:
    return FeatureSpec(
        key="kita",
        title=QCoreApplication.translate("KitaFeature", "Kita-Kontingent"),
        role=Role.KITA,
        create_page=lambda c, parent: KitaPage(c, parent),
        order=100,
        due_items=kita_feature.due_items,
        search=kita_feature.search,
        open_record=_open_record,
        settings_pages=[(QCoreApplication.translate("KitaFeature", "Kita-Kontingent"),
                         lambda c, parent: KitaSettingsPage(c, parent))],
    )
