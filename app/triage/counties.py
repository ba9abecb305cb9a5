"""The counties a delivery's convictions come from, for the new-run dialog (its own counties
first, with their counts). Reads only the two columns it needs; the evaluation itself reads
the delivery through app.pipeline.evaluate_sources."""

from collections.abc import Sequence

import polars as pl

from app.doj.reader import read_sources
from app.doj.source import DojSource
from app.jobs import CancelToken, ProgressCallback, no_progress

COUNTY_COLUMNS = ("STP_ORI_CNTY_NAME", "DISP_DESCR")


def counties_by_convictions(rows: pl.DataFrame) -> dict[str, int]:
    """The delivery's own counties (STP_ORI_CNTY_NAME of conviction rows) and how many
    conviction rows each has, biggest first (ties A to Z)."""
    county = pl.col("STP_ORI_CNTY_NAME").str.strip_chars().str.to_uppercase()
    convicted = pl.col("DISP_DESCR").str.strip_chars().str.starts_with("CONVICTED")
    counted = (
        rows.lazy()
        .filter(convicted & (county != ""))
        .group_by(county.alias("county"))
        .len()
        .sort(["len", "county"], descending=[True, False])
        .collect()
    )
    return {str(c): int(n) for c, n in counted.iter_rows()}


def delivery_counties(
    sources: Sequence[DojSource], progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> dict[str, int]:  # fmt: skip
    """`counties_by_convictions` of the delivery, read for those two columns only. A file
    that cannot be read fails here, with the reader's one plain message."""
    rows = read_sources(sources, progress=progress, cancel=cancel, columns=COUNTY_COLUMNS)
    return counties_by_convictions(rows)
