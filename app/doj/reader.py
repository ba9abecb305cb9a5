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
from typing import NoReturn

import polars as pl

from app.doj.cp1252 import repair
from app.doj.folding import SPANS_AT_MOST, fold_quoted_line_breaks, record_facts
from app.doj.lines import LineFacts, RawBytes, cut_lines, scan_line_facts, scan_lines
from app.doj.schema import INDEX, NEEDED
from app.doj.source import DojSource
from app.doj.structure import (
    UnclosedQuote,
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
        try:
            return _read(source.name, payload, raw, layout, stage, tuple(columns))
        except (_SpansLines, UnclosedQuote) as problem:
            # The records could not be vouched for as read (quoted line breaks included,
            # see _read): fold the file and read it again, the way that names a damaged
            # file's problem. Its traceback holds the first read's frame: let that go.
            problem.__traceback__ = None
            if isinstance(problem, UnclosedQuote) and not _quote_closes_soon(raw, layout,
                                                                             problem.line):
                raise problem from None  # a stray quote: folding would end at this line too
            return _read_folded(source.name, raw, layout, stage, tuple(columns), problem)


def _quote_closes_soon(raw: RawBytes, layout: Layout, line: int | None) -> bool:
    """Whether the quote left open on `line` closes within the next SPANS_AT_MOST lines, as
    a quoted field's line break would. A stray quote leaves it open to the end of the file,
    or for a few quoted fields more; folding that span into one record and reading it again
    only led back to this line, and took a 1,000,000-row file's run over 2 GiB."""
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
    name: str, raw: RawBytes, layout: Layout, stage: Callable[[int, str], None],
    columns: tuple[str, ...], problem: "_SpansLines | UnclosedQuote",
) -> pl.DataFrame:
    """The records, when the first read's trouble was line breaks inside quoted fields (RFC
    4180 allows them); else the message that names the real problem."""
    folded = fold_quoted_line_breaks(raw, layout.first_data_offset)
    if folded is None:
        _fail(problem)
    data, folding = folded
    del folded

    def again(step: int, text: str) -> None:  # progress starts over: say why
        stage(step, f"Line breaks inside quoted fields: {text[:1].lower()}{text[1:]}")

    try:
        frame = _read(name, data, data, layout, again, columns)
    except InputError as error:
        if error.line is None:
            raise
        line = folding.physical_line(error.line, layout.first_data_line)
        if isinstance(problem, UnclosedQuote) and line == problem.line:
            raise problem from None  # a stray quote: folding made its line look too long
        raise InputError(error.where, error.message, line) from None
    except _SpansLines as still:
        _fail(still)
    del data  # its only holder: the copy goes before the values are restored
    return folding.restore(frame, layout.first_data_line)


def _fail(problem: "_SpansLines | UnclosedQuote") -> NoReturn:
    if isinstance(problem, _SpansLines):
        problem.explain()
    raise problem


class _SpansLines(Exception):
    """More physical lines than records: a quoted field holds a line break (or the file is
    damaged, which `explain` then says, naming the line)."""

    def __init__(self, name: str, diagnose: Callable[[], object]) -> None:
        self.name, self.diagnose = name, diagnose

    def explain(self) -> NoReturn:
        self.diagnose()  # raises, naming the line, when it finds one
        raise InputError(self.name, "its lines do not divide into records (a quote mark may "
                         "be out of place). Ask DOJ for a fresh copy.")


