"""`countyclear screenshots DIR`: every screen rendered to PNG at 100% and 200% scaling.

A developer command for checking layouts (clipping, overlap, readability) without a display.
Each scale runs in its own process because QT_SCALE_FACTOR must be set before Qt starts. It
drives the real window through the real flow on the bundled sample, in a throw-away
CountyClear home with an in-memory keyring, so nothing of the user's is touched.
"""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

SCALES = ("1", "2")
WIDTH, HEIGHT = 1280, 800


def main(args: list[str]) -> int:
    if len(args) != 1:
        sys.stderr.write("usage: countyclear screenshots DIR\n")
        return 2
    out = Path(args[0]).resolve()
    out.mkdir(parents=True, exist_ok=True)
    for scale in SCALES:
        with tempfile.TemporaryDirectory(prefix="countyclear-shots-") as home:
            # The default offscreen screen is 800x600 pixels: at 200% dialogs would be
            # squeezed into 400x300. Give it a 4K screen so every scale has room.
            screen = Path(home) / "offscreen.json"
            screen.write_text(json.dumps({"screens": [{
                "name": "shots", "x": 0, "y": 0, "width": 3840, "height": 2160,
                "logicalDpi": 96, "dpr": 1,
            }]}), encoding="utf-8")  # fmt: skip
            env = dict(
                os.environ, QT_SCALE_FACTOR=scale, COUNTYCLEAR_HOME=home,
                QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
            )  # fmt: skip
            command = [sys.executable, "-m", "ui.screenshots", str(out), scale]
            done = subprocess.run(command, env=env, check=False)
        if done.returncode != 0:
            return done.returncode
    sys.stdout.write(f"screenshots written to {out}\n")
    return 0


def _render(out: Path, scale: str) -> None:
    """Runs inside the child process, with QT_SCALE_FACTOR already set."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    from app.errors import InputError
    from app.intake.memory_keyring import install_memory_keyring

    install_memory_keyring()  # never the real keyring of the developer's PC
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)

    from app.jobs import Progress
    from app.sample import DEMO_PASSPHRASE, SAMPLE
    from ui.dialogs import about, office_dialog, policy_editor
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.messages import show_error
    from ui.dialogs.passphrase_dialog import PassphraseDialog
    from ui.dialogs.progress_dialog import ProgressDialog
    from ui.dialogs.reason_dialog import ReasonDialog
    from ui.dialogs.run_dialog import RunDialog
    from ui.dialogs.workspace_dialogs import RecoveryPassphraseDialog
    from ui.main_window import MainWindow

    suffix = f"@{scale}x"

    def settle() -> None:
        for _ in range(5):
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
        end = time.monotonic() + timeout
        loop = QEventLoop()
        while not condition():
            if time.monotonic() > end:
                raise RuntimeError("screenshots: the app did not get there in time")
            QTimer.singleShot(20, loop.quit)
            loop.exec()

    def shoot(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}{suffix}.png"))

    window = MainWindow()
    window.resize(WIDTH, HEIGHT)
    window.show()
    shoot(window, "01-start")
    dialogs: list[QDialog] = []
    window.flow.dialogOpened.connect(dialogs.append)
    window.decisions.dialogOpened.connect(dialogs.append)
    window.dialogOpened.connect(dialogs.append)

    def next_dialog(kind: type) -> QDialog:
        wait_until(lambda: any(isinstance(d, kind) for d in dialogs))
        found = next(d for d in dialogs if isinstance(d, kind))
        dialogs.remove(found)
        return found

    # The sample is opened the way a clerk opens any encrypted delivery.
    window.flow.open_files([SAMPLE])
    ask = next_dialog(PassphraseDialog)
    assert isinstance(ask, PassphraseDialog)
    ask.passphrase.setText(DEMO_PASSPHRASE)
    shoot(ask, "02-passphrase")
    ask.accept()
    run = next_dialog(RunDialog)
    shoot(run, "03-new-run")
    run.accept()
    recovery = next_dialog(RecoveryPassphraseDialog)
    assert isinstance(recovery, RecoveryPassphraseDialog)
    recovery.passphrase.setText("screenshot recovery")
    recovery.again.setText("screenshot recovery")
    shoot(recovery, "04-recovery-passphrase")
    sessions: list[object] = []
    window.flow.sessionReady.connect(sessions.append)
    recovery.accept()
    wait_until(lambda: bool(sessions))
    grid = window.workspace.grid
    grid.table.selectRow(2)
    shoot(window, "05-triage")
    grid.filters.search.setText("a")
    grid.filters.set_values("determination", {"reduce", "review"})
    shoot(window, "06-triage-filtered")
    grid.filters.clear_all()
    grid.table.selectRow(0)
    window.actions["challenge"].trigger()
    reason = next_dialog(ReasonDialog)
    shoot(reason, "07-reason")
    reason.reject()
    window.workspace.setCurrentIndex(1)
    shoot(window, "08-impact")
    window.workspace.setCurrentIndex(0)
    exporting = window.export()
    assert isinstance(exporting, ExportDialog)
    shoot(exporting, "09-export")
    exporting.reject()

    # A progress window as a long job shows it.
    waiting = threading.Event()
    job = window.runner.start("Evaluating", lambda progress, cancel: waiting.wait(10))
    progress = ProgressDialog(job)
    progress.show_progress(Progress(412_000, 1_000_000, "Reading rows: 412,000 of 1,000,000"))
    progress.eta.setText("About 4 s left")
    shoot(progress, "10-progress")
    waiting.set()
    window.runner.wait()
    progress.deleteLater()
    error = show_error(window, InputError(  # as app/intake/unlock.py words it
        "doj.dat.gpg", "wrong passphrase for this file: check the passphrase that came with "
        "it (capitals, spaces) and try again").render())
    shoot(error, "11-error")
    error.close()
    for name, module in (("12-policy-editor", policy_editor), ("13-office-details", office_dialog),
                         ("14-about", about)):  # fmt: skip
        widget = module.demo_widget()
        widget.show()
        shoot(widget, name)
        widget.close()
    window.show_start()
    shoot(window, "15-start-recent")
    window.close()


if __name__ == "__main__":
    _render(Path(sys.argv[1]), sys.argv[2])
