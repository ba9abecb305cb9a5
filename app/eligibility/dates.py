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


def add_sentence(start: pl.Expr, years: pl.Expr, months: pl.Expr, days: pl.Expr) -> pl.Expr:
    """start + years + months (clamped to the month's end, as a calendar does) + days; a
    negative length counts as none, and no sentence ends after the year 9999."""
    years, months = years.clip(0, _LAST_YEAR), months.clip(0, 12 * _LAST_YEAR)
    total = start.dt.month().cast(pl.Int64) - 1 + months + 12 * years
    year = start.dt.year().cast(pl.Int64) + total // 12
    month = total % 12 + 1
    first = pl.date(year, month, 1)
    day = pl.min_horizontal(start.dt.day().cast(pl.Int64), first.dt.month_end().dt.day())
    end = pl.date(year, month, day) + pl.duration(days=days.clip(0, _MOST_DAYS))
    return end.clip(upper_bound=pl.lit(date(_LAST_YEAR, 12, 31)))
