"""Users read German: every tr() string in the code needs a finished German translation."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_ui_string_has_a_finished_german_translation():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_german_translation_is_loaded_into_the_ui(qtbot):
    from PySide6.QtCore import QCoreApplication

    sys.path.insert(0, str(ROOT / "tools"))
    import i18n

    i18n.build()
    from bochum_desktop.ui.i18n import install_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, "de")
    try:
        assert QCoreApplication.translate("MainWindow", "&Quit") == "&Beenden"
    finally:
        for tr in translators:
            app.removeTranslator(tr)
