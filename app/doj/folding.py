"""Line breaks inside quoted fields: RFC 4180 allows them (DOMAIN.md 2.1) and gogen read them,
though DOJ files almost never hold one.

The fast reader assumes one record per physical line. For a file that breaks this, the bytes
are copied with each line break inside a quoted field replaced by a byte the file never
holds; the copy is read as usual (it has the same length, so byte offsets still hold), then
the values get their line breaks back and each record the physical line it starts on.
"""

import re
from dataclasses import dataclass

import polars as pl

from app.doj.lines import RawBytes, release_pages

# Every quoted field, in order: scanning them all keeps track of what is inside quotes (a
# doubled quote "" closes one match and opens the next, which is the same thing).
_QUOTED = re.compile(rb'"[^"]*"')
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

    The copy is built from views of `raw` (a mapped file is not copied twice).
    """
    stand_in = next((b for b in _STAND_INS if raw.find(b) < 0), None)
    if stand_in is None:
        return None
    view = memoryview(raw)
    pieces: list[bytes | memoryview] = []
    lines, extra = [], []
    seen_breaks, folded_before, copied, counted = 0, 0, 0, start
    for match in _QUOTED.finditer(view, start):
        begin, end = match.span()
        field = match.group()
        inside = field.count(b"\n")
        if not inside:
            continue
        seen_breaks += bytes(view[counted:begin]).count(b"\n")
        lines.append(seen_breaks - folded_before)  # the folded line the field starts on
        extra.append(inside)
        seen_breaks += inside
        folded_before += inside
        pieces += [view[copied:begin], field.replace(b"\n", stand_in)]
        copied = counted = end
    if not pieces:
        view.release()
        return None
    data = b"".join([*pieces, view[copied:]])
    pieces.clear()
    view.release()
    release_pages(raw, 0, len(raw))  # the scan faulted in every page of a mapped file
    table = pl.DataFrame({"folded_line": lines, "extra": extra},
                         schema={"folded_line": pl.Int64, "extra": pl.Int64})
    # Two quoted fields of one record can both hold breaks: one row per folded line.
    table = table.group_by("folded_line").agg(pl.col("extra").sum()).sort("folded_line")
    return data, Folding(stand_in.decode(), table)
