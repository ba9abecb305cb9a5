"""The facts on every conviction: offense date, juvenile adjudication, relief already granted."""

from datetime import date

import polars as pl
from polars.testing import assert_frame_equal

from app.eligibility.convictions import build_convictions
from app.eligibility.rows import prepare_rows
from tests.doj_builder import Person, rows_frame


def convictions(people: list[Person]) -> pl.DataFrame:
    return build_convictions(prepare_rows(rows_frame(people)).collect().lazy()).collect()


def later_step(person: Person, order: str, date_text: str, **fields: str) -> None:
    """A later COURT ACTION step of the same cycle writing count `order` again."""
    step = int(order[3:6]) + 1
    person._row(STP_TYPE_DESCR="COURT ACTION", STP_EVENT_DATE=date_text,
                CNT_ORDER=f"{order[:3]}{step:03d}{order[6:]}", **fields)


def test_offense_date_is_the_cycle_date_or_else_the_conviction_date() -> None:
    p = Person("1")
    p.conviction("11359 HS-SALE", "20170301", CYC_DATE="20160601")  # offense before Prop 64
    p.conviction("11359 HS-SALE", "20100101", CYC_DATE="19790000")  # unknown cycle date
    p.conviction("11359 HS-SALE", "20100101", CYC_DATE="")
    p.conviction("11359 HS-SALE", "20100101", CYC_DATE="20110101")  # after the conviction
    p.conviction("11359 HS-SALE", "", CYC_DATE="20090505")  # conviction date unknown
    p.conviction("11359 HS-SALE", "2010011", CYC_DATE="  20090505  ")
    p.conviction("11359 HS-SALE", "", CYC_DATE="x       ")  # neither known
    got = convictions([p]).select("event_date", "offense_date", "offense_date_from_conviction")
    expected = pl.DataFrame({
        "event_date": [date(2017, 3, 1), date(2010, 1, 1), date(2010, 1, 1), date(2010, 1, 1),
                       None, None, None],
        "offense_date": [date(2016, 6, 1), date(2010, 1, 1), date(2010, 1, 1), date(2010, 1, 1),
                         date(2009, 5, 5), date(2009, 5, 5), None],
        "offense_date_from_conviction": [False, True, True, True, False, False, True],
    })
    assert_frame_equal(got, expected)


def test_juvenile_adjudication_is_the_juvenile_courts() -> None:
    p = Person("1")
    p.conviction("11359 HS-SALE", "19880101", STP_ORI_DESCR="CAJV SACRAMENTO")
    p.conviction("11359 HS-SALE", "19880101", STP_ORI_DESCR="  CAJV SACRAMENTO   ")
    p.conviction("11357 HS-POSSESS", "19880101", STP_ORI_DESCR="SACRAMENTO JUVENILE COURT")
    p.conviction("11357 HS-POSSESS", "19880101", disp="CONVICTED-JUVENILE WARD")
    p.conviction("11359 HS-SALE", "19880101", STP_ORI_DESCR="CASC SACRAMENTO", CYC_AGE="16")
    p.conviction("11359 HS-SALE", "19880101", STP_ORI_DESCR="")
    got = convictions([p]).select("juvenile")
    assert_frame_equal(got, pl.DataFrame({"juvenile": [True, True, True, True, False, False]}))


def test_relief_already_granted_on_the_same_count() -> None:
    p = Person("1")
    a = p.conviction("11359 HS-SALE", "20100101")
    later_step(p, a, "20190505", OFFENSE_DESCR="11359 HS-SALE",
               DISP_DESCR="DISMISSED/SEALED PER 11361.8 HS")
    b = p.conviction("11359 HS-SALE", "20100101")
    later_step(p, b, "20150101", OFFENSE_DESCR="11359 HS-SALE",
               DISP_DESCR="REDUCED TO MISDEMEANOR PER 17(B) PC")
    later_step(p, b, "20200101", DISP_DESCR="DISMISSED",
               COMMENT_TEXT="PROP 64 RELIEF PER 11361.9 HS")  # prop64 wins over 17(b)
    c = p.conviction("11358 HS-CULTIVATE", "20100101")
    # a later row of the very same count: its date is the conviction's step, so unknown
    p._row(STP_TYPE_DESCR="COURT ACTION", STP_EVENT_DATE="20100101", CNT_ORDER=c,
           DISP_DESCR="CONVICTION SET ASIDE/DISMISSED PER 1203.4 PC")
    d = p.conviction("11360(A) HS-SELL", "20100101")
    later_step(p, d, "00000000", DISP_DESCR="CONVICTION VACATED")
    p.conviction("11357 HS-POSSESS", "20100101", COMMENT_TEXT="11357 HS 1203.4 ELIGIBLE")
    e = p.conviction("11359 HS-SALE", "20100101")
    # relief on another count number of the later step is not this count's
    p._row(STP_TYPE_DESCR="COURT ACTION", STP_EVENT_DATE="20190101",
           CNT_ORDER=f"{e[:3]}002099000", DISP_DESCR="DISMISSED PER 11361.8 HS")
    got = convictions([p]).select("later_relief", "later_relief_date", "later_relief_text")
    expected = pl.DataFrame({
        "later_relief": ["prop64", "prop64", "pc1203_4", "vacated", None, None],
        "later_relief_date": [date(2019, 5, 5), date(2020, 1, 1), None, None, None, None],
        "later_relief_text": [
            "DISMISSED/SEALED PER 11361.8 HS", "DISMISSED; PROP 64 RELIEF PER 11361.9 HS",
            "CONVICTION SET ASIDE/DISMISSED PER 1203.4 PC", "CONVICTION VACATED", None, None,
        ],
    })
    assert_frame_equal(got, expected)


def test_a_pc17b_reduction_alone_is_read() -> None:
    p = Person("1")
    a = p.conviction("11359 HS-SALE", "20100101")
    later_step(p, a, "20120202", OFFENSE_DESCR="17(B) PC-REDUCED TO MISDEMEANOR")
    got = convictions([p]).select("later_relief", "later_relief_date", "later_relief_text")
    assert got.row(0) == ("pc17b", date(2012, 2, 2), "17(B) PC-REDUCED TO MISDEMEANOR")


def test_no_relief_anywhere_gives_typed_null_columns() -> None:
    p = Person("1")
    p.conviction("11359 HS-SALE", "20100101")
    got = convictions([p]).select("later_relief", "later_relief_date", "later_relief_text")
    assert got.schema == pl.Schema({"later_relief": pl.String, "later_relief_date": pl.Date,
                                    "later_relief_text": pl.String})
    assert got.row(0) == (None, None, None)
