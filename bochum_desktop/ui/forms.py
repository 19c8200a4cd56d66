"""Form helpers: labelled inputs with buddies and German error messages shown at the field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

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

    def add_row(self, field: str, label_text: str, widget: QWidget, required: bool = False) -> QWidget:
        if required:
            # Marked in the text (not by colour), announced by screen readers through the description.
            label_text = label_text.rstrip(":") + " *:" if label_text.endswith(":") else label_text + " *"
            widget.setAccessibleDescription(QCoreApplication.translate("FieldErrors", "required field"))
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
        # Walk the form's own order so the focus goes to the topmost bad field, not the first reported.
        ordered = [f for f in self.inputs if f in errors] + [f for f in errors if f not in self.inputs]
        for field in ordered:
            message = errors[field]
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


def required_note() -> QLabel:
    """The legend for fields marked with *."""
    return QLabel(QCoreApplication.translate("FieldErrors", "* required field"))


def widget_value(widget: QWidget) -> object:
    """What a user entered in an input, for comparing before/after (unsaved changes)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QDateEdit):
        return widget.date().toString("yyyy-MM-dd")
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return None


class FormDialog(QDialog):
    """A dialog that asks before throwing away what the user typed (Cancel, Escape, closing the window).

    Subclasses call `remember_state()` once the inputs are filled; `inputs_to_watch()` defaults to all
    FieldErrors inputs of `self.errors`."""

    def inputs_to_watch(self) -> list[QWidget]:
        errors = getattr(self, "errors", None)
        return list(errors.inputs.values()) if errors is not None else []

    def _state(self) -> list:
        return [widget_value(w) for w in self.inputs_to_watch()]

    def remember_state(self) -> None:
        self._initial_state = self._state()

    def has_unsaved_changes(self) -> bool:
        return getattr(self, "_initial_state", None) is not None and self._state() != self._initial_state

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("FormDialog", "Unsaved input"),
            QCoreApplication.translate("FormDialog", "Discard the unsaved input?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        # QDialog routes Escape, Cancel and the window's close button all through reject().
        if self.has_unsaved_changes() and not self.confirm_discard():
            return
        super().reject()
