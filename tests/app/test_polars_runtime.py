"""app/polars_runtime: the AVX2 runtime only where the CPU can run it, never over a choice the
user made, and polars' compatible runtime whenever the check cannot decide."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from polars._cpu_check import _read_cpu_flags

from app import polars_runtime

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLARS_FORCE_PKG", raising=False)
    monkeypatch.delenv("POLARS_PREFER_PKG", raising=False)


def _cpu_can_run_fast() -> bool:
    flags = polars_runtime._build_features(polars_runtime.FAST) or []
    supported = _read_cpu_flags()
    return bool(flags) and all(supported.get(f) for f in flags)


def test_both_runtimes_are_installed() -> None:
    """pyproject asks for polars[rtcompat]; polars itself brings its default runtime."""
    for package in (polars_runtime.FAST, polars_runtime.COMPATIBLE):
        assert importlib.util.find_spec(package) is not None, package


def test_the_choice_agrees_with_polars_own_cpu_check(clean_env: None) -> None:
    chosen = polars_runtime.prefer_fast_runtime()
    expected = polars_runtime.FAST if _cpu_can_run_fast() else None
    assert chosen == expected
    assert os.environ.get("POLARS_PREFER_PKG") == ("32" if expected else None)


def test_reads_the_same_features_as_polars(clean_env: None) -> None:
    assert polars_runtime._cpu_features() == _read_cpu_flags()


def test_a_cpu_without_a_feature_keeps_the_compatible_runtime(
    clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(polars_runtime, "_cpu_features",
                        lambda: {**_read_cpu_flags(), "avx2": False})
    assert polars_runtime.prefer_fast_runtime() is None
    assert "POLARS_PREFER_PKG" not in os.environ


def test_a_failing_check_keeps_the_compatible_runtime(
    clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> dict[str, bool]:
        raise RuntimeError("could not execute mprotect for CPUID check")

    monkeypatch.setattr(polars_runtime, "_cpu_features", broken)
    assert polars_runtime.prefer_fast_runtime() is None
    assert "POLARS_PREFER_PKG" not in os.environ


def test_without_the_compatible_runtime_polars_chooses_alone(
    clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(polars_runtime.importlib.util, "find_spec",
                        lambda name, *a: None if name == polars_runtime.COMPATIBLE
                        else real(name, *a))
    assert polars_runtime.prefer_fast_runtime() is None


@pytest.mark.parametrize("variable", ["POLARS_FORCE_PKG", "POLARS_PREFER_PKG"])
def test_the_users_own_choice_wins(variable: str, clean_env: None,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(variable, "compat")
    assert polars_runtime.prefer_fast_runtime() is None
    assert os.environ[variable] == "compat"


def _runtime_loaded(env: dict[str, str]) -> str:
    code = "import app, polars._plr as plr; print(plr.RUNTIME_REPR)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT, env=env).stdout.strip()


def test_importing_app_loads_the_chosen_runtime() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("POLARS_FORCE_PKG", "POLARS_PREFER_PKG")}
    assert _runtime_loaded(env) == ("rt32" if _cpu_can_run_fast() else "rtcompat")
    assert _runtime_loaded({**env, "POLARS_FORCE_PKG": "compat"}) == "rtcompat"
