"""Determinations frames shaped like docs/CONTRACTS.md, of any size, built with polars."""

from datetime import date

import polars as pl

ENGINE = ("dismiss", "reduce", "review", "not_eligible")


def determinations(rows: int = 6, *, seed: int = 0) -> pl.DataFrame:
    index = pl.int_range(rows, eager=True).alias("i")
    frame = pl.DataFrame(index).with_columns(
        subject_id=pl.format("S{}", (pl.col("i") // 2 + seed).cast(pl.String).str.zfill(7)),
        cnt_order=pl.format("00100{}", (pl.col("i") % 2 + 1).cast(pl.String)),
        name=pl.format("DOE{},JANE Q", pl.col("i")),
        dob=pl.lit(date(1970, 1, 2)),
        cii_number=pl.format("A{}", pl.col("i")),
        case_number=pl.format("CASE-{}", pl.col("i") // 2),
        court=pl.lit("SACRAMENTO SUPERIOR COURT"),
        code_section=pl.lit("11357(A) HS"),
        section=pl.lit("11357"),
        offense=pl.lit("POSSESS MARIJUANA"),
        level=pl.when(pl.col("i") % 3 == 0).then(pl.lit("felony")).otherwise(pl.lit("misdemeanor")),
        conviction_date=pl.lit(date(2001, 5, 6)),
        county=pl.lit("SACRAMENTO"),
        determination=pl.lit(pl.Series(ENGINE)).gather(pl.col("i") % len(ENGINE)),
        rule_id=pl.lit("PROP64_MISDEMEANOR_DISMISS"),
        reason=pl.lit("Prop 64 misdemeanor: dismiss and seal"),
        statute=pl.lit("HS 11361.9"),
        bear_reason=pl.lit(None, dtype=pl.String),
        flags=pl.lit(""),
        sentence_end=pl.lit(date(2002, 5, 6)),
        currently_serving=pl.lit(False),
        race=pl.lit("WHITE"),
        case_key=pl.format("S{}-001", pl.col("i") // 2),
        case_other_convictions=pl.lit(0, dtype=pl.Int64),
        facts=pl.lit(""),
    )
    return frame.drop("i")


def keys_of(frame: pl.DataFrame, *rows: int) -> list[tuple[str, str]]:
    return [(frame["subject_id"][r], frame["cnt_order"][r]) for r in rows]
