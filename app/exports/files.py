"""Documents are never written over an existing file silently (docs/ARCHITECTURE.md, principles).

Writing itself is app.fileio.atomic_write_bytes: whole file or nothing.
"""

from collections.abc import Iterable
from pathlib import Path

from app.errors import InputError


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
