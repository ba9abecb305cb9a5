"""A DOJ file as the reader sees it: a display name and its bytes, already decrypted.

Intake (app/intake) turns plain, OpenPGP and AES-zip deliveries into these; decrypted bytes
never touch the disk in the clear. A plain file on disk may be passed by path instead, so
polars can map it without a second copy in memory.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DojSource:
    name: str  # what messages call the file: the path, or "archive.zip!inner.dat"
    data: bytes | None = None
    protected: bool = True  # False for a plain-text delivery (the UI warns)
    path: Path | None = None

    @classmethod
    def from_path(cls, path: Path) -> "DojSource":
        return cls(name=str(path), path=path, protected=False)

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None, "a DojSource needs data or a path"
        return self.path.read_bytes()
