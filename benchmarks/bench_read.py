"""The yardstick: polars reading a DOJ file with every column as text (median of N runs).

    .venv/bin/python benchmarks/bench_read.py [FILE] [--runs 5]

FILE defaults to bench-data/doj_1m.dat (benchmarks/make_data.py writes it). Each run is a
fresh process, so its peak memory (max RSS) is its own; the time is the read alone, without
starting Python or importing polars. Also shown: reading only the columns the engine needs.
"""

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _schema() -> ModuleType:
    """app/doj/schema.py on its own: importing the `app` package would tune polars for
    CountyClear (allocator, runtime: app/__init__.py), and the yardstick is polars alone."""
    spec = importlib.util.spec_from_file_location("doj_schema", ROOT / "app/doj/schema.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_SCHEMA = _schema()
COLUMNS, NEEDED = _SCHEMA.COLUMNS, _SCHEMA.NEEDED

CASES = {
    "all 95 columns as text": "all",
    f"the {len(NEEDED)} needed columns as text": "needed",
}


def read_once(path: Path, has_header: bool, which: str) -> None:
    """Child process: read, then report seconds, peak RSS and shape as one JSON line."""
    import polars as pl

    columns = list(NEEDED) if which == "needed" else None
    start = time.perf_counter()
    frame = pl.read_csv(
        path, has_header=has_header, new_columns=None if has_header else list(COLUMNS),
        infer_schema=False, encoding="utf8-lossy", columns=columns,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    runtime = getattr(pl._plr, "RUNTIME_REPR", "?")
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib, "shape": frame.shape,
                      "runtime": runtime}))


def run_child(path: Path, has_header: bool, which: str) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", which, str(path), "1" if has_header else "0"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"polars could not read {path}:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        read_once(Path(sys.argv[3]), sys.argv[4] == "1", sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "bench-data" / "doj_1m.dat")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.file.exists():
        sys.exit(f"{args.file} not found: run benchmarks/make_data.py first")
    with args.file.open("rb") as handle:
        has_header = (
            handle.read(len(COLUMNS[0]) + 3).lstrip(b"\xef\xbb\xbf").startswith(b"RECORD_ID")
        )
    import polars as pl

    size = args.file.stat().st_size / 2**20
    print(f"{args.file}: {size:,.0f} MiB, header {'yes' if has_header else 'no'}; "
          f"polars {pl.__version__}; {os.cpu_count()} CPUs; {args.runs} runs each")  # fmt: skip
    print(f"  {'read':<32} {'median s':>9} {'min s':>7} {'peak RSS MiB':>13}  rows x cols")
    for name, which in CASES.items():
        runs = [run_child(args.file, has_header, which) for _ in range(args.runs)]
        seconds = [r["seconds"] for r in runs]
        peak = statistics.median(r["peak_mib"] for r in runs)
        rows, cols = runs[0]["shape"]
        print(f"  {name:<32} {statistics.median(seconds):>9.2f} {min(seconds):>7.2f} "
              f"{peak:>13,.0f}  {rows:,} x {cols}  (runtime {runs[0]['runtime']})")  # fmt: skip


if __name__ == "__main__":
    main()
