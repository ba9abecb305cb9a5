"""Every rule and flag in the clerk's words: a short title per rule, no column names or ids
in what a user reads, US spelling, and county discretion named as such in the title."""

import re

import pytest

from app.eligibility.flags import FLAG_TABLE
from app.eligibility.rules import RULES, Rule

UPPER_SNAKE = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")  # an id or a DOJ column name
BRITISH = re.compile(r"offence|licence|judgement|recognis|favour|colour|cancelled", re.I)


def readable(text: str) -> list[str]:
    """What is wrong with a text a clerk reads ([] when nothing)."""
    problems = [f"id or column name {m!r}" for m in UPPER_SNAKE.findall(text)]
    return problems + [f"British spelling {m!r}" for m in BRITISH.findall(text)]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_has_a_short_plain_title(rule: Rule) -> None:
    assert rule.title.strip() == rule.title and rule.title, rule.id
    assert len(rule.title) <= 60, rule.title
    assert rule.title[0].isupper() and not rule.title.endswith(".")
    for text in (rule.title, rule.reason, rule.description):
        assert readable(text) == [], (rule.id, text)


def test_titles_tell_the_rules_apart() -> None:
    titles = [rule.title for rule in RULES]
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_a_county_choice_says_so_in_its_title(rule: Rule) -> None:
    # County discretion is labelled as such wherever the rule is named (charts, grid).
    chosen = rule.statute.startswith("County policy")
    assert rule.title.startswith("County policy: ") == chosen, rule.id
    assert rule.title.startswith("BEAR: ") == (rule.procedure == "bear" and
                                                rule.id.startswith("BEAR_"))


def test_every_flag_reads_plainly() -> None:
    for flag in FLAG_TABLE:
        assert readable(flag.text) == [], (flag.id, flag.text)
        assert flag.text.endswith(".") and flag.text[0].isupper(), flag.id
        assert ";" not in flag.text, flag.id  # the grid's Flags cell joins them with "; "
