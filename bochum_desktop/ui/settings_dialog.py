"""Settings: data file, language, roles, letter sender block, and each feature's rule settings."""

from __future__ import annotations

import copy
import logging
from dataclasses import fields

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..context import AppContext
from ..core.errors import DomainError
from ..core.permissions import Role
from ..core.settings import SenderBlock
from .error_dialog import show_error
from .feature import FeatureSpec

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, features: list[FeatureSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.resize(640, 520)
        self.restart_needed = False
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._general_tab(), self.tr("General"))
        self.tabs.addTab(self._letter_tab(), self.tr("Letters"))
        self.feature_pages: list[QWidget] = []
        from ..export.views.template_settings import template_settings_page  # reportlab: only when opened

        templates = template_settings_page(ctx, self)
        self.feature_pages.append(templates)
        self.tabs.addTab(templates, self.tr("Letter templates"))
        for feature in features:
            for title, factory in feature.settings_pages:
                page = factory(ctx, self)
                self.feature_pages.append(page)
                self.tabs.addTab(page, title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- tabs --------------------------------------------------------------------------------------
    def _labelled(self, form: QFormLayout, text: str, widget: QWidget) -> QWidget:
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        form.addRow(label, widget)
        return widget

    def _general_tab(self) -> QWidget:
        s = self.ctx.settings
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # rows keep their natural height; the space goes below them
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        self.data_file = QLineEdit(str(s.resolved_data_file()))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row_layout.addWidget(self.data_file)
        row_layout.addWidget(browse)
        label = QLabel(self.tr("&Data file:"))
        label.setBuddy(self.data_file)
        self.data_file.setAccessibleName(self.tr("Data file"))
        form.addRow(label, row)
        form.addRow("", QLabel(self.tr("A new data file is used after the next start.")))
        self.language = QComboBox()
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self._labelled(form, self.tr("&Language:"), self.language)
        self.start_page = QComboBox()
        self.start_page.addItem(self.tr("Overview"), "overview")
        self.start_page.addItem(self.tr("The area open when the program was closed"), "last")
        self.start_page.setCurrentIndex(max(0, self.start_page.findData(s.start_page)))
        self._labelled(form, self.tr("&Open at start:"), self.start_page)
        self.user_name = QLineEdit(s.user_name)
        self.user_name.setPlaceholderText(self.ctx.user)
        self._labelled(form, self.tr("&Your name:"), self.user_name)
        self.roles = QListWidget()
        role_labels = {
            Role.KITA: self.tr("Kita-Kontingent (HR)"),
            Role.IDEAS: self.tr("Ideenmanagement: coordination"),
            Role.IDEAS_REVIEWER: self.tr("Ideenmanagement: expert review"),
            Role.IDEAS_COMMITTEE: self.tr("Ideenmanagement: committee"),
            Role.INTERPRETERS: self.tr("Interpreter pool (Lots*innen)"),
            Role.VOLUNTEER_CARD: self.tr("Ehrenamtskarte NRW"),
            Role.FAMILY_OFFICE: self.tr("Familienbüro"),
            Role.ADMIN: self.tr("Administration (everything)"),
        }
        for role in Role:
            item = QListWidgetItem(role_labels[role])
            item.setData(Qt.ItemDataRole.UserRole, role.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if role.value in s.roles else Qt.CheckState.Unchecked)
            self.roles.addItem(item)
        self.roles.setMaximumHeight(150)
        self._labelled(form, self.tr("&Roles on this desk:"), self.roles)
        self.desk_prefix = QLineEdit(s.desk_prefix)
        self.desk_prefix.setMaxLength(4)
        self._labelled(form, self.tr("Desk &prefix for numbers:"), self.desk_prefix)
        self.backups_keep = QSpinBox()
        self.backups_keep.setRange(1, 100)
        self.backups_keep.setValue(s.backups_keep)
        self._labelled(form, self.tr("&Backups to keep:"), self.backups_keep)
        return page

    def _letter_tab(self) -> QWidget:
        s = self.ctx.settings
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.letter_form = QComboBox()
        self.letter_form.addItem(self.tr("Form B (letterhead 45 mm)"), "B")
        self.letter_form.addItem(self.tr("Form A (letterhead 27 mm)"), "A")
        self.letter_form.setCurrentIndex(max(0, self.letter_form.findData(s.letter_form)))
        self._labelled(form, self.tr("Letter &form (DIN 5008):"), self.letter_form)
        labels = {
            "organisation": self.tr("Organisation:"),
            "unit": self.tr("Unit:"),
            "street": self.tr("Street:"),
            "postcode_city": self.tr("Postcode and city:"),
            "contact_name": self.tr("Contact person:"),
            "phone": self.tr("Phone:"),
            "email": self.tr("E-mail:"),
            "website": self.tr("Website:"),
        }
        self.sender_edits: dict[str, QLineEdit] = {}
        for f in fields(SenderBlock):
            edit = QLineEdit(getattr(s.sender, f.name))
            self.sender_edits[f.name] = edit
            self._labelled(form, labels[f.name], edit)
        return page

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Choose data file"), self.data_file.text(), self.tr("Data files (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.data_file.setText(path)

    # --- apply -------------------------------------------------------------------------------------
    def accept(self) -> None:
        s = self.ctx.settings
        before = copy.deepcopy(s)
        try:
            for page in self.feature_pages:
                page.apply()
        except DomainError as exc:
            show_error(self, exc)
            return
        new_file = self.data_file.text().strip()
        if new_file != str(s.resolved_data_file()):
            s.data_file = new_file
        s.language = self.language.currentData()
        s.start_page = self.start_page.currentData()
        s.user_name = self.user_name.text().strip()
        s.roles = [
            self.roles.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.roles.count())
            if self.roles.item(i).checkState() == Qt.CheckState.Checked
        ]
        s.desk_prefix = self.desk_prefix.text().strip().upper()
        s.backups_keep = self.backups_keep.value()
        s.letter_form = self.letter_form.currentData()
        for name, edit in self.sender_edits.items():
            setattr(s.sender, name, edit.text().strip())
        self.restart_needed = (
            before.language != s.language or before.data_file != s.data_file or before.roles != s.roles
        )
        try:
            self.ctx.save_settings()
        except OSError as exc:
            log.exception("saving settings failed")
            show_error(self, DomainError(self.tr("The settings could not be saved: %1").replace("%1", str(exc))))
            return
        super().accept()
