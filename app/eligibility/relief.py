"""Relief already granted on a conviction, as a later entry on the same count shows it.

How the DOJ file shows it: a court's later action on a count is a row of the same count
(another row with the same CNT_ORDER), or a later COURT ACTION step of the same cycle that
writes the count again under the same count number (CNT_ORDER characters 7-9). Its words
(DISP_DESCR, COMMENT_TEXT, or an OFFENSE_DESCR such as `17(B) PC-REDUCED TO MISDEMEANOR`)
name the relief:

- `prop64`: dismissed, redesignated or sealed under HS 11361.8 or 11361.9 (or "PROP 64");
- `vacated`: the conviction was vacated;
- `pc1203_4`: dismissed under PC 1203.4 (and 1203.4a, 1203.41, 1203.42);
- `pc17b`: reduced to a misdemeanor under PC 17(b).

Where a count has several, the first kind in that order is kept (prop64 decides whether
the conviction is filed again), and of that kind the earliest entry.
"""

from typing import Final

import polars as pl

from app.eligibility.dates import doj_date
from app.eligibility.rows import CYCLE_KEY, text

# Words every relief entry has: a cheap first look over all rows (most rows have none).
_HINTS: Final = ["11361.8", "11361.9", "PROP 64", "PROP64", "PROPOSITION 64", "VACAT",
                 "1203.4", "17(B)", "17B", "17 (B)"]  # fmt: skip
# Each kind and its pattern, in order of precedence.
RELIEF_KINDS: Final = (
    ("prop64", r"11361\.[89]|PROP(?:OSITION)?\s?64"),
    ("vacated", r"VACAT"),
    ("pc1203_4", r"(?:^|[^0-9.])1203\.4"),
    ("pc17b", r"(?:^|[^0-9.])17\s?(?:\(B\)|B\b)"),
)
_TEXT_COLUMNS: Final = ("DISP_DESCR", "COMMENT_TEXT", "OFFENSE_DESCR")
_COUNT_NUMBER = pl.col("CNT_ORDER").str.slice(6, 3)
_STEP = pl.col("CNT_ORDER").str.slice(3, 3)


def _hinted(column: str) -> pl.Expr:
    return text(column).fill_null("").str.contains_any(_HINTS, ascii_case_insensitive=True)


def _offense_names_relief() -> pl.Expr:
    """An OFFENSE_DESCR that is itself the relief (`17(B) PC-REDUCED TO MISDEMEANOR`):
    its text starts with the statute. (Looking for the words anywhere in every row's
    offense cost more than the rest of this module.)"""
    offense = text("OFFENSE_DESCR").fill_null("")
    return pl.any_horizontal(offense.str.starts_with(s) for s in ("17", "1203.4", "11361."))


def _relief_rows(prepared: pl.LazyFrame) -> pl.LazyFrame:
    """The rows whose words grant relief: subject, count, kind, date, text, row number."""
    # Collected before the precise patterns: a few rows in a million have a hint.
    found = (
        prepared.with_row_index("_row")
        .filter(_hinted("DISP_DESCR") | _hinted("COMMENT_TEXT") | _offense_names_relief())
        .collect()
        .lazy()
    )
    words = pl.concat_str(
        [text(c).fill_null("").str.strip_chars().str.to_uppercase() for c in _TEXT_COLUMNS],
        separator=" | ",
    )
    kind = pl.lit(None, pl.String)
    rank = pl.lit(None, pl.UInt8)
    for n, (name, pattern) in reversed(list(enumerate(RELIEF_KINDS))):
        kind = pl.when(words.str.contains(pattern)).then(pl.lit(name)).otherwise(kind)
        rank = pl.when(words.str.contains(pattern)).then(pl.lit(n, pl.UInt8)).otherwise(rank)
    # The file's words: the disposition, the offense when it names the relief, the comment.
    said = pl.concat_str(
        [
            text("DISP_DESCR").fill_null("").str.strip_chars(),
            pl.when(_offense_names_relief() & _hinted("OFFENSE_DESCR"))
            .then(text("OFFENSE_DESCR").str.strip_chars())
            .otherwise(pl.lit("")),
            pl.col("COMMENT_TEXT").fill_null("").str.strip_chars(),
        ],
        separator="; ",
    ).str.replace_all(r"(?:; )+", "; ").str.strip_chars("; ")
    return found.select(
        "subject_id",
        CYCLE_KEY.alias("_cycle"),
        _COUNT_NUMBER.alias("_count"),
        _STEP.alias("_relief_step"),
        pl.col("CNT_ORDER").alias("_relief_cnt"),
        "_row",
        kind.alias("later_relief"),
        rank.alias("_rank"),
        doj_date(pl.col("STP_EVENT_DATE").fill_null("").str.strip_chars()).alias("_date"),
        said.alias("later_relief_text"),
    ).filter(pl.col("later_relief").is_not_null())


def with_later_relief(prepared: pl.LazyFrame, convictions: pl.LazyFrame) -> pl.LazyFrame:
    """`convictions` (with `_first`, the conviction's row number in `prepared`) plus
    `later_relief` (prop64 | vacated | pc1203_4 | pc17b, null for none), `later_relief_date`
    (the later step's date; null when the entry is on the conviction's own step, whose date
    is the conviction's) and `later_relief_text` (the file's words)."""
    frame = convictions.collect()
    relief = _relief_rows(prepared).collect()
    if relief.is_empty():
        return frame.with_columns(
            pl.lit(None, pl.String).alias("later_relief"),
            pl.lit(None, pl.Date).alias("later_relief_date"),
            pl.lit(None, pl.String).alias("later_relief_text"),
        ).lazy()
    targets = frame.select(
        "subject_id", "CNT_ORDER", "_first",
        CYCLE_KEY.alias("_cycle"), _COUNT_NUMBER.alias("_count"), _STEP.alias("_step"),
    )  # fmt: skip
    same_count = (pl.col("_relief_cnt") == pl.col("CNT_ORDER")) & (
        pl.col("_row") != pl.col("_first"))
    later_step = pl.col("_relief_step") > pl.col("_step")
    matched = (
        targets.join(relief, on=["subject_id", "_cycle", "_count"])
        .filter(same_count | later_step)
        .with_columns(
            pl.when(later_step).then(pl.col("_date")).otherwise(None).alias("later_relief_date")
        )
        .sort("_rank", "later_relief_date", "_row", nulls_last=True)
        .unique(["subject_id", "CNT_ORDER"], keep="first", maintain_order=True)
        .select("subject_id", "CNT_ORDER", "later_relief", "later_relief_date",
                "later_relief_text")
    )
    found = frame.select("subject_id", "CNT_ORDER").join(
        matched, on=["subject_id", "CNT_ORDER"], how="left", maintain_order="left"
    )
    return frame.hstack(found.drop("subject_id", "CNT_ORDER")).lazy()
