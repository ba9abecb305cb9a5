"""Read DOJ research files with polars: every column as text, only the needed ones kept.

Structural problems (wrong field count, a bare quote, not a DOJ file, an empty file) stop the
read with one InputError naming the file and the physical line. Per-row data problems are left
to app/doj/records.py, which turns them into flags on the conviction.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from app.doj.schema import COLUMNS, FIELD_COUNT, INDEX, NEEDED
from app.doj.source import DojSource
from app.errors import InputError
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

BOM = b"\xef\xbb\xbf"
_QUOTED = r'"[^"]*"'  # a quoted field; "" escapes are two adjacent quoted pieces
_READ = NEEDED


@dataclass(frozen=True)
class _Layout:
    payload: bytes
    first_data_line: int  # 1-based physical line of the first record
    has_header: bool


def read_sources(
    sources: Sequence[DojSource],
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> pl.DataFrame:
    """All records of one delivery as one frame: NEEDED columns (raw text), `source`, `line`."""
    if not sources:
        raise InputError("(no file)", "choose at least one DOJ research file.")
    frames = []
    for done, source in enumerate(sources):
        if cancel:
            cancel.check()
        progress(Progress(done, len(sources), f"Reading {source.name}"))
        frames.append(read_source(source))
    progress(Progress(len(sources), len(sources), "Read all files"))
    return pl.concat(frames, how="vertical") if len(frames) > 1 else frames[0]


def read_source(source: DojSource) -> pl.DataFrame:
    layout = _layout(source)
    try:
        lines = _check_structure(source.name, layout)
    except pl.exceptions.ComputeError as exc:
        if not _is_encoding_error(exc):
            raise
        layout = _Layout(_as_utf8(layout.payload), layout.first_data_line, layout.has_header)
        lines = _check_structure(source.name, layout)
    try:
        frame = pl.read_csv(
            layout.payload,
            has_header=False,
            infer_schema=False,
            skip_lines=layout.first_data_line - 1,
            columns=[INDEX[name] for name in _READ],
            empty_string_is_null=False,
        )
    except pl.exceptions.PolarsError as exc:  # the structure check should have caught it
        raise InputError(source.name, f"could not be read as a DOJ research file ({exc}). "
                         "Ask DOJ for a fresh copy.") from None
    frame = frame.rename({f"column_{INDEX[name]}": name for name in _READ})
    # polars keeps one row per physical line, blank lines included; drop those.
    frame = frame.with_columns(
        source=pl.lit(source.name),
        line=pl.int_range(pl.len(), dtype=pl.Int64) + layout.first_data_line,
    )
    if frame.height != lines.len():  # a quoted line break, which DOJ files never hold
        raise InputError(source.name, "a quoted field spans several lines; DOJ research files "
                         "hold one record per line. Ask DOJ for a fresh copy.")
    frame = frame.filter(lines)
    return frame.select(*NEEDED, "source", "line")


def _layout(source: DojSource) -> _Layout:
    data = source.read_bytes()
    if data.startswith(BOM):
        data = data[len(BOM):]
    if not data.strip():
        raise InputError(source.name, "the file is empty. Check that the whole delivery was "
                         "copied, or ask DOJ for a fresh copy.", 1)
    line = 1
    start = 0
    # Skip leading blank lines, then a header row (it starts with RECORD_ID).
    while True:
        end = data.find(b"\n", start)
        text = data[start:] if end < 0 else data[start:end]
        if text.strip():
            break
        line += 1
        start = end + 1
    has_header = text.lstrip().startswith(b"RECORD_ID")
    if has_header:
        if end < 0 or not data[end + 1:].strip():
            raise InputError(source.name, "the file has a header row but no records. Check "
                             "that the whole delivery was copied.", line)
        # The first record is the next non-blank line.
        line += 1
        start = end + 1
        while True:
            end = data.find(b"\n", start)
            text = data[start:] if end < 0 else data[start:end]
            if text.strip():
                break
            line += 1
            start = end + 1
    return _Layout(payload=data, first_data_line=line, has_header=has_header)


def _as_utf8(data: bytes) -> bytes:
    """DOJ files are ASCII with the odd Windows-1252 name (PEÑA); polars wants UTF-8.

    Called only after polars refused the bytes, so clean files pay nothing for it.
    """
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace").encode("utf-8")


def _is_encoding_error(exc: Exception) -> bool:
    return "utf-8" in str(exc) or "utf8" in str(exc)


def _check_structure(name: str, layout: _Layout) -> pl.Series:
    """Every non-blank record line has exactly 95 fields and balanced quotes.

    Returns, per physical line from the first record on, whether it holds a record.
    """
    lines = pl.read_csv(
        layout.payload,
        has_header=False,
        separator="\x1f",
        quote_char=None,
        infer_schema=False,
        skip_lines=layout.first_data_line - 1,
        new_columns=["text"],
        empty_string_is_null=False,
    )["text"]
    stripped = lines.str.strip_chars()
    is_record = stripped.str.len_bytes() > 0
    unquoted = lines.str.replace_all(_QUOTED, "")
    fields = unquoted.str.count_matches(",", literal=True) + 1
    bare_quote = unquoted.str.contains('"', literal=True)
    bad = pl.DataFrame({"record": is_record, "fields": fields, "bare": bare_quote}).with_row_index(
        "i"
    ).filter(pl.col("record") & ((pl.col("fields") != FIELD_COUNT) | pl.col("bare")))
    if bad.height:
        first = bad.row(0, named=True)
        line = layout.first_data_line + int(first["i"])
        if first["bare"]:
            raise InputError(name, "a quote mark (\") opens a field that never closes. Fix or "
                             "remove that quote in a text editor, or ask DOJ for a fresh "
                             "copy.", line)
        if first["i"] == 0 and not layout.has_header:
            raise InputError(name, f"this is not a DOJ research file: its first line has "
                             f"{first['fields']} fields, a DOJ file has {FIELD_COUNT}. Choose "
                             "the research file DOJ delivered.", line)
        raise InputError(name, f"expected {FIELD_COUNT} comma-separated fields, found "
                         f"{first['fields']}. The line may be cut short or joined with the "
                         "next; fix it in a text editor or ask DOJ for a fresh copy.", line)
    return is_record


__all__ = ["COLUMNS", "read_source", "read_sources"]
