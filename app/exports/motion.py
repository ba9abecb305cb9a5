"""The Notice and Motion to Dismiss; Seal; and Protect, on pleading paper (docs/PAPERS.md; the
Los Angeles motion of February 2020 is the model).

Every figure comes from one `Accounting` (after staff decisions), so the motion says what
the order, Exhibit 1 and the impact report say. A fact the office did not enter (city
attorneys, an alternate public defender, the DOJ file's date) is left out or left as a
bracketed blank, never asserted.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from app.eligibility.deadlines import CHALLENGE_DEADLINE, challenge_window_closed
from app.eligibility.summary import ImpactSummary
from app.exports.office import OfficeDetails, county_words, one_line, shown
from app.exports.pleading import (
    CENTRE,
    INDENT,
    TEXT_LEFT,
    TEXT_RIGHT,
    Block,
    Line,
    Run,
    blank,
    centred,
    numbered,
    paragraph,
    wrap,
)
from app.exports.relief import Accounting

MOTION_FILE: Final = "motion_and_order.pdf"  # all the papers in one PDF (app.exports.papers)
MOTION_TITLE: Final = "NOTICE AND MOTION TO DISMISS; SEAL; AND PROTECT"
STATUTES: Final = "(Health & Saf. Code, §§ 11361.8, 11361.9; Pen. Code, § 13300 et seq.)"
HS_PC: Final = (
    "Health and Safety Code sections 11361.8 and 11361.9 and Penal Code section 13300 et seq."
)
DATE_BLANK: Final = "[AS-OF DATE]"
ACCOUNTING_PARAGRAPH: Final = 3  # "Of those N convictions:", followed by (a)-(d)


@dataclass(frozen=True)
class MotionFacts:
    """What the papers recite about the run: from summary.json, or in the app from the
    workspace (unknown stays None)."""

    county: str
    as_of: date | None
    doj_file_date: date | None
    # Juvenile court cannabis counts the run did not evaluate (app.eligibility.juvenile): the
    # papers do not reach them, and export says so.
    juvenile_not_evaluated: int = 0

    @classmethod
    def from_summary(cls, summary: ImpactSummary) -> "MotionFacts":
        return cls(summary.county, summary.as_of, summary.doj_file_date,
                   summary.juvenile_not_evaluated)

    @property
    def past_challenge_deadline(self) -> bool:
        return self.as_of is not None and challenge_window_closed(self.as_of)


def long_date(value: date | None, blank_text: str) -> str:
    return f"{value:%B} {value.day}, {value.year}" if value else blank_text


def n(count: int, singular: str, plural: str | None = None) -> str:
    word = singular if count == 1 else (plural or f"{singular}s")
    return f"{count:,} {word}" if count else f"no {word}"


def verb(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def defenders(office: OfficeDetails, *, upper: bool = False) -> str:
    """The public defender, and the alternate public defender only where the office said
    there is one."""
    county = county_words(office)
    alternate = " and the Alternate Public Defender" if office.alternate_public_defender else ""
    text = f"the Public Defender{alternate} of {county} County"
    return text.upper() if upper else text


def copies_to(office: OfficeDetails) -> str:
    parties = ["the Court", "the District Attorney", "the Public Defender"]
    if office.alternate_public_defender:
        parties.append("the Alternate Public Defender")
    parties.append("the Department of Justice")
    return ", ".join(parties[:-1]) + " and " + parties[-1]


def authority_phrase(office: OfficeDetails) -> str:
    authority = office.policy_dismissal_authority.strip()
    return f" ({authority})" if authority else ""


def signature(office: OfficeDetails) -> Block:
    """Dated line at the left; the signer's name, title and State Bar number right of centre,
    each wrapped inside the right rule."""
    right = CENTRE + 12
    lines = [
        Line((Run("Dated: ______________________", TEXT_LEFT),)),
        Line((Run("Respectfully submitted,", right),)),
        *_right_lines(shown(office, "da_name"), right),
        *_right_lines(f"{shown(office, 'title')}, County of {county_words(office)}", right),
        blank(),
    ]
    if office.signing_deputy.strip():
        lines.append(Line((Run("By: ______________________________", right),)))
        signer = [shown(office, "signing_deputy"), shown(office, "deputy_title")]
        indent = right + 24
    else:
        lines.append(Line((Run("__________________________________", right),)))
        signer = [shown(office, "da_name")]
        indent = right
    for text in [*signer, f"State Bar No. {shown(office, 'state_bar_number')}"]:
        lines.extend(_right_lines(text, indent))
    return Block(tuple(lines))


def _right_lines(text: str, x: float) -> list[Line]:
    return [Line((Run(part, x),)) for part in wrap(text, TEXT_RIGHT - x)]


def accounting_items(counts: Accounting, facts: MotionFacts) -> list[str]:
    """(a)-(d): where each identified conviction is, adding up to the identified total."""
    if facts.past_challenge_deadline:
        grounds = (
            f"{n(counts.challenged + counts.not_eligible, 'conviction')} the District "
            "Attorney's review found not eligible or within a ground stated in section 11361.8"
        )
    else:
        grounds = (
            f"{n(counts.challenged, 'conviction')} the District Attorney challenges and "
            f"{n(counts.not_eligible, 'conviction')} not eligible for relief"
        )
    pending = (
        f"{n(counts.pending, 'conviction')} still under review, not part of this motion"
    )
    if counts.held_back:
        pending += (
            f"; of them, {n(counts.held_back, 'conviction')} the county policy would grant "
            f"{verb(counts.held_back, 'is', 'are')} for an offense on or after November 9, "
            "2016, or of no known date: Proposition 64 reaches only earlier offenses, and "
            f"{verb(counts.held_back, 'it awaits', 'they await')} an individual decision"
        )
    return [
        f"(a) {n(counts.granted, 'conviction')} of {n(counts.people, 'person')}, listed in "
        "Exhibit 1 with the relief requested for each;",
        f"(b) {grounds};",
        f"(c) {n(counts.already_granted, 'conviction')} already granted relief under section "
        "11361.8, not asked for again; and",
        f"(d) {pending}.",
    ]


def review_sentence(counts: Accounting) -> str:
    """What review took place, true at export time."""
    decided = counts.identified - counts.pending
    unconfirmed = counts.granted - counts.staff_confirmed
    text = (
        f"The District Attorney has evaluated the Department of Justice record of each of the "
        f"{n(decided, 'conviction')} decided here. "
    )
    if not counts.granted:
        return text
    if not counts.staff_confirmed:
        text += (
            "Each conviction listed in Exhibit 1 was decided by applying the criteria stated in "
            "this motion to that record; none was individually decided by staff. "
        )
    elif unconfirmed:
        text += (
            f"Staff of the District Attorney individually decided or confirmed "
            f"{counts.staff_confirmed:,} of the {n(counts.granted, 'conviction')} listed in "
            f"Exhibit 1; the other {unconfirmed:,} were decided by applying the criteria stated "
            "in this motion to that record. "
        )
    else:
        text += (
            "Staff of the District Attorney individually decided or confirmed each conviction "
            "listed in Exhibit 1. "
        )
    return text + (
        "The District Attorney does not challenge the relief requested for any conviction "
        "listed in Exhibit 1."
    )


def deadline_paragraph(facts: MotionFacts) -> str | None:
    if not facts.past_challenge_deadline:
        return None
    return (
        "The time for the prosecution to challenge relief under section 11361.9 ended on "
        f"{long_date(CHALLENGE_DEADLINE, '')}. Section 11361.9 now requires the Court to grant "
        "relief under section 11361.8 for each identified conviction the prosecution did not "
        "challenge by that date. This motion makes no new challenge: the separate list "
        "identifies, with the ground of each, the convictions the District Attorney's review "
        "found not eligible or within a ground stated in section 11361.8, for the Court's "
        "determination."
    )


def city_attorneys_paragraph(office: OfficeDetails) -> str | None:
    offices = office.city_attorneys or ()
    if not offices:
        return None
    names = offices[0] if len(offices) == 1 else ", ".join(offices[:-1]) + " and " + offices[-1]
    return (
        f"Some misdemeanors in this county are prosecuted by the {names}. Each has authorized "
        "the District Attorney to include in this motion the convictions it prosecuted."
    )


def relief_items(counts: Accounting, office: OfficeDetails) -> list[Line]:
    """(a), (b), ...: one item per relief category present, in Exhibit 1's words."""
    if not counts.by_category:
        return paragraph("Exhibit 1 lists no conviction; no relief is requested.", left=INDENT)
    lines: list[Line] = []
    last = len(counts.by_category) - 1
    for index, (category, count) in enumerate(counts.by_category):
        ending = "." if index == last else ("; and" if index == last - 1 else ";")
        request = category.request.format(authority=authority_phrase(office))
        item = (
            f"({'abcdef'[index]}) for the {n(count, 'conviction')} listed as "
            f"\u201c{category.label}\u201d, {request}{ending}"
        )
        lines.extend(paragraph(item, first_indent=0, left=INDENT))
    return lines


