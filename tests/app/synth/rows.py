"""Reading generated deliveries back with Python's csv module, independent of app.doj."""

import csv
import io
from collections.abc import Iterator

from app.doj.schema import COLUMNS, INDEX


def parsed_rows(data: bytes) -> list[list[str]]:
    """Every record of a generated file (header included), decoded as Windows-1252."""
    return list(csv.reader(io.StringIO(data.decode("cp1252"), newline="")))


def records(data: bytes) -> Iterator[dict[str, str]]:
    """Data records as {column: value} (the header row, if any, skipped)."""
    for row in parsed_rows(data):
        if row and row[0] == COLUMNS[0]:
            continue
        yield {name: row[INDEX[name]] for name in COLUMNS}
