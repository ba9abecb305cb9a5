"""Data-quality and fact flags on a conviction: stable ids and what each means in words."""

from typing import Final

FLAGS: Final[dict[str, str]] = {
    "unknown_conviction_date": "The conviction date is blank or not a calendar date.",
    "unknown_dob": "The date of birth is blank or not a calendar date.",
    "dob_after_conviction": "The date of birth is after the conviction date.",
    "conviction_after_as_of": "The conviction is dated after the as-of date.",
    "after_prop64": "Convicted after 2016-11-09.",
    "comment_charge": "The charge was taken from the comment text.",
    "possible_other_p64": "The comment text names another Prop 64 section.",
    "padded_values": "Key values were space-padded in the file (trimmed before use).",
    "blank_subject_id": "The row has no SUBJECT_ID; it was not merged with anyone.",
    "unknown_level": "Neither the conviction status nor the offence type gives the level.",
    "related_offence": "Attempt, conspiracy, accessory or another related offence.",
    "unclear_section": "The charge names a Prop 64 section in an unusual form.",
    "prior_super_strike": "A super strike conviction dated before this one.",
    "prior_pc290": "A PC 290 registrable conviction dated before this one.",
    "pc290_registrant": "A PC 290 registration dated before this conviction.",
    "two_priors": "Two or more earlier convictions under the same misdemeanor subdivision.",
    "currently_serving": "The sentence ends after the as-of date.",
    "deceased": "The record holds a DECEASED step.",
    "no_case_number": "No court case number on the step's court rows.",
}
