"""Every dialect a CSV writer may produce reads the same records and decides the same.

The files are written here, field by field, by a writer of this test's own (not Python's csv
module, not synth): quoting nothing but what must be, every padded field as Go's
encoding/csv does, or every field; LF, CRLF or both; with or without a byte order mark and
a header; one file or a delivery of several.
"""

from datetime import date

import pytest
from polars.testing import assert_frame_equal

from app.doj.reader import read_sources
from app.doj.schema import COLUMNS
from app.doj.source import DojSource
from app.eligibility.policy import builtin_policy
from app.pipeline import evaluate_sources
from tests.doj_builder import Person


def _people() -> list[Person]:
    """Values that need quotes in some dialects and not in others; first, a record without
    SUBJECT_ID (its person key names its place in the delivery, the same in every dialect)."""
    nobody = Person("", name="DOE,JOHN")
    nobody.conviction("11357 HS-POSSESS", "20120101", level="MISDEMEANOR", toc="M")
    people = [nobody]
    for number, (name, comment) in enumerate([
        ("PEÑA,JOSÉ", ""), ('O"NEIL,PAT', "SEE FILE"), ("ROE,RICHARD", "LINE ONE\nLINE TWO"),
        ("DOE,JANE", "#"), ("LEE,BO", ' "QUOTED" , PADDED '),
    ]):
        person = Person(str(100 + number), name=name)
        person.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M",
                          PRI_SSN="  -  ", COMMENT_TEXT=comment)
        person.conviction("11359 HS-SALE", f"201{number}0202", sentence=("2", "Y"),
                          SENT_LOC_DESCR="STATE PRISON        ")
        person.conviction("11360(A)(2) HS-TRANSPORT", "20150303", case="ABC123")
        people.append(person)
    return people


def _needs_quotes(value: str, quoting: str) -> bool:
    if quoting == "all":
        return True
    if any(c in value for c in ',"\r\n'):
        return True
    return quoting == "go" and value[:1] in (" ", "\t")  # encoding/csv's fieldNeedsQuotes


def _field(value: str, column: str, quoting: str) -> str:
    quoted = _needs_quotes(value, quoting) or (quoting == "go" and column == "END_OF_REC")
    return '"' + value.replace('"', '""') + '"' if quoted else value


def _line(values: list[str], quoting: str) -> str:
    return ",".join(_field(v, c, quoting) for v, c in zip(values, COLUMNS, strict=True))


def write(people: list[Person], *, quoting: str = "needed", eol: str = "\n", bom: bool = False,
          header: bool = True, files: int = 1) -> list[bytes]:
    """The people's rows as `files` DOJ files. `eol` "mixed": LF, then CRLF from the middle
    row on (two extracts joined)."""
    rows = [[row[c] for c in COLUMNS] for person in people for row in person.rows]
    parts = [rows[len(rows) * n // files:len(rows) * (n + 1) // files] for n in range(files)]
    out = []
    for part in parts:
        lines = ([_line(list(COLUMNS), quoting)] if header else []) + [
            _line(row, quoting) for row in part]
        if eol == "mixed":
            middle = len(lines) // 2
            text = "\n".join(lines[:middle]) + "\n" + "\r\n".join(lines[middle:]) + "\r\n"
        else:
            text = eol.join(lines) + eol
        out.append((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return out


DIALECTS = {
    "quoted where needed, LF": {},
    "padded fields quoted (Go)": {"quoting": "go"},
    "every field quoted": {"quoting": "all"},
    "every field quoted, CRLF, BOM": {"quoting": "all", "eol": "\r\n", "bom": True},
    "CRLF": {"eol": "\r\n"},
    "LF and CRLF mixed": {"eol": "mixed"},
    "BOM": {"bom": True},
    "no header": {"header": False},
    "Go, no header, CRLF": {"quoting": "go", "header": False, "eol": "\r\n"},
    "three files": {"files": 3},
    "three files, every field quoted, no header": {"files": 3, "quoting": "all",
                                                   "header": False},
}


def _sources(files: list[bytes]) -> list[DojSource]:
    return [DojSource(f"part{n}.dat", data) for n, data in enumerate(files, start=1)]


@pytest.fixture(scope="module")
def plain() -> list[DojSource]:
    return _sources(write(_people()))


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_dialect_reads_the_same_records(dialect: str, plain: list[DojSource]) -> None:
    files = write(_people(), **DIALECTS[dialect])  # type: ignore[arg-type]
    if DIALECTS[dialect].get("quoting") == "all":
        assert files[0].rstrip().endswith(b'"#"')  # the marker itself quoted
    expected = read_sources(plain).drop("source", "line")
    got = read_sources(_sources(files))
    assert_frame_equal(got.drop("source", "line"), expected)
    assert got["PRI_NAME"].to_list()[1:4] == ["PEÑA,JOSÉ"] * 3
    assert "LINE ONE\nLINE TWO" in got["COMMENT_TEXT"].to_list()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_dialect_gets_the_same_determinations(
    dialect: str, plain: list[DojSource]
) -> None:
    def determinations(sources: list[DojSource]):  # type: ignore[no-untyped-def]
        return evaluate_sources(sources, county="SACRAMENTO",
                                policy=builtin_policy("statutory"),
                                as_of=date(2024, 1, 1)).determinations

    files = write(_people(), **DIALECTS[dialect])  # type: ignore[arg-type]
    expected = determinations(plain)
    assert expected.height == 16
    assert expected["subject_id"][0] == "(blank SUBJECT_ID) file 1 record 1"
    assert_frame_equal(determinations(_sources(files)), expected)


def test_line_numbers_are_the_files_own_in_every_dialect() -> None:
    """The record holding a quoted line break takes two lines: the next starts two on."""
    for options, first in (({}, 2), ({"header": False}, 1), ({"quoting": "all"}, 2),
                           ({"eol": "\r\n", "bom": True}, 2)):
        lines = read_sources(_sources(write(_people(), **options)))["line"].to_list()  # type: ignore[arg-type]
        assert lines[1:9] == [first + 1 + n for n in range(7)] + [first + 9], options
