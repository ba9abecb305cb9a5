"""A DOJ file read a piece at a time: Windows-1252 records decoded as such, nowhere else."""

from pathlib import Path

import pytest
from polars.testing import assert_frame_equal

from app.doj import lines, pieces
from app.doj.reader import read_sources
from app.doj.source import DojSource
from app.errors import InputError
from tests.doj_builder import Person, to_csv


def test_windows_1252_only_in_an_unread_column_changes_nothing_read() -> None:
    a, b = Person("1", name="ROE,RICHARD"), Person("2", name="PEÑA,JOSÉ")
    a.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M",
                 POB_NAME="MÉXICO")
    b.conviction("11359 HS-SALE", "20110101")
    data = to_csv([a, b]).decode("utf-8").encode("cp1252")
    cp1252 = read_sources([DojSource(name="doj.dat", data=data)])
    plain = read_sources([DojSource(name="doj.dat", data=to_csv([a, b]))])
    assert cp1252["PRI_NAME"].to_list() == ["ROE,RICHARD", "PEÑA,JOSÉ"]
    assert_frame_equal(cp1252, plain)


@pytest.mark.parametrize("crlf", [False, True], ids=["LF", "CRLF"])
def test_a_mapped_file_read_in_many_pieces_is_read_as_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crlf: bool
) -> None:
    # Pieces of a few hundred bytes: every piece boundary falls between records, some after
    # a blank line, some before a Windows-1252 record or one whose comment breaks a line;
    # the pages of the mapped file are handed back behind each piece.
    names = [f"PEÑA{i},JOSÉ" if i % 3 == 0 else f"ROE{i},RICHARD" for i in range(300)]
    people = [Person(str(i), name=name) for i, name in enumerate(names)]
    for i, person in enumerate(people):
        person.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M",
                          COMMENT_TEXT="ONE\nTWO" if i % 7 == 0 else "")
    data = to_csv(people, crlf=crlf).decode("utf-8").encode("cp1252")
    blank = b"\r\n" if crlf else b"\n"
    cut = data.index(b"ROE50,")
    cut = data.rindex(b"\n", 0, cut) + 1
    data = data[:cut] + blank + data[cut:]  # one blank line among the records
    path = tmp_path / "doj.dat"
    path.write_bytes(data)
    whole = read_sources([DojSource.from_path(path)])
    released: list[tuple[int, int]] = []
    real_release = pieces.release_pages

    def spy(raw: lines.RawBytes, begin: int, end: int) -> int:
        released.append((begin, end))
        return real_release(raw, begin, end)

    monkeypatch.setattr(pieces, "PIECE", 700)
    monkeypatch.setattr(pieces, "release_pages", spy)
    pieced = read_sources([DojSource.from_path(path)])
    assert len(released) > 10
    assert_frame_equal(pieced, whole)
    assert pieced["PRI_NAME"].to_list() == names
    assert pieced["COMMENT_TEXT"].to_list()[7] == "ONE\nTWO"
    lines_of = pieced["line"].to_list()
    assert lines_of[50] - lines_of[49] == 3  # record 49's two lines, then the blank line


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_characters_after_a_closing_quote_in_a_category_column_name_the_line(
    encoding: str,
) -> None:
    # polars reads `"FELONY"É` into the value and may cut the É in two; a category column
    # (CONV_STAT_DESCR) is not checked as UTF-8 the way a text column is, so the reader
    # checks it and names the line rather than let a broken value through.
    a, b = Person("1"), Person("2")
    a.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    b.conviction("11359 HS-SALE", "20110101")
    data = to_csv([a, b]).decode("utf-8").replace(",FELONY,", ',"FELONY"É,', 1).encode(encoding)
    line = data[:data.index(b'"FELONY"')].count(b"\n") + 1
    with pytest.raises(InputError) as caught:
        read_sources([DojSource(name="doj.dat", data=data)])
    assert caught.value.line == line
    assert "after its closing quote" in caught.value.message


@pytest.mark.parametrize("crlf", [False, True], ids=["LF", "CRLF"])
def test_characters_after_a_closing_quote_in_a_text_column_name_the_line(crlf: bool) -> None:
    # polars refuses `"DOE,JANE"X` in a column it reads as text (PRI_NAME): one message,
    # naming the line, instead of polars' own words.
    people = [Person(str(n), name="DOE,JANE" if n == 3 else f"ROE{n},RICHARD") for n in range(6)]
    for person in people:
        person.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    data = to_csv(people, crlf=crlf).replace(b'"DOE,JANE"', b'"DOE,JANE"X', 1)
    line = data[:data.index(b'"DOE,JANE"X')].count(b"\n") + 1
    with pytest.raises(InputError) as caught:
        read_sources([DojSource(name="doj.dat", data=data)])
    assert caught.value.line == line
    assert "after its closing quote" in caught.value.message
