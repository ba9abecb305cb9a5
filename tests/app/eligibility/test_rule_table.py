"""The rule table is the rule chain: every rule names a condition the engine builds and a
switch a policy can set, and each procedure's order is the table's."""

from datetime import date

import pytest

from app.eligibility.engine import _conditions, _policy_chain
from app.eligibility.policy import BUILTIN_POLICIES, builtin_policy
from app.eligibility.rules import RULES, chain


@pytest.mark.parametrize("name", BUILTIN_POLICIES)
def test_every_rule_names_a_condition_and_a_known_switch(name: str) -> None:
    policy = builtin_policy(name)
    conditions = _conditions(policy, date(2024, 1, 1))
    for rule in RULES:
        assert rule.condition in conditions, rule.id
        if rule.switch is not None:
            policy.switched_on(rule.switch)  # raises on an unknown switch


def test_bear_chain_is_gogens_procedure_in_order() -> None:
    steps = [r.id for r in _policy_chain(builtin_policy("bear_default"))]
    assert steps == ["UNKNOWN_CONVICTION_DATE", "RELATED_OFFENCE", "BEAR_MISDEMEANOR",
                     "BEAR_DISMISS_SECTION", "BEAR_UNDER_21", "BEAR_AGE", "BEAR_YEARS_SINCE",
                     "BEAR_ONLY_PROP64", "BEAR_DECEASED", "BEAR_REDUCE_SECTION",
                     "NO_RULE_APPLIES"]


def test_statutory_chain_has_no_county_rule_and_ends_with_the_floor() -> None:
    steps = [r.id for r in _policy_chain(builtin_policy("statutory"))]
    assert "MISDEMEANOR_OR_INFRACTION" not in steps
    assert not any(r.statute.startswith("County policy") for r in RULES if r.id in steps)
    assert steps[-4:] == ["MISDEMEANOR_TO_INFRACTION", "FACT_NOT_IN_FILE", "SAME_OFFENSE_TODAY",
                          "NO_RULE_APPLIES"]
    grounds = [s for s in steps if s.startswith("CHALLENGE_")]
    assert len(grounds) == 6


def test_a_switched_off_ground_leaves_the_chain() -> None:
    everything = [r.id for r in chain("statutory", lambda switch: True)]
    without = [r.id for r in chain("statutory", lambda switch: switch != "ground:prior_pc290")]
    assert set(everything) - set(without) == {"CHALLENGE_PRIOR_PC290"}
