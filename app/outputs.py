"""The `evaluate` output folder: determinations.csv and summary.json (read back by
app/exports/inputs.py, which checks every value)."""

import io
import json
from pathlib import Path
from typing import Any

import polars as pl

from app.eligibility.engine import DETERMINATION_COLUMNS
from app.fileio import atomic_write_bytes, atomic_write_text

DETERMINATIONS_CSV = "determinations.csv"
SUMMARY_JSON = "summary.json"


def write_outputs(folder: Path, determinations: pl.DataFrame, summary: dict[str, Any]) -> None:
    buffer = io.BytesIO()
    determinations.select(DETERMINATION_COLUMNS).write_csv(buffer, date_format="%Y-%m-%d")
    atomic_write_bytes(folder / DETERMINATIONS_CSV, buffer.getvalue())
    atomic_write_text(folder / SUMMARY_JSON, json.dumps(summary, indent=2, sort_keys=False))
