"""Loading translations: German by default, English (the source language) selectable."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)


def translations_dir() -> Path:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "resources" / "translations"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our .qm files and Qt's own German strings (buttons like 'Abbrechen').

    Returns the translators so the caller keeps them alive (Qt does not own them)."""
    installed: list[QTranslator] = []
    if language != "de":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_de",):
        tr = QTranslator(app)
        if tr.load(name, qt_dir):
            app.installTranslator(tr)
            installed.append(tr)
    qm_files = sorted(translations_dir().glob("*_de.qm"))
    if not qm_files:
        log.warning("no compiled translations in %s; run the set-up command (make translations)", translations_dir())
    for qm in qm_files:
        tr = QTranslator(app)
        if tr.load(str(qm)):
            app.installTranslator(tr)
            installed.append(tr)
        else:
            log.warning("could not load translation %s", qm)
    return installed
