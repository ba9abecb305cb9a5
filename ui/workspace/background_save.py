"""The workspace autosave, on a worker thread: the window stays responsive while the
encrypted file is written.

Each save takes a detached copy of the workspace on the GUI thread (between two changes, so
decisions and audit log match) and writes it on the session's job runner. One save at a time
(app.review.Autosaver says nothing is due while one runs), each holding everything decided
before it began, so the last save to finish always holds the latest state it knew; changes
that came in meanwhile make the next one due. `flush()` (closing, exporting) waits for a
running save, then saves whatever is still unsaved right here, so nothing is ever lost.
"""

import logging
import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.errors import InputError
from app.review.autosave import Autosaver
from app.review.detached import detached_copy
from app.review.workspace import Workspace
from ui.jobs import Job, JobRunner

log = logging.getLogger("countyclear.ui.workspace.save")

TICK_MS = 250  # how often the timer asks whether a save is due


class _Flight:
    """One background save; `done` and `error` are set on the worker thread."""

    def __init__(self, ticket: int) -> None:
        self.ticket = ticket
        self.done = threading.Event()
        self.error: str | None = None
        self.landed = False  # handled on the GUI thread (by its signal or by a flush)

    def fail(self, message: str) -> None:
        self.error = message


class BackgroundSaver(QObject):
    saved = Signal()
    saveFailed = Signal(str)  # a plain message (InputError.render(), or where the log is)

    def __init__(
        self,
        workspace: Workspace,
        runner: JobRunner,
        *,
        quiet: float,
        max_delay: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.autosaver = Autosaver(self._save_here, quiet=quiet, max_delay=max_delay)
        self._flight: _Flight | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.save_if_due)
        self._timer.start()

    @property
    def saving(self) -> bool:
        return self._flight is not None

    def changed(self) -> None:
        self.autosaver.changed()
        if not self._timer.isActive():
            self._timer.start()  # a failed save stopped it; this change retries

    def stop(self) -> None:
        self._timer.stop()

    def save_if_due(self) -> bool:
        """Start a background save when one is due; True when it started."""
        if not self.autosaver.due():
            return False
        flight = _Flight(self.autosaver.begin())
        copy = detached_copy(self.workspace)

        def prepare(job: Job) -> None:
            # Direct: recorded on the worker thread, so a flush that waits sees the outcome
            # without the event loop; the queued `finished` then finds it already handled.
            job.failed.connect(flight.fail, Qt.ConnectionType.DirectConnection)
            job.finished.connect(flight.done.set, Qt.ConnectionType.DirectConnection)
            job.finished.connect(lambda: self._land(flight))

        self._flight = flight
        self.runner.start("Saving the workspace", lambda _progress, _cancel: copy.save(),
                          prepare=prepare)  # fmt: skip
        return True

    def _land(self, flight: _Flight) -> bool:
        """On the GUI thread, once per save: book it and say how it went."""
        if not flight.landed:
            flight.landed = True
            self._flight = None
            self.autosaver.finish(flight.ticket, ok=flight.error is None)
            if flight.error is None:
                self.saved.emit()
            else:
                self._timer.stop()  # one message, not one every tick; the next change retries
                log.warning("the workspace was not saved: %s", flight.error)
                self.saveFailed.emit(flight.error)
        return flight.error is None

    def _save_here(self) -> None:
        self.workspace.save()

    def flush(self) -> bool:
        """Save everything now (waiting for a running save first). False if a save failed;
        the failure was reported through `saveFailed`."""
        flight = self._flight
        if flight is not None:
            flight.done.wait()
            if not self._land(flight):
                return False
        try:
            if self.autosaver.flush():
                self._timer.start()
                self.saved.emit()
        except InputError as exc:
            self._timer.stop()
            log.warning("the workspace was not saved: %s", exc.render())
            self.saveFailed.emit(exc.render())
            return False
        return True