def _read(
    name: str,
    payload: bytes | str,
    raw: RawBytes,
    layout: Layout,
    stage: Callable[[int, str], None],
    columns: tuple[str, ...],
) -> pl.DataFrame:
    stage(0, "Checking the lines of")
    first_line = _first_record(raw, layout)
    marker = first_record_marker(name, first_line, layout.first_data_line, layout.has_header)
    facts = scan_line_facts(payload, layout.first_data_line - 1, layout.first_data_offset,
                            layout.eol, marker)

    def diagnose() -> pl.Series:
        """The exact check of every line: raises with the line, or says which are blank."""
        every = scan_lines(payload, layout.first_data_line - 1)
        return check_lines(name, every.with_row_index("line", offset=layout.first_data_line))

    stage(1, "Reading the records of")
    try:
        frame = _read_needed(name, payload, layout, columns, strict=not (facts.replaced > 0).any())
    except InputError:
        try:
            diagnose()
        except UnclosedQuote as quote:
            # The quote left open may be a sound quoted line break. The records the quote
            # marks make tell whether one further on is the damage, without the folded copy
            # and second read that would find it (a 1,000,000-row file's run went over 2 GiB).
            damage = _damaged_record(name, payload, raw, facts, layout)
            if damage is not None and damage.line != quote.line:
                raise damage from None
            if damage is not None:
                # The quote's own record is the damage: folding would name it all the same.
                raise InputError(quote.where, quote.message, quote.line) from None
            raise
        raise
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
            raise _SpansLines(name, diagnose)
        facts = records
    on_records = facts.first_lines is not None
    record = facts.not_empty
    suspect = record
    if facts.ends_with_marker is not None:
        suspect = record & ((frame["END_OF_REC"] != marker) | ~facts.ends_with_marker)
    suspects = suspect.arg_true()
    if on_records and not offsets_hold and (suspects.len() or (facts.replaced > 0).any()):
        raise _SpansLines(name, diagnose)  # records must be cut out: the folded copy's hold
    stage(2, f"Checking {facts.count:,} records of")
    if suspects.len() > max(1000, facts.count // 20):
        # Too many to cut out one by one: checked as the file is streamed, never as a whole.
        if facts.first_lines is None:
            record = diagnose()
        else:
            blank = ~check_records(name, payload, layout.first_data_line - 1,
                                   facts.first_lines, line_count, suspects)
            record = record.scatter(suspects.filter(blank), False)
    elif suspects.len():
        pieces = cut_lines(raw, facts, suspects)
        if pieces is None and on_records:
            raise _SpansLines(name, diagnose)
        if pieces is None:
            record = diagnose()
        else:
            texts = pl.Series("text", [p.decode("utf-8", errors="replace") for p in pieces])
            numbers = suspects if facts.first_lines is None else facts.first_lines.gather(suspects)
            blank = ~exact_check(name, texts, numbers + layout.first_data_line)
            record = record.scatter(suspects.filter(blank), False)
    repaired = repair(frame, facts, raw)
    if repaired is None:
        raise _SpansLines(name, diagnose)
    lines = (pl.lit(facts.first_lines) if facts.first_lines is not None
             else pl.int_range(pl.len(), dtype=pl.Int64))
    frame = repaired.with_columns(source=pl.lit(name), line=lines + layout.first_data_line)
    # polars keeps one row per physical line (per record when records span lines), blank
    # lines included; drop those (a filter copies every column, so only when there are any).
    if not record.all():
        frame = frame.filter(record)
    return frame.select(*columns, "source", "line")


def _damaged_record(
    name: str, payload: bytes | str, raw: RawBytes, facts: LineFacts, layout: Layout
) -> InputError | None:
    """The first damaged record, where the quote marks join lines into records; else None."""
    records = record_facts(raw, facts, layout.first_data_offset)
    if records is None or records.first_lines is None or records.count == facts.count:
        return None
    return first_bad_record(name, payload, layout.first_data_line - 1, records.first_lines,
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


def _read_needed(name: str, payload: bytes | str, layout: Layout, columns: tuple[str, ...],
                 strict: bool = False) -> pl.DataFrame:
    """`strict`: the line scan found no byte that is not UTF-8. polars then checks the text
    in bulk, where "utf8-lossy" checks it value by value: the read takes about 16% fewer
    instructions (benchmarks/README.md). If polars refuses the strict read all the same, the
    file is read again, lossy: a file it cannot parse at all then fails there, with that
    read's message, as it did before the strict read existed."""
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
            return _read_needed(name, payload, layout, columns)
        raise InputError(name, f"could not be read as a DOJ research file ({exc}). Ask DOJ "
                         "for a fresh copy.") from None
    return frame.rename({f"column_{INDEX[column]}": column for column in read})
