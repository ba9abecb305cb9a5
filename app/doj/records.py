"""From DOJ rows to convictions and people (DOMAIN.md 2.3), all as polars expressions.

A conviction is the first row of a (SUBJECT_ID, CNT_ORDER) whose DISP_DESCR starts with
CONVICTED; later rows of the same count add sentence components. Values are trimmed before
any comparison; whatever was padded, unknown or blank becomes a flag, never a default.
"""

import polars as pl

from app.eligibility.sections import (
    GANG_COMBINED_RE,
    GANG_ENHANCEMENT_RE,
    PC290_RE,
    PROP64_NUMBERS,
    REPEAT_SUBDIVISIONS,
    SUPER_STRIKE_RE,
    bear_sections,
    charge_in_comment,
    charge_text,
    code_section,
    parse_section,
)
from app.errors import InputError

# Padding is worth telling the DA about in the fields that decide the determination:
# SUBJECT_ID, DISP_DESCR, CONV_STAT_DESCR, OFFENSE_TOC, OFFENSE_DESCR.
# Trimmed on every row: what decides which rows matter. The rest is trimmed only on the rows
# that need it (convictions, registrations, court rows, each person's first row), which is
# most of the speed on a multi-million-row file.
_KEYS = ("SUBJECT_ID", "STP_TYPE_DESCR", "DISP_DESCR", "CNT_ORDER")
_CONVICTION_TEXT = (
    "STP_EVENT_DATE", "STP_ORI_DESCR", "STP_ORI_CNTY_NAME", "OFFENSE_DESCR", "OFFENSE_TOC",
    "CONV_STAT_DESCR", "COMMENT_TEXT",
)  # fmt: skip


def doj_date(text: pl.Expr) -> pl.Expr:
    """YYYYMMDD, exactly eight digits (as BEAR's Go parser reads it); anything else is
    unknown. strptime alone would also read '1979011' or '1979 101'."""
    return pl.when(text.str.contains(r"^[0-9]{8}$")).then(
        text.str.strptime(pl.Date, "%Y%m%d", strict=False)
    )


def _date(column: str) -> pl.Expr:
    return doj_date(pl.col(column))


def _padded(*columns: str) -> pl.Expr:
    """Whether any of these raw values had blanks around it (DOJ pads with spaces)."""
    return pl.any_horizontal(
        [pl.col(c).str.starts_with(" ") | pl.col(c).str.ends_with(" ") for c in columns]
    ).fill_null(False)


def _trim(*columns: str) -> list[pl.Expr]:
    return [pl.col(c).fill_null("").str.strip_chars().alias(c) for c in columns]


def _refuse_excel_count_orders(trimmed: pl.DataFrame) -> None:
    """DOJ writes CNT_ORDER as twelve digits (001002001000). A file opened and saved again in
    Excel loses the leading zeros of most of them, and its counts would then fall silently
    into the wrong court cases (the case is the first six characters): refuse such a file.
    A few short values in a file are left alone, as data problems of their own rows."""
    count = pl.col("CNT_ORDER")
    short = count.str.len_bytes().is_between(1, 11)
    # Almost every file has no short value at all: look before grouping a million rows.
    if not trimmed.select(short.any()).item():
        return
    excel = (
        trimmed.lazy()
        .group_by("source", maintain_order=True)
        .agg(
            short.sum().alias("short"),
            (count != "").sum().alias("given"),
            pl.col("line").filter(short).first(),
            count.filter(short).first().alias("example"),
        )
        .filter(pl.col("short") * 2 > pl.col("given"))
        .head(1)
        .collect()
    )
    if excel.height:
        source, _, _, line, example = excel.row(0)
        raise InputError(source, f"CNT_ORDER values such as {example} have lost their leading "
                         "zeros (DOJ writes twelve digits, such as 001002001000), so counts "
                         "would fall into the wrong court cases. The file was probably opened "
                         "and saved again in Excel: open the file as DOJ delivered it.", line)


def prepare_rows(rows: pl.DataFrame) -> pl.LazyFrame:
    """A person key and whether the row is a conviction, for every row."""
    trimmed = rows.lazy().with_columns(
        _padded("SUBJECT_ID", "DISP_DESCR").alias("padded_keys"),
        *_trim(*_KEYS),
    ).collect()
    _refuse_excel_count_orders(trimmed)
    blank_subject = pl.col("SUBJECT_ID") == ""
    # A blank SUBJECT_ID never merges strangers: each such row stands alone. Formatting a
    # key for a million rows costs; most files have no blank SUBJECT_ID at all.
    subject_id = (
        pl.when(blank_subject)
        .then(pl.format("(blank SUBJECT_ID) {} line {}", pl.col("source"), pl.col("line")))
        .otherwise(pl.col("SUBJECT_ID"))
        if (trimmed["SUBJECT_ID"] == "").any()
        else pl.col("SUBJECT_ID")
    )
    return trimmed.lazy().with_columns(
        subject_id.alias("subject_id"),
        blank_subject.alias("blank_subject"),
        pl.col("DISP_DESCR").str.starts_with("CONVICTED").alias("convicted"),
    )


