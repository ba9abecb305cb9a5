"""Calendar arithmetic the way BEAR (Go's AddDate) did it: Feb 29 + 1 year is Mar 1."""

import calendar
from datetime import date, timedelta

import polars as pl

PROP64_EFFECTIVE = date(2016, 11, 9)


def add_years(day: date, years: int) -> date:
    target = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(target):
        return date(target, 3, 1)
    return day.replace(year=target)


def add_years_expr(column: pl.Expr, years: int) -> pl.Expr:
    shifted = column.dt.offset_by(f"{years}y")
    leap_day = (column.dt.month() == 2) & (column.dt.day() == 29) & (shifted.dt.day() == 28)
    return pl.when(leap_day).then(shifted + timedelta(days=1)).otherwise(shifted)


# A SENT_LENGTH of 99999999 years is a data error, or a life term written in years; either
# way the person is still serving. Such sentences end at the last year a calendar date
# holds instead of stopping the run (polars cannot build or print year 100,001,986).
_LAST_YEAR = 9999
_MOST_DAYS = 366 * _LAST_YEAR


def with_sentence_end(
    frame: pl.LazyFrame, start: str, years: str, months: str, days: str, name: str
) -> pl.LazyFrame:
    """`name`: start + years + months (clamped to the month's end, as a calendar does) +
    days; a negative length counts as none, and no sentence ends after the year 9999.

    Integer arithmetic on the day count in steps of their own columns, not polars' date
    constructors: building dates row by row was a fifth of the evaluation's instructions
    (benchmarks/README.md), and one nested expression would work out the same parts many
    times over."""
    total = (pl.col(start).dt.month().cast(pl.Int64) - 1 + pl.col(months).clip(0, 12 * _LAST_YEAR)
             + 12 * pl.col(years).clip(0, _LAST_YEAR))
    year, month = pl.col("_se_year"), pl.col("_se_month")
    day = pl.min_horizontal(pl.col(start).dt.day().cast(pl.Int64), _days_in_month(year, month))
    end = _days_since_epoch(year, month, pl.col("_se_day")) + pl.col(days).clip(0, _MOST_DAYS)
    return (
        frame.with_columns(total.alias("_se_total"))
        .with_columns(
            (pl.col(start).dt.year().cast(pl.Int64) + pl.col("_se_total") // 12).alias("_se_year"),
            (pl.col("_se_total") % 12 + 1).alias("_se_month"),
        )
        .with_columns(day.alias("_se_day"))
        .with_columns(end.clip(upper_bound=_LAST_DAY).cast(pl.Int32).cast(pl.Date).alias(name))
        .drop("_se_total", "_se_year", "_se_month", "_se_day")
    )


_LAST_DAY = (date(_LAST_YEAR, 12, 31) - date(1970, 1, 1)).days


def _days_in_month(year: pl.Expr, month: pl.Expr) -> pl.Expr:
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    return (
        31
        - (month == 2).cast(pl.Int64) * (3 - leap.cast(pl.Int64))
        - month.is_in([4, 6, 9, 11]).cast(pl.Int64)
    )


def _days_since_epoch(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """Days from 1970-01-01 to a proleptic Gregorian date (years 1 and later): count from
    1 March, so that the leap day ends the year, in 400-year eras of 146,097 days."""
    shifted = year - (month <= 2).cast(pl.Int64)  # January and February end the year before
    day_of_year = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    days = shifted * 365 + shifted // 4 - shifted // 100 + shifted // 400 + day_of_year
    return days - 719_468


def doj_date(text: pl.Expr) -> pl.Expr:
    """YYYYMMDD, exactly eight digits (as BEAR's Go parser reads it); anything else is
    unknown (null), never year 1. strptime alone would also read '1979011' or '1979 101'."""
    return pl.when(text.str.contains(r"^[0-9]{8}$")).then(
        text.str.strptime(pl.Date, "%Y%m%d", strict=False)
    )
