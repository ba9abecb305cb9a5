"""An error no code caught in a click (a Qt slot) reaches the clerk as one plain message."""

import sys
from pathlib import Path

import polars as pl
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.drive import open_window
from ui import uncaught


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The hook the app installs, and the messages it shows (pytest-qt's own capture is
    off in these tests, so the hook is what PySide calls)."""
    monkeypatch.setattr(sys, "excepthook", uncaught.report_uncaught)
    messages: list[str] = []

    def show(parent: object, message: str) -> None:
        messages.append(message)

    monkeypatch.setattr(uncaught, "show_error", show)
    return messages


@pytest.mark.qt_no_exception_capture
def test_a_fault_in_a_click_is_logged_and_named(
    qtbot: QtBot, countyclear_home: Path, shown: list[str]
) -> None:
    button = QPushButton("Go")
    qtbot.addWidget(button)

    def broken() -> None:
        raise ZeroDivisionError("boom in a slot")

    button.clicked.connect(broken)
    button.click()
    log_file = countyclear_home / "logs" / "countyclear.log"
    assert shown == [
        "CountyClear could not finish that step. Nothing you already saved is lost. Details "
        f"are in the log file {log_file}; please send it with your report."
    ]
    assert "ZeroDivisionError: boom in a slot" in log_file.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_a_damaged_office_file_names_itself(
    qtbot: QtBot, countyclear_home: Path, shown: list[str]
) -> None:
    """Office details... with an office.toml edited by hand in Notepad (Windows-1252)."""
    office = countyclear_home / "office.toml"
    office.write_bytes(b'da_name = "Jos\xe9 Ruiz"\n')
    window = open_window(qtbot)
    window.commands["office"].trigger()
    assert len(shown) == 1
    assert shown[0].startswith(f"{office}:1: the office details file is not UTF-8 text")


def test_the_real_message_box(qtbot: QtBot, countyclear_home: Path) -> None:
    try:
        raise KeyError("x")
    except KeyError as error:
        box = uncaught.report_uncaught(KeyError, error, error.__traceback__)
    assert isinstance(box, QMessageBox)
    qtbot.addWidget(box)
    assert "could not finish that step" in box.text()
    assert "Traceback" not in box.text()


def test_a_polars_panic_is_an_error_too(qtbot: QtBot, countyclear_home: Path) -> None:
    """Not an Exception subclass, unlike Ctrl+C and SystemExit, which are left alone."""
    panic = pl.exceptions.PanicException("out-of-range date")
    box = uncaught.report_uncaught(type(panic), panic, None)
    assert isinstance(box, QMessageBox)
    qtbot.addWidget(box)
    log_file = countyclear_home / "logs" / "countyclear.log"
    assert "PanicException: out-of-range date" in log_file.read_text(encoding="utf-8")
