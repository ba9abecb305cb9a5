"""The `evaluate` output folder: determinations.csv and summary.json, written and read back."""

import io
import json
from pathlib import Path
from typing import Any

import polars as pl

from app.eligibility.engine import DETERMINATION_COLUMNS
from app.errors import InputError
from app.fileio import atomic_write_bytes, atomic_write_text

DETERMINATIONS_CSV = "determinations.csv"
SUMMARY_JSON = "summary.json"
_DATES = ("dob", "conviction_date", "sentence_end")


def write_outputs(folder: Path, determinations: pl.DataFrame, summary: dict[str, Any]) -> None:
    buffer = io.BytesIO()
    determinations.select(DETERMINATION_COLUMNS).write_csv(buffer, date_format="%Y-%m-%d")
    atomic_write_bytes(folder / DETERMINATIONS_CSV, buffer.getvalue())
    atomic_write_text(folder / SUMMARY_JSON, json.dumps(summary, indent=2, sort_keys=False))


def read_determinations(folder: Path) -> pl.DataFrame:
    path = folder / DETERMINATIONS_CSV
    if not path.exists():
        raise InputError(str(path), "not found. Run `countyclear evaluate ... --out "
                         f"{folder}` first.")
    try:
        frame = pl.read_csv(path, infer_schema=False)
    except pl.exceptions.PolarsError as exc:
        raise InputError(str(path), f"cannot be read ({exc}); run evaluate again.") from None
    missing = [c for c in DETERMINATION_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(str(path), f"is missing the column {missing[0]}; run evaluate again.",
                         1)
    return frame.with_columns(
        *[pl.col(c).str.strptime(pl.Date, "%Y-%m-%d", strict=False) for c in _DATES],
        pl.col("currently_serving") == "true",
        pl.col("case_other_convictions").cast(pl.Int64, strict=False).fill_null(0),
        *[pl.col(c).fill_null("") for c in ("case_number", "flags", "facts", "cii_number",
                                            "race", "court", "reason", "statute")],
    )


def read_summary(folder: Path) -> dict[str, Any]:
    path = folder / SUMMARY_JSON
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "not found. Run `countyclear evaluate` first.") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"is not valid JSON ({exc.msg}); run evaluate again.",
                         exc.lineno) from None
    return data
