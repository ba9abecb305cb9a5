"""The desktop app runs with app.network_guard on: started through the launcher's real path
in a child process (the guard cannot be removed, so never in the test process itself)."""

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.subprocesses import run_python

ROOT = Path(__file__).resolve().parents[2]

# Runs in the child. The main window is wrapped only to see the moment it is built and to
# probe from inside the running event loop once it shows, then close it (which quits the app).
APP_PROBE = """
import json, socket, sys, tempfile
from pathlib import Path

import keyring

from app import network_guard
from app.intake.memory_keyring import install_memory_keyring
import ui.main_window
from ui import launcher

install_memory_keyring()
port = int(sys.argv[1])
seen = {}

def probe(window):
    seen["window_visible"] = window.isVisible()
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        seen["tcp"] = "connected"
    except network_guard.NetworkBlocked:
        seen["tcp"] = "blocked"
    except OSError as exc:
        seen["tcp"] = f"other error: {exc}"
    try:
        socket.getaddrinfo("localhost", 80)
        seen["lookup"] = "resolved"
    except network_guard.NetworkBlocked:
        seen["lookup"] = "blocked"
    # What the Linux keyring needs: a Unix socket connection (to D-Bus), here to our own.
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "bus")
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(path)
            server.listen(1)
            with socket.socket(socket.AF_UNIX) as client:
                client.connect(path)
                peer, _ = server.accept()
                client.sendall(b"ping")
                seen["unix"] = peer.recv(4).decode()
                peer.close()
    keyring.set_password("CountyClear", "workspace key probe", "s3cret")
    seen["keyring"] = keyring.get_password("CountyClear", "workspace key probe")
    window.close()

class ProbedWindow(ui.main_window.MainWindow):
    def __init__(self):
        seen["guard_before_window"] = network_guard.installed()
        super().__init__()
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, lambda: probe(self))

ui.main_window.MainWindow = ProbedWindow
code = launcher.main([])
sys.stdout.write("PROBE " + json.dumps(seen) + "\\n")
sys.exit(code)
"""


@pytest.fixture
def listening_port() -> Iterator[int]:
    """A real TCP listener on 127.0.0.1: without the guard the child's connection succeeds."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        yield int(server.getsockname()[1])


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="the probe uses a Unix socket")
def test_the_desktop_app_runs_offline_with_local_ipc_and_keyring(listening_port: int) -> None:
    done = run_python(APP_PROBE, str(listening_port))
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("PROBE "))
    assert json.loads(line.removeprefix("PROBE ")) == {
        "guard_before_window": True,
        "window_visible": True,
        "tcp": "blocked",
        "lookup": "blocked",
        "unix": "ping",
        "keyring": "s3cret",
    }
