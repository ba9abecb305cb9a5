"""From prepared DOJ rows to convictions: one row per (subject_id, CNT_ORDER).

A conviction is the first row of a count whose DISP_DESCR starts with CONVICTED; later rows
of the same count add sentence components. Each conviction carries its parsed section, its
level, its conviction date (`event_date`), its offense date and whether it is a juvenile
adjudication. All polars expressions; charge texts are parsed once per distinct text.
"""

import polars as pl

from app.eligibility.dates import doj_date
from app.eligibility.relief import with_later_relief
from app.eligibility.rows import padded, text, tidied, with_case_key
from app.eligibility.sections import (
    HOMICIDE_RE,
    PC290_RE,
    PROP64_NUMBERS,
    SUPER_STRIKE_RE,
    bear_sections,
)
from app.sections import charge_in_comment, charge_text, code_section, parse_section

_CONVICTION_TEXT = (
    "STP_EVENT_DATE", "STP_ORI_DESCR", "STP_ORI_CNTY_NAME", "OFFENSE_DESCR", "OFFENSE_TOC",
    "CONV_STAT_DESCR", "COMMENT_TEXT", "CYC_DATE",
)  # fmt: skip

# A juvenile adjudication (HS 11361.8(m)) is a count the juvenile court decided. The DOJ file
# shows the court, not the kind of proceeding: the step's agency is a juvenile court, named
# `CAJV <COUNTY>` (the juvenile court's ORI description: CA, then JV for juvenile where SC is
# the superior court) or with JUV/JUVENILE in its name, or the disposition itself says
# JUVENILE. The person's age alone does not decide it: a minor tried in adult court (WIC 707)
# has a conviction, and CYC_AGE is often blank.


def juvenile_court(agency: pl.Expr, disposition: pl.Expr) -> pl.Expr:
    """Whether a row is the juvenile court's: its agency (STP_ORI_DESCR) or its disposition
    (DISP_DESCR) says so. Also read by app.eligibility.juvenile."""
    agency = agency.fill_null("").str.strip_chars()
    return (
        agency.str.starts_with("CAJV")
        | agency.str.contains("JUV", literal=True)
        | disposition.fill_null("").str.contains("JUVENILE", literal=True)
    )


def juvenile() -> pl.Expr:
    return juvenile_court(pl.col("STP_ORI_DESCR"), pl.col("DISP_DESCR_FIRST"))


def offense_date() -> list[pl.Expr]:
    """`offense_date`: the cycle's date (CYC_DATE, the arrest), the best evidence of when the
    offense was committed; the conviction date where the cycle date is unknown or after the
    conviction (then `offense_date_from_conviction`)."""
    cycle = doj_date(pl.col("CYC_DATE"))
    convicted = pl.col("event_date")
    usable = cycle.is_not_null() & (convicted.is_null() | (cycle <= convicted))
    return [
        pl.when(usable).then(cycle).otherwise(pl.col("event_date")).alias("offense_date"),
        (~usable).alias("offense_date_from_conviction"),
    ]


