"""Literal determinations frames of the contract's shape (docs/CONTRACTS.md), for export tests."""

import random
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from app.eligibility.summary import ImpactSummary, PeopleLeft, PolicyName
from app.exports.motion import MotionFacts
from app.outputs import write_summary

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
ALREADY_GRANTED_REASON = ("Relief already granted under HS 11361.8", "HS 11361.8")
# The engine's relief for each determination unless a test says otherwise (CONTRACTS.md).
DEFAULT_RELIEF = {
    "dismiss": "dismiss_seal", "reduce": "redesignate_misdemeanor", "review": "none",
    "not_eligible": "none", "already_granted": "none",
}  # fmt: skip


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
    relief: str | None = None,
    basis: str | None = "statute",
    offense: date | None = None,
    age: int | None = 30,
    case_number: str | None = "",
) -> dict[str, Any]:
    """`case_number` "" means the default `99M<subject><case>`; None means none in the file."""
    reason, statute = {
        "dismiss": DISMISS_REASON,
        "reduce": REDUCE_REASON,
        "review": REVIEW_REASON,
        "not_eligible": NOT_ELIGIBLE_REASON,
        "already_granted": ALREADY_GRANTED_REASON,
    }[determination]
    step = f"001{case}"
    return {
        "subject_id": subject_id,
        "cnt_order": f"{step}{count}000",
        "name": name,
        "dob": dob,
        "cii_number": f"A{subject_id}",
        "case_number": f"99M{subject_id}{case}" if case_number == "" else case_number,
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
        "relief": relief or DEFAULT_RELIEF[determination],
        "basis": basis if DEFAULT_RELIEF[determination] != "none" or relief else None,
        "offense_date": offense,
        "age_at_offense": age,
    }


def sample_determinations() -> pl.DataFrame:
    """Eleven convictions of eight people covering every relief, case and outcome kind."""
    rows = [
        # Doe: one case, two counts, both dismissed -> the case is sealed (Yes).
        conviction("100", "001", "dismiss"),
        conviction("100", "002", "dismiss", code_section="11360(B) HS"),
        # Roe: felony reduced, finished sentence -> Redesignate; case has a non-Prop 64 count.
        conviction("200", "001", "reduce", name="ROE,RICHARD", level="felony",
                   code_section="11359 HS", other=1, race="HISPANIC"),
        # Poe: felony reduced while still serving -> Recall and resentence.
        conviction("300", "001", "reduce", name="POE,EDGAR A", level="felony",
                   code_section="11359 HS", serving=True, race="BLACK",
                   relief="recall_resentence"),
        # Moe: dismissed in a case where another evaluated count goes to review -> No.
        conviction("400", "001", "dismiss", name="MOE,MARY", race="ASIAN"),
        conviction("400", "002", "review", name="MOE,MARY", level="felony",
                   code_section="11360(A) HS", flags="prior_super_strike",
                   facts="prior super strike 187 PC on 1990-03-01"),
        # Zoe: not eligible (not in the exhibit), unknown dates.
        conviction("500", "001", "not_eligible", name="ZOE,ZED", code_section="11357.5 HS",
                   dob=None, convicted=None),
        # Lee: relief already granted on petition: counted, never filed again.
        conviction("600", "001", "already_granted", name="LEE,LOU"),
        # Kay: a felony the county policy dismisses (the People's request) with no case
        # number in the file, and a minor's felony redesignated as an infraction.
        conviction("700", "001", "dismiss", name="KAY,KIM", level="felony",
                   code_section="11359 HS", basis="county_policy", case_number=None),
        conviction("700", "002", "reduce", name="KAY,KIM", level="felony", case="002",
                   code_section="11360(A) HS", relief="redesignate_infraction", age=17),
        # Fay: a 2018 offense the preset would dismiss: held back for a staff decision.
        conviction("800", "001", "dismiss", name="FAY,FERN", basis="county_policy",
                   offense=date(2018, 4, 2), convicted=date(2019, 1, 8)),
    ]  # fmt: skip
    return pl.DataFrame(rows, schema=SCHEMA)


def sample_summary() -> ImpactSummary:
    return ImpactSummary(
        county="SACRAMENTO",
        as_of=date(2026, 11, 1),
        policy=PolicyName("statutory", "Statutory minimum"),
        sources=("doj_2026.dat",),
        doj_file_date=date(2026, 10, 15),
        convictions_evaluated=7,
        people_evaluated=5,
        people_related_only=0,
        determinations={"dismiss": 3, "reduce": 2, "review": 1, "not_eligible": 1},
        people_with_relief=4,
        people_no_felony=2,
        people_no_conviction=1,
        people_no_conviction_last_7_years=3,
        dismiss_all_prop64=PeopleLeft(
            people_no_felony=3,
            people_no_conviction=4,
            people_no_conviction_last_7_years=5,
        ),
        by_section={"11357": 4, "11359": 2, "11360": 1},
        by_level={"felony": 3, "misdemeanor": 4},
        by_rule={"DISMISS_RULE": 3, "REDUCE_RULE": 2},
        by_relief={"dismiss_seal": 3, "redesignate_misdemeanor": 2, "none": 2},
        by_basis={"statute": 4, "county_policy": 1},
        by_dismissal_reason={"Misdemeanor or infraction: dismiss and seal": 3},
        by_race={"WHITE": 1, "HISPANIC": 1, "BLACK": 1, "ASIAN": 1},
        by_year={"1999": 6, "": 1},
        flags={},
        earliest_conviction=date(1999, 3, 2),
    )


