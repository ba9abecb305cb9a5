"""The physical lines of a DOJ file, without holding it as text: each line's offset and
length, whether it held bytes that are not UTF-8, whether it ends with the record marker,
and the records its quote marks join lines into; and a few chosen lines cut back out."""

import mmap
from dataclasses import dataclass, replace

import polars as pl

REPLACEMENT = "\ufffd"  # what polars puts for a byte that is not UTF-8
RawBytes = mmap.mmap | bytes  # a file's bytes: mapped from disk, or decrypted in memory
SPANS_AT_MOST = 100  # lines a quoted field may span: far more than any comment's breaks
_STRAY_QUOTES_AT_MOST = 20  # past that many, the file is beyond telling its fields apart


@dataclass(frozen=True)
class LineFacts:
    """One row per physical line; or, with `first_lines`, per record of a file whose quoted
    fields hold line breaks (a record then spans its lines, inner line ends included)."""

    starts: pl.Series  # byte offset of each physical line
    lengths: pl.Series  # its raw length, line end excluded
    replaced: pl.Series  # how many bytes of it were not UTF-8
    ends_with_marker: pl.Series | None  # None when the file has no record marker
    first_lines: pl.Series | None = None  # per record: its first physical line (0-based)

    @property
    def count(self) -> int:
        return self.lengths.len()

    @property
    def not_empty(self) -> pl.Series:
        return self.lengths > 0

    @property
    def line_numbers(self) -> pl.Series:
        """Each row's first physical line, 0-based from the first record."""
        if self.first_lines is not None:
            return self.first_lines
        return pl.int_range(self.count, eager=True, dtype=pl.Int64)

    def offsets_hold(self, raw: RawBytes) -> bool:
        """Whether the byte offsets hold to the end of `raw`. They count one kind of line end
        for every line, so where CRLF and LF mix they drift, one byte a line, all one way:
        the last line shows it."""
        if not self.count:
            return True
        end = int(self.starts[-1]) + int(self.lengths[-1])
        tail = bytes(raw[-2:])
        return end == len(raw) - (2 if tail == b"\r\n" else 1 if tail[-1:] == b"\n" else 0)

    def with_exact_offsets(self, raw: RawBytes) -> "LineFacts | None":
        """These facts with each line's offset and length found in the bytes themselves, for
        a file whose counted offsets do not hold: CRLF and LF mixed (each line's own line end
        is counted), or a run of bytes polars replaced by one mark (the length of each line
        that held such bytes is measured in the file). None when the bytes hold another
        number of lines."""
        start = int(self.starts[0]) if self.count else 0
        ends = _line_end_lengths(raw, start)
        if len(ends) not in (self.count, self.count - 1):
            return None  # one fewer: the last line has no line end
        end = pl.Series(ends + [0] * (self.count - len(ends)), dtype=pl.Int64)
        with_end = self.lengths + end
        counted = (with_end.cum_sum() - with_end + start).to_list()
        flagged = (self.replaced > 0).arg_true().to_list()
        lengths = self.lengths.to_list()
        shift = 0  # what the lines measured so far add to the counted offsets
        for row in flagged:
            begin = counted[row] + shift
            stop = raw.find(b"\n", begin)
            body = (len(raw) if stop < 0 else stop - ends[row] + 1) - begin
            shift += body - lengths[row]
            lengths[row] = body
        length = pl.Series(lengths, dtype=pl.Int64)
        total = length + end
        return replace(self, starts=total.cum_sum() - total + start, lengths=length)


_ALL_BUT_LINE_ENDS = bytes(b for b in range(256) if b not in b"\r\n")


def _line_end_lengths(raw: RawBytes, start: int) -> list[int]:
    """The length of each line end from byte `start` on: 2 for CRLF, 1 for LF."""
    kept = []
    for begin in range(start, len(raw), _PIECE):
        kept.append(raw[begin:begin + _PIECE].translate(None, _ALL_BUT_LINE_ENDS))
        release_pages(raw, begin, begin + _PIECE)  # a mapped file's pages go behind the scan
    # What is left is each line's carriage returns and its LF: a CR right before the LF
    # makes the end CRLF (polars takes any other CR for a character of the line).
    return [2 if piece.endswith(b"\r") else 1 for piece in b"".join(kept).split(b"\n")[:-1]]


_PIECE = 1 << 20


def scan_lines(payload: bytes | str, skip: int) -> pl.LazyFrame:
    """Every physical line after the first `skip`, whole, as column `text` (a blank line is
    null): the file read with a separator it never holds and no quote character."""
    return pl.scan_csv(payload, has_header=False, separator="\x1f", quote_char=None,
                       schema={"text": pl.String}, truncate_ragged_lines=True,
                       skip_lines=skip, encoding="utf8-lossy")


def scan_line_facts(
    payload: bytes | str, skip: int, first_offset: int, eol: int, marker: str
) -> LineFacts:
    text = pl.col("text")
    facts = (
        scan_lines(payload, skip)
        .select(
            text.str.len_bytes().fill_null(0).cast(pl.Int64).alias("length"),
            # Counting is slow and almost every line has nothing to count: look first.
            pl.when(text.str.contains(REPLACEMENT, literal=True))
            .then(text.str.count_matches(REPLACEMENT, literal=True))
            .otherwise(0).fill_null(0).cast(pl.Int64).alias("replaced"),
            _ends_with_marker(text, marker).alias("ends"),
        )
        .collect(engine="streaming")
    )
    # Each replacement (3 bytes) stood for one raw byte.
    body = facts["length"] - 2 * facts["replaced"]
    with_end = body + eol
    return LineFacts(
        starts=with_end.cum_sum() - with_end + first_offset,
        lengths=body,
        replaced=facts["replaced"],
        ends_with_marker=facts["ends"] if marker else None,
    )


