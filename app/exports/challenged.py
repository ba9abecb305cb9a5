"""`challenged_cases.xlsx`: every identified conviction that is not in Exhibit 1, with its ground
or status, for the court and the public defender (HS 11361.9): challenged, not eligible,
already granted, or still pending review. Always sealed: it holds names, priors and PC 290
facts. Staff reasons and notes stay in the audit log and never appear here.
"""

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

import polars as pl

from app.exports.relief import DOCUMENT_ORDER, OUTCOME, display_name, superior_court
from app.exports.sealing import seal_workbook
from app.exports.workbook import Column, PrintSetup, build_table_workbook, printable
from app.fileio import atomic_write_bytes
from app.jobs import CancelToken, ProgressCallback, no_progress

CHALLENGED_FILE: Final = "challenged_cases.xlsx"
HELD_BACK_GROUND: Final = (
    "Offense on or after November 9, 2016, or of no known date: Proposition 64 reaches only "
    "earlier offenses (HS 11361.8); held for an individual decision"
)
STAFF_GROUND: Final = "The District Attorney's decision on individual review"

COLUMNS: Final = (
    Column("No.", 7, "number"),
    Column("Name (last, first)", 24, "wrap"),
    Column("DOB", 11, "date"),
    Column("CII number", 12),
    Column("Court case number", 15, "wrap"),
    Column("Court", 20, "wrap"),
    Column("Code section as convicted", 15),
    Column("Level", 11),
    Column("Conviction date", 12, "date"),
    Column("Status", 16, "wrap"),
    Column("Ground", 40, "wrap"),
    Column("Flags", 18, "wrap"),
    Column("Facts", 36, "wrap"),
)
HEADERS: Final = tuple(column.header for column in COLUMNS)


def status_words(past_deadline: bool) -> dict[str, str]:
    return {
        # After 2020-07-01 no new challenge is possible: the list names the ground found.
        "challenged": "Ground found (no new challenge)" if past_deadline else "Challenged",
        "not_eligible": "Not eligible",
        "already_granted": "Already granted",
        "pending": "Pending review",
    }


def not_in_exhibit(outcomes: pl.DataFrame) -> pl.DataFrame:
    return outcomes.filter(pl.col(OUTCOME) != "granted").sort(DOCUMENT_ORDER, nulls_last=True)


def _optional(frame: pl.DataFrame, name: str) -> pl.Expr:
    return pl.col(name).fill_null("") if name in frame.columns else pl.lit("")


def challenged_rows(listed: pl.DataFrame, past_deadline: bool) -> Iterator[Sequence[object]]:
    engine = (
        pl.when(pl.col("statute").fill_null("").str.strip_chars() != "")
        .then(pl.format("{} ({})", pl.col("reason").fill_null(""), pl.col("statute")))
        .otherwise(pl.col("reason").fill_null(""))
    )
    changed = pl.col("status") == "changed" if "status" in listed.columns else pl.lit(False)
    ground = (
        pl.when(pl.col("held_back")).then(pl.lit(HELD_BACK_GROUND))
        .when(changed).then(pl.lit(STAFF_GROUND))
        .otherwise(engine)
    )  # fmt: skip
    shown = listed.select(
        "name",
        "dob",
        "cii_number",
        "case_number",
        "court",
        "code_section",
        pl.col("level").str.to_titlecase(),
        "conviction_date",
        pl.col(OUTCOME).replace_strict(status_words(past_deadline), default=""),
        ground,
        pl.col("flags").fill_null(""),
        _optional(listed, "facts"),
    )
    for number, row in enumerate(printable(shown).iter_rows(), start=1):
        yield (number, display_name(row[0]), *(value or None for value in row[1:]))


def write_challenged(
    path: Path,
    outcomes: pl.DataFrame,
    *,
    county: str,
    password: str,
    past_deadline: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Write the sealed list; returns its number of rows. `outcomes`: relief.outcomes(...);
    the password was checked by the caller."""
    listed = not_in_exhibit(outcomes)
    setup = PrintSetup(
        sheet_title="Not in Exhibit 1",
        header_left=f"CONVICTIONS NOT IN EXHIBIT 1 - {superior_court(county)}",
        header_center="CONFIDENTIAL - UNDER SEAL",
        footer_left="HS 11361.9: challenged, not eligible, already granted or pending review",
    )
    workbook = build_table_workbook(
        COLUMNS, challenged_rows(listed, past_deadline), listed.height, setup,
        progress=progress, cancel=cancel,
    )  # fmt: skip
    atomic_write_bytes(path, seal_workbook(workbook, password))
    return listed.height
