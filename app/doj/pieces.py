"""A DOJ file's records read by polars a piece at a time, Windows-1252 lines made UTF-8.

Handing polars the whole file would make it hold a second, repaired copy of it whenever one
byte is not UTF-8 (polars' lossy decoding copies the input), and a Los Angeles file is most
of a gigabyte. Pieces of about PIECE bytes, cut where a record starts, are each copied out
of the file (mapped, so its pages are handed back behind the read), their Windows-1252
records decoded as such (PEÑA), and parsed strictly as UTF-8; only the needed columns are
kept. Memory then holds the needed columns and one piece, whatever the file's size.
"""

import re
from bisect import bisect_left
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import pairwise

import polars as pl

from app.doj.lines import LineFacts, RawBytes, lands, release_pages
from app.doj.schema import CATEGORICAL, INDEX
from app.doj.structure import STRAY_AFTER_QUOTE, UNSETTLED, Problem

PIECE = 16 << 20  # under 32 MiB, the C library reuses a freed piece's memory for the next


def read_pieces(raw: RawBytes, facts: LineFacts, columns: Sequence[str], first_line: int
                ) -> pl.DataFrame | Problem:
    """One row per row of `facts` (a record, or a blank line), the `columns` as raw text; a
    Problem when polars cannot parse a piece or reads another number of rows from it (a
    damaged file: the caller diagnoses it). `facts` offsets must hold (lines_land);
    `first_line`: the file's line of the first row.

    The next piece is cut out while polars parses this one (it lets go of Python meanwhile):
    on two cores that hides most of the copying."""
    bounds = piece_bounds(facts)
    flagged = (facts.replaced > 0).arg_true()
    cuts = _Cuts(
        starts=[*facts.starts.gather(bounds[:-1]).to_list(), len(raw)],
        flagged=flagged.to_list(),
        flagged_starts=facts.starts.gather(flagged).to_list(),
        flagged_ends=(facts.starts + facts.lengths).gather(flagged).to_list(),
    )
    frames = []
    with memoryview(raw) as view, ThreadPoolExecutor(1) as cutter:
        ahead = cutter.submit(_piece, raw, view, cuts, bounds, 0)
        for n, (first, stop) in enumerate(pairwise(bounds)):
            text = ahead.result()
            if n + 2 < len(bounds):
                ahead = cutter.submit(_piece, raw, view, cuts, bounds, n + 1)
            frame = _parse(text, columns)
            if isinstance(frame, _Unescaped):  # named by its line, counted in the piece
                line = first_line + int(facts.line_numbers[first]) + text.count(
                    b"\n", 0, max(text.find(frame.field.encode()), 0))
                return Problem(line, STRAY_AFTER_QUOTE)
            del text
            if isinstance(frame, Problem) or frame.height != stop - first:
                return frame if isinstance(frame, Problem) else UNSETTLED
            frames.append(frame)
    return pl.concat(frames) if len(frames) > 1 else frames[0]


@dataclass(frozen=True)
class _Cuts:
    starts: list[int]  # each piece's first byte, and the end of the file
    flagged: list[int]  # the rows that held bytes that are not UTF-8, ascending
    flagged_starts: list[int]
    flagged_ends: list[int]


def _piece(raw: RawBytes, view: memoryview, cuts: _Cuts, bounds: list[int], n: int) -> bytes:
    """Piece n's bytes, its Windows-1252 rows made UTF-8; the file's pages go back after."""
    begin, end = cuts.starts[n], cuts.starts[n + 1]
    parts: list[bytes | memoryview] = []
    at = begin
    for k in range(bisect_left(cuts.flagged, bounds[n]), bisect_left(cuts.flagged, bounds[n + 1])):
        parts += [view[at:cuts.flagged_starts[k]],
                  _utf8(bytes(view[cuts.flagged_starts[k]:cuts.flagged_ends[k]]))]
        at = cuts.flagged_ends[k]
    parts.append(view[at:end])
    text = b"".join(parts)
    release_pages(raw, begin, end)
    return text


