"""The reader on quoted fields that hold line breaks (RFC 4180), on line ends that mix CRLF
and LF, and on stray quotes: records read once where they can be, damage named by its line."""

from pathlib import Path

import pytest

from app.doj.lines import LineFacts
from app.doj.reader import read_sources
from app.doj.shape import is_whole_record
from app.doj.source import DojSource
from app.errors import InputError
from tests.app.doj.reader_support import encodings_used, expect, read
from tests.doj_builder import Person, to_csv


def _with_line_breaks() -> list[Person]:
    """Comments holding line breaks, as RFC 4180 quoting allows (docs/DOJ_FILE.md, section 1)."""
    a, b, c = Person("1", name="PEÑA,JOSÉ"), Person("2", name="ROE,RICHARD"), Person("3")
    a.conviction("11357 HS-POSSESS", "20100101", COMMENT_TEXT="FIRST LINE\nSECOND LINE")
    b.conviction("11359 HS-SALE", "20110101", COMMENT_TEXT="A\n\nB", case='SEE "X"\nY')
    c.conviction("11358 HS-CULTIVATE", "20120101")
    return [a, b, c]


@pytest.mark.parametrize("crlf", [False, True], ids=["LF", "CRLF"])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
@pytest.mark.parametrize("mapped", [False, True], ids=["in memory", "mapped"])
def test_line_breaks_inside_quoted_fields(
    tmp_path: Path, crlf: bool, encoding: str, mapped: bool
) -> None:
    """Every record read, its values whole, each named by the line it starts on (gogen read
    such files): a quoted line break is no quote that never closes."""
    data = to_csv(_with_line_breaks(), crlf=crlf).decode("utf-8").encode(encoding)
    path = tmp_path / "doj.dat"
    path.write_bytes(data)
    frame = read_sources([DojSource.from_path(path) if mapped else DojSource("doj.dat", data)])
    assert frame["SUBJECT_ID"].to_list() == ["1", "2", "3"]
    assert frame["PRI_NAME"].to_list()[:2] == ["PEÑA,JOSÉ", "ROE,RICHARD"]
    assert frame["COMMENT_TEXT"].to_list() == ["FIRST LINE\nSECOND LINE", "A\n\nB", ""]
    assert frame["OFN"][1] == 'SEE "X"\nY'
    # Header 1; records on lines 2-3, 4-7 (two fields with breaks), 8.
    assert frame["line"].to_list() == [2, 4, 8]


def _many_suspects() -> list[Person]:
    """1,001 records more than the checks take one by one: a comment of "#" ends the line
    like a doubled field, so each is a suspect for the record screen."""
    many = [Person(str(n)) for n in range(1001)]
    for person in many:
        person.conviction("11357 HS-POSSESS", "20100101", COMMENT_TEXT="#")
    return many


@pytest.mark.parametrize("crlf", [False, True], ids=["LF", "CRLF"])
def test_many_suspect_records_spanning_lines_are_checked_without_a_copy(
    monkeypatch: pytest.MonkeyPatch, crlf: bool
) -> None:
    """Too many suspect records to cut out one by one, in a file whose quoted fields hold
    line breaks: the exact check runs on the records polars' streaming engine joins from
    the lines, and the file is read once."""
    reads = encodings_used(monkeypatch)
    frame = read(_crlf_throughout(to_csv([*_many_suspects(), *_with_line_breaks()]), crlf))
    assert frame["COMMENT_TEXT"].str.replace_all("\r\n", "\n").to_list()[1000:] == [
        "#", "FIRST LINE\nSECOND LINE", "A\n\nB", ""]
    assert frame["line"].to_list()[1000:] == [1002, 1003, 1005, 1009]
    assert reads == ["utf8"]  # one read of the file


def test_a_bad_record_among_many_suspects_is_named_by_the_line_it_starts_on() -> None:
    lines = to_csv([*_many_suspects(), *_with_line_breaks()]).split(b"\n")
    assert lines[1004].startswith(b",,2,") and lines[1007] == b'B",#'  # record, lines 1005-8
    lines[1007] += b",EXTRA"  # its last line: the record has a 96th field
    expect(b"\n".join(lines), 1005, "expected 95", "found 96")


def test_a_first_record_with_a_quoted_break_and_a_stray_quote_is_named_by_its_line() -> None:
    """The first record's quoted comment holds a line break, and its last line a stray
    quote: its lines make no whole record, so the quote left open on its first line is the
    message."""
    first = Person("0")
    first.conviction("11360 HS-TRANSPORT", "20090101", COMMENT_TEXT="X #\nY")
    lines = to_csv([first, *_with_line_breaks()]).split(b"\n")
    assert lines[1].endswith(b'"X #') and lines[2] == b'Y",#'
    lines[2] = b'Y","#'
    expect(b"\n".join(lines), 2, "opens a field that never closes")


