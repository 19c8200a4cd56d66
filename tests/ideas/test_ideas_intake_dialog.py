"""The intake dialog does not drop typed data without asking (Cancel, Escape, closing the window)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from bochum_desktop.ideas.views.intake_dialog import IntakeDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, coordinator, register):
    dialog = IntakeDialog(coordinator)
    qtbot.addWidget(dialog)
    dialog.questions = []

    def answer(_parent, _title, text):
        dialog.questions.append(text)
        return dialog.answer

    dialog.ask_yes_no = answer
    dialog.answer = False
    dialog.show()
    return dialog


def test_empty_dialog_closes_without_asking(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.questions == [] and not dialog.isVisible()


@pytest.mark.parametrize("how", ["cancel", "escape", "close"])
@pytest.mark.parametrize("what", ["title", "attachment", "submitter"])
def test_typed_data_is_kept_unless_the_user_agrees(qtbot, dialog, register, how, what):
    if what == "title":
        qtbot.keyClicks(dialog.title_edit, "Idee")
    elif what == "attachment":
        dialog.add_attachment("skizze.pdf", b"%PDF-1.4")
    else:
        dialog.add_submitter(register.anna.id, "Anna Müller")

    def leave():
        if how == "cancel":
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
        elif how == "escape":
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        else:
            dialog.close()

    leave()
    assert dialog.isVisible() and dialog.questions  # "No" (the default answer) keeps the dialog open
    assert "Discard unsaved input?" in dialog.questions[0] or "verwerfen" in dialog.questions[0]
    dialog.answer = True
    leave()
    assert not dialog.isVisible()
