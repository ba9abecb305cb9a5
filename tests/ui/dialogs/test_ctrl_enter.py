"""Ctrl+Enter presses OK (or Save) in every dialog that asks for something, from any field,
a multi-line one included; a dialog's own checks still hold."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.eligibility.policy import builtin_policy
from app.exports.office import OfficeDetails
from tests.ui.drive import shown
from ui.dialogs.office_dialog import OfficeDialog
from ui.dialogs.policy_editor import PolicyEditor
from ui.dialogs.run_dialog import RunDialog


def press_ctrl_enter(qtbot: QtBot, dialog: QDialog, focus: QWidget) -> None:
    dialog.activateWindow()
    focus.setFocus()
    qtbot.waitUntil(focus.hasFocus)
    qtbot.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_the_new_run_dialog(qtbot: QtBot) -> None:
    dialog = shown(qtbot, RunDialog(["SACRAMENTO"], counts={"SACRAMENTO": 3}))
    with qtbot.waitSignal(dialog.accepted):
        press_ctrl_enter(qtbot, dialog, dialog.as_of)


def test_the_policy_editor(qtbot: QtBot) -> None:
    dialog = shown(qtbot, PolicyEditor(builtin_policy("los_angeles_2020")))
    with qtbot.waitSignal(dialog.accepted):
        press_ctrl_enter(qtbot, dialog, dialog.focusWidget() or dialog)


@pytest.mark.parametrize("filled", [True, False])
def test_the_office_details_from_the_address_box(
    qtbot: QtBot, tmp_path: Path, filled: bool
) -> None:
    details = OfficeDetails(county="SACRAMENTO", da_name="Dana Whitfield") if filled else (
        OfficeDetails())  # fmt: skip
    dialog = shown(qtbot, OfficeDialog(details, tmp_path / "office.toml"))
    address = next(w for w in dialog.findChildren(QPlainTextEdit) if w.isVisible())
    press_ctrl_enter(qtbot, dialog, address)
    # Saved either way: the papers leave what is missing as a bracketed blank.
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (tmp_path / "office.toml").exists()
