"""A quick look at decrypted bytes: is this a DOJ research file? The reader validates fully."""

import csv

from app.doj.schema import COLUMNS, FIELD_COUNT

_SNIFF_BYTES = 256 * 1024  # more than one DOJ line (95 fields) ever needs


def doj_shape_problem(data: bytes) -> str | None:
    """None when `data` looks like a DOJ file, else what it looks like instead (for messages).

    A DOJ file is comma-separated text whose first non-blank line has 95 fields or is the
    header row starting with RECORD_ID.
    """
    head = data[:_SNIFF_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.strip():
        return "it is empty"
    if b"\x00" in head:
        return "it is binary data, not comma-separated text"
    text = head.decode("latin-1")  # any byte decodes; the reader checks the encoding
    first = next(line for line in text.splitlines() if line.strip())
    if first.startswith(COLUMNS[0]):
        return None
    fields = next(csv.reader([first]))
    if len(fields) == FIELD_COUNT:
        return None
    return (
        f"its first line has {len(fields)} comma-separated field(s); a DOJ research file has "
        f"{FIELD_COUNT} (or starts with the header {COLUMNS[0]},...)"
    )
