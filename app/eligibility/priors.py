"""Per conviction, the convictions and registrations that can be a ground to challenge it.

Four kinds (HS 11358(d), 11359(c), 11360(a)(3)): `super_strike` (PC 667(e)(2)(C)(iv)),
`pc290` (an offense requiring registration under PC 290(c)), `registration` (a PC 290
registration step without the registrable conviction behind it in the file) and `repeat`
(a conviction under the same section number, 11358, 11359 or 11360).

"Prior" is measured against the offense date, never the conviction date, and a conviction
in the same case is never a prior (People v. Smit (2018) 24 Cal.App.5th 596):
- `count_<kind>` / `text_<kind>`: dated strictly before this conviction's offense date, in
  another case;
- `count_<kind>_between` / `text_<kind>_between`: what a person must decide: dated after the
  offense but on or before this conviction's date, or undated; a juvenile adjudication
  before the offense (not a prior conviction: People v. Zamora, on Prop 47's same words),
  named as such; and a registration dated after the offense (the conviction behind it may
  be older: registrants register again every year).
"""

import polars as pl

from app.eligibility.dates import doj_date
from app.eligibility.registrations import registration_rows
from app.eligibility.rows import trimmed, with_case_key
from app.eligibility.sections import (
    GANG_COMBINED_RE,
    GANG_ENHANCEMENT_RE,
    REPEAT_EXCLUDED,
    REPEAT_NUMBERS,
)
from app.sections import code_section

PRIOR_KINDS = ("super_strike", "pc290", "registration", "repeat")
_EVENT_COLUMNS = ("subject_id", "kind", "CNT_ORDER", "case_key", "event_date", "code_section",
                  "section_number", "juvenile")  # fmt: skip


def _events(frame: pl.LazyFrame, kind: str) -> pl.LazyFrame:
    return frame.with_columns(pl.lit(kind).alias("kind")).select(_EVENT_COLUMNS)


def _described(events: pl.LazyFrame) -> pl.LazyFrame:
    """Each event's `text`, written once here rather than once per conviction it is a
    prior of: `187 PC on 1990-03-01`, `juvenile adjudication 187 PC on unknown date`."""
    return events.with_columns(pl.format(
        "{}{} on {}",
        pl.when(pl.col("juvenile")).then(pl.lit("juvenile adjudication ")).otherwise(pl.lit("")),
        pl.col("code_section"),
        pl.col("event_date").dt.to_string("%Y-%m-%d").fill_null("unknown date"),
    ).alias("text"))


def build_prior_events(prepared: pl.LazyFrame, convictions: pl.LazyFrame) -> pl.LazyFrame:
    """Facts that can be a challenge ground, one row each: kind, date, subject, case, the
    section and its `text`.

    Small by nature (super strikes, PC 290, registrations, same-section cannabis
    convictions), so joining them to the evaluated convictions stays cheap at any size.
    """
    base = convictions.select(
        "subject_id", "CNT_ORDER", "case_key", "event_date", "code_section", "section_key",
        "section_number", "section_subs", "is_super_strike", "is_pc290", "is_prop64",
        "juvenile",
    )
    # PC 667(e)(2)(C)(iv): a gang enhancement 186.22(b)(4) makes some offenses of the same
    # case super strikes; either alone is not one.
    gang_cases = base.filter(pl.col("section_key").str.contains(GANG_ENHANCEMENT_RE)).select(
        "case_key"
    ).unique()
    gang_combined = base.join(gang_cases, on="case_key", how="semi").filter(
        pl.col("section_key").str.contains(GANG_COMBINED_RE) & ~pl.col("is_super_strike")
    ).with_columns(
        pl.concat_str([pl.col("code_section"), pl.lit(" with 186.22(B)(4) PC")])
        .alias("code_section")
    )
    super_strikes = pl.concat([base.filter(pl.col("is_super_strike")), gang_combined])
    repeat = base.filter(
        pl.col("is_prop64")
        & pl.col("section_number").is_in(REPEAT_NUMBERS)
        & ~((pl.col("section_number") == REPEAT_EXCLUDED[0])
            & pl.col("section_subs").str.starts_with(REPEAT_EXCLUDED[1]))
    )
    return _described(pl.concat([
        _events(super_strikes, "super_strike"),
        _events(base.filter(pl.col("is_pc290")), "pc290"),
        _events(_unexplained_registrations(prepared, base), "registration"),
        _events(repeat, "repeat"),
    ], how="vertical"))


