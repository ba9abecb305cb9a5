"""The BEAR preset gives gogen's answer where gogen's own logic decides it (DOMAIN.md 3.6).

Each test is a small literal DOJ record and the determination, reason or people figure
gogen (the engine behind BEAR) gives for it, worked out from gogen's procedure; where
CountyClear deliberately differs (DOMAIN.md 2.1, 3.6, 6) the test says so.
"""

import json
from datetime import date
from typing import Any

from app.eligibility.policy import Policy, bear_options_from_text
from app.pipeline import EvaluationResult, evaluate_rows
from tests.doj_builder import Person, rows_frame

AS_OF = date(2019, 11, 11)
SACRAMENTO = {"baselineEligibility": {"dismiss": ["11357", "11358"],
                                      "reduce": ["11359", "11360"]}}


def options(**relief: Any) -> Policy:
    return bear_options_from_text(json.dumps({**SACRAMENTO, "additionalRelief": relief}),
                                  "test options")


def evaluate(people: list[Person], policy: Policy | None = None) -> EvaluationResult:
    return evaluate_rows(rows_frame(people), county="SACRAMENTO",
                         policy=policy or options(), as_of=AS_OF)


def answers(people: list[Person], policy: Policy | None = None) -> dict[str, tuple[str, str]]:
    """cnt_order -> (determination, BEAR reason) for every evaluated conviction."""
    det = evaluate(people, policy).determinations
    return {r["cnt_order"]: (r["determination"], r["bear_reason"])
            for r in det.iter_rows(named=True)}


def test_a_date_go_cannot_parse_is_unknown() -> None:
    # Go's time.Parse("20060102") takes exactly eight digits: "1990011" and "1990 101" are
    # not dates to gogen (zero time), so not to CountyClear either. With no DOB the
    # under-21 rule cannot apply: gogen reduces.
    for dob in ("1990011", "1990 101", "199001 1"):
        p = Person("1", dob=dob)
        order = p.conviction("11359 HS-SALE", "20050101")
        assert answers([p], options(subjectUnder21AtConviction=True)) == {
            order: ("reduce", "Reduce all HS 11359 convictions")}, dob
    # An undated conviction is reviewed, never dated year 1 (deliberate divergence).
    q = Person("2")
    order = q.conviction("11357 HS-POSSESS", "2010011", level="MISDEMEANOR", toc="M")
    assert answers([q])[order] == ("review", None)
