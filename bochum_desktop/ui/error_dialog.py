"""The one error path of the UI: domain errors in German, unexpected ones logged and shown once."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from ..core.errors import DomainError

log = logging.getLogger("bochum_desktop")



class ErrorDialog(QDialog):
    def __init__(self, message: str, details: str = "", parent: QWidget | None = None) -> None:
        # Imported here: every module of the first window imports show_error, and these classes cost
        # start-up time (docs/architecture.md, quick start) for a dialog that is rarely shown.
        from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Error"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(QCoreApplication.translate("ErrorDialog", "Error message"))
        layout.addWidget(self.message_label)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(QCoreApplication.translate("ErrorDialog", "Technical details"))
        self.details.setVisible(bool(details))
        self.details.setMinimumHeight(140)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.copy_button = QPushButton(QCoreApplication.translate("ErrorDialog", "Copy details"))
        self.copy_button.setEnabled(bool(details))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(f"{self.message_label.text()}\n\n{self.details.toPlainText()}")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show any exception: a DomainError with its German message, anything else logged with traceback."""
    if isinstance(exc, DomainError):
        ErrorDialog(exc.message, "", parent).exec()
        return
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error: %s", details)
    ErrorDialog(
        QCoreApplication.translate("ErrorDialog", "An unexpected error occurred. Your saved data is safe; the last action was not completed."),
        details,
        parent,
    ).exec()


class ExceptionHook:
    """sys.excepthook for the GUI: log, and show each distinct error once (never a dialog storm)."""

    def __init__(self) -> None:
        self._shown: set[str] = set()
        self._previous = sys.excepthook

    def __call__(self, exc_type, exc, tb) -> None:
        key = f"{exc_type.__name__}:{exc}"
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        if key in self._shown or QCoreApplication.instance() is None:
            return
        self._shown.add(key)
        show_error(None, exc.with_traceback(tb))

    def install(self) -> None:
        sys.excepthook = self
