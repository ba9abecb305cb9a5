"""What the app's dialogs share: the OK/Cancel row (Ctrl+Enter presses OK), a password field,
the red line saying what is still wrong, and opening a dialog without a nested event loop."""

from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton

# Ctrl+Enter presses OK from anywhere in a dialog, a text box included (where Enter alone
# starts a new line). Return is the main keyboard's key, Enter the keypad's.
SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")

PROBLEM_STYLE = "color: #a40000"


def ok_cancel(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel wired to the dialog's accept and reject: the row, and its OK button."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    submit_on_ctrl_enter(dialog, ok)
    return buttons, ok


def submit_on_ctrl_enter(dialog: QDialog, button: QPushButton) -> None:
    """Ctrl+Enter clicks `button` (if it is enabled: a dialog's checks still hold)."""
    for key in SUBMIT_KEYS:
        QShortcut(QKeySequence(key), dialog, button.click)
    tip = button.toolTip()
    button.setToolTip(f"{tip} (Ctrl+Enter)" if tip else "Ctrl+Enter")


def password_field(accessible_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    return field


def problem_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(PROBLEM_STYLE)
    return label


def open_dialog(
    dialog: QDialog, opened: SignalInstance, on_accept: Callable[[], object] | None = None
) -> None:
    """Open without blocking, delete once closed, and announce it on `opened` (tests and
    screenshots fill dialogs in through that signal)."""
    if on_accept is not None:
        dialog.accepted.connect(on_accept)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    opened.emit(dialog)
