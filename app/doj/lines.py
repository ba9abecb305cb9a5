"""Facts about every physical line, without holding the file as text: its length, whether
it held bytes that are not UTF-8, whether it ends with the record marker; and cutting a few
chosen lines back out of the raw bytes."""

import mmap
from dataclasses import dataclass, replace

import polars as pl

REPLACEMENT = "\ufffd"  # what polars puts for a byte that is not UTF-8
RawBytes = mmap.mmap | bytes  # a file's bytes: mapped from disk, or decrypted in memory


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

    def offsets_hold(self, raw: "RawBytes") -> bool:
        """Whether the byte offsets hold to the end of `raw`. They count one kind of line end
        for every line, so where CRLF and LF mix (CRLF records whose quoted fields break
        with LF) they drift, one byte a line, all one way: the last line shows it."""
        if not self.count:
            return True
        end = int(self.starts[-1]) + int(self.lengths[-1])
        tail = bytes(raw[-2:])
        return end == len(raw) - (2 if tail == b"\r\n" else 1 if tail[-1:] == b"\n" else 0)

    def with_own_line_ends(self, raw: "RawBytes") -> "LineFacts | None":
        """These facts with each line's offset counted from its own line end (CRLF or LF),
        for a file that mixes them; None when the line ends found do not match the lines."""
        ends = _line_end_lengths(raw, int(self.starts[0]) if self.count else 0)
        if len(ends) not in (self.count, self.count - 1):
            return None  # one fewer: the last line has no line end
        with_end = self.lengths + pl.Series(ends + [0] * (self.count - len(ends)),
                                            dtype=pl.Int64)
        return replace(self, starts=with_end.cum_sum() - with_end + self.starts[0])


# Every byte but LF and a stand-in for CRLF deleted: what is left is each line's end, in order.
_ALL_BUT_LINE_ENDS = bytes(b for b in range(256) if b not in b"\n\x00")
_PIECE = 64 << 10


def _line_end_lengths(raw: "RawBytes", start: int) -> list[int]:
    """The length of each line end from byte `start` on: 2 for CRLF, 1 for LF. (A NUL in
    the file would count as a CRLF; the caller checks the count against the lines.)"""
    kept, carry = [], b""
    for begin in range(start, len(raw), _PIECE):
        piece = carry + raw[begin:begin + _PIECE]
        release_pages(raw, begin, begin + _PIECE)  # a mapped file's pages go behind the scan
        carry = piece[-1:] if piece.endswith(b"\r") else b""  # its LF may open the next
        piece = piece[:len(piece) - len(carry)]
        kept.append(piece.replace(b"\r\n", b"\x00").translate(None, _ALL_BUT_LINE_ENDS))
    return [2 if end == 0 else 1 for end in b"".join(kept)]


def scan_lines(payload: bytes | str, skip: int) -> pl.LazyFrame:
    """Every physical line after the first `skip`, whole, as column `text` (a blank line is
    null): the file read with a separator and no quote character it never holds."""
    return pl.scan_csv(payload, has_header=False, separator="\x1f", quote_char=None,
                       infer_schema=False, skip_lines=skip, new_columns=["text"],
                       encoding="utf8-lossy")


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


def cut_lines(raw: RawBytes, facts: LineFacts, positions: pl.Series) -> list[bytes] | None:
    """The given lines' bytes (line end dropped); None where the offsets do not hold (a cut
    by them can land on another line's ends and pass the checks below) or a cut does not
    land on line ends."""
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
        end = start + length
        after = bytes(raw[end:end + 2])
        if (start > 0 and raw[start - 1] != 10) or (
            b"\n" in body and facts.first_lines is None
        ) or not (
            after[:1] in (b"\n", b"") or after == b"\r\n"
        ):
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
