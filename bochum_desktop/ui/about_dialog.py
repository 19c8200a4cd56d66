"""About dialog: version, data file, log file, licences of the parts."""

from __future__ import annotations

import sqlite3
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .. import APP_NAME, __version__
from ..context import AppContext


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        layout = QVBoxLayout(self)
        text = QLabel(
            f"<h2>{APP_NAME} {__version__}</h2>"
            + "<p>" + self.tr("Staff-facing activities of the Bochum Strategie on one desk.") + "</p>"
            + "<p>" + self.tr("Data file:") + f" {ctx.data_file}<br>"
            + self.tr("Log file:") + f" {ctx.log_file or '-'}<br>"
            + f"Python {sys.version.split()[0]} · PySide6 {pyside_version} · SQLite {sqlite3.sqlite_version}</p>"
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(text.textInteractionFlags())
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
