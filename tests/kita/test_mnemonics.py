"""German keyboard users: within each tab of the Kita page (with the tab bar and the keys the shell already
uses) and within each dialog, every Alt+letter leads to exactly one place."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from pprint import pformat

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

ROOT = Path(__file__).resolve().parents[2]
# Keys the shell window already uses in German: Alt+D Datei, Alt+A Ansicht, Alt+H Hilfe (menu bar), Alt+S
# "Jetzt &synchronisieren" and Alt+A "Sync-&Anmeldung" (status bar). Alt+S is also the shared table's "Suchen",
# which is not the Kita page's to change, so the shared table's own widgets are left out of the walk.
SHELL_KEYS = {"d": "Datei", "a": "Ansicht", "h": "Hilfe", "s": "Jetzt synchronisieren"}


def mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def texts(root: QWidget) -> list[str]:
    from bochum_desktop.ui.table_view import DataTable

    shared = [w for t in root.findChildren(DataTable) for w in t.findChildren(QWidget)]
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w in shared:
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
    return out


def duplicates(labels: list[str], reserved: dict[str, str] | None = None) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for key, name in (reserved or {}).items():
        by_key[key].append(name)
    for text in labels:
        key = mnemonic(text)
        if key:
            by_key[key].append(text)
    return {k: v for k, v in by_key.items() if len(v) > 1}


def test_every_kita_tab_has_unique_mnemonics_in_german(qtbot, ctx, service, kitas, german):
    from bochum_desktop.kita.views.page import KitaPage

    page = KitaPage(ctx)
    qtbot.addWidget(page)
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs[0] != "&Applications"  # the German translation is loaded
    found = {}
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        dup = duplicates(texts(page.tabs.widget(i)) + tabs, SHELL_KEYS)
        if dup:
            found[tabs[i]] = dup
    assert not found, "\n" + pformat(found, width=150)


def test_every_kita_dialog_has_unique_mnemonics_in_german(qtbot, ctx, service, kitas, german):
    from bochum_desktop.kita.views.application_dialog import ApplicationDialog
    from bochum_desktop.kita.views.kitas_tab import ContractDialog, KitaDialog
    from bochum_desktop.kita.views.proposal_tab import OverrideDialog
    from bochum_desktop.kita.views.settings_page import KitaSettingsPage

    from .conftest import make_draft

    service.create_application(make_draft([kitas[0].id]))
    entry = service.compute_proposal(2026, date(2027, 1, 1)).entries[0]
    found = {}
    for dlg in (ApplicationDialog(service, None), KitaDialog(service, None), ContractDialog(service, None, 2026),
                OverrideDialog(service, entry), KitaSettingsPage(ctx)):
        qtbot.addWidget(dlg)
        dup = duplicates(texts(dlg))
        if dup:
            found[type(dlg).__name__] = dup
    assert not found, "\n" + pformat(found, width=150)
