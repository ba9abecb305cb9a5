"""A sentence's end: conviction date plus years, months (clamped to the month's end, as a
calendar does) and days, summed over every sentence row of the count."""

import calendar
import random
from datetime import date, timedelta

import polars as pl
import pytest

from app.eligibility.dates import with_sentence_end


def _ends(frame: pl.DataFrame) -> pl.Series:
    return with_sentence_end(frame.lazy(), "start", "y", "m", "d", "end").collect()["end"]


@pytest.mark.parametrize(
    ("start", "years", "months", "days", "end"),
    [
        (date(2019, 1, 31), 0, 1, 0, date(2019, 2, 28)),
        (date(2020, 1, 31), 0, 1, 0, date(2020, 2, 29)),  # leap year
        (date(2016, 2, 29), 1, 0, 0, date(2017, 2, 28)),
        (date(2010, 11, 15), 1, 13, 20, date(2013, 1, 4)),  # months past a year, then days
        (date(2010, 5, 5), 0, 0, 0, date(2010, 5, 5)),
        (date(2000, 1, 31), 0, 1, 0, date(2000, 2, 29)),  # a century year that is leap
        (date(1900, 1, 31), 0, 1, 0, date(1900, 2, 28)),  # and one that is not
        (date(1996, 2, 29), 4, 0, 0, date(2000, 2, 29)),
        (date(2096, 2, 29), 4, 0, 0, date(2100, 2, 28)),
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
    assert _ends(frame).item() == end


def test_an_unknown_start_has_no_end() -> None:
    frame = pl.DataFrame({"start": [None], "y": [1], "m": [0], "d": [0]},
                         schema={"start": pl.Date, "y": pl.Int64, "m": pl.Int64, "d": pl.Int64})
    assert _ends(frame).item() is None


def _calendar_end(start: date, years: int, months: int, days: int) -> date:
    """The reference, with Python's own calendar."""
    total = start.month - 1 + months + 12 * years
    year, month = start.year + total // 12, total % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=days)


def test_agrees_with_the_calendar_on_twenty_thousand_sentences() -> None:
    """Every kind of start (month ends, leap days, century years) and length."""
    pick = random.Random(64)
    first, last = date(1600, 1, 1).toordinal(), date(2100, 12, 31).toordinal()
    starts = [date.fromordinal(pick.randint(first, last)) for _ in range(20_000)]
    # Half of them on the last days of a month, where the clamping happens.
    starts = [s if pick.random() < 0.5 else
              date(s.year, s.month, calendar.monthrange(s.year, s.month)[1]) for s in starts]
    starts[:4] = [date(1900, 2, 28), date(2000, 2, 29), date(1999, 12, 31), date(2024, 1, 31)]
    years = [pick.choice([0, 0, 1, 2, 5, 25, 400]) for _ in starts]
    months = [pick.choice([0, 0, 1, 6, 11, 12, 13, 25, 1200]) for _ in starts]
    days = [pick.choice([0, 0, 1, 28, 365, 366, 10_000]) for _ in starts]
    frame = pl.DataFrame({"start": starts, "y": years, "m": months, "d": days})
    expected = [_calendar_end(*row) for row in zip(starts, years, months, days, strict=True)]
    assert _ends(frame).to_list() == expected
