"""Reading DOJ files: every realistic shape reads; every structural problem names its line."""

import csv
import io
from datetime import date

import polars as pl
import pytest

from app.doj.reader import read_sources
from app.doj.schema import COLUMNS
from app.doj.source import DojSource
from app.eligibility.policy import builtin_policy
from app.errors import InputError
from app.pipeline import evaluate_sources
from tests.app.doj.reader_support import encodings_used, expect, read
from tests.doj_builder import Person, to_csv


def people() -> list[Person]:
    a, b = Person("100", name="PEÑA,JOSÉ"), Person("200", name="ROE,RICHARD")
    a.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    b.conviction("11359 HS-SALE", "20110101")
    a.conviction("11358 HS-CULTIVATE", "20120101")
    return [a, b]


def test_header_and_no_header_read_the_same() -> None:
    with_header = read(to_csv(people()))
    without = read(to_csv(people(), header=False))
    assert with_header.drop("line").equals(without.drop("line"))
    assert with_header["line"].to_list() == [2, 3, 4]
    assert without["line"].to_list() == [1, 2, 3]


def test_bom_crlf_blank_lines_and_trailing_header_comma() -> None:
    body = to_csv(people(), crlf=True)
    header, rest = body.split(b"\r\n", 1)
    data = b"\xef\xbb\xbf\r\n" + header + b",\r\n\r\n" + rest.replace(b"\r\n", b"\r\n\r\n", 1)
    frame = read(data)
    assert frame.height == 3
    # Lines: 1 blank, 2 header, 3 blank, 4 first record, 5 blank, 6 and 7 records.
    assert frame["line"].to_list() == [4, 6, 7]
    assert frame["SUBJECT_ID"].to_list() == ["100", "100", "200"]


def test_windows_1252_names_survive() -> None:
    data = to_csv(people()).decode("utf-8").encode("cp1252")
    frame = read(data)
    assert frame["PRI_NAME"][0] == "PEÑA,JOSÉ"


def test_a_file_all_utf8_is_read_strictly_and_reads_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The line scan saw no byte that is not UTF-8: the main read checks the text in bulk
    ("utf8"), which reads the same values as the lossy read."""
    data = to_csv(people())
    lossy = read(data.decode("utf-8").encode("cp1252")).drop("source")
    used = encodings_used(monkeypatch)
    strict = read(data).drop("source")
    assert used == ["utf8"]
    assert strict.equals(lossy)


def test_windows_1252_bytes_are_decoded_as_such_and_read_strictly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    used = encodings_used(monkeypatch)
    frame = read(to_csv(people()).decode("utf-8").encode("cp1252"))
    assert used == ["utf8"]
    assert frame["PRI_NAME"][0] == "PEÑA,JOSÉ"


def test_a_windows_1252_byte_in_the_header_leaves_the_records_strict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lines before the first record are neither scanned nor read: a stray byte there does
    not matter to either read."""
    header, rest = to_csv(people()).split(b"\n", 1)
    used = encodings_used(monkeypatch)
    frame = read(header.replace(b"COMMENT_TEXT", b"COMMENT_TEXT\xa7", 1) + b"\n" + rest)
    assert used == ["utf8"]
    assert frame["PRI_NAME"].to_list() == ["PEÑA,JOSÉ", "PEÑA,JOSÉ", "ROE,RICHARD"]


def test_a_stray_carriage_return_in_the_first_record_is_read_like_any_other() -> None:
    """polars keeps a lone CR inside a line as a character of its field; the first record's
    shape check (Python's csv module) raised an internal error on it (found by fuzzing)."""
    header, first, rest = to_csv(people()).split(b"\n", 2)
    frame = read(b"\n".join([header, first.replace(b",WHITE,", b",WH\rITE,"), rest]))
    assert frame["SUBJECT_ID"].to_list() == ["100", "100", "200"]
    assert frame["line"].to_list() == [2, 3, 4]
    assert frame["RACE_DESCR"][0] == "WH\rITE"


