"""Build the CountyClear one-folder bundle (and, on request, its installers) with one command.

    python packaging/build.py                 bundle -> dist/CountyClear/ (Linux or Windows)
    python packaging/build.py --selftest      ... then run the bundle's self-test offscreen
    python packaging/build.py --installer     ... then the NSIS setup.exe (Windows bundle)
    python packaging/build.py --msi           ... then the MSI for IT departments (wixl)

Run it with the project's Python (the .venv that has the dev extras installed). The installer
steps need a *Windows* bundle: build on Windows, or pass --bundle DIR pointing at a Windows
bundle copied to this machine (makensis and wixl run on Linux too).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "countyclear.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NSIS_SCRIPT = ROOT / "installer" / "countyclear.nsi"
WXS = ROOT / "installer" / "countyclear.wxs"


def app_version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if match is None:
        raise SystemExit("app/__init__.py has no __version__ line")
    return match.group(1)


def numeric_version(version: str) -> str:
    """Windows version resources want four numbers: 0.1.0rc1 -> 0.1.0.0."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:3]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def cli_executable(bundle: Path) -> Path:
    """The console executable: countyclear-cli.exe on Windows, countyclear elsewhere."""
    windows = bundle / "countyclear-cli.exe"
    return windows if windows.exists() else bundle / "countyclear"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle(clean: bool) -> Path:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK)]
    if clean:
        command.append("--clean")
    started = time.perf_counter()
    subprocess.run([*command, str(SPEC)], cwd=ROOT, check=True)
    bundle = DIST / "CountyClear"
    files = sum(1 for p in bundle.rglob("*") if p.is_file())
    size = folder_size(bundle)
    print(
        f"bundle: {bundle}  {size / 1e6:.0f} MB ({size / 2**20:.0f} MiB) in {files} files, "
        f"built in {time.perf_counter() - started:.0f} s"
    )
    return bundle


def run_selftest(bundle: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory(prefix="countyclear-home-") as home:
        env["COUNTYCLEAR_HOME"] = home  # leave the builder's own settings alone
        started = time.perf_counter()
        done = subprocess.run([str(cli_executable(bundle)), "selftest"], env=env, check=False)
        elapsed = time.perf_counter() - started
    print(f"selftest: exit {done.returncode} in {elapsed:.2f} s (start-up included)")
    if done.returncode != 0:
        raise SystemExit(done.returncode)


def require_windows_bundle(bundle: Path) -> None:
    if not (bundle / "CountyClear.exe").exists():
        raise SystemExit(
            f"{bundle} is not a Windows bundle (no CountyClear.exe). Build on Windows, or pass "
            "--bundle with a Windows bundle (e.g. the Windows CI job's artifact)."
        )


def build_installer(bundle: Path, version: str, out_dir: Path = DIST) -> Path:
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis not found: install NSIS (Debian: apt-get install nsis)")
    require_windows_bundle(bundle)
    out = out_dir / f"CountyClear-{version}-setup.exe"
    subprocess.run(
        [
            makensis, "-WX", "-V2",
            f"-DVERSION={version}", f"-DVIVERSION={numeric_version(version)}",
            f"-DSOURCE_DIR={bundle}", f"-DOUTFILE={out}", str(NSIS_SCRIPT),
        ],
        check=True,
    )  # fmt: skip
    print(f"installer: {out}  {out.stat().st_size / 1e6:.0f} MB")
    return out


def build_msi(bundle: Path, version: str, out_dir: Path = DIST) -> Path:
    wixl, heat = shutil.which("wixl"), shutil.which("wixl-heat")
    if wixl is None or heat is None:
        raise SystemExit("wixl not found: install msitools' wixl (Debian: apt-get install wixl)")
    require_windows_bundle(bundle)
    out = out_dir / f"CountyClear-{version}.msi"
    # wixl resolves file sources relative to the working directory and rejects absolute paths.
    files = sorted(
        p.relative_to(bundle.parent).as_posix() for p in bundle.rglob("*") if p.is_file()
    )
    with tempfile.TemporaryDirectory() as tmp:
        fragment = Path(tmp) / "files.wxs"
        listing = subprocess.run(
            [heat, "--prefix", f"{bundle.name}/", "--directory-ref", "INSTALLDIR",
             "--component-group", "AppFiles", "--var", "var.SourceDir", "--win64"],
            input="\n".join(files) + "\n", capture_output=True, text=True, check=True,
        )  # fmt: skip
        fragment.write_text(listing.stdout, encoding="utf-8")
        subprocess.run(
            [wixl, "-a", "x64", "-D", f"Version={numeric_version(version)}",
             "-D", f"SourceDir={bundle.name}", "-D", "Win64=yes",
             "-o", str(out.resolve()), str(WXS), str(fragment)],
            cwd=bundle.parent, check=True,
        )  # fmt: skip
    print(f"msi: {out}  {out.stat().st_size / 1e6:.0f} MB")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--selftest", action="store_true", help="run the bundle's self-test")
    parser.add_argument("--installer", action="store_true", help="build the NSIS setup.exe")
    parser.add_argument("--msi", action="store_true", help="build the MSI with wixl")
    parser.add_argument("--no-clean", action="store_true", help="reuse PyInstaller's cache")
    parser.add_argument(
        "--bundle", type=Path, help="use this existing bundle instead of building one"
    )
    args = parser.parse_args()
    version = app_version()
    DIST.mkdir(exist_ok=True)
    try:
        bundle = args.bundle.resolve() if args.bundle else build_bundle(clean=not args.no_clean)
        if args.selftest:
            run_selftest(bundle)
        if args.installer:
            build_installer(bundle, version)
        if args.msi:
            build_msi(bundle, version)
    except subprocess.CalledProcessError as exc:
        print(f"build failed: {' '.join(map(str, exc.cmd))} exited {exc.returncode}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
