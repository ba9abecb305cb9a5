"""Time `countyclear evaluate` against polars reading the same file with every column as text.

    .venv/bin/python benchmarks/make_data.py            # once: bench-data/doj_1m.dat
    .venv/bin/python benchmarks/bench_evaluate.py [FILE] [--runs 3] [--county "LOS ANGELES"]

Each run is a fresh process, so its peak memory (max RSS) and CPU time are its own. Prints
the median time and CPU and the highest peak of each case, then evaluate's time as a share
of the yardstick's. CountyClear tells polars' allocator to keep freed memory longer
(app/__init__.py); the yardstick is also timed with that setting, so the gain it brings can
be told apart from the engine's own. Both run on the polars runtime CountyClear chooses
(app/polars_runtime.py), so the comparison is of the work, not of the build.
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
# What app/__init__.py sets before polars loads (keep the two in step).
ALLOCATOR = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:10000,muzzy_decay_ms:10000,narenas:1",
             "MIMALLOC_PURGE_DELAY": "10000"}


RUNTIME = ("import app, os, polars._plr as plr; "
           "print(os.environ.get('POLARS_PREFER_PKG', ''), plr.RUNTIME_REPR)")


def evaluates_runtime() -> tuple[dict[str, str], str]:
    """The polars preference `import app` sets (empty when none) and the runtime loaded."""
    out = subprocess.run([sys.executable, "-c", RUNTIME], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    prefer, loaded = (out[0], out[1]) if len(out) == 2 else ("", out[0])
    return ({"POLARS_PREFER_PKG": prefer} if prefer else {}), loaded


def timed(cmd: list[str], env: dict[str, str] | None = None
          ) -> tuple[float, float, float, float]:
    """Wall seconds, peak RSS in MiB, CPU seconds (user + system) and user CPU seconds of one
    child process. System time is mostly page faults, whose cost varies a lot between
    machines (and on a virtual machine, from hour to hour): user CPU is the steadier figure."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    return (elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime,
            usage.ru_utime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "bench-data" / "doj_1m.dat")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--county", default="LOS ANGELES")
    args = parser.parse_args()
    with args.file.open("rb") as handle:  # the head only: a child's peak counts the parent's
        has_header = "1" if handle.read(9) == b"RECORD_ID" else "0"
    out = Path(tempfile.mkdtemp(prefix="cc-bench-"))
    python = sys.executable
    evaluate = [python, "-m", "app.cli", "evaluate", str(args.file), "--county", args.county,
                "--out", str(out), "--as-of", "2024-01-01"]
    read_all = [python, "-c", READ_ALL, str(args.file), has_header]
    prefer, runtime = evaluates_runtime()
    same_runtime = {**os.environ, **prefer}
    same_allocator = {**same_runtime, **ALLOCATOR}
    cases: dict[str, tuple[list[str], dict[str, str] | None]] = {
        "polars read, all 95 columns as text": (read_all, same_runtime),
        "  the same, with CountyClear's allocator setting": (read_all, same_allocator),
        "countyclear evaluate (statutory)": (evaluate, None),
        "countyclear evaluate (BEAR default)": ([*evaluate, "--policy", "bear_default"], None),
    }
    size = args.file.stat().st_size / 2**20
    print(f"{args.file} ({size:,.0f} MiB), {args.runs} runs each (interleaved), "
          f"{os.cpu_count()} CPUs, polars runtime {runtime}")
    # Interleaved (yardstick, evaluate, evaluate, yardstick, ...) so a noisy spell on the
    # machine weighs on every case alike.
    results: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, (cmd, env) in cases.items():
            results[name].append(timed(cmd, env))
    medians, users = {}, {}
    for name, runs in results.items():
        seconds = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        cpu = statistics.median(r[2] for r in runs)
        medians[name], users[name] = seconds, statistics.median(r[3] for r in runs)
        each = " ".join(f"{r[0]:.2f}" for r in runs)
        print(f"  {name:<50} median {seconds:5.2f} s  CPU {cpu:5.2f} s (user "
              f"{users[name]:4.2f} s)  peak RSS {peak:6,.0f} MiB  ({each})")
    # Issue 2's target: no slower than the yardstick, peak memory under 2 GiB.
    yardstick = medians["polars read, all 95 columns as text"]
    for name in ("countyclear evaluate (statutory)", "countyclear evaluate (BEAR default)"):
        peak = max(r[1] for r in results[name])
        user = users[name] / users["polars read, all 95 columns as text"]
        print(f"  {name}: {medians[name] / yardstick:.2f} of the yardstick's time "
              f"({user:.2f} of its user CPU), highest peak {peak:,.0f} MiB "
              f"({'under' if peak < 2048 else 'OVER'} 2 GiB)")


if __name__ == "__main__":
    main()
