"""Settings pages of the suggestion scheme: award rule sets (versioned) and excluded submitters."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError, ValidationError
from ...core.formatting import format_cents, format_date, format_number, parse_german_amount
from ...ui.forms import FieldErrors, make_date_edit
from ..dto import RuleSetInput
from ..rules import AwardRules, percent_to_bp
from ..service import IdeasService
from . import common


def _pct_text(bp: int) -> str:
    return format_number(Decimal(bp) / 100, 2 if bp % 100 else 0)


def _euros(cents: int) -> str:
    return format_cents(cents).replace("\u00a0€", "")


def _table_text(table: dict, money: bool) -> str:
    return "; ".join(f"{k} = {_euros(v) if money else format_number(v, 2)}" for k, v in table.items())


def _parse_table(text: str, field: str, label: str, money: bool) -> dict:
    out = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        try:
            if not sep or not key.strip():
                raise ValueError
            amount = parse_german_amount(value)
        except ValueError:
            raise ValidationError({field: f"„{label}“: „{part.strip()}“ bitte als „Stufe = Wert“ angeben."}) from None
        out[key.strip()] = int(amount * 100) if money else str(amount)
    if not out:
        raise ValidationError({field: f"Bitte „{label}“ ausfüllen."})
    return out


TABLE_LABELS = {"base_amounts": "Grundbeträge", "scope_factors": "Faktoren Anwendungsbereich",
                "effort_factors": "Faktoren Aufwand", "time_factors": "Faktoren Umsetzungszeit"}


class RuleSetsPage(QWidget):
    """List of rule sets; the form edits the selected one or a new one ("Save rule set" stores it)."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = IdeasService(ctx)
        self.editing_id: str | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Award rule sets"))
        self.list.currentItemChanged.connect(lambda item, _prev: self._load(item))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.name = self.errors.add_row("name", self.tr("&Name"), QLineEdit())
        self.valid_from = self.errors.add_row("valid_from", self.tr("Valid &from"), make_date_edit())
        self.open_end = QCheckBox(self.tr("Open-ended"))
        self.valid_to = self.errors.add_row("valid_to", self.tr("Valid &to"), make_date_edit())
        form.addRow("", self.open_end)
        self.open_end.toggled.connect(lambda on: self.valid_to.setEnabled(not on))
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (("one_off_rate_bp", self.tr("One-off savings rate (%)")),
                           ("annual_rate_bp", self.tr("Annual savings rate (%)")),
                           ("lasting_bonus_bp", self.tr("Bonus if lasting (%)")),
                           ("floor_cents", self.tr("Minimum award (€)")), ("cap_cents", self.tr("Maximum award (€)")),
                           ("recognition_min_cents", self.tr("Recognition award from (€)")),
                           ("recognition_max_cents", self.tr("Recognition award up to (€)"))):
            self.fields[key] = self.errors.add_row(key, label, QLineEdit())
        self.tables: dict[str, QPlainTextEdit] = {}
        for key, label in (("base_amounts", self.tr("Base amounts by benefit level (€)")),
                           ("scope_factors", self.tr("Factors: scope")), ("effort_factors", self.tr("Factors: effort")),
                           ("time_factors", self.tr("Factors: time to implement"))):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(45)
            self.tables[key] = self.errors.add_row(key, label, edit)
        hint = QLabel(self.tr("Tables: level = value; level = value"))
        new = QPushButton(self.tr("&New rule set"))
        new.clicked.connect(self.new)
        self.save_button = QPushButton(self.tr("&Save rule set"))
        self.save_button.clicked.connect(self.save)
        self.status = common.StatusLine(self)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        label = QLabel(self.tr("&Rule sets"))
        label.setBuddy(self.list)
        left.addWidget(label)
        left.addWidget(self.list)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(hint)
        right.addWidget(self.errors.general)
        right.addLayout(buttons)
        right.addWidget(self.status)
        layout.addLayout(right, 2)
        self.reload()
        # Show a real rule set, not a blank "Regelwerk / valid from today" that looks like a stored one.
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.new()

    def reload(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for rs in self.service.list_rule_sets():
            until = format_date(rs.valid_to) if rs.valid_to else self.tr("open")
            item = QListWidgetItem(f"{rs.name} ({format_date(rs.valid_from)} – {until})")
            item.setData(Qt.ItemDataRole.UserRole, rs)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _show(self, rules: AwardRules) -> None:
        for key, edit in self.fields.items():
            value = getattr(rules, key)
            edit.setText(_pct_text(value) if key.endswith("_bp") else _euros(value))
        for key, edit in self.tables.items():
            edit.setPlainText(_table_text(getattr(rules, key), key == "base_amounts"))

    def new(self) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.status.setText(self.tr("New rule set (not saved yet): defaults shown; \"Save rule set\" stores it.")
                            if self.list.count() else
                            self.tr("No rule set saved yet: defaults shown; \"Save rule set\" stores them."))
        self.editing_id = None
        self.name.setText(self.tr("Rule set"))
        self.valid_from.setDate(common.to_qdate(self.service.clock.today()))
        self.open_end.setChecked(True)
        self._show(AwardRules())
        self.errors.clear()

    def _load(self, item) -> None:
        if item is None:
            return
        rs = item.data(Qt.ItemDataRole.UserRole)
        self.status.setText("")
        self.editing_id = rs.id
        self.name.setText(rs.name)
        self.valid_from.setDate(common.to_qdate(rs.valid_from))
        self.open_end.setChecked(rs.valid_to is None)
        if rs.valid_to:
            self.valid_to.setDate(common.to_qdate(rs.valid_to))
        self._show(AwardRules.from_dict(rs.rules))
        self.errors.clear()

    def rules_dict(self) -> dict:
        data: dict = {}
        errors: dict[str, str] = {}
        for key, edit in self.fields.items():
            text = edit.text().strip() or "0"
            try:
                if key.endswith("_bp"):
                    data[key] = percent_to_bp(text, key)
                else:
                    data[key] = int(parse_german_amount(text) * 100)
            except (ValueError, ValidationError):
                errors[key] = f"„{text}“ ist keine Zahl."
        for key, edit in self.tables.items():
            try:
                data[key] = _parse_table(edit.toPlainText(), key, TABLE_LABELS[key], key == "base_amounts")
            except ValidationError as exc:
                errors.update(exc.errors)
        if errors:
            raise ValidationError(errors)
        return data

    def save(self) -> bool:
        try:
            data = RuleSetInput(self.name.text(), common.from_qdate(self.valid_from.date()),
                                None if self.open_end.isChecked() else common.from_qdate(self.valid_to.date()),
                                self.rules_dict())
            self.editing_id = self.service.save_rule_set(data, self.editing_id)
        except DomainError as exc:
            self.errors.show(exc)
            return False
        self.errors.clear()
        self.status.ok(self.tr("Rule set saved."))
        self.reload()
        return True

    def apply(self) -> None:
        """Rule sets are saved with their own button; nothing pending here."""


class ExclusionsPage(QWidget):
    """Who may not submit: committee members (everywhere), heads of unit (for their own unit)."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = IdeasService(ctx)
        current = self.service.exclusion_settings()
        form = QFormLayout(self)
        self.errors = FieldErrors(form)
        self.exclude_committee = self.errors.add_row("exclude_committee", self.tr("&Committee"),
                                                     QCheckBox(self.tr("Committee members may not submit")))
        self.committee = self.errors.add_row("committee_member_ids", self.tr("Committee &members (personnel numbers)"),
                                             QPlainTextEdit())
        self.exclude_heads = self.errors.add_row("exclude_unit_heads", self.tr("&Heads of unit"),
                                                 QCheckBox(self.tr("Heads of unit may not submit for their own unit")))
        self.heads = self.errors.add_row("unit_heads", self.tr("Heads per &unit (unit code: personnel numbers)"),
                                         QPlainTextEdit())
        form.addRow(self.errors.general)
        self.exclude_committee.setChecked(current["exclude_committee"])
        self.exclude_heads.setChecked(current["exclude_unit_heads"])
        self.committee.setPlainText("\n".join(self.service.personnel_numbers(current["committee_member_ids"])))
        codes = {v: k for k, v in self.service.unit_ids_by_code().items()}
        lines = [f"{codes.get(unit_id, unit_id)}: {', '.join(self.service.personnel_numbers(ids))}"
                 for unit_id, ids in current["unit_heads"].items()]
        self.heads.setPlainText("\n".join(lines))

    def apply(self) -> None:
        members = self.service.resolve_personnel_numbers(self.committee.toPlainText().replace(",", "\n").split("\n"),
                                                         "committee_member_ids")
        units = self.service.unit_ids_by_code()
        heads: dict[str, list[str]] = {}
        for line in self.heads.toPlainText().splitlines():
            if not line.strip():
                continue
            code, sep, numbers = line.partition(":")
            if not sep or code.strip() not in units:
                raise ValidationError({"unit_heads": f"„{line.strip()}“: bitte „Amtskennung: Personalnummern“ "
                                                     "mit einer bekannten Amtskennung angeben."})
            heads[units[code.strip()]] = self.service.resolve_personnel_numbers(numbers.split(","), "unit_heads")
        self.service.save_exclusion_settings(self.exclude_committee.isChecked(), self.exclude_heads.isChecked(),
                                             members, heads)
