"""The PC 290(c) list, clause by clause against the statute's text (docs/LAW.md, section 9):
each change to app.eligibility.sections.PC290_REGISTRABLE and to how a conviction is read
as one has its case here, with DOJ rows as DOJ writes them."""

from datetime import date

import polars as pl
import pytest

from app.eligibility.convictions import build_convictions
from app.eligibility.policy import builtin_policy
from app.eligibility.rows import prepare_rows
from app.pipeline import evaluate_rows
from tests.doj_builder import Person, rows_frame


def read_as(charges: list[tuple[str, str]]) -> dict[str, tuple[bool, bool]]:
    """(is_pc290, is_super_strike) per charge, in order, each a conviction of its own
    (`charges`: OFFENSE_DESCR and COMMENT_TEXT), keyed by the two joined."""
    p = Person("1")
    for offense, comment in charges:
        p.conviction(offense, "19950101", COMMENT_TEXT=comment)
    convictions = build_convictions(prepare_rows(rows_frame([p])).collect().lazy()).collect()
    return {" / ".join(filter(None, (row["OFFENSE_DESCR"], row["COMMENT_TEXT"]))):
            (row["is_pc290"], row["is_super_strike"])
            for row in convictions.iter_rows(named=True)}


def test_262_only_paragraph_a1_or_a_form_that_does_not_say_which() -> None:
    """290(c): "paragraph (1) of subdivision (a) of Section 262 involving the use of force or
    violence for which the person is sentenced to the state prison". 262(a)(2)-(5) were on
    the list before; a bare 262 was not."""
    got = read_as([("262(A)(1) PC-SPOUSAL RAPE BY FORCE", ""),
                   ("262(A)(2) PC-SPOUSAL RAPE INTOXICATED", ""),
                   ("262(A)(4) PC-SPOUSAL RAPE THREAT", ""),
                   ("262 PC-SPOUSAL RAPE", ""), ("262(A) PC-SPOUSAL RAPE", "")])
    assert [pc290 for pc290, _ in got.values()] == [True, False, False, True, True]


def test_220_requires_registration_and_is_a_super_strike() -> None:
    """290(c): "Section 220, except assault to commit mayhem" (the file does not say which:
    a review names it). It was missing from the list."""
    got = read_as([("220 PC-ASSAULT W/INTENT TO COMMIT RAPE", ""),
                   ("220(A)(1) PC-ASSAULT W/INT SEX OFFENSE", "")])
    assert list(got.values()) == [(True, True), (True, True)]


def test_653f_b_is_a_super_strike_and_only_653f_c_requires_registration() -> None:
    """290(c) names 653f(c); 653f(b) (solicitation of murder) is a super strike, not a
    registration offense. 653f(b) was on the PC 290 list before."""
    got = read_as([("653F(B) PC-SOLICIT MURDER", ""), ("653F(C) PC-SOLICIT RAPE BY FORCE", "")])
    assert got == {"653F(B) PC-SOLICIT MURDER": (False, True),
                   "653F(C) PC-SOLICIT RAPE BY FORCE": (True, True)}


@pytest.mark.parametrize(("offense", "comment"), [
    ("182(A)(1) PC-CONSPIRACY", "288(A) PC LEWD ACT CHILD"),
    ("182/288(A) PC-CONSPIRACY", ""),
    ("182-311.11 PC-CONSPIRACY", ""),
])
def test_a_conspiracy_to_commit_a_listed_offense_requires_registration(
    offense: str, comment: str
) -> None:
    """290(c): "the attempt or conspiracy to commit any of the above-mentioned offenses".
    Only attempts were read before."""
    got = read_as([(offense, comment), ("664/288(A) PC-ATTEMPT LEWD ACT", ""),
                   ("182(A)(1) PC-CONSPIRACY", "459 PC BURGLARY")])
    assert [pc290 for pc290, _ in got.values()] == [True, True, False]


def test_a_prior_conspiracy_to_a_registration_offense_is_a_ground_to_challenge() -> None:
    p = Person("1", dob="19600101")
    p.conviction("182(A)(1) PC-CONSPIRACY", "19900101", CYC_DATE="19891001",
                 COMMENT_TEXT="288(A) PC", cycle=1)
    p.conviction("11359 HS-POSSESS MARIJUANA FOR SALE", "20000101", CYC_DATE="19991001",
                 cycle=2)
    result = evaluate_rows(rows_frame([p]), county="SACRAMENTO",
                           policy=builtin_policy("statutory"), as_of=date(2026, 11, 1))
    row = result.determinations.filter(pl.col("section") == "11359").row(0, named=True)
    assert (row["determination"], row["rule_id"]) == ("review", "CHALLENGE_PRIOR_PC290")
    assert row["facts"] == "prior PC 290(c) conviction 182(A)(1) PC on 1990-01-01"
    assert row["statute"].startswith("HS 11359(c)(1); PC 290(c)")


def test_the_11358_checklist_names_harm_to_public_lands_and_no_unsourced_statute() -> None:
    """HS 11358(d)(3) also makes a felony of cultivation causing substantial environmental
    harm to public lands or other public resources (SB 1426 (2022), Legislative Counsel's
    digest of existing law); the checklist named only statutes, one of them (HS 12025) in
    no source found (docs/LAW.md, section 9)."""
    p = Person("1", dob="19600101")
    p.conviction("11358 HS-CULTIVATE MARIJUANA", "20000101", CYC_DATE="19991001")
    result = evaluate_rows(rows_frame([p]), county="SACRAMENTO",
                           policy=builtin_policy("statutory"), as_of=date(2026, 11, 1))
    row = result.determinations.row(0, named=True)
    assert row["rule_id"] == "FELONY_REDUCE_SECTION"
    assert "check HS 11358(d)(3)" in row["facts"]
    assert "substantial environmental harm to public lands or other public resources" in (
        row["facts"])
    assert "Fish and Game Code 5650, 5652, 1602" in row["facts"]
    assert "HS 12025" not in row["facts"]
