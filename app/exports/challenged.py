"""`challenged_cases.xlsx`: the convictions the DA challenges, for the court and the public
defender (HS 11361.9), with the ground of each; unresolved reviews are listed as pending.
"""

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import polars as pl

from app.exports.granted import (
    challenged_or_pending,
    display_name,
    engine_basis,
    superior_court,
)
from app.exports.sealing import check_password, seal_workbook
from app.exports.workbook import Column, PrintSetup, build_table_workbook, printable
from app.fileio import atomic_write_bytes
from app.jobs import CancelToken, ProgressCallback, no_progress

CHALLENGED_FILE: Final = "challenged_cases.xlsx"

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
    Column("Status", 14),
    Column("Ground", 36, "wrap"),
    Column("Flags", 18, "wrap"),
    Column("Facts", 36, "wrap"),
    Column("Staff note", 28, "wrap"),
)
HEADERS: Final = tuple(column.header for column in COLUMNS)


def _text(frame: pl.DataFrame, name: str) -> pl.Expr:
    return pl.col(name).fill_null("") if name in frame.columns else pl.lit("")


def challenged_rows(listed: pl.DataFrame) -> Iterator[Sequence[Any]]:
    note = pl.concat_str(
        [_text(listed, "decision_reason"), _text(listed, "note")], separator="; "
    ).str.strip_chars("; ")
    shown = listed.select(
        "name",
        "dob",
        "cii_number",
        "case_number",
        "court",
        "code_section",
        pl.col("level").str.to_titlecase(),
        "conviction_date",
        "status_text",
        engine_basis(),
        pl.col("flags").fill_null(""),
        _text(listed, "facts"),
        note,
    )
    for number, row in enumerate(printable(shown).iter_rows(), start=1):
        yield (number, display_name(row[0]), *(value or None for value in row[1:]))


def build_challenged(
    determinations: pl.DataFrame,
    *,
    county: str,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> tuple[bytes, int]:
    listed = challenged_or_pending(determinations)
    court = superior_court(county)
    setup = PrintSetup(
        sheet_title="Challenged convictions",
        header_left=f"CHALLENGED AND PENDING CONVICTIONS - {court}",
        header_center="CONFIDENTIAL",
        footer_left="HS 11361.9: convictions the District Attorney challenges or still reviews",
    )
    workbook = build_table_workbook(
        COLUMNS, challenged_rows(listed), listed.height, setup, progress=progress, cancel=cancel
    )
    return workbook, listed.height


def write_challenged(
    path: Path,
    determinations: pl.DataFrame,
    *,
    county: str,
    password: str | None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Write the list (sealed when a password is given); returns the number of rows."""
    if password is not None:
        check_password(password, str(path))
    workbook, rows = build_challenged(
        determinations, county=county, progress=progress, cancel=cancel
    )
    atomic_write_bytes(path, seal_workbook(workbook, password) if password else workbook)
    return rows
