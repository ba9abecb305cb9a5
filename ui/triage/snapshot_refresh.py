"""The grid's snapshot after a decision, rebuilt on a worker thread.

Joining the decisions onto a million determinations takes tens of milliseconds; done on the
GUI thread after every keypress it makes deciding feel sticky. The decision itself is
applied and audited at once on the GUI thread (so errors, undo order and the audit log stay
exactly as they were); only the new snapshot is built here, from immutable frames taken at
request time. One build at a time; requests made meanwhile are merged into one build of the
latest decisions, and an older result never replaces a newer one. `settle()` builds the
latest at once on the calling thread for those that must not show an old state (exports).
"""

from collections.abc import Callable

import polars as pl
from PySide6.QtCore import QObject, Signal

from app.review.decisions import apply_decisions
from app.triage.snapshot import TriageSnapshot, with_decisions
from ui.jobs import Job, JobRunner


class SnapshotRefresher(QObject):
    ready = Signal()  # `snapshot` now shows newer decisions
    failed = Signal(str)  # a plain message naming the log file

    def __init__(
        self,
        runner: JobRunner,
        determinations: pl.DataFrame,
        snapshot: TriageSnapshot,
        decisions: Callable[[], pl.DataFrame],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.snapshot = snapshot
        self._base = snapshot  # its prepared search and flag columns never change
        self._determinations = determinations
        self._decisions = decisions  # the current decisions frame (read on the GUI thread)
        self._requested = 0  # generation of the latest request
        self._shown = 0  # generation `snapshot` shows
        self._building: int | None = None  # generation being built on the worker
        self._broken = False  # the last build failed: wait for the next request to retry
        self._stopped = False  # the session closed: late results are dropped

    @property
    def pending(self) -> bool:
        """A decision is not yet in `snapshot`."""
        return self._shown < self._requested

    def request(self) -> None:
        self._requested += 1
        self._broken = False
        if self._building is None:
            self._start()

    def _start(self) -> None:
        generation = self._requested
        base, determinations, decisions = self._base, self._determinations, self._decisions()

        def build(_progress: object, _cancel: object) -> TriageSnapshot:
            return with_decisions(base, apply_decisions(determinations, decisions))

        def prepare(job: Job) -> None:
            job.succeeded.connect(lambda snapshot: self._show(generation, snapshot))
            job.failed.connect(self._failed)
            job.finished.connect(self._finished)

        self._building = generation
        self.runner.start("Updating the grid", build, prepare=prepare)

    def _failed(self, message: str) -> None:
        if self._stopped:
            return
        self._broken = True  # not retried in a loop; the message names the log file
        self.failed.emit(message)

    def stop(self) -> None:
        """Drop builds still under way (the session is closing and may soon be deleted)."""
        self._stopped = True

    def _show(self, generation: int, snapshot: TriageSnapshot) -> None:
        if generation > self._shown and not self._stopped:
            self._shown = generation
            self.snapshot = snapshot
            self.ready.emit()

    def _finished(self) -> None:
        self._building = None
        if self.pending and not self._broken and not self._stopped:
            self._start()

    def settle(self) -> None:
        """Show the latest decisions now, building here if need be."""
        if not self.pending:
            return
        decided = apply_decisions(self._determinations, self._decisions())
        self._show(self._requested, with_decisions(self._base, decided))
