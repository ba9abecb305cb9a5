"""Where quoted fields run: the reader's one reckoning (lines.ends_inside_quotes), checked
against a plain byte-by-byte walk of the same rule, and its stray-quote bound."""

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import app.doj.lines as lines
from app.doj.lines import as_records, ends_inside_quotes, quote_counts, scan_line_facts

# Pieces of text that make quoted fields, doubled quotes, stray quotes, both line ends.
PIECES = [b'"', b"\n", b"\r\n", b",", b"a", b"bc", b"#", b'""', b"\xe9"]


def walked(data: bytes) -> list[bool]:
    """Per line: a line break is inside quotes when an odd number of quote marks comes
    before it and another one comes after it."""
    last_quote, quotes, inside = data.rfind(b'"'), 0, []
    for at, byte in enumerate(data):
        if byte == ord('"'):
            quotes += 1
        elif byte == ord("\n"):
            inside.append(bool(quotes % 2) and at < last_quote)
    return inside


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_quoted_line_breaks_match_the_byte_by_byte_rule(pieces: list[bytes]) -> None:
    data = b"".join(pieces) + b"\n"
    counts = quote_counts(data, 0)
    assert len(counts) == data.count(b"\n")  # polars' lines are the file's lines
    assert ends_inside_quotes(counts).to_list() == walked(data)


def test_records_are_the_lines_the_quotes_join() -> None:
    data = b'1,"a\nb"\n2,"c"\n3,"d\r\ne\nf"\n4,g\n'
    facts = scan_line_facts(data, 0, 0, 1, "")
    records = as_records(facts, quote_counts(data, 0))
    assert records is not None and records.first_lines is not None
    assert records.first_lines.to_list() == [0, 2, 3, 6]
    assert records.count == pl.read_csv(data, has_header=False).height


def test_a_quoted_field_longer_than_any_comment_is_a_stray_quote(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The count of quote marks per line: a stray mark (line 1) would leave every line
    after it inside a field, and the quoted line break further on (line 12) looked like
    the end of one. A field spanning more than SPANS_AT_MOST lines is taken as a stray
    mark, left out of the count: the breaks after it are found as they are. One within the
    span still reads as a quoted field (line 15)."""
    monkeypatch.setattr(lines, "SPANS_AT_MOST", 6)
    per_line = [2, 3, *[2] * 10, 3, 1, 2, 3, 2, 2, 1, 2]
    assert ends_inside_quotes(per_line).arg_true().to_list() == [12, 15, 16, 17]
    assert ends_inside_quotes([2, 3, *[2] * 4, 1, 2]).arg_true().to_list() == [1, 2, 3, 4, 5]
