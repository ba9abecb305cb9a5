"""Windows-1252 bytes in a DOJ file (PEÑA), repaired only on the rows that hold them.

polars reads the file as UTF-8 with invalid bytes replaced (U+FFFD). The few lines that hold
a replacement are found again in the raw bytes, decoded as Windows-1252 and re-parsed; the
rest of the file is never transcoded. If the raw line found does not match what polars read,
the whole file is transcoded instead: slower, never wrong.
"""

import csv

import polars as pl

from app.doj.schema import INDEX, NEEDED

REPLACEMENT = "\ufffd"


def repair_rows(
    frame: pl.DataFrame, lines: pl.Series, raw: memoryview, first_offset: int, eol: int
) -> pl.DataFrame:
    flagged = lines.str.contains(REPLACEMENT, literal=True).fill_null(False)
    if not flagged.any():
        return frame
    lengths = lines.str.len_bytes().fill_null(0).cast(pl.Int64) + eol
    starts = (lengths.cum_sum() - lengths + first_offset).to_list()
    indexes = flagged.arg_true().to_list()
    texts = lines.gather(indexes).to_list()
    fixed: dict[str, list[str]] = {column: [] for column in NEEDED}
    shift = 0  # how much longer the raw lines seen so far are than their lossy text says
    for index, lossy in zip(indexes, texts, strict=True):
        start = starts[index] + shift
        end = bytes(raw[start:start + len(lossy.encode()) * 2 + 2]).find(b"\n")
        chunk = bytes(raw[start:]) if end < 0 else bytes(raw[start:start + end])
        line = chunk[:-1] if chunk.endswith(b"\r") else chunk
        if line.decode("utf-8", errors="replace") != lossy:
            return _transcode_all(frame, raw, first_offset)
        shift += len(chunk) + (1 if end >= 0 else 0) - int(lengths[index])
        fields = next(csv.reader([line.decode("cp1252", errors="replace")]))
        for column in NEEDED:
            fixed[column].append(fields[INDEX[column]])
    first_line = int(frame["line"][0])
    repaired = pl.DataFrame({"line": [first_line + i for i in indexes], **fixed})
    return frame.update(repaired, on="line")


def _transcode_all(frame: pl.DataFrame, raw: memoryview, first_offset: int) -> pl.DataFrame:
    text = bytes(raw[first_offset:]).decode("cp1252", errors="replace").encode("utf-8")
    again = pl.read_csv(text, has_header=False, infer_schema=False,
                        columns=[INDEX[c] for c in NEEDED], empty_string_is_null=False)
    again = again.rename({f"column_{INDEX[c]}": c for c in NEEDED})
    return again.with_columns(frame["source"], frame["line"])
