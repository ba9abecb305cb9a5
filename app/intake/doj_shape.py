"""A quick look at decrypted bytes: is this a DOJ research file? The reader validates fully."""

import csv
import io
from dataclasses import dataclass

from app.doj.schema import COLUMNS, FIELD_COUNT

_SNIFF_BYTES = 256 * 1024  # more than one DOJ line (95 fields) ever needs


@dataclass(frozen=True)
class ShapeProblem:
    text: str  # what the file looks like instead
    line: int | None = None  # the line that shows it, when one line does


def doj_shape_problem(data: bytes) -> ShapeProblem | None:
    """None when `data` looks like a DOJ file, else what it looks like instead (for messages).

    A DOJ file is comma-separated text whose first non-blank line has 95 fields or is the
    header row starting with RECORD_ID.
    """
    head = data[:_SNIFF_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.strip():
        return ShapeProblem("it is empty")
    # What Excel writes when a clerk opens the DOJ file and saves it again.
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return ShapeProblem(f"it is UTF-16 text (Excel's \"Unicode Text\"). {_USE_DOJ_FILE}")
    if b"\x00" in head:
        return ShapeProblem("it is binary data, not comma-separated text")
    if b"\r" in head.rstrip(b"\r") and b"\n" not in head:
        return ShapeProblem(f"its lines end with a carriage return alone (\"CSV (Macintosh)\"). "
                            f"{_USE_DOJ_FILE}")
    # Any byte decodes; the reader checks the encoding. A CR is a line end only before an LF
    # (polars reads a stray one as a character), and a quoted field may hold a line break.
    text = head.decode("latin-1").replace("\r\n", "\n").replace("\r", " ")
    first = next(line for line in text.split("\n") if line.strip())
    line = text.count("\n", 0, text.index(first)) + 1
    try:
        records = csv.reader(io.StringIO(text[text.index(first):], newline=""))
        fields = next(records)
    except csv.Error:
        fields = [first]
    for separator, name in (("\t", "tabs"), (";", "semicolons")):
        if len(fields) < FIELD_COUNT <= first.count(separator) + 1:
            return ShapeProblem(f"its fields are separated by {name}, not commas. "
                                f"{_USE_DOJ_FILE}", line)
    if first.startswith(COLUMNS[0]) or len(fields) == FIELD_COUNT:
        return None
    return ShapeProblem(
        f"its first line does not look like a DOJ record ({len(fields)} "
        f"column{'' if len(fields) == 1 else 's'}; DOJ's have {FIELD_COUNT}, or a header "
        f"starting {COLUMNS[0]})", line
    )


# Not "save it again as CSV": Excel also drops the leading zeros of CNT_ORDER, which the
# facts then refuse (app.eligibility.rows).
_USE_DOJ_FILE = ("Open the file as DOJ delivered it: a copy saved from Excel, in any format, "
                 "loses the leading zeros of its numbers")
