"""Reading an `evaluate` output folder back: determinations.csv and summary.json.

The CSV's columns and types are fixed by CONTRACTS.md (dates ISO, bools `true`/`false`); a
value that does not fit is an InputError naming the file, the line and the column.
"""

import csv
import io
import json
from pathlib import Path
from typing import Final

import polars as pl

from app.eligibility.summary import ImpactSummary
from app.errors import InputError, cannot_read
from app.exports.relief import BASIS_VALUES, RELIEF_VALUES

DATE_COLUMNS: Final = ("dob", "conviction_date", "sentence_end", "offense_date")
BOOL_COLUMNS: Final = ("currently_serving",)  # blank: not known
INT_COLUMNS: Final = ("case_other_convictions", "age_at_offense")
# What the papers say of each conviction rests on these; a file without them was written by
# an older evaluate and is refused rather than guessed at.
RELIEF_COLUMNS: Final = ("relief", "basis", "offense_date", "age_at_offense")
REQUIRED_COLUMNS: Final = (
    "subject_id", "cnt_order", "name", "dob", "cii_number", "case_number", "court",
    "code_section", "section", "level", "conviction_date", "county", "determination",
    "rule_id", "reason", "statute", "flags", "currently_serving", "case_key",
    "case_other_convictions", *RELIEF_COLUMNS,
)  # fmt: skip
# Present in the contract but only needed by some documents; filled with nulls when absent.
OPTIONAL_TEXT_COLUMNS: Final = ("offense", "bear_reason", "race", "facts")
DETERMINATION_VALUES: Final = ("dismiss", "reduce", "review", "not_eligible", "already_granted")
# Never empty as evaluate writes them. polars reads a line cut short with its last fields
# empty; case_other_convictions, next to last, shows it.
ALWAYS_FILLED: Final = ("rule_id", "case_other_convictions", "relief")


def read_determinations(path: Path) -> pl.DataFrame:
    try:
        raw = pl.read_csv(path, infer_schema=False)
    except FileNotFoundError as exc:
        raise InputError(
            str(path), "not found; run `countyclear evaluate ... --out DIR` first"
        ) from exc
    except (pl.exceptions.PolarsError, OSError, UnicodeDecodeError) as exc:
        raise _unreadable(path, exc) from None
    refuse_without_relief(raw, path)
    missing = [name for name in REQUIRED_COLUMNS if name not in raw.columns]
    if missing:
        raise InputError(
            str(path),
            f"is missing the column(s) {', '.join(missing)}; export from a folder written by "
            "`countyclear evaluate`",
            line=1,
        )
    frame = raw.with_columns(
        [pl.lit(None, pl.String).alias(c) for c in OPTIONAL_TEXT_COLUMNS if c not in raw.columns]
    )
    frame = _parse(frame, path)
    _check_values(frame, "determination", DETERMINATION_VALUES, path)
    _check_values(frame, "relief", RELIEF_VALUES, path)
    _check_values(frame, "basis", BASIS_VALUES, path, blank_ok=True)  # blank: nothing granted
    _check_filled(frame, ALWAYS_FILLED, path)
    return frame


def refuse_without_relief(frame: pl.DataFrame, where: Path | str) -> None:
    """One line naming the file and the fix when the relief columns are missing."""
    missing = [name for name in RELIEF_COLUMNS if name not in frame.columns]
    if missing:
        raise InputError(str(where), f"has no {', '.join(missing)} column(s): it was written "
                         "by an older CountyClear; run `countyclear evaluate` again to write it "
                         "anew, then export")


_WRITE_AGAIN: Final = ("Export from the folder as `countyclear evaluate` wrote it, or run "
                       "evaluate again.")


def _unreadable(path: Path, error: Exception) -> InputError:
    """Why polars could not read the file, found line by line (on this error path only):
    polars' own message names no line, runs over several and speaks to programmers."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return cannot_read(path, "determinations file", exc)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as bad:
        line = data.count(b"\n", 0, bad.start) + 1
        return InputError(str(path), "this line is not UTF-8 text: another program (Excel?) "
                          f"saved the file again. {_WRITE_AGAIN}", line)
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows, [])
        for row in rows:
            if row and len(row) != len(header):
                return InputError(str(path), f"{len(row)} fields where the header has "
                                  f"{len(header)}: the line was changed after evaluate wrote "
                                  f"it. {_WRITE_AGAIN}", rows.line_num)
    except csv.Error as exc:
        return InputError(str(path), f"{exc}. {_WRITE_AGAIN}", rows.line_num)
    detail = " ".join(str(error).split())
    return InputError(str(path), f"cannot be read as CSV ({detail}). {_WRITE_AGAIN}")


def _parse(frame: pl.DataFrame, path: Path) -> pl.DataFrame:
    typed = frame.with_columns(
        *[pl.col(c).str.to_date("%Y-%m-%d", strict=False) for c in DATE_COLUMNS if c in frame],
        *[
            pl.col(c)
            .str.to_lowercase()
            .replace_strict({"true": True, "false": False}, default=None, return_dtype=pl.Boolean)
            for c in BOOL_COLUMNS
        ],
        *[pl.col(c).cast(pl.Int64, strict=False) for c in INT_COLUMNS],
    )
    examples = {c: "YYYY-MM-DD" for c in DATE_COLUMNS} | {c: "true or false" for c in BOOL_COLUMNS}
    examples |= {c: "a whole number" for c in INT_COLUMNS}
    for column, expected in examples.items():
        if column not in frame.columns:
            continue
        bad = frame.get_column(column).is_not_null() & typed.get_column(column).is_null()
        if bad.any():
            row = int(bad.arg_true()[0])
            value = frame.get_column(column)[row]
            raise InputError(
                str(path),
                f"column {column} holds '{value}', expected {expected}",
                line=row + 2,  # the header is line 1
            )
    return typed


def _check_values(frame: pl.DataFrame, column: str, allowed: tuple[str, ...], path: Path,
                  *, blank_ok: bool = False) -> None:
    values = frame.get_column(column)
    bad = ~values.is_in(allowed).fill_null(False)
    if blank_ok:
        bad &= values.is_not_null()
    if bad.any():
        row = int(bad.arg_true()[0])
        value = frame.get_column(column)[row]
        expected = f"expected one of {', '.join(allowed)}"
        if all(cell is None for cell in frame.row(row)):
            problem = "the line is blank; delete it"
        elif value is None:
            problem = f"column {column} is empty, {expected}"
        else:
            problem = f"column {column} holds '{value}', {expected}"
        raise InputError(str(path), problem, line=row + 2)


def _check_filled(frame: pl.DataFrame, columns: tuple[str, ...], path: Path) -> None:
    for column in columns:
        empty = frame.get_column(column).is_null()
        if empty.any():
            raise InputError(str(path), f"column {column} is empty: the line may have been cut "
                             f"short. {_WRITE_AGAIN}", line=int(empty.arg_true()[0]) + 2)


def read_summary(path: Path) -> ImpactSummary:
    """The one place summary.json is read (app.outputs.write_summary writes it): every key
    checked, the first bad one named with the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(
            str(path), "not found; run `countyclear evaluate ... --out DIR` first"
        ) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = exc.lineno if isinstance(exc, json.JSONDecodeError) else None
        raise InputError(str(path), f"is not valid JSON ({exc})", line=line) from exc
    return ImpactSummary.from_json(data, str(path))
