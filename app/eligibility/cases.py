"""Court case numbers: the OFN values of a step's COURT ACTION rows."""

import polars as pl

from app.eligibility.rows import CASE_KEY, STEP_KEY, trimmed


def build_case_numbers(prepared: pl.LazyFrame, steps: pl.LazyFrame) -> pl.LazyFrame:
    """OFN values of the step's COURT ACTION rows, first seen first, `; `-joined (one row
    per case, in no particular order), for the steps in `steps` (`subject_id`, `step_key`):
    the cases that will be shown. Blank and `NULL` are no number.
    """
    ofn = pl.col("OFN")
    court_rows = (
        prepared.filter(pl.col("STP_TYPE_DESCR") == "COURT ACTION")
        .with_columns(STEP_KEY.alias("step_key"))
        .join(steps, on=["subject_id", "step_key"], how="semi", maintain_order="left")
    )
    numbers = (
        court_rows.select(CASE_KEY.alias("case_key"), *trimmed("OFN"))
        .filter((ofn != "") & (ofn != "NULL"))
        .unique(["case_key", "OFN"], maintain_order=True)
        .with_columns(pl.col("case_key").is_duplicated().alias("_several"))
    )
    # Most cases have one number; joining strings per group is the slow part, so only the
    # cases with several go through it.
    single = numbers.filter(~pl.col("_several")).select("case_key", ofn.alias("case_number"))
    several = numbers.filter(pl.col("_several")).group_by("case_key", maintain_order=True).agg(
        ofn.str.join("; ").alias("case_number")
    )
    return pl.concat([single, several])
