"""Kita-Kontingent in the shell: page, due items, search, settings page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.permissions import Role
from ...ui.feature import FeatureSpec


# The page and its imports (charts, letters, Excel) load when the user first opens it, not at start-up.
def _create_page(ctx, parent: QWidget | None) -> QWidget:
    from .page import KitaPage

    return KitaPage(ctx, parent)


def _settings_page(ctx, parent: QWidget | None) -> QWidget:
    from .settings_page import KitaSettingsPage

    return KitaSettingsPage(ctx, parent)


# Due items and search load the service (and the ORM) on first call: the shell registers features before
# SQLAlchemy is imported (quick start, app.py).
def _due_items(ctx) -> list:
    from .. import feature as kita_feature

    return kita_feature.due_items(ctx)


def _search(ctx, text: str) -> list:
    from .. import feature as kita_feature

    return kita_feature.search(ctx, text)


def _open_record(page: QWidget, kind: str, target_id: str) -> None:
    if hasattr(page, "open_record"):
        page.open_record(kind, target_id)


def feature(ctx) -> FeatureSpec:
    return FeatureSpec(
        key="kita",
        title=QCoreApplication.translate("KitaFeature", "Kita-Kontingent"),
        role=Role.KITA,
        create_page=_create_page,
        page_module="bochum_desktop.kita.views.page",
        order=100,
        due_items=_due_items,
        search=_search,
        open_record=_open_record,
        settings_pages=[(QCoreApplication.translate("KitaFeature", "Kita-Kontingent"),
                         _settings_page)],
    )