def test_a_quoted_break_before_the_damage_is_not_taken_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """polars refuses a file with a lone quote after a line cut short. The check of every
    line stops first at a sound quoted line break, which looks like a quote that never
    closes; the records the quote marks make name the real damage, further on, with no
    second read of the file (a 1,000,000-row encrypted file must stay small on its way to
    the message)."""
    first = Person("0")  # a plain first record: the damage is further on
    first.conviction("11360 HS-TRANSPORT", "20090101")
    lines = to_csv([first, *_with_line_breaks()]).split(b"\n")
    assert lines[5].endswith(b',"A') and lines[7] == b'B",#'  # "A\n\nB", the comment
    lines[5] = lines[5].rsplit(b",", 5)[0]  # cut short before it: B's quote is left alone
    reads = encodings_used(monkeypatch)
    with pytest.raises(InputError, match="expected 95 comma-separated fields, found 89") as e:
        read(b"\n".join(lines))
    assert e.value.line == 5  # not 3, the sound break's first line
    assert len(reads) <= 2  # read once (strict, then lossy when refused), never a copy


@pytest.mark.parametrize("second", [None, 130], ids=["never closes", "closes 120 lines on"])
def test_a_stray_quote_in_a_long_file_is_named_by_its_line(
    monkeypatch: pytest.MonkeyPatch, second: int | None
) -> None:
    """The quote it opens does not close within a hundred lines, as a quoted field's line
    break would: it is a stray quote, named by its own line, and the lines after it are
    not taken for one long field."""
    many = [Person(str(n)) for n in range(150)]
    for person in many:
        person.conviction("11357 HS-POSSESS", "20100101")
    lines = to_csv(many).split(b"\n")
    for index in (10, second):
        if index is not None:
            lines[index] = lines[index].replace(b",SACRAMENTO,", b',"SACRAMENTO,', 1)
    reads = encodings_used(monkeypatch)
    expect(b"\n".join(lines), 11, "quote")
    assert len(reads) <= 2  # read once (strict, then lossy when refused), never a copy


def test_only_lines_making_one_whole_record_count_as_the_first_record() -> None:
    fields = ["1"] * 94
    assert is_whole_record(",".join([*fields[:-1], '"A\r\nB"', "#"]))
    assert not is_whole_record(",".join([*fields, '"A\nB"', "#"]))  # 96 fields
    # The quotes close, but a line break lies outside them: no record, and no crash.
    assert not is_whole_record(",".join([*fields[:-1], '"A\nB"', "#\nX"]))


def test_a_first_record_holding_line_breaks_is_read_once_without_a_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads = encodings_used(monkeypatch)
    frame = read(to_csv(_with_line_breaks()))
    assert frame["COMMENT_TEXT"].to_list() == ["FIRST LINE\nSECOND LINE", "A\n\nB", ""]
    assert frame["line"].to_list() == [2, 4, 8]
    assert reads == ["utf8"]  # one read of the file


def _crlf_throughout(data: bytes, crlf: bool) -> bytes:
    """`data` with CRLF line ends everywhere, the breaks inside quoted fields too."""
    return data.replace(b"\n", b"\r\n") if crlf else data


@pytest.mark.parametrize("suspects", [0, 1001])
@pytest.mark.parametrize("own_line_ends", [True, False], ids=["counted", "not counted"])
def test_crlf_records_whose_quoted_fields_break_with_lf_are_read_rightly(
    monkeypatch: pytest.MonkeyPatch, suspects: int, own_line_ends: bool
) -> None:
    """In a CRLF file whose quoted fields break with a bare LF, byte offsets counted with
    one kind of line end drift, and a cut by them can land on another line's ends. Each
    line's offset is then found in the bytes themselves: the pieces and the lines are cut
    out rightly (Windows-1252 names, suspects). Were that count to fail, the file is
    refused as one whose lines do not divide into records, never read wrongly."""
    people = [Person(str(n), name="NUÑEZ,ANA" if n % 2 else "ROE,RICHARD") for n in range(8)]
    for n, person in enumerate(people):
        person.conviction("11357 HS-POSSESS", "20100101",
                          COMMENT_TEXT="ONE\n\nTWO" if n in (1, 4) else "")
    many = _many_suspects()[:suspects]
    data = to_csv([*people, *many], crlf=True).decode("utf-8").encode("cp1252")
    assert b"ONE\n\nTWO" in data and b"\r\n" in data
    if not own_line_ends:
        monkeypatch.setattr(LineFacts, "with_exact_offsets", lambda facts, raw: None)
        expect(data, None, "do not divide into records")
        return
    reads = encodings_used(monkeypatch)
    frame = read(data)
    assert frame["PRI_NAME"].to_list()[:8] == [p.name for p in people]
    assert frame["line"].to_list()[:8] == [2, 3, 6, 7, 8, 11, 12, 13]
    assert frame["COMMENT_TEXT"].to_list()[1] == "ONE\n\nTWO"
    assert frame.height == 8 + suspects
    assert reads == ["utf8"]  # one read, the Windows-1252 records decoded on the way


