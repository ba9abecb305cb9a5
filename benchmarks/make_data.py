"""Write the benchmark's DOJ file with `countyclear synth`: 1,000,000 rows by default.

    .venv/bin/python benchmarks/make_data.py [--rows 1000000] [--county "LOS ANGELES"]
                                             [--seed 64] [--out bench-data/doj_1m.dat]

bench-data/ is git-ignored. Same options, same bytes (the generator is deterministic by
seed). Prints how long generation took.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.synth.delivery import write_delivery  # noqa: E402
from app.synth.options import checked_options  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--county", default="LOS ANGELES")
    parser.add_argument("--seed", type=int, default=64)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-data" / "doj_1m.dat")
    parser.add_argument("--crlf", action="store_true")
    parser.add_argument("--no-header", action="store_true")
    args = parser.parse_args()
    options = checked_options(
        args.county, people=None, max_rows=args.rows, seed=args.seed,
        header=not args.no_header, crlf=args.crlf,
    )  # fmt: skip
    start = time.perf_counter()
    cpu_start = time.process_time()
    result = write_delivery(options, args.out, force=True)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    size = args.out.stat().st_size
    print(f"wrote {args.out}: {sum(result.rows):,} rows, {result.people:,} people, "
          f"{size / 2**20:,.0f} MiB")  # fmt: skip
    print(f"generated in {seconds:.1f} s wall ({cpu:.1f} s CPU), "
          f"{sum(result.rows) / seconds:,.0f} rows/s")  # fmt: skip


if __name__ == "__main__":
    main()
