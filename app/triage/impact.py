"""The impact figures after staff decisions: the engine's own impact_summary, run over the
determinations with each staff decision in place of the engine's (one set of numbers for the
Impact tab, the triage counts and the papers). Qt-free."""

from dataclasses import replace
from typing import Final

import polars as pl

from app.eligibility.impact import impact_summary
from app.eligibility.rules import RULES
from app.eligibility.summary import DecidedSummary, ImpactSummary

# Where staff changed a determination, the engine's rule and reason no longer explain it.
STAFF_RULE: Final = "STAFF_DECISION"
STAFF_REASON: Final = "Changed by a staff decision"


def effective(determinations: pl.DataFrame) -> pl.Expr:
    """The staff decision where there is one, else the engine's determination."""
    if "final_determination" in determinations.columns:
        return pl.coalesce(pl.col("final_determination"), pl.col("determination"))
    return pl.col("determination")


def determination_counts(determinations: pl.DataFrame) -> dict[str, int]:
    """Convictions per decided determination, whatever values the determinations hold (a
    staff challenge, or any determination the engine may add), most first."""
    counted = (
        determinations.select(effective(determinations).alias("d"))
        .group_by("d").len().sort(["len", "d"], descending=[True, False])
    )
    return {str(d): int(n) for d, n in counted.iter_rows() if d is not None}


def decided_summary(
    engine: ImpactSummary, decided: pl.DataFrame, convictions: pl.DataFrame
) -> DecidedSummary:
    """The summary's figures counted after staff decisions, beside the engine's original.
    `decided`: determinations with the decision columns (app.review.apply_decisions);
    `convictions`: every conviction of the run (the people figures look at a person's other
    convictions too)."""
    changed = (
        (pl.col("final_determination") != pl.col("determination")).fill_null(False)
        if "final_determination" in decided.columns else pl.lit(False)
    )
    after = impact_summary(
        decided.with_columns(
            effective(decided).alias("determination"),
            pl.when(changed).then(pl.lit(STAFF_RULE)).otherwise(pl.col("rule_id"))
            .alias("rule_id"),
            pl.when(changed).then(pl.lit(STAFF_REASON)).otherwise(pl.col("reason"))
            .alias("reason"),
        ),
        convictions,
        as_of=engine.as_of,
        county=engine.county,
        policy_id=engine.policy.id,
        policy_name=engine.policy.name,
        sources=list(engine.sources),
    )
    # Decisions change neither the DOJ file's date nor the counts the engine does not evaluate.
    after = replace(after, determinations=determination_counts(decided),
                    doj_file_date=engine.doj_file_date,
                    juvenile_not_evaluated=engine.juvenile_not_evaluated)
    return DecidedSummary(decided=after, engine=engine)


def rule_names() -> dict[str, str]:
    """Each rule id's title (app.eligibility.rules): a few words that fit every conviction the
    rule decided, unlike one conviction's reason, which names its own section and age."""
    return {**{rule.id: rule.title for rule in RULES}, STAFF_RULE: STAFF_REASON}
