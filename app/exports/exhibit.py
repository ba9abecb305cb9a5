"""Exhibit 1 (`exhibit_1.xlsx`): every conviction the court is asked to grant, sealed.

DOMAIN.md 5: one row per conviction count; never SSN, driver's licence, FBI number or race.
The file holds summary criminal history (PC 11142, 13300-13303), so it is always encrypted
with a password and every printed page says CONFIDENTIAL - FILED UNDER SEAL.
"""

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import polars as pl

from app.exports.granted import display_name, granted_convictions, superior_court
from app.exports.sealing import check_password, seal_workbook
from app.exports.workbook import Column, PrintSetup, build_table_workbook, printable
from app.fileio import atomic_write_bytes
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

EXHIBIT_FILE: Final = "exhibit_1.xlsx"
CONFIDENTIAL: Final = "CONFIDENTIAL - FILED UNDER SEAL"

COLUMNS: Final = (
    Column("No.", 7, "number"),
    Column("Name (last, first)", 26, "wrap"),
    Column("DOB", 11, "date"),
    Column("CII number", 12),
    Column("Court case number", 16, "wrap"),
    Column("Court", 24, "wrap"),
    Column("Code section as convicted", 16),
    Column("Level", 12),
    Column("Conviction date", 12, "date"),
    Column("Relief", 20),
    Column("Basis", 40, "wrap"),
    Column("All convictions in case dismissed", 13),
)
HEADERS: Final = tuple(column.header for column in COLUMNS)


def exhibit_rows(granted: pl.DataFrame) -> Iterator[Sequence[Any]]:
    """The cell values of each exhibit row, in column order."""
    shown = granted.select(
        pl.col("name"),
        pl.col("dob"),
        pl.col("cii_number"),
        pl.col("case_number"),
        pl.col("court"),
        pl.col("code_section"),
        pl.col("level").str.to_titlecase(),
        pl.col("conviction_date"),
        pl.col("relief"),
        pl.col("basis"),
        pl.when(pl.col("case_all_dismissed")).then(pl.lit("Yes")).otherwise(pl.lit("No")),
    )
    for number, row in enumerate(printable(shown).iter_rows(), start=1):
        yield (number, display_name(row[0]), *row[1:])


def build_exhibit(
    determinations: pl.DataFrame,
    *,
    county: str,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> tuple[bytes, int]:
    """The unsealed workbook's bytes (kept in memory only; `write_exhibit` seals it) and its
    number of rows."""
    progress(Progress(0, 0, "Selecting the granted convictions"))
    granted = granted_convictions(determinations)
    court = superior_court(county)
    setup = PrintSetup(
        sheet_title="Exhibit 1",
        header_left=f"EXHIBIT 1 - {court}",
        header_center=CONFIDENTIAL,
        footer_left="People v. the persons listed in Exhibit 1 (HS 11361.8, 11361.9)",
    )
    workbook = build_table_workbook(
        COLUMNS, exhibit_rows(granted), granted.height, setup, progress=progress, cancel=cancel
    )
    return workbook, granted.height


def write_exhibit(
    path: Path,
    determinations: pl.DataFrame,
    *,
    county: str,
    password: str,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Build, seal in memory and write atomically; returns the number of exhibit rows."""
    check_password(password, str(path))
    plain, rows = build_exhibit(determinations, county=county, progress=progress, cancel=cancel)
    if cancel is not None:
        cancel.check()
    progress(Progress(0, 0, "Sealing the workbook with its password"))
    atomic_write_bytes(path, seal_workbook(plain, password))
    return rows
