"""A rule's reason and statute written out for each conviction: the policy's numbers, the
floor's words and the conviction's own values in the rule's placeholders
(app.eligibility.rules). Each distinct combination of REASON_KEYS is written out once."""

from datetime import date

import polars as pl

from app.eligibility.deadlines import challenge_window_closed
from app.eligibility.floor import BAND_WORDS, RELIEF_WORDS, relief_rank
from app.eligibility.policy import Policy
from app.eligibility.rules import GROUND_PRIOR, GROUND_TWO_PRIORS, RULES_BY_ID
from app.eligibility.sections import RELATED_PREFIXES


def templates(policy: Policy, as_of: date, field: str) -> dict[str, str]:
    """Each rule's reason (or statute) text with the policy's number in it; past the
    challenge deadline a ground's reason says what that means (app.eligibility.deadlines)."""
    a = policy.additional
    numbers = {
        "AGE_AT_LEAST": a.age_at_least, "BEAR_AGE": a.age_at_least,
        "YEARS_SINCE_CONVICTION": a.years_since_conviction,
        "BEAR_YEARS_SINCE": a.years_since_conviction,
        "YEARS_CRIME_FREE": a.years_crime_free, "BEAR_CRIME_FREE": a.years_crime_free,
        "YEARS_FELONY_FREE": a.years_felony_free,
    }  # fmt: skip
    closed = challenge_window_closed(as_of)
    texts = {}
    for rule_id, rule in RULES_BY_ID.items():
        text = getattr(rule, field).replace("{n}", str(numbers.get(rule_id, "")))
        if field == "reason" and closed and rule.reason_closed:
            text = f"{text}. {rule.reason_closed}"
        texts[rule_id] = text
    return texts


def words(column: str, words: dict[str, str]) -> pl.Expr:
    return pl.col(column).replace_strict(words, default="", return_dtype=pl.String)


# What a reason or statute is made of (`filled`, `related_reason`): each distinct
# combination is written out once.
REASON_KEYS = (
    "rule_id", "reason_section", "shown_section", "band", "floor_relief",
    "floor_best_relief", "floor_statute", "floor_fact", "floor_best_statute",
    "later_relief_text", "related_prefix",
)  # fmt: skip


def related_reason() -> list[pl.Expr]:
    """BEAR's reason kept apart (`bear_reason`); a related offense's reason names how it is
    related."""
    by_rule = pl.col("rule_id")
    return [
        pl.when(by_rule.str.starts_with("BEAR_")).then(pl.col("reason"))
        .otherwise(pl.lit(None, pl.String)).alias("bear_reason"),
        pl.when(by_rule == "RELATED_OFFENCE")
        .then(pl.format("{} ({})", pl.col("reason"),
                        pl.col("related_prefix").replace_strict(
                            RELATED_PREFIXES, default="same arrest cycle as a Prop 64 conviction")))
        .otherwise(pl.col("reason"))
        .alias("reason"),
    ]


def filled(template: pl.Expr) -> pl.Expr:
    """A reason or statute template with this conviction's values in its placeholders."""
    section = pl.col("shown_section")
    more = pl.when(relief_rank(pl.col("floor_best_relief")) > relief_rank(pl.col("floor_relief")))
    values = {
        "{section}": pl.col("reason_section"),
        "{band}": words("band", BAND_WORDS),
        "{relief}": words("floor_relief", RELIEF_WORDS),
        "{today}": pl.col("floor_statute").fill_null("the statute"),
        "{fact}": pl.col("floor_fact").fill_null(""),
        "{best_relief}": words("floor_best_relief", RELIEF_WORDS),
        "{best_statute}": pl.col("floor_best_statute").fill_null(""),
        "{more}": more.then(pl.format(". If {}: {} ({}); check the case file",
                                      pl.col("floor_fact"),
                                      words("floor_best_relief", RELIEF_WORDS),
                                      pl.col("floor_best_statute"))).otherwise(pl.lit("")),
        "{ground1}": section.replace_strict(GROUND_PRIOR, default="", return_dtype=pl.String),
        "{ground2}": section.replace_strict(GROUND_TWO_PRIORS, default="",
                                            return_dtype=pl.String),
        "{later}": pl.col("later_relief_text").fill_null("a later entry"),
    }
    for placeholder, value in values.items():
        template = template.str.replace(placeholder, value, literal=True)
    return template