# A step is the first six characters of CNT_ORDER; a case is one step of one person.
_STEP_KEY = pl.col("CNT_ORDER").str.slice(0, 6)
_CASE_KEY = pl.concat_str([pl.col("subject_id"), pl.lit("|"), pl.col("step_key")])


def _with_case_key(rows: pl.LazyFrame) -> pl.LazyFrame:
    """The step (first six characters of CNT_ORDER) and the person's case key."""
    return rows.with_columns(_STEP_KEY.alias("step_key")).with_columns(_CASE_KEY.alias("case_key"))


def _registrations(prepared: pl.LazyFrame) -> pl.LazyFrame:
    """PC 290 registration rows."""
    # Collected before the section test: polars would join the two filters into one and
    # strip the blanks off every row's offence, where a few hundred registrations need it.
    registrations = prepared.filter(pl.col("STP_TYPE_DESCR") == "REGISTRATION").collect()
    return registrations.lazy().filter(
        pl.col("OFFENSE_DESCR").str.strip_chars_start().str.starts_with("290")
    )


def _detail_rows(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Trimmed text and parsed dates, for the few rows that become facts."""
    return rows.with_columns(*_trim(*_CONVICTION_TEXT)).with_columns(
        _date("STP_EVENT_DATE").alias("event_date")
    )


def with_sections(rows: pl.LazyFrame) -> pl.LazyFrame:
    """Parse the charge of each row. Costly regexes, so only on rows that need them."""
    comment_charge = charge_in_comment(pl.col("OFFENSE_DESCR"))
    charge = charge_text(pl.col("OFFENSE_DESCR"), pl.col("COMMENT_TEXT"))
    return (
        rows.with_columns(
            comment_charge.alias("comment_charge"),
            code_section(charge).alias("code_section"),
            bear_sections(charge).alias("bear_sections"),
        )
        .with_columns(parse_section(pl.col("code_section")))
        .with_columns(
            (
                pl.col("related_prefix").is_null()
                & pl.col("section_number").is_in(PROP64_NUMBERS)
                & pl.col("section_code").is_in(["HS", ""])
            ).alias("is_prop64"),
            pl.col("section_key").str.contains(SUPER_STRIKE_RE).alias("is_super_strike"),
            pl.col("section_key").str.contains(PC290_RE).alias("is_pc290"),
        )
    )


def _level() -> pl.Expr:
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
    (`sentence_years`, `sentence_months`, `sentence_days`)."""
    length = pl.col("SENT_LENGTH").str.strip_chars().cast(pl.Int64, strict=False).fill_null(0)
    unit = pl.col("SENT_TIME_CODE").str.strip_chars()
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
            (pl.col("padded_keys") | _padded("CONV_STAT_DESCR", "OFFENSE_TOC", "OFFENSE_DESCR"))
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
        "CONV_STAT_DESCR", "OFFENSE_TOC", "blank_subject", "source", "line",
    ]  # fmt: skip
    firsts = prepared.select(first_cols).collect().gather(totals["_first"])
    grouped = _with_case_key(totals.select(*key).hstack(firsts).hstack(
        totals.select("padded", "sentence_days", "sentence_months", "sentence_years")).lazy())
    detailed = with_unique_sections(_detail_rows(grouped))
    # The sentence's end is worked out for the evaluated convictions only (app.eligibility).
    return detailed.with_row_index("_order").with_columns(_level().alias("level"))


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


def build_case_numbers(prepared: pl.LazyFrame, steps: pl.LazyFrame) -> pl.LazyFrame:
    """OFN values of the step's COURT ACTION rows, first seen first, `; `-joined (one row
    per case, in no particular order), for the steps in `steps` (`subject_id`, `step_key`):
    the cases that will be shown.
    """
    ofn = pl.col("OFN")
    court_rows = (
        prepared.filter(pl.col("STP_TYPE_DESCR") == "COURT ACTION")
        .with_columns(_STEP_KEY.alias("step_key"))
        .join(steps, on=["subject_id", "step_key"], how="semi", maintain_order="left")
    )
    numbers = (
        court_rows.select(_CASE_KEY.alias("case_key"), *_trim("OFN"))
        .filter((ofn != "") & (ofn != "NULL"))
        .unique(["case_key", "OFN"], maintain_order=True)
        .with_columns(pl.col("case_key").is_duplicated().alias("_several"))
    )
    # Most cases have one number; joining strings per group is the slow part, so only the
    # cases with several go through it.
    single = numbers.filter(~pl.col("_several")).select("case_key", ofn.alias("case_number"))
    several = numbers.filter(pl.col("_several")).group_by("case_key", maintain_order=True).agg(
        ofn.str.join("; ").alias("case_number")
    )
    return pl.concat([single, several])