def case_sealing_paragraph(counts: Accounting) -> str:
    text = (
        "If the Court cannot seal only the dismissed convictions, the People request that it "
        "seal each court case in which every conviction is dismissed and sealed. Exhibit 1 "
        "shows this for each conviction in its column \u201cAll convictions in case dismissed"
        f"\u201d; {n(counts.cases_sealable, 'court case')} "
        f"{verb(counts.cases_sealable, 'qualifies', 'qualify')}."
    )
    if counts.granted_without_case_number:
        text += (
            f" {n(counts.granted_without_case_number, 'conviction')} in Exhibit 1 "
            f"{verb(counts.granted_without_case_number, 'carries', 'carry')} no court case "
            "number in the Department of Justice record; Exhibit 1 marks "
            f"{verb(counts.granted_without_case_number, 'it', 'them')} \u201cNo case number"
            f"\u201d, and no case is sealed for "
            f"{verb(counts.granted_without_case_number, 'it', 'them')}."
        )
    return text


def sealing_paragraph(office: OfficeDetails) -> str:
    return (
        "Exhibit 1 lists each person's name, date of birth, CII number and convictions: "
        "summary criminal history information that Penal Code sections 11142 and 13300 through "
        "13303 make confidential. It is confidential by law (Cal. Rules of Court, rule "
        "2.550(a)(2)); to the extent rules 2.550 and 2.551 apply, the People lodge it "
        "conditionally under seal (rule 2.551(b)) and ask the Court to find (rule 2.550(d)) "
        "that the persons' interest, protected by statute, in the confidentiality of their "
        "criminal history overrides the right of public access to Exhibit 1 and supports "
        "sealing it; that a substantial probability exists that the interest will be "
        "prejudiced if Exhibit 1 is not sealed; that the sealing is narrowly tailored, since "
        "this motion and the order state only counts and Exhibit 1 alone is sealed; and that "
        "no less restrictive means exists to protect the interest. The People request that "
        f"copies go only to {copies_to(office)}, and that the defenders be ordered to keep "
        f"Exhibit 1 confidential and use it only as {HS_PC} require. The separate list of the "
        "convictions not in Exhibit 1 holds the same information and is served on the Court "
        "and the Public Defender under seal for the same reasons."
    )