def test_lf_and_crlf_mixed_lines_are_cut_out_by_their_own_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file whose lines end partly LF, partly CRLF (two extracts joined): its
    Windows-1252 names are decoded from the lines cut out by their own offsets, and a bad
    line is named rightly."""
    people = [Person(str(n), name="NUÑEZ,ANA" if n % 3 else "ROE,RICHARD") for n in range(9)]
    for person in people:
        person.conviction("11357 HS-POSSESS", "20100101")
    lines = to_csv(people).decode("utf-8").encode("cp1252").split(b"\n")
    data = b"\n".join(lines[:5]) + b"\n" + b"\r\n".join(lines[5:])
    reads = encodings_used(monkeypatch)
    frame = read(data)
    assert frame["PRI_NAME"].to_list() == [p.name for p in people]
    assert frame["line"].to_list() == list(range(2, 11))
    assert reads == ["utf8"]
    lines[8] += b",EXTRA"
    expect(b"\n".join(lines[:5]) + b"\n" + b"\r\n".join(lines[5:]), 9, "found 96")


@pytest.mark.parametrize("crlf", [False, True], ids=["LF", "CRLF"])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_quoted_line_breaks_are_read_once_without_a_copy(
    monkeypatch: pytest.MonkeyPatch, crlf: bool, encoding: str
) -> None:
    """polars reads the records rightly and the checks run on records: no second read and
    no copy of the file (a 1,000,000-row encrypted file must stay small). A
    Windows-1252 name in a record that spans lines is repaired all the same."""
    first = Person("0")  # a plain first record: the breaks come further on
    first.conviction("11360 HS-TRANSPORT", "20090101")
    reads = encodings_used(monkeypatch)
    data = _crlf_throughout(to_csv([first, *_with_line_breaks()]), crlf)
    frame = read(data.decode("utf-8").encode(encoding).replace(b"\n", b"\n\n", 1))  # and a
    # blank line after the header
    assert frame["PRI_NAME"].to_list()[1:3] == ["PEÑA,JOSÉ", "ROE,RICHARD"]
    comments = frame["COMMENT_TEXT"].str.replace_all("\r\n", "\n").to_list()
    assert comments == ["", "FIRST LINE\nSECOND LINE", "A\n\nB", ""]
    assert frame["line"].to_list() == [3, 4, 6, 10]
    assert reads == ["utf8"]  # one read, the Windows-1252 records decoded on the way


def test_a_damaged_record_with_a_quoted_line_break_names_its_real_problem() -> None:
    """The record its two lines make has a field too many: the message says so, not that
    a quote never closes."""
    first, second = Person("0"), Person("1")
    first.conviction("11360 HS-TRANSPORT", "20090101")
    second.conviction("11357 HS-POSSESS", "20100101", COMMENT_TEXT='SEE "Q"\nZ')
    lines = to_csv([first, second]).split(b"\n")
    assert lines[3].startswith(b'Z"')  # header 1, records 2 and 3-4
    lines[3] += b",EXTRA"
    expect(b"\n".join(lines), 3, "expected 95", "found 96")


def test_a_quoted_line_break_after_the_end_marker_is_found_all_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A break right after a "#" in a comment leaves a line that ends like a record: the
    line check cannot tell, the count of rows read does, and the quote marks then tell
    which lines make one record (the file is read again, by records)."""
    a, b = Person("1"), Person("2")
    a.conviction("11359 HS-SALE", "20110101")
    b.conviction("11357 HS-POSSESS", "20100101", COMMENT_TEXT="SEE NOTE #\nTWO")
    reads = encodings_used(monkeypatch)
    frame = read(to_csv([a, b]))
    assert frame["COMMENT_TEXT"].to_list() == ["", "SEE NOTE #\nTWO"]
    assert frame["line"].to_list() == [2, 3]
    assert reads == ["utf8", "utf8"]


def test_line_breaks_in_the_first_record_of_a_file_without_header() -> None:
    frame = read(to_csv(_with_line_breaks(), header=False))
    assert frame["COMMENT_TEXT"].to_list() == ["FIRST LINE\nSECOND LINE", "A\n\nB", ""]
    assert frame["line"].to_list() == [1, 3, 7]


def test_a_line_break_in_a_quoted_field_and_a_bad_line_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The line named is the file's own, counting the lines inside the quoted field. The
    checks on records name it, with the file read once (a 1,000,000-row encrypted file
    must stay small on its way to the message)."""
    lines = to_csv(_with_line_breaks()).split(b"\n")
    # Physical lines: 1 header, 2-3 and 4-7 the first two records, 8 the third.
    lines[7] = lines[7].rsplit(b",", 5)[0]
    reads = encodings_used(monkeypatch)
    expect(b"\n".join(lines), 8, "expected 95", "found 90")
    assert len(reads) <= 2  # read once (strict, then lossy when refused), never a copy


def test_a_stray_quote_after_a_line_break_in_a_quoted_field_names_its_line() -> None:
    lines = to_csv(_with_line_breaks()).split(b"\n")
    lines[7] = lines[7].replace(b",11358 HS", b',"11358 HS', 1)  # line 8, the third record
    expect(b"\n".join(lines), 8)
