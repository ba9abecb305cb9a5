"""Generate a synthetic DOJ delivery into byte sinks, in chunks, deterministically by seed."""

import io
import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count
from typing import BinaryIO

from app.doj.schema import COLUMNS
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress
from app.synth.fastrandom import FastRandom
from app.synth.history import HistoryMaker
from app.synth.options import SynthOptions
from app.synth.person import make_person

CHUNK_ROWS = 20_000  # rows buffered before encoding and writing: bounds memory
SPLIT_PERSON_RATE = 0.15  # in a multi-file delivery, people whose cycles span two files
# Everything written is ASCII except accented names, whose letters are the same byte in
# Latin-1 and Windows-1252; Latin-1 encodes several times faster.
ENCODING = "latin-1"


@dataclass(frozen=True)
class SynthResult:
    people: int
    rows: tuple[int, ...]  # data rows per file


class _Files:
    """Per-file line buffers, flushed together once enough rows are waiting."""

    def __init__(self, sinks: Sequence[BinaryIO], line_end: str) -> None:
        self.sinks = sinks
        self.line_end = line_end
        self.buffers: list[list[str]] = [[] for _ in sinks]
        self.rows = [0] * len(sinks)
        self.pending = 0

    def add(self, file: int, line: str) -> None:
        self.buffers[file].append(line)
        self.rows[file] += 1
        self.pending += 1

    def flush(self) -> None:
        for sink, buffer in zip(self.sinks, self.buffers, strict=True):
            if buffer:
                text = self.line_end.join(buffer) + self.line_end
                sink.write(text.encode(ENCODING))
                buffer.clear()
        self.pending = 0


def generate(
    options: SynthOptions,
    sinks: Sequence[BinaryIO],
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> SynthResult:
    """Write the delivery's files (one sink each). Same options, same bytes."""
    if len(sinks) != options.files:
        raise ValueError(f"{options.files} files need {options.files} sinks, got {len(sinks)}")
    rng = FastRandom(options.seed)
    # A separate stream decides the files, so the people are the same however many files.
    split_rng = FastRandom(f"{options.seed}:files")
    id_offset = rng.randrange(90_000_000)
    maker = HistoryMaker(options.county, options.rows_per_person_avg, options.law_cases)
    files = _Files(sinks, options.line_end)
    if options.header:
        header = (",".join(COLUMNS) + options.line_end).encode(ENCODING)
        for sink in sinks:
            sink.write(header)
    total = options.people if options.people is not None else options.max_rows or 0
    max_rows = options.max_rows
    record = 0
    people = 0
    for index in count():
        if index % 1000 == 0 and cancel is not None:
            cancel.check()
        if options.people is not None and index >= options.people:
            break
        if max_rows is not None and record >= max_rows:
            break
        person = make_person(rng, index, id_offset)
        cycles = maker.person_cycles(rng, person)
        people += 1
        for file, rows in _assign_files(split_rng, options.files, cycles):
            for row in rows:
                if max_rows is not None and record >= max_rows:
                    break
                record += 1
                files.add(file, f"{record},{row}")
        if files.pending >= CHUNK_ROWS:
            files.flush()
            done = people if options.people is not None else record
            progress(Progress(done, total, f"{record:,} rows for {people:,} people"))
    files.flush()
    progress(Progress(total, total, f"{record:,} rows for {people:,} people"))
    return SynthResult(people=people, rows=tuple(files.rows))


def _assign_files(
    rng: random.Random, files: int, cycles: list[list[str]]
) -> list[tuple[int, list[str]]]:
    """Which file each cycle of a person goes to: usually one file, sometimes two."""
    if files == 1:
        return [(0, rows) for rows in cycles]
    first = rng.randrange(files)
    if len(cycles) < 2 or rng.random() >= SPLIT_PERSON_RATE:
        return [(first, rows) for rows in cycles]
    cut = rng.randint(1, len(cycles) - 1)
    second = (first + rng.randint(1, files - 1)) % files
    return [(first if i < cut else second, rows) for i, rows in enumerate(cycles)]


def generate_bytes(options: SynthOptions) -> list[bytes]:
    """The delivery's files in memory (for encryption and tests)."""
    sinks = [io.BytesIO() for _ in range(options.files)]
    generate(options, sinks)
    return [sink.getvalue() for sink in sinks]
