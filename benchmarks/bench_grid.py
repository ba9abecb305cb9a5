"""Search-as-you-type latency of the triage grid, measured through the real widgets.

    .venv/bin/python benchmarks/bench_grid.py [--rows 1000000] [--doj bench-data/doj_1m.dat]

For each keystroke of a few search words typed into the grid's search box, times the whole
round trip: the polars filter (app.triage), the model reset, and a synchronous repaint of
the visible rows. Runs offscreen. Two data sets:
  * a determinations frame of --rows convictions built directly (the worst case: every row
    of a 1,000,000-row file a conviction to triage);
  * with --doj, the determinations app.pipeline evaluates from that DOJ file (made by
    benchmarks/make_data.py), when the engine is available.
Prints the median and the slowest keystroke per data set.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import polars as pl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.review.decisions import DecisionBook, apply_decisions
from app.triage.snapshot import TriageSnapshot, build_snapshot, with_decisions
from tests.app.triage.builders import determinations_frame
from ui.triage.grid import TriageGrid

WORDS = ("garcia,maria", "a0012", "13cr00", "smith")


def keystroke_times(grid: TriageGrid, app: QApplication) -> list[float]:
    times: list[float] = []
    for word in WORDS:
        grid.filters.search.clear()
        app.processEvents()
        for char in word:
            start = time.perf_counter()
            QTest.keyClick(grid.filters.search, char)
            grid.table.viewport().repaint()
            times.append(time.perf_counter() - start)
    grid.filters.search.clear()
    return times


def decision_times(grid: TriageGrid, snapshot: TriageSnapshot) -> list[float]:
    """Accept one row at a time as the session does: decisions joined on, snapshot updated
    (search columns reused), grid values refreshed and repainted."""
    book = DecisionBook()
    frame = snapshot.frame.select(pl.exclude("^_.*$"))
    times = []
    for row in range(0, 50, 5):
        start = time.perf_counter()
        key = (str(frame["subject_id"][row]), str(frame["cnt_order"][row]))
        book.decide(frame, [key], final=None, user="bench")
        snapshot = with_decisions(snapshot, apply_decisions(frame, book))
        grid.set_snapshot(snapshot, same_rows=True)
        grid.table.viewport().repaint()
        times.append(time.perf_counter() - start)
    return times


def measure(name: str, frame: pl.DataFrame, app: QApplication) -> None:
    start = time.perf_counter()
    snapshot = build_snapshot(frame)
    prepared = time.perf_counter() - start
    grid = TriageGrid()
    grid.resize(1600, 900)
    grid.show()
    start = time.perf_counter()
    grid.set_snapshot(snapshot)
    grid.table.viewport().repaint()
    shown = time.perf_counter() - start
    fits = []
    for _ in range(5):
        start = time.perf_counter()
        grid.fit_columns()
        fits.append(time.perf_counter() - start)
    times = keystroke_times(grid, app)
    grid.filters.set_sort("name", descending=False)
    sorted_times = keystroke_times(grid, app)
    start = time.perf_counter()
    grid.filters.set_values("determination", {"review"})
    grid.table.viewport().repaint()
    menu_filter = time.perf_counter() - start
    decision = decision_times(grid, snapshot)
    ms = [t * 1000 for t in times]
    ms_sorted = [t * 1000 for t in sorted_times]
    print(f"{name}: {frame.height:,} convictions")
    print(f"  snapshot prepared in {prepared * 1000:.0f} ms; first paint {shown * 1000:.0f} ms "
          f"(columns fitted to their content: median {statistics.median(fits) * 1000:.1f} ms)")
    print(f"  search as you type ({len(ms)} keystrokes): median {statistics.median(ms):.1f} ms, "
          f"slowest {max(ms):.1f} ms")
    print(f"  same, sorted by name: median {statistics.median(ms_sorted):.1f} ms, "
          f"slowest {max(ms_sorted):.1f} ms")
    print(f"  determination filter from the menu: {menu_filter * 1000:.1f} ms")
    print(f"  a decision on one row, grid repainted: median "
          f"{statistics.median(decision) * 1000:.1f} ms")
    grid.close()


def evaluated(path: Path) -> pl.DataFrame | None:
    from app.doj.source import DojSource
    from app.eligibility.policy import builtin_policy
    from app.pipeline import evaluate_sources

    try:
        start = time.perf_counter()
        result = evaluate_sources(
            [DojSource.from_path(path)], county="LOS ANGELES",
            policy=builtin_policy("statutory"), as_of=date.today(),
        )  # fmt: skip
    except NotImplementedError:
        print(f"{path}: the engine is not available yet; skipped")
        return None
    print(f"{path}: evaluated in {time.perf_counter() - start:.1f} s")
    return result.determinations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--doj", type=Path, default=Path("bench-data/doj_1m.dat"))
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    measure("built determinations frame", determinations_frame(args.rows), app)
    if args.doj.exists():
        frame = evaluated(args.doj)
        if frame is not None:
            measure(f"determinations of {args.doj}", frame, app)
    else:
        print(f"{args.doj} not found (benchmarks/make_data.py makes it); skipped")


if __name__ == "__main__":
    main()
