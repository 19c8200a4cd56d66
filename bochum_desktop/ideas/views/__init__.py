"""Ideenmanagement in the shell. Coordinators and the committee get the case page; a user who only
reviews gets the pseudonymised reviewer page. The role on the spec is one the user actually has, so the
shell shows the page to reviewers and committee members too (the service enforces what each may see)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...context import AppContext
from ...core.permissions import Role
from ...ui.feature import FeatureSpec
from .. import feature as ideas_feature
from ..access import Access
from ..service import IdeasService


def create_page(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    service = IdeasService(ctx)
    access = Access.of(ctx)
    if access.coordinator or access.committee:
        from .ideas_page import IdeasPage

        return IdeasPage(ctx, service, parent)
    from .reviewer_page import ReviewerPage

    return ReviewerPage(service, parent)


def _open_record(page: QWidget, kind: str, target_id: str) -> None:
    if hasattr(page, "show_record"):
        page.show_record(kind, target_id)
    elif hasattr(page, "open_review"):
        # A reviewer's due items and search hits carry the review id.
        page.open_review(page.service.reviewer_case(target_id))


def _role(ctx: AppContext) -> Role:
    for role in (Role.IDEAS, Role.IDEAS_COMMITTEE, Role.IDEAS_REVIEWER):
        if role in ctx.roles:
            return role
    return Role.IDEAS


def _settings_pages(ctx: AppContext) -> list:
    if not Access.of(ctx).coordinator:
        return []
    from .settings_pages import ExclusionsPage, RuleSetsPage

    return [
        (QCoreApplication.translate("IdeasFeature", "Award rules"), lambda c, p: RuleSetsPage(c, p)),
        (QCoreApplication.translate("IdeasFeature", "Suggestion exclusions"), lambda c, p: ExclusionsPage(c, p)),
    ]


def feature(ctx: AppContext) -> FeatureSpec:
    return FeatureSpec(
        key="ideas",
        title=QCoreApplication.translate("IdeasFeature", "Ideenmanagement"),
        role=_role(ctx),
        create_page=create_page,
        order=200,
        due_items=ideas_feature.due_items,
        search=ideas_feature.search,
        open_record=_open_record,
        settings_pages=_settings_pages(ctx),
    )
