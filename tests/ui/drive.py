"""Helpers to drive the real main window through its dialogs in tests (and screenshots)."""

import os
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app import cli
from app.review import PolicyRecord, Workspace, create_workspace
from tests.app.triage.builders import determinations_frame
from ui.main_window import MainWindow

D = TypeVar("D", bound=QDialog)
W = TypeVar("W", bound=QWidget)
DELIVERY_PASSPHRASE = "delivery-pass-42"
RECOVERY = "recovery passphrase 1"


def make_delivery(folder: Path, *, people: int = 60, encrypt: bool = True) -> Path:
    """A synthetic DOJ delivery for Sacramento, written by `countyclear synth`."""
    out = folder / ("doj.dat.gpg" if encrypt else "doj.dat")
    args = ["synth", "--county", "Sacramento", "--people", str(people), "--out", str(out)]
    if encrypt:
        os.environ["CC_TEST_DELIVERY"] = DELIVERY_PASSPHRASE
        args += ["--encrypt", "openpgp", "--passphrase-env", "CC_TEST_DELIVERY"]
    try:
        assert cli.main(args) == 0
    finally:
        os.environ.pop("CC_TEST_DELIVERY", None)
    return out


def new_workspace(path: Path, convictions: int = 40, seed: int = 5) -> Workspace:
    """A saved Sacramento workspace of synthetic determinations, as of 2024-01-01."""
    return create_workspace(
        path, recovery_passphrase="a recovery passphrase", county="SACRAMENTO",
        as_of=date(2024, 1, 1), policy=PolicyRecord("statutory", "builtin", ""), sources=[],
        determinations=determinations_frame(convictions, seed=seed),
    )  # fmt: skip


def shown(qtbot: QtBot, widget: W) -> W:
    """The widget, looked after by qtbot, shown and exposed on the offscreen screen."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_window(qtbot: QtBot) -> MainWindow:
    return shown(qtbot, MainWindow())


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Make the window the active one, as a click on it would (keyboard shortcuts need it);
    the offscreen platform does not re-activate it by itself after a dialog closes."""
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


class DialogCatcher(QObject):
    """Collects the dialogs a window's flows open (they open without blocking)."""

    def __init__(self, *signals: SignalInstance) -> None:
        super().__init__()
        self.dialogs: list[QDialog] = []
        for signal in signals:
            signal.connect(self.dialogs.append)

    def next(self, qtbot: QtBot, kind: type[D], timeout: int = 20_000) -> D:
        """Wait for the next dialog of this kind and return it (older ones are dropped)."""

        def found() -> bool:
            return any(isinstance(d, kind) for d in self.dialogs)

        qtbot.waitUntil(found, timeout=timeout)
        index = next(i for i, d in enumerate(self.dialogs) if isinstance(d, kind))
        dialog = self.dialogs[index]
        del self.dialogs[: index + 1]
        assert isinstance(dialog, kind)
        return dialog


def catcher_for(window: MainWindow) -> DialogCatcher:
    return DialogCatcher(
        window.flow.dialogOpened, window.decisions.dialogOpened, window.dialogOpened
    )


def click_ok(qtbot: QtBot, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def caught_up(qtbot: QtBot, session: Any) -> None:
    """Wait until the grid shows every decision so far (its snapshot is built off-thread)."""
    qtbot.waitUntil(lambda: not session.refresher.pending, timeout=10_000)
