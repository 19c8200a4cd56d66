"""Small widgets and helpers shared by the ideas views."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QWidget

from ...core.errors import ValidationError
from ...core.formatting import format_cents, parse_german_amount
from ...ui import forms


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class MoneyEdit(QLineEdit):
    """An amount in euros typed the German way ("1.234,56"); value in integer cents."""

    def __init__(self, field: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.label = label
        self.setPlaceholderText("0,00 €")

    def cents(self) -> int:
        text = self.text().strip()
        if not text:
            return 0
        try:
            amount = parse_german_amount(text)
        except ValueError:
            raise ValidationError({self.field: f"„{self.label}“: „{text}“ ist kein Betrag."}) from None
        cents = amount * 100
        if cents != cents.to_integral_value():
            raise ValidationError({self.field: f"„{self.label}“: höchstens zwei Nachkommastellen."})
        return int(cents)

    def set_cents(self, cents: int | None) -> None:
        self.setText(format_cents(cents).replace("\u00a0€", "") if cents else "")


class StatusLine(QLabel):
    """A one-line message after an action (text, not colour, carries the meaning)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(QCoreApplication.translate("Ideas", "Message"))

    def ok(self, text: str) -> None:
        self.setText("✓ " + text)

    def error(self, text: str) -> None:
        self.setText("⚠ " + text)


def html_paragraphs(text: str) -> str:
    return "<br>".join(escape(line) for line in (text or "").splitlines())


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """The save dialog; pages call it through an attribute so tests can answer without a modal dialog."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def ask_open_path(parent: QWidget, title: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title)
    return path


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """The shell's Ja/Nein question ("No" is the default); widgets call it through an attribute so tests
    can answer."""
    return forms.ask_yes_no(parent, title, text)
