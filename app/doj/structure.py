"""The exact check: is a record exactly 95 fields, with quotes that close? And the Problem
that names the line where one is not.

The check (field count with quoted commas discounted) costs a regex over every line it
sees, so the reader gives it only the records its cheap screen suspects, or, to name a
damaged file's problem, the whole file, streamed.
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


UNSETTLED = Problem(None, "its lines do not divide into records (a quote mark may be out of "
                    "place). Ask DOJ for a fresh copy.")
STRAY_AFTER_QUOTE = ("a field has characters after its closing quote mark (such as "
                     "\"FELONY\"x): the quoting is damaged. Fix that field in a text editor, "
                     "or ask DOJ for a fresh copy.")
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


def check_records(
    payload: bytes | str, skip: int, first_lines: pl.Series, line_count: int,
    wanted: pl.Series | None = None,
) -> tuple[Problem | None, pl.Series]:
    """check_lines of the records `wanted` (ascending record numbers; None: every record),
    and which of them are not blank. `first_lines` gives each record's first physical line,
    0-based after `skip`; `line_count` lines in all. A record of one line is checked as the
    file streams; the lines of one that spans several (a quoted field holding line breaks)
    are joined again and it is named by the line it starts on. So checking every record of
    a large file neither copies it nor holds it as text."""
    ends = pl.concat([first_lines.slice(1), pl.Series([line_count], dtype=first_lines.dtype)])
    records = pl.DataFrame({"record": pl.int_range(first_lines.len(), eager=True),
                            "start": first_lines, "end": ends})
    if wanted is not None:
        records = records[wanted]
    spans = records.filter(pl.col("end") - pl.col("start") > 1)
    inner = spans.select(pl.int_ranges("start", "end", dtype=pl.Int64).explode())["start"]
    physical = pl.col("physical").cast(pl.Int64)
    lines = scan_lines(payload, skip).with_row_index("physical").with_columns(physical)
    # Streamed: a filter keeps only the wanted lines (grouping them in the same query made
    # polars read every line's text first).
    single = lines.filter(physical.is_in(records["start"].implode())
                          & ~physical.is_in(spans["start"].implode()))
    joined = (
        lines.filter(physical.is_in(inner.implode()))
        .with_columns(record=pl.lit(first_lines).search_sorted(physical, side="right") - 1)
        .collect(engine="streaming")
        .group_by("record")
        .agg(physical.min(), pl.col("text").sort_by(physical).str.join("\n"))
    )
    named = (physical + skip + 1).alias("line")
    joined = joined.sort("record")
    checked = [check_lines(single.select("text", named)),
               check_lines(joined.lazy().select("text", named))]
    problems = [problem for problem, _ in checked if problem is not None]
    # Each record's result in record order: the single ones and the joined ones merged.
    order = pl.concat([records.filter(pl.col("end") - pl.col("start") <= 1)["record"],
                       joined["record"].cast(pl.Int64)])
    not_blank = pl.concat([checked[0][1], checked[1][1]]).gather(order.arg_sort())
    return min(problems, key=lambda problem: problem.line or 0) if problems else None, not_blank