def build_people(prepared: pl.LazyFrame, convictions: pl.LazyFrame) -> pl.LazyFrame:
    """One row per person: identity from the first row, and whole-record facts."""
    first_rows = (
        prepared.unique(subset="subject_id", keep="first", maintain_order=True)
        .with_columns(*_trim("PRI_NAME", "PRI_DOB", "CII_NUMBER", "RACE_DESCR"))
        .select(
            "subject_id",
            pl.col("PRI_NAME").alias("name"),
            pl.col("PRI_DOB").alias("dob_text"),
            _date("PRI_DOB").alias("dob"),
            pl.col("CII_NUMBER").alias("cii_number"),
            pl.col("RACE_DESCR").alias("race"),
            "blank_subject",
        )
    )
    deceased = (
        prepared.filter(pl.col("STP_TYPE_DESCR") == "DECEASED")
        .select("subject_id").unique().with_columns(pl.lit(True).alias("deceased"))
    )
    registrants = (
        _registrations(prepared)
        .select("subject_id").unique().with_columns(pl.lit(True).alias("pc290_registrant"))
    )
    identity = (
        first_rows.join(deceased, on="subject_id", how="left", maintain_order="left")
        .join(registrants, on="subject_id", how="left", maintain_order="left")
        .with_columns(pl.col("deceased").fill_null(False),
                      pl.col("pc290_registrant").fill_null(False))
    )
    history = convictions.group_by("subject_id").agg(
        pl.len().alias("convictions_total"),
        pl.col("event_date").max().alias("latest_conviction"),
        pl.col("event_date").filter(pl.col("level") == "felony").max().alias("latest_felony"),
        pl.col("is_prop64").all().alias("only_prop64"),
        (pl.col("bear_sections") != "").all().alias("only_prop64_bear"),
        (pl.col("level") == "felony").sum().alias("felonies_total"),
        pl.col("event_date").is_null().any().alias("has_undated_conviction"),
    )
    return identity.join(history, on="subject_id", how="left", maintain_order="left").with_columns(
        pl.col("convictions_total").fill_null(0),
        pl.col("felonies_total").fill_null(0),
        pl.col("only_prop64").fill_null(False),
        pl.col("only_prop64_bear").fill_null(False),
    )


def build_prior_events(prepared: pl.LazyFrame, convictions: pl.LazyFrame) -> pl.LazyFrame:
    """Facts that can be a challenge ground, one row each: kind, text, date, subject.

    Small by nature (super strikes, PC 290, registrations, repeat subdivisions), so joining
    them to the evaluated convictions stays cheap at any file size.
    """
    base = convictions.select(
        "subject_id", "CNT_ORDER", "event_date", "code_section", "section_key", "section_number",
        "is_super_strike", "is_pc290", "is_prop64", "case_key",
    )
    # PC 667(e)(2)(C)(iv): a gang enhancement 186.22(b)(4) makes some offences of the same
    # case super strikes; either alone is not one.
    gang_cases = base.filter(pl.col("section_key").str.contains(GANG_ENHANCEMENT_RE)).select(
        "case_key"
    ).unique()
    gang_combined = base.join(gang_cases, on="case_key", how="semi").filter(
        pl.col("section_key").str.contains(GANG_COMBINED_RE)
    ).with_columns(
        pl.concat_str([pl.col("code_section"), pl.lit(" with 186.22(B)(4) PC")])
        .alias("code_section")
    )
    super_strikes = pl.concat([
        base.filter(pl.col("is_super_strike")),
        gang_combined.filter(~pl.col("is_super_strike")),
    ]).select(
        "subject_id", pl.lit("super_strike").alias("kind"), "CNT_ORDER", "event_date",
        "code_section", "section_number",
    )
    pc290 = base.filter(pl.col("is_pc290")).select(
        "subject_id", pl.lit("pc290").alias("kind"), "CNT_ORDER", "event_date", "code_section",
        "section_number",
    )
    repeat = base.filter(
        pl.col("is_prop64")
        & pl.col("section_key").is_in(REPEAT_SUBDIVISIONS)
    ).select(
        "subject_id", pl.lit("repeat").alias("kind"), "CNT_ORDER", "event_date", "code_section",
        "section_number",
    )
    registrations = with_sections(_detail_rows(_registrations(prepared))).select(
        "subject_id",
        pl.lit("registration").alias("kind"),
        "CNT_ORDER",
        "event_date",
        pl.col("code_section"),
        pl.col("section_number"),
    )
    return pl.concat([super_strikes, pc290, repeat, registrations], how="vertical")
