"""Literal determinations frames of the contract's shape (docs/CONTRACTS.md), for export tests."""

from datetime import date
from typing import Any

import polars as pl

SCHEMA: dict[str, Any] = {
    "subject_id": pl.String, "cnt_order": pl.String, "name": pl.String, "dob": pl.Date,
    "cii_number": pl.String, "case_number": pl.String, "court": pl.String,
    "code_section": pl.String, "section": pl.String, "offense": pl.String, "level": pl.String,
    "conviction_date": pl.Date, "county": pl.String, "determination": pl.String,
    "rule_id": pl.String, "reason": pl.String, "statute": pl.String, "bear_reason": pl.String,
    "flags": pl.String, "relief": pl.String, "basis": pl.String, "offense_date": pl.Date,
    "age_at_offense": pl.Int64, "sentence_end": pl.Date, "currently_serving": pl.Boolean,
    "race": pl.String, "case_key": pl.String, "case_other_convictions": pl.Int64,
    "facts": pl.String,
}  # fmt: skip

DISMISS_REASON = ("Misdemeanor or infraction: dismiss and seal", "HS 11361.8(e)-(f)")
REDUCE_REASON = ("Felony HS 11359: redesignate as a misdemeanor", "HS 11361.8(a)-(b), (f)")
REVIEW_REASON = ("Prior super strike: the DA may challenge", "PC 667(e)(2)(C)(iv)")
NOT_ELIGIBLE_REASON = ("Not a Prop 64 offence", "HS 11361.8")


def conviction(
    subject_id: str,
    count: str,
    determination: str,
    *,
    name: str = "DOE,JANE Q",
    case: str = "001",
    level: str = "misdemeanor",
    code_section: str = "11357(A) HS",
    serving: bool = False,
    other: int = 0,
    dob: date | None = date(1970, 5, 17),
    convicted: date | None = date(1999, 3, 2),
    race: str = "WHITE",
    flags: str = "",
    facts: str = "",
) -> dict[str, Any]:
    reason, statute = {
        "dismiss": DISMISS_REASON,
        "reduce": REDUCE_REASON,
        "review": REVIEW_REASON,
        "not_eligible": NOT_ELIGIBLE_REASON,
    }[determination]
    step = f"001{case}"
    return {
        "subject_id": subject_id,
        "cnt_order": f"{step}{count}000",
        "name": name,
        "dob": dob,
        "cii_number": f"A{subject_id}",
        "case_number": f"99M{subject_id}{case}",
        "court": "CASC SACRAMENTO",
        "code_section": code_section,
        "section": code_section[:5],
        "offense": f"{code_section}-POSSESS MARIJUANA",
        "level": level,
        "conviction_date": convicted,
        "county": "SACRAMENTO",
        "determination": determination,
        "rule_id": determination.upper() + "_RULE",
        "reason": reason,
        "statute": statute,
        "bear_reason": None,
        "flags": flags,
        "sentence_end": convicted,
        "currently_serving": serving,
        "race": race,
        "case_key": f"{subject_id}|{step}",
        "case_other_convictions": other,
        "facts": facts,
        "relief": {"dismiss": "dismiss_seal",
                   "reduce": "recall_resentence" if serving else "redesignate_misdemeanor",
                   "review": "redesignate_misdemeanor"}.get(determination, "none"),
        "basis": "statute",
        "offense_date": convicted,
        "age_at_offense": (None if dob is None or convicted is None
                           else convicted.year - dob.year - ((convicted.month, convicted.day)
                                                             < (dob.month, dob.day))),
    }


def sample_determinations() -> pl.DataFrame:
    """Seven convictions of five people covering every relief, case and determination kind."""
    rows = [
        # Doe: one case, two counts, both dismissed -> the case is sealed (Yes).
        conviction("100", "001", "dismiss"),
        conviction("100", "002", "dismiss", code_section="11360(B) HS"),
        # Roe: felony reduced, finished sentence -> Redesignate; case has a non-Prop 64 count.
        conviction("200", "001", "reduce", name="ROE,RICHARD", level="felony",
                   code_section="11359 HS", other=1, race="HISPANIC"),
        # Poe: felony reduced while still serving -> Recall and resentence.
        conviction("300", "001", "reduce", name="POE,EDGAR A", level="felony",
                   code_section="11359 HS", serving=True, race="BLACK"),
        # Moe: dismissed in a case where another evaluated count goes to review -> No.
        conviction("400", "001", "dismiss", name="MOE,MARY", race="ASIAN"),
        conviction("400", "002", "review", name="MOE,MARY", level="felony",
                   code_section="11360(A) HS", flags="prior_super_strike",
                   facts="prior super strike 187 PC on 1990-03-01"),
        # Zoe: not eligible (not in the exhibit), unknown dates.
        conviction("500", "001", "not_eligible", name="ZOE,ZED", code_section="11357.5 HS",
                   dob=None, convicted=None),
    ]  # fmt: skip
    return pl.DataFrame(rows, schema=SCHEMA)


def sample_summary() -> dict[str, Any]:
    return {
        "county": "SACRAMENTO",
        "as_of": "2026-11-01",
        "policy": {"id": "statutory", "name": "Statutory minimum"},
        "sources": ["doj_2026.dat"],
        "doj_file_date": "2026-10-15",
        "convictions_evaluated": 7,
        "people_evaluated": 5,
        "determinations": {"dismiss": 3, "reduce": 2, "review": 1, "not_eligible": 1},
        "people_with_relief": 4,
        "people_no_felony": 2,
        "people_no_conviction": 1,
        "people_no_conviction_last_7_years": 3,
        "dismiss_all_prop64": {
            "people_no_felony": 3,
            "people_no_conviction": 4,
            "people_no_conviction_last_7_years": 5,
        },
        "by_section": {"11357": 4, "11359": 2, "11360": 1},
        "by_level": {"felony": 3, "misdemeanor": 4},
        "by_rule": {"DISMISS_RULE": 3, "REDUCE_RULE": 2},
        "by_dismissal_reason": {"Misdemeanor or infraction: dismiss and seal": 3},
        "by_race": {"WHITE": 1, "HISPANIC": 1, "BLACK": 1, "ASIAN": 1},
        "by_year": {"1999": 6, "": 1},
        "earliest_conviction": "1999-03-02",
    }


def repeated(frame: pl.DataFrame, times: int) -> pl.DataFrame:
    """`times` copies of `frame` as distinct people (for progress and cancel tests)."""
    copies = [
        frame.with_columns(
            (pl.col("subject_id") + f"-{copy}").alias("subject_id"),
            (pl.col("case_key") + f"-{copy}").alias("case_key"),
        )
        for copy in range(times)
    ]
    return pl.concat(copies)
