"""Partner Kitas and their reserved-place contracts per Kita year."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError
from ...core.formatting import format_cents, format_date, parse_german_amount
from ...ui.forms import FieldErrors
from .. import reports, rules
from ..dto import ContractInfo, ContractResult, KitaInfo, KitaInput
from ..model import BAND_LABELS
from ..service import KitaService
from .common import (
    GuardedDialog,
    MessageLine,
    ask_save_path,
    attach,
    current_row,
    date_edit,
    fill_years,
    raise_if,
    read_date,
    set_date,
    setup_table,
    tab_chain,
)
from .rows_model import RowColumn, RowsModel


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Save).setText(QCoreApplication.translate("KitaViews", "&Save"))
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("KitaViews", "Cancel"))
    box.accepted.connect(dialog.save)
    box.rejected.connect(dialog.reject)
    return box


class KitaDialog(GuardedDialog):
    def __init__(self, service: KitaService, kita: KitaInfo | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.kita, self.saved = service, kita, None
        self.setWindowTitle(self.tr("Partner Kita"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(self.errors.general)
        self.name = self.errors.add_row("name", self.tr("&Name:"), QLineEdit())
        self.provider = self.errors.add_row("provider", self.tr("&Provider:"), QLineEdit())
        self.street = self.errors.add_row("street", self.tr("&Street:"), QLineEdit())
        self.postcode = self.errors.add_row("postcode", self.tr("Post&code:"), QLineEdit())
        self.city = self.errors.add_row("city", self.tr("C&ity:"), QLineEdit())
        self.contact_name = self.errors.add_row("contact_name", self.tr("&Contact person:"), QLineEdit())
        self.contact_phone = self.errors.add_row("contact_phone", self.tr("P&hone:"), QLineEdit())
        self.contact_email = self.errors.add_row("contact_email", self.tr("E-&mail:"), QLineEdit())
        self.active = self.errors.add_row("active", self.tr("&Active:"), QCheckBox(self.tr("partner Kita")))
        data = kita or KitaInfo("", "", "", "", "", "Bochum", "", None, None, True)
        self.name.setText(data.name)
        self.provider.setText(data.provider)
        self.street.setText(data.street)
        self.postcode.setText(data.postcode)
        self.city.setText(data.city)
        self.contact_name.setText(data.contact_name)
        self.contact_phone.setText(data.contact_phone or "")
        self.contact_email.setText(data.contact_email or "")
        self.active.setChecked(data.active)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.remember_state()

    def save(self) -> None:
        data = KitaInput(self.name.text(), self.provider.text(), self.street.text(), self.postcode.text(),
                         self.city.text(), self.contact_name.text(), self.contact_phone.text(),
                         self.contact_email.text(), self.active.isChecked())
        try:
            self.saved = self.service.save_kita(data, self.kita.id if self.kita else None)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()


class ContractDialog(GuardedDialog):
    """Places per age band and booking hours, cost per place and month, contract period."""

    def __init__(self, service: KitaService, contract: ContractInfo | None = None, year: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.contract = service, contract
        self.saved: ContractResult | None = None
        self.setWindowTitle(self.tr("Reserved-place contract"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(self.errors.general)
        self.kita = self.errors.add_row("kita_id", self.tr("&Kita:"), QComboBox())
        for k in service.list_kitas():
            self.kita.addItem(k.name, k.id)
        self.year = self.errors.add_row("kita_year", self.tr("Kita &year:"), QComboBox())
        fill_years(self.year, service.clock.today())
        self.valid_from = self.errors.add_row("valid_from", self.tr("Valid &from:"), date_edit())
        self.valid_to = self.errors.add_row("valid_to", self.tr("Valid &until:"), date_edit())
        self.cost = self.errors.add_row("cost_per_place_cents", self.tr("&Cost per place and month (€):"), QLineEdit())
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.places: dict[tuple[str, int], QSpinBox] = {}
        for col, hours in enumerate(rules.BOOKING_HOURS, start=1):
            grid.addWidget(QLabel(self.tr("%1 h").replace("%1", str(hours))), 0, col)
        for row, band in enumerate(rules.BANDS, start=1):
            grid.addWidget(QLabel(BAND_LABELS[band]), row, 0)
            for col, hours in enumerate(rules.BOOKING_HOURS, start=1):
                spin = QSpinBox()
                spin.setRange(0, 500)
                spin.setAccessibleName(self.tr("Places %1 %2 hours").replace("%1", BAND_LABELS[band])
                                       .replace("%2", str(hours)))
                grid.addWidget(spin, row, col)
                self.places[(band, hours)] = spin
        self.errors.add_row("places", self.tr("&Places:"), grid_box)
        self.reason = self.errors.add_row("reason", self.tr("&Reason for change:"), QLineEdit())
        if contract is not None:
            self.kita.setCurrentIndex(max(0, self.kita.findData(contract.kita_id)))
            self.kita.setEnabled(False)
            self.year.setCurrentIndex(max(0, self.year.findData(contract.kita_year)))
            self.year.setEnabled(False)
            set_date(self.valid_from, contract.valid_from)
            set_date(self.valid_to, contract.valid_to)
            self.cost.setText(format_cents(contract.cost_per_place_cents).replace("\u00a0€", ""))
            for slot, n in contract.places.items():
                if slot in self.places:
                    self.places[slot].setValue(n)
        else:
            if year is not None:
                self.year.setCurrentIndex(max(0, self.year.findData(year)))
            self._default_period()
            self.year.currentIndexChanged.connect(self._default_period)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.remember_state()

    def _default_period(self) -> None:
        first, last = rules.kita_year_bounds(self.year.currentData())
        set_date(self.valid_from, first)
        set_date(self.valid_to, last)

    def save(self) -> None:
        errors: dict[str, str] = {}
        valid_from = read_date(self.valid_from, "valid_from", "Gültig von", errors)
        valid_to = read_date(self.valid_to, "valid_to", "Gültig bis", errors)
        cents = None
        try:
            cents = int(parse_german_amount(self.cost.text()) * 100)
        except ValueError:
            errors["cost_per_place_cents"] = "Kosten je Platz und Monat: bitte einen Betrag wie 1.200,00 eingeben."
        if self.kita.currentData() is None:
            errors["kita_id"] = "Bitte zuerst eine Kita anlegen."
        try:
            raise_if(errors)
            self.saved = self.service.save_contract(
                self.kita.currentData(), self.year.currentData(), {s: w.value() for s, w in self.places.items()},
                cents, valid_from, valid_to, contract_id=self.contract.id if self.contract else None,
                reason=self.reason.text().strip() or None)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()


class KitasTab(QWidget):
    def __init__(self, service: KitaService, parent: QWidget | None = None, user: str = "", ctx=None):
        super().__init__(parent)
        self.service, self.user, self.ctx = service, user, ctx
        self.import_dialog = None
        self.dialog: QDialog | None = None
        self.message = MessageLine(self)
        self.kita_model = RowsModel([
            RowColumn(self.tr("Name"), lambda k: k.name), RowColumn(self.tr("Provider"), lambda k: k.provider),
            RowColumn(self.tr("Address"), lambda k: k.address), RowColumn(self.tr("Contact"), lambda k: k.contact_name),
            RowColumn(self.tr("Active"), lambda k: self.tr("Yes") if k.active else self.tr("No")),
        ], parent=self)
        self.kita_view = setup_table(QTableView(self), self.tr("Partner Kitas"))
        attach(self.kita_view, self.kita_model)
        self.contract_model = RowsModel([
            RowColumn(self.tr("Kita"), lambda c: c.kita_name),
            RowColumn(self.tr("Period"), lambda c: f"{format_date(c.valid_from)} – {format_date(c.valid_to)}"),
            RowColumn(self.tr("U3 places"), lambda c: c.places_u3, True),
            RowColumn(self.tr("Ü3 places"), lambda c: c.places_ue3, True),
            RowColumn(self.tr("Places by hours"), lambda c: ", ".join(
                f"{BAND_LABELS[b]} {h} h: {n}" for (b, h), n in sorted(c.places.items()) if n)),
            RowColumn(self.tr("Cost per place/month"), lambda c: format_cents(c.cost_per_place_cents), True),
            RowColumn(self.tr("Cost per month"), lambda c: format_cents(c.monthly_cost_cents), True),
        ], parent=self)
        self.contract_view = setup_table(QTableView(self), self.tr("Contracts"))
        attach(self.contract_view, self.contract_model)
        self.year = QComboBox()
        fill_years(self.year, service.clock.today())
        year_label = QLabel(self.tr("Kita &year:"))
        year_label.setBuddy(self.year)

        self.new_kita_button = QPushButton(self.tr("&New Kita…"))
        self.edit_kita_button = QPushButton(self.tr("&Edit Kita…"))
        self.import_button = QPushButton(self.tr("&Import Kitas from Excel…"))
        self.import_button.setVisible(ctx is not None)
        self.new_contract_button = QPushButton(self.tr("New &contract…"))
        self.edit_contract_button = QPushButton(self.tr("Edit c&ontract…"))
        self.costs_button = QPushButton(self.tr("Cost overview to E&xcel…"))
        kita_buttons = QHBoxLayout()
        for b in (self.new_kita_button, self.edit_kita_button, self.import_button):
            kita_buttons.addWidget(b)
        kita_buttons.addStretch(1)
        contract_bar = QHBoxLayout()
        contract_bar.addWidget(year_label)
        contract_bar.addWidget(self.year)
        for b in (self.new_contract_button, self.edit_contract_button, self.costs_button):
            contract_bar.addWidget(b)
        contract_bar.addStretch(1)
        kitas_label = QLabel(self.tr("Partner &Kitas"))
        kitas_label.setBuddy(self.kita_view)
        contracts_label = QLabel(self.tr("Con&tracts (reserved places)"))
        contracts_label.setBuddy(self.contract_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(kitas_label)
        layout.addLayout(kita_buttons)
        layout.addWidget(self.kita_view, 1)
        layout.addWidget(contracts_label)
        layout.addLayout(contract_bar)
        layout.addWidget(self.contract_view, 1)

        tab_chain(self.new_kita_button, self.edit_kita_button, self.import_button, self.kita_view, self.year,
                  self.new_contract_button, self.edit_contract_button, self.costs_button, self.contract_view)
        self.new_kita_button.clicked.connect(lambda: self.open_kita_dialog(None))
        self.edit_kita_button.clicked.connect(self._edit_kita)
        self.import_button.clicked.connect(self.open_import)
        self.kita_view.doubleClicked.connect(self._edit_kita)
        self.new_contract_button.clicked.connect(lambda: self.open_contract_dialog(None))
        self.edit_contract_button.clicked.connect(self._edit_contract)
        self.contract_view.doubleClicked.connect(self._edit_contract)
        self.costs_button.clicked.connect(self.export_costs)
        self.year.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.kita_model.set_rows(self.service.list_kitas(include_inactive=True))
        self.contract_model.set_rows(self.service.list_contracts(self.year.currentData()))

    def open_import(self):
        from ...export.views.import_dialog import ImportDialog
        from ..importer import kita_spec

        self.import_dialog = ImportDialog(self.ctx, lambda: kita_spec(self.service.db), self,
                                          self.tr("Import partner Kitas from Excel"))
        self.import_dialog.finished.connect(lambda _r: self.refresh())
        self.import_dialog.open()
        return self.import_dialog

    def open_kita_dialog(self, kita: KitaInfo | None) -> KitaDialog:
        self.dialog = KitaDialog(self.service, kita, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()
        return self.dialog

    def _edit_kita(self) -> None:
        row = current_row(self.kita_view)
        if row is not None:
            self.open_kita_dialog(self.kita_model.row(row))

    def open_contract_dialog(self, contract: ContractInfo | None) -> ContractDialog:
        self.dialog = ContractDialog(self.service, contract, self.year.currentData(), self)
        self.dialog.accepted.connect(self._contract_saved)
        self.dialog.open()
        return self.dialog

    def _contract_saved(self) -> None:
        result = self.dialog.saved
        self.refresh()
        if result is not None and result.warnings:
            self.message.error("\n".join(result.warnings))
        elif result is not None:
            self.message.info(self.tr("Contract saved."))

    def _edit_contract(self) -> None:
        row = current_row(self.contract_view)
        if row is not None:
            self.open_contract_dialog(self.contract_model.row(row))

    def export_costs(self, path=None) -> None:
        year = self.year.currentData()
        path = path or ask_save_path(self, self.tr("Cost overview"), f"Vertragskosten_{year}.xlsx",
                                     self.tr("Excel files (*.xlsx)"))
        if path:
            try:
                reports.export_contract_costs(self.service, year, path, self.user)
            except DomainError as exc:
                self.message.error(exc)
                return
            self.message.info(self.tr("Saved: %1").replace("%1", str(path)))
