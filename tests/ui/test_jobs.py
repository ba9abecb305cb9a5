"""The job runner: work runs off the GUI thread, the event loop keeps turning, Cancel stops it,
and errors arrive as one plain message."""

import threading
from pathlib import Path

import polars as pl
import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from app.errors import InputError
from app.jobs import CancelToken, Progress, ProgressCallback
from ui.dialogs.progress_dialog import ProgressDialog, remaining_text
from ui.jobs import JobRunner


def test_event_loop_keeps_turning_while_a_long_job_runs(qtbot: QtBot) -> None:
    runner = JobRunner()
    release = threading.Event()
    worker_threads: list[int] = []

    def long_work(progress: ProgressCallback, cancel: CancelToken) -> str:
        worker_threads.append(threading.get_ident())
        steps = 0
        while not release.wait(0.01):  # busy until the GUI thread has ticked enough
            steps += 1
            progress(Progress(steps, 0, "working"))
            cancel.check()
        return "done"

    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1
        if ticks == 25:
            release.set()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    with qtbot.waitSignal(runner.jobStarted) as started:
        runner.start("Long job", long_work)
    with qtbot.waitSignal(started.args[0].succeeded, timeout=20_000) as result:
        pass
    timer.stop()
    assert result.args == ["done"]
    # The job only ends after the GUI thread ticked 25 times: the loop was never blocked.
    assert ticks >= 25
    assert worker_threads and worker_threads[0] != threading.get_ident()


def test_cancel_really_stops_the_work(qtbot: QtBot) -> None:
    runner = JobRunner()
    started = threading.Event()
    reached: list[int] = []

    def endless(progress: ProgressCallback, cancel: CancelToken) -> None:
        step = 0
        while True:
            step += 1
            reached.append(step)
            started.set()
            progress(Progress(step, 1_000_000, f"step {step}"))
            cancel.check()
            threading.Event().wait(0.002)

    dialogs: list[ProgressDialog] = []
    runner.start("Endless", endless, prepare=lambda job: dialogs.append(ProgressDialog(job)))
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(dialog.job.cancelled, timeout=10_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    # The job is an endless loop: it only ends because Cancel reached it.
    assert runner.wait(5000)
    assert not runner.busy and reached


def test_bad_input_becomes_one_plain_message(qtbot: QtBot) -> None:
    runner = JobRunner()

    def bad(progress: ProgressCallback, cancel: CancelToken) -> None:
        raise InputError("doj.dat", "wrong passphrase for this file", line=None)

    failures: list[str] = []
    runner.start("Opening", bad, prepare=lambda job: job.failed.connect(failures.append))
    qtbot.waitUntil(lambda: bool(failures))
    assert failures == ["doj.dat: wrong passphrase for this file."]


@pytest.mark.parametrize(
    "fault",
    [ZeroDivisionError("boom in the engine"), pl.exceptions.PanicException("boom in polars")],
    ids=["exception", "polars panic (not an Exception)"],
)
def test_internal_fault_is_logged_and_the_message_names_the_log(
    qtbot: QtBot, countyclear_home: Path, fault: BaseException
) -> None:
    runner = JobRunner()

    def broken(progress: ProgressCallback, cancel: CancelToken) -> None:
        raise fault

    failures: list[str] = []
    runner.start("Evaluating", broken, prepare=lambda job: job.failed.connect(failures.append))
    qtbot.waitUntil(lambda: bool(failures))
    message = failures[0]
    log_file = countyclear_home / "logs" / "countyclear.log"
    assert str(log_file) in message and "Traceback" not in message
    assert f"{type(fault).__name__}: {fault}" in log_file.read_text(encoding="utf-8")


def test_progress_dialog_moves_and_estimates_time_left(qtbot: QtBot) -> None:
    runner = JobRunner()
    job = runner.start("Quick", lambda progress, cancel: None)
    dialog = ProgressDialog(job)
    qtbot.addWidget(dialog)
    dialog.show_progress(Progress(250, 1000, "Reading rows: 250 of 1,000"))
    assert (dialog.bar.minimum(), dialog.bar.maximum(), dialog.bar.value()) == (0, 1000, 250)
    assert dialog.text.text() == "Reading rows: 250 of 1,000"
    dialog.show_progress(Progress(3_000_000_000, 6_000_000_000, "Reading rows"))
    assert dialog.bar.value() * 2 == dialog.bar.maximum()
    runner.wait()


@pytest.mark.parametrize(
    ("elapsed", "done", "total", "text"),
    [(10.0, 50, 100, "About 10 s left"), (60.0, 25, 100, "About 3 min left"),
     (0.2, 50, 100, ""), (10.0, 0, 100, ""), (10.0, 5, 0, "")],
)  # fmt: skip
def test_time_left(elapsed: float, done: int, total: int, text: str) -> None:
    assert remaining_text(elapsed, done, total) == text
