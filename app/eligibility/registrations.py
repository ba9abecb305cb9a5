"""PC 290 registration steps: a REGISTRATION step whose offense starts with 290."""

import polars as pl

from app.eligibility.rows import text


def registration_rows(prepared: pl.LazyFrame) -> pl.LazyFrame:
    """The PC 290 registration rows of every person (other registrations, such as HS 11590
    for narcotics offenders or PC 457.1 for arson, are not sex-offender registrations)."""
    # Collected before the section test: polars would join the two filters into one and
    # strip the blanks off every row's offense, where a few hundred registrations need it.
    registrations = prepared.filter(pl.col("STP_TYPE_DESCR") == "REGISTRATION").collect()
    return registrations.lazy().filter(
        text("OFFENSE_DESCR").str.strip_chars_start().str.starts_with("290")
    )
