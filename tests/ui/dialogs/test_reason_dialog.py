"""The reason dialog: a required reason, and Ctrl+Enter to submit from the text box."""

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.dialogs.reason_dialog import ReasonDialog


def test_reason_dialog_refuses_an_empty_reason(qtbot: QtBot) -> None:
    dialog = ReasonDialog("Change to Reduce", "Why?", required=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.text, "   ")
    assert not dialog.ok_button.isEnabled() and dialog.hint.isVisible()
    dialog.accept()
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.text, "DA policy memo 2024-03")
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() == ReasonDialog.DialogCode.Accepted
    assert dialog.value() == "DA policy memo 2024-03"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_in_the_text_submits_and_plain_enter_starts_a_line(
    qtbot: QtBot, key: Qt.Key
) -> None:
    dialog = ReasonDialog("Change to Dismiss", "Why?", required=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.text.setFocus()
    qtbot.waitUntil(dialog.text.hasFocus)
    qtbot.keyClick(dialog.text, key, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # nothing typed yet: the reason is still required
    qtbot.keyClicks(dialog.text, "Memo 12")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.text, "second line")
    assert dialog.isVisible()
    qtbot.keyClick(dialog.text, key, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert dialog.result() == ReasonDialog.DialogCode.Accepted
    assert dialog.value() == "Memo 12\nsecond line"
