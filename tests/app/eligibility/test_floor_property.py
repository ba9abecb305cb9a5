"""Hypothesis: no conviction is granted more relief than the statutory floor gives it unless
its basis is county_policy, under every shipped policy; the statutory policy never claims
county policy. The floor is worked out here again, row by row in plain Python from
app.eligibility.floor's table, as a check on the engine's vectorised reading of it."""

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.eligibility.dates import PROP64_EFFECTIVE
from app.eligibility.floor import (
    CONVICTED_LEVEL,
    RELIEF_RANK,
    RELIEFS,
    SUBDIVISIONS,
    relief_for,
    today,
)
from app.eligibility.policy import BUILTIN_POLICIES, builtin_policy
from app.pipeline import evaluate_rows
from tests.doj_builder import Person, rows_frame

CHARGES = ["11357(A) HS", "11357(B) HS", "11357B HS", "11357 (C) HS", "11357 HS",
           "11357(B)(2) HS", "11358 HS", "11358(C) HS", "11358(B) HS", "11359 HS",
           "11359(B) HS", "11359(C) HS", "11360(A) HS", "11360A2 HS", "11360(A)(3) HS",
           "11360(B) HS", "11360 HS", "664-11359 HS", "11357(D)HS"]
PRIORS = ["187 PC-MURDER", "314(1) PC-EXPOSURE", "11359 HS-SALE", "459 PC-BURGLARY"]
DAY = st.dates(date(1995, 1, 1), date(2019, 12, 31)).map(lambda d: d.strftime("%Y%m%d"))
conviction = st.tuples(
    st.sampled_from(CHARGES), DAY, st.sampled_from([("FELONY", "F"), ("MISDEMEANOR", "M"),
                                                    ("", "I"), ("", "")]),
    st.one_of(st.just(""), DAY),  # CYC_DATE
    st.sampled_from([("", ""), ("3", "Y"), ("30", "Y")]),
)
person = st.tuples(
    st.one_of(st.just(""), st.dates(date(1940, 1, 1), date(2005, 1, 1))
              .map(lambda d: d.strftime("%Y%m%d"))),
    st.lists(conviction, min_size=1, max_size=3),
    st.lists(st.tuples(st.sampled_from(PRIORS), DAY), max_size=2),
)
AS_OF = date(2024, 1, 1)


def expected_floor(row: dict[str, object]) -> str:
    """The floor's relief for a determination, from its printed columns alone."""
    flags = str(row["flags"]).split("; ")
    offense = row["offense_date"]
    if ("related_offence" in flags or "unclear_section" in flags or offense is None
            or not isinstance(offense, date) or offense >= PROP64_EFFECTIVE):
        return "none"
    level = CONVICTED_LEVEL.get(str(row["level"]))
    if level is None:
        return "none"
    section = str(row["section"])
    written = re.match(r"\s*\d{5}\s*\(?([A-Z])?\)?\(?(\d)?", str(row["code_section"]))
    letter = (written.group(1) or "") if written else ""
    paragraph = (written.group(2) or "") if written else ""
    table = SUBDIVISIONS[section]
    level_name = str(row["level"])
    conduct = ((letter and (table.get(letter + paragraph) or table.get(letter)))
               or table.get(f"@{level_name}") or table[""])
    age = row["age_at_offense"]
    if isinstance(age, int):
        band = "under_18" if age < 18 else "18_20" if age < 21 else "21_plus"
    else:
        band = "under_18" if "juvenile" in flags else "unknown"
    return relief_for(today(conduct, band).sure, level)


def build(spec: list[tuple]) -> list[Person]:  # type: ignore[type-arg]
    people = []
    for n, (dob, convictions, priors) in enumerate(spec):
        p = Person(str(n), dob=dob)
        for offense, when in priors:
            p.conviction(offense, when)
        for charge, when, (level, toc), cycle, sentence in convictions:
            p.conviction(f"{charge}-CANNABIS", when, level=level, toc=toc, CYC_DATE=cycle,
                         sentence=sentence)
        people.append(p)
    return people


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(person, min_size=1, max_size=4))
def test_no_relief_beyond_the_floor_without_a_county_basis(spec: list[tuple]) -> None:  # type: ignore[type-arg]
    rows = rows_frame(build(spec))
    for name in BUILTIN_POLICIES:
        det = evaluate_rows(rows, county="SACRAMENTO", policy=builtin_policy(name),
                            as_of=AS_OF).determinations
        for row in det.iter_rows(named=True):
            assert row["relief"] in RELIEFS and row["basis"] in ("statute", "county_policy")
            floor = expected_floor(row)
            if name == "statutory":
                assert row["basis"] == "statute", row
            if row["basis"] != "statute":
                continue
            if row["relief"] == "recall_resentence":
                assert floor != "none", (name, row)
            else:
                assert RELIEF_RANK[row["relief"]] <= RELIEF_RANK[floor], (name, floor, row)
            if name == "statutory" and row["determination"] in ("dismiss", "reduce"):
                granted = row["relief"] if row["relief"] != "recall_resentence" else floor
                assert granted == floor, (floor, row)
