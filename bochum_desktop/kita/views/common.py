"""Small shared pieces of the Kita views: message line, table view set-up, date/amount fields, year choice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from ...core.errors import DomainError, ValidationError
from ...core.formatting import format_date, parse_german_amount, parse_german_date
from ...ui import forms
from .. import rules


class MessageLine(QLabel):
    """Inline result/error line of a tab. Errors start with ⚠ so they do not depend on colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)
        self.setAccessibleName(QCoreApplication.translate("KitaViews", "Message"))

    def error(self, exc: DomainError | str) -> None:
        text = exc.message if isinstance(exc, DomainError) else str(exc)
        self.setText("⚠ " + text)
        self.setStyleSheet("color: #a00000;")
        self.setVisible(True)

    def info(self, text: str) -> None:
        self.setText("✓ " + text)
        self.setStyleSheet("")
        self.setVisible(True)

    def note(self, text: str) -> None:
        """Neither success nor error: e.g. a computation that found nothing to do, and why."""
        self.setText("ℹ " + text)
        self.setStyleSheet("")
        self.setVisible(True)

    def clear_message(self) -> None:
        self.clear()
        self.setVisible(False)


def tab_chain(*widgets: QWidget) -> None:
    """Tab walks the widgets in this order (top to bottom, left to right as on screen). Needed because
    widgets created without a parent join the focus chain only when the layout adopts them, after the
    ones created with a parent (the table views)."""
    for a, b in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(a, b)


def points_text(points: int) -> str:
    """Text of a criterion's checkbox beside its label: what ticking it is worth, not the label again."""
    return QCoreApplication.translate("KitaViews", "yes (+%1 points)").replace("%1", str(points))


def run(message: MessageLine, fn: Callable, *args, **kwargs):
    """Call a service use case; a DomainError is shown in the message line (returns None then)."""
    try:
        return fn(*args, **kwargs)
    except DomainError as exc:
        message.error(exc)
        return None


def setup_table(view: QTableView, name: str) -> QTableView:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAccessibleName(name)
    return view


def attach(view: QTableView, model) -> None:
    """Set the model; column widths follow the content after every reload (long texts stay readable)."""
    view.setModel(model)
    model.modelReset.connect(view.resizeColumnsToContents)
    view.resizeColumnsToContents()


def current_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if rows:
        return rows[0].row()
    index = view.currentIndex()
    return index.row() if index.isValid() else None


def date_edit(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(QCoreApplication.translate("KitaViews", "DD.MM.YYYY"))
    edit.setMaxLength(10)
    return edit


def set_date(edit: QLineEdit, value: date | None) -> None:
    edit.setText(format_date(value) if value else "")


def read_date(edit: QLineEdit, field: str, label: str, errors: dict[str, str], required: bool = True) -> date | None:
    text = edit.text().strip()
    if not text:
        if required:
            errors[field] = f"Bitte „{label}“ angeben."
        return None
    try:
        return parse_german_date(text)
    except ValueError:
        errors[field] = f"„{label}“: „{text}“ ist kein Datum (Format TT.MM.JJJJ)."
        return None


def read_decimal(edit: QLineEdit, field: str, label: str, errors: dict[str, str]) -> Decimal | None:
    text = edit.text().strip()
    if not text:
        return None
    try:
        return parse_german_amount(text)
    except ValueError:
        errors[field] = f"„{label}“: „{text}“ ist keine Zahl."
        return None


def raise_if(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def fill_years(combo: QComboBox, today: date) -> None:
    """Last, current and the next two Kita years; the current one selected."""
    current = rules.kita_year_of(today)
    for year in range(current - 1, current + 3):
        combo.addItem(rules.kita_year_label(year), year)
    combo.setCurrentIndex(1)


def ask_save_path(parent: QWidget, title: str, suggested: str, filter_text: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_text)
    return Path(path) if path else None


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """The shell's Ja/Nein question (default No). Views call it as common.ask_yes_no(...) so tests can
    replace it (tests/kita/conftest.py)."""
    return forms.ask_yes_no(parent, title, text)


class GuardedDialog(forms.FormDialog):
    """The shell's form dialog that asks before discarding input, asking through common.ask_yes_no."""

    def confirm_discard(self) -> bool:
        """Tests monkeypatch this (or common.ask_yes_no)."""
        return ask_yes_no(self, QCoreApplication.translate("KitaViews", "Discard input?"),
                          QCoreApplication.translate("KitaViews", "Discard unsaved input?"))
