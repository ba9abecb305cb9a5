"""One plain message for the clerk: never a traceback."""

from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, message: str) -> QMessageBox:
    """Show a non-blocking warning with one plain message; returns the box (tests read it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "CountyClear", message,
                      QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    box.setObjectName("errorMessage")
    box.open()
    return box
