"""The last net under the desktop app: an exception that no code caught in a Qt slot on the
GUI thread becomes one plain message and a log entry. Without it PySide prints the traceback
to a console the clerk does not have, and the click seems to do nothing."""

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import InputError
from app.logsetup import configure_logging
from ui.dialogs.messages import show_error

log = logging.getLogger("countyclear.ui")


def report_uncaught(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> QMessageBox | None:
    """sys.excepthook for the desktop app; returns the message box shown (tests read it)."""
    # Ctrl+C in a terminal, SystemExit: not errors. (A panic in polars' Rust code is not an
    # Exception either, but it is one.)
    if issubclass(kind, (KeyboardInterrupt, SystemExit)):
        sys.__excepthook__(kind, error, traceback)
        return None
    parent = QApplication.activeWindow()
    if isinstance(error, InputError):  # bad input raised outside a job: its own message
        return show_error(parent, error.render())
    path = configure_logging()
    log.error("uncaught error in the desktop app", exc_info=(kind, error, traceback))
    return show_error(
        parent,
        "CountyClear could not finish that step. Nothing you already saved is lost. Details "
        f"are in the log file {path}; please send it with your report.",
    )


def install() -> None:
    sys.excepthook = report_uncaught
