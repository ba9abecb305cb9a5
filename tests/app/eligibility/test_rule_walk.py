"""Every rule of the registry can decide a conviction: no dead rules, each tested once."""

from datetime import date

import pytest

from app.eligibility.policy import Policy, builtin_policy, policy_from_mapping
from app.eligibility.rules import RULES
from app.pipeline import evaluate_rows
from tests.doj_builder import Person, rows_frame

AS_OF = date(2024, 1, 1)
ALL = {"felony": {"dismiss": [], "reduce": ["11357", "11358", "11359", "11360"]}}


def statutory(**relief: object) -> Policy:
    return policy_from_mapping({**ALL, "additional_relief": relief}, "test policy")


def bear(**relief: object) -> Policy:
    mapping = {"procedure": "bear", "felony": {"dismiss": ["11357"], "reduce": ["11359"]},
               "additional_relief": relief, "scope": {"after_cutoff": "evaluate"},
               "challenges": {g: "ignore" for g in ("prior_super_strike", "prior_pc290",
                                                    "pc290_registrant",
                                                    "two_priors_same_subdivision",
                                                    "currently_serving")}}
    return policy_from_mapping(mapping, "test bear policy")


def person(**kwargs: str) -> Person:
    return Person("1", **kwargs)


def case(rule: str) -> tuple[Person, Policy]:
    p = person(dob="19800101")
    if rule == "UNKNOWN_CONVICTION_DATE":
        p.conviction("11359 HS-SALE", "20100000")
        return p, bear()
    if rule == "UNKNOWN_OFFENSE_DATE":
        p.conviction("11359 HS-SALE", "20100000")
        return p, builtin_policy("statutory")
    if rule in ("ALREADY_GRANTED", "LATER_VACATED"):
        order = p.conviction("11359 HS-SALE", "20100101")
        words = ("REDESIGNATED MISDEMEANOR PER HS 11361.8" if rule == "ALREADY_GRANTED"
                 else "CONVICTION VACATED")
        p.later_entry(order, "20190101", words)
        return p, builtin_policy("statutory")
    if rule == "RELATED_OFFENCE":
        p.conviction("11359 HS-SALE", "20100101", level="MISDEMEANOR", toc="M", cycle=1)
        p.conviction("148(A)(1) PC-RESIST", "20100101", level="MISDEMEANOR", toc="M", cycle=1)
        return p, policy_from_mapping({**ALL, "scope": {"related": ["cycle"]}}, "cycle")
    if rule == "UNCLEAR_PROP64_SECTION":
        p.conviction("11359(A)PC-SALE", "20100101")
        return p, builtin_policy("statutory")
    if rule == "AFTER_PROP64":
        p.conviction("11359 HS-SALE", "20170101")
        return p, builtin_policy("statutory")
    if rule == "UNKNOWN_LEVEL":
        p.conviction("11359 HS-SALE", "20100101", level="", toc="")
        return p, builtin_policy("statutory")
    floor_cases = {  # adult (born 1980) unless said: each decided by the law's floor
        "LAWFUL_TODAY": ("11357(B) HS-POSSESS", "MISDEMEANOR", "19800101"),
        "MISDEMEANOR_TO_INFRACTION": ("11359 HS-SALE", "MISDEMEANOR", "19950101"),
        "FACT_NOT_IN_FILE": ("11357(A) HS-POSSESS CONCENTRATE", "MISDEMEANOR", "19800101"),
        "SAME_OFFENSE_TODAY": ("11357(C) HS-POSSESS OVER 28.5 G", "MISDEMEANOR", "19800101"),
    }
    if rule in floor_cases:
        offense, level, dob = floor_cases[rule]
        p = person(dob=dob)
        p.conviction(offense, "20100101", level=level, toc=level[0])
        return p, builtin_policy("statutory")
    if rule == "MISDEMEANOR_OR_INFRACTION":
        p.conviction("11357(C) HS-POSSESS OVER 28.5 G", "20100101", level="MISDEMEANOR",
                     toc="M")
        return p, builtin_policy("los_angeles_2020")
    if rule == "CHALLENGE_PRIOR_AFTER_OFFENSE":
        p.conviction("187 PC-MURDER", "20090601")
        p.conviction("11359 HS-SALE", "20100101", CYC_DATE="20090101")
        return p, builtin_policy("statutory")
    if rule == "CHALLENGE_PRIOR_SUPER_STRIKE":
        p.conviction("187 PC-MURDER", "20000101")
    elif rule == "CHALLENGE_PRIOR_PC290":
        p.conviction("314(1) PC-INDECENT EXPOSURE", "20000101")
    elif rule == "CHALLENGE_PC290_REGISTRANT":
        p.step("REGISTRATION", "20000101", "290 PC-REGISTRATION")
    elif rule == "CHALLENGE_TWO_PRIORS":
        p.conviction("11359(B) HS-SALE", "20000101", level="MISDEMEANOR", toc="M")
        p.conviction("11359(B) HS-SALE", "20010101", level="MISDEMEANOR", toc="M")
    if rule == "CHALLENGE_CURRENTLY_SERVING":
        p.conviction("11359 HS-SALE", "20100101", sentence=("20", "Y"))
        return p, builtin_policy("statutory")
    if rule.startswith("CHALLENGE_"):
        p.conviction("11359 HS-SALE", "20100101")
        return p, builtin_policy("statutory")
    statutory_relief = {
        "UNDER_21_AT_CONVICTION": ({"under_21_at_conviction": True}, "19950101", "20100101"),
        "AGE_AT_LEAST": ({"age_at_least": 40}, "19800101", "20100101"),
        "YEARS_SINCE_CONVICTION": ({"years_since_conviction": 10}, "19950101", "20100101"),
        "YEARS_CRIME_FREE": ({"years_crime_free": 10}, "19950101", "20100101"),
        "YEARS_FELONY_FREE": ({"years_felony_free": 10}, "19950101", "20100101"),
        "ONLY_PROP64": ({"only_prop64": True}, "19950101", "20150101"),
        "ONLY_CONVICTION_SENTENCE_COMPLETED": (
            {"only_conviction_sentence_completed": True}, "19950101", "20150101"),
        "ONLY_CONVICTION_SENTENCE_UNKNOWN": (
            {"only_conviction_sentence_completed": True}, "19950101", "20150101"),
        "SENTENCE_COMPLETED": ({"sentence_completed": True}, "19950101", "20150101"),
        "SENTENCE_COMPLETION_UNKNOWN": ({"sentence_completed": True}, "19950101", "20150101"),
        "DECEASED": ({"deceased": True}, "19950101", "20150101"),
        "FELONY_REDUCE_SECTION": ({}, "19950101", "20150101"),
    }
    if rule in statutory_relief:
        relief, dob, when = statutory_relief[rule]
        p = person(dob=dob)
        # A sentence the file states (one year), except where the rule is about its absence.
        sentence = ("", "") if rule.endswith("_UNKNOWN") else ("1", "Y")
        p.conviction("11359 HS-SALE", when, sentence=sentence)
        if rule == "DECEASED":
            p.step("DECEASED", "20200101")
        return p, statutory(**relief)
    if rule == "FELONY_DISMISS_SECTION":
        p.conviction("11358 HS-CULTIVATE", "20100101")
        return p, policy_from_mapping({"felony": {"dismiss": ["11358"]}}, "dismiss 11358")
    if rule == "NO_RULE_APPLIES":
        p.conviction("11360 HS-SALE", "20100101")
        return p, policy_from_mapping({"felony": {"dismiss": ["11357"]}}, "narrow")
    bear_cases = {
        "BEAR_MISDEMEANOR": ({}, "19950101", "11359 HS-SALE", "MISDEMEANOR"),
        "BEAR_DISMISS_SECTION": ({}, "19950101", "11357 HS-POSSESS", "FELONY"),
        "BEAR_UNDER_21": ({"under_21_at_conviction": True}, "19950101", "11359 HS", "FELONY"),
        "BEAR_AGE": ({"age_at_least": 40}, "19700101", "11359 HS-SALE", "FELONY"),
        "BEAR_YEARS_SINCE": ({"years_since_conviction": 10}, "19950101", "11359 HS", "FELONY"),
        "BEAR_CRIME_FREE": ({"years_crime_free": 10}, "19950101", "11359 HS-SALE", "FELONY"),
        "BEAR_ONLY_PROP64": ({"only_prop64": True}, "19950101", "11359 HS-SALE", "FELONY"),
        "BEAR_DECEASED": ({"deceased": True}, "19950101", "11359 HS-SALE", "FELONY"),
        "BEAR_REDUCE_SECTION": ({}, "19950101", "11359 HS-SALE", "FELONY"),
    }
    relief, dob, offense, level = bear_cases[rule]
    p = person(dob=dob)
    when = "20130101" if rule in ("BEAR_UNDER_21",) else "20120101"
    p.conviction(offense, when, level=level, toc=level[0])
    if rule == "BEAR_DECEASED":
        p.step("DECEASED", "20200101")
    return p, bear(**relief)


@pytest.mark.parametrize("rule", [r.id for r in RULES])
def test_every_rule_can_decide(rule: str) -> None:
    subject, policy = case(rule)
    det = evaluate_rows(rows_frame([subject]), county="SACRAMENTO", policy=policy,
                        as_of=AS_OF).determinations
    decided = dict(zip(det["rule_id"], det["determination"], strict=True))
    assert rule in decided, f"{rule}: got {decided}"
    spec = next(r for r in RULES if r.id == rule)
    assert decided[rule] == spec.determination
