"""The About box: version, the offline statement, licenses that match what is installed."""

import importlib.metadata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app import __version__
from app.paths import RESOURCES
from tests.ui.drive import shown
from ui.dialogs.about import LICENSES, AboutDialog, demo_widget

# Distribution name on PyPI -> the name the About box lists it under.
DISTRIBUTIONS = {
    "PySide6-Essentials": "Qt for Python (PySide6) and Qt 6", "polars": "polars",
    "openpyxl": "openpyxl", "lxml": "lxml", "reportlab": "ReportLab", "keyring": "keyring",
    "cryptography": "cryptography", "pysequoia": "pysequoia", "pyzipper": "pyzipper",
    "msoffcrypto-tool": "msoffcrypto-tool", "pypdf": "pypdf", "pillow": "Pillow",
}  # fmt: skip
SPDX_WORDS = {"GNU LGPL v3": "LGPL-3.0", "MIT": "MIT", "BSD-3-Clause": "BSD-3-Clause",
              "BSD": "BSD", "Apache-2.0 or BSD-3-Clause": "Apache-2.0 OR BSD-3-Clause",
              "Apache-2.0": "Apache", "MIT-CMU": "MIT-CMU"}


def test_about_names_version_offline_promise_and_licenses(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert f"CountyClear {__version__}" in text
    assert "never uses the network" in text
    assert "stay on this PC" in text
    assert "GNU LGPL v3" in text
    assert "SIL Open Font License 1.1" in text
    assert not dialog.text.openExternalLinks()


@pytest.mark.parametrize("distribution", sorted(DISTRIBUTIONS))
def test_listed_license_matches_the_installed_package(distribution: str) -> None:
    listed = {name: license for name, license, _ in LICENSES}[DISTRIBUTIONS[distribution]]
    metadata = importlib.metadata.metadata(distribution)
    declared = " ".join([metadata.get("License-Expression") or "",
                         metadata.get("License") or "",
                         *(metadata.get_all("Classifier") or [])])
    assert SPDX_WORDS[listed] in declared


def test_the_font_license_the_box_points_to_is_shipped() -> None:
    assert "Open Font License" in (RESOURCES / "fonts" / "LICENSE-OFL.txt").read_text()


def test_close_button_closes(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = shown(qtbot, demo_widget())
    assert dialog.grab().save(str(tmp_path / "about.png"))
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
