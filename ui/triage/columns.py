"""The triage grid's columns, declared once: id, header, width, display formatter, visibility.

A formatter is a polars expression producing the cell text, so display strings are computed
a column at a time by polars for a block of rows, never with str() per cell.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import polars as pl

from app.eligibility.flags import FLAGS
from app.eligibility.rules import RULES
from app.triage.snapshot import EFFECTIVE, FLAG_LIST, STATUS

DETERMINATION_LABELS: Final = {
    "dismiss": "Dismiss",
    "reduce": "Reduce",
    "challenge": "Challenge",
    "review": "Needs review",
    "not_eligible": "Not eligible",
    "already_granted": "Already granted",
}
# What each determination means, for tooltips (the grid's cells, the summary's counts).
DETERMINATION_MEANINGS: Final = {
    "dismiss": "Dismiss: the court dismisses and seals the conviction.",
    "reduce": "Reduce: the felony becomes a misdemeanor (redesignated), or, while the sentence "
              "is still being served, the person is resentenced.",
    "challenge": "Challenge: the DA opposes relief; the conviction goes on the list for the "
                 "court and the public defender.",
    "review": "Needs review: a deputy DA must decide. The DA may challenge it, or a fact the "
              "law needs is missing from the record.",
    "not_eligible": "Not eligible: the law gives no relief (for example, an offense "
                    "committed on or after Prop 64 took effect on November 9, 2016).",
    "already_granted": "Already granted: a later entry shows the court already dismissed or "
                       "redesignated this conviction under Prop 64 (HS 11361.8); it is not "
                       "filed again.",
}  # fmt: skip
RULE_TITLES: Final = {rule.id: rule.title for rule in RULES}
STATUS_LABELS: Final = {"pending": "Pending", "accepted": "Accepted", "changed": "Changed"}
LEVEL_LABELS: Final = {"felony": "Felony", "misdemeanor": "Misdemeanor", "infraction": "Infraction"}


def _text(column: str) -> Callable[[], pl.Expr]:
    return lambda: pl.col(column).cast(pl.String).fill_null("")


def _date(column: str) -> Callable[[], pl.Expr]:
    # Unknown dates stay visibly unknown, never blank-looking like "no date needed".
    return lambda: pl.col(column).dt.strftime("%Y-%m-%d").fill_null("unknown")


def _labels(column: str, labels: dict[str, str]) -> Callable[[], pl.Expr]:
    return lambda: pl.col(column).replace_strict(labels, default=pl.col(column)).fill_null("")


def flag_words(flag: str) -> str:
    """A flag in words: its description (app.eligibility.flags); an unknown id readably."""
    return FLAGS.get(flag, flag.replace("_", " ")).rstrip(".")


def _flags() -> pl.Expr:
    # The flags' descriptions, not their ids: "padded_values" means nothing to a clerk.
    words = {flag: flag_words(flag) for flag in FLAGS}
    plain = pl.element().replace_strict(words, default=pl.element().str.replace_all("_", " "))
    return pl.col(FLAG_LIST).list.eval(plain).list.join("; ").fill_null("")


@dataclass(frozen=True)
class Column:
    id: str  # also the sort key's column unless app.triage.query maps it
    header: str
    width: int  # most average character widths it takes when sized to its content
    formatter: Callable[[], pl.Expr]
    description: str  # the header's tooltip, in the clerk's words
    visible: bool = True
    needs: str | None = None  # a source column that may be missing (then shown blank)


COLUMNS: Final[tuple[Column, ...]] = (
    Column("name", "Name", 24, _text("name"), "The person's name as the DOJ file gives it "
           "(LAST,FIRST MIDDLE)."),
    Column("dob", "DOB", 11, _date("dob"), "Date of birth (year-month-day); \"unknown\" where "
           "the file gives none."),
    Column("cii_number", "CII", 12, _text("cii_number"), "CII number: the person's number in "
           "the state's criminal record system (California Identification Index)."),
    Column("case_number", "Case number", 16, _text("case_number"), "The court case number of "
           "this conviction; blank where the file gives none."),
    Column("code_section", "Section", 16, _text("code_section"), "The code section of the "
           "conviction, e.g. 11357 HS (HS: Health and Safety Code)."),
    Column("level", "Level", 14, _labels("level", LEVEL_LABELS), "Felony, misdemeanor or "
           "infraction, as the record gives it."),
    Column("conviction_date", "Convicted", 11, _date("conviction_date"), "The date of the "
           "conviction (year-month-day)."),
    Column("county", "County", 16, _text("county"), "The county of the court that convicted "
           "(the workspace's county for every conviction it evaluates).", visible=False),
    Column("status", "Status", 10, _labels(STATUS, STATUS_LABELS), "Pending: no one has decided "
           "yet. Accepted: staff accepted the determination. Changed: staff chose another "
           "outcome and gave a reason."),
    Column("determination", "Determination", 13, _labels(EFFECTIVE, DETERMINATION_LABELS),
           "What happens to this conviction: CountyClear's proposal, or the staff decision "
           "once one is made (Dismiss, Reduce, Challenge, Needs review, Not eligible)."),
    Column("reason", "Reason", 64, _text("reason"), "Why, in one line. Press Ctrl+R (or Enter "
           "on the row) for the whole explanation and the person's record."),
    Column("flags", "Flags", 40, _flags, "Things in the record someone should know, such as a "
           "date or case number the DOJ file does not give."),
    Column("court", "Court", 30, _text("court"), "The court that convicted, as the DOJ file "
           "names it.", visible=False),
    Column("offense", "Offense", 30, _text("offense"), "The offense as the DOJ file describes "
           "it.", visible=False),
    Column("rule_id", "Rule", 40, _labels("rule_id", RULE_TITLES), "The rule that gave the "
           "determination, in a few words; the person's record explains it in full.",
           visible=False),
    Column("statute", "Statute", 30, _text("statute"), "The law, court decision or county "
           "policy the rule rests on.", visible=False),
    Column("note", "Note", 30, _text("note"), "A note staff added to this conviction.",
           visible=False, needs="note"),
    Column("decision_reason", "Decision reason", 30, _text("decision_reason"), "The reason "
           "staff gave for their decision.", visible=False, needs="decision_reason"),
)  # fmt: skip

COLUMN_INDEX: Final = {column.id: i for i, column in enumerate(COLUMNS)}


def display_expressions(available: list[str]) -> list[pl.Expr]:
    """One display-string expression per column, blank for optional columns not present."""
    return [
        (
            column.formatter() if column.needs is None or column.needs in available else pl.lit("")
        ).alias(column.id)
        for column in COLUMNS
    ]
