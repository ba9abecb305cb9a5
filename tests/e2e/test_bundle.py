"""The shipped product: the built one-folder bundle, the NSIS and MSI installers, the desktop entry.

Bundle tests check an already-built bundle: $COUNTYCLEAR_BUNDLE, else dist/CountyClear (build
it with `python packaging/build.py`); they skip, saying so, when there is none. The installer
tests compile installer/ against a stand-in bundle folder, so they run on any machine that has
makensis / wixl (Debian packages `nsis`, `wixl`, `msitools`).
"""

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from types import ModuleType

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parents[2]
NSIS_SCRIPT = ROOT / "installer" / "countyclear.nsi"


def load_packaging_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"countyclear_{name}", ROOT / "packaging" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def built_bundle() -> Path | None:
    """The bundle under test: $COUNTYCLEAR_BUNDLE always; dist/CountyClear only when it was
    built from the sources in this tree (a stale local build is skipped, not failed)."""
    named = os.environ.get("COUNTYCLEAR_BUNDLE")
    if named:
        return Path(named)
    candidate = ROOT / "dist" / "CountyClear"
    info = candidate / "_internal" / "countyclear-build.txt"
    if not info.is_file():
        return None
    digest = load_packaging_module("source_digest").source_digest(ROOT)
    return candidate if f"sources {digest}" in info.read_text(encoding="utf-8") else None


def gui_executable(bundle: Path) -> Path:
    windows = bundle / "CountyClear.exe"
    return windows if windows.exists() else bundle / "CountyClear"


def bundle_cli(bundle: Path) -> Path:
    windows = bundle / "countyclear-cli.exe"
    return windows if windows.exists() else bundle / "countyclear"


