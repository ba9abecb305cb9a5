"""Read DOJ research files with polars: every column as text, only the needed ones kept.

Structural problems (wrong field count, a bare quote, not a DOJ file, an empty file) stop the
read with one InputError naming the file and the physical line. Per-row data problems are left
to app/doj/records.py, which turns them into flags on the conviction.

Speed matters (a Los Angeles file has millions of rows): a plain file is memory-mapped by
polars, never copied into Python; Windows-1252 names are repaired row by row (app/doj/cp1252)
instead of transcoding the whole file.
"""

import mmap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from app.doj.cp1252 import REPLACEMENT, apply_repair, plan_repair
from app.doj.schema import FIELD_COUNT, INDEX, NEEDED
from app.doj.source import DojSource
from app.errors import InputError
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

BOM = b"\xef\xbb\xbf"
_HEAD = 1 << 16  # enough bytes to find the header and the first record


@dataclass(frozen=True)
class Layout:
    first_data_line: int  # 1-based physical line of the first record
    first_data_offset: int  # byte offset of that line
    has_header: bool
    eol: int  # 2 for CRLF files, 1 for LF


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
    with _mapped(source) as raw:
        layout = find_layout(source.name, bytes(raw[:_HEAD]), len(raw))
        payload: bytes | str = source.data if source.data is not None else str(source.path)
        lines = _read_lines(payload, layout)
        checked = check_structure(source.name, lines, layout)
        repair = plan_repair(lines, checked["replaced"], raw, layout.first_data_offset,
                             layout.eol)
        line_count = lines.len()
        del lines  # the whole file as text: gone before the main read, for peak memory
        frame = _read_needed(source.name, payload, layout)
        if frame.height != line_count:  # a quoted line break: DOJ files never hold one
            raise InputError(source.name, "a quoted field spans several lines; DOJ research "
                             "files hold one record per line. Ask DOJ for a fresh copy.")
        frame = frame.with_columns(
            source=pl.lit(source.name),
            line=pl.int_range(pl.len(), dtype=pl.Int64) + layout.first_data_line,
        )
        frame = apply_repair(frame, repair, raw, layout.first_data_offset)
    # polars keeps one row per physical line, blank lines included; drop those.
    return frame.filter(checked["record"]).select(*NEEDED, "source", "line")


class _mapped:
    """The source's bytes without a copy: its own bytes, or the file memory-mapped."""

    def __init__(self, source: DojSource) -> None:
        self.source = source
        self.handle = None
        self.map: mmap.mmap | None = None
        self.view: memoryview | None = None

    def __enter__(self) -> memoryview:
        if self.source.data is not None:
            return memoryview(self.source.data)
        path = self.source.path
        assert path is not None, "a DojSource needs data or a path"
        try:
            self.handle = Path(path).open("rb")  # type: ignore[assignment]
            size = Path(path).stat().st_size
        except OSError as exc:
            raise InputError(str(path), f"cannot read the file ({exc.strerror}).") from None
        if size == 0:
            return memoryview(b"")
        assert self.handle is not None
        self.map = mmap.mmap(self.handle.fileno(), 0, access=mmap.ACCESS_READ)
        self.view = memoryview(self.map)
        return self.view

    def __exit__(self, *_: object) -> None:
        if self.view is not None:
            self.view.release()
        if self.map is not None:
            self.map.close()
        if self.handle is not None:
            self.handle.close()


def find_layout(name: str, head: bytes, size: int) -> Layout:
    """Where the records start: after a BOM, leading blank lines and a RECORD_ID header."""
    offset = len(BOM) if head.startswith(BOM) else 0
    if not head[offset:].strip() and size <= len(head):
        raise InputError(name, "the file is empty. Check that the whole delivery was copied, "
                         "or ask DOJ for a fresh copy.", 1)
    line, has_header, header_line = 1, False, 0
    while True:
        end = head.find(b"\n", offset)
        text = head[offset:] if end < 0 else head[offset:end]
        if text.strip():
            if has_header or not text.lstrip().startswith(b"RECORD_ID"):
                break
            has_header, header_line = True, line
        if end < 0:
            if has_header:
                raise InputError(name, "the file has a header row but no records. Check that "
                                 "the whole delivery was copied.", header_line)
            raise InputError(name, "the file is empty. Check that the whole delivery was "
                             "copied, or ask DOJ for a fresh copy.", 1)
        line += 1
        offset = end + 1
    eol = 2 if end > 0 and head[end - 1:end] == b"\r" else 1
    return Layout(first_data_line=line, first_data_offset=offset, has_header=has_header,
                  eol=eol)


def _read_lines(payload: bytes | str, layout: Layout) -> pl.Series:
    """Every physical line from the first record on, as text (blank lines are null)."""
    return pl.read_csv(
        payload,
        has_header=False,
        separator="\x1f",
        quote_char=None,
        infer_schema=False,
        skip_lines=layout.first_data_line - 1,
        new_columns=["text"],
        encoding="utf8-lossy",
    )["text"]


def check_structure(name: str, lines: pl.Series, layout: Layout) -> pl.DataFrame:
    """Every record line has exactly 95 fields and balanced quotes.

    Returns, per physical line, `record` (not blank) and `replaced` (how many bytes were not
    UTF-8), for the caller to filter and repair.
    """
    text = pl.col("text")
    checked = (
        pl.DataFrame({"text": lines})
        .lazy()
        .with_row_index("i")
        .with_columns(
            (text.fill_null("").str.strip_chars().str.len_bytes() > 0).alias("record"),
            text.str.count_matches(",", literal=True).alias("commas"),
            text.str.count_matches('"', literal=True).alias("quotes"),
            text.str.count_matches(REPLACEMENT, literal=True).fill_null(0).alias("replaced"),
        )
    )
    # Commas inside quoted fields ("DOE,JANE") do not separate fields; only lines with
    # quotes pay for finding them.
    quoted = (
        checked.filter(pl.col("quotes") > 0)
        .select(
            "i",
            text.str.extract_all('"[^"]*"').list.join("").str.count_matches(",", literal=True)
            .alias("inside"),
        )
    )
    frame = (
        checked.join(quoted, on="i", how="left")
        .with_columns(
            (pl.col("commas") - pl.col("inside").fill_null(0) + 1).alias("fields"),
            (pl.col("quotes") % 2 == 1).alias("bare"),
        )
        .select("i", "record", "fields", "bare", "replaced")
        .collect()
    )
    bad = frame.filter(
        pl.col("record") & ((pl.col("fields") != FIELD_COUNT) | pl.col("bare"))
    ).head(1)
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
    return frame.select("record", "replaced")


def _read_needed(name: str, payload: bytes | str, layout: Layout) -> pl.DataFrame:
    try:
        frame = pl.read_csv(
            payload,
            has_header=False,
            infer_schema=False,
            skip_lines=layout.first_data_line - 1,
            columns=[INDEX[column] for column in NEEDED],
            empty_string_is_null=False,
            encoding="utf8-lossy",
        )
    except pl.exceptions.PolarsError as exc:  # the structure check should have caught it
        raise InputError(name, f"could not be read as a DOJ research file ({exc}). Ask DOJ "
                         "for a fresh copy.") from None
    return frame.rename({f"column_{INDEX[column]}": column for column in NEEDED})
