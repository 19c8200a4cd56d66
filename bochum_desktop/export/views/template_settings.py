"""Settings page for letter templates: pick a letter type, edit subject and body, see the allowed
placeholders, preview page 1 of the letter rendered with sample values, restore the default."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...context import AppContext
from ...core.errors import DomainError, ValidationError
from ...ui.forms import FieldErrors
from ..letter import render_letters
from ..templates import TemplateData, TemplateService, letter_type

PREVIEW_WIDTH = 420  # pixels of the page-1 image


def render_first_page(pdf_path: str | Path, width: int = PREVIEW_WIDTH) -> QImage:
    """Page 1 of a PDF as an image (QtPdf), for previews."""
    doc = QPdfDocument()
    doc.load(str(pdf_path))
    size = doc.pagePointSize(0)
    height = int(width * size.height() / size.width()) if size.width() else int(width * 1.414)
    image = doc.render(0, QSize(width, height))
    doc.close()
    return image


class TemplateSettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = TemplateService(ctx.db)
        self._stored: dict[str, TemplateData] = {}
        self._drafts: dict[str, tuple[str, str]] = {}
        self._current: str | None = None

        self.types = QListWidget()
        self.types.setAccessibleName(self.tr("Letter types"))
        types_label = QLabel(self.tr("&Letter type"))
        types_label.setBuddy(self.types)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.subject = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(220)
        self.errors.add_row("subject", self.tr("&Subject"), self.subject)
        self.errors.add_row("body", self.tr("&Text"), self.body)
        form.addRow(self.errors.general)

        self.placeholders = QListWidget()
        self.placeholders.setMaximumHeight(130)
        ph_label = QLabel(self.tr("&Placeholders (double-click inserts at the cursor)"))
        ph_label.setBuddy(self.placeholders)
        self.placeholders.setAccessibleName(self.tr("Placeholders"))
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.preview_button = QPushButton(self.tr("Pre&view"))
        self.reset_button = QPushButton(self.tr("&Restore default"))
        self.save_button = QPushButton(self.tr("Sa&ve"))
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.reset_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.preview = QLabel(self.tr("Click “Preview” to see page 1 of the letter with sample values."))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(self.tr("Letter preview"))
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(PREVIEW_WIDTH + 30)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(types_label)
        lv.addWidget(self.types)
        middle = QWidget()
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
        mv.addLayout(form)
        mv.addWidget(ph_label)
        mv.addWidget(self.placeholders)
        mv.addLayout(buttons)
        mv.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(middle)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.types.currentItemChanged.connect(self._type_changed)
        self.placeholders.itemActivated.connect(self._insert_placeholder)
        self.preview_button.clicked.connect(self.show_preview)
        self.reset_button.clicked.connect(self.restore_default)
        self.save_button.clicked.connect(self._save_clicked)
        self._load()

    # --- data ------------------------------------------------------------------------------------

    def _load(self) -> None:
        for data in self.service.list():  # seeds missing defaults
            self._stored[data.key] = data
            item = QListWidgetItem(data.title)
            item.setData(Qt.ItemDataRole.UserRole, data.key)
            self.types.addItem(item)
        if self.types.count():
            self.types.setCurrentRow(0)

    def _remember_current(self) -> None:
        if self._current is not None:
            self._drafts[self._current] = (self.subject.text(), self.body.toPlainText())

    def _type_changed(self, item: QListWidgetItem | None, _previous=None) -> None:
        self._remember_current()
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        self._current = key
        stored = self._stored[key]
        subject, body = self._drafts.get(key, (stored.subject, stored.body))
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self.errors.clear()
        self.placeholders.clear()
        for name, description in letter_type(key).allowed().items():
            entry = QListWidgetItem(f"{{{name}}} – {description}")
            entry.setData(Qt.ItemDataRole.UserRole, "{" + name + "}")
            self.placeholders.addItem(entry)
        self.status.setText(self.tr("Standard text.") if stored.is_default else self.tr("Changed text."))

    def _insert_placeholder(self, item: QListWidgetItem) -> None:
        self.body.insertPlainText(item.data(Qt.ItemDataRole.UserRole))
        self.body.setFocus()

    def current_key(self) -> str | None:
        return self._current

    def select_key(self, key: str) -> None:
        for row in range(self.types.count()):
            if self.types.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.types.setCurrentRow(row)
                return

    def _dirty(self) -> dict[str, tuple[str, str]]:
        self._remember_current()
        return {
            k: (s, b) for k, (s, b) in self._drafts.items()
            if (s, b) != (self._stored[k].subject, self._stored[k].body)
        }

    # --- actions ---------------------------------------------------------------------------------

    def show_preview(self) -> bool:
        """Render the (unsaved) text with sample values and show page 1. False if the text is invalid."""
        key = self._current
        if key is None:
            return False
        try:
            letter = self.service.preview_letter(key, self.subject.text(), self.body.toPlainText())
        except DomainError as exc:
            self.errors.show(exc)
            return False
        self.errors.clear()
        with tempfile.TemporaryDirectory() as tmp:
            pdf = render_letters([letter], Path(tmp) / "vorschau.pdf", self.ctx.settings.letter_form,
                                 self.ctx.settings.sender)
            image = render_first_page(pdf)
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.preview.setAccessibleDescription(letter.subject)
        return True

    def restore_default(self) -> None:
        if self._current is None:
            return
        lt = letter_type(self._current)
        self.subject.setText(lt.default_subject)
        self.body.setPlainText(lt.default_body)
        self.errors.clear()
        self.status.setText(self.tr("Standard text loaded – “Save” keeps it."))

    def _save_clicked(self) -> None:
        with contextlib.suppress(DomainError):  # the message is shown at the field
            self.save_current()

    def save_current(self) -> None:
        key = self._current
        if key is None:
            return
        try:
            saved = self.service.save(key, self.subject.text(), self.body.toPlainText())
        except DomainError as exc:
            self.errors.show(exc)
            raise
        self._stored[key] = saved
        self._drafts.pop(key, None)
        self.subject.setText(saved.subject)
        self.body.setPlainText(saved.body)
        self.errors.clear()
        self.status.setText(self.tr("Saved."))

    def apply(self) -> None:
        """Called by the settings dialog: save every changed template; the first bad one is shown and
        its DomainError raised (nothing of that template is stored)."""
        for key, (subject, body) in self._dirty().items():
            try:
                saved = self.service.save(key, subject, body)
            except ValidationError as exc:
                self.select_key(key)
                self.errors.show(exc)
                raise
            self._stored[key] = saved
            self._drafts.pop(key, None)


def template_settings_page(ctx: AppContext, parent: QWidget | None = None) -> TemplateSettingsPage:
    return TemplateSettingsPage(ctx, parent)
