"""Settings page of the Kita feature: versioned points schemes and the offer answer deadline.

apply() validates everything first and only then writes into ctx.feature_settings("kita"), which the shell
saves; a DomainError leaves the settings untouched."""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError, ValidationError
from ...core.formatting import format_date, parse_german_amount, parse_german_date
from .. import rules
from ..feature import service as kita_service

_FIELDS = ("return_soon_points", "return_soon_days", "single_parent_points", "full_time_hours", "full_time_points",
           "part_time_hours", "part_time_points", "sibling_points", "shift_work_points", "hardship_points")


class KitaSettingsPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.service = kita_service(ctx)
        self.schemes = list(self.service.schemes())
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.deadline = QSpinBox()
        self.deadline.setRange(1, 90)
        self.deadline.setSuffix(self.tr(" days"))
        self.deadline.setValue(self.service.offer_deadline_days)
        self._row(form, self.tr("&Answer deadline for offers:"), self.deadline)
        self.version = QComboBox()
        self._row(form, self.tr("Points &scheme valid from:"), self.version)
        self.valid_from = QLineEdit()
        self._row(form, self.tr("&Valid from (date):"), self.valid_from)
        self.inputs: dict[str, QWidget] = {}
        labels = {
            "return_soon_points": self.tr("Return from parental leave soon: points"),
            "return_soon_days": self.tr("… within days after the desired start"),
            "single_parent_points": self.tr("Single parent: points"),
            "full_time_hours": self.tr("Working hours from (full time)"),
            "full_time_points": self.tr("Full time: points"),
            "part_time_hours": self.tr("Working hours from (part time)"),
            "part_time_points": self.tr("Part time: points"),
            "sibling_points": self.tr("Sibling in a wished Kita: points"),
            "shift_work_points": self.tr("Shift work: points"),
            "hardship_points": self.tr("Hardship: points"),
        }
        for name in _FIELDS:
            widget = QLineEdit() if name.endswith("_hours") else QSpinBox()
            if isinstance(widget, QSpinBox):
                widget.setRange(0, 1000)
            self.inputs[name] = widget
            self._row(form, labels[name] + ":", widget)
        buttons = QHBoxLayout()
        self.new_version_button = QPushButton(self.tr("&New version…"))
        self.new_version_button.setToolTip(self.tr("Copy the shown scheme as a new version with a later valid-from date"))
        buttons.addWidget(self.new_version_button)
        buttons.addStretch(1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._shown = -1
        self.version.currentIndexChanged.connect(self._show)
        self.new_version_button.clicked.connect(self.new_version)
        self._fill_versions(len(self.schemes) - 1)

    def _row(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        form.addRow(label, widget)

    def _fill_versions(self, select: int) -> None:
        self.version.blockSignals(True)
        self.version.clear()
        for s in self.schemes:
            self.version.addItem(format_date(s.valid_from))
        self.version.blockSignals(False)
        self._shown = -1
        self.version.setCurrentIndex(select)
        self._show(select)

    def _show(self, index: int) -> None:
        if 0 <= self._shown < len(self.schemes) and self._shown != index:
            self.schemes[self._shown] = self._read()  # keep edits of the version left
        self._shown = index
        s = self.schemes[index]
        self.valid_from.setText(format_date(s.valid_from))
        for name, widget in self.inputs.items():
            value = getattr(s, name)
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            else:
                widget.setText(f"{Decimal(value).normalize():f}".replace(".", ","))

    def _read(self) -> rules.PointsScheme:
        errors: dict[str, str] = {}
        values: dict[str, object] = {}
        try:
            values["valid_from"] = parse_german_date(self.valid_from.text())
        except ValueError:
            errors["valid_from"] = "„Gültig ab“: bitte ein Datum im Format TT.MM.JJJJ angeben."
        for name, widget in self.inputs.items():
            if isinstance(widget, QSpinBox):
                values[name] = widget.value()
            else:
                try:
                    values[name] = parse_german_amount(widget.text())
                except ValueError:
                    errors[name] = f"Stundenwert „{widget.text()}“ ist keine Zahl."
        if errors:
            raise ValidationError(errors)
        known = {f.name for f in fields(rules.PointsScheme)}
        return rules.PointsScheme(**{k: v for k, v in values.items() if k in known})

    def new_version(self) -> None:
        try:
            current = self._read()
        except DomainError as exc:
            self.error.setText("⚠ " + exc.message)
            return
        self.schemes[self._shown] = current
        latest = max(s.valid_from for s in self.schemes)
        today = self.service.clock.today()
        start = max(today, latest.replace(year=latest.year + 1) if latest >= today else today)
        self.schemes.append(replace(current, valid_from=start))
        self.schemes.sort(key=lambda s: s.valid_from)
        self._fill_versions(len(self.schemes) - 1)

    def apply(self) -> None:
        """Validate and store; raises DomainError with a German message (the dialog stays open)."""
        try:
            self.schemes[self._shown] = self._read()
            self.service.save_schemes(list(self.schemes), self.deadline.value())
        except DomainError as exc:
            self.error.setText("⚠ " + exc.message)
            raise
        self.error.clear()
