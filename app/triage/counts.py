"""Counts per determination for the summary bar."""

import polars as pl

from app.triage.snapshot import DETERMINATIONS, EFFECTIVE, TriageSnapshot


def determination_counts(snapshot: TriageSnapshot, rows: pl.Series | None = None) -> dict[str, int]:
    """Convictions per effective determination, every determination present (0 if none)."""
    column = snapshot.frame.get_column(EFFECTIVE)
    if rows is not None:
        column = column.gather(rows)
    found = column.value_counts()
    counts = dict.fromkeys(DETERMINATIONS, 0)
    for value, count in found.iter_rows():
        if value is not None:
            counts[str(value)] = int(count)
    return counts
