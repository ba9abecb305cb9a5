"""What the court is asked to grant, derived once from the determinations frame.

CONTRACTS.md: exports use `final_determination` (after staff decisions) when present, else
`determination`. Granted = final dismiss or reduce. Relief: dismiss -> "Dismiss and seal";
reduce -> "Redesignate", or "Recall and resentence" when the person is currently serving.
"""

from dataclasses import dataclass
from typing import Final

import polars as pl

from app.counties import title_case

FINAL: Final = "final"
RELIEF_DISMISS: Final = "Dismiss and seal"
RELIEF_REDESIGNATE: Final = "Redesignate"
RELIEF_RESENTENCE: Final = "Recall and resentence"
# The row order of the exhibit and of the challenged list.
DOCUMENT_ORDER: Final = ("name", "subject_id", "conviction_date", "cnt_order")


def with_final(determinations: pl.DataFrame) -> pl.DataFrame:
    """Add `final`: the staff decision where one was applied, else the engine's determination."""
    if "final_determination" in determinations.columns:
        final = pl.coalesce(pl.col("final_determination"), pl.col("determination"))
    else:
        final = pl.col("determination")
    return determinations.with_columns(final.alias(FINAL))


def _case_all_dismissed(frame: pl.DataFrame) -> pl.DataFrame:
    """Per court case: every evaluated conviction dismissed and no other conviction in it."""
    return frame.group_by("case_key").agg(
        (
            (pl.col(FINAL) == "dismiss").all()
            & (pl.col("case_other_convictions").fill_null(0).max() == 0)
        ).alias("case_all_dismissed")
    )


def engine_basis() -> pl.Expr:
    """The engine's reason with its statute: `reason (statute)`, or the reason alone."""
    return (
        pl.when(pl.col("statute").fill_null("").str.strip_chars() != "")
        .then(pl.format("{} ({})", pl.col("reason").fill_null(""), pl.col("statute")))
        .otherwise(pl.col("reason").fill_null(""))
    )


def granted_convictions(determinations: pl.DataFrame) -> pl.DataFrame:
    """One row per granted conviction, in Exhibit 1 order, with `relief`, `basis` and
    `case_all_dismissed` added."""
    frame = with_final(determinations)
    cases = _case_all_dismissed(frame)
    basis = engine_basis()
    if {"status", "decision_reason"} <= set(frame.columns):
        # A staff change replaces the engine's reason: the decision is the basis now.
        basis = (
            pl.when(
                (pl.col("status") == "changed")
                & (pl.col("decision_reason").fill_null("").str.strip_chars() != "")
            )
            .then(pl.format("Staff decision: {}", pl.col("decision_reason")))
            .otherwise(basis)
        )
    relief = (
        pl.when(pl.col(FINAL) == "dismiss")
        .then(pl.lit(RELIEF_DISMISS))
        .when(pl.col("currently_serving").fill_null(False))
        .then(pl.lit(RELIEF_RESENTENCE))
        .otherwise(pl.lit(RELIEF_REDESIGNATE))
    )
    return (
        frame.filter(pl.col(FINAL).is_in(["dismiss", "reduce"]))
        .join(cases, on="case_key", how="left", maintain_order="left")
        .with_columns(relief.alias("relief"), basis.alias("basis"))
        .sort(DOCUMENT_ORDER, nulls_last=True)
    )


@dataclass(frozen=True)
class ReliefCounts:
    """The figures the motion and order recite."""

    convictions_evaluated: int
    granted: int
    dismiss: int
    redesignate: int
    resentence: int
    people: int
    cases_all_dismissed: int
    challenged: int
    pending_review: int
    not_eligible: int


def relief_counts(determinations: pl.DataFrame) -> ReliefCounts:
    frame = with_final(determinations)
    granted = granted_convictions(determinations)
    finals = frame.get_column(FINAL)
    relief = granted.get_column("relief")
    sealed_cases = granted.filter(pl.col("case_all_dismissed")).get_column("case_key").n_unique()
    return ReliefCounts(
        convictions_evaluated=frame.height,
        granted=granted.height,
        dismiss=int((relief == RELIEF_DISMISS).sum()),
        redesignate=int((relief == RELIEF_REDESIGNATE).sum()),
        resentence=int((relief == RELIEF_RESENTENCE).sum()),
        people=granted.get_column("subject_id").n_unique(),
        cases_all_dismissed=sealed_cases,
        challenged=int((finals == "challenge").sum()),
        pending_review=int((finals == "review").sum()),
        not_eligible=int((finals == "not_eligible").sum()),
    )


def challenged_or_pending(determinations: pl.DataFrame) -> pl.DataFrame:
    """Final challenges and unresolved reviews, in name order, with a `status_text`."""
    frame = with_final(determinations)
    status = (
        pl.when(pl.col(FINAL) == "challenge")
        .then(pl.lit("Challenged"))
        .otherwise(pl.lit("Pending review"))
    )
    return (
        frame.filter(pl.col(FINAL).is_in(["challenge", "review"]))
        .with_columns(status.alias("status_text"))
        .sort(DOCUMENT_ORDER, nulls_last=True)
    )


def superior_court(county: str) -> str:
    """The court named in the workbooks' print headers."""
    return f"Superior Court, County of {title_case(county)}" if county else "Superior Court"


def display_name(raw: str | None) -> str:
    """`DOE,JANE Q` -> `DOE, JANE Q` (last, first) for the documents."""
    if not raw:
        return ""
    last, _, first = raw.partition(",")
    return f"{last.strip()}, {first.strip()}" if first.strip() else last.strip()
