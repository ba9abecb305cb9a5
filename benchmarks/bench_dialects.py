"""`countyclear evaluate` against polars' text read, on every dialect of one file.

    .venv/bin/python benchmarks/make_data.py        # once: bench-data/doj_1m.dat
    .venv/bin/python benchmarks/make_dialects.py    # once: its dialects beside it
    .venv/bin/python benchmarks/bench_dialects.py [DIR] [--runs 3] [--only NAME ...]

For each dialect in DIR (default bench-data/: doj_1m.dat as synth writes it, then the files
make_dialects.py writes, the four-file delivery last), times the yardstick (polars reading
every file of it with all 95 columns as text, in one process) and `countyclear evaluate`
(statutory) on the same files, interleaved, each run a fresh process. Prints the median
time, the highest peak memory (max RSS) and evaluate's time as a share of the yardstick's.
The targets (issue 18): at most 0.6 of the yardstick's time on every dialect; a peak under
1 GiB for one 1,000,000-row file and under 3 GiB for the four-file delivery.

`--baseline DIR` also times `countyclear evaluate` run from DIR (another checkout, say
`git archive <commit> app | tar -x -C DIR`), interleaved with the rest: an A/B that a busy
host weighs on alike.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_evaluate import evaluates_runtime  # noqa: E402

READ_ALL = (
    "import polars as pl, sys\n"
    "for path in sys.argv[1:]:\n"
    "    with open(path, 'rb') as f: head = f.read(12)\n"
    "    df = pl.read_csv(path, has_header=head.lstrip(b'\\xef\\xbb\\xbf\"').startswith("
    "b'RECORD_ID'), infer_schema=False, encoding='utf8-lossy')\n"
    "    print(df.shape)\n"
)
DIALECTS = {
    "synth (LF, header, quoted where needed)": ["doj_1m.dat"],
    "quoted-all": ["quoted-all.dat"],
    "quoted-go (padded fields and END_OF_REC)": ["quoted-go.dat"],
    "crlf-bom": ["crlf-bom.dat"],
    "no-header": ["no-header.dat"],
    "delivery of four files (4,000,000 rows)": [f"delivery/part{n}.dat" for n in range(1, 5)],
}


def timed(cmd: list[str], env: dict[str, str] | None, cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and peak RSS in MiB of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "bench-data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--county", default="LOS ANGELES")
    parser.add_argument("--only", nargs="+", help="dialect names starting with these words")
    parser.add_argument("--baseline", type=Path, help="a checkout whose evaluate to time too")
    args = parser.parse_args()
    prefer, runtime = evaluates_runtime()
    env = {**os.environ, **prefer}
    out = Path(tempfile.mkdtemp(prefix="cc-bench-"))
    print(f"{args.folder}, {args.runs} runs each (interleaved), {os.cpu_count()} CPUs, "
          f"polars runtime {runtime}")
    for name, files in DIALECTS.items():
        if args.only and not any(name.startswith(word) for word in args.only):
            continue
        paths = [str(args.folder / file) for file in files]
        if not all(Path(path).exists() for path in paths):
            print(f"  {name}: missing, skipped (run make_dialects.py)")
            continue
        evaluate = [sys.executable, "-m", "app.cli", "evaluate", *paths, "--county",
                    args.county, "--out", str(out), "--as-of", "2024-01-01"]
        read_all = [sys.executable, "-c", READ_ALL, *paths]
        cases = {"read": (read_all, ROOT), "eval": (evaluate, ROOT)}
        if args.baseline:
            cases["before"] = (evaluate, args.baseline.resolve())
        runs: dict[str, list[tuple[float, float]]] = {case: [] for case in cases}
        for _ in range(args.runs):
            for case, (cmd, cwd) in cases.items():
                runs[case].append(timed(cmd, env if case == "read" else None, cwd))
        median = {case: statistics.median(r[0] for r in runs[case]) for case in cases}
        peak = {case: max(r[1] for r in runs[case]) for case in cases}
        line = (f"  {name}: yardstick {median['read']:.2f} s ({peak['read']:,.0f} MiB); "
                f"evaluate {median['eval']:.2f} s, peak {peak['eval']:,.0f} MiB, "
                f"{median['eval'] / median['read']:.2f} of the yardstick")
        if args.baseline:
            line += (f"; before {median['before']:.2f} s, peak {peak['before']:,.0f} MiB, "
                     f"{median['before'] / median['read']:.2f}")
        print(line, flush=True)


if __name__ == "__main__":
    main()