def first_broken_category(frame: pl.DataFrame) -> int | None:
    """The first row with a category that is not UTF-8, or None. polars reads text after a
    quoted value's closing quote into the value (`"FELONY"é`, damaged quoting), and may cut
    a character in two doing so; text columns are checked as UTF-8 as they are parsed, but
    categories are not, and one such value would break every later use of the column."""
    columns = [c for c, dtype in frame.schema.items() if dtype == pl.Categorical]
    as_bytes = pl.element().cast(pl.String).cast(pl.Binary)
    values = frame.select(pl.col(columns).unique().implode().list.eval(as_bytes)).row(0)
    first = None
    for column, uniques in zip(columns, values, strict=True):
        broken = [value for value in uniques if value is not None and not _is_utf8(value)]
        if broken:
            row = frame.select(pl.col(column).cast(pl.String).cast(pl.Binary).is_in(broken)
                               .arg_true().first()).item()
            first = row if first is None else min(first, row)
    return first


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def piece_bounds(facts: LineFacts) -> list[int]:
    """The rows where pieces start, about PIECE bytes apart, and the row count at the end."""
    size = PIECE
    if not facts.count:
        return [0, 0]
    # Only a record starts a piece: polars reads a piece of blank lines alone as no rows.
    records = (facts.lengths > 0).arg_true()
    starts = facts.starts.gather(records)
    targets = pl.Series(range(int(starts[0]) + size, int(starts[-1]) + 1, size), dtype=pl.Int64)
    rows = records.gather(starts.search_sorted(targets, side="left")).unique().sort().to_list()
    return [0, *(row for row in rows if 0 < row < facts.count), facts.count]


def lines_land(raw: RawBytes, facts: LineFacts) -> bool:
    """Whether the counted offsets hold: they end where the file ends, and every line that
    held bytes polars replaced is cut exactly (polars replaces a run of such bytes that looks
    like the start of a UTF-8 character by one mark, which throws the count off)."""
    if not facts.offsets_hold(raw):
        return False
    released = 0
    for start, length in zip(facts.starts.filter(facts.replaced > 0).to_list(),
                             facts.lengths.filter(facts.replaced > 0).to_list(), strict=True):
        if not lands(raw, start, length):
            return False
        if start - released > PIECE:  # the pages looked at go back behind the check
            released = release_pages(raw, released, start)
    release_pages(raw, released, len(raw))
    return True


def _utf8(body: bytes) -> bytes:
    """A record's bytes as UTF-8: as they are when they are UTF-8 already, else read as
    Windows-1252 (the encoding of DOJ's older extracts)."""
    return body if _is_utf8(body) else body.decode("cp1252", errors="replace").encode("utf-8")


@dataclass(frozen=True)
class _Unescaped:
    """polars refused a field with characters after its closing quote (`"FELONY"x`)."""

    field: str


_UNESCAPED = re.compile(r"could not parse `(.*)` as dtype .*is not properly escaped", re.S)


def _parse(text: bytes, columns: Sequence[str]) -> pl.DataFrame | Problem | _Unescaped:
    try:
        categories = [f"column_{INDEX[column]}" for column in columns if column in CATEGORICAL]
        frame = pl.read_csv(text, has_header=False, infer_schema=False,
                            columns=[INDEX[column] for column in columns],
                            schema_overrides=dict.fromkeys(categories, pl.Categorical),
                            empty_string_is_null=False)
    except pl.exceptions.PolarsError as exc:
        unescaped = _UNESCAPED.search(str(exc))
        if unescaped:
            return _Unescaped(unescaped.group(1))
        return Problem(None, f"could not be read as a DOJ research file ({exc}). Ask DOJ for "
                       "a fresh copy.")
    # polars reads a quoted empty field ("") as null into a category, and as "" into text.
    frame = frame.with_columns(pl.col(categories).fill_null(""))
    return frame.rename({f"column_{INDEX[column]}": column for column in columns})
