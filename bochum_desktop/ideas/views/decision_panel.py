"""The committee decision with the award calculator (shows each calculation step before saving)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError, ValidationError
from ...core.formatting import format_date
from ...ui.forms import FieldErrors, make_date_edit
from ..dto import AwardInputDTO, DecisionInput, SuggestionCase
from ..model import DECISION_LABELS
from ..rules import AwardRules
from ..service import IdeasService
from . import common
from .case_panels import _Panel


class DecisionPanel(_Panel):
    def __init__(self, service: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(service, parent)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.decision = self.errors.add_row("decision", self.tr("&Decision"), QComboBox())
        self.decision.addItem(self.tr("– please choose –"), None)
        for key, label in DECISION_LABELS.items():
            self.decision.addItem(label, key)
        self.decided_on = self.errors.add_row("decided_on", self.tr("Decided &on"), make_date_edit())
        self.participants = self.errors.add_row("participants", self.tr("&Participants"), QLineEdit())
        self.reasons = self.errors.add_row("reasons", self.tr("&Reasons"), QPlainTextEdit())
        self.reasons.setTabChangesFocus(True)
        self.reasons.setMaximumHeight(80)
        self.kind = self.errors.add_row("award", self.tr("&Award"), QComboBox())
        for key, label in (("none", self.tr("No award")), ("savings", self.tr("Calculable savings")),
                           ("points", self.tr("Not calculable: points table")),
                           ("recognition", self.tr("Recognition award"))):
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.ask_yes_no = common.ask_yes_no

        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())
        self.stack.addWidget(self._savings_page())
        self.stack.addWidget(self._points_page())
        self.stack.addWidget(self._recognition_page())

        self.steps = QPlainTextEdit()
        self.steps.setReadOnly(True)
        self.steps.setAccessibleName(self.tr("Award calculation steps"))
        self.calc_button = QPushButton(self.tr("&Calculate award"))
        self.calc_button.clicked.connect(self.calculate)
        self.save_button = QPushButton(self.tr("&Save decision"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calc_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.stack)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        steps_label = QLabel(self.tr("Calculation (printed on the decision letter)"))
        steps_label.setBuddy(self.steps)
        layout.addWidget(steps_label)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.status)

    def _savings_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.one_off = common.MoneyEdit("one_off_savings_cents", "Einmalige Einsparung")
        self.annual = common.MoneyEdit("annual_savings_cents", "Jährliche Einsparung")
        self.costs = common.MoneyEdit("costs_cents", "Kosten")
        self.lasting = QCheckBox(self.tr("Savings are lasting"))
        for label, widget in ((self.tr("O&ne-off savings (€)"), self.one_off),
                              (self.tr("Ann&ual savings (€)"), self.annual),
                              (self.tr("First-year co&sts (€)"), self.costs), (self.tr("&Lasting"), self.lasting)):
            self.errors.form = form
            self.errors.add_row(widget.field if hasattr(widget, "field") else "lasting", label, widget)
        return page

    def _points_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.level, self.scope, self.effort, self.time = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        self.errors.form = form
        for field, label, widget in (("benefit_level", self.tr("Benefit &level"), self.level),
                                     ("scope", self.tr("Sco&pe"), self.scope),
                                     ("effort", self.tr("Eff&ort"), self.effort),
                                     ("time", self.tr("&Time to implement"), self.time)):
            self.errors.add_row(field, label, widget)
        return page

    def _recognition_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.recognition = common.MoneyEdit("recognition_cents", "Anerkennungsprämie")
        self.errors.form = form
        self.errors.add_row("recognition_cents", self.tr("Recognition a&mount (€)"), self.recognition)
        return page

    def _kind_changed(self) -> None:
        self.stack.setCurrentIndex(self.kind.currentIndex())

    def _fill_points(self) -> None:
        day = common.from_qdate(self.decided_on.date())
        rules = AwardRules()
        for rs in self.service.list_rule_sets():
            if rs.valid_from <= day and (rs.valid_to is None or rs.valid_to >= day):
                rules = AwardRules.from_dict(rs.rules)
        for combo, table in ((self.level, rules.base_amounts), (self.scope, rules.scope_factors),
                             (self.effort, rules.effort_factors), (self.time, rules.time_factors)):
            combo.clear()
            for key in table:
                combo.addItem(key, key)

    def _reset(self) -> None:
        """Every input back to empty for the case just selected: nothing of the previous case may stay
        behind (it would be saved with this one), and nothing is decided in advance."""
        self.errors.clear()
        self.decision.setCurrentIndex(0)  # "– please choose –"
        self.decided_on.setDate(common.to_qdate(self.service.clock.today()))
        self.participants.clear()
        self.reasons.clear()
        self.kind.setCurrentIndex(0)  # no award
        for edit in (self.one_off, self.annual, self.costs, self.recognition):
            edit.clear()
        self.lasting.setChecked(False)
        self._fill_points()
        self.steps.setPlainText("")
        self.status.setText("")

    def _show_award_inputs(self, inputs: dict) -> None:
        self.one_off.set_cents(inputs.get("one_off_savings_cents", 0))
        self.annual.set_cents(inputs.get("annual_savings_cents", 0))
        self.costs.set_cents(inputs.get("costs_cents", 0))
        self.lasting.setChecked(bool(inputs.get("lasting", False)))
        self.recognition.set_cents(inputs.get("recognition_cents", 0))
        for combo, key in ((self.level, "benefit_level"), (self.scope, "scope"), (self.effort, "effort"),
                           (self.time, "time")):
            value = inputs.get(key) or ""
            if value and combo.findData(value) < 0:
                combo.addItem(value, value)  # a level of an older rule set: show it as saved
            if value:
                combo.setCurrentIndex(combo.findData(value))

    def load(self, case: SuggestionCase) -> None:
        self.case = case
        self._reset()
        ready = case.status in ("begutachtung", "kommission", "zurueckgestellt")
        dec = case.decision
        if dec is not None and not ready:
            # Decided: show what was decided and how the award was calculated (read only).
            self.decision.setCurrentIndex(max(0, self.decision.findData(dec.decision)))
            self.decided_on.setDate(common.to_qdate(dec.decided_on))
            self.participants.setText(dec.participants)
            self.reasons.setPlainText(dec.reasons)
            if case.award is not None:
                self.kind.setCurrentIndex(max(0, self.kind.findData(case.award.kind)))
                self._fill_points()  # the tables of the rule set valid on the decision date
                self._show_award_inputs(case.award.inputs)
                header = [self.tr("Rule set: %1").replace("%1", case.award.rule_set_name)] \
                    if case.award.rule_set_name else []
                self.steps.setPlainText("\n".join(header + case.award.lines))
        else:
            statements = [r for r in case.reviews if r.status == "abgegeben"]
            if statements:
                # The reviewers' estimate is the starting point; the committee may change it.
                self.one_off.set_cents(statements[0].savings_one_off_cents)
                self.annual.set_cents(statements[0].savings_annual_cents)
                self.costs.set_cents(statements[0].costs_cents)
        for w in (self.calc_button, self.save_button, self.decision, self.decided_on, self.participants,
                  self.reasons, self.kind, self.stack):
            w.setEnabled(ready)
        if dec is not None and not ready:
            self.status.setText(self.tr("Decided on %1. The decision is shown read-only.")
                                .replace("%1", format_date(dec.decided_on)))
        elif not ready:
            self.status.setText(self.tr("A decision is possible during review or in committee."))

    def award_input(self) -> AwardInputDTO:
        kind = self.kind.currentData()
        if kind == "savings":
            return AwardInputDTO(kind=kind, one_off_savings_cents=self.one_off.cents(),
                                 annual_savings_cents=self.annual.cents(), costs_cents=self.costs.cents(),
                                 lasting=self.lasting.isChecked())
        if kind == "points":
            return AwardInputDTO(kind=kind, benefit_level=self.level.currentData() or "",
                                 scope=self.scope.currentData() or "", effort=self.effort.currentData() or "",
                                 time=self.time.currentData() or "")
        if kind == "recognition":
            return AwardInputDTO(kind=kind, recognition_cents=self.recognition.cents())
        return AwardInputDTO(kind="none")

    def calculate(self) -> None:
        try:
            preview = self.service.preview_award(self.case.id, common.from_qdate(self.decided_on.date()),
                                                 self.award_input())
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.errors.clear()
        header = [self.tr("Rule set: %1").replace("%1", preview.rule_set_name)] if preview.rule_set_name else []
        self.steps.setPlainText("\n".join(header + preview.lines))

    def save(self) -> None:
        decision = self.decision.currentData()
        try:
            if decision is None:
                raise ValidationError({"decision": "Bitte eine Entscheidung wählen."})
            data = DecisionInput(decision=decision, reasons=self.reasons.toPlainText(),
                                 decided_on=common.from_qdate(self.decided_on.date()),
                                 participants=self.participants.text(), award=self.award_input())
        except DomainError as exc:
            self.errors.show(exc)
            return
        if decision in ("angenommen", "abgelehnt") and not self.ask_yes_no(
                self, self.tr("Save decision"),
                self.tr("Save the decision \"%1\" for %2? It cannot be changed afterwards.")
                .replace("%1", self.decision.currentText()).replace("%2", self.case.number)):
            return
        try:
            self.service.decide(self.case.id, data)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.changed.emit()  # the page reloads the case: the panel now shows the saved decision
        self.status.ok(self.tr("Decision saved."))
