"""`countyclear`: no arguments opens the desktop app; a command goes to app.cli's `main`.

Without a display (a server, an SSH session) the app cannot open, so it says so and runs the
headless evaluation and export of the bundled sample instead (app.sample.run_sample: no
command line parsed, no passphrase in the environment), then says where the results are.
`countyclear screenshots DIR` is a developer command handled here because it needs Qt. This
is the one module of ui/ that may import app.cli (tests/ui/test_boundaries.py).
"""

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app.paths import RESOURCES, user_home
from app.sample import DEMO_PASSPHRASE


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # the caller chose a platform (offscreen, xcb, wayland...)
    if sys.platform in ("win32", "cygwin"):
        return True
    if sys.platform == "darwin":
        return True  # a Mac GUI session always has a window server
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_sample_headless() -> int:
    from app.errors import InputError
    from app.sample import run_sample

    out = user_home() / "sample-run"
    sys.stdout.write(
        "CountyClear: there is no display here, so the desktop app cannot open. Running the "
        f"bundled sample instead (evaluate and export) into {out}.\n"
    )
    try:
        written = run_sample(out)
    except InputError as exc:  # e.g. the folder cannot be written: one plain line
        sys.stderr.write(f"error: {exc.render()}\n")
        return 2
    for path in written:
        sys.stdout.write(f"wrote {path}\n")
    sys.stdout.write(
        f"Done. The results are in {out} (determinations.csv, summary.json and the court "
        f"documents; the exhibit's password is the demo passphrase {DEMO_PASSPHRASE}).\n"
    )
    return 0


def run_app(workspace: Path | None = None) -> int:
    """The desktop app; `workspace` (a double-clicked .ccws file) is opened at once.

    The network guard goes in before Qt or any window: from here on, any Python code in this
    process that tries an internet socket or a host name lookup fails with NetworkBlocked
    (Unix sockets stay allowed: the Linux keyring talks to D-Bus over one).
    """
    from app import network_guard

    network_guard.install(allow_local=True)

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from app.logsetup import configure_logging
    from ui import uncaught
    from ui.main_window import MainWindow

    configure_logging()
    uncaught.install()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("CountyClear")
    app.setOrganizationName("CountyClear")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "countyclear.png")))
    window = MainWindow()
    window.show()
    if workspace is not None:
        QTimer.singleShot(0, lambda: window.flow.open_workspace(workspace))
    return int(app.exec())


def _quiet_missing_streams() -> None:
    """The windowed Windows executable has no console: sys.stdout/stderr are None there."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> int:
    _quiet_missing_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 1 and args[0].lower().endswith(".ccws"):  # file association, Open with
        return run_app(Path(args[0]))
    if args and args[0] == "screenshots":
        from ui.screenshots import main as screenshots

        return screenshots(args[1:])
    if args:
        from app import cli

        return cli.main(args)
    if not has_display():
        return run_sample_headless()
    return run_app()


def entry() -> None:
    """The installed program (`countyclear`, and the bundle's executables): offline for its
    whole life, whatever it runs. (`main` stays free of the guard: tests call it in their
    own process, and the guard can never be removed.)"""
    from app import network_guard

    network_guard.install(allow_local=True)
    sys.exit(main())


if __name__ == "__main__":
    entry()
