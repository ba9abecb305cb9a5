"""The app's own preferences (window geometry, recent workspaces) as an INI in the user's
CountyClear folder, never the registry, so a county IT person can see and reset it."""

from pathlib import Path

from PySide6.QtCore import QSettings

from app.paths import user_home

RECENT_LIMIT = 8


def ui_settings() -> QSettings:
    path = user_home() / "ui.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def recent_workspaces() -> list[Path]:
    """Recent workspaces that still exist, most recent first."""
    value = ui_settings().value("recent/workspaces", [])
    # An INI list of one comes back as a plain string.
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [Path(n) for n in names if Path(n).exists()]


def remember_workspace(path: Path) -> None:
    names = [str(path)] + [str(p) for p in recent_workspaces() if p != path]
    settings = ui_settings()
    settings.setValue("recent/workspaces", names[:RECENT_LIMIT])
    settings.sync()
