"""Exhibit 1 (`exhibit_1.xlsx`): every conviction the court is asked to grant, sealed.

docs/PAPERS.md: one row per conviction count; never SSN, driver's license, FBI number or race,
and never a staff member's reason or note. The Relief column holds the same words as the
order. The file holds summary criminal history (PC 11142, 13300-13303), so it is always
encrypted with a password and every printed page says CONFIDENTIAL; its Totals sheet gives the
figures of the motion.
"""

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import polars as pl

from app.exports.relief import (
    Accounting,
    basis_words,
    display_name,
    granted_convictions,
    has_case_number,
    relief_words,
    superior_court,
)
from app.exports.sealing import seal_workbook
from app.exports.workbook import Column, PrintSetup, build_table_workbook, printable
from app.fileio import atomic_write_bytes
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

EXHIBIT_FILE: Final = "exhibit_1.xlsx"
CONFIDENTIAL: Final = "CONFIDENTIAL - LODGED CONDITIONALLY UNDER SEAL"
NO_CASE_NUMBER: Final = "No case number"

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
    Column("Relief", 28, "wrap"),
    Column("Basis", 30, "wrap"),
    Column("All convictions in case dismissed", 13, "wrap"),
)
HEADERS: Final = tuple(column.header for column in COLUMNS)


def exhibit_rows(granted: pl.DataFrame, authority: str) -> Iterator[Sequence[Any]]:
    """The cell values of each exhibit row, in column order (`granted`: granted_convictions)."""
    case_whole = (
        pl.when(~has_case_number()).then(pl.lit(NO_CASE_NUMBER))
        .when(pl.col("case_sealable")).then(pl.lit("Yes"))
        .otherwise(pl.lit("No"))
    )  # fmt: skip
    shown = granted.select(
        pl.col("name"),
        pl.col("dob"),
        pl.col("cii_number"),
        pl.when(has_case_number()).then(pl.col("case_number")).otherwise(pl.lit(NO_CASE_NUMBER)),
        pl.col("court"),
        pl.col("code_section"),
        pl.col("level").str.to_titlecase(),
        pl.col("conviction_date"),
        relief_words(),
        basis_words(authority),
        case_whole,
    )
    for number, row in enumerate(printable(shown).iter_rows(), start=1):
        yield (number, display_name(row[0]), *row[1:])


def exhibit_totals(counts: Accounting) -> list[tuple[str, int]]:
    return [
        ("Convictions listed in Exhibit 1", counts.granted),
        *[(f"  {category.label}", count) for category, count in counts.by_category],
        ("Persons listed in Exhibit 1", counts.people),
        ("Court cases in which every conviction is dismissed", counts.cases_sealable),
        ("Convictions with no court case number", counts.granted_without_case_number),
        ("Not in Exhibit 1 (listed separately)", counts.listed_separately),
        ("  Challenged or not eligible", counts.challenged + counts.not_eligible),
        ("  Already granted", counts.already_granted),
        ("  Pending review", counts.pending),
        ("Convictions identified by the Department of Justice", counts.identified),
    ]


def build_exhibit(
    outcomes: pl.DataFrame,
    counts: Accounting,
    *,
    county: str,
    authority: str = "",
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> tuple[bytes, int]:
    """The unsealed workbook's bytes (kept in memory only; `write_exhibit` seals it) and its
    number of rows. `outcomes`: relief.outcomes(determinations)."""
    progress(Progress(0, 0, "Selecting the granted convictions"))
    granted = granted_convictions(outcomes)
    setup = PrintSetup(
        sheet_title="Exhibit 1",
        header_left=f"EXHIBIT 1 - {superior_court(county)}",
        header_center=CONFIDENTIAL,
        footer_left="People v. the persons listed in Exhibit 1 (HS 11361.8, 11361.9)",
    )
    workbook = build_table_workbook(
        COLUMNS, exhibit_rows(granted, authority), granted.height, setup,
        totals=exhibit_totals(counts), progress=progress, cancel=cancel,
    )  # fmt: skip
    return workbook, granted.height


def write_exhibit(
    path: Path,
    outcomes: pl.DataFrame,
    counts: Accounting,
    *,
    county: str,
    password: str,
    authority: str = "",
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Build, seal in memory and write atomically; returns the number of exhibit rows. The
    password was checked by the caller (app.exports.documents.check_request)."""
    plain, rows = build_exhibit(outcomes, counts, county=county, authority=authority,
                                progress=progress, cancel=cancel)  # fmt: skip
    if cancel is not None:
        cancel.check()
    progress(Progress(0, 0, "Sealing the workbook with its password"))
    atomic_write_bytes(path, seal_workbook(plain, password))
    return rows
