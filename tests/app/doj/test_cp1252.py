"""Windows-1252 bytes in a DOJ file: repaired on the rows that hold them, nowhere else."""

from pathlib import Path

import pytest
from polars.testing import assert_frame_equal

from app.doj import lines
from app.doj.reader import read_sources
from app.doj.source import DojSource
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


def test_cutting_lines_from_a_mapped_file_releases_its_pages_and_keeps_every_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The repair cuts the Windows-1252 lines out of the mapped file and hands the mapping's
    # pages back as it goes (else most of a large file counts as the process's memory).
    names = [f"PEÑA{i},JOSÉ" if i % 3 == 0 else f"ROE{i},RICHARD" for i in range(300)]
    people = [Person(str(i), name=name) for i, name in enumerate(names)]
    for person in people:
        person.conviction("11357 HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    path = tmp_path / "doj.dat"
    path.write_bytes(to_csv(people).decode("utf-8").encode("cp1252"))
    released: list[tuple[int, int]] = []
    real_release = lines.release_pages

    def spy(raw: lines.RawBytes, begin: int, end: int) -> int:
        released.append((begin, end))
        return real_release(raw, begin, end)

    monkeypatch.setattr(lines, "_RELEASE_EVERY", 1)
    monkeypatch.setattr(lines, "release_pages", spy)
    frame = read_sources([DojSource.from_path(path)])
    assert frame["PRI_NAME"].to_list() == names
    assert len(released) > 10  # with one page per release, many releases over the file
