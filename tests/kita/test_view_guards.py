"""What protects HR from losing work or acting by accident: unsaved input is not thrown away without a
question, and far-reaching actions name their consequence and wait for a Yes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from bochum_desktop.kita.views.application_dialog import ApplicationDialog
from bochum_desktop.kita.views.kitas_tab import ContractDialog, KitaDialog


def _cancel(qtbot, dialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("how", ["cancel", "escape", "close"])
def test_application_dialog_asks_before_discarding_typed_input(qtbot, service, kitas, answers, how):
    dlg = ApplicationDialog(service, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.last_name, "Schmidt")

    def leave():
        if how == "cancel":
            _cancel(qtbot, dlg)
        elif how == "escape":
            qtbot.keyClick(dlg, Qt.Key.Key_Escape)
        else:
            dlg.close()

    answers.queue.append(False)  # "Nein": keep editing
    leave()
    assert answers.asked == ["Discard unsaved input?"]
    assert dlg.isVisible() and dlg.last_name.text() == "Schmidt"
    answers.queue.append(True)  # "Ja": discard
    leave()
    assert not dlg.isVisible() and dlg.saved is None


def test_unchanged_dialogs_close_without_a_question(qtbot, service, kitas, answers):
    for dlg in (ApplicationDialog(service, None), KitaDialog(service, None), ContractDialog(service, None, 2026)):
        qtbot.addWidget(dlg)
        dlg.show()
        _cancel(qtbot, dlg)
        assert not dlg.isVisible()
    assert answers.asked == []


def test_kita_and_contract_dialogs_ask_too(qtbot, service, kitas, answers):
    kita = KitaDialog(service, None)
    contract = ContractDialog(service, None, 2026)
    for dlg, change in ((kita, lambda: kita.active.setChecked(False)),
                        (contract, lambda: contract.places[("U3", 35)].setValue(3))):
        qtbot.addWidget(dlg)
        dlg.show()
        change()
        answers.queue.append(False)
        _cancel(qtbot, dlg)
        assert dlg.isVisible()
    assert answers.asked == ["Discard unsaved input?"] * 2
