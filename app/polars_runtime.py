"""Which of polars' native runtimes to load. Runs before polars is imported; imports no polars.

CountyClear installs `polars[rtcompat]` so that it runs on office PCs without AVX2, and
polars then always loads that compatible runtime, even where its default runtime (built for
AVX2 CPUs, `_polars_runtime_32`) is installed beside it and the CPU can run it. The default
one evaluated the 1,000,000-row benchmark file about a tenth faster here, with byte-identical
results (benchmarks/README.md). So when both are installed and the CPU has every feature the
default one was built for, ask polars to prefer it. The Windows bundle ships the compatible
runtime alone (packaging/countyclear.spec), where this changes nothing.
"""

import importlib.util
import os
from pathlib import Path
from types import ModuleType

FAST = "_polars_runtime_32"
COMPATIBLE = "_polars_runtime_compat"


def prefer_fast_runtime() -> str | None:
    """Set POLARS_PREFER_PKG=32 when that runtime is installed and this CPU can run it; the
    runtime chosen, or None to leave polars' own choice. A choice the user made wins."""
    if "POLARS_FORCE_PKG" in os.environ or "POLARS_PREFER_PKG" in os.environ:
        return None
    try:
        needed = _build_features(FAST)
        if needed is None or importlib.util.find_spec(COMPATIBLE) is None:
            return None
        supported = _cpu_features()
    except Exception:  # any doubt keeps the runtime that runs on every CPU
        return None
    if not needed or not all(supported.get(feature) for feature in needed):
        return None
    os.environ["POLARS_PREFER_PKG"] = "32"
    return FAST


def _build_features(package: str) -> list[str] | None:
    """The CPU features a runtime package was built for (None when it is not installed)."""
    if importlib.util.find_spec(package) is None:
        return None
    flags = str(importlib.import_module(f"{package}.build_feature_flags").BUILD_FEATURE_FLAGS)
    return [f.lstrip("+") for f in flags.split(",") if f.startswith("+")]


def _cpu_features() -> dict[str, bool]:
    """This CPU's features, read by polars' own check (CPUID), loaded from its file without
    importing polars itself, which would load a runtime."""
    spec = importlib.util.find_spec("polars")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "_cpu_check.py"
    check_spec = importlib.util.spec_from_file_location("_countyclear_polars_cpu_check", path)
    if check_spec is None or check_spec.loader is None:
        return {}
    module: ModuleType = importlib.util.module_from_spec(check_spec)
    check_spec.loader.exec_module(module)
    features = module._read_cpu_flags()
    return {str(name): bool(value) for name, value in features.items()}
