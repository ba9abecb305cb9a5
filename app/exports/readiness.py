"""What is still blank or held back before the papers are written: one list that export prints
as `warning:` lines and the app shows as its checklist before writing (app.review.checklist
adds only what a workspace knows: decisions no one confirmed, and the fix for each note).

`export_readiness(determinations, facts, office)` is the app's entry point; export itself
calls `warnings_for` with what it has already computed.
"""

from dataclasses import dataclass
from typing import Final

import polars as pl

from app.eligibility.juvenile import juvenile_note
from app.exports.attorney import block_too_long
from app.exports.motion import MotionFacts
from app.exports.office import (
    BLANKS,
    OfficeDetails,
    court_address_note,
    with_court_defaults,
)
from app.exports.relief import RECALL, Accounting, accounting, outcomes

# The text details every paper prints, with the words the notes use for them.
PRINTED: Final = (
    ("court_name", "the court's name"),
    ("court_address", "the court's address"),
    ("department", "the department"),
    ("da_name", "the District Attorney's name"),
    ("title", "the District Attorney's title"),
    ("state_bar_number", "the signing attorney's State Bar number"),
    ("office_address", "the office's address"),
    ("phone", "the office's telephone"),
    ("email", "the office's e-mail"),
)

# What a note is about: the app offers a fix by it (app.review.checklist).
HELD_BACK: Final = "held_back"
PENDING: Final = "pending"
NO_CASE_NUMBER: Final = "no_case_number"
SERVING_UNKNOWN: Final = "serving_unknown"
OFFICE_COUNTY: Final = "office_county"
OFFICE_BLANK: Final = "office_blank"  # a printed text detail left blank (`blank` says which)
CITY_ATTORNEYS: Final = "city_attorneys"
ALTERNATE_PUBLIC_DEFENDER: Final = "alternate_public_defender"
HEARING: Final = "hearing"
RECALL_HEARING: Final = "recall_hearing"
COURT_ADDRESS: Final = "court_address"
DOJ_FILE_DATE: Final = "doj_file_date"
AS_OF: Final = "as_of"
ATTORNEY_BLOCK: Final = "attorney_block"  # lines 1-7 cannot hold it: export refuses
JUVENILE: Final = "juvenile_not_evaluated"
# The notes the office details (office.toml, or the app's Office details) resolve.
OFFICE_NOTES: Final = frozenset({OFFICE_COUNTY, OFFICE_BLANK, CITY_ATTORNEYS,
                                 ALTERNATE_PUBLIC_DEFENDER, HEARING, RECALL_HEARING,
                                 COURT_ADDRESS, ATTORNEY_BLOCK})  # fmt: skip


@dataclass(frozen=True)
class Note:
    key: str  # what it is about (the constants above)
    text: str  # what is so, one plain sentence starting in lower case, no "warning:" prefix
    cli_fix: str = ""  # how the command line fixes it (the app has a button instead)
    blank: str = ""  # OFFICE_BLANK: the bracketed blank the papers print

    @property
    def warning(self) -> str:
        """The `warning:` line of `countyclear export` (without the prefix)."""
        return f"{self.text} {self.cli_fix}" if self.cli_fix else self.text


@dataclass(frozen=True)
class Readiness:
    notes: tuple[Note, ...]
    accounting: Accounting  # held_back, pending and the rest, as the papers will state them

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(note.warning for note in self.notes)


