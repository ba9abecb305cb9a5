"""Every shipped policy and rule is complete; bad policy files get a clear error."""

import json
from pathlib import Path

import pytest

from app.eligibility.policy import BUILTIN_POLICIES, builtin_policy, load_bear_options, load_policy
from app.eligibility.rules import RULES, RULES_BY_ID
from app.errors import InputError
from app.paths import RESOURCES


def test_rules_have_unique_ids_descriptions_statutes_and_missing_data() -> None:
    assert len(RULES_BY_ID) == len(RULES)
    for rule in RULES:
        assert rule.id.isupper() and " " not in rule.id
        assert rule.description and rule.statute and rule.missing_data and rule.reason


def test_every_shipped_policy_loads_and_names_itself() -> None:
    files = sorted((RESOURCES / "policies").glob("*.toml"))
    assert {f.stem for f in files} == set(BUILTIN_POLICIES)
    for name in BUILTIN_POLICIES:
        policy = builtin_policy(name)
        assert policy.id == name and policy.name and policy.description


def test_engine_only_uses_registered_rules() -> None:
    source = (Path(__file__).resolve().parents[3] / "app" / "eligibility" / "engine.py").read_text()
    import re

    from app.doj.schema import COLUMNS

    used = set(re.findall(r'"([A-Z][A-Z0-9_]{5,})"', source)) - set(COLUMNS)
    assert used, "the pattern should find the rule ids the engine names"
    assert used <= set(RULES_BY_ID), used - set(RULES_BY_ID)


@pytest.mark.parametrize(
    ("text", "words", "line"),
    [
        ("procedure = 'magic'", ["procedure", "'statutory'"], 1),
        ("[additional_relief]\nage_at_least = 30", ["additional_relief.age_at_least", "40 to 65"],
         2),
        ("[additional_relief]\nyears_crime_free = 16", ["years_crime_free", "1 to 15"], 2),
        ("[felony]\ndismiss = ['11357.5']", ["felony.dismiss", "11357"], 2),
        ("[challenges]\nprior_super_strike = 'maybe'", ["challenges.prior_super_strike"], 2),
        ("colour = 'red'", ["unknown key colour"], 1),
        ("this is not toml", ["not a valid TOML"], 1),
        # The line is the key's own, in its own table, after comments and other tables.
        ("# county policy\n[felony]\nreduce = ['11359']\n\n[challenges]  # grounds\n"
         "prior_pc290 = 'review'\n[scope]\nafter_cutoff = 'later'", ["scope.after_cutoff"], 8),
        ("[felony]\ndismiss = ['11357']\nreduce = ['11357']", ["one list only"], 3),
        ("felony.reduce = ['11362']", ["felony.reduce"], 1),
        ("felony = 3", ["felony must be a table"], 1),
        ("[scope]\n\nrelated = ['cousins']", ["scope.related"], 3),
        ("id = 'x'\nname = 'y'\n\n[felony]\ndismiss = []\nreduce = ]\n", ["not a valid TOML"], 6),
    ],
)
def test_bad_policy_file_names_key_line_and_allowed_values(
    tmp_path: Path, text: str, words: list[str], line: int
) -> None:
    path = tmp_path / "county.toml"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        load_policy(path)
    for word in words:
        assert word in caught.value.render()
    assert caught.value.line == line


@pytest.mark.parametrize(
    ("content", "words", "line"),
    [
        ("{not json", ["not valid JSON"], 1),
        (json.dumps({"baselineEligibility": {"dismiss": ["11357.5"]}}), ["unknown section"], 1),
        # A number where BEAR writes text: the message shows the difference.
        (json.dumps({"baselineEligibility": {"dismiss": [11357]}}),
         ['unknown section 11357; allowed values are "11357", "11358"'], 1),
        (json.dumps({"additionalRelief": {"subjectAgeThreshold": -3}}), ["subjectAgeThreshold"],
         1),
        # BEAR itself refused these: ages 40-65, years 1-15 (0 = off).
        (json.dumps({"additionalRelief": {"subjectAgeThreshold": 39}}), ["40 to 65"], 1),
        (json.dumps({"additionalRelief": {"subjectAgeThreshold": 66}}), ["40 to 65"], 1),
        (json.dumps({"additionalRelief": {"yearsSinceConvictionThreshold": 16}}), ["1 to 15"], 1),
        (json.dumps({"additionalRelief": {"yearsCrimeFreeThreshold": 20}}), ["1 to 15"], 1),
        (json.dumps({"additionalRelief": {"subjectIsDeceased": "yes"}}), ["true, false"], 1),
        (json.dumps([1, 2]), ["JSON object"], None),
        # As BEAR exports them, one key a line: the line is the key's own, whatever its case.
        (json.dumps({"baselineEligibility": {"dismiss": ["11357"], "reduce": ["11360"]},
                     "additionalRelief": {"subjectUnder21AtConviction": True,
                                          "SubjectAgeThreshold": 70}}, indent=2),
         ["additionalRelief.subjectAgeThreshold"], 12),
        (json.dumps({"baselineEligibility": {"dismiss": ["11357"], "reduce": ["11357"]}},
                    indent=2), ["in both dismiss and reduce"], 6),
        (json.dumps({"additionalRelief": {"subjectIsTall": True}}, indent=1),
         ["unknown key additionalRelief.subjectIsTall"], 3),
    ],
)
def test_bad_bear_options(tmp_path: Path, content: str, words: list[str], line: int | None
                          ) -> None:
    path = tmp_path / "options.json"
    path.write_text(content)
    with pytest.raises(InputError) as caught:
        load_bear_options(path)
    for word in words:
        assert word in caught.value.render()
    assert caught.value.line == line


def test_bear_options_from_text_equals_the_file(tmp_path: Path) -> None:
    from app.eligibility.policy import bear_options_from_text

    text = json.dumps({"baselineEligibility": {"dismiss": ["11357"], "reduce": ["11360"]},
                       "additionalRelief": {"subjectAgeThreshold": 50}})
    path = tmp_path / "opts.json"
    path.write_text(text)
    from_file, from_text = load_bear_options(path), bear_options_from_text(text, "saved")
    assert from_file.felony_dismiss == from_text.felony_dismiss == ("11357",)
    assert from_file.additional == from_text.additional
    with pytest.raises(InputError):
        bear_options_from_text("{", "workspace (BEAR options)")


def test_bear_options_keys_match_whatever_their_case_as_in_bear(tmp_path: Path) -> None:
    # BEAR read its options with Go's JSON decoder, which ignores the case of keys.
    exact = {"baselineEligibility": {"dismiss": ["11357"], "reduce": ["11359"]},
             "additionalRelief": {"subjectAgeThreshold": 50, "subjectIsDeceased": True}}
    other = {"BaselineEligibility": {"Dismiss": ["11357"], "REDUCE": ["11359"]},
             "additionalrelief": {"SubjectAgeThreshold": 50, "subjectisdeceased": True}}
    policies = []
    for name, content in (("exact", exact), ("other", other)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(content))
        policies.append(load_bear_options(path))
    first, second = policies
    assert first.felony_dismiss == second.felony_dismiss == ("11357",)
    assert first.felony_reduce == second.felony_reduce == ("11359",)
    assert first.additional == second.additional
    assert second.additional.age_at_least == 50 and second.additional.deceased
    path = tmp_path / "unknown.json"
    path.write_text(json.dumps({"additionalRelief": {"subjectIsTall": True}}))
    with pytest.raises(InputError, match=r"unknown key additionalRelief\.subjectIsTall"):
        load_bear_options(path)
