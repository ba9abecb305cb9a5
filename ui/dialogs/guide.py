"""The user guide (F1): shipped HTML and pictures in resources/guide, read offline."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from app.paths import RESOURCES

GUIDE = RESOURCES / "guide" / "index.html"


class GuideWindow(QDialog):
    """Non-modal, so the clerk can read a step and do it in the main window."""

    def __init__(self, parent: QWidget | None = None, page: Path = GUIDE) -> None:
        super().__init__(parent)
        self.setWindowTitle("CountyClear user guide")
        self.setObjectName("userGuide")
        self.setModal(False)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # offline: nothing leaves this PC
        self.browser.setSearchPaths([str(page.parent)])
        if page.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(page)))
        else:
            self.browser.setPlainText(
                f"The user guide is missing from this installation ({page}). "
                "Reinstall CountyClear to get it back."
            )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.browser.backward)
        font = self.fontMetrics()
        self.resize(font.averageCharWidth() * 120, font.height() * 42)
