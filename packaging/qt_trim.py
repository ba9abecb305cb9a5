"""Which parts of Qt the CountyClear bundle ships (used by countyclear.spec and hooks/).

PySide6-Essentials brings ~250 MB of Qt; the app needs QtCore, QtGui, QtWidgets and a handful
of plugins. Plugins are filtered inside the Qt hooks (packaging/hooks/), before PyInstaller
follows their shared-library dependencies: filtering afterwards would leave GTK, Wayland and
Kerberos libraries that only the dropped plugins needed.
"""

import importlib.util
import re
from pathlib import Path

ALWAYS_USED = frozenset({"QtCore", "QtGui", "QtWidgets"})

# Kept plugins, as paths under .../plugins/. platforms: offscreen (CI, headless), xcb (Linux
# desktop), windows, minimal; styles: the native Windows look; imageformats: ico (window
# icon); compose: dead keys on Linux. Dropped: wayland (Qt falls back to xcb/XWayland), the
# GTK theme (drags in GTK), tls and networkinformation (network), sql, print, qml, EGL,
# touch and input-device plugins, Qt's own translations (the app is English only).
_KEPT_PLUGIN = re.compile(
    r"plugins[/\\]("
    r"platforms[/\\](lib)?q(offscreen|xcb|windows|minimal)\b"
    r"|styles[/\\]"
    r"|imageformats[/\\](lib)?qico\b"
    r"|platforminputcontexts[/\\]libcomposeplatforminputcontextplugin"
    r")",
    re.IGNORECASE,
)
_PLUGIN = re.compile(r"PySide6[/\\](Qt[/\\])?plugins[/\\]", re.IGNORECASE)
# Windows: Mesa software OpenGL (20 MB) is a fallback for OpenGL/Quick apps; widgets never use it.
_SOFTWARE_OPENGL = re.compile(r"(^|[/\\])opengl32sw\.dll$", re.IGNORECASE)
_TRANSLATION = re.compile(r"PySide6[/\\](Qt[/\\])?translations[/\\]", re.IGNORECASE)


def used_qt_modules(ui_dir: Path) -> set[str]:
    """QtCore/QtGui/QtWidgets plus every PySide6 module the sources under ui_dir import."""
    used = set(ALWAYS_USED)
    for source in ui_dir.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        used.update(re.findall(r"PySide6\.(Qt\w+)", text))
        for names in re.findall(r"from PySide6 import \(?([^)\n]+)", text):
            used.update(re.findall(r"Qt\w+", names))
    return used


def installed_qt_modules() -> set[str]:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise SystemExit("PySide6 is not installed in this environment")
    return {
        path.name.split(".")[0]
        for path in Path(spec.origin).parent.glob("Qt*")
        if path.suffix == ".pyd" or path.name.endswith(".so")
    }


def keep_qt_file(dest: str) -> bool:
    """Whether a collected file (its destination path in the bundle) is shipped."""
    if _TRANSLATION.search(dest) or _SOFTWARE_OPENGL.search(dest):
        return False
    if _PLUGIN.search(dest):
        return bool(_KEPT_PLUGIN.search(dest))
    return True


def trim_hook_result(
    result: tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]],
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """Filter a Qt hook's (hiddenimports, binaries, datas): binaries are (source, dest dir)."""
    hiddenimports, binaries, datas = result

    def kept(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(src, dst) for src, dst in entries if keep_qt_file(f"{dst}/{Path(src).name}")]

    return hiddenimports, kept(binaries), kept(datas)
