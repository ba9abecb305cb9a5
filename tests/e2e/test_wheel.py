"""`pip install .` (not editable) gives a working CountyClear: the wheel carries resources/
(policies, courts, fonts, icons, the sample) and the installed code finds them."""

import importlib.metadata
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*command: str | Path, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True,
                          timeout=300, check=False, env=env)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Built from a copy: setuptools leaves build/ and *.egg-info beside the sources, and a
    # later build of the checkout would reuse that build/lib, deleted modules included.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("app", "ui", "resources"):
        shutil.copytree(ROOT / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, source)
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("countyclear-*.whl")
    return found


def test_the_wheel_carries_every_resource(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n.split("/share/countyclear/", 1)[1] for n in names if "/share/countyclear/" in n}
    expected = {
        str(p.relative_to(ROOT).as_posix())
        for p in (ROOT / "resources").rglob("*") if p.is_file()
    }
    assert shipped == expected


def test_an_installed_copy_finds_its_resources_and_passes_the_selftest(
    wheel: Path, tmp_path: Path
) -> None:
    env_dir = tmp_path / "env"
    made = _run(sys.executable, "-m", "venv", "--without-pip", env_dir)
    assert made.returncode == 0, made.stderr
    # --ignore-installed: without it pip first uninstalls the copy this environment runs.
    installed = _run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                     "--no-index", "--ignore-installed", "--prefix", env_dir, wheel)
    assert installed.returncode == 0, installed.stderr
    assert importlib.metadata.distribution("countyclear").files  # ours is still installed
    # The new environment borrows this one's libraries (polars, Qt...), listed after its
    # own site-packages, so `app` comes from the installed copy, not from this checkout.
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    (Path(site.stdout.strip()) / "borrowed.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTYCLEAR_HOME": str(tmp_path),
           "TMPDIR": str(tmp_path)}
    env.pop("PYTHONPATH", None)
    where = _run(python, "-c", "import app.paths as p; print(p.__file__); print(p.RESOURCES)",
                 env={**env, "PYTHONSAFEPATH": "1"})
    module, resources = where.stdout.split()
    assert Path(module).is_relative_to(env_dir), where.stdout + where.stderr
    assert Path(resources) == env_dir / "share" / "countyclear" / "resources"
    selftest = _run(python, "-P", "-m", "app.cli", "selftest", env=env)
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert "self-test passed" in selftest.stdout + selftest.stderr
