"""`countyclear screenshots DIR`: every screen rendered to PNG at 1280x800 and 1600x1000, and
at 1280x800 with 200% scaling.

A developer command for checking layouts (clipping, overlap, readability) without a display,
and the source of the user guide's pictures (`--guide`). Each rendering runs in its own
process because QT_SCALE_FACTOR must be set before Qt starts. It drives the real window
through the real flow on the bundled sample, in a throw-away CountyClear home with an
in-memory keyring, so nothing of the user's is touched.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

# (scaling, window width, height) in device-independent pixels; each picture is named
# `NAME@WIDTHxHEIGHT.png`, with `@2x` added at 200%.
RENDERINGS: tuple[tuple[str, int, int], ...] = (("1", 1280, 800), ("1", 1600, 1000),
                                                ("2", 1280, 800))  # fmt: skip
GUIDE_RENDERING = ("1", 1280, 800)
# The screens the user guide (resources/guide/index.html) shows; `--guide` writes only these.
GUIDE_SCREENS = frozenset({
    "01-start", "02-passphrase", "03-new-run", "04-recovery-passphrase", "05-triage",
    "06-triage-record", "07-triage-filtered", "08-reason", "09-impact", "10-export",
    "13-policy-editor", "14-office-details",
})  # fmt: skip


def picture_name(screen: str, scale: str, width: int, height: int) -> str:
    return f"{screen}@{width}x{height}{'' if scale == '1' else f'@{scale}x'}.png"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="countyclear screenshots",
        description="Render every screen of CountyClear to PNG files, on the bundled sample "
        "and in a throw-away home: at 1280x800, at 1600x1000, and at 1280x800 with 200%% "
        "scaling. Nothing of yours is read or changed.",
    )
    parser.add_argument("folder", type=Path, help="where to write the PNG files (made if "
                        "missing)")  # fmt: skip
    parser.add_argument("--guide", action="store_true", help="only the user guide's pictures "
                        "at 1280x800, named as the guide uses them (NAME.png): "
                        "countyclear screenshots --guide resources/guide")  # fmt: skip
    return parser


def main(args: list[str]) -> int:
    try:
        options = _parser().parse_args(args)
    except SystemExit as stop:  # --help, or a usage error (argparse printed it)
        return int(stop.code or 0)
    out = options.folder.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for scale, width, height in (GUIDE_RENDERING,) if options.guide else RENDERINGS:
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
            command = [sys.executable, "-m", "ui.screenshots", str(out), scale, str(width),
                       str(height), "guide" if options.guide else "check"]  # fmt: skip
            done = subprocess.run(command, env=env, check=False)
        if done.returncode != 0:
            return done.returncode
    sys.stdout.write(f"screenshots written to {out}\n")
    return 0


def _render(out: Path, scale: str, width: int, height: int, guide: bool) -> None:
    """Runs inside the child process, with QT_SCALE_FACTOR already set."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    from app.errors import InputError
    from app.intake.memory_keyring import install_memory_keyring

    install_memory_keyring()  # never the real keyring of the developer's PC
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)

    from app.jobs import Progress
    from app.sample import DEMO_PASSPHRASE, SAMPLE
    from ui.dialogs import about, office_dialog, policy_editor
    from ui.dialogs.export_dialog import ExportDialog, ExportResultDialog
    from ui.dialogs.messages import show_error
    from ui.dialogs.passphrase_dialog import PassphraseDialog
    from ui.dialogs.progress_dialog import ProgressDialog
    from ui.dialogs.reason_dialog import ReasonDialog
    from ui.dialogs.run_dialog import RunDialog
    from ui.dialogs.workspace_dialogs import RecoveryPassphraseDialog
    from ui.main_window import MainWindow


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
        if guide and name not in GUIDE_SCREENS:
            return
        settle()
        file = f"{name}.png" if guide else picture_name(name, scale, width, height)
        widget.grab().save(str(out / file))

    window = MainWindow()
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximised on the 4K screen
    window.resize(width, height)
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
    window.commands["record"].setChecked(True)
    shoot(window, "06-triage-record")
    window.commands["record"].setChecked(False)
    grid.filters.search.setText("a")
    grid.filters.set_values("determination", {"reduce", "review"})
    shoot(window, "07-triage-filtered")
    grid.filters.clear_all()
    grid.table.selectRow(0)
    window.commands["challenge"].trigger()
    reason = next_dialog(ReasonDialog)
    shoot(reason, "08-reason")
    reason.reject()
    window.workspace.setCurrentIndex(1)
    shoot(window, "09-impact")
    window.workspace.setCurrentIndex(0)
    exporting = window.export()
    assert isinstance(exporting, ExportDialog)
    shoot(exporting, "10-export")
    exporting.reject()
    from app.exports.documents import DocumentChoice, WrittenDocument

    # What an export of the sample says of each file (the papers' descriptions are alike).
    said = {"exhibit_1.xlsx": "438 convictions, sealed",
            "challenged_cases.xlsx": "62 convictions, sealed",
            "impact_report.pdf": "figures after staff decisions"}
    written = [WrittenDocument(path, said.get(path.name, "438 convictions granted, 11 pending"))
               for path in DocumentChoice().targets(Path(exporting.folder.text()))]
    result = ExportResultDialog(Path(exporting.folder.text()), written, parent=window)
    result.show()
    shoot(result, "18-export-result")
    result.close()
    grid.filters.search.setText("no such name")
    shoot(window, "19-triage-no-match")
    grid.filters.clear_all()
    no_keyring = RecoveryPassphraseDialog(str(out / "county.ccws"), confirm=True, keyring=False)
    no_keyring.show()
    shoot(no_keyring, "20-new-workspace-no-keyring")
    no_keyring.close()

    # A progress window as a long job shows it.
    waiting = threading.Event()
    job = window.runner.start("Evaluating", lambda progress, cancel: waiting.wait(10))
    progress = ProgressDialog(job)
    progress.show_progress(Progress(412_000, 1_000_000, "Reading rows: 412,000 of 1,000,000"))
    progress.eta.setText("About 4 s left")
    shoot(progress, "11-progress")
    waiting.set()
    window.runner.wait()
    progress.deleteLater()
    error = show_error(window, InputError(  # as app/intake/unlock.py words it
        "doj.dat.gpg", "wrong passphrase for this file: check the passphrase that came with "
        "it (capitals, spaces) and try again").render())
    shoot(error, "12-error")
    error.close()
    for name, module in (("13-policy-editor", policy_editor), ("14-office-details", office_dialog),
                         ("15-about", about)):  # fmt: skip
        widget = module.demo_widget()
        widget.show()
        shoot(widget, name)
        widget.close()
    shoot(window.show_guide(), "16-guide")
    window.show_guide().close()
    window.show_start()
    shoot(window, "17-start-recent")
    window.close()


if __name__ == "__main__":
    # The child process of `main` (FOLDER SCALE WIDTH HEIGHT guide|check); anything else is
    # the command itself: `python -m ui.screenshots DIR` as `countyclear screenshots DIR`.
    if len(sys.argv) == 6 and sys.argv[5] in ("guide", "check"):
        _render(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]),
                sys.argv[5] == "guide")  # fmt: skip
    else:
        sys.exit(main(sys.argv[1:]))
