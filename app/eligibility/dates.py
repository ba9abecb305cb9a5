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


def add_sentence(start: pl.Expr, years: pl.Expr, months: pl.Expr, days: pl.Expr) -> pl.Expr:
    """start + years + months (clamped to the month's end, as a calendar does) + days."""
    total = start.dt.month().cast(pl.Int64) - 1 + months + 12 * years
    year = start.dt.year().cast(pl.Int64) + total // 12
    month = total % 12 + 1
    first = pl.date(year, month, 1)
    day = pl.min_horizontal(start.dt.day().cast(pl.Int64), first.dt.month_end().dt.day())
    return pl.date(year, month, day) + pl.duration(days=days)