def test_several_files_are_one_delivery() -> None:
    first, second = people()
    split = Person("100", name="PEÑA,JOSÉ")
    split.conviction("11360 HS-SALE", "20130101")
    frame = read_sources([
        DojSource(name="part1.dat", data=to_csv([first, second])),
        DojSource(name="part2.dat", data=to_csv([split], header=False)),
    ])
    assert frame.filter(frame["SUBJECT_ID"] == "100").height == 3
    assert set(frame["source"]) == {"part1.dat", "part2.dat"}


def test_wrong_field_count_names_the_line() -> None:
    lines = to_csv(people()).split(b"\n")
    lines[2] = lines[2] + b",EXTRA"
    expect(b"\n".join(lines), 3, "95", "96")
    lines = to_csv(people()).split(b"\n")
    lines[3] = lines[3].rsplit(b",", 5)[0]
    expect(b"\n".join(lines), 4, "expected 95", "found 90")


def test_bare_quote_names_the_line() -> None:
    lines = to_csv(people()).split(b"\n")
    index = next(i for i, line in enumerate(lines) if b"ROE" in line)
    lines[index] = lines[index].replace(b"ROE", b'"ROE', 1)
    expect(b"\n".join(lines), index + 1, "quote")


def _with_header(names: list[str]) -> bytes:
    rest = to_csv(people()).split(b"\n", 1)[1]
    return ",".join(names).encode() + b"\n" + rest


def test_a_header_with_columns_out_of_doj_order_is_refused() -> None:
    """Columns are read by position (as gogen did): a moved column would be read as another."""
    swapped = list(COLUMNS)
    swapped[2], swapped[12] = swapped[12], swapped[2]  # SUBJECT_ID <-> PRI_NAME
    expect(_with_header(swapped), 1, "the header has PRI_NAME as column 3, where a DOJ "
            "research file has it as column 13")
    dropped = [c for c in COLUMNS if c != "GENDER"] + ["EXTRA"]
    expect(_with_header(dropped), 1, "PRI_DOB as column 14", "column 15")


def test_a_header_that_spells_a_column_differently_is_read_by_position() -> None:
    renamed = ["CII_NUM" if c == "CII_NUMBER" else c.lower() for c in COLUMNS]
    renamed[0] = "RECORD_ID"  # how a header is told from a record (gogen: the same prefix)
    frame = read(_with_header(renamed))
    assert frame["CII_NUMBER"].to_list() == read(to_csv(people()))["CII_NUMBER"].to_list()


def test_not_a_doj_file_and_empty_file() -> None:
    expect(b"name,age\nann,3\n", 1, "not a DOJ research file")
    expect(b"", 1, "empty")
    expect(b"\n\n  \n", 1, "empty")
    expect(",".join(COLUMNS).encode() + b"\n", 1, "no records")


def test_windows_1252_repair_on_a_mapped_crlf_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    people_list = []
    for i, name in enumerate(["PEÑA,JOSÉ", "ROE,RICHARD", "MUÑOZ,ANA", "LEE,BO", "NIÑO,ÉL"]):
        person = Person(str(i), name=name)
        person.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M",
                          COMMENT_TEXT="CAFÉ" if i == 4 else "")
        people_list.append(person)
    path = tmp_path / "doj.dat"
    path.write_bytes(to_csv(people_list, crlf=True).decode("utf-8").encode("cp1252"))
    frame = read_sources([DojSource.from_path(path)])
    assert frame["PRI_NAME"].to_list() == ["PEÑA,JOSÉ", "ROE,RICHARD", "MUÑOZ,ANA", "LEE,BO",
                                           "NIÑO,ÉL"]
    assert frame["COMMENT_TEXT"].to_list()[-1] == "CAFÉ"
    assert frame["line"].to_list() == [2, 3, 4, 5, 6]


