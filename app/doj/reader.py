"""Read DOJ research files with polars: every column as text, only the needed ones kept.

Structural problems (wrong field count, a bare quote, not a DOJ file, an empty file) stop the
read with one InputError naming the file and the physical line. Per-row data problems are left
to app/doj/records.py, which turns them into flags on the conviction.

Speed matters (a Los Angeles file has millions of rows): a plain file is memory-mapped by
polars, never copied into Python; Windows-1252 names are repaired row by row (app/doj/cp1252)
instead of transcoding the whole file.
"""

import mmap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from app.doj.cp1252 import repair
from app.doj.folding import SPANS_AT_MOST, fold_quoted_line_breaks, record_facts
from app.doj.lines import LineFacts, RawBytes, cut_lines, scan_line_facts, scan_lines
from app.doj.schema import INDEX, NEEDED
from app.doj.source import DojSource
from app.doj.structure import (
    Problem,
    check_header,
    check_lines,
    check_records,
    exact_check,
    first_bad_record,
    first_record_marker,
    is_whole_record,
)
from app.errors import InputError, cannot_read
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

BOM = b"\xef\xbb\xbf"
_HEAD = 1 << 16  # enough bytes to find the header and the first record
_STAGES = 3  # progress steps per file: line facts, the main read, the checks


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
    columns: Sequence[str] = NEEDED,
) -> pl.DataFrame:
    """All records of one delivery as one frame: `columns` (raw text, by default every
    column CountyClear uses, app.doj.schema), `source`, `line`."""
    if not sources:
        raise InputError("(no file)", "choose at least one DOJ research file.")
    frames = []
    total = len(sources) * _STAGES
    for index, source in enumerate(sources):

        def stage(step: int, text: str, index: int = index, name: str = source.name) -> None:
            if cancel:
                cancel.check()
            progress(Progress(index * _STAGES + step, total, f"{text} {name}"))

        frames.append(read_source(source, stage, columns))
    progress(Progress(total, total, f"Read {len(sources)} file(s)"))
    return pl.concat(frames, how="vertical") if len(frames) > 1 else frames[0]


def _no_stage(step: int, text: str) -> None:
    """Stage reports for callers that do not show progress."""


def read_source(
    source: DojSource,
    stage: Callable[[int, str], None] = _no_stage,
    columns: Sequence[str] = NEEDED,
) -> pl.DataFrame:
    with _mapped(source) as raw:
        layout = find_layout(source.name, bytes(raw[:_HEAD]), len(raw))
        payload: bytes | str = source.data if source.data is not None else str(source.path)
        read = _read(payload, raw, layout, stage, tuple(columns))
        if isinstance(read, pl.DataFrame):
            return _named(read, source.name, columns)
        if isinstance(read, Problem) and not (read.unclosed_quote and _quote_closes_soon(
                raw, layout, read.line)):
            raise read.error(source.name)  # a stray quote: folding would end at its line too
        # The records could not be vouched for as read (quoted line breaks included, see
        # _read): fold the file and read it again, the way that names a damaged file's
        # problem.
        folded = _read_folded(payload, raw, layout, stage, tuple(columns), read)
        if isinstance(folded, Problem):
            raise folded.error(source.name)
        return _named(folded, source.name, columns)


def _named(frame: pl.DataFrame, name: str, columns: Sequence[str]) -> pl.DataFrame:
    return frame.with_columns(source=pl.lit(name)).select(*columns, "source", "line")


@dataclass(frozen=True)
class _Unsettled:
    """More physical lines than records and no sure way to tell them apart: a quoted field
    holds a line break, or the file is damaged (which `explain` then says)."""

    payload: bytes | str  # the bytes read: the file, or its folded copy
    layout: "Layout"

    def explain(self) -> Problem:
        problem, _ = check_every_line(self.payload, self.layout)
        return problem or Problem(None, "its lines do not divide into records (a quote mark "
                                  "may be out of place). Ask DOJ for a fresh copy.")


def check_every_line(payload: bytes | str, layout: "Layout") -> tuple[Problem | None, pl.Series]:
    """The exact check of every physical line, streamed."""
    every = scan_lines(payload, layout.first_data_line - 1)
    return check_lines(every.with_row_index("line", offset=layout.first_data_line))


def _quote_closes_soon(raw: RawBytes, layout: "Layout", line: int | None) -> bool:
    """Whether the quote left open on `line` closes within the next SPANS_AT_MOST lines, as
    a quoted field's line break would. A stray quote leaves it open to the end of the file,
    or for a few quoted fields more: folding that span into one record and reading it again
    only leads back to this line, at a large file's cost in memory."""
    if line is None:
        return True
    begin = layout.first_data_offset
    for _ in range(line - layout.first_data_line):
        begin = raw.find(b"\n", begin) + 1
        if not begin:
            return True  # not where the line should be: let folding decide
    end = raw.find(b"\n", begin)
    if end < 0:
        return False
    quotes = bytes(raw[begin:end]).count(b'"')
    return _quotes_close(raw, end + 1, quotes, SPANS_AT_MOST) is not None


