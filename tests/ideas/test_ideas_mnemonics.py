"""Every Alt+key mnemonic is unique within each ideas dialog, case tab and settings page (in German)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

from bochum_desktop.ideas.views import create_page
from bochum_desktop.ideas.views.intake_dialog import IntakeDialog
from bochum_desktop.ideas.views.reviewer_page import ReviewerPage
from bochum_desktop.ideas.views.settings_pages import ExclusionsPage, RuleSetsPage

pytestmark = pytest.mark.gui


def _mnemonic(text: str) -> str | None:
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def mnemonics(top: QWidget) -> dict[str, list[str]]:
    """Mnemonic letter -> the visible texts that carry it."""
    found: dict[str, list[str]] = defaultdict(list)
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisibleTo(top):
            continue
        texts = []
        if isinstance(w, QLabel) and w.buddy() is not None or isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        for text in texts:
            key = _mnemonic(text)
            if key:
                found[key].append(text)
    return found


def duplicates(top: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in mnemonics(top).items() if len(v) > 1}


def test_intake_dialog(qtbot, german, coordinator):
    dialog = IntakeDialog(coordinator)
    qtbot.addWidget(dialog)
    dialog.show()
    assert duplicates(dialog) == {}


def test_case_tabs_and_statistics(qtbot, german, ctx, coordinator, register, intake):
    sid = intake(coordinator, register)
    page = create_page(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.open_case(sid)
    for i in range(page.case_tabs.count()):
        page.case_tabs.setCurrentIndex(i)
        assert duplicates(page) == {}, page.case_tabs.tabText(i)
    page.case_tabs.setCurrentWidget(page.decision)
    page.decision.setEnabled(True)
    for i in range(page.decision.kind.count()):  # each award kind shows its own inputs
        page.decision.kind.setCurrentIndex(i)
        assert duplicates(page) == {}, page.decision.kind.itemText(i)
    page.tabs.setCurrentWidget(page.stats)
    assert duplicates(page) == {}


def test_settings_pages(qtbot, german, ctx, coordinator, rule_set):
    for factory in (RuleSetsPage, ExclusionsPage):
        page = factory(ctx)
        qtbot.addWidget(page)
        page.show()
        assert duplicates(page) == {}, factory.__name__


def test_reviewer_page(qtbot, german, ctx, coordinator, make_ctx):
    page = create_page(make_ctx(ctx, ["ideas_reviewer"], "gutachter"))
    qtbot.addWidget(page)
    assert isinstance(page, ReviewerPage)
    page.show()
    assert duplicates(page) == {}
