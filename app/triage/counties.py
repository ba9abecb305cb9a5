"""The counties a delivery's convictions come from, for the new-run dialog (its own counties
first, with their counts), counted from the rows app.pipeline read."""

import polars as pl


def counties_by_convictions(rows: pl.DataFrame) -> dict[str, int]:
    """The delivery's own counties (STP_ORI_CNTY_NAME of conviction rows) and how many
    conviction rows each has, biggest first (ties A to Z)."""
    county = pl.col("STP_ORI_CNTY_NAME").cast(pl.String).str.strip_chars().str.to_uppercase()
    convicted = pl.col("DISP_DESCR").cast(pl.String).str.strip_chars().str.starts_with("CONVICTED")
    counted = (
        rows.lazy()
        .filter(convicted & (county != ""))
        .group_by(county.alias("county"))
        .len()
        .sort(["len", "county"], descending=[True, False])
        .collect()
    )
    return {str(c): int(n) for c, n in counted.iter_rows()}
