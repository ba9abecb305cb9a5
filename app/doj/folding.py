"""Line breaks inside quoted fields: RFC 4180 allows them (DOMAIN.md 2.1) and gogen read them,
though DOJ files almost never hold one.

The reader's checks look at physical lines. polars reads such a file's records rightly, and
`record_facts` merges the line facts into one row per record, so the checks run on records
without a copy of the file. When the quote marks and polars disagree on the records (a
damaged file), or records must be cut out of the file by byte offsets that do not hold
(CRLF records whose quoted fields break with a bare LF), the file takes the slower way,
which names a damaged file's problem: the bytes are copied with each line
break inside a quoted field replaced by a byte the file never holds
(`fold_quoted_line_breaks`), the copy is read as usual (it has the same length, so byte
offsets still hold), then the values get their line breaks back and each record the
physical line it starts on.
"""

from dataclasses import dataclass

import polars as pl

from app.buffers import sized_buffer
from app.doj.lines import LineFacts, RawBytes, release_pages

# Deleting every other byte leaves a file's quote marks and line breaks: a few percent of it.
_ALL_BUT_QUOTES_AND_BREAKS = bytes(b for b in range(256) if b not in b'"\n')
# The piece of a mapped file handled at once: the pages behind it are let go as it moves on.
# Small enough that each copied piece reuses the last one's memory instead of new pages.
_CHUNK = 64 << 10
_STAND_INS = (b"\x1e", b"\x1d", b"\x1c", b"\x1f", b"\x1b")


@dataclass(frozen=True)
class Folding:
    """How the folded copy (the file with its quoted line breaks replaced by `stand_in`)
    maps back to the file. It does not hold the copy, so the copy can go once read."""

    stand_in: str
    # Per folded line (0-based from the first record) that holds folded breaks: how many
    # physical lines it stands for beyond one.
    extra_lines: pl.DataFrame

    def physical_line(self, line: int, first_data_line: int) -> int:
        """The file's own line number of the copy's line `line`."""
        before = self.extra_lines.filter(pl.col("folded_line") < line - first_data_line)
        return line + int(before["extra"].sum())

    def restore(self, frame: pl.DataFrame, first_data_line: int) -> pl.DataFrame:
        """The read copy's frame with its line breaks back and the file's own line numbers
        (`line` from the reader counts folded lines)."""
        # A record starts that many lines further on as the folded lines before it hold.
        before = self.extra_lines.select(
            (pl.col("folded_line") + 1).alias("after"), pl.col("extra").cum_sum()
        )
        shift = (
            frame.select(pl.col("line") - first_data_line)
            .with_row_index("_row")
            .sort("line")
            .join_asof(before, left_on="line", right_on="after", strategy="backward")
            .sort("_row")["extra"]
            .fill_null(0)
        )
        # Only columns that hold a folded break are rewritten: rewriting every text column
        # was the peak memory of the whole run (benchmarks/README.md).
        text = [c for c, t in frame.schema.items() if t == pl.String and c != "source"]
        held = frame.select(pl.col(text).str.contains(self.stand_in, literal=True).any()).row(0)
        broken = [column for column, holds in zip(text, held, strict=True) if holds]
        return frame.with_columns(
            pl.col(broken).str.replace_all(self.stand_in, "\n", literal=True),
            pl.col("line") + shift,
        )


def fold_quoted_line_breaks(raw: RawBytes, start: int) -> tuple[bytes, Folding] | None:
    """None when no quoted field from byte `start` on holds a line break (or every stand-in
    byte occurs in the file): then the file's shape is wrong, not merely unusual.

    A line break lies inside a quoted field when an odd number of quote marks comes before
    it and one more comes after to close the field (a doubled quote "" counts twice, which
    leaves the count's parity as it was).
    """
    per_line, unused = _scan(raw, start, _STAND_INS)
    stand_in = next((b for b in _STAND_INS if b in unused), None)
    if stand_in is None:
        return None
    inside = _ends_inside_quotes(per_line).arg_true().cast(pl.Int64)
    if not inside.len():
        return None
    data = _copy_with(raw, _line_ends(raw, start, inside.to_list()), stand_in)
    # The breaks of one folded line are consecutive physical lines: numbered by folded line,
    # each run of them shares one number.
    table = (
        pl.DataFrame({"folded_line": inside - pl.int_range(inside.len(), eager=True)})
        .group_by("folded_line")
        .agg(pl.len().cast(pl.Int64).alias("extra"))
        .sort("folded_line")
    )
    return data, Folding(stand_in.decode(), table)