def _quotes_close(raw: RawBytes, begin: int, quotes: int, lines: int) -> int | None:
    """Where the line ends (its line break, or the end of `raw`) on which the quote marks
    counted from byte `begin`, `quotes` more already counted, first come to an even number;
    None when they do not within `lines` lines."""
    for _ in range(lines):
        end = raw.find(b"\n", begin)
        end = len(raw) if end < 0 else end
        quotes += bytes(raw[begin:end]).count(b'"')
        if quotes % 2 == 0:
            return end
        if end == len(raw):
            return None
        begin = end + 1
    return None


def _read_folded(
    payload: bytes | str, raw: RawBytes, layout: "Layout", stage: Callable[[int, str], None],
    columns: tuple[str, ...], problem: "Problem | _Unsettled",
) -> pl.DataFrame | Problem:
    """The records, when the first read's trouble was line breaks inside quoted fields (RFC
    4180 allows them); else the problem that names the damage."""
    folded = fold_quoted_line_breaks(raw, layout.first_data_offset)
    if folded is None:
        return problem.explain() if isinstance(problem, _Unsettled) else problem
    data, folding = folded
    del folded

    def again(step: int, text: str) -> None:  # progress starts over: say why
        stage(step, f"Line breaks inside quoted fields: {text[:1].lower()}{text[1:]}")

    read = _read(data, data, layout, again, columns)
    if isinstance(read, _Unsettled):
        return read.explain()
    if isinstance(read, Problem):
        if read.line is None:
            return read
        line = folding.physical_line(read.line, layout.first_data_line)
        if isinstance(problem, Problem) and problem.unclosed_quote and line == problem.line:
            return problem  # a stray quote: folding made its line look too long
        return Problem(line, read.message)
    del data  # its only holder: the copy goes before the values are restored
    return folding.restore(read, layout.first_data_line)