def facts(summary: ImpactSummary) -> MotionFacts:
    """What the papers recite, from a summary (as `countyclear export` takes them)."""
    return MotionFacts.from_summary(summary)


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


def write_folder(folder: Path, frame: pl.DataFrame, summary: ImpactSummary) -> None:
    """An `evaluate` output folder as the contract writes it (dates ISO, bools true/false),
    with the relief columns the law helpers add to determinations.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    frame.write_csv(folder / "determinations.csv", date_format="%Y-%m-%d")
    write_summary(folder, summary)


def los_angeles_like(people: int, seed: int = 7) -> pl.DataFrame:
    """Determinations shaped like a Los Angeles 2020 preset run: statutory dismissals, county
    policy dismissals of felonies, redesignations (some to infractions), recalls of people
    still serving, reviews still pending, not eligible and already granted convictions, court
    case numbers shared by two arrest cycles, rows with no case number or no SUBJECT_ID, and
    a post-2016 offense the policy would grant (held back)."""
    rng = random.Random(seed)
    races = ["HISPANIC", "BLACK", "WHITE", "ASIAN", "OTHER", ""]
    rows: list[dict[str, Any]] = []
    for person in range(1, people + 1):
        subject = "" if person % 97 == 0 else f"LA{person:06d}"
        name = f"PERSON{person},FIRST {chr(65 + person % 26)}"
        for count in range(1, rng.choice([1, 1, 2, 3]) + 1):
            kind = rng.choices(
                ["lawful", "policy", "reduce", "infraction", "recall", "review", "not_eligible",
                 "already"], [30, 20, 20, 4, 3, 8, 10, 5])[0]  # fmt: skip
            options: dict[str, Any] = {
                "name": name, "race": rng.choice(races), "case": f"{count:03d}",
                "convicted": date(rng.randint(1985, 2015), rng.randint(1, 12), 1),
                "level": "felony" if kind in ("policy", "reduce", "recall") else "misdemeanor",
            }  # fmt: skip
            if kind == "lawful":
                row = conviction(subject, f"{count:03d}", "dismiss", **options)
            elif kind == "policy":
                row = conviction(subject, f"{count:03d}", "dismiss", basis="county_policy",
                                 code_section="11359 HS", **options)  # fmt: skip
            elif kind == "reduce":
                row = conviction(subject, f"{count:03d}", "reduce", code_section="11360(A) HS",
                                 **options)  # fmt: skip
            elif kind == "infraction":
                row = conviction(subject, f"{count:03d}", "reduce", age=17,
                                 relief="redesignate_infraction", **options)  # fmt: skip
            elif kind == "recall":
                row = conviction(subject, f"{count:03d}", "reduce", serving=True,
                                 relief="recall_resentence", **options)  # fmt: skip
            elif kind == "review":
                row = conviction(subject, f"{count:03d}", "review", flags="prior_super_strike",
                                 facts="prior super strike 187 PC", **options)  # fmt: skip
            elif kind == "already":
                row = conviction(subject, f"{count:03d}", "already_granted", **options)
            else:
                row = conviction(subject, f"{count:03d}", "not_eligible",
                                 code_section="11357.5 HS", **options)  # fmt: skip
            if person % 41 == 0:
                row["case_number"] = None  # the file carries no court case number
            elif count == 2 and person % 5 == 0:
                row["case_number"] = f"99M{subject}001"  # one court case, two arrest cycles
            rows.append(row)
    rows.append(conviction("LA999999", "001", "dismiss", name="LATE,LARRY", basis="county_policy",
                           offense=date(2017, 3, 1), convicted=date(2017, 9, 1)))  # fmt: skip
    frame = pl.DataFrame(rows, schema=SCHEMA)
    return frame.with_columns(county=pl.lit("LOS ANGELES"), court=pl.lit("CASC LOS ANGELES"))


def los_angeles_summary(frame: pl.DataFrame) -> ImpactSummary:
    return replace(
        sample_summary(),
        county="LOS ANGELES",
        policy=PolicyName("los_angeles_2020", "Los Angeles 2020"),
        sources=("la_doj.dat",),
        doj_file_date=date(2026, 9, 30),
        convictions_evaluated=frame.height,
        people_no_felony=1234,
        people_no_conviction=1001,
    )
