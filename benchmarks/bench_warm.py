"""The yardstick and `countyclear evaluate`, each run several times in one process.

    .venv/bin/python benchmarks/bench_warm.py [FILE] [--processes 3] [--repeat 4]

A stand-in for a machine where page faults are cheap. On a virtual machine the kernel's
zeroing of fresh pages can cost more than the work itself (benchmarks/README.md, fifth
session), and it weighs on the yardstick, which allocates twice as much, far more than on
evaluate. Run again in the same process, a job finds the memory it needs already held by
polars' allocator, so the comparison is of the work. Both run with CountyClear's allocator
setting and polars runtime, plus `oversize_threshold:0`: jemalloc otherwise hands buffers
over 8 MiB straight back to the system, and the yardstick's columns are such buffers. Each
process is fresh; its first run is left out; the figures are medians of the rest.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_evaluate import ALLOCATOR, evaluates_runtime  # noqa: E402


def _job(kind: str, path: str, has_header: bool, out: str):  # type: ignore[no-untyped-def]
    if kind == "yardstick":
        import polars as pl

        return lambda: pl.read_csv(path, has_header=has_header, infer_schema=False,
                                   encoding="utf8-lossy")
    sys.path.insert(0, str(ROOT))
    import app.commands.evaluate as evaluate
    from app.cli import build_parser

    args = build_parser("evaluate").parse_args(
        ["evaluate", path, "--county", "LOS ANGELES", "--out", out, "--as-of", "2024-01-01"])
    return lambda: evaluate.run(args)


def child(kind: str, path: str, has_header: bool, repeat: int, report: str) -> None:
    """Run the job `repeat` times; write each run's wall, user and system seconds."""
    job = _job(kind, path, has_header, tempfile.mkdtemp(prefix="cc-warm-"))
    runs = []
    for _ in range(repeat):
        before, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
        job()
        after = resource.getrusage(resource.RUSAGE_SELF)
        runs.append((time.perf_counter() - start, after.ru_utime - before.ru_utime,
                     after.ru_stime - before.ru_stime))
    Path(report).write_text(json.dumps(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "bench-data" / "doj_1m.dat")
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, header, report = args.child[0], args.child[1] == "1", args.child[3]
        child(kind, str(args.file), header, int(args.child[2]), report)
        return
    with args.file.open("rb") as handle:  # the head only
        header = "1" if handle.read(9) == b"RECORD_ID" else "0"
    prefer, runtime = evaluates_runtime()
    keep_all = ALLOCATOR["_RJEM_MALLOC_CONF"] + ",oversize_threshold:0"
    env = {**os.environ, **prefer, **ALLOCATOR, "_RJEM_MALLOC_CONF": keep_all}
    warm: dict[str, list[tuple[float, float, float]]] = {"yardstick": [], "evaluate": []}
    print(f"{args.file}, {args.processes} processes each (interleaved), {args.repeat} runs in "
          f"each, the first left out; {os.cpu_count()} CPUs, polars runtime {runtime}")
    for _ in range(args.processes):
        for kind in warm:
            with tempfile.NamedTemporaryFile(suffix=".json") as report:
                subprocess.run(
                    [sys.executable, __file__, str(args.file), "--child", kind, header,
                     str(args.repeat), report.name],
                    cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL)
                warm[kind] += [tuple(r) for r in json.loads(Path(report.name).read_text())[1:]]
    medians = {}
    for kind, runs in warm.items():
        wall, user, system = (statistics.median(r[i] for r in runs) for i in range(3))
        medians[kind] = wall
        each = " ".join(f"{r[0]:.2f}" for r in runs)
        print(f"  {kind:<10} median {wall:5.2f} s  user {user:5.2f} s  system {system:5.2f} s"
              f"  ({each})")
    print(f"  evaluate: {medians['evaluate'] / medians['yardstick']:.2f} of the yardstick's time")


if __name__ == "__main__":
    main()
