"""Ideenmanagement in the shell. Coordinators and the committee get the case page; a user who only
reviews gets the pseudonymised reviewer page. The role on the spec is one the user actually has, so the
shell shows the page to reviewers and committee members too (the service enforces what each may see)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...context import AppContext
from ...core.permissions import Role
from ...ui.feature import FeatureSpec
from ..access import Access  # light: its queries import SQLAlchemy only when run

# Registration only: the service, the access rules' queries and the ORM load on first use, because the shell
# registers features before SQLAlchemy is imported (quick start, app.py).


def create_page(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    from ..service import IdeasService

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


def _page_module(ctx: AppContext) -> str:
    access = Access.of(ctx)  # the same choice as create_page
    if access.coordinator or access.committee:
        return "bochum_desktop.ideas.views.ideas_page"
    return "bochum_desktop.ideas.views.reviewer_page"


def _role(ctx: AppContext) -> Role:
    for role in (Role.IDEAS, Role.IDEAS_COMMITTEE, Role.IDEAS_REVIEWER):
        if role in ctx.roles:
            return role
    return Role.IDEAS


def _due_items(ctx: AppContext) -> list:
    from .. import feature as ideas_feature

    return ideas_feature.due_items(ctx)


def _search(ctx: AppContext, text: str) -> list:
    from .. import feature as ideas_feature

    return ideas_feature.search(ctx, text)


def _settings_pages(ctx: AppContext) -> list:
    if not Access.of(ctx).coordinator:
        return []
    return [
        (QCoreApplication.translate("IdeasFeature", "Award rules"), _rule_sets_page),
        (QCoreApplication.translate("IdeasFeature", "Suggestion exclusions"), _exclusions_page),
    ]


def _rule_sets_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from .settings_pages import RuleSetsPage

    return RuleSetsPage(ctx, parent)


def _exclusions_page(ctx: AppContext, parent: QWidget | None) -> QWidget:
    from .settings_pages import ExclusionsPage

    return ExclusionsPage(ctx, parent)


def feature(ctx: AppContext) -> FeatureSpec:
    return FeatureSpec(
        key="ideas",
        title=QCoreApplication.translate("IdeasFeature", "Ideenmanagement"),
        role=_role(ctx),
        create_page=create_page,
        page_module=_page_module(ctx),
        order=200,
        due_items=_due_items,
        search=_search,
        open_record=_open_record,
        settings_pages=_settings_pages(ctx),
    )
