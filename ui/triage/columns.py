"""The triage grid's columns, declared once: id, header, width, display formatter, visibility.

A formatter is a polars expression producing the cell text, so display strings are computed
a column at a time by polars for a block of rows, never with str() per cell.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import polars as pl

from app.triage.snapshot import EFFECTIVE, STATUS

DETERMINATION_LABELS: Final = {
    "dismiss": "Dismiss",
    "reduce": "Reduce",
    "challenge": "Challenge",
    "review": "Needs review",
    "not_eligible": "Not eligible",
}
STATUS_LABELS: Final = {"pending": "Pending", "accepted": "Accepted", "changed": "Changed"}
LEVEL_LABELS: Final = {"felony": "Felony", "misdemeanor": "Misdemeanor", "infraction": "Infraction"}


def _text(column: str) -> Callable[[], pl.Expr]:
    return lambda: pl.col(column).cast(pl.String).fill_null("")


def _date(column: str) -> Callable[[], pl.Expr]:
    # Unknown dates stay visibly unknown, never blank-looking like "no date needed".
    return lambda: pl.col(column).dt.strftime("%Y-%m-%d").fill_null("unknown")


def _labels(column: str, labels: dict[str, str]) -> Callable[[], pl.Expr]:
    return lambda: pl.col(column).replace_strict(labels, default=pl.col(column)).fill_null("")


def _flags() -> pl.Expr:
    return pl.col("flags").fill_null("").str.replace_all("_", " ")


@dataclass(frozen=True)
class Column:
    id: str  # also the sort key's column unless app.triage.query maps it
    header: str
    width: int  # in average character widths, so it scales with the font
    formatter: Callable[[], pl.Expr]
    visible: bool = True
    needs: str | None = None  # a source column that may be missing (then shown blank)


COLUMNS: Final[tuple[Column, ...]] = (
    Column("name", "Name", 25, _text("name")),
    Column("dob", "DOB", 11, _date("dob")),
    Column("cii_number", "CII", 12, _text("cii_number")),
    Column("case_number", "Case number", 14, _text("case_number")),
    Column("code_section", "Section", 14, _text("code_section")),
    Column("level", "Level", 13, _labels("level", LEVEL_LABELS)),
    Column("conviction_date", "Convicted", 11, _date("conviction_date")),
    Column("county", "County", 14, _text("county")),
    Column("determination", "Determination", 13, _labels(EFFECTIVE, DETERMINATION_LABELS)),
    Column("reason", "Reason", 34, _text("reason")),
    Column("flags", "Flags", 20, _flags),
    Column("status", "Status", 10, _labels(STATUS, STATUS_LABELS)),
    Column("court", "Court", 24, _text("court"), visible=False),
    Column("offense", "Offense", 24, _text("offense"), visible=False),
    Column("rule_id", "Rule", 20, _text("rule_id"), visible=False),
    Column("statute", "Statute", 16, _text("statute"), visible=False),
    Column("note", "Note", 24, _text("note"), visible=False, needs="note"),
    Column("decision_reason", "Decision reason", 24, _text("decision_reason"),
           visible=False, needs="decision_reason"),
)  # fmt: skip

COLUMN_INDEX: Final = {column.id: i for i, column in enumerate(COLUMNS)}


def display_expressions(available: list[str]) -> list[pl.Expr]:
    """One display-string expression per column, blank for optional columns not present."""
    return [
        (
            column.formatter() if column.needs is None or column.needs in available else pl.lit("")
        ).alias(column.id)
        for column in COLUMNS
    ]
