"""One person's whole DOJ record as a timeline, and the entries that decided a conviction.

The person view (ui/triage/person_view.py) shows this frame; everything here is polars over the
`rows` frame of an evaluation (the needed DOJ columns as strings, values possibly padded).
"""

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Final

import polars as pl

from app.eligibility.dates import doj_date
from app.eligibility.rows import record_place
from app.sections import code_section

TIMELINE_COLUMNS: Final = (
    "cycle", "step", "cnt_order", "date", "date_text", "step_type", "agency", "county",
    "case_number", "offense", "section", "level", "disposition", "sentence", "is_conviction",
)  # fmt: skip

_PLACEHOLDERS: Final = ("", "-", "NULL", "SEE COMMENT FOR CHARGE")
_LEVELS: Final = {"F": "felony", "M": "misdemeanor", "I": "infraction"}
_UNITS: Final = {"D": "days", "M": "months", "Y": "years"}
# The engine's facts (app.eligibility.engine): `prior super strike 187(A) PC on 1990-03-01;
# 261 PC on unknown date; PC 290 registration 290 PC on 1999-01-01; deceased`. A kind prefix
# applies to the entries after it until the next kind.
FACT_KINDS: Final = {
    "prior super strike": "Prior super strike",
    "prior PC 290 conviction": "Prior PC 290 offense",
    "PC 290 registration": "PC 290 registration",
    "prior same-subdivision convictions": "Prior, same subdivision",
}
_SECTION: Final = r"\d[\w().\-]*\s+(?:PC|HS|VC|BP|MV|WI)"
# A gang-combined super strike names both counts of its case: `246 PC with 186.22(B)(4) PC`.
_FACT_ENTRY: Final = re.compile(
    rf"(?P<section>{_SECTION})(?:\s+with\s+(?P<with>{_SECTION}))?\s+on\s+"
    r"(?P<date>\d{4}-\d{2}-\d{2}|unknown date)\s*$"
)

# The engine's key for a row with a blank SUBJECT_ID (app/eligibility/rows.py).
_BLANK_SUBJECT: Final = re.compile(
    r"^\(blank SUBJECT_ID\) file (?P<file>\d+) record (?P<record>\d+)$"
)


def _clean(column: str) -> pl.Expr:
    """Trimmed text; DOJ placeholders such as `NULL` or `  -  ` become empty."""
    text = pl.col(column).cast(pl.String).fill_null("").str.strip_chars()
    return pl.when(text.is_in(["-", "NULL"])).then(pl.lit("")).otherwise(text)


def _doj_date(column: str) -> pl.Expr:
    """YYYYMMDD to a date, read as the engine reads it; anything else is null (unknown)."""
    return doj_date(pl.col(column).str.strip_chars())


def person_timeline(rows: pl.DataFrame, subject_id: str) -> pl.DataFrame:
    """Every count of one person, one row per CNT_ORDER, in record order.

    Cycles (CYC_ORDER, else the first 3 characters of CNT_ORDER) come in order; within a
    cycle, steps by event date (unknown dates last) then CNT_ORDER. Further sentence
    components of a count are joined into its `sentence` text.
    """
    blank = _BLANK_SUBJECT.match(subject_id)
    if blank:  # a row without SUBJECT_ID stands alone (app/eligibility/rows.py): just that row
        file, record = record_place()
        person = rows.filter((file == int(blank["file"])) & (record == int(blank["record"])))
    else:
        person = rows.filter(pl.col("SUBJECT_ID").str.strip_chars() == subject_id.strip())
    offense = _clean("OFFENSE_DESCR")
    comment = _clean("COMMENT_TEXT")
    offense_text = (
        pl.when(offense.is_in(list(_PLACEHOLDERS))).then(comment).otherwise(offense)
    )
    conv_stat = _clean("CONV_STAT_DESCR").str.to_lowercase()
    toc_level = _clean("OFFENSE_TOC").str.to_uppercase().replace_strict(
        _LEVELS, default=pl.lit("")
    )
    unit = _clean("SENT_TIME_CODE").str.to_uppercase()
    length = _clean("SENT_LENGTH").str.strip_chars_start("0")
    sentence_part = (
        pl.when(length != "")
        .then(
            pl.concat_str(
                [
                    _clean("SENT_LOC_DESCR"),
                    pl.lit(" "),
                    length,
                    pl.lit(" "),
                    unit.replace_strict(_UNITS, default=unit),
                ]
            ).str.strip_chars()
        )
        .otherwise(_clean("SENT_LOC_DESCR"))
    )
    cnt_order = _clean("CNT_ORDER")
    cycle = _clean("CYC_ORDER")
    raw_date = _clean("STP_EVENT_DATE")
    parsed = _doj_date("STP_EVENT_DATE")
    components = person.with_row_index("_seen").select(
        pl.col("_seen"),
        pl.when(cycle != "").then(cycle).otherwise(cnt_order.str.slice(0, 3)).alias("cycle"),
        cnt_order.str.slice(0, 6).alias("step"),
        cnt_order.alias("cnt_order"),
        parsed.alias("date"),
        pl.when(parsed.is_not_null())
        .then(parsed.dt.to_string("%Y-%m-%d"))
        .when(raw_date == "")
        .then(pl.lit("date unknown"))
        .otherwise(pl.concat_str([pl.lit("unknown ("), raw_date, pl.lit(")")]))
        .alias("date_text"),
        _clean("STP_TYPE_DESCR").alias("step_type"),
        _clean("STP_ORI_DESCR").alias("agency"),
        _clean("STP_ORI_CNTY_NAME").alias("county"),
        _clean("OFN").alias("case_number"),
        offense_text.alias("offense"),
        code_section(offense_text).alias("section"),
        pl.when(conv_stat != "").then(conv_stat).otherwise(toc_level).alias("level"),
        _clean("DISP_DESCR").alias("disposition"),
        sentence_part.alias("sentence"),
    )
    counts = (
        components.group_by("cnt_order", maintain_order=True)
        .agg(
            pl.exclude("sentence", "_seen").first(),
            pl.col("_seen").first(),
            pl.col("sentence").filter(pl.col("sentence") != "").unique(maintain_order=True),
        )
        .with_columns(
            pl.col("sentence").list.join("; "),
            pl.col("disposition").str.starts_with("CONVICTED").alias("is_conviction"),
        )
    )
    return counts.sort(
        ["cycle", "date", "cnt_order", "_seen"], nulls_last=True
    ).select(TIMELINE_COLUMNS)


