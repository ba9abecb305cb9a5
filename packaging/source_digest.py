"""A digest of the sources a bundle is built from, so tests can tell a stale bundle.

The spec writes it into the bundle (`_internal/countyclear-build.txt`); tests/e2e/test_bundle.py
compares it with the working tree and skips, saying so, when dist/CountyClear is older than
the code (an explicit COUNTYCLEAR_BUNDLE is always tested).
"""

import hashlib
from pathlib import Path

BUILD_INFO = "countyclear-build.txt"
SOURCE_DIRS = ("app", "ui", "resources", "packaging")


def source_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for folder in SOURCE_DIRS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()
