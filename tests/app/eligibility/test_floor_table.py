"""One small DOJ record per row of docs/LAW.md table 1 (conduct class x age band at the
offense), each with the relief and determination written out by hand.

The cases are checked against the floor's own table, so that a class or band added there
without a case here fails (`test_every_row_of_the_table_has_a_case`)."""

from datetime import date

import pytest

from app.eligibility.floor import BANDS, CLASSES
from app.eligibility.policy import builtin_policy
from app.pipeline import evaluate_rows
from tests.doj_builder import Person, rows_frame

AS_OF = date(2024, 1, 1)
OFFENSE = "20100601"
DOB = {"under_18": "19950101", "18_20": "19900101", "21_plus": "19700101", "unknown": ""}

# (class, band): (charge as DOJ writes it, level, relief, determination)
CASES: dict[tuple[str, str], tuple[str, str, str, str]] = {
    ("possess_small", "under_18"): ("11357(B) HS-POSSESS", "M", "redesignate_infraction",
                                    "reduce"),
    ("possess_small", "18_20"): ("11357(B) HS-POSSESS", "M", "redesignate_infraction", "reduce"),
    ("possess_small", "21_plus"): ("11357(B) HS-POSSESS", "M", "dismiss_seal", "dismiss"),
    ("possess_small", "unknown"): ("11357(B) HS-POSSESS", "M", "redesignate_infraction",
                                   "reduce"),
    ("possess_concentrate", "under_18"): ("11357(A) HS-CONC", "F", "redesignate_infraction",
                                          "reduce"),
    ("possess_concentrate", "18_20"): ("11357(A) HS-CONC", "F", "redesignate_misdemeanor",
                                       "reduce"),
    ("possess_concentrate", "21_plus"): ("11357(A) HS-CONC", "F", "redesignate_misdemeanor",
                                         "reduce"),
    ("possess_concentrate", "unknown"): ("11357(A) HS-CONC", "F", "redesignate_misdemeanor",
                                         "reduce"),
    ("possess_large", "under_18"): ("11357(C) HS-POSS", "M", "redesignate_infraction", "reduce"),
    ("possess_large", "18_20"): ("11357(C) HS-POSS", "M", "none", "not_eligible"),
    ("possess_large", "21_plus"): ("11357(C) HS-POSS", "M", "none", "not_eligible"),
    ("possess_large", "unknown"): ("11357(C) HS-POSS", "M", "none", "review"),
    ("possess_school", "under_18"): ("11357(E) HS-SCHOOL", "M", "redesignate_infraction",
                                     "reduce"),
    ("possess_school", "18_20"): ("11357(D) HS-SCHOOL", "M", "none", "not_eligible"),
    ("possess_school", "21_plus"): ("11357(D) HS-SCHOOL", "M", "none", "not_eligible"),
    ("possess_school", "unknown"): ("11357(D) HS-SCHOOL", "M", "none", "review"),
    ("possess_unknown", "under_18"): ("11357 HS-POSSESS", "M", "redesignate_infraction",
                                      "reduce"),
    ("possess_unknown", "18_20"): ("11357 HS-POSSESS", "M", "none", "review"),
    ("possess_unknown", "21_plus"): ("11357 HS-POSSESS", "M", "none", "review"),
    ("possess_unknown", "unknown"): ("11357 HS-POSSESS", "M", "none", "review"),
    ("cultivate_unknown", "under_18"): ("11358 HS-CULT", "F", "redesignate_infraction",
                                        "reduce"),
    ("cultivate_unknown", "18_20"): ("11358 HS-CULT", "F", "redesignate_misdemeanor", "reduce"),
    ("cultivate_unknown", "21_plus"): ("11358 HS-CULT", "F", "redesignate_misdemeanor",
                                       "reduce"),
    ("cultivate_unknown", "unknown"): ("11358 HS-CULT", "F", "redesignate_misdemeanor",
                                       "reduce"),
    ("cultivate_small", "under_18"): ("11358(B) HS-CULT", "F", "redesignate_infraction",
                                      "reduce"),
    ("cultivate_small", "18_20"): ("11358(B) HS-CULT", "F", "redesignate_infraction", "reduce"),
    ("cultivate_small", "21_plus"): ("11358(B) HS-CULT", "F", "dismiss_seal", "dismiss"),
    ("cultivate_small", "unknown"): ("11358(B) HS-CULT", "F", "redesignate_infraction",
                                     "reduce"),
    ("cultivate_large", "under_18"): ("11358(C) HS-CULT", "M", "redesignate_infraction",
                                      "reduce"),
    ("cultivate_large", "18_20"): ("11358(C) HS-CULT", "M", "none", "not_eligible"),
    ("cultivate_large", "21_plus"): ("11358(C) HS-CULT", "M", "none", "not_eligible"),
    ("cultivate_large", "unknown"): ("11358(C) HS-CULT", "M", "none", "review"),
    ("possess_for_sale", "under_18"): ("11359 HS-SALE", "F", "redesignate_infraction",
                                       "reduce"),
    ("possess_for_sale", "18_20"): ("11359 HS-SALE", "F", "redesignate_misdemeanor", "reduce"),
    ("possess_for_sale", "21_plus"): ("11359 HS-SALE", "F", "redesignate_misdemeanor",
                                      "reduce"),
    ("possess_for_sale", "unknown"): ("11359 HS-SALE", "F", "redesignate_misdemeanor",
                                      "reduce"),
    ("sell_transport", "under_18"): ("11360(A) HS-SELL", "F", "redesignate_infraction",
                                     "reduce"),
    ("sell_transport", "18_20"): ("11360(A) HS-SELL", "F", "redesignate_misdemeanor", "reduce"),
    ("sell_transport", "21_plus"): ("11360A HS-SELL", "F", "redesignate_misdemeanor", "reduce"),
    ("sell_transport", "unknown"): ("11360(A) HS-SELL", "F", "redesignate_misdemeanor",
                                    "reduce"),
    ("give_small", "under_18"): ("11360(B) HS-GIVE", "M", "redesignate_infraction", "reduce"),
    ("give_small", "18_20"): ("11360(B) HS-GIVE", "M", "redesignate_infraction", "reduce"),
    ("give_small", "21_plus"): ("11360(B) HS-GIVE", "M", "redesignate_infraction", "reduce"),
    ("give_small", "unknown"): ("11360(B) HS-GIVE", "M", "redesignate_infraction", "reduce"),
    ("give_unknown", "under_18"): ("11360 HS-GIVE", "M", "redesignate_infraction", "reduce"),
    ("give_unknown", "18_20"): ("11360 HS-GIVE", "M", "none", "review"),
    ("give_unknown", "21_plus"): ("11360 HS-GIVE", "M", "none", "review"),
    ("give_unknown", "unknown"): ("11360 HS-GIVE", "M", "none", "review"),
    ("felony_today", "under_18"): ("11359(C) HS-SALE", "F", "redesignate_infraction", "reduce"),
    ("felony_today", "18_20"): ("11359(C) HS-SALE", "F", "none", "not_eligible"),
    ("felony_today", "21_plus"): ("11360(A)(3) HS-IMPORT", "F", "none", "not_eligible"),
    ("felony_today", "unknown"): ("11358(D) HS-CULT", "F", "none", "review"),
}
LEVELS = {"F": "FELONY", "M": "MISDEMEANOR", "I": ""}


def test_every_row_of_the_table_has_a_case() -> None:
    rows = {(c.id, band) for c in CLASSES for band in (*BANDS, "unknown")}
    assert set(CASES) == rows


@pytest.mark.parametrize(("conduct", "band"), list(CASES))
def test_floor_row(conduct: str, band: str) -> None:
    charge, toc, relief, determination = CASES[conduct, band]
    p = Person("1", dob=DOB[band])
    p.conviction(charge, OFFENSE, level=LEVELS[toc], toc=toc)
    det = evaluate_rows(rows_frame([p]), county="SACRAMENTO", policy=builtin_policy("statutory"),
                        as_of=AS_OF).determinations
    row = det.row(0, named=True)
    assert (row["relief"], row["determination"]) == (relief, determination), row["reason"]
    assert row["basis"] == "statute"
    assert row["offense_date"] == date(2010, 6, 1)
    expected_age = {"under_18": 15, "18_20": 20, "21_plus": 40, "unknown": None}[band]
    assert row["age_at_offense"] == expected_age
    # Every reason cites the statute the conduct falls under today.
    assert "HS 1136" in row["statute"] or "HS 1135" in row["statute"], row["statute"]
