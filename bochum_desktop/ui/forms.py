"""Form helpers: labelled inputs with buddies and German error messages shown at the field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
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


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A Ja/Nein question whose default is No: Enter or Escape never confirms by accident.

    Feature views call it through a module attribute of their own so tests can answer it."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate("Questions", "&Yes"))
    box.button(QMessageBox.StandardButton.No).setText(QCoreApplication.translate("Questions", "&No"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class FormDialog(QDialog):
    """A form dialog that asks before Cancel, Escape or the window's close button throw away typed input.

    Call remember_state() once the form is filled; reject() compares every input with that state."""

    _clean_state: tuple = ()

    def form_state(self) -> tuple:
        state = []
        for w in self.findChildren(QWidget):
            if isinstance(w, QLineEdit) and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
                state.append(w.text())
            elif isinstance(w, (QPlainTextEdit, QTextEdit)):
                state.append(w.toPlainText())
            elif isinstance(w, QComboBox):
                state.append(w.currentIndex())
            elif isinstance(w, QAbstractSpinBox):
                state.append(getattr(w, "value", w.text)())  # text() is empty until the box is shown
            elif isinstance(w, QAbstractButton) and w.isCheckable():
                state.append(w.isChecked())
        return tuple(state)

    def remember_state(self) -> None:
        self._clean_state = self.form_state()

    def is_modified(self) -> bool:
        return self.form_state() != self._clean_state

    def confirm_discard(self) -> bool:
        return ask_yes_no(self, QCoreApplication.translate("FormDialog", "Unsaved input"),
                          QCoreApplication.translate("FormDialog", "Discard the unsaved input?"))

    def reject(self) -> None:
        # QDialog routes Escape, Cancel and the window's close button all through reject().
        if self.is_modified() and not self.confirm_discard():
            return
        super().reject()
