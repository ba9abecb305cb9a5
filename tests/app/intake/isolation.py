"""A child process with its own empty home and temp folders, to show that nothing lands there."""

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Isolated:
    """Empty `inputs`, `home` and `temp` folders under one test folder."""

    inputs: Path
    home: Path
    temp: Path

    @classmethod
    def under(cls, root: Path) -> "Isolated":
        folders = cls(root / "inputs", root / "home", root / "temp")
        for folder in (folders.inputs, folders.home, folders.temp):
            folder.mkdir()
        return folders

    def listings(self) -> tuple[set[str], set[str], set[str]]:
        """Every path below home, temp and inputs, to compare before and after."""
        return listing(self.home), listing(self.temp), listing(self.inputs)

    def env(self, **extra: str) -> dict[str, str]:
        """A child's environment whose home, temp and per-user data folders are these."""
        home, temp = str(self.home), str(self.temp)
        return {
            "PATH": os.environ.get("PATH", ""),
            "HOME": home,
            "USERPROFILE": home,
            "TMPDIR": temp,
            "TEMP": temp,
            "TMP": temp,
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "PYTHONDONTWRITEBYTECODE": "1",
            **extra,
        }


def listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}
