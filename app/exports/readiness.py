"""What is still blank or held back before the papers are written: one list that export prints
as `warning:` lines and the app shows as its checklist before writing.

`export_readiness(determinations, summary, office)` is the app's entry point; export itself
calls `warnings_for` with what it has already computed.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import polars as pl

from app.exports.motion import MotionFacts
from app.exports.office import (
    BLANKS,
    OfficeDetails,
    court_address_note,
    with_court_defaults,
)
from app.exports.relief import RECALL, Accounting, accounting, outcomes

# The text details every paper prints, with the words the checklist uses for them.
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


@dataclass(frozen=True)
class Readiness:
    warnings: tuple[str, ...]  # one plain sentence each, no "warning:" prefix
    accounting: Accounting  # held_back, pending and the rest, as the papers will state them


def warnings_for(
    counts: Accounting, facts: MotionFacts, office: OfficeDetails, *, motion: bool = True
) -> list[str]:
    """Every blank the papers would print and every conviction held back, in words."""
    notes: list[str] = []
    if counts.held_back:
        notes.append(
            f"{counts.held_back:,} conviction(s) the policy would grant are held back from "
            "Exhibit 1 and the order: the offense (or, where its date is unknown, the "
            "conviction) is on or after 2016-11-09 or of no known date, and Proposition 64 "
            "reaches only earlier offenses (HS 11361.8). Decide each in the app to file it; "
            "until then it is counted as pending."
        )
    if counts.pending:
        notes.append(
            f"{counts.pending:,} conviction(s) are pending review: the papers count them as "
            "pending and ask nothing for them."
        )
    if counts.granted_without_case_number:
        notes.append(
            f"{counts.granted_without_case_number:,} granted conviction(s) have no court case "
            "number in the DOJ file: Exhibit 1 marks them \"No case number\" and no case is "
            "sealed for them; the court finds them by name, date of birth and CII number."
        )
    if counts.serving_unknown:
        notes.append(
            f"{counts.serving_unknown:,} granted conviction(s) have no known sentence end: "
            "the papers treat the sentence as completed (HS 11361.8(e)-(f)); check them."
        )
    if not motion:
        return notes
    office = with_court_defaults(office, facts.county)
    if not office.county:
        notes.append(f"the county is not set: the papers print {BLANKS['county']}.")
    for key, words in PRINTED:
        if not str(getattr(office, key)).strip():
            notes.append(f"the office details leave {words} ({key}) blank: the papers print "
                         f"{BLANKS[key]}.")
    if office.signing_deputy.strip() and not office.deputy_title.strip():
        notes.append(f"the signing deputy's title (deputy_title) is blank: the papers print "
                     f"{BLANKS['deputy_title']}.")
    if office.city_attorneys is None:
        notes.append("city_attorneys is not set in the office details: the motion names no city "
                     "attorney (write city_attorneys = [] when none prosecutes here).")
    if office.alternate_public_defender is None:
        notes.append("alternate_public_defender is not set in the office details: the papers "
                     "name no alternate public defender (write true or false).")
    if facts.doj_file_date is None:
        notes.append("the date DOJ produced the file is not known: the motion prints "
                     "[DOJ FILE DATE]; give it with `countyclear evaluate --doj-file-date "
                     "YYYY-MM-DD`.")
    if facts.as_of is None:
        notes.append("the as-of date is not in summary.json: the papers print [AS-OF DATE].")
    filing = office.filing
    if bool(filing.hearing_date) != bool(filing.hearing_time):
        missing = "hearing_time" if filing.hearing_date else "hearing_date"
        notes.append(f"[filing] gives only one of hearing_date and hearing_time: the caption "
                     f"prints a blank for {missing}.")
    if counts.count(RECALL) and not filing.hearing_date:
        notes.append(f"{counts.count(RECALL):,} conviction(s) ask to recall and resentence a "
                     "sentence still being served (HS 11361.8(a)-(b)); HS 11361.8(g) spares a "
                     "hearing only for completed sentences: consider a hearing date in [filing].")
    court = court_address_note(office, facts.county)
    if court:
        notes.append(court)
    return notes


def export_readiness(
    determinations: pl.DataFrame, summary: Mapping[str, Any], office: OfficeDetails
) -> Readiness:
    """The app's checklist before writing: `determinations` with staff decisions applied."""
    counts = accounting(outcomes(determinations))
    facts = MotionFacts.from_summary(dict(summary))
    return Readiness(tuple(warnings_for(counts, facts, office)), counts)
