"""Application form: employee (from the register or entered), criteria, child, start, hours, five wishes.

Every input has a buddy label; German messages from the rules appear under the field they name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError, ValidationError
from ...core.formatting import format_number
from ...ui.forms import FieldErrors
from .. import rules
from ..dto import ApplicationInfo
from ..service import KitaService
from .common import GuardedDialog, date_edit, points_text, raise_if, read_date, read_decimal, set_date


class ApplicationDialog(GuardedDialog):
    def __init__(self, service: KitaService, app: ApplicationInfo | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.app = app
        self.saved: ApplicationInfo | None = None
        self.employee_id: str | None = app.employee_id if app else None
        self.setWindowTitle(self.tr("Kita application") if app is None else
                            self.tr("Kita application: %1").replace("%1", app.applicant))
        self.resize(560, 720)

        inner = QWidget()
        form = QFormLayout(inner)
        self.errors = FieldErrors(form)
        form.addRow(self.errors.general)
        pn_row = QWidget()
        pn_layout = QHBoxLayout(pn_row)
        pn_layout.setContentsMargins(0, 0, 0, 0)
        self.personnel_number = QLineEdit()
        self.lookup_button = QPushButton(self.tr("&Look up"))
        self.lookup_button.setToolTip(self.tr("Fill the name from the employee register"))
        pn_layout.addWidget(self.personnel_number, 1)
        pn_layout.addWidget(self.lookup_button)
        self.errors.add_row("personnel_number", self.tr("&Personnel number:"), pn_row)
        self.personnel_number.setAccessibleName(self.tr("Personnel number"))
        self.last_name = self.errors.add_row("last_name", self.tr("&Last name:"), QLineEdit())
        self.first_name = self.errors.add_row("first_name", self.tr("&First name:"), QLineEdit())
        self.street = self.errors.add_row("street", self.tr("&Street:"), QLineEdit())
        self.postcode_city = self.errors.add_row("postcode_city", self.tr("Post&code and city:"), QLineEdit())
        self.email = self.errors.add_row("email", self.tr("E-&mail:"), QLineEdit())
        self.return_date = self.errors.add_row("return_date", self.tr("&Return from parental leave:"), date_edit())
        self.working_hours = self.errors.add_row("working_hours", self.tr("&Working hours per week:"), QLineEdit())
        self.working_hours.setPlaceholderText(self.tr("e.g. 30,5"))
        scheme = service.scheme_for(service.clock.today())
        self.single_parent = self.errors.add_row("single_parent", self.tr("Single &parent:"),
                                                 QCheckBox(points_text(scheme.single_parent_points)))
        self.shift_work = self.errors.add_row("shift_work", self.tr("S&hift work:"),
                                              QCheckBox(points_text(scheme.shift_work_points)))
        self.hardship = self.errors.add_row("hardship", self.tr("Har&dship:"), QCheckBox(points_text(scheme.hardship_points)))
        self.hardship_note = self.errors.add_row("hardship_note", self.tr("Hardship &reason:"), QLineEdit())
        self.sibling = self.errors.add_row("sibling_kita_id", self.tr("Si&bling in Kita:"), QComboBox())
        self.child_first_name = self.errors.add_row("child_first_name", self.tr("&Child's first name:"), QLineEdit())
        self.child_birth_date = self.errors.add_row("child_birth_date", self.tr("Child's &date of birth:"), date_edit())
        self.desired_start = self.errors.add_row("desired_start", self.tr("Desired s&tart:"), date_edit())
        self.booking_hours = self.errors.add_row("booking_hours", self.tr("Booking &hours:"), QComboBox())
        for hours in rules.BOOKING_HOURS:
            self.booking_hours.addItem(self.tr("%1 hours per week").replace("%1", str(hours)), hours)
        self.booking_hours.setCurrentIndex(1)
        self.preferences: list[QComboBox] = []
        labels = [self.tr("&1st choice Kita:"), self.tr("2nd choice Kita:"), self.tr("3rd choice Kita:"),
                  self.tr("4th choice Kita:"), self.tr("5th choice Kita:")]
        for i, label in enumerate(labels):
            self.preferences.append(self.errors.add_row("preferences" if i == 0 else f"preference_{i + 1}", label,
                                                        QComboBox()))
        self.remarks = self.errors.add_row("remarks", self.tr("Re&marks:"), QPlainTextEdit())
        self.remarks.setTabChangesFocus(True)
        self.remarks.setFixedHeight(60)
        self.received_date = self.errors.add_row("received_date", self.tr("Recei&ved on:"), date_edit())

        kitas = service.list_kitas()
        self.sibling.addItem(self.tr("(none)"), None)
        for combo in self.preferences:
            combo.addItem(self.tr("(none)"), None)
        for k in kitas:
            self.sibling.addItem(k.name, k.id)
            for combo in self.preferences:
                combo.addItem(k.name, k.id)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.lookup_button.clicked.connect(self.look_up)
        # A changed personnel number no longer belongs to the looked-up register entry.
        self.personnel_number.textEdited.connect(lambda _text: setattr(self, "employee_id", None))
        self._load(app)
        self.remember_state()

    def _load(self, app: ApplicationInfo | None) -> None:
        if app is None:
            set_date(self.received_date, self.service.clock.today())
            return
        self.personnel_number.setText(app.personnel_number)
        self.last_name.setText(app.last_name)
        self.first_name.setText(app.first_name)
        self.street.setText(app.street or "")
        self.postcode_city.setText(app.postcode_city or "")
        self.email.setText(app.email or "")
        set_date(self.return_date, app.return_date)
        self.working_hours.setText(format_number(app.working_hours, 1) if app.working_hours is not None else "")
        self.single_parent.setChecked(app.single_parent)
        self.shift_work.setChecked(app.shift_work)
        self.hardship.setChecked(app.hardship)
        self.hardship_note.setText(app.hardship_note or "")
        self.sibling.setCurrentIndex(max(0, self.sibling.findData(app.sibling_kita_id)))
        self.child_first_name.setText(app.child_first_name)
        set_date(self.child_birth_date, app.child_birth_date)
        set_date(self.desired_start, app.desired_start)
        self.booking_hours.setCurrentIndex(max(0, self.booking_hours.findData(app.booking_hours)))
        for combo, kita_id in zip(self.preferences, app.preferences, strict=False):
            combo.setCurrentIndex(max(0, combo.findData(kita_id)))
        self.remarks.setPlainText(app.remarks or "")
        set_date(self.received_date, app.received_date)

    def look_up(self) -> None:
        found = self.service.find_employee(self.personnel_number.text())
        self.errors.clear()
        if found is None:
            self.employee_id = None
            self.errors.show(DomainError(self.tr("No employee with this personnel number in the register; "
                                                 "please enter the name."), "personnel_number"))
            return
        self.employee_id = found["id"]
        self.last_name.setText(found["last_name"])
        self.first_name.setText(found["first_name"])
        if found["email"] and not self.email.text():
            self.email.setText(found["email"])

    def draft(self) -> rules.ApplicationDraft:
        """The form as a draft; unparsable dates/numbers raise a ValidationError naming the field."""
        errors: dict[str, str] = {}
        draft = rules.ApplicationDraft(
            last_name=self.last_name.text(), first_name=self.first_name.text(),
            child_first_name=self.child_first_name.text(),
            child_birth_date=read_date(self.child_birth_date, "child_birth_date", "Geburtsdatum des Kindes", errors),
            desired_start=read_date(self.desired_start, "desired_start", "Gewünschter Beginn", errors),
            booking_hours=self.booking_hours.currentData(),
            received_date=read_date(self.received_date, "received_date", "Eingangsdatum", errors),
            preferences=[c.currentData() for c in self.preferences if c.currentData()],
            employee_id=self.employee_id, personnel_number=self.personnel_number.text().strip(),
            street=self.street.text().strip() or None, postcode_city=self.postcode_city.text().strip() or None,
            email=self.email.text().strip() or None,
            return_date=read_date(self.return_date, "return_date", "Rückkehr aus der Elternzeit", errors, False),
            working_hours=read_decimal(self.working_hours, "working_hours", "Wochenarbeitszeit", errors),
            single_parent=self.single_parent.isChecked(), shift_work=self.shift_work.isChecked(),
            hardship=self.hardship.isChecked(), hardship_note=self.hardship_note.text().strip() or None,
            sibling_kita_id=self.sibling.currentData(), remarks=self.remarks.toPlainText().strip() or None,
        )
        if errors:
            # Show the rule messages of the other fields too, not only the unparsable ones.
            try:
                rules.validate_application(draft, self.service.clock.today())
            except ValidationError as exc:
                for field, message in exc.errors.items():
                    errors.setdefault(field, message)
        raise_if(errors)
        return draft

    def save(self) -> None:
        try:
            draft = self.draft()
            if self.app is None:
                self.saved = self.service.create_application(draft)
            else:
                self.saved = self.service.update_application(self.app.id, draft)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()
