"""The generator's file format: determinism, 95 fields, header, line ends, row limit, files."""

import io

import pytest

from app.doj.schema import COLUMNS, FIELD_COUNT
from app.errors import InputError
from app.jobs import Cancelled, CancelToken
from app.synth import catalog
from app.synth.options import checked_options
from app.synth.writer import generate, generate_bytes
from tests.app.synth.rows import parsed_rows, records


def make(**overrides: object) -> list[bytes]:
    options: dict[str, object] = {"people": 300, "seed": 3}
    options.update(overrides)
    return generate_bytes(checked_options("Sacramento", **options))  # type: ignore[arg-type]


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    first = make()[0]
    assert make()[0] == first
    assert make(seed=4)[0] != first


def test_every_record_has_95_fields() -> None:
    rows = parsed_rows(make(people=500)[0])
    assert len(rows) > 500
    assert {len(row) for row in rows} == {FIELD_COUNT}


def test_header_row_is_optional() -> None:
    with_header = make()[0]
    without = make(header=False)[0]
    assert with_header.split(b"\n", 1)[0].decode() == ",".join(COLUMNS)
    assert without == with_header.split(b"\n", 1)[1]
    assert not without.startswith(b"RECORD_ID")


def test_line_ends_lf_or_crlf() -> None:
    lf = make()[0]
    crlf = make(crlf=True)[0]
    assert b"\r" not in lf
    assert crlf.count(b"\r\n") == crlf.count(b"\n") == lf.count(b"\n")
    assert crlf.replace(b"\r\n", b"\n") == lf


def test_row_limit_is_exact() -> None:
    data = generate_bytes(checked_options("Sacramento", people=None, max_rows=1234, seed=3))[0]
    assert len(list(records(data))) == 1234


def test_rows_per_person_average_is_roughly_what_was_asked() -> None:
    for wanted in (6.0, 20.0):
        data = make(people=2000, rows_per_person_avg=wanted, header=False)[0]
        average = data.count(b"\n") / 2000
        assert wanted * 0.8 < average < wanted * 1.25


def test_files_split_some_people_across_files_and_lose_nobody() -> None:
    single = make(people=400)[0]
    parts = make(people=400, files=3)
    assert len(parts) == 3
    ids_per_file = [{r["SUBJECT_ID"] for r in records(part)} - {""} for part in parts]
    assert all(ids_per_file)
    in_two = (
        (ids_per_file[0] & ids_per_file[1])
        | (ids_per_file[0] & ids_per_file[2])
        | (ids_per_file[1] & ids_per_file[2])
    )
    assert in_two, "no person was split across files"
    # the same delivery, only distributed: every line of the single file is in one part
    single_lines = sorted(single.splitlines()[1:])
    part_lines = sorted(line for part in parts for line in part.splitlines()[1:])
    assert part_lines == single_lines


def test_bad_options_are_input_errors() -> None:
    with pytest.raises(InputError, match="not a California county"):
        checked_options("Atlantis", people=10)
    with pytest.raises(InputError, match="at least 1"):
        checked_options("Yolo", people=0)
    with pytest.raises(InputError, match="between 4 and 200"):
        checked_options("Yolo", people=10, rows_per_person_avg=1)
    with pytest.raises(InputError, match="--files"):
        checked_options("Yolo", people=2, files=3)


def test_cancel_stops_generation() -> None:
    token = CancelToken()
    token.cancel()
    sink = io.BytesIO()
    with pytest.raises(Cancelled):
        generate(checked_options("Yolo", people=10, header=False), [sink], cancel=token)
    assert sink.getvalue() == b""


def test_accented_names_are_the_same_bytes_in_windows_1252() -> None:
    # the writer encodes Latin-1 for speed; that is only right while the bytes agree
    for name in catalog.ACCENTED_LAST_NAMES:
        assert name.encode("latin-1") == name.encode("cp1252")
        assert not name.isascii()