def with_sections(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Parse the charge of each row (`OFFENSE_DESCR`, `COMMENT_TEXT`). Costly regexes, so
    only on rows that need them, or once per distinct text (with_unique_sections)."""
    in_comment = charge_in_comment(pl.col("OFFENSE_DESCR"))
    charge = charge_text(pl.col("OFFENSE_DESCR"), pl.col("COMMENT_TEXT"))
    # A comment that is not the charge may name a conspiracy's or an accessory's target.
    other_comment = pl.when(~in_comment).then(pl.col("COMMENT_TEXT"))
    prefix, key = pl.col("related_prefix"), pl.col("section_key")
    return (
        rows.with_columns(
            in_comment.alias("comment_charge"),
            code_section(charge).alias("code_section"),
            bear_sections(charge).alias("bear_sections"),
        )
        .with_columns(other_comment.alias("_other_comment"))
        .pipe(parse_section, "code_section", "_other_comment")
        .drop("_other_comment")
        .with_columns(
            (
                prefix.is_null()
                & pl.col("section_number").is_in(PROP64_NUMBERS)
                & pl.col("section_code").is_in(["HS", ""])
            ).alias("is_prop64"),
            # An attempted homicide is a super strike, and a conspiracy to commit murder;
            # other attempts, conspiracies and accessories are not.
            (
                (prefix.is_null() & key.str.contains(SUPER_STRIKE_RE))
                | ((prefix == "664") & key.str.contains(HOMICIDE_RE))
                | ((prefix == "182") & key.str.contains(r"^PC 187(\(|$)"))
            ).fill_null(False).alias("is_super_strike"),
            # PC 290(c) names "the attempt or conspiracy to commit" the offenses it lists.
            ((prefix.is_null() | prefix.is_in(["664", "182"])) & key.str.contains(PC290_RE))
            .fill_null(False).alias("is_pc290"),
        )
    )


def with_unique_sections(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Sections parsed once per distinct charge text (a file has thousands, not millions)."""
    on = ["OFFENSE_DESCR", "COMMENT_TEXT"]
    frame = rows.collect()
    parsed = with_sections(frame.lazy().select(on).unique()).collect()
    # Join only the two text columns to find each row's parsed charge, then gather: far
    # cheaper than carrying every column of the rows through the join.
    which = frame.select(on).join(parsed.select(on).with_row_index("_charge"), on=on,
                                  how="left", maintain_order="left", nulls_equal=True)
    return frame.hstack(parsed.drop(on)[which["_charge"]]).lazy()


def level() -> pl.Expr:
    """Felony if CONV_STAT_DESCR says so, or it is blank and OFFENSE_TOC is F; then
    misdemeanor, infraction, or unknown."""
    stat, toc = pl.col("CONV_STAT_DESCR"), pl.col("OFFENSE_TOC")
    return (
        pl.when((stat == "FELONY") | ((stat == "") & (toc == "F")))
        .then(pl.lit("felony"))
        .when(stat == "MISDEMEANOR")
        .then(pl.lit("misdemeanor"))
        .when((stat == "") & (toc == "M"))
        .then(pl.lit("misdemeanor"))
        .when(toc == "I")
        .then(pl.lit("infraction"))
        .otherwise(pl.lit("unknown"))
    )


def build_convictions(prepared: pl.LazyFrame) -> pl.LazyFrame:
    """One row per (subject_id, CNT_ORDER) conviction, sentence components summed
    (`sentence_years`, `sentence_months`, `sentence_days`), in first-seen order."""
    length = text("SENT_LENGTH").str.strip_chars().cast(pl.Int64, strict=False).fill_null(0)
    unit = text("SENT_TIME_CODE").str.strip_chars()
    key = ["subject_id", "CNT_ORDER"]
    # The first row of a count is the conviction; the rest add sentence components. The
    # sums carry each count's first row, in first-seen order, and the conviction's own
    # values are gathered from there: copying every column of all conviction rows and then
    # taking each count's first cost a third more.
    totals = (
        prepared.with_row_index("_first")
        .filter(pl.col("convicted"))
        .group_by(key)
        .agg(
            pl.col("_first").min(),
            (pl.col("padded_keys") | padded("CONV_STAT_DESCR", "OFFENSE_TOC", "OFFENSE_DESCR"))
            .any().alias("padded"),
            pl.when(unit == "D").then(length).otherwise(0).sum().alias("sentence_days"),
            pl.when(unit == "M").then(length).otherwise(0).sum().alias("sentence_months"),
            pl.when(unit == "Y").then(length).otherwise(0).sum().alias("sentence_years"),
        )
        .sort("_first")
        .collect()
    )
    # The sentence is already in the sums, the person's CII number in `people`.
    first_cols = [
        "STP_ORI_DESCR", "STP_ORI_CNTY_NAME", "OFFENSE_DESCR", "COMMENT_TEXT", "STP_EVENT_DATE",
        "CONV_STAT_DESCR", "OFFENSE_TOC", "CYC_DATE", "DISP_DESCR", "blank_subject", "source",
        "line",
    ]  # fmt: skip
    firsts = (
        prepared.select(first_cols).collect().gather(totals["_first"])
        .rename({"DISP_DESCR": "DISP_DESCR_FIRST"})
    )
    # The convictions' own values are text: the law reads them as such.
    grouped = with_case_key(tidied(totals.select(*key, "_first").hstack(firsts).hstack(
        totals.select("padded", "sentence_days", "sentence_months", "sentence_years")),
        *_CONVICTION_TEXT).lazy().with_columns(text(c) for c in (*_CONVICTION_TEXT,
                                                                 "DISP_DESCR_FIRST")))
    detailed = (
        grouped.with_columns(doj_date(pl.col("STP_EVENT_DATE")).alias("event_date"))
        .with_columns(*offense_date(), juvenile().alias("juvenile"))
        .drop("DISP_DESCR_FIRST")
    )
    sectioned = with_unique_sections(detailed)
    # The sentence's end is worked out for the evaluated convictions only (the engine).
    return with_later_relief(prepared, sectioned).drop("_first").with_row_index(
        "_order"
    ).with_columns(level().alias("level"))
