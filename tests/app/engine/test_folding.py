"""Folding line breaks that lie inside quoted fields, checked against a plain byte-by-byte
walk of the same rule, whatever the size of the pieces the file is handled in."""

import mmap
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import app.doj.folding as folding
from app.doj.folding import fold_quoted_line_breaks

# Pieces of text that make quoted fields, doubled quotes, stray quotes, both line ends, a
# stand-in byte the file may already hold, and a byte that is not UTF-8.
PIECES = [b'"', b"\n", b"\r\n", b",", b"a", b"bc", b"#", b'""', b"\x1e", b"\xe9"]


def walked(data: bytes, start: int) -> tuple[bytes, str, list[tuple[int, int]]] | None:
    """The expected fold: a break is inside quotes when an odd number of quote marks from
    `start` comes before it and another one comes after it."""
    stand_ins = [b for b in (0x1E, 0x1D, 0x1C, 0x1F, 0x1B) if b not in data]
    if not stand_ins:
        return None
    stand_in = stand_ins[0]
    last_quote = data.rfind(b'"')
    out, quotes, line, folded = bytearray(data), 0, 0, 0
    extra: dict[int, int] = {}
    for at in range(start, len(data)):
        if data[at] == ord('"'):
            quotes += 1
        elif data[at] == ord("\n"):
            if quotes % 2 and at < last_quote:
                out[at] = stand_in
                extra[line - folded] = extra.get(line - folded, 0) + 1
                folded += 1
            line += 1
    if not extra:
        return None
    return bytes(out), chr(stand_in), sorted(extra.items())


def folded(data: bytes, start: int) -> tuple[bytes, str, list[tuple[int, int]]] | None:
    result = fold_quoted_line_breaks(data, start)
    if result is None:
        return None
    copy, how = result
    return copy, how.stand_in, list(how.extra_lines.iter_rows())


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=40),
    st.integers(min_value=0, max_value=10),
    st.sampled_from([1, 2, 3, 7, 1 << 20]),
)
def test_folding_matches_the_byte_by_byte_rule(
    pieces: list[bytes], skip: int, chunk: int
) -> None:
    data = b"".join(pieces)
    start = min(skip, len(data))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(folding, "_CHUNK", chunk)
        assert folded(data, start) == walked(data, start)


def test_a_mapped_file_folds_the_same_as_its_bytes(tmp_path: Path) -> None:
    data = b'ID,NOTE\n1,"a\r\nb"\n2,"x""\n\ny"\n3,plain\n'
    path = tmp_path / "doj.dat"
    path.write_bytes(data)
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as raw:
        from_map = folded(raw, 8)
    assert from_map == folded(data, 8) == walked(data, 8)
    assert from_map is not None
    assert from_map[0] == b'ID,NOTE\n1,"a\r\x1eb"\n2,"x""\x1e\x1ey"\n3,plain\n'
    assert from_map[2] == [(0, 1), (1, 2)]  # records 1 and 2 hold one and two breaks


def test_restore_gives_back_the_breaks_and_the_physical_lines() -> None:
    data = b'1,"a\nb"\n2,"c"\n3,"d\ne\nf"\n4,g\n'
    result = fold_quoted_line_breaks(data, 0)
    assert result is not None
    copy, how = result
    frame = pl.read_csv(copy, has_header=False, new_columns=["id", "note"], infer_schema=False)
    frame = frame.with_columns(line=pl.int_range(pl.len(), dtype=pl.Int64) + 1)
    back = how.restore(frame, first_data_line=1)
    assert back["note"].to_list() == ["a\nb", "c", "d\ne\nf", "g"]
    assert back["line"].to_list() == [1, 3, 4, 7]
    assert [how.physical_line(line, 1) for line in (1, 2, 3, 4)] == [1, 3, 4, 7]


def test_a_quoted_field_longer_than_any_comment_is_a_stray_quote(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The count of quote marks per line: a stray mark (line 1) would leave every line
    after it inside a field, and the quoted line break further on (line 12) looked like
    the end of one. A field spanning more than SPANS_AT_MOST lines is taken as a stray
    mark, left out of the count: the breaks after it are found as they are. One within the
    span still reads as a quoted field (line 15)."""
    monkeypatch.setattr(folding, "SPANS_AT_MOST", 6)
    per_line = [2, 3, *[2] * 10, 3, 1, 2, 3, 2, 2, 1, 2]
    inside = folding._ends_inside_quotes(per_line).arg_true().to_list()
    assert inside == [12, 15, 16, 17]
    assert folding._ends_inside_quotes([2, 3, *[2] * 4, 1, 2]).arg_true().to_list() == [
        1, 2, 3, 4, 5]
