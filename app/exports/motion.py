"""`motion_and_order.pdf`: the Notice and Motion to Dismiss; Seal; and Protect, and its proposed
Order, on pleading paper, reflecting the run (DOMAIN.md 5; the Los Angeles motion of February
2020 is the model). Every figure comes from the determinations after staff decisions; every
office detail not entered shows as a bracketed blank.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import polars as pl

from app.exports.caption import county_words, first_page
from app.exports.granted import ReliefCounts, relief_counts
from app.exports.office import OfficeDetails, one_line, shown, with_court_defaults
from app.exports.pleading import (
    CENTRE,
    INDENT,
    TEXT_LEFT,
    Block,
    Line,
    PleadingDocument,
    Run,
    blank,
    centred,
    numbered,
    paragraph,
    render,
)
from app.fileio import atomic_write_bytes

MOTION_FILE: Final = "motion_and_order.pdf"
MOTION_TITLE: Final = "NOTICE AND MOTION TO DISMISS; SEAL; AND PROTECT"
ORDER_TITLE: Final = "[PROPOSED] ORDER TO DISMISS; SEAL; AND PROTECT"
STATUTES: Final = "[Health & Saf. Code, §§ 11361.8, 11361.9; Pen. Code, § 13300 et seq.]"
HS_PC: Final = (
    "Health and Safety Code sections 11361.8 and 11361.9 and Penal Code section 13300 et seq."
)
DATE_BLANK: Final = "[AS-OF DATE]"
DOJ_DATE_BLANK: Final = "[DOJ FILE DATE]"


@dataclass(frozen=True)
class MotionFacts:
    """What the motion recites about the run, from summary.json (missing keys stay None)."""

    county: str
    as_of: date | None
    doj_file_date: date | None

    @classmethod
    def from_summary(cls, summary: dict[str, Any]) -> "MotionFacts":
        return cls(
            county=str(summary.get("county") or ""),
            as_of=_as_date(summary.get("as_of")),
            doj_file_date=_as_date(summary.get("doj_file_date")),  # CONTRACTS.md: top level
        )


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for candidate in (text[:10], f"{text[:4]}-{text[4:6]}-{text[6:8]}"):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def long_date(value: date | None, blank_text: str) -> str:
    return f"{value:%B} {value.day}, {value.year}" if value else blank_text


def _n(count: int, singular: str, plural: str | None = None) -> str:
    word = singular if count == 1 else (plural or f"{singular}s")
    return f"{count:,} {word}" if count else f"no {word}"


def _verb(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def _signature(office: OfficeDetails) -> Block:
    right = CENTRE + 12
    lines = [
        Line((Run("Dated: ______________________", TEXT_LEFT),)),
        Line((Run("Respectfully submitted,", right),)),
        Line((Run(shown(office, "da_name"), right),)),
        Line((Run(f"{shown(office, 'title')}, County of {county_words(office)}", right),)),
        blank(),
    ]
    if office.signing_deputy.strip():
        lines.append(Line((Run("By: ______________________________", right),)))
        lines.append(Line((Run(shown(office, "signing_deputy"), right + 24),)))
        lines.append(Line((Run(shown(office, "deputy_title"), right + 24),)))
        lines.append(Line((Run(f"State Bar No. {shown(office, 'state_bar_number')}", right + 24),)))
    else:
        lines.append(Line((Run("__________________________________", right),)))
        lines.append(Line((Run(shown(office, "da_name"), right),)))
        lines.append(Line((Run(f"State Bar No. {shown(office, 'state_bar_number')}", right),)))
    return Block(tuple(lines))


def _relief_items(counts: ReliefCounts) -> list[Line]:
    """(a), (b), (c): only the kinds of relief this run asks for."""
    kinds = [
        (counts.dismiss, "dismissal and sealing of {} (relief \u201cDismiss and seal\u201d)"),
        (
            counts.redesignate,
            "redesignation of {} as misdemeanors or infractions (relief \u201cRedesignate\u201d)",
        ),
        (
            counts.resentence,
            "recall and resentencing of {} of persons who are still serving the sentence "
            "(relief \u201cRecall and resentence\u201d)",
        ),
    ]
    asked = [text.format(_n(count, "conviction")) for count, text in kinds if count]
    if not asked:
        return paragraph("Exhibit 1 lists no conviction; no relief is requested.", left=INDENT)
    lines: list[Line] = []
    for index, text in enumerate(asked):
        ending = "." if index == len(asked) - 1 else ("; and" if index == len(asked) - 2 else ";")
        item = f"({'abc'[index]}) {text}{ending}"
        lines.extend(paragraph(item, first_indent=0, left=INDENT))
    return lines


def motion_items(counts: ReliefCounts, facts: MotionFacts, office: OfficeDetails) -> list[Any]:
    county = county_words(office)
    da = f"{shown(office, 'da_name')}, {shown(office, 'title')} of {county} County"
    court = office.court_name.strip() or shown(office, "court_name")
    # Typed on several lines in Office details; the notice runs it into one.
    address = one_line(shown(office, "court_address"))
    as_of = long_date(facts.as_of, DATE_BLANK)
    doj_date = long_date(facts.doj_file_date, DOJ_DATE_BLANK)
    review = [
        f"The District Attorney has reviewed the record of each of the "
        f"{_n(counts.convictions_evaluated, 'conviction')} identified and does not challenge "
        f"the relief requested for the {_n(counts.granted, 'conviction')} of "
        f"{_n(counts.people, 'person')} listed in Exhibit 1."
    ]
    if counts.challenged:
        review.append(
            f"The District Attorney challenges {_n(counts.challenged, 'conviction')}; those are "
            "listed separately and served on the Court and the Public Defender."
        )
    if counts.pending_review:
        review.append(
            f"A further {_n(counts.pending_review, 'conviction')} "
            f"{_verb(counts.pending_review, 'remains', 'remain')} under review and "
            f"{_verb(counts.pending_review, 'is', 'are')} "
            "not part of this motion."
        )
    if counts.not_eligible:
        review.append(
            f"Of the others, {_n(counts.not_eligible, 'conviction')} "
            f"{_verb(counts.not_eligible, 'is', 'are')} not eligible for relief "
            "under section 11361.8."
        )
    paragraphs = [
        "Proposition 64, the Control, Regulate and Tax Adult Use of Marijuana Act, added Health "
        "and Safety Code section 11361.8, under which a conviction under Health and Safety Code "
        "section 11357, 11358, 11359 or 11360 for conduct that is now lawful or a lesser offense "
        "is dismissed and sealed, redesignated, or recalled and resentenced. Health and Safety "
        "Code section 11361.9 requires the Department of Justice to identify those convictions "
        "and the prosecution to review each and either challenge it or inform the Court and the "
        "Public Defender that it does not.",
        f"On {doj_date}, the Department of Justice identified to the District Attorney the "
        f"convictions in {county} County potentially eligible for relief. The District Attorney "
        f"evaluated each of them as of {as_of}.",
        " ".join(review),
        "Some misdemeanors in this county are prosecuted by city attorneys. Each city attorney "
        "who prosecuted a conviction listed in Exhibit 1 has authorized the District Attorney "
        "to include it in this motion.",
        "The People therefore request, for each conviction listed in Exhibit 1 with the relief "
        "shown in its Relief column:",
    ]
    items: list[Any] = [
        *paragraph(
            f"TO THE HONORABLE JUDGE OF DEPARTMENT {shown(office, 'department')} OF THE "
            f"{court.upper()}, TO THE PUBLIC DEFENDER, AND TO THE ALTERNATE PUBLIC DEFENDER "
            f"OF {county.upper()} COUNTY:",
            first_indent=0,
            bold=True,
        ),
        *paragraph(
            f"PLEASE TAKE NOTICE that the People of the State of California, by {da}, move "
            f"the Court, located at {address}, under {HS_PC} for an order dismissing and "
            "sealing, redesignating, or recalling and resentencing each conviction listed in "
            "Exhibit 1 as shown there; sealing each case in which every conviction is "
            "dismissed; and sealing Exhibit 1 under a protective order. The motion is based on "
            "this notice, the paragraphs below, Exhibit 1 lodged under seal, and the records "
            "of the Court."
        ),
        Block((blank(), *centred("MOTION", bold=True))),
    ]
    for number, text in enumerate(paragraphs, start=1):
        items.extend(numbered(number, text))
    items.extend(_relief_items(counts))
    next_number = len(paragraphs) + 1
    items.extend(
        numbered(
            next_number,
            "If the Court cannot seal only the dismissed convictions, the People request that it "
            "seal each court case in which every conviction is dismissed. Exhibit 1 shows this "
            "for each conviction in its column \u201cAll convictions in case dismissed\u201d; "
            f"{_n(counts.cases_all_dismissed, 'court case')} "
            f"{_verb(counts.cases_all_dismissed, 'qualifies', 'qualify')}.",
        )
    )
    items.extend(
        numbered(
            next_number + 1,
            "Exhibit 1 contains summary criminal history information protected by Penal Code "
            "sections 11142 and 13300 through 13303. The People request that it be filed under "
            "seal; that copies go only to the Court, the District Attorney, the Public Defender, "
            "the Alternate Public Defender and the Department of Justice; and that the defenders "
            f"be ordered to protect it as {HS_PC} require.",
        )
    )
    items.extend(
        paragraph(
            "WHEREFORE, the People respectfully request that the Court grant this motion and "
            "sign the proposed order lodged with it."
        )
    )
    items.append(_signature(office))
    return items


def _relief_orders(counts: ReliefCounts) -> list[str]:
    orders = []
    if counts.dismiss:
        orders.append(
            f"Each of the {_n(counts.dismiss, 'conviction')} listed in Exhibit 1 with the "
            "relief \u201cDismiss and seal\u201d is dismissed and sealed under Health and Safety "
            "Code section 11361.8 as legally invalid."
        )
    if counts.redesignate:
        orders.append(
            f"Each of the {_n(counts.redesignate, 'conviction')} listed with the relief "
            "\u201cRedesignate\u201d is redesignated a misdemeanor or infraction under Health "
            "and Safety Code section 11361.8."
        )
    if counts.resentence:
        orders.append(
            f"Each of the {_n(counts.resentence, 'conviction')} listed with the relief "
            "\u201cRecall and resentence\u201d is recalled and the person resentenced under "
            "Health and Safety Code section 11361.8."
        )
    return orders


def order_items(counts: ReliefCounts, facts: MotionFacts, office: OfficeDetails) -> list[Any]:
    as_of = long_date(facts.as_of, DATE_BLANK)
    orders = [
        "The motion is GRANTED.",
        *_relief_orders(counts),
        f"Each court case in which every conviction is dismissed "
        f"({_n(counts.cases_all_dismissed, 'court case')}, marked \u201cYes\u201d in Exhibit 1) "
        "is sealed.",
        "Exhibit 1 shall be kept in a sealed envelope in the record of this Court and opened "
        "only by order of the Court.",
        "The District Attorney shall give a copy of Exhibit 1 to the Public Defender and the "
        "Alternate Public Defender, who shall keep it confidential and use it only as "
        f"{HS_PC} require.",
        "The Clerk of the Court shall update the records of the Court to reflect this order and "
        "report the dispositions to the Department of Justice.",
    ]
    items: list[Any] = [
        *paragraph(
            "The Court has read the People\u2019s Notice and Motion to Dismiss; Seal; and Protect "
            f"and Exhibit 1, which lists {_n(counts.granted, 'conviction')} of "
            f"{_n(counts.people, 'person')} evaluated as of {as_of}. Good cause appearing, IT IS "
            "ORDERED:"
        ),
    ]
    for number, text in enumerate(orders, start=1):
        items.extend(numbered(number, text))
    judge = CENTRE + 12
    items.append(
        Block(
            (
                *paragraph("IT IS SO ORDERED."),
                blank(),
                Line(
                    (
                        Run("Dated: ______________________", TEXT_LEFT),
                        Run("__________________________________", judge),
                    )
                ),
                Line((Run("JUDGE OF THE SUPERIOR COURT", judge),)),
            )
        )
    )
    return items


def motion_pdf(counts: ReliefCounts, facts: MotionFacts, office: OfficeDetails) -> bytes:
    office = with_court_defaults(office, facts.county)
    motion = PleadingDocument(
        MOTION_TITLE,
        [*first_page(office, MOTION_TITLE, STATUTES), *motion_items(counts, facts, office)],
    )
    order = PleadingDocument(
        ORDER_TITLE,
        [*first_page(office, ORDER_TITLE, STATUTES), *order_items(counts, facts, office)],
    )
    return render(
        [motion, order],
        title=f"{MOTION_TITLE} and {ORDER_TITLE}",
        author=shown(office, "da_name"),
    )


def write_motion(
    path: Path, determinations: pl.DataFrame, facts: MotionFacts, office: OfficeDetails,
    counts: ReliefCounts | None = None,
) -> ReliefCounts:
    """`counts`: relief_counts(determinations), when the caller has them already."""
    counts = counts or relief_counts(determinations)
    atomic_write_bytes(path, motion_pdf(counts, facts, office))
    return counts
