"""Every form DOJ writes a section in, for cannabis convictions and priors alike: one table."""

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from app.eligibility.convictions import with_sections

# OFFENSE_DESCR, COMMENT_TEXT -> related_prefix, section_key, section_subs, is_prop64,
# is_super_strike, is_pc290
FORMS = [
    # subdivisions, however written
    ("11360(A)(2) HS-SELL/TRANSPORT", "", None, "HS 11360(A)(2)", "(A)(2)", True, False, False),
    ("11360A2 HS-SELL/TRANSPORT", "", None, "HS 11360(A)(2)", "(A)(2)", True, False, False),
    ("11360(A)2 HS-SELL/TRANSPORT", "", None, "HS 11360(A)(2)", "(A)(2)", True, False, False),
    ("11360A2-SELL", "", None, " 11360(A)(2)", "(A)(2)", True, False, False),
    ("11359B HS-POSSESS FOR SALE", "", None, "HS 11359(B)", "(B)", True, False, False),
    ("11359B-POSSESS FOR SALE", "", None, " 11359(B)", "(B)", True, False, False),
    ("11357 (B) HS-POSSESS", "", None, "HS 11357(B)", "(B)", True, False, False),
    ("11357(B)(2) HS-POSSESS", "", None, "HS 11357(B)(2)", "(B)(2)", True, False, False),
    ("11357(B)(2)", "", None, " 11357(B)(2)", "(B)(2)", True, False, False),
    ("11357B2 HS-POSSESS", "", None, "HS 11357(B)(2)", "(B)(2)", True, False, False),
    ("11357(C)HS-POSSESS MARIJUANA", "", None, "HS 11357(C)", "(C)", True, False, False),
    ("11359HS-INTENT SELL CANNABIS", "", None, "HS 11359", "", True, False, False),
    ("11358 HS-CULTIVATE", "", None, "HS 11358", "", True, False, False),
    ("11360 (A) HS-SELL", "", None, "HS 11360(A)", "(A)", True, False, False),
    ("  11357(a) hs-possess  ", "", None, "HS 11357(A)", "(A)", True, False, False),
    ("SEE COMMENT FOR CHARGE", "11360A2 HS-SELL", None, "HS 11360(A)(2)", "(A)(2)", True,
     False, False),
    ("", "11358 HS-CULTIVATE", None, "HS 11358", "", True, False, False),
    # attempts, conspiracies and accessories keep the target as the section
    ("664-11357(C) HS-ATTEMPT", "", "664", "HS 11357(C)", "(C)", False, False, False),
    ("664/11359 HS-ATTEMPT", "", "664", "HS 11359", "", False, False, False),
    ("664+11360(A) HS-ATTEMPT", "", "664", "HS 11360(A)", "(A)", False, False, False),
    ("664 - 11358 HS-ATTEMPT", "", "664", "HS 11358", "", False, False, False),
    ("66411357(A) HS-ATTEMPT", "", "664", "HS 11357(A)", "(A)", False, False, False),
    ("66411360A2 HS-ATTEMPT", "", "664", "HS 11360(A)(2)", "(A)(2)", False, False, False),
    ("182(A)(1) PC-CONSPIRACY", "11359 HS-POSSESS FOR SALE", "182", "HS 11359", "", False,
     False, False),
    ("182(A)(1)-11360(A) HS-CONSPIRACY", "", "182", "HS 11360(A)", "(A)", False, False, False),
    ("32 PC-ACCESSORY", "TARGET 11360(A) HS", "32", "HS 11360(A)", "(A)", False, False, False),
    ("32 PC-ACCESSORY", "", None, "PC 32", "", False, False, False),
    ("32 PC-ACCESSORY", "CASE 12345 AMENDED", None, "PC 32", "", False, False, False),
    ("182(A)(1) PC-CONSPIRACY", "SEE 11360(A)", "182", " 11360(A)", "(A)", False, False,
     False),
    ("182(A)(1) PC-CONSPIRACY", "", None, "PC 182(A)(1)", "(A)(1)", False, False, False),
    # look-alikes: not Prop 64
    ("11357.5(A) HS-SYNTHETIC CANNABINOID", "", None, "HS 11357.5(A)", "(A)", False, False,
     False),
    ("11379.6(A) HS-MANUFACTURE", "", None, "HS 11379.6(A)", "(A)", False, False, False),
    ("11359(A)PC-SALE", "", None, "PC 11359(A)", "(A)", False, False, False),
    ("11361(A) HS-EMPLOY MINOR", "", None, "HS 11361(A)", "(A)", False, False, False),
    # priors: super strikes and PC 290 offenses, anchored
    ("187 PC-MURDER", "", None, "PC 187", "", False, True, False),
    ("187(A) PC-MURDER:FIRST DEGREE", "", None, "PC 187(A)", "(A)", False, True, False),
    ("1187 PC-OTHER", "", None, "PC 1187", "", False, False, False),
    ("664/187(A) PC-ATTEMPTED MURDER", "", "664", "PC 187(A)", "(A)", False, True, False),
    ("664-187 PC-ATTEMPT MURDER", "", "664", "PC 187", "", False, True, False),
    ("664187(A) PC-ATTEMPTED MURDER", "", "664", "PC 187(A)", "(A)", False, True, False),
    ("182(A)(1) PC-CONSPIRACY", "187 PC-MURDER", "182", "PC 187", "", False, True, False),
    ("32 PC-ACCESSORY", "187 PC-MURDER", "32", "PC 187", "", False, False, False),
    ("664/211 PC-ATTEMPTED ROBBERY", "", "664", "PC 211", "", False, False, False),
    ("261(A)(2) PC-RAPE", "", None, "PC 261(A)(2)", "(A)(2)", False, True, True),
    ("664/288(A) PC-ATTEMPT LEWD ACT", "", "664", "PC 288(A)", "(A)", False, False, True),
    ("288A(C)(1) PC-ORAL COPULATION", "", None, "PC 288A(C)(1)", "(C)(1)", False, True, True),
    # A super strike; PC 290(c) names 653f(c), not 653f(b).
    ("653F(B) PC-SOLICIT MURDER", "", None, "PC 653F(B)", "(B)", False, True, False),
    ("653(F) PC-OTHER", "", None, "PC 653(F)", "(F)", False, False, False),
    ("245(D)(3) PC-ASSAULT WITH MACHINE GUN", "", None, "PC 245(D)(3)", "(D)(3)", False,
     True, False),
    ("245(A)(1) PC-ASSAULT", "", None, "PC 245(A)(1)", "(A)(1)", False, False, False),
    ("314(1) PC-INDECENT EXPOSURE", "", None, "PC 314(1)", "(1)", False, False, True),
    ("647F PC-DISORDERLY", "", None, "PC 647(F)", "(F)", False, False, False),
    ("23152(A) VC-DUI", "", None, "VC 23152(A)", "(A)", False, False, False),
    ("NULL", "", None, " ", "", False, False, False),
]
COLUMNS = ["related_prefix", "section_key", "section_subs", "is_prop64", "is_super_strike",
           "is_pc290"]  # fmt: skip


