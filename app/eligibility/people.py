"""One row per person: identity from the person's first row, and whole-record facts."""

import polars as pl

from app.eligibility.dates import doj_date
from app.eligibility.registrations import registration_rows
from app.eligibility.rows import trimmed


def build_people(prepared: pl.LazyFrame, convictions: pl.LazyFrame) -> pl.LazyFrame:
    """Name, DOB, CII number and race from the first row; `deceased` (any DECEASED step),
    `pc290_registrant` (any PC 290 registration step) and the conviction history."""
    first_rows = (
        # Each person's first row, filtered by a mask: only the columns used are copied.
        prepared.filter(pl.col("subject_id").is_first_distinct())
        .with_columns(*trimmed("PRI_NAME", "PRI_DOB", "CII_NUMBER", "RACE_DESCR"))
        .select(
            "subject_id",
            pl.col("PRI_NAME").alias("name"),
            pl.col("PRI_DOB").alias("dob_text"),
            doj_date(pl.col("PRI_DOB")).alias("dob"),
            pl.col("CII_NUMBER").alias("cii_number"),
            pl.col("RACE_DESCR").alias("race"),
            "blank_subject",
        )
    )
    deceased = (
        prepared.filter(pl.col("STP_TYPE_DESCR") == "DECEASED")
        .select("subject_id").unique().with_columns(pl.lit(True).alias("deceased"))
    )
    registrants = (
        registration_rows(prepared)
        .select("subject_id").unique().with_columns(pl.lit(True).alias("pc290_registrant"))
    )
    identity = (
        first_rows.join(deceased, on="subject_id", how="left", maintain_order="left")
        .join(registrants, on="subject_id", how="left", maintain_order="left")
        .with_columns(pl.col("deceased").fill_null(False),
                      pl.col("pc290_registrant").fill_null(False))
    )
    history = convictions.group_by("subject_id").agg(
        pl.len().alias("convictions_total"),
        pl.col("event_date").max().alias("latest_conviction"),
        pl.col("event_date").filter(pl.col("level") == "felony").max().alias("latest_felony"),
        pl.col("is_prop64").all().alias("only_prop64"),
        (pl.col("bear_sections") != "").all().alias("only_prop64_bear"),
        (pl.col("level") == "felony").sum().alias("felonies_total"),
        pl.col("event_date").is_null().any().alias("has_undated_conviction"),
    )
    return identity.join(history, on="subject_id", how="left", maintain_order="left").with_columns(
        pl.col("convictions_total").fill_null(0),
        pl.col("felonies_total").fill_null(0),
        pl.col("only_prop64").fill_null(False),
        pl.col("only_prop64_bear").fill_null(False),
    )
