"""Org unit detail form."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...core.errors import DomainError
from ...ui.forms import FieldErrors, FormDialog, required_note
from ..service import OrgUnitData, ReferenceService


class OrgUnitDialog(FormDialog):
    def __init__(self, ctx: AppContext, unit: OrgUnitData | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = ReferenceService(ctx.db)
        self.unit = unit
        self.saved: OrgUnitData | None = None
        self.setWindowTitle(self.tr("Org unit"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors(form)
        form.addRow(self.errors.general)
        self.code = self.errors.add_row("code", self.tr("&Code:"), QLineEdit(unit.code if unit else ""), required=True)
        self.name = self.errors.add_row("name", self.tr("&Name:"), QLineEdit(unit.name if unit else ""), required=True)
        self.active = self.errors.add_row("active", self.tr("&Active:"), QCheckBox(self.tr("in use")))
        self.active.setChecked(unit.active if unit else True)
        form.addRow(required_note())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.remember_state()

    def save(self) -> None:
        data = OrgUnitData(id=self.unit.id if self.unit else None, code=self.code.text(), name=self.name.text(),
                           active=self.active.isChecked(), parent_id=self.unit.parent_id if self.unit else None)
        try:
            self.saved = self.service.save_unit(data)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()
