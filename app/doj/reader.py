"""Read DOJ research files with polars: every column as text, only the needed ones kept.

One path for every well-formed file, whatever its dialect (quoted fields or not, LF or CRLF,
a byte order mark, a header or none, quoted line breaks): its shape is decided once from its
head (app/doj/shape.py), polars reads the records, and one screen of the record shape on
every line, quoting and line ends aside, tells whether any record needs the exact check
(app/doj/structure.py). Only damage leads to the diagnosis (`_diagnose`), which names the
file and the physical line. Problems travel as values (structure.Problem) and become one
InputError at the end. Per-row data problems are left to the evaluation, which flags the row.

Speed and memory matter (a Los Angeles file has millions of rows): a plain file is
memory-mapped, and polars reads it a piece at a time, the few Windows-1252 records (PEÑA)
decoded as such on the way (app/doj/pieces.py).
"""

import mmap
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from app.doj.lines import (
    LineFacts,
    RawBytes,
    as_records,
    cut_lines,
    first_lines_of_records,
    quote_counts,
    scan_line_facts,
    scan_lines,
)
from app.doj.pieces import first_broken_category, lines_land, read_pieces
from app.doj.schema import NEEDED
from app.doj.shape import Shape, find_shape
from app.doj.source import DojSource
from app.doj.structure import (
    STRAY_AFTER_QUOTE,
    UNCLOSED_QUOTE,
    UNSETTLED,
    Problem,
    check_lines,
    check_records,
    exact_check,
)
from app.errors import InputError, cannot_read
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

_STAGES = 3  # progress steps per file: line facts, the main read, the checks


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
        payload: bytes | str = source.data if source.data is not None else str(source.path)
        shape = find_shape(source.name, raw)
        if isinstance(shape, Problem):  # the first record is none: a quote may say why
            read: pl.DataFrame | Problem = (_diagnose(payload, shape, shape)
                                            if shape.unclosed_quote else shape)
        else:
            read = _read(payload, raw, shape, stage, tuple(columns))
        if isinstance(read, Problem):
            raise read.error(source.name)
        return read.with_columns(source=pl.lit(source.name, pl.Categorical)).select(
            *columns, "source", "line")


def _read(
    payload: bytes | str,
    raw: RawBytes,
    shape: Shape,
    stage: Callable[[int, str], None],
    columns: tuple[str, ...],
) -> pl.DataFrame | Problem:
    """The records with their `line`, or the problem that names the damage."""
    stage(0, "Checking the lines of")
    facts = scan_line_facts(payload, shape.skip, shape.first_data_offset, shape.eol,
                            shape.marker)
    if not lines_land(raw, facts):
        exact = facts.with_exact_offsets(raw)
        if exact is None:  # polars and the bytes count other lines: no line to name
            return UNSETTLED
        facts = exact
    line_count = facts.count
    if facts.ends_with_marker is None or not (facts.ends_with_marker | ~facts.not_empty).all():
        # A line that does not end with the record marker may be one whose quoted field
        # breaks onto the next (RFC 4180, as polars reads it): the records are read as the
        # quote marks make them, each named by the line it starts on.
        facts = _by_records(payload, shape, facts)
    stage(1, "Reading the records of")
    read = (*columns, "END_OF_REC")  # END_OF_REC: the screen
    frame = read_pieces(raw, facts, read, shape.first_data_line)
    if isinstance(frame, Problem) and facts.first_lines is None:
        # Or a quoted field breaks right after text that ends like a record ("SEE NOTE #"):
        # only the count of rows read tells.
        facts = _by_records(payload, shape, facts)
        frame = read_pieces(raw, facts, read, shape.first_data_line)
    if isinstance(frame, Problem):
        return _diagnose(payload, shape, frame)
    broken = first_broken_category(frame)
    if broken is not None:
        line = int(facts.line_numbers[broken]) + shape.first_data_line
        return Problem(line, STRAY_AFTER_QUOTE)
    stage(2, f"Checking {facts.count:,} records of")
    checked = _check_suspects(payload, raw, shape, facts, frame, line_count)
    if isinstance(checked, Problem):
        return _diagnose(payload, shape, checked) if checked.unclosed_quote else checked
    frame = frame.with_columns(line=pl.lit(facts.line_numbers) + shape.first_data_line)
    # polars keeps a row for each blank line: drop those (a filter copies every column).
    return frame if checked.all() else frame.filter(checked)


def _by_records(payload: bytes | str, shape: Shape, facts: LineFacts) -> LineFacts:
    """`facts` by the records the quote marks make (unchanged when they make none)."""
    return as_records(facts, quote_counts(payload, shape.skip)) or facts


def _check_suspects(
    payload: bytes | str, raw: RawBytes, shape: Shape, facts: LineFacts, frame: pl.DataFrame,
    line_count: int,
) -> pl.Series | Problem:
    """Which rows are records (not blank lines), after the exact check of every row the
    screen suspects: a record whose END_OF_REC holds the file's marker and whose line ends
    with it (quoted or not) has exactly 95 fields (a missing field leaves END_OF_REC empty;
    an extra one shifts another value into it or pushes the marker off the end)."""
    record = facts.not_empty
    suspect = record
    if facts.ends_with_marker is not None:
        suspect = record & ((frame["END_OF_REC"] != shape.marker) | ~facts.ends_with_marker)
    suspects = suspect.arg_true()
    if not suspects.len():
        return record
    # A few are cut out of the file by their offsets; many, or where the offsets do not
    # hold, are checked as polars streams the file, which is never held as text.
    few = suspects.len() <= max(1000, facts.count // 20)
    pieces = cut_lines(raw, facts, suspects) if few else None
    if pieces is None:
        problem, is_record = check_records(payload, shape.skip, facts.line_numbers,
                                           line_count, suspects)
    else:
        texts = pl.Series("text", [p.decode("utf-8", errors="replace") for p in pieces])
        numbers = facts.line_numbers.gather(suspects) + shape.first_data_line
        problem, is_record = exact_check(texts, numbers)
    return problem or record.scatter(suspects.filter(~is_record), False)


def _diagnose(payload: bytes | str, shape: Shape | Problem, found: Problem) -> Problem:
    """What names a damaged file's problem, `found` being what gave it away: the first
    line that is no record, unless it only opens a quote. Such a quote may be a sound
    quoted line break: the records the quote marks make then tell where the damage is."""
    skip = shape.skip if isinstance(shape, Shape) else found.line - 1 if found.line else 0
    every = scan_lines(payload, skip).with_row_index("line", offset=skip + 1)
    line, _ = check_lines(every)
    if line is None:
        return found
    if not line.unclosed_quote:
        return line
    counts = quote_counts(payload, skip)
    first_lines = first_lines_of_records(counts)
    damage = (check_records(payload, skip, first_lines, len(counts))[0]
              if first_lines.len() != len(counts) else None)
    if damage is None or damage.line == line.line:
        return Problem(line.line, UNCLOSED_QUOTE, unclosed_quote=True)
    return damage


@contextmanager
def _mapped(source: DojSource) -> Iterator[RawBytes]:
    """The source's bytes without a copy: its own bytes, or the file memory-mapped.

    The map is handed out itself, never a memoryview of it: slicing it copies just the
    slice, and with no view exported it always closes, even when an error is on its way out.
    """
    if source.data is not None:
        yield source.data
        return
    assert source.path is not None, "a DojSource needs data or a path"
    try:
        handle = Path(source.path).open("rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise cannot_read(source.path, "DOJ file", exc) from None
    with handle:
        if not os.fstat(handle.fileno()).st_size:
            yield b""
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            yield mapped
