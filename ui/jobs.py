"""The one job runner: an app function taking (progress, cancel) runs on a worker thread.

Progress and the result or error come back to the main thread as Qt signals, so the window
keeps painting and answering while the work runs. Errors are sorted once, here:
InputError is a plain message for the clerk; Cancelled is not an error; anything else is
logged with its traceback to the log file and reported as a plain message naming that file.
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import InputError
from app.jobs import Cancelled, CancelToken, Progress, ProgressCallback
from app.logsetup import log_exception

log = logging.getLogger("countyclear.ui.jobs")

JobFunction = Callable[[ProgressCallback, CancelToken], Any]
PROGRESS_INTERVAL = 0.05  # seconds between progress signals; more only floods the event queue


class Job(QObject):
    """One piece of work; every signal arrives on the GUI thread (see JobRunner.start)."""

    progressed = Signal(object)  # Progress
    succeeded = Signal(object)  # the function's return value
    failed = Signal(str)  # a plain message for the clerk (bad input, or where the log is)
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, title: str, function: JobFunction) -> None:
        super().__init__()
        self.title = title
        self.function = function
        self.token = CancelToken()
        self.running = False
        self._last_progress = 0.0

    def cancel(self) -> None:
        """Ask the work to stop at its next check; `cancelled` follows when it has."""
        self.token.cancel()

    # Runs on the worker thread: only signal emission and the function itself.
    def _report(self, progress: Progress) -> None:
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL or progress.done == progress.total:
            self._last_progress = now
            self.progressed.emit(progress)

    def _run(self) -> None:
        try:
            result = self.function(self._report, self.token)
        except Cancelled:
            self.cancelled.emit()
        except InputError as exc:
            self.failed.emit(exc.render())
        except BaseException:  # also a panic in polars' Rust code, not an Exception
            path = log_exception(log, "internal error in job %r", self.title)
            self.failed.emit(
                f"CountyClear could not finish: {self.title}. Nothing you already saved is "
                f"lost. Details are in the log file {path}; please send it with your report."
            )
        else:
            if self.token.cancelled:
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        finally:
            self.running = False
            self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        self.job._run()


class JobRunner(QObject):
    """Starts jobs on its own thread pool and keeps them alive until they finish."""

    jobStarted = Signal(object)  # Job

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._jobs: set[Job] = set()

    def start(
        self, title: str, function: JobFunction, *, prepare: Callable[[Job], None] | None = None
    ) -> Job:
        """Run `function` on a worker thread.

        Connect to the job's signals in `prepare` (or from `jobStarted`): both run before the
        work starts, so even a job that finishes at once cannot emit unheard.
        """
        job = Job(title, function)
        self._jobs.add(job)
        job.finished.connect(lambda: self._jobs.discard(job))
        if prepare is not None:
            prepare(job)
        job.running = True
        self.jobStarted.emit(job)
        self.pool.start(_Runnable(job))
        return job

    @property
    def busy(self) -> bool:
        # From each job's own flag, which its worker clears as it ends: the `finished` signal
        # that drops it from _jobs is queued to this thread and may not have arrived yet.
        return any(job.running for job in list(self._jobs))

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job is done (closing the window, tests)."""
        return bool(self.pool.waitForDone(msecs))
