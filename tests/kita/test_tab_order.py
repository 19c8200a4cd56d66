"""Keyboard users: Tab walks each Kita tab the way it reads, top to bottom and left to right."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


def focus_order(root: QWidget) -> list[QWidget]:
    """The widgets of `root` Tab reaches, in the order it reaches them."""
    out: list[QWidget] = []
    w = root.window()
    for _ in range(2000):
        w = w.nextInFocusChain()
        inner = isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
        if (root.isAncestorOf(w) and w.isVisibleTo(root) and w.isEnabled() and not inner
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            if w in out:
                break
            out.append(w)
        if w is root.window():
            break
    return out


def rect(w: QWidget, root: QWidget) -> QRect:
    return QRect(w.mapTo(root, QPoint(0, 0)), w.size())


def reads_before(a: QRect, b: QRect) -> bool:
    """a comes before b on screen: entirely above it, or beside it (overlapping rows) and to its left."""
    if a.bottom() < b.top():
        return True
    if b.bottom() < a.top():
        return False
    return a.left() < b.left()


def test_tab_order_follows_the_screen_on_every_tab(qtbot, ctx, service, kitas):
    from bochum_desktop.kita.views.page import KitaPage

    page = KitaPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    wrong = {}
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        tab = page.tabs.widget(i)
        qtbot.waitUntil(tab.isVisible)
        order = focus_order(tab)
        assert len(order) >= 3
        names = [w.accessibleName() or getattr(w, "text", lambda: "")() or type(w).__name__ for w in order]
        bad = [f"{names[n]} → {names[n + 1]}" for n in range(len(order) - 1)
               if reads_before(rect(order[n + 1], tab), rect(order[n], tab))]
        if bad:
            wrong[page.tabs.tabText(i)] = bad
    assert wrong == {}


def test_tab_order_of_the_dialogs_follows_the_form(qtbot, service, kitas):
    from bochum_desktop.kita.views.application_dialog import ApplicationDialog
    from bochum_desktop.kita.views.kitas_tab import ContractDialog, KitaDialog

    for dlg in (ApplicationDialog(service, None), KitaDialog(service, None), ContractDialog(service, None, 2026)):
        qtbot.addWidget(dlg)
        dlg.resize(600, 1400)  # the application form fully visible, no scrolling in between
        dlg.show()
        qtbot.waitUntil(dlg.isVisible)
        order = focus_order(dlg)
        assert len(order) >= 8
        bad = [n for n in range(len(order) - 1) if reads_before(rect(order[n + 1], dlg), rect(order[n], dlg))]
        assert bad == [], type(dlg).__name__
