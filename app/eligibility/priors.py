"""Per conviction, the facts that can be a challenge ground and came before it."""

import polars as pl

from app.eligibility.frames import attach


def attach_priors(candidates: pl.LazyFrame, events: pl.LazyFrame) -> pl.LazyFrame:
    """Per candidate: the challenge-ground facts dated before it (People v. Smit)."""
    targets = candidates.select("subject_id", "CNT_ORDER", "event_date", "section_number")
    joined = targets.join(events, on="subject_id", suffix="_prior").filter(
        (pl.col("CNT_ORDER") != pl.col("CNT_ORDER_prior"))
        & (
            pl.col("event_date_prior").is_null()
            | pl.col("event_date").is_null()
            | (pl.col("event_date_prior") < pl.col("event_date"))
        )
        & ((pl.col("kind") != "repeat") | (pl.col("section_number_prior") ==
                                           pl.col("section_number")))
    )
    described = joined.with_columns(
        pl.format(
            "{} on {}",
            pl.col("code_section"),
            pl.col("event_date_prior").dt.to_string("%Y-%m-%d").fill_null("unknown date"),
        ).alias("text")
    )
    # Joins do not keep row order: sort so the facts read the same on every run.
    described = described.sort("subject_id", "CNT_ORDER", "kind", "event_date_prior",
                               "code_section", nulls_last=True)
    grouped = described.group_by("subject_id", "CNT_ORDER", "kind", maintain_order=True).agg(
        pl.col("text").unique(maintain_order=True).str.join("; "), pl.len().alias("count")
    )
    wide = grouped.collect().pivot(
        on="kind", index=["subject_id", "CNT_ORDER"], values=["text", "count"]
    )
    for kind in ("super_strike", "pc290", "registration", "repeat"):
        for value in ("text", "count"):
            name = f"{value}_{kind}"
            if name not in wide.columns:
                wide = wide.with_columns(
                    pl.lit(None, dtype=pl.String if value == "text" else pl.UInt32).alias(name)
                )
    return attach(candidates.collect(), wide, ["subject_id", "CNT_ORDER"]).lazy()