def _read(
    payload: bytes | str,
    raw: RawBytes,
    layout: "Layout",
    stage: Callable[[int, str], None],
    columns: tuple[str, ...],
) -> pl.DataFrame | Problem | _Unsettled:
    """The records with `source` and `line`, or why they cannot be vouched for."""
    stage(0, "Checking the lines of")
    first_line = _first_record(raw, layout)
    marker = first_record_marker(first_line, layout.first_data_line, layout.has_header)
    if isinstance(marker, Problem):
        return marker
    facts = scan_line_facts(payload, layout.first_data_line - 1, layout.first_data_offset,
                            layout.eol, marker)
    stage(1, "Reading the records of")
    frame = _read_needed(payload, layout, columns, strict=not (facts.replaced > 0).any())
    if isinstance(frame, Problem):
        found, _ = check_every_line(payload, layout)
        if found is None:
            return frame
        if not found.unclosed_quote:
            return found
        # The quote left open may be a sound quoted line break. The records the quote
        # marks make tell whether one further on is the damage, without a folded copy.
        damage = _damaged_record(payload, raw, facts, layout)
        if damage is None:
            return found
        # The quote's own record is the damage: folding would name it all the same.
        return Problem(found.line, found.message) if damage.line == found.line else damage
    # Lines are cut out of the file again by byte offset (to check or repair them), which
    # cut_lines does only where the offsets hold: where they do not, a check streams instead.
    line_count, offsets_hold = facts.count, facts.offsets_hold(raw)
    if not offsets_hold:  # CRLF and LF mixed: count each line's own end (a second scan)
        own = facts.with_own_line_ends(raw)
        if own is not None and own.offsets_hold(raw):
            facts, offsets_hold = own, True
    if frame.height != facts.count:
        # polars reads line breaks inside quoted fields as RFC 4180 says; when the quote
        # marks join the lines into as many records as it read, the checks below run on
        # records, each named by the line it starts on.
        records = record_facts(raw, facts, layout.first_data_offset)
        if records is None or records.count != frame.height:
            return _Unsettled(payload, layout)
        facts = records
    on_records = facts.first_lines is not None
    record = facts.not_empty
    suspect = record
    if facts.ends_with_marker is not None:
        suspect = record & ((frame["END_OF_REC"] != marker) | ~facts.ends_with_marker)
    suspects = suspect.arg_true()
    if on_records and not offsets_hold and (suspects.len() or (facts.replaced > 0).any()):
        return _Unsettled(payload, layout)  # records must be cut out: the folded copy's hold
    stage(2, f"Checking {facts.count:,} records of")
    problem: Problem | None = None
    if suspects.len() > max(1000, facts.count // 20):
        # Too many to cut out one by one: checked as the file is streamed, never as a whole.
        if facts.first_lines is None:
            problem, record = check_every_line(payload, layout)
        else:
            problem, checked = check_records(payload, layout.first_data_line - 1,
                                             facts.first_lines, line_count, suspects)
            record = record.scatter(suspects.filter(~checked), False)
    elif suspects.len():
        pieces = cut_lines(raw, facts, suspects)
        if pieces is None and on_records:
            return _Unsettled(payload, layout)
        if pieces is None:
            problem, record = check_every_line(payload, layout)
        else:
            texts = pl.Series("text", [p.decode("utf-8", errors="replace") for p in pieces])
            numbers = suspects if facts.first_lines is None else facts.first_lines.gather(suspects)
            problem, checked = exact_check(texts, numbers + layout.first_data_line)
            record = record.scatter(suspects.filter(~checked), False)
    if problem is not None:
        return problem
    repaired = repair(frame, facts, raw)
    if repaired is None:
        return _Unsettled(payload, layout)
    lines = (pl.lit(facts.first_lines) if facts.first_lines is not None
             else pl.int_range(pl.len(), dtype=pl.Int64))
    frame = repaired.with_columns(line=lines + layout.first_data_line)
    # polars keeps one row per physical line (per record when records span lines), blank
    # lines included; drop those (a filter copies every column, so only when there are any).
    if not record.all():
        frame = frame.filter(record)
    return frame.select(*columns, "line")


def _damaged_record(
    payload: bytes | str, raw: RawBytes, facts: LineFacts, layout: "Layout"
) -> Problem | None:
    """The first damaged record, where the quote marks join lines into records; else None."""
    records = record_facts(raw, facts, layout.first_data_offset)
    if records is None or records.first_lines is None or records.count == facts.count:
        return None
    return first_bad_record(payload, layout.first_data_line - 1, records.first_lines,
                            facts.count)


def _first_record(raw: RawBytes, layout: Layout) -> str:
    """The first record: its line, or its lines when a quoted field in it holds line breaks
    and they make one whole record (anything else is left to the check of its first line).
    Only whole lines of the head are looked at: the last piece may be cut short."""
    head = bytes(raw[layout.first_data_offset:layout.first_data_offset + _HEAD])
    first_end = head.find(b"\n")
    first = head[:first_end if first_end >= 0 else len(head)]
    end = _quotes_close(head, 0, 0, head.count(b"\n"))
    if end is not None and end != first_end:
        record = head[:end].rstrip(b"\r").decode("cp1252", errors="replace")
        if is_whole_record(record):
            return record
    return first.rstrip(b"\r").decode("cp1252", errors="replace")


class _mapped:
    """The source's bytes without a copy: its own bytes, or the file memory-mapped.

    The map is handed out itself, never a memoryview of it: slicing it copies just the
    slice, and with no view exported it always closes, even when an error is on its way out.
    """

    def __init__(self, source: DojSource) -> None:
        self.source = source
        self.handle = None
        self.map: mmap.mmap | None = None

    def __enter__(self) -> RawBytes:
        if self.source.data is not None:
            return self.source.data
        path = self.source.path
        assert path is not None, "a DojSource needs data or a path"
        try:
            self.handle = Path(path).open("rb")  # type: ignore[assignment]
            size = Path(path).stat().st_size
        except OSError as exc:
            raise cannot_read(path, "DOJ file", exc) from None
        if size == 0:
            return b""
        assert self.handle is not None
        self.map = mmap.mmap(self.handle.fileno(), 0, access=mmap.ACCESS_READ)
        return self.map

    def __exit__(self, *_: object) -> None:
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
            if has_header or not text.lstrip().lstrip(b'"').startswith(b"RECORD_ID"):
                break
            check_header(name, text.decode("latin-1"), line)
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


def _read_needed(payload: bytes | str, layout: Layout, columns: tuple[str, ...],
                 strict: bool = False) -> pl.DataFrame | Problem:
    """`strict`: the line scan found no byte that is not UTF-8. polars then checks the text
    in bulk, where "utf8-lossy" checks it value by value: the read takes about 16% fewer
    instructions (benchmarks/README.md). Should polars refuse the strict read all the same,
    the file is read again, lossy, so a file it cannot parse fails with that read's message."""
    read = (*columns, "END_OF_REC")  # END_OF_REC: the cheap screen of the record shape
    try:
        frame = pl.read_csv(
            payload,
            has_header=False,
            infer_schema=False,
            skip_lines=layout.first_data_line - 1,
            columns=[INDEX[column] for column in read],
            empty_string_is_null=False,
            encoding="utf8" if strict else "utf8-lossy",
        )
    except pl.exceptions.PolarsError as exc:
        if strict:
            return _read_needed(payload, layout, columns)
        return Problem(None, f"could not be read as a DOJ research file ({exc}). Ask DOJ for "
                       "a fresh copy.")
    return frame.rename({f"column_{INDEX[column]}": column for column in read})
