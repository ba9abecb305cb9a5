"""A progress window for one job: a moving bar, what is happening, time left, and Cancel."""

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.jobs import Progress
from ui.jobs import Job


def remaining_text(elapsed: float, done: int, total: int) -> str:
    """'About 2 min left' from the pace so far; empty while the pace is not yet known."""
    if total <= 0 or done <= 0 or elapsed < 1.0 or done >= total:
        return ""
    seconds = elapsed * (total - done) / done
    if seconds < 60:
        return f"About {max(1, round(seconds))} s left"
    return f"About {round(seconds / 60)} min left"


class ProgressDialog(QDialog):
    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(job.title)
        self.setModal(True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self.text = QLabel("Starting…")
        self.text.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Progress")
        self.bar.setRange(0, 0)  # busy until the first report says how much there is
        self.eta = QLabel("")
        self.eta.setAccessibleName("Time left")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel this work")
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        layout.addWidget(self.eta)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self._total = -1
        self._done = 0
        self._stage_started = time.monotonic()
        job.progressed.connect(self.show_progress)
        job.finished.connect(self.accept)

    def show_progress(self, progress: Progress) -> None:
        # A phase is a run of reports with the same total (files read, then the engine's
        # steps); each phase has its own pace, so the estimate restarts with it.
        if progress.total != self._total or progress.done < self._done:
            self._total, self._stage_started = progress.total, time.monotonic()
        self._done = progress.done
        self.text.setText(progress.text)
        if progress.total > 0:
            # QProgressBar holds an int; scale very large totals down to stay in range.
            scale = max(1, progress.total // 1_000_000)
            self.bar.setRange(0, progress.total // scale)
            self.bar.setValue(min(progress.done, progress.total) // scale)
        else:
            self.bar.setRange(0, 0)
        elapsed = time.monotonic() - self._stage_started
        self.eta.setText(remaining_text(elapsed, progress.done, progress.total))

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.text.setText("Stopping…")
        self.job.cancel()

    def reject(self) -> None:  # Escape or the window's close button cancel too
        if self.job.running:
            self._cancel()
        else:
            super().reject()
