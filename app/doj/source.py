"""A DOJ file as the reader sees it: a display name and its bytes, already decrypted.

Intake (app/intake) turns plain, OpenPGP and AES-zip deliveries into these; the bytes never
touch the disk in the clear.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DojSource:
    name: str  # what messages call the file: the path, or "archive.zip!inner.dat"
    data: bytes
    protected: bool = True  # False for a plain-text delivery (the UI warns)

    @classmethod
    def from_path(cls, path: Path) -> "DojSource":
        return cls(name=str(path), data=path.read_bytes(), protected=False)
