"""Form helpers: labelled inputs with buddies and German error messages shown at the field."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLabel, QWidget

from ..core.errors import DomainError, ValidationError


class FieldErrors:
    """Maps service field names to inputs; shows each message under its input (text + red frame, so
    the message is not carried by colour alone) and focuses the first bad field."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.inputs: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setObjectName("formGeneralError")
        self.general.setVisible(False)

    def add_row(self, field: str, label_text: str, widget: QWidget) -> QWidget:
        label = QLabel(label_text)
        label.setBuddy(widget)
        self.form.addRow(label, widget)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setStyleSheet("color: #a00000;")
        error.setVisible(False)
        self.form.addRow("", error)
        self.inputs[field] = widget
        self.labels[field] = error
        widget.setAccessibleName(label_text.replace("&", ""))
        return widget

    def clear(self) -> None:
        for field, label in self.labels.items():
            label.clear()
            label.setVisible(False)
            self.inputs[field].setStyleSheet("")
            self.inputs[field].setAccessibleDescription("")
        self.general.setVisible(False)

    def show(self, exc: DomainError) -> None:
        self.clear()
        errors = exc.errors if isinstance(exc, ValidationError) else {exc.field or "": exc.message}
        first = None
        unplaced = []
        for field, message in errors.items():
            if field in self.labels:
                self.labels[field].setText("⚠ " + message)
                self.labels[field].setVisible(True)
                self.inputs[field].setStyleSheet("border: 2px solid #a00000;")
                self.inputs[field].setAccessibleDescription(message)
                first = first or self.inputs[field]
            else:
                unplaced.append(message)
        if unplaced:
            self.general.setText("⚠ " + "\n".join(unplaced))
            self.general.setVisible(True)
        if first is not None:
            first.setFocus()


def make_date_edit(parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setDate(QDate.currentDate())
    return edit
