"""What the app's dialogs share: the OK/Cancel row, a password field, the red line saying what
is still wrong, and opening a dialog without a nested event loop."""

from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton

PROBLEM_STYLE = "color: #a40000"


def ok_cancel(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel wired to the dialog's accept and reject: the row, and its OK button."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, buttons.button(QDialogButtonBox.StandardButton.Ok)


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
