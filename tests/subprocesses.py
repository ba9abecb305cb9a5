"""Python code run in a child process from the repository root, Qt offscreen: for what must
not touch the test process (an audit hook that cannot be removed, a network namespace)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, *args: str, prefix: tuple[str, ...] = ()
               ) -> subprocess.CompletedProcess[str]:
    """`python -c code args...`, under `prefix` (e.g. `unshare -n`); never raises on exit."""
    return subprocess.run(
        [*prefix, sys.executable, "-c", code, *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
