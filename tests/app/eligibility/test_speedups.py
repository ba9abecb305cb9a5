"""The shortcuts taken for speed give what the plain operations give."""

from datetime import date

import polars as pl
from polars.testing import assert_frame_equal

from app.doj.schema import DISPLAY, ENGINE, NEEDED
from app.doj.source import DojSource
from app.eligibility.convictions import build_convictions
from app.eligibility.engine import FLAG_NAMES, attach, flag_text
from app.eligibility.frames import per_distinct
from app.eligibility.policy import builtin_policy
from app.eligibility.rows import prepare_rows
from app.pipeline import evaluate_sources
from tests.doj_builder import Person, rows_frame, to_csv


def test_attach_is_a_left_join_in_the_frame_order() -> None:
    frame = pl.DataFrame({
        "key": ["b", "a", None, "c", "b"],
        "CNT": ["1", "2", "3", "4", "5"],
        "shared": [1, 2, 3, 4, 5],
    })
    table = pl.DataFrame({"key": ["a", "b", "z"], "value": [10, 20, 30],
                          "shared": [7, 8, 9]})
    expected = frame.join(table, on="key", how="left", maintain_order="left")
    assert_frame_equal(attach(frame, table.lazy(), "key"), expected)
    both = attach(frame, table.with_columns(CNT=pl.lit("1")), ["key", "CNT"])
    assert both["value"].to_list() == [20, None, None, None, None]
    assert both["shared_right"].to_list() == [8, None, None, None, None]


def test_per_distinct_gives_what_the_rows_give_in_the_frame_order() -> None:
    # Null is a key value like any other; each row gets its own group's values, in order.
    frame = pl.DataFrame({
        "section": ["11359", None, "11357", "11359", None, "11360", "11357"],
        "sub": ["B", "A", None, "B", "A", "", None],
        "row": list(range(7)),
    })

    def build(keys: pl.LazyFrame) -> pl.LazyFrame:
        return keys.with_columns(
            pl.format("{}|{}", pl.col("section").fill_null("?"), pl.col("sub").fill_null("?"))
            .alias("text"),
            pl.col("sub").str.len_bytes().alias("length"),
        )

    expected = build(frame.lazy()).collect()
    assert_frame_equal(per_distinct(frame, ["section", "sub"], build), expected)
    assert per_distinct(frame.head(0), ["section", "sub"], build).columns == expected.columns


def test_a_headless_run_reads_fewer_columns_and_decides_the_same() -> None:
    # `countyclear evaluate` reads only the engine's columns (app.doj.schema.ENGINE); the
    # desktop app also reads those its person view shows. Windows-1252 repair included.
    people = []
    for i, name in enumerate(["PEÑA,JOSÉ", "ROE,RICHARD", "MUÑOZ,ANA"]):
        person = Person(str(i), name=name)
        person.conviction("11359 HS-SALE", f"201{i}0101", county="LOS ANGELES",
                          sentence=("3", "Y"), SENT_LOC_DESCR="STATE PRISON",
                          COMMENT_TEXT="CAFÉ" if i == 2 else "")
        people.append(person)
    data = to_csv(people).decode("utf-8").encode("cp1252")
    source = DojSource(name="doj.dat", data=data)
    every, engine_only = (
        evaluate_sources([source], county="LOS ANGELES", policy=builtin_policy("statutory"),
                         as_of=date(2024, 1, 1), columns=columns)
        for columns in (NEEDED, ENGINE)
    )
    assert engine_only.rows.columns == [*ENGINE, "source", "line"]
    assert set(every.rows.columns) - set(engine_only.rows.columns) == set(DISPLAY)
    assert engine_only.rows["PRI_NAME"].to_list() == ["PEÑA,JOSÉ", "ROE,RICHARD", "MUÑOZ,ANA"]
    assert_frame_equal(every.determinations, engine_only.determinations)
    assert every.summary == engine_only.summary


def test_flag_bits_write_out_as_the_joined_flag_names() -> None:
    """Flags travel as bits and are written out once per combination: the text is each set
    flag's name, "; "-joined in FLAG_NAMES order, and "" for none."""
    combos = [0, 1, 1 << 5, (1 << 0) | (1 << 3) | (1 << 18), (1 << len(FLAG_NAMES)) - 1, 1]
    got = flag_text(pl.Series("flags", combos, pl.UInt32)).to_list()
    assert got[0] == "" and got[1] == got[5] == FLAG_NAMES[0] and got[2] == FLAG_NAMES[5]
    assert got[3] == "; ".join([FLAG_NAMES[0], FLAG_NAMES[3], FLAG_NAMES[18]])
    assert got[4] == "; ".join(FLAG_NAMES)
    assert flag_text(pl.Series("flags", [], pl.UInt32)).dtype == pl.String


def test_sentence_totals_line_up_with_their_counts_whatever_the_row_order() -> None:
    """The sentence sums and the counts' first rows are made separately and set side by side:
    they must list the counts in the same order even when a count's rows are scattered."""
    a, b = Person("1"), Person("2")
    first = a.conviction("11359 HS-SALE", "20100101", sentence=("30", "D"))
    second = b.conviction("11360 HS-TRANSPORT", "20110101", sentence=("2", "Y"))
    a.conviction("11358 HS-CULTIVATE", "20120101", sentence=("5", "M"))
    # A later sentence row of each of the first two counts, after the others.
    extra_b = {**b.rows[0], "SENT_LENGTH": "3", "SENT_TIME_CODE": "M"}
    extra_a = {**a.rows[0], "SENT_LENGTH": "1", "SENT_TIME_CODE": "Y"}
    rows = rows_frame([b, a])
    extra = rows_frame([Person("x", rows=[extra_a, extra_b])])
    frame = pl.concat([rows, extra.with_columns(pl.col("line") + 100)])
    convictions = build_convictions(prepare_rows(frame).collect().lazy()).collect()
    got = {
        (s, c): (y, m, d)
        for s, c, y, m, d in convictions.select(
            "subject_id", "CNT_ORDER", "sentence_years", "sentence_months", "sentence_days"
        ).iter_rows()
    }
    assert got[("2", second)] == (2, 3, 0)
    assert got[("1", first)] == (1, 0, 30)
    assert convictions["subject_id"].to_list() == ["2", "1", "1"]  # first seen first
