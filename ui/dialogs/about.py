"""The About box: name, version, the offline promise, and the licenses of what ships inside."""

import html
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app import __version__

APP_NAME: Final = "CountyClear"
OFFLINE_STATEMENT: Final = (
    "CountyClear never uses the network. It opens no internet connection, sends nothing "
    "anywhere and checks for no updates: the DOJ files, your decisions and the documents "
    "you export stay on this PC."
)
# (component, license, note) for what the installer bundles.
LICENSES: Final = (
    ("CountyClear", "MIT", ""),
    ("Qt for Python (PySide6) and Qt 6", "GNU LGPL v3",
     "used unmodified as separate libraries in the installed folder, which you may "
     "replace; source at https://download.qt.io"),
    ("Liberation Serif fonts", "SIL Open Font License 1.1",
     "license text in resources/fonts/LICENSE-OFL.txt"),
    ("polars", "MIT", ""), ("openpyxl", "MIT", ""), ("lxml", "BSD-3-Clause", ""),
    ("ReportLab", "BSD", ""), ("keyring", "MIT", ""),
    ("cryptography", "Apache-2.0 or BSD-3-Clause", ""),
    ("pysequoia", "Apache-2.0", "built on Sequoia PGP, GNU LGPL v2 or later"),
    ("pyzipper", "MIT", ""), ("msoffcrypto-tool", "MIT", ""),
    ("pypdf", "BSD-3-Clause", ""), ("Pillow", "MIT-CMU", ""),
    ("pycryptodomex", "BSD and public domain", ""),
    ("Python", "Python Software Foundation License", ""),
    ("PyInstaller bootloader", "GPL v2 with the bootloader exception",
     "the exception allows shipping it with programs of any license"),
)  # fmt: skip


def about_html() -> str:
    e = html.escape
    rows = "".join(
        f"<li>{e(name)}: {e(license)}{' (' + e(note) + ')' if note else ''}</li>"
        for name, license, note in LICENSES
    )
    return (
        f"<h2>{APP_NAME} {e(__version__)}</h2>"
        "<p>Clears Proposition 64 cannabis convictions for a California District Attorney's "
        "office: opens the DOJ file, applies the county's policy, and prepares the papers "
        "the court signs.</p>"
        f"<p><b>{e(OFFLINE_STATEMENT)}</b></p>"
        "<p>This is a tool to help staff, not legal advice: a deputy DA reviews every "
        "determination.</p>"
        f"<p>Licenses:</p><ul>{rows}</ul>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setAccessibleName(f"About {APP_NAME}")
        self.text = QLabel(about_html())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(f"About {APP_NAME}")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # Links are shown as text: the app never opens a browser or the network.
        self.text.setOpenExternalLinks(False)
        self.text.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def demo_widget() -> QWidget:
    return AboutDialog()
