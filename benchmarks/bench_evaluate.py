"""Time `countyclear evaluate` against polars reading the same file with every column as text.

    .venv/bin/python benchmarks/make_data.py            # once: bench-data/doj_1m.dat
    .venv/bin/python benchmarks/bench_evaluate.py [FILE] [--runs 3] [--county "LOS ANGELES"]

Each run is a fresh process, so its peak memory (max RSS) is its own. Prints the median.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READ_ALL = (
    "import polars as pl, sys; "
    "df = pl.read_csv(sys.argv[1], has_header=sys.argv[2] == '1', infer_schema=False, "
    "encoding='utf8-lossy'); "
    "print(df.shape)"
)


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MiB of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "bench-data" / "doj_1m.dat")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--county", default="LOS ANGELES")
    args = parser.parse_args()
    has_header = "1" if args.file.read_bytes()[:9] == b"RECORD_ID" else "0"
    out = Path(tempfile.mkdtemp(prefix="cc-bench-"))
    python = sys.executable
    cases = {
        "polars read, all 95 columns as text": [python, "-c", READ_ALL, str(args.file),
                                                has_header],
        "countyclear evaluate (statutory)": [python, "-m", "app.cli", "evaluate",
                                             str(args.file), "--county", args.county, "--out",
                                             str(out), "--as-of", "2024-01-01"],
        "countyclear evaluate (BEAR default)": [python, "-m", "app.cli", "evaluate",
                                                str(args.file), "--county", args.county,
                                                "--out", str(out), "--as-of", "2024-01-01",
                                                "--policy", "bear_default"],
    }
    size = args.file.stat().st_size / 2**20
    print(f"{args.file} ({size:,.0f} MiB), {args.runs} runs each (interleaved), "
          f"{os.cpu_count()} CPUs")
    # Interleaved (yardstick, evaluate, evaluate, yardstick, ...) so a noisy spell on the
    # machine weighs on every case alike.
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, cmd in cases.items():
            results[name].append(timed(cmd))
    for name, runs in results.items():
        seconds = statistics.median(r[0] for r in runs)
        peak = statistics.median(r[1] for r in runs)
        each = " ".join(f"{r[0]:.2f}" for r in runs)
        print(f"  {name:<40} median {seconds:6.2f} s   peak RSS {peak:7,.0f} MiB   ({each})")


if __name__ == "__main__":
    main()
