"""Helpers to drive the real main window through its dialogs in tests (and screenshots)."""

import os
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app import cli
from ui.main_window import MainWindow

D = TypeVar("D", bound=QDialog)
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