def offscreen_env(home: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTYCLEAR_HOME": str(home)}


def run_bundle_selftest(
    bundle: Path, home: Path, wrapper: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """`countyclear selftest` from the bundle, offscreen, optionally under `wrapper`."""
    return subprocess.run(
        [*wrapper, str(bundle_cli(bundle)), "selftest"],
        env=offscreen_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


NO_BUNDLE = (
    "no bundle built from these sources: run `python packaging/build.py` (or set "
    "COUNTYCLEAR_BUNDLE to a bundle folder)"
)
BUNDLE = built_bundle()  # decided once: the checkout may change while the tests run
requires_bundle = pytest.mark.skipif(BUNDLE is None, reason=NO_BUNDLE)


# --- the built bundle ----------------------------------------------------------------------


@pytest.fixture
def bundle() -> Path:
    assert BUNDLE is not None
    return BUNDLE


@requires_bundle
def test_bundle_selftest_passes_offscreen(bundle: Path, tmp_path: Path) -> None:
    done = run_bundle_selftest(bundle, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert str(bundle.resolve()) in done.stdout  # the frozen executable ran, not the source


@requires_bundle
def test_bundle_reports_the_source_version(bundle: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(bundle_cli(bundle)), "--version"],
        env=offscreen_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == f"CountyClear {__version__}"


@requires_bundle
def test_bundle_without_a_display_runs_the_sample_headless(bundle: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["COUNTYCLEAR_HOME"] = str(tmp_path)
    done = subprocess.run(
        [str(gui_executable(bundle))], env=env, capture_output=True, text=True, timeout=180,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    results = tmp_path / "sample-run"
    for name in ("determinations.csv", "summary.json", "exhibit_1.xlsx", "motion_and_order.pdf"):
        assert (results / name).is_file(), done.stdout


@requires_bundle
@pytest.mark.skipif(sys.platform == "win32", reason="the windowed exe has no stderr on Windows")
def test_bundle_desktop_app_opens_offscreen(bundle: Path, tmp_path: Path) -> None:
    """Qt loads inside the bundle and shows a window. The signal awaited is the offscreen
    platform's note, printed when a top-level window is shown."""
    env = {**offscreen_env(tmp_path), "HOME": str(tmp_path)}
    app = subprocess.Popen(
        [str(gui_executable(bundle))], env=env, stderr=subprocess.PIPE, text=True
    )
    watchdog = threading.Timer(120, app.kill)  # ends the read below if no window ever shows
    watchdog.start()
    seen: list[str] = []
    try:
        assert app.stderr is not None
        for line in app.stderr:
            seen.append(line)
            if "propagateSizeHints" in line:
                break
        shown = bool(seen) and "propagateSizeHints" in seen[-1]
        assert shown, "".join(seen)
        assert app.poll() is None, "".join(seen)  # still running its event loop
    finally:
        watchdog.cancel()
        app.kill()
        app.communicate()  # reap it and close the pipe
    assert not [line for line in seen if "Traceback" in line]


@requires_bundle
def test_bundle_has_both_executables_and_the_resources(bundle: Path) -> None:
    assert gui_executable(bundle).is_file()
    assert bundle_cli(bundle).is_file()
    resources = bundle / "_internal" / "resources"
    shipped = {p.relative_to(resources).as_posix() for p in resources.rglob("*") if p.is_file()}
    source = ROOT / "resources"
    expected = {
        p.relative_to(source).as_posix()
        for p in source.rglob("*")
        if p.is_file() and p.name != "doj_sample.dat" and "__pycache__" not in p.parts
    }
    assert shipped == expected
    assert "sample/doj_sample.dat" not in shipped  # never the clear-text sample


@requires_bundle
def test_bundle_ships_one_polars_runtime_that_needs_no_avx2(bundle: Path) -> None:
    runtimes = sorted(p.name for p in (bundle / "_internal").glob("_polars_runtime*"))
    assert runtimes == ["_polars_runtime_compat"]


@requires_bundle
def test_bundle_leaves_out_unused_and_network_qt(bundle: Path) -> None:
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()]
    qt_libs = {re.sub(r"^(lib)?Qt6(\w+).*$", r"\2", Path(f).name) for f in files if "Qt6" in f}
    assert {"Core", "Gui", "Widgets"} <= qt_libs
    assert not qt_libs & {"Network", "Qml", "Quick", "Pdf", "WebEngineCore", "Sql"}
    plugins = [f for f in files if "/plugins/" in f]
    assert any("/platforms/" in f and "offscreen" in f for f in plugins)
    assert not [f for f in plugins if re.search(r"/(tls|networkinformation|sqldrivers)/", f)]
    if sys.platform.startswith("linux"):
        assert "DBus" in qt_libs  # libQt6Gui needs it on Linux
        assert not [f for f in files if "translations/" in f]


@requires_bundle
def test_bundle_contains_no_network_client(bundle: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle_cli(bundle)))
    pyz = archive.open_embedded_archive("PYZ.pyz")
    modules = set(pyz.toc)
    forbidden = {"ssl", "requests", "urllib3", "httpx", "aiohttp", "PySide6.QtNetwork"}
    assert not {m for m in modules if m.split(".")[0] in forbidden or m in forbidden}
    assert not [m for m in modules if re.search(r"updat|telemetr|sentry|analytics", m, re.I)]
    assert "app.commands.selftest" in modules


# --- the installers, against a stand-in bundle ---------------------------------------------


@pytest.fixture
def stand_in_bundle(tmp_path: Path) -> Path:
    """A folder shaped like the Windows bundle (the real one is built on Windows)."""
    bundle = tmp_path / "CountyClear"
    (bundle / "_internal" / "resources" / "policies").mkdir(parents=True)
    (bundle / "CountyClear.exe").write_bytes(b"MZ stand-in gui")
    (bundle / "countyclear-cli.exe").write_bytes(b"MZ stand-in cli")
    (bundle / "_internal" / "resources" / "policies" / "statutory.toml").write_text("id = 1\n")
    return bundle


def makensis(*args: str) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("makensis")
    if tool is None:
        pytest.skip("makensis is not installed (Debian package `nsis`)")
    return subprocess.run(
        [tool, *args, str(NSIS_SCRIPT)], capture_output=True, text=True, timeout=120, check=False
    )


def test_nsis_installer_compiles_without_warnings(stand_in_bundle: Path, tmp_path: Path) -> None:
    setup = tmp_path / "CountyClear-9.8.7-setup.exe"

    done = makensis(
        "-WX", "-V4", "-DVERSION=9.8.7", f"-DSOURCE_DIR={stand_in_bundle}", f"-DOUTFILE={setup}"
    )

    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert not re.search(r"\bwarnings?\b", log, re.I), log  # makensis: "warning 9000: ..."
    for name in ("CountyClear.exe", "countyclear-cli.exe", "statutory.toml"):
        assert f'File: "{name}"' in log  # every file of the bundle is packed
    data = setup.read_bytes()
    assert data.startswith(b"MZ")
    for text in ("ProductVersion", "9.8.7", "CountyClear"):
        assert text.encode("utf-16-le") in data  # the version resource Explorer shows


def test_nsis_installer_is_per_user_and_keeps_user_data() -> None:
    script = NSIS_SCRIPT.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in script
    uninstall = script[script.index('Section "Uninstall"') :].splitlines()
    touching_user_data = [
        line for line in uninstall if "$LOCALAPPDATA\\${APP}" in line and "DetailPrint" not in line
    ]
    assert touching_user_data == []
    assert 'RMDir /r "$INSTDIR"' not in uninstall  # never a recursive delete of the folder


def test_nsis_refuses_a_folder_without_the_windows_app(tmp_path: Path) -> None:
    done = makensis("-WX", f"-DSOURCE_DIR={tmp_path}", f"-DOUTFILE={tmp_path / 'x-setup.exe'}")

    assert done.returncode != 0
    assert "No Windows bundle" in done.stdout + done.stderr


def test_msi_builds_with_wixl(stand_in_bundle: Path, tmp_path: Path) -> None:
    if shutil.which("wixl") is None or shutil.which("wixl-heat") is None:
        pytest.skip("wixl is not installed (Debian package `wixl`)")
    build = load_packaging_module("build")
    out = tmp_path / "out"
    out.mkdir()

    msi = build.build_msi(stand_in_bundle, "9.8.7", out_dir=out)

    assert msi.read_bytes().startswith(bytes.fromhex("d0cf11e0a1b11ae1"))  # an MSI database
    if shutil.which("msiinfo") is None:
        pytest.skip("msiinfo (Debian package `msitools`) is needed to read the MSI back")
    files = subprocess.run(["msiinfo", "export", str(msi), "File"], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    for name in ("CountyClear.exe", "countyclear-cli.exe", "statutory.toml"):
        assert f"\t{name}\t" in files
    registry = subprocess.run(["msiinfo", "export", str(msi), "Registry"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
    assert "Software\\Classes\\.ccws" in registry
    properties = subprocess.run(["msiinfo", "export", str(msi), "Property"],
                                capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "ProductVersion\t9.8.7" in properties


def test_linux_desktop_entry() -> None:
    path = ROOT / "installer" / "countyclear.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "countyclear"
    assert "application/x-countyclear-workspace" in section["MimeType"]
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        done = subprocess.run([validator, str(path)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


def test_installers_associate_the_workspace_suffix_the_app_writes() -> None:
    from app.review.workspace import SUFFIX

    nsis = NSIS_SCRIPT.read_text(encoding="utf-8")
    assert f'!define WORKSPACE_EXT "{SUFFIX}"' in nsis
    wxs = (ROOT / "installer" / "countyclear.wxs").read_text(encoding="utf-8")
    assert f'Key="Software\\Classes\\{SUFFIX}"' in wxs
    mime = (ROOT / "installer" / "countyclear-mime.xml").read_text(encoding="utf-8")
    assert f'<glob pattern="*{SUFFIX}"/>' in mime


def test_nsis_installer_installs_and_uninstalls_under_wine(
    stand_in_bundle: Path, tmp_path: Path
) -> None:
    """Run the real setup.exe silently in a private Wine prefix: per-user files, shortcut,
    association and Apps entry; then the uninstaller removes them and keeps the user's data."""
    wine, wineserver = shutil.which("wine"), shutil.which("wineserver")
    if wine is None or wineserver is None:
        pytest.skip("wine is not installed (Debian packages `wine`, `wine64`)")
    setup = tmp_path / "CountyClear-9.8.7-setup.exe"
    built = makensis("-WX", "-DVERSION=9.8.7", f"-DSOURCE_DIR={stand_in_bundle}",
                     f"-DOUTFILE={setup}")  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    prefix = tmp_path / "wine"
    # No Mono/Gecko prompts, no menu entries exported to the desktop, nothing in the real home.
    env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all",
           "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
           "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # fmt: skip
    env.pop("DISPLAY", None)

    def windows(*command: str) -> None:
        subprocess.run([wine, *command], env=env, capture_output=True, timeout=300, check=True)
        subprocess.run([wineserver, "-w"], env=env, timeout=120, check=True)  # registry saved

    windows(str(setup), "/S")
    home = next(p for p in (prefix / "drive_c" / "users").iterdir() if p.name != "Public")
    app = home / "AppData" / "Local" / "Programs" / "CountyClear"
    start_menu = home / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    registry = (prefix / "user.reg").read_text(encoding="utf-8", errors="replace")

    assert (app / "CountyClear.exe").read_bytes() == b"MZ stand-in gui"
    assert (app / "_internal" / "resources" / "policies" / "statutory.toml").is_file()
    assert (start_menu / "CountyClear.lnk").is_file()
    assert not list(home.glob("Desktop/CountyClear.lnk"))  # offered, not ticked by default
    assert "[Software\\\\Classes\\\\.ccws]" in registry
    assert '"DisplayVersion"="9.8.7"' in registry

    data = home / "AppData" / "Local" / "CountyClear" / "workspaces"
    data.mkdir(parents=True)
    (data / "case.ccws").write_bytes(b"the clerk's work")
    windows(str(app / "Uninstall.exe"), "/S", f"_?={windows_path(app, home)}")
    registry = (prefix / "user.reg").read_text(encoding="utf-8", errors="replace")

    assert not (app / "CountyClear.exe").exists() and not (app / "_internal").exists()
    assert not (start_menu / "CountyClear.lnk").exists()
    assert "ccws" not in registry and "CountyClear" not in registry
    assert (data / "case.ccws").read_bytes() == b"the clerk's work"  # user data kept


def windows_path(path: Path, home: Path) -> str:
    """The Wine (Windows) spelling of a path under the prefix's user folder."""
    return "C:\\users\\" + home.name + "\\" + str(path.relative_to(home)).replace("/", "\\")


def test_qt_trim_follows_the_ui_imports_and_keeps_the_needed_plugins(tmp_path: Path) -> None:
    qt_trim = load_packaging_module("qt_trim")
    (tmp_path / "view.py").write_text(
        "from PySide6.QtPrintSupport import QPrinter\nfrom PySide6 import QtSvg, QtCore\n"
    )
    assert qt_trim.used_qt_modules(tmp_path) == {
        "QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg"
    }  # fmt: skip
    kept = [
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/lib/libQt6DBus.so.6",
    ]
    dropped = [
        "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/plugins/tls/qopensslbackend.dll",
        "PySide6/plugins/networkinformation/qnetworklistmanager.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/opengl32sw.dll",
    ]
    assert [qt_trim.keep_qt_file(path) for path in kept] == [True] * len(kept)
    assert [qt_trim.keep_qt_file(path) for path in dropped] == [False] * len(dropped)
