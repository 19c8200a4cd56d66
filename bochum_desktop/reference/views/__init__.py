"""Employee register and org units in the shell.

Only this registration loads at start-up; the page, the service and the ORM load when first used."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...context import AppContext
from ...ui.feature import FeatureSpec


def _create_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from .pages import ReferencePage

    return ReferencePage(ctx, parent)


def _search(ctx: AppContext, text: str) -> list:
    from .. import feature as reference_feature

    return reference_feature.search(ctx, text)


def _open_record(page: QWidget, kind: str, target_id: str) -> None:
    if kind == "employee" and hasattr(page, "edit_employee"):
        page.edit_employee(target_id)


def feature(ctx: AppContext) -> FeatureSpec:
    return FeatureSpec(
        key="reference",
        title=QCoreApplication.translate("ReferenceFeature", "Employees"),
        role=None,
        create_page=_create_page,
        page_module="bochum_desktop.reference.views.pages",
        order=900,
        search=_search,
        open_record=_open_record,
    )