def test_every_form_parses_to_its_section() -> None:
    assert len(FORMS) >= 30
    given = pl.DataFrame([row[:2] for row in FORMS], schema=["OFFENSE_DESCR", "COMMENT_TEXT"],
                         orient="row")
    # The facts trim values before parsing; the parser itself sees them as the file has them.
    trimmed = given.with_columns(pl.col("OFFENSE_DESCR").str.strip_chars())
    got = with_sections(trimmed.lazy()).select(COLUMNS).collect()
    expected = pl.DataFrame([row[2:] for row in FORMS], schema={
        "related_prefix": pl.String, "section_key": pl.String, "section_subs": pl.String,
        "is_prop64": pl.Boolean, "is_super_strike": pl.Boolean, "is_pc290": pl.Boolean,
    }, orient="row")
    mismatched = [
        (FORMS[i][0], FORMS[i][1], got.row(i), expected.row(i))
        for i in range(len(FORMS)) if got.row(i) != expected.row(i)
    ]
    assert not mismatched, mismatched
    assert_frame_equal(got, expected)


@pytest.mark.parametrize("charge", ["11360A2 HS-SELL", "11357B2 HS-POSSESS", "11359B HS-SALE",
                                    "11360(A)2 HS-SELL", "11357 (B) HS-POSSESS"])
def test_subdivisions_without_parentheses_are_not_unclear(charge: str) -> None:
    frame = pl.DataFrame({"OFFENSE_DESCR": [charge], "COMMENT_TEXT": [""]})
    row = with_sections(frame.lazy()).collect().row(0, named=True)
    assert row["is_prop64"] and row["bear_sections"] == charge[:5]
