"""Where CountyClear keeps its own files on this PC. COUNTYCLEAR_HOME overrides (tests)."""

import os
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
if getattr(sys, "frozen", False):  # PyInstaller one-folder bundle
    RESOURCES = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"


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
