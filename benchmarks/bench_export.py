"""Time the 35,000-row sealed Exhibit 1 (and the motion PDF) on a synthetic determinations frame.

    .venv/bin/python benchmarks/bench_export.py [--rows 35000] [--runs 5]

Prints the median wall time of several runs of `write_exhibit` (build + seal + atomic write).
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.exports.exhibit import write_exhibit
from app.exports.motion import MotionFacts, write_motion
from app.exports.office import OfficeDetails

SECTIONS = ("11357(A) HS", "11357(B) HS", "11358 HS", "11359 HS", "11360(A) HS", "664-11359 HS")
DETERMINATIONS = ("dismiss", "dismiss", "dismiss", "reduce", "review", "not_eligible")


def synthetic_determinations(rows: int) -> pl.DataFrame:
    """A frame of the contract's shape; two thirds of the rows are granted."""
    people = max(rows // 2, 1)
    subjects = [i % people for i in range(rows)]
    return pl.DataFrame(
        {
            "subject_id": [f"{s:08d}" for s in subjects],
            "cnt_order": [f"{i // people + 1:03d}001001000" for i in range(rows)],
            "name": [f"PERSON{s},ALEX {s % 7}" for s in subjects],
            "dob": [date(1950, 1, 1) + timedelta(days=s * 37 % 15000) for s in subjects],
            "cii_number": [f"A{s:08d}" for s in subjects],
            "case_number": [f"{i:08d}" for i in range(rows)],
            "court": ["CASC SACRAMENTO"] * rows,
            "code_section": [SECTIONS[i % len(SECTIONS)] for i in range(rows)],
            "section": ["11359"] * rows,
            "offense": ["POSSESS MARIJUANA FOR SALE"] * rows,
            "level": [("felony", "misdemeanor", "infraction")[i % 3] for i in range(rows)],
            "conviction_date": [
                date(1975, 1, 1) + timedelta(days=i * 11 % 15000) for i in range(rows)
            ],
            "county": ["SACRAMENTO"] * rows,
            "determination": [DETERMINATIONS[i % len(DETERMINATIONS)] for i in range(rows)],
            "rule_id": ["DISMISS_SECTION"] * rows,
            "reason": ["Dismiss all HS 11359 convictions"] * rows,
            "statute": ["HS 11361.8(b)"] * rows,
            "bear_reason": pl.Series([None] * rows, dtype=pl.String),
            "flags": [""] * rows,
            "sentence_end": pl.Series([None] * rows, dtype=pl.Date),
            "currently_serving": [i % 50 == 0 for i in range(rows)],
            "race": ["WHITE"] * rows,
            "case_key": [f"{s:08d}00{i // people + 1}001" for i, s in enumerate(subjects)],
            "case_other_convictions": [int(i % 4 == 0) for i in range(rows)],
            "facts": [""] * rows,
        }
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=35_000, help="exhibit rows (granted)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    granted_share = sum(d in ("dismiss", "reduce") for d in DETERMINATIONS) / len(DETERMINATIONS)
    frame = synthetic_determinations(round(args.rows / granted_share))
    exhibit_times, exhibit_cpu, motion_times = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            path = Path(folder) / f"exhibit_{run}.xlsx"
            start, cpu = time.perf_counter(), time.process_time()
            granted = write_exhibit(path, frame, county="SACRAMENTO", password="bench-password")
            exhibit_times.append(time.perf_counter() - start)
            exhibit_cpu.append(time.process_time() - cpu)
            start = time.perf_counter()
            write_motion(
                Path(folder) / f"motion_{run}.pdf",
                frame,
                MotionFacts("SACRAMENTO", date(2026, 1, 1), doj_file_date=None),
                OfficeDetails(county="SACRAMENTO"),
            )
            motion_times.append(time.perf_counter() - start)
        size = path.stat().st_size
    print(f"exhibit: {frame.height:,} determinations, {granted:,} exhibit rows, {size:,} bytes")
    print(
        f"exhibit_1.xlsx build + seal + write: median {statistics.median(exhibit_times):.2f} s "
        f"over {args.runs} runs (min {min(exhibit_times):.2f}, max {max(exhibit_times):.2f})"
    )
    print(
        f"  CPU time median {statistics.median(exhibit_cpu):.2f} s (wall time above includes "
        "waiting for a shared CPU)"
    )
    print(f"motion_and_order.pdf: median {statistics.median(motion_times):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
