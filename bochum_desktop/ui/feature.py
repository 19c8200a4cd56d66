"""How a feature plugs into the shell. Each feature's views/__init__.py defines
`def feature(ctx: AppContext) -> FeatureSpec`; app.py lists the modules, the shell imports none of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ..context import AppContext
from ..core.permissions import Role

if TYPE_CHECKING:  # (annotations only: docs/architecture.md, quick start)
    from ..core.features import DueItem, SearchHit


@dataclass
class FeatureSpec:
    key: str  # "kita", "ideas", "reference", ...
    title: str  # already translated (call tr() / QCoreApplication.translate in the feature)
    role: Role | None  # None: every user
    create_page: Callable[[AppContext, QWidget | None], QWidget]
    order: int = 100
    icon: str = ""  # name of a QStyle standard pixmap or a file in resources/icons
    due_items: Callable[[AppContext], list[DueItem]] = field(default=lambda ctx: [])
    search: Callable[[AppContext, str], list[SearchHit]] = field(default=lambda ctx, text: [])
    # Called by the shell to show one record (from a due item or a search hit). Optional.
    open_record: Callable[[QWidget, str, str], None] | None = None  # (page, kind, id)
    # The module create_page imports (dotted name): the quick start imports it in the background while the
    # window shows the page's preview, so building the page later does not wait for it. Optional.
    page_module: str = ""
    # Settings pages (title, factory) shown in the settings dialog.
    settings_pages: list[tuple[str, Callable[[AppContext, QWidget | None], QWidget]]] = field(default_factory=list)
