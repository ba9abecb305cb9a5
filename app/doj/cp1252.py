"""Windows-1252 bytes in a DOJ file (PEÑA), repaired only on the rows that hold them.

polars reads the file as UTF-8 with invalid bytes replaced (U+FFFD). The lines that hold a
replacement are cut again from the raw bytes (each replacement stands for one raw byte),
decoded as Windows-1252 and parsed by polars; the rest of the file is never transcoded. If
the raw lines found do not read back as what polars read, the whole file is transcoded
instead: slower, never wrong.
"""

from dataclasses import dataclass

import polars as pl

from app.doj.schema import INDEX, NEEDED

REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Repair:
    rows: pl.Series  # positions (physical line - first record line) of the repaired lines
    fixed: pl.DataFrame | None  # their NEEDED columns; None: transcode the whole file


def plan_repair(
    lines: pl.Series, replacements: pl.Series, raw: memoryview, first_offset: int, eol: int
) -> Repair | None:
    """What to repair, worked out before the main read so `lines` can be freed first.

    `replacements` counts, per physical line, the bytes polars could not read as UTF-8.
    """
    if replacements.max() == 0:
        return None
    lengths = (
        lines.str.len_bytes().fill_null(0).cast(pl.Int64) - 2 * replacements.cast(pl.Int64) + eol
    )
    starts = lengths.cum_sum() - lengths + first_offset
    flagged = (replacements > 0).arg_true()
    pieces = [
        bytes(raw[start:start + length - eol])
        for start, length in zip(starts.gather(flagged).to_list(),
                                 lengths.gather(flagged).to_list(), strict=True)
    ]
    blob = b"\n".join(pieces)
    if blob.decode("utf-8", errors="replace").split("\n") != lines.gather(flagged).to_list():
        return Repair(flagged, None)
    fixed = _parse(blob.decode("cp1252", errors="replace").encode("utf-8"))
    return Repair(flagged, fixed if fixed.height == len(pieces) else None)


def apply_repair(
    frame: pl.DataFrame, repair: Repair | None, raw: memoryview, first_offset: int
) -> pl.DataFrame:
    """`frame` has one row per physical line from the first record on."""
    if repair is None:
        return frame
    if repair.fixed is None:
        again = _parse(bytes(raw[first_offset:]).decode("cp1252", errors="replace")
                       .encode("utf-8"))
        return again.with_columns(frame.drop(NEEDED))
    # Only the columns where a replacement shows need new values (usually just the name).
    repaired = [
        frame[column].scatter(repair.rows, repair.fixed[column])
        for column in NEEDED
        if frame[column].gather(repair.rows).str.contains(REPLACEMENT, literal=True).any()
    ]
    return frame.with_columns(repaired)


def _parse(text: bytes) -> pl.DataFrame:
    frame = pl.read_csv(text, has_header=False, infer_schema=False, empty_string_is_null=False,
                        columns=[INDEX[c] for c in NEEDED])
    return frame.rename({f"column_{INDEX[c]}": c for c in NEEDED})
