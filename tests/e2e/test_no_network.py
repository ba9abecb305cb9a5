"""Nothing reaches out: the self-test passes with every socket refused, and without a network.

Two independent fences: an audit hook refusing every socket and name lookup (from source,
app.network_guard), and a Linux network namespace with no interfaces (`unshare -n`, needs
root or user namespaces) for the source run and for the built bundle.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_bundle import BUNDLE, NO_BUNDLE, run_bundle_selftest
from tests.subprocesses import run_python

ROOT = Path(__file__).resolve().parents[2]

# A recorder hook runs before the guard, so an attempt that some library catches and ignores
# still shows up on stderr.
FENCED_SELFTEST = """
import sys
def record(event, args):
    if event.startswith("socket."):
        sys.stderr.write(f"NETWORK ATTEMPT {event} {args!r}\\n")
sys.addaudithook(record)
from app import network_guard
network_guard.install(allow_local=False)
from app.cli import main
sys.exit(main(["selftest"]))
"""


def network_namespace_works() -> bool:
    unshare = shutil.which("unshare")
    if unshare is None or not sys.platform.startswith("linux"):
        return False
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, check=False)
    return probe.returncode == 0


requires_netns = pytest.mark.skipif(
    not network_namespace_works(),
    reason="`unshare -n` is not permitted here (needs root or user namespaces)",
)


def test_guard_refuses_sockets_and_lookups() -> None:
    done = run_python(
        """
import socket
from app import network_guard
network_guard.install()
socket.socket(socket.AF_UNIX).close()  # local IPC stays allowed by default
for attempt in (lambda: socket.socket(), lambda: socket.getaddrinfo("localhost", 80),
                lambda: socket.create_connection(("127.0.0.1", 9))):
    try:
        attempt()
        print("allowed")
    except network_guard.NetworkBlocked:
        print("refused")
network_guard.install(allow_local=False)
try:
    socket.socket(socket.AF_UNIX)
    print("allowed")
except network_guard.NetworkBlocked:
    print("refused")
"""
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["refused"] * 4


def test_selftest_passes_with_every_socket_refused() -> None:
    done = run_python(FENCED_SELFTEST)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert "NETWORK ATTEMPT" not in done.stderr


@requires_netns
def test_selftest_passes_without_a_network() -> None:
    done = run_python("import sys; from app.cli import main; sys.exit(main(['selftest']))",
                      prefix=("unshare", "-n"))

    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout


@requires_netns
@pytest.mark.skipif(BUNDLE is None, reason=NO_BUNDLE)
def test_bundle_selftest_passes_without_a_network(tmp_path: Path) -> None:
    assert BUNDLE is not None
    done = run_bundle_selftest(BUNDLE, tmp_path, wrapper=("unshare", "-n"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
