"""Determinations frames shaped exactly like docs/CONTRACTS.md, for triage and grid tests.

Deterministic by seed and vectorised in polars, so the same builder serves a 20-row test
and a million-row benchmark.
"""

from datetime import date

import polars as pl

LAST = ["GARCIA", "SMITH", "NGUYEN", "JOHNSON", "LOPEZ", "KIM", "BROWN", "PATEL", "DAVIS"]
FIRST = ["MARIA", "JAMES", "LINH", "ROBERT", "ANA", "DAVID", "MICHAEL", "PRIYA", "JOSE"]
SECTIONS = ["11357", "11358", "11359", "11360"]
CODE_SECTIONS = ["11357(A) HS", "11358 HS", "11359 HS", "11360(A) HS"]
LEVELS = ["felony", "felony", "misdemeanor", "infraction"]
DETERMINATIONS = ["dismiss", "dismiss", "reduce", "review", "not_eligible"]
RULES = [
    "DISMISS_SECTION",
    "DISMISS_SECTION",
    "REDUCE_SECTION",
    "REVIEW_SUPER_STRIKE",
    "AFTER_CUTOFF",
]
REASONS = [
    "Possession is now legal: dismiss and seal",
    "Possession is now legal: dismiss and seal",
    "Now a misdemeanor: redesignate",
    "Prior super strike: the DA decides",
    "Convicted after 2016-11-09",
]
FLAGS = ["", "", "", "unknown_conviction_date", "padded_value", "comment_only_charge; padded_value"]
COUNTIES = ["SACRAMENTO", "SACRAMENTO", "SACRAMENTO", "YOLO", "PLACER"]


def _pick(values: list[str], seed: int, salt: int) -> pl.Expr:
    """A deterministic pseudo-random choice from `values` for every row."""
    index = pl.int_range(pl.len(), dtype=pl.UInt64).hash(seed * 1000 + salt) % len(values)
    return pl.lit(pl.Series(values)).gather(index)


def determinations_frame(rows: int, *, seed: int = 1) -> pl.DataFrame:
    i = pl.int_range(pl.len(), dtype=pl.Int64)
    person = i // 2  # two convictions per person
    rand = pl.int_range(pl.len(), dtype=pl.UInt64).hash(seed)
    det = (rand % len(DETERMINATIONS)).cast(pl.Int64)
    sec = ((rand // 7) % 4).cast(pl.Int64)
    dob = pl.lit(date(1950, 1, 1)) + pl.duration(days=(rand // 11) % 15000)
    conviction = dob + pl.duration(days=6600 + (rand // 13) % 9000)
    flags = _pick(FLAGS, seed, 5)
    frame = (
        pl.DataFrame({"n": pl.Series([0] * rows, dtype=pl.Int8)})
        .select(
            pl.format("S{}", person.cast(pl.String).str.zfill(8)).alias("subject_id"),
            pl.format(
                "{}001{}000",
                (i % 7 + 1).cast(pl.String).str.zfill(3),
                (i % 3 + 1).cast(pl.String).str.zfill(3),
            ).alias("cnt_order"),
            pl.format("{},{}", _pick(LAST, seed, 1), _pick(FIRST, seed, 2)).alias("name"),
            dob.cast(pl.Date).alias("dob"),
            pl.format("A{}", ((person * 7919) % 100_000_000).cast(pl.String).str.zfill(8)).alias(
                "cii_number"
            ),
            pl.format(
                "{}CR{}",
                (i % 9 + 10).cast(pl.String),
                ((i * 31) % 999_999).cast(pl.String).str.zfill(6),
            ).alias("case_number"),
            pl.lit("SACRAMENTO SUPERIOR COURT").alias("court"),
            pl.lit(pl.Series(CODE_SECTIONS)).gather(sec).alias("code_section"),
            pl.lit(pl.Series(SECTIONS)).gather(sec).alias("section"),
            pl.lit("POSSESS MARIJUANA").alias("offense"),
            _pick(LEVELS, seed, 3).alias("level"),
            pl.when(flags.str.contains("unknown_conviction_date"))
            .then(None)
            .otherwise(conviction)
            .cast(pl.Date)
            .alias("conviction_date"),
            _pick(COUNTIES, seed, 4).alias("county"),
            pl.lit(pl.Series(DETERMINATIONS)).gather(det).alias("determination"),
            pl.lit(pl.Series(RULES)).gather(det).alias("rule_id"),
            pl.lit(pl.Series(REASONS)).gather(det).alias("reason"),
            pl.lit("HS 11361.8").alias("statute"),
            pl.lit(None, dtype=pl.String).alias("bear_reason"),
            flags.alias("flags"),
            conviction.cast(pl.Date).alias("sentence_end"),
            pl.lit(False).alias("currently_serving"),
            pl.lit("WHITE").alias("race"),
        )
        .with_columns(
            (pl.col("subject_id") + pl.col("cnt_order").str.slice(0, 6)).alias("case_key"),
            pl.lit(0, dtype=pl.Int64).alias("case_other_convictions"),
            pl.lit("").alias("facts"),
        )
    )
    return frame
