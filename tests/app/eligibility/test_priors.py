"""Priors are measured against the offense date, never in the same case (People v. Smit)."""


import polars as pl
from polars.testing import assert_frame_equal

from app.eligibility.convictions import build_convictions
from app.eligibility.priors import PRIOR_KINDS, attach_priors, build_prior_events
from app.eligibility.rows import prepare_rows
from tests.doj_builder import Person, rows_frame


def priors(people: list[Person], kind: str) -> pl.DataFrame:
    prepared = prepare_rows(rows_frame(people)).collect().lazy()
    convictions = build_convictions(prepared).collect()
    events = build_prior_events(prepared, convictions.lazy())
    return attach_priors(convictions.lazy(), events).collect().select(
        "CNT_ORDER", f"count_{kind}", f"text_{kind}", f"count_{kind}_between",
        f"text_{kind}_between",
    )


def expected(kind: str, rows: list[tuple[str, int, str | None, int, str | None]]
             ) -> pl.DataFrame:
    return pl.DataFrame(rows, orient="row", schema={
        "CNT_ORDER": pl.String, f"count_{kind}": pl.UInt32, f"text_{kind}": pl.String,
        f"count_{kind}_between": pl.UInt32, f"text_{kind}_between": pl.String,
    })


def test_super_strike_before_between_after_and_in_the_same_case() -> None:
    p = Person("1")
    p.conviction("664/187(A) PC-ATTEMPTED MURDER", "20000101", CYC_DATE="19990101", cycle=1)
    cannabis = p.conviction("11359 HS-SALE", "20080101", CYC_DATE="20060101", cycle=2)
    p.conviction("187 PC-MURDER", "20070101", CYC_DATE="20060601", cycle=3)  # in between
    p.conviction("261(A)(2) PC-RAPE", "20090101", cycle=4)  # after: no prior
    p.conviction("269(A)(1) PC-AGGRAVATED ASSAULT", "", cycle=5)  # undated: review
    p.conviction("191.5(A) PC-GROSS VEHICULAR MANSLAUGHTER", "20080101", cycle=2)  # same case
    got = priors([p], "super_strike").filter(pl.col("CNT_ORDER") == cannabis)
    assert_frame_equal(got, expected("super_strike", [
        (cannabis, 1, "664/187(A) PC on 2000-01-01", 2,
         "187 PC on 2007-01-01; 269(A)(1) PC on unknown date"),
    ]))


def test_offense_before_the_prior_conviction_makes_it_no_prior() -> None:
    # Convicted 2010 of an offense of 2005; the other conviction came in 2007: not before
    # the offense, so it is the in-between case, never a prior.
    p = Person("1")
    cannabis = p.conviction("11360(A) HS-SELL", "20100101", CYC_DATE="20050101")
    p.conviction("653F(B) PC-SOLICIT MURDER", "20070101")
    got = priors([p], "super_strike").filter(pl.col("CNT_ORDER") == cannabis)
    assert_frame_equal(got, expected("super_strike", [
        (cannabis, 0, None, 1, "653F(B) PC on 2007-01-01"),
    ]))


def test_repeat_counts_the_same_section_number_in_every_form() -> None:
    p = Person("1")
    p.conviction("11359 HS-SALE", "19950101")
    p.conviction("11359B HS-SALE", "19990101")
    p.conviction("66411359 HS-ATTEMPT", "20000101")  # an attempt is not under 11359
    p.conviction("11360(B) HS-GIVE AWAY", "20010101")  # old 11360(b): never counts
    p.conviction("11360B-GIVE AWAY", "20010101")
    p.conviction("11357 HS-POSSESS", "20010101")
    third = p.conviction("11359 HS-SALE", "20050101", CYC_DATE="20040101")
    sale = p.conviction("11360 HS-SELL", "20060101")
    got = priors([p], "repeat").filter(pl.col("CNT_ORDER").is_in([third, sale]))
    assert_frame_equal(got, expected("repeat", [
        (third, 2, "11359 HS on 1995-01-01; 11359B HS on 1999-01-01", 0, None),
        (sale, 0, None, 0, None),
    ]))


def test_a_juvenile_adjudication_is_no_prior_conviction_but_a_review() -> None:
    p = Person("1")
    p.conviction("187 PC-MURDER", "19800101", STP_ORI_DESCR="CAJV SACRAMENTO")
    cannabis = p.conviction("11359 HS-SALE", "20000101")
    got = priors([p], "super_strike").filter(pl.col("CNT_ORDER") == cannabis)
    assert_frame_equal(got, expected("super_strike", [
        (cannabis, 0, None, 1, "juvenile adjudication 187 PC on 1980-01-01"),
    ]))


def test_registration_counts_only_without_the_conviction_behind_it() -> None:
    alone = Person("1")
    alone.step("REGISTRATION", "19950101", "290 PC-REGISTRATION OF SEX OFFENDER")
    alone.step("REGISTRATION", "20120101", "290(A) PC-REGISTRATION OF SEX OFFENDER")
    alone.step("REGISTRATION", "19950101", "11590 HS-REGISTRATION OF NARCOTICS OFFENDER")
    first = alone.conviction("11359 HS-SALE", "20000101")
    explained = Person("2")
    explained.conviction("288(A) PC-LEWD ACT", "19900101")
    explained.step("REGISTRATION", "19950101", "290 PC-REGISTRATION OF SEX OFFENDER")
    second = explained.conviction("11359 HS-SALE", "20000101")
    got = priors([alone, explained], "registration").filter(
        pl.col("CNT_ORDER").is_in([first, second]))
    assert_frame_equal(got, expected("registration", [
        (first, 1, "290 PC on 1995-01-01", 1, "290(A) PC on 2012-01-01"),
        (second, 0, None, 0, None),
    ]))
    pc290 = priors([explained], "pc290").filter(pl.col("CNT_ORDER") == second)
    assert pc290.row(0) == (second, 1, "288(A) PC on 1990-01-01", 0, None)


def test_every_kind_has_its_four_columns_even_with_no_event() -> None:
    p = Person("1")
    p.conviction("11357 HS-POSSESS", "20000101")
    prepared = prepare_rows(rows_frame([p])).collect().lazy()
    convictions = build_convictions(prepared).collect()
    got = attach_priors(convictions.lazy(), build_prior_events(prepared, convictions.lazy()))
    frame = got.collect()
    for kind in PRIOR_KINDS:
        for bucket in (kind, f"{kind}_between"):
            assert frame.schema[f"count_{bucket}"] == pl.UInt32
            assert frame.schema[f"text_{bucket}"] == pl.String
            assert frame.row(0, named=True)[f"count_{bucket}"] == 0
            assert frame.row(0, named=True)[f"text_{bucket}"] is None
