"""Where CountyClear keeps its own files on this PC. COUNTYCLEAR_HOME overrides (tests)."""

import os
import sys
from pathlib import Path


def _resources() -> Path:
    """The shipped policies, courts, fonts, icons and sample."""
    if getattr(sys, "frozen", False):  # PyInstaller one-folder bundle
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    beside = Path(__file__).resolve().parent.parent / "resources"
    if beside.is_dir():  # a checkout, or an editable install of one
        return beside
    # `pip install .` puts them with the environment's data (pyproject.toml, data-files).
    return Path(sys.prefix) / "share" / "countyclear" / "resources"


RESOURCES = _resources()


def user_home() -> Path:
    override = os.environ.get("COUNTYCLEAR_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "CountyClear"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "countyclear"


def log_dir() -> Path:
    return user_home() / "logs"


def workspaces_dir() -> Path:
    return user_home() / "workspaces"


def settings_file() -> Path:
    return user_home() / "settings.toml"