def _ends_with_marker(text: pl.Expr, marker: str) -> pl.Expr:
    """Whether a line ends with the marker, quoted or not (writers differ: Go's quotes every
    padded field, END_OF_REC included). A doubled field shifts COMMENT_TEXT into END_OF_REC;
    when the comment is the marker itself, only the line's end ("#,#") tells: such lines
    get the exact check (a real comment "#" passes it)."""
    if not marker:
        return pl.lit(True)
    forms = (marker, f'"{marker}"')
    ends = pl.any_horizontal(text.str.ends_with(form) for form in forms)
    doubled = pl.any_horizontal(
        text.str.ends_with(f"{first},{last}") for first in forms for last in forms
    )
    return (ends & ~doubled).fill_null(False)


def quote_counts(payload: bytes | str, skip: int) -> list[int]:
    """How many quote marks each physical line after the first `skip` holds."""
    counts = scan_lines(payload, skip).select(
        pl.col("text").str.count_matches('"', literal=True).fill_null(0)
    ).collect(engine="streaming")
    return counts.to_series().to_list()


def ends_inside_quotes(per_line: list[int]) -> pl.Series:
    """Per line, from its count of quote marks: whether the line break that ends it lies
    inside a quoted field (an odd number of marks before it, and one more after; a doubled
    quote "" counts twice, which leaves the parity as it was). This is the one reckoning of
    where quoted fields run, for the reader's records and for its messages.

    A quoted field that would run over more than SPANS_AT_MOST lines is a stray quote, not
    a field: its mark is left out of the count, so the quoted line breaks after it are
    still found, and its own line is a record with a quote that never closes."""
    counts = pl.Series(per_line, dtype=pl.Int64)
    if not counts.len():
        return pl.Series([], dtype=pl.Boolean)
    for _ in range(_STRAY_QUOTES_AT_MOST):
        marks = counts.cum_sum()
        inside = (marks % 2 == 1) & (marks < int(marks[-1]))
        run = pl.col("inside").rle_id()
        stray = pl.DataFrame({"inside": inside}).select(
            (pl.col("inside") & (pl.len().over(run) > SPANS_AT_MOST)).arg_true().first()
        ).item()
        if stray is None:
            return inside
        counts = counts.scatter(stray, int(counts[stray]) - 1)
    return inside


def first_lines_of_records(per_line: list[int]) -> pl.Series:
    """The first physical line (0-based) of each record the quote marks make."""
    inside = ends_inside_quotes(per_line)
    return (~inside.shift(1, fill_value=False)).arg_true().cast(pl.Int64)


def as_records(facts: LineFacts, per_line: list[int]) -> LineFacts | None:
    """`facts` (one row per physical line) merged into one row per record; None when the
    quote counts and the facts disagree on the lines."""
    if len(per_line) != facts.count or not facts.count:
        return None
    lines = pl.DataFrame({
        "record": (~ends_inside_quotes(per_line).shift(1, fill_value=False)).cum_sum(),
        "line": pl.int_range(facts.count, eager=True, dtype=pl.Int64),
        "start": facts.starts,
        "end": facts.starts + facts.lengths,
        "replaced": facts.replaced,
        "ends": facts.ends_with_marker if facts.ends_with_marker is not None else True,
    })
    records = lines.group_by("record", maintain_order=True).agg(
        pl.col("line", "start").first(), pl.col("end", "ends").last(), pl.col("replaced").sum()
    )
    return LineFacts(
        starts=records["start"],
        lengths=records["end"] - records["start"],
        replaced=records["replaced"],
        ends_with_marker=records["ends"] if facts.ends_with_marker is not None else None,
        first_lines=records["line"],
    )


def lands(raw: RawBytes, start: int, length: int) -> bool:
    """Whether raw[start:start + length] is whole lines: the file's start or a line end
    before it, a line end (LF or CRLF) or the file's end after it."""
    after = bytes(raw[start + length:start + length + 2])
    return ((start == 0 or raw[start - 1:start] == b"\n")
            and (after[:1] in (b"\n", b"") or after == b"\r\n"))


def cut_lines(raw: RawBytes, facts: LineFacts, positions: pl.Series) -> list[bytes] | None:
    """The given rows' bytes (line end dropped); None where a cut does not land on line
    ends (the offsets do not hold, or polars replaced several bytes as one)."""
    if not facts.offsets_hold(raw):
        return None
    pieces = []
    starts = facts.starts.gather(positions).to_list()
    lengths = facts.lengths.gather(positions).to_list()
    released = 0
    for start, length in zip(starts, lengths, strict=True):
        if start - released > _RELEASE_EVERY:
            released = release_pages(raw, released, start)
        body = bytes(raw[start:start + length])
        if not lands(raw, start, length) or (b"\n" in body and facts.first_lines is None):
            return None
        pieces.append(body)
    release_pages(raw, released, len(raw))
    return pieces


_RELEASE_EVERY = 32 << 20
_PAGE = mmap.ALLOCATIONGRANULARITY


def release_pages(raw: RawBytes, begin: int, end: int) -> int:
    """Drop the mapped pages of raw[begin:end] from this process (they stay in the system's
    file cache): cutting lines all over a mapped file would otherwise fault in, and count
    towards the process's memory, most of the file. Returns where the next release begins."""
    begin -= begin % _PAGE
    end -= end % _PAGE
    if isinstance(raw, mmap.mmap) and hasattr(raw, "madvise") and end > begin:
        raw.madvise(mmap.MADV_DONTNEED, begin, end - begin)
    return end
