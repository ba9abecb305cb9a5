"""The BEAR preset gives gogen's answer where gogen's own logic decides it (README, BEAR preset).

Each test is a small literal DOJ record and the determination, reason or people figure
gogen (the engine behind BEAR) gives for it, worked out from gogen's procedure; where
CountyClear deliberately differs (docs/DOJ_FILE.md; README, BEAR preset) the test says so.
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


def test_prop64_sections_are_found_as_gogen_finds_them() -> None:
    # gogen: the text before the first hyphen holds 11357, 11358, 11359 or 11360 anywhere;
    # its own tests list the attempt written without a hyphen, missing and wrong code
    # letters (data/configurable_eligibility_flow_test.go).
    p = Person("1")
    cases = {
        p.conviction("66411357(A) HS-ATTEMPT", "20100101"): "Dismiss all HS 11357 convictions",
        p.conviction("11357(A)", "20100101"): "Dismiss all HS 11357 convictions",
        p.conviction("11357(A)PC-POSSESS", "20100101"): "Dismiss all HS 11357 convictions",
        p.conviction("11358 PC-CULTIVATE", "20100101"): "Dismiss all HS 11358 convictions",
        p.conviction("664/11359 HS-ATTEMPT", "20100101"): "Reduce all HS 11359 convictions",
        p.conviction("HS 11360-SELL", "20100101"): "Reduce all HS 11360 convictions",
        p.conviction("SEE COMMENT FOR CHARGE", "20100101",
                     COMMENT_TEXT="CHGD TO 11359 HS"): "Reduce all HS 11359 convictions",
    }
    got = answers([p])
    assert {order: got.get(order) for order in cases} == {
        order: (("reduce" if reason.startswith("Reduce") else "dismiss"), reason)
        for order, reason in cases.items()}
    # The section shown is the Prop 64 section gogen counts it under.
    det = evaluate([p]).determinations
    assert det["section"].to_list() == ["11357", "11357", "11357", "11358", "11359", "11360",
                                        "11359"]


def test_the_dismiss_list_is_searched_before_the_reduce_list() -> None:
    # Two sections in one charge: gogen tries each dismiss entry, then each reduce entry.
    p = Person("1")
    order = p.conviction("11360/11359 HS-SALE", "20100101")
    policy = bear_options_from_text(json.dumps(
        {"baselineEligibility": {"dismiss": ["11359"], "reduce": ["11360"]}}), "two")
    assert answers([p], policy) == {order: ("dismiss", "Dismiss all HS 11359 convictions")}


def test_what_is_not_prop64_for_gogen_nor_for_us() -> None:
    p = Person("1")
    p.conviction("11379.6 HS-MANUFACTURE", "20100101")
    p.conviction("11361(A) HS-EMPLOY MINOR", "20100101")
    p.conviction("4573.6 PC-PRISON", "20100101")
    # Deliberate divergence: gogen's substring match takes 11357.5 for 11357.
    p.conviction("11357.5 HS-SYNTHETIC", "20100101")
    assert answers([p]) == {}
    # A hyphenated attempt is "664" to gogen (not evaluated); CountyClear reviews it
    # (deliberate: never dropped) and does not count the person as evaluated.
    q = Person("2")
    order = q.conviction("664-11359 HS-ATTEMPT", "20100101")
    result = evaluate([q])
    assert answers([q]) == {order: ("review", None)}
    assert result.summary.people_evaluated == 0


def test_only_prop64_counts_sections_as_gogen_does() -> None:
    # 11359 felony here and an 11357(A)PC conviction elsewhere: every conviction is
    # Prop 64 to gogen, so "Only has 11357-60 charges".
    p = Person("1")
    order = p.conviction("11359 HS-SALE", "20150101")
    p.conviction("11357(A)PC-POSSESS", "20160101", county="YOLO")
    assert answers([p], options(subjectHasOnlyProp64Charges=True)) == {
        order: ("dismiss", "Only has 11357-60 charges")}
    # An attempt written 664-11357 is not Prop 64 to gogen: 11359 is only reduced.
    q = Person("2")
    order = q.conviction("11359 HS-SALE", "20150101")
    q.conviction("664-11357 HS-ATTEMPT", "20160101", county="YOLO")
    assert answers([q], options(subjectHasOnlyProp64Charges=True)) == {
        order: ("reduce", "Reduce all HS 11359 convictions")}


def test_people_figures_count_gogens_prop64_people() -> None:
    p = Person("1")
    p.conviction("11357(A)PC-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    summary = evaluate([p]).summary
    assert (summary.people_evaluated, summary.people_with_relief,
            summary.people_no_conviction) == (1, 1, 1)


def test_an_undated_attempt_does_not_make_its_person_evaluated() -> None:
    # gogen counts people with an in-county Prop 64 conviction; "664-11359" is none, dated
    # or not (CountyClear reviews it for the date first).
    p = Person("1")
    p.conviction("664-11359 HS-ATTEMPT", "20100000")
    summary = evaluate([p]).summary
    assert (summary.people_evaluated, summary.people_related_only) == (0, 1)
    # Nor is it dismissed when every Prop 64 conviction is.
    assert summary.dismiss_all_prop64.people_no_conviction == 0