def test_windows_1252_that_looks_like_a_utf8_prefix_falls_back_to_full_transcoding(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    # "â€" is E2 80 in Windows-1252: a truncated UTF-8 sequence that polars replaces with a
    # single U+FFFD, so the row-by-row repair cannot line up and the whole file is transcoded.
    people_list = [Person("1", name="Mâ€A,ANN"), Person("2", name="PEÑA,JOSÉ")]
    for person in people_list:
        person.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    path = tmp_path / "doj.dat"
    path.write_bytes(to_csv(people_list).decode("utf-8").encode("cp1252"))
    frame = read_sources([DojSource.from_path(path)])
    assert frame["PRI_NAME"].to_list() == ["Mâ€A,ANN", "PEÑA,JOSÉ"]
    assert frame["line"].to_list() == [2, 3]


def test_screened_and_unscreened_shapes_both_name_the_line() -> None:
    # A trailing extra field after the end marker, and a short line in a file whose
    # records carry no end marker at all (every line then gets the exact check).
    lines = to_csv(people()).split(b"\n")
    lines[3] = lines[3] + b","
    expect(b"\n".join(lines), 4, "found 96")
    unmarked = to_csv(people()).replace(b",#\n", b",\n").split(b"\n")
    unmarked[2] = unmarked[2][:-1]
    expect(b"\n".join(unmarked), 3, "found 94")


def test_a_doubled_field_is_found_even_when_the_comment_is_the_end_marker() -> None:
    # COMMENT_TEXT "#" shifted into END_OF_REC by a doubled field looks like a sound record
    # to the END_OF_REC screen; the line's end ("#,#") sends it to the exact check.
    first, second = Person("300", name="DOE,JANE"), Person("400", name="ROE,RICHARD")
    for person in (first, second):
        person.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M",
                          COMMENT_TEXT="#")
    good = to_csv([first, second])
    assert read(good)["COMMENT_TEXT"].to_list() == ["#", "#"]  # the comment alone is fine
    lines = good.rstrip(b"\n").split(b"\n")
    fields = lines[2].split(b",")
    lines[2] = b",".join([*fields[:2], fields[2], *fields[2:]])  # SUBJECT_ID twice
    expect(b"\n".join(lines) + b"\n", 3, "expected 95", "found 96")


def test_a_bad_line_in_a_mapped_file_is_named_and_the_map_closes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The error leaves through the memory-mapped file's context: it must arrive as the one
    # clear InputError (a view of the map left behind would turn it into a BufferError).
    lines = to_csv(people()).split(b"\n")
    lines[3] = lines[3].rsplit(b",", 5)[0]
    path = tmp_path / "delivery.dat"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(InputError) as caught:
        read_sources([DojSource.from_path(path)])
    assert caught.value.line == 4
    assert "found 90" in caught.value.message
    path.unlink()  # nothing holds the file open any more


def _evaluate(*files: tuple[str, bytes]) -> pl.DataFrame:
    return evaluate_sources([DojSource(name, data) for name, data in files], county="SACRAMENTO",
                     policy=builtin_policy("statutory"), as_of=date(2024, 1, 1)).determinations


def _excel_count_orders(data: bytes, rows: int | None = None) -> bytes:
    """CNT_ORDER as Excel saves it again: a number, its leading zeros gone."""
    records = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    column = COLUMNS.index("CNT_ORDER")
    for record in records[1:] if rows is None else records[1:rows + 1]:
        record[column] = str(int(record[column]))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    return out.getvalue().encode("utf-8")


def test_count_orders_that_lost_their_leading_zeros_are_refused() -> None:
    """The case is the first six characters of CNT_ORDER: 1002001000 would put counts into
    the wrong cases without a word."""
    plain = to_csv(people())
    with pytest.raises(InputError) as caught:
        _evaluate(("good.dat", plain), ("excel.dat", _excel_count_orders(plain)))
    assert (caught.value.where, caught.value.line) == ("excel.dat", 2)
    assert "CNT_ORDER values such as 1001001000 have lost their leading zeros" in (
        caught.value.message)


def test_one_short_count_order_is_a_row_problem_not_an_excel_copy() -> None:
    """One short CNT_ORDER among six is a row's own problem: the file is not refused, the
    row keeps its value as read and is decided like the others."""
    many = [Person(str(n)) for n in range(6)]
    for person in many:
        person.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    determinations = _evaluate(("doj.dat", _excel_count_orders(to_csv(many), rows=1)))
    assert determinations.select("subject_id", "cnt_order").rows() == [
        ("0", "1001001000"), *((str(n), "001001001000") for n in range(1, 6))]
    decided = determinations.select("determination", "rule_id", "relief").rows()
    assert decided == [decided[1]] * 6