def notes_for(
    counts: Accounting, facts: MotionFacts, office: OfficeDetails, *, motion: bool = True
) -> list[Note]:
    """Every blank the papers would print and every conviction held back, in words."""
    notes: list[Note] = []
    if counts.held_back:
        notes.append(Note(HELD_BACK,
            f"{counts.held_back:,} conviction(s) the policy would grant are held back from "
            "Exhibit 1 and the order: the offense (or, where its date is unknown, the "
            "conviction) is on or after 2016-11-09 or of no known date, and Proposition 64 "
            "reaches only earlier offenses (HS 11361.8). Decide each in the app to file it; "
            "until then it is counted as pending."))  # fmt: skip
    if counts.pending:
        notes.append(Note(PENDING,
            f"{counts.pending:,} conviction(s) are pending review: the papers count them as "
            "pending and ask nothing for them."))  # fmt: skip
    if counts.granted_without_case_number:
        notes.append(Note(NO_CASE_NUMBER,
            f"{counts.granted_without_case_number:,} granted conviction(s) have no court case "
            "number in the DOJ file: Exhibit 1 marks them \"No case number\" and no case is "
            "sealed for them; the court finds them by name, date of birth and CII number."))
    if counts.serving_unknown:
        notes.append(Note(SERVING_UNKNOWN,
            f"{counts.serving_unknown:,} granted conviction(s) have no known sentence end: "
            "the papers treat the sentence as completed (HS 11361.8(e)-(f)); check them."))
    if facts.juvenile_not_evaluated:
        notes.append(Note(JUVENILE, juvenile_note(facts.juvenile_not_evaluated)
                          + " The papers do not reach them."))
    if not motion:
        return notes
    if office.county and facts.county and office.county != facts.county.upper():
        notes.append(Note(OFFICE_COUNTY,
            f"the office details are for {office.county}, not {facts.county.upper()}: "
            "export refuses to name the wrong county.", "Correct the county in the office file."))
    office = with_court_defaults(office, facts.county)
    too_long = block_too_long(office)
    if too_long:
        notes.append(Note(ATTORNEY_BLOCK, f"{too_long}. Export refuses it rather than cut a line.",
                          "Shorten those entries in the office file."))
    if not office.county:
        notes.append(Note(OFFICE_BLANK, f"the county is not set: the papers print "
                          f"{BLANKS['county']}.", blank=BLANKS["county"]))  # fmt: skip
    for key, words in PRINTED:
        if not str(getattr(office, key)).strip():
            notes.append(Note(OFFICE_BLANK, f"the office details leave {words} ({key}) blank: "
                              f"the papers print {BLANKS[key]}.", blank=BLANKS[key]))
    if office.signing_deputy.strip() and not office.deputy_title.strip():
        notes.append(Note(OFFICE_BLANK, "the signing deputy's title (deputy_title) is blank: "
                          f"the papers print {BLANKS['deputy_title']}.",
                          blank=BLANKS["deputy_title"]))  # fmt: skip
    if office.city_attorneys is None:
        notes.append(Note(CITY_ATTORNEYS,
            "the office details do not say which city attorneys prosecute here: the motion "
            "names no city attorney.",
            "Write city_attorneys = [...] in the office file, or [] when none does."))
    if office.alternate_public_defender is None:
        notes.append(Note(ALTERNATE_PUBLIC_DEFENDER,
            "the office details do not say whether the county has an alternate public "
            "defender: the papers name none.",
            "Write alternate_public_defender = true or false in the office file."))
    if facts.doj_file_date is None:
        notes.append(Note(DOJ_FILE_DATE,
            "the date DOJ produced the file is not known: the motion gives no date for it.",
            "Give it with `countyclear evaluate --doj-file-date YYYY-MM-DD`."))
    if facts.as_of is None:
        notes.append(Note(AS_OF, "the as-of date is not in summary.json: the papers print "
                          "[AS-OF DATE]."))
    filing = office.filing
    if bool(filing.hearing_date) != bool(filing.hearing_time):
        missing = "hearing time" if filing.hearing_date else "hearing date"
        notes.append(Note(HEARING,
            f"the filing details give only one of the hearing date and time: the caption "
            f"prints a blank for the {missing}.",
            "Give both hearing_date and hearing_time in [filing], or neither."))
    if counts.count(RECALL) and not filing.hearing_date:
        notes.append(Note(RECALL_HEARING,
            f"{counts.count(RECALL):,} conviction(s) ask to recall and resentence a sentence "
            "still being served (HS 11361.8(a)-(b)); HS 11361.8(g) spares a hearing only for "
            "completed sentences: consider a hearing date.",
            "Set hearing_date and hearing_time in [filing]."))
    court = court_address_note(office, facts.county)
    if court:
        notes.append(Note(COURT_ADDRESS, court))
    return notes


def warnings_for(
    counts: Accounting, facts: MotionFacts, office: OfficeDetails, *, motion: bool = True
) -> list[str]:
    """`countyclear export`'s `warning:` lines (without the prefix)."""
    return [note.warning for note in notes_for(counts, facts, office, motion=motion)]


def export_readiness(
    determinations: pl.DataFrame, facts: MotionFacts, office: OfficeDetails
) -> Readiness:
    """The app's checklist before writing: `determinations` with staff decisions applied."""
    counts = accounting(outcomes(determinations))
    return Readiness(tuple(notes_for(counts, facts, office)), counts)