def record_facts(raw: RawBytes, facts: LineFacts, start: int) -> LineFacts | None:
    """`facts` (one row per physical line from byte `start` on) merged into one row per
    record, a line break inside a quoted field joining two lines into one record (the rule
    of fold_quoted_line_breaks); None when the scan and the facts disagree on the lines."""
    per_line, _ = _scan(raw, start)
    if len(per_line) not in (facts.count, facts.count + 1) or not facts.count:
        return None  # one more: the empty piece after the file's last line end
    inside = _ends_inside_quotes(per_line[: facts.count])
    lines = pl.DataFrame({
        "record": (~inside.shift(1, fill_value=False)).cum_sum(),
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


def _ends_inside_quotes(per_line: list[int]) -> pl.Series:
    """Per line, from its count of quote marks: whether the line break that ends it lies
    inside a quoted field (an odd number of marks before it, and one more after).

    A quoted field that would run over more than SPANS_AT_MOST lines is a stray quote, not
    a field: its mark is left out of the count, so the quoted line breaks after it are
    still found (a stray quote used to join the rest of the file into one record)."""
    counts = pl.Series(per_line, dtype=pl.Int64)
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


SPANS_AT_MOST = 100  # lines: far more than any comment's line breaks
_STRAY_QUOTES_AT_MOST = 20  # past that many, the file is beyond telling its fields apart


def _scan(
    raw: RawBytes, start: int, stand_ins: tuple[bytes, ...] = ()
) -> tuple[list[int], set[bytes]]:
    """How many quote marks each physical line from byte `start` on holds, and which of
    `stand_ins` the file never holds (looked for only by the fold, which needs one)."""
    unused = {b for b in stand_ins if b not in raw[:start]}
    kept = []
    for begin in range(start, len(raw), _CHUNK):
        chunk = raw[begin:begin + _CHUNK]
        release_pages(raw, begin, begin + _CHUNK)
        unused -= {b for b in unused if b in chunk}
        kept.append(chunk.translate(None, _ALL_BUT_QUOTES_AND_BREAKS))
    return [len(line) for line in b"".join(kept).split(b"\n")], unused


def _line_ends(raw: RawBytes, start: int, lines: list[int]) -> list[int]:
    """The offset of the line break that ends each of `lines` (ascending; 0 is the line that
    begins at byte `start`)."""
    ends, begin, line, released = [], start, 0, 0
    for wanted in lines:
        while line < wanted:
            begin = raw.find(b"\n", begin) + 1
            line += 1
        ends.append(raw.find(b"\n", begin))
        if begin - released > _CHUNK:
            released = release_pages(raw, released, begin)
    release_pages(raw, released, len(raw))
    return ends


def _copy_with(raw: RawBytes, breaks: list[int], stand_in: bytes) -> bytes:
    """A copy of `raw` with the byte at each of `breaks` replaced by `stand_in`, built piece
    by piece so a mapped file never has to be held in memory beside its copy."""
    out = sized_buffer(len(raw))
    view = memoryview(raw)
    copied = 0
    for end in [*breaks, len(raw)]:
        for begin in range(copied, end, _CHUNK):
            out.write(view[begin:min(begin + _CHUNK, end)])
            release_pages(raw, begin, min(begin + _CHUNK, end))
        out.write(stand_in if end < len(raw) else b"")
        copied = end + 1
    view.release()
    return out.getvalue()  # the buffer itself, not a second copy
