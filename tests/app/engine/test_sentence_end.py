"""A sentence's end: conviction date plus years, months (clamped to the month's end, as a
calendar does) and days, summed over every sentence row of the count."""

from datetime import date

import polars as pl
import pytest

from app.eligibility.dates import add_sentence


@pytest.mark.parametrize(
    ("start", "years", "months", "days", "end"),
    [
        (date(2019, 1, 31), 0, 1, 0, date(2019, 2, 28)),
        (date(2020, 1, 31), 0, 1, 0, date(2020, 2, 29)),  # leap year
        (date(2016, 2, 29), 1, 0, 0, date(2017, 2, 28)),
        (date(2010, 11, 15), 1, 13, 20, date(2013, 1, 4)),  # months past a year, then days
        (date(2010, 5, 5), 0, 0, 0, date(2010, 5, 5)),
        # Data errors (found by fuzzing: they stopped the run with a polars error or panic):
        (date(1986, 10, 1), 99_999_999, 0, 0, date(9999, 12, 31)),
        (date(1986, 10, 1), 0, 99_999_999, 0, date(9999, 12, 31)),
        (date(1986, 10, 1), 0, 0, 99_999_999, date(9999, 12, 31)),
        (date(1986, 10, 1), 9_000, 9_000, 9_000_000, date(9999, 12, 31)),
        (date(1986, 10, 1), -999_999, -5, -99_999_999, date(1986, 10, 1)),
    ],
)  # fmt: skip
def test_calendar_arithmetic(start: date, years: int, months: int, days: int, end: date) -> None:
    frame = pl.DataFrame({"start": [start], "y": [years], "m": [months], "d": [days]})
    got = frame.select(add_sentence(pl.col("start"), pl.col("y"), pl.col("m"), pl.col("d")))
    assert got.item() == end


def test_an_unknown_start_has_no_end() -> None:
    frame = pl.DataFrame({"start": [None], "y": [1], "m": [0], "d": [0]},
                         schema={"start": pl.Date, "y": pl.Int64, "m": pl.Int64, "d": pl.Int64})
    got = frame.select(add_sentence(pl.col("start"), pl.col("y"), pl.col("m"), pl.col("d")))
    assert got.item() is None
