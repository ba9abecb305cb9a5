"""Windows-1252 bytes in a DOJ file (PEÑA), repaired only on the rows that hold them.

polars reads the file as UTF-8 with invalid bytes replaced (U+FFFD). The lines that hold a
replacement are cut again from the raw bytes, decoded as Windows-1252 and parsed by polars;
the rest of the file is never transcoded. If the line offsets do not hold or a cut does
not land on line ends (a byte sequence polars replaced as one), the whole file is transcoded
and parsed again instead: slower, never wrong.
"""

from collections.abc import Sequence

import polars as pl

from app.doj.lines import REPLACEMENT, LineFacts, RawBytes, cut_lines
from app.doj.schema import INDEX


def repair(frame: pl.DataFrame, facts: LineFacts, raw: RawBytes) -> pl.DataFrame | None:
    """`frame` has one row per row of `facts` (physical lines, or records). None when the
    whole file, transcoded, parses into other rows than `frame` (a damaged file)."""
    flagged = (facts.replaced > 0).arg_true()
    if not flagged.len():
        return frame
    read = [column for column in frame.columns if column in INDEX and column != "END_OF_REC"]
    # Only the columns where a replacement shows need new values (usually just the name),
    # so only those are parsed again (at least one, to count the lines parsed).
    shows = frame.select(read)[flagged].select(
        pl.col(read).str.contains(REPLACEMENT, literal=True).any()
    ).row(0)
    columns = [column for column, show in zip(read, shows, strict=True) if show]
    pieces = cut_lines(raw, facts, flagged)
    fixed = None
    if pieces is not None and all(
        REPLACEMENT in p.decode("utf-8", errors="replace") for p in pieces
    ):
        fixed = _parse(b"\n".join(pieces).decode("cp1252", errors="replace").encode("utf-8"),
                       columns or read[:1])
    if fixed is None or fixed.height != flagged.len():
        first = int(facts.starts[0])
        again = _parse(bytes(raw[first:]).decode("cp1252", errors="replace").encode("utf-8"),
                       read)
        return again.with_columns(frame.drop(read)) if again.height == frame.height else None
    return frame.with_columns([frame[c].scatter(flagged, fixed[c]) for c in columns])


def _parse(text: bytes, columns: Sequence[str]) -> pl.DataFrame:
    frame = pl.read_csv(text, has_header=False, infer_schema=False, empty_string_is_null=False,
                        columns=[INDEX[c] for c in columns])
    return frame.rename({f"column_{INDEX[c]}": c for c in columns})