def hearing_sentence(office: OfficeDetails) -> str:
    filing = office.filing
    if filing.hearing_date or filing.hearing_time:
        return (
            f"The motion will be heard on {filing.hearing_date or '[HEARING DATE]'} at "
            f"{filing.hearing_time or '[TIME]'} in Department {shown(office, 'department')}. "
        )
    return (
        "No hearing is requested: none is required to grant relief on a completed sentence "
        "unless the person requests one (Health & Saf. Code, § 11361.8, subd. (g)). "
    )


def motion_items(counts: Accounting, facts: MotionFacts, office: OfficeDetails) -> list[Any]:
    county = county_words(office)
    da = f"{shown(office, 'da_name')}, {shown(office, 'title')} of {county} County"
    court = office.court_name.strip() or shown(office, "court_name")
    # Typed on several lines in Office details; the notice runs it into one.
    address = one_line(shown(office, "court_address"))
    as_of = long_date(facts.as_of, DATE_BLANK)
    # An unknown DOJ date is left out of the sentence: nothing else in it depends on it, and
    # no date is asserted that the office did not give (readiness warns about it).
    identified_on = f"On {long_date(facts.doj_file_date, '')}, t" if facts.doj_file_date else "T"
    paragraphs = [
        "Proposition 64, the Control, Regulate and Tax Adult Use of Marijuana Act, added Health "
        "and Safety Code section 11361.8, under which a conviction under Health and Safety Code "
        "section 11357, 11358, 11359 or 11360 for conduct that is now lawful or a lesser offense "
        "is dismissed and sealed, redesignated, or recalled and resentenced. Health and Safety "
        "Code section 11361.9 requires the Department of Justice to identify those convictions "
        "and the prosecution to review each and inform the Court and the Public Defender which "
        "it challenges and which it does not.",
        f"{identified_on}he Department of Justice identified to the District Attorney "
        f"{n(counts.identified, 'conviction')} in {county} County potentially eligible for "
        f"relief. The District Attorney evaluated each of them as of {as_of}.",
        f"Of those {counts.identified:,} convictions:",
        review_sentence(counts),
        deadline_paragraph(facts),
        city_attorneys_paragraph(office),
        "The People therefore request, for each conviction listed in Exhibit 1 with the relief "
        "shown in its Relief column:",
    ]
    present = [text for text in paragraphs if text]
    items: list[Any] = [
        *paragraph(
            f"TO THE HONORABLE JUDGE OF DEPARTMENT {shown(office, 'department')} OF THE "
            f"{court.upper()}, AND TO {defenders(office, upper=True)}:",
            first_indent=0,
            bold=True,
        ),
        *paragraph(
            f"PLEASE TAKE NOTICE that the People of the State of California, by {da}, move "
            f"the Court, located at {address}, under {HS_PC} for an order granting the relief "
            "shown for each conviction listed in Exhibit 1; sealing each court case in which "
            "every conviction is dismissed and sealed; and sealing Exhibit 1 under a protective "
            f"order. {hearing_sentence(office)}The motion is based on this notice, the "
            "paragraphs below, Exhibit 1 lodged conditionally under seal, and the records of "
            "the Court."
        ),
        Block((blank(), *centred("MOTION", bold=True))),
    ]
    for number, text in enumerate(present, start=1):
        items.extend(numbered(number, text))
        if number == ACCOUNTING_PARAGRAPH:
            for item in accounting_items(counts, facts):
                items.extend(paragraph(item, first_indent=0, left=INDENT))
            items.extend(paragraph(
                "The convictions in (b) through (d) are listed separately, each with its ground "
                "or status, and served under seal on the Court and the Public Defender."
            ))
    items.extend(relief_items(counts, office))
    after = len(present) + 1
    items.extend(numbered(after, case_sealing_paragraph(counts)))
    items.extend(numbered(after + 1, sealing_paragraph(office)))
    items.extend(
        paragraph(
            "WHEREFORE, the People respectfully request that the Court grant this motion and "
            "sign the proposed order lodged with it."
        )
    )
    items.append(signature(office))
    return items