def named_facts(facts: str) -> list[tuple[str, str, date | None]]:
    """(mark, section, date or None when unknown) of every entry the facts name."""
    found: list[tuple[str, str, date | None]] = []
    kind = ""
    for segment in (part.strip() for part in facts.split(";")):
        prefix = next((p for p in FACT_KINDS if segment.startswith(p + " ")), None)
        if prefix is not None:
            kind, segment = FACT_KINDS[prefix], segment[len(prefix) + 1:]
        match = _FACT_ENTRY.search(segment) if kind else None
        if match is None:
            kind = "" if prefix is None else kind
            continue
        try:
            when = None if match["date"] == "unknown date" else date.fromisoformat(match["date"])
        except ValueError:
            continue
        found.append((kind, match["section"], when))
        if match["with"]:
            found.append((kind, match["with"], when))
    return found


def _same_section(named: str, section: str) -> bool:
    """`187 PC` names `187(A) PC` and `187 PC`, never `1187 PC`."""
    named_number, _, named_code = named.upper().partition(" ")
    number, _, code = section.upper().partition(" ")
    if named_code.strip() != code.strip():
        return False
    return number == named_number or number.startswith(named_number + "(")


def deciding_entries(timeline: pl.DataFrame, determination: Mapping[str, Any]) -> dict[str, str]:
    """CNT_ORDER -> why that entry matters, for the conviction `determination` describes.

    The conviction itself always; then every prior conviction or registration that the
    determination's facts name (`<section> <code> on <YYYY-MM-DD | unknown date>`), priors
    being convictions dated before it (People v. Smit; an unknown date may be prior). A PC 290
    registration or a death is also marked when the flags or the rule id name it.
    """
    own = str(determination.get("cnt_order") or "").strip()
    marks: dict[str, str] = {}
    if own:
        marks[own] = "This conviction"
    conviction_date = determination.get("conviction_date")
    if isinstance(conviction_date, str):
        try:
            conviction_date = date.fromisoformat(conviction_date)
        except ValueError:
            conviction_date = None
    named = named_facts(str(determination.get("facts") or ""))
    said = " ".join(str(determination.get(k) or "") for k in ("flags", "rule_id")).lower()
    for entry in timeline.iter_rows(named=True):
        key = entry["cnt_order"]
        if key == own:
            continue
        registration = entry["step_type"].startswith("REGISTRATION")
        when = entry["date"]
        later = (
            isinstance(when, date) and isinstance(conviction_date, date)
            and when >= conviction_date
        )
        if (entry["is_conviction"] or registration) and not later:
            mark = next((kind for kind, section, on in named
                         if on == when and _same_section(section, entry["section"])), None)
            if mark is not None:
                marks[key] = mark
                continue
        # Only a registration before the conviction can be the ground (same day is not).
        if (registration and not later and "registrant" in said
                and entry["section"].startswith("290")):
            marks[key] = "PC 290 registration"
        elif entry["step_type"].startswith("DECEASED") and "deceased" in said:
            marks[key] = "Deceased"
    return marks
