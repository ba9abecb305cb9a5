"""A DOJ file's shape, decided once from its head: where the records start (after a byte
order mark, blank lines and a header), which line end it uses, and its record marker."""

import csv
from dataclasses import dataclass

import polars as pl

from app.doj.lines import RawBytes
from app.doj.schema import FIELD_COUNT, INDEX
from app.doj.structure import Problem, exact_check
from app.errors import InputError

BOM = b"\xef\xbb\xbf"
_HEAD = 1 << 16  # enough bytes to find the header and the first record


@dataclass(frozen=True)
class Shape:
    first_data_line: int  # 1-based physical line of the first record
    first_data_offset: int  # byte offset of that line
    has_header: bool
    eol: int  # 2 for CRLF files, 1 for LF
    marker: str  # the first record's END_OF_REC ("" when it has none)

    @property
    def skip(self) -> int:
        """The physical lines before the first record."""
        return self.first_data_line - 1


def find_shape(name: str, raw: RawBytes) -> Shape | Problem:
    """The file's shape; a Problem when its first record is no DOJ record. An empty file,
    or a header and no records, or a header out of DOJ's order, is refused at once."""
    head = bytes(raw[:_HEAD])
    offset = len(BOM) if head.startswith(BOM) else 0
    if not head[offset:].strip() and len(raw) <= len(head):
        raise InputError(name, "the file is empty. Check that the whole delivery was copied, "
                         "or ask DOJ for a fresh copy.", 1)
    line, has_header, header_line = 1, False, 0
    while True:
        end = head.find(b"\n", offset)
        text = head[offset:] if end < 0 else head[offset:end]
        if text.strip():
            if has_header or not text.lstrip().lstrip(b'"').startswith(b"RECORD_ID"):
                break
            check_header(name, text.decode("latin-1"), line)
            has_header, header_line = True, line
        if end < 0:
            if has_header:
                raise InputError(name, "the file has a header row but no records. Check that "
                                 "the whole delivery was copied.", header_line)
            raise InputError(name, "the file is empty. Check that the whole delivery was "
                             "copied, or ask DOJ for a fresh copy.", 1)
        line += 1
        offset = end + 1
    first = _first_record(bytes(raw[offset:offset + _HEAD]))
    marker = first_record_marker(first, line, has_header)
    if isinstance(marker, Problem):
        return marker
    eol = 2 if end > 0 and head[end - 1:end] == b"\r" else 1
    return Shape(line, offset, has_header, eol, marker)


def check_header(name: str, header: str, line: int) -> None:
    """Columns are read by position, as gogen read them. A header that names a DOJ column at
    another position (columns moved, added or dropped, say by a county's re-export) would be
    read wrongly without a word, so it is refused. Names CountyClear does not know are let
    through: DOJ may spell a column differently, and the position still holds."""
    names = [_unquoted(n.strip()).upper() for n in header.rstrip("\r").split(",")]
    for position, column in enumerate(names):
        expected = INDEX.get(column)
        if expected is not None and expected != position:
            raise InputError(name, f"the header has {column} as column {position + 1}, where a "
                             f"DOJ research file has it as column {expected + 1}: the columns "
                             "are not in DOJ's order, so their values would be read as other "
                             "columns. Use the file as DOJ delivered it.", line)


def _unquoted(name: str) -> str:
    """A header name as written by a writer that quotes every field."""
    return name[1:-1] if len(name) > 1 and name[0] == name[-1] == '"' else name


def _first_record(head: bytes) -> str:
    """The first record: its line, or its lines when a quoted field in it holds line breaks
    and they make one whole record (anything else is left to the check of its first line).
    Only whole lines of the head are looked at: the last piece may be cut short."""
    lines = head.split(b"\n")[:-1] or [head]
    quotes, last = 0, 0
    for last, line in enumerate(lines):  # noqa: B007 - `last` is the record's last line
        quotes += line.count(b'"')
        if quotes % 2 == 0:
            break
    if quotes % 2 == 0 and last:
        record = b"\n".join(lines[:last + 1]).rstrip(b"\r").decode("cp1252", errors="replace")
        if is_whole_record(record):
            return record
    return lines[0].rstrip(b"\r").decode("cp1252", errors="replace")


def first_record_marker(first_line: str, line_no: int, has_header: bool) -> str | Problem:
    """The first record's END_OF_REC (the file's end marker), or why it is no record."""
    # A stray carriage return inside the line is an ordinary character to polars; Python's
    # csv module would refuse the line instead, so it is blanked for the count.
    fields = next(csv.reader([first_line.replace("\r", " ")]), [])
    if len(fields) == FIELD_COUNT:
        return fields[-1]
    if not has_header and first_line.count('"') % 2 == 0:
        return Problem(line_no, f"this is not a DOJ research file: its first line has "
                       f"{len(fields)} fields, a DOJ file has {FIELD_COUNT}. Choose the "
                       "research file DOJ delivered.")
    problem, _ = exact_check(pl.Series("text", [first_line]), [line_no])
    return problem if problem is not None else ""


def is_whole_record(text: str) -> bool:
    """Whether `text` (one or more lines) is exactly one record of 95 fields."""
    try:
        return len(next(csv.reader([text.replace("\r", " ")]), [])) == FIELD_COUNT
    except csv.Error:  # a line break outside quotes: more than one record, or none whole
        return False
