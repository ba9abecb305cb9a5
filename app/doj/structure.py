"""Is every record line a DOJ record: exactly 95 fields, quotes that close?

The exact check (field count with quoted commas discounted) costs a scan of every line, so
the reader first screens: a record whose END_OF_REC holds the file's usual end marker and
whose line ends with that marker has exactly 95 fields (a missing field leaves END_OF_REC
empty; an extra one shifts another value into it or pushes the marker off the end). Only
the lines that fail the screen, or every line when the file has no marker, get the exact
check.
"""

from dataclasses import dataclass

import polars as pl

from app.doj.lines import scan_lines
from app.doj.schema import FIELD_COUNT
from app.errors import InputError


@dataclass(frozen=True)
class Problem:
    """Why a line is not a DOJ record, named by its line (None: the file as a whole)."""

    line: int | None
    message: str
    # An odd number of quote marks: a stray quote, or a quoted field holding a line break
    # (the reader then looks at the records the quote marks make before saying so).
    unclosed_quote: bool = False

    def error(self, name: str) -> InputError:
        return InputError(name, self.message, self.line)


UNCLOSED_QUOTE = ("a quote mark (\") opens a field that never closes. Fix or remove that "
                  "quote in a text editor, or ask DOJ for a fresh copy.")


def exact_check(
    lines: pl.Series, line_numbers: list[int] | pl.Series
) -> tuple[Problem | None, pl.Series]:
    """The first line that is not a record, and which lines are not blank."""
    return check_lines(pl.DataFrame({"text": lines, "line": line_numbers}).lazy())


def check_lines(lines: pl.LazyFrame) -> tuple[Problem | None, pl.Series]:
    """exact_check of `lines` (columns `text` and `line`), run by polars' streaming engine:
    checking every line of a large file then never holds the file as text."""
    text = pl.col("text")
    # Commas inside quoted fields ("DOE,JANE") do not separate fields.
    inside = (
        pl.when(text.str.contains('"', literal=True))
        .then(text.str.extract_all('"[^"]*"').list.join("").str.count_matches(",", literal=True))
        .otherwise(0)
    )
    frame = lines.select(
        pl.col("line"),
        (text.fill_null("").str.strip_chars().str.len_bytes() > 0).alias("record"),
        (text.str.count_matches(",", literal=True) - inside.fill_null(0) + 1).alias("fields"),
        (text.str.count_matches('"', literal=True) % 2 == 1).alias("bare"),
    ).collect(engine="streaming")
    bad = frame.filter(
        pl.col("record") & ((pl.col("fields") != FIELD_COUNT) | pl.col("bare"))
    ).head(1)
    if not bad.height:
        return None, frame["record"]
    first = bad.row(0, named=True)
    if first["bare"]:
        return Problem(int(first["line"]), UNCLOSED_QUOTE, unclosed_quote=True), frame["record"]
    return Problem(int(first["line"]), f"expected {FIELD_COUNT} comma-separated fields, found "
                   f"{first['fields']}. The line may be cut short or joined with the next; fix "
                   "it in a text editor or ask DOJ for a fresh copy."), frame["record"]


def _record_ends(first_lines: pl.Series, line_count: int) -> pl.Series:
    """Per record, the line after its last: the next record's first line, or the count."""
    return pl.concat([first_lines.slice(1), pl.Series([line_count], dtype=first_lines.dtype)])


def _lines_of(first_lines: pl.Series, line_count: int, records: pl.Series) -> pl.Series:
    """The physical lines of `records` (record numbers), in order."""
    spans = pl.DataFrame({"start": first_lines.gather(records),
                          "end": _record_ends(first_lines, line_count).gather(records)})
    return spans.select(pl.int_ranges("start", "end", dtype=pl.Int64).explode())["start"]


def check_records(
    payload: bytes | str, layout_skip: int, first_lines: pl.Series, line_count: int,
    wanted: pl.Series,
) -> tuple[Problem | None, pl.Series]:
    """check_lines of the records `wanted` (ascending record numbers) of a file whose quoted
    fields hold line breaks: each record's lines (`first_lines` gives each record's first,
    0-based after `layout_skip`; `line_count` lines in all) joined again and named by the
    file line it starts on. The file is streamed and only the wanted records' lines are
    kept as text, so checking many records of a large file neither copies it nor holds it."""
    kept = _lines_of(first_lines, line_count, wanted)
    physical = pl.col("physical")
    # Streamed: a filter and a sorted search keep only the wanted lines (grouping them in
    # the same query made polars read every line's text first).
    lines = (
        scan_lines(payload, layout_skip)
        .with_row_index("physical")
        .with_columns(physical.cast(pl.Int64))
        .filter(physical.is_in(kept.implode()))
        .with_columns(
            (pl.lit(first_lines).search_sorted(physical, side="right") - 1).alias("record")
        )
        .collect(engine="streaming")
    )
    records = lines.group_by("record").agg(
        physical.min().alias("start"), pl.col("text").sort_by(physical).str.join("\n")
    ).sort("record")
    return check_lines(records.lazy().select(
        "text", (pl.col("start") + layout_skip + 1).alias("line")
    ))


def first_bad_record(
    payload: bytes | str, layout_skip: int, first_lines: pl.Series, line_count: int
) -> Problem | None:
    """The first record that is not a DOJ record, as check_lines finds it for lines, in a
    file whose quoted fields hold line breaks (`first_lines`, `line_count`: as for
    check_records); None if every record is one. The records of one line are checked as the
    file streams; only those that span lines are joined, so the file is never held as text."""
    spanning = ((_record_ends(first_lines, line_count) - first_lines) > 1).arg_true()
    inner = _lines_of(first_lines, line_count, spanning)
    physical = pl.col("physical").cast(pl.Int64)
    single = (
        scan_lines(payload, layout_skip)
        .with_row_index("physical")
        .filter(~physical.is_in(inner.implode()))
        .select("text", (physical + layout_skip + 1).alias("line"))
    )
    found = [check_lines(single)[0],
             check_records(payload, layout_skip, first_lines, line_count, spanning)[0]]
    problems = [problem for problem in found if problem is not None]
    return min(problems, key=lambda problem: problem.line or 0) if problems else None