def _unexplained_registrations(prepared: pl.LazyFrame, base: pl.LazyFrame) -> pl.LazyFrame:
    """PC 290 registration steps with no registrable conviction in the file dated on or
    before them (or undated): registration without the conviction behind it. (A
    discretionary registration under PC 290.006 is not an offense "requiring registration"
    under 290(c): only a person can tell the two apart.)"""
    # Every one is a PC 290 registration (registration_rows): only its text is needed.
    registrations = (
        with_case_key(registration_rows(prepared))
        .with_columns(*trimmed("STP_EVENT_DATE", "OFFENSE_DESCR"))
        .with_columns(doj_date(pl.col("STP_EVENT_DATE")).alias("event_date"),
                      code_section(pl.col("OFFENSE_DESCR")).alias("code_section"),
                      pl.lit("290").alias("section_number"),
                      pl.lit(False).alias("juvenile"))
    )
    convictions = base.filter(pl.col("is_pc290")).select(
        "subject_id", pl.col("event_date").alias("_conviction_date")
    )
    behind = registrations.join(convictions, on="subject_id").filter(
        pl.col("_conviction_date").is_null()
        | pl.col("event_date").is_null()
        | (pl.col("_conviction_date") <= pl.col("event_date"))
    ).select("subject_id", "CNT_ORDER").unique()
    return registrations.join(behind, on=["subject_id", "CNT_ORDER"], how="anti")


def attach_priors(candidates: pl.LazyFrame, events: pl.LazyFrame) -> pl.LazyFrame:
    """Per candidate: `count_<kind>`, `text_<kind>`, `count_<kind>_between` and
    `text_<kind>_between` for each of PRIOR_KINDS (counts 0 and texts null for none)."""
    frame = candidates.collect()
    # Each candidate's facts are keyed by its row number: set beside the frame by an integer
    # join, where a join on the two text keys cost more than finding the facts.
    targets = frame.lazy().with_row_index("_cand").select(
        "_cand", "subject_id", "CNT_ORDER", "case_key", "offense_date", "event_date",
        "section_number")
    offense, convicted = pl.col("offense_date"), pl.col("event_date")
    when = pl.col("event_date_prior")
    # Same-section convictions are many (every 11358-11360 conviction of a person): joined
    # on the section number too, and only where the person has another under it (a
    # conviction is never its own prior).
    repeat = pl.col("kind") == "repeat"
    others = pl.len().over("subject_id", "section_number") > 1
    joined = pl.concat([
        targets.join(events.filter(~repeat), on="subject_id", suffix="_prior"),
        targets.join(events.filter(repeat & others)
                     .with_columns(pl.col("section_number").alias("_n")),
                     left_on=["subject_id", "section_number"], right_on=["subject_id", "_n"],
                     suffix="_prior"),
    ], how="diagonal").filter(
        (pl.col("case_key") != pl.col("case_key_prior"))
        & (pl.col("CNT_ORDER") != pl.col("CNT_ORDER_prior"))
    )
    before = (when < offense).fill_null(False)
    after_conviction = (when > convicted).fill_null(False) & (pl.col("kind") != "registration")
    prior = before & ~pl.col("juvenile")
    described = (
        joined.filter(~after_conviction | before)
        .with_columns(
            pl.when(prior).then(pl.col("kind"))
            .otherwise(pl.concat_str([pl.col("kind"), pl.lit("_between")])).alias("bucket"),
        )
        # Joins do not keep row order: sorted so the facts read the same on every run.
        .sort("_cand", "bucket", "event_date_prior", "text", nulls_last=True)
    )
    grouped = described.group_by("_cand", "bucket", maintain_order=True).agg(
        pl.col("text").unique(maintain_order=True).str.join("; "), pl.len().alias("count")
    ).collect()
    wide = grouped.pivot(on="bucket", index="_cand", values=["text", "count"])
    columns = []
    for kind in PRIOR_KINDS:
        for bucket in (kind, f"{kind}_between"):
            for value, dtype in (("count", pl.UInt32), ("text", pl.String)):
                name = f"{value}_{bucket}"
                column = pl.col(name) if name in wide.columns else pl.lit(None, dtype)
                if value == "count":
                    column = column.cast(pl.UInt32).fill_null(0)
                columns.append(column.cast(dtype).alias(name))
    table = wide.select("_cand", *columns)
    every = pl.DataFrame({"_cand": pl.int_range(frame.height, dtype=pl.UInt32, eager=True)})
    facts = every.join(table, on="_cand", how="left", maintain_order="left").drop("_cand")
    zero = [pl.col(c).fill_null(0) for c in facts.columns if c.startswith("count_")]
    return frame.hstack(facts.with_columns(zero)).lazy()
