"""Data-quality and fact flags on a conviction: one table gives each flag's stable id, what
it means in words, and the condition that raises it (app.eligibility.engine writes them)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

import polars as pl

from app.eligibility.dates import PROP64_EFFECTIVE


def _count(kind: str) -> pl.Expr:
    return pl.col(f"count_{kind}").fill_null(0)


@dataclass(frozen=True)
class Flag:
    id: str
    text: str
    condition: Callable[[date], pl.Expr]  # given the as-of date


_OTHER_P64 = (pl.col("COMMENT_TEXT").str.contains(r"(^|[^0-9.])1135[789]|11360")
              & ~pl.col("comment_charge"))

_F = Flag
FLAG_TABLE: Final[tuple[Flag, ...]] = (
    _F("unknown_conviction_date", "The conviction date is blank or not a calendar date.",
       lambda _: pl.col("event_date").is_null()),
    _F("unknown_dob", "The date of birth is blank or not a calendar date.",
       lambda _: pl.col("dob").is_null()),
    _F("dob_after_conviction", "The date of birth is after the conviction date.",
       lambda _: pl.col("dob") > pl.col("event_date")),
    _F("conviction_after_as_of", "The conviction is dated after the as-of date.",
       lambda as_of: pl.col("event_date") > as_of),
    _F("after_prop64", "Offense on or after Prop 64 took effect (November 9, "
       "2016).",
       lambda _: pl.col("offense_date") >= PROP64_EFFECTIVE),
    _F("comment_charge", "The charge is not in the offense field: it was read "
       "from the record's comment.",
       lambda _: pl.col("comment_charge")),
    _F("possible_other_p64", "The record's comment mentions another cannabis "
       "(Prop 64) code section: check which applies.",
       lambda _: _OTHER_P64),
    _F("padded_values", "Some values had extra spaces, which CountyClear removed.",
       lambda _: pl.col("padded")),
    _F("blank_subject_id", "The file gives this record no person number, so it "
       "was not matched with the person's other records.",
       lambda _: pl.col("blank_subject")),
    _F("unknown_level", "The record does not say whether this was a felony, "
       "misdemeanor or infraction.",
       lambda _: pl.col("level") == "unknown"),
    _F("related_offence", "Attempt, conspiracy, accessory or another related offense.",
       lambda _: pl.col("is_related")),
    _F("unclear_section", "The charge names a Prop 64 section in an unusual form.",
       lambda _: pl.col("is_unclear_section")),
    _F("prior_super_strike", "A super strike conviction (one of the most "
       "serious offenses, PC 667(e)(2)(C)(iv)) dated before the offense.",
       lambda _: _count("super_strike") > 0),
    _F("prior_pc290", "A conviction dated before the offense that requires "
       "sex-offender registration (PC 290(c)).",
       lambda _: _count("pc290") > 0),
    _F("pc290_registrant", "A PC 290 registration, with no conviction behind it in the "
       "file, dated before the offense.", lambda _: _count("registration") > 0),
    _F("two_priors", "Two or more convictions under the same section dated before the "
       "offense.", lambda _: _count("repeat") >= 2),
    _F("prior_after_offense", "A super strike, PC 290 or same-section conviction or a "
       "registration dated after the offense but before the conviction, or undated.",
       lambda _: (_count("super_strike_between") + _count("pc290_between")
                  + _count("registration_between") + _count("repeat_between")) > 0),
    _F("currently_serving", "The sentence ends after the as-of date.",
       lambda _: pl.col("currently_serving")),
    _F("sentence_unknown", "The file gives no sentence length: whether the sentence is "
       "completed is unknown.", lambda _: pl.col("currently_serving").is_null()),
    _F("deceased", "The record says the person has died.", lambda _: pl.col("deceased")),
    _F("no_case_number", "The DOJ file gives no court case number for this "
       "conviction.",
       lambda _: pl.col("case_number").fill_null("") == ""),
    _F("offense_date_from_conviction", "No arrest date in the file: the conviction date "
       "stands for the offense date.", lambda _: pl.col("offense_date_from_conviction")),
    _F("juvenile", "A juvenile adjudication (HS 11361.8(m)).", lambda _: pl.col("juvenile")),
    _F("later_relief", "A later entry on the same count (Prop 64 relief, PC 17(b), PC "
       "1203.4 or a vacatur).", lambda _: pl.col("later_relief").is_not_null()),
    _F("age_unknown_at_offense", "The age at the offense is unknown (no usable date of "
       "birth): CountyClear assumes the age that gives the least relief.",
       lambda _: pl.col("age_at_offense").is_null() & ~pl.col("juvenile").fill_null(False)),
)

FLAGS: Final[dict[str, str]] = {flag.id: flag.text for flag in FLAG_TABLE}
FLAG_NAMES: Final = tuple(FLAGS)
