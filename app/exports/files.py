"""Writing documents safely: whole file or nothing, and never over an existing one silently."""

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from app.errors import InputError


def write_atomically(path: Path, data: bytes) -> None:
    """Write, fsync, then rename over `path`: a crash leaves the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory; NTFS journals the rename
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def refuse_existing(paths: Iterable[Path], *, force: bool) -> None:
    """Stop before writing anything if a document would replace one already there."""
    if force:
        return
    for path in paths:
        if path.exists():
            raise InputError(
                str(path),
                "already exists and was left unchanged; move it away or export again with "
                "--force to replace it",
            )
