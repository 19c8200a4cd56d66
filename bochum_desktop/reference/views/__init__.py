"""Employee register and org units in the shell."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...context import AppContext
from ...ui.feature import FeatureSpec
from .. import feature as reference_feature
from .pages import ReferencePage


def _open_record(page: QWidget, kind: str, target_id: str) -> None:
    if isinstance(page, ReferencePage) and kind == "employee":
        page.edit_employee(target_id)


def feature(ctx: AppContext) -> FeatureSpec:
    return FeatureSpec(
        key="reference",
        title=QCoreApplication.translate("ReferenceFeature", "Employees"),
        role=None,
        create_page=lambda c, parent: ReferencePage(c, parent),
        order=900,
        search=reference_feature.search,
        open_record=_open_record,
    )
