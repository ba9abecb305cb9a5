"""The proposed Order to Dismiss; Seal; and Protect: one paragraph per relief category present,
in Exhibit 1's words, with the sealing findings CRC 2.550(d)-(e) asks for."""

from typing import Any, Final

from app.exports.motion import (
    DATE_BLANK,
    HS_PC,
    MotionFacts,
    authority_phrase,
    defenders,
    long_date,
    n,
    verb,
)
from app.exports.office import OfficeDetails
from app.exports.pleading import CENTRE, TEXT_LEFT, Block, Line, Run, blank, numbered, paragraph
from app.exports.relief import Accounting

ORDER_TITLE: Final = "(PROPOSED) ORDER TO DISMISS; SEAL; AND PROTECT"


def relief_orders(counts: Accounting, office: OfficeDetails) -> list[str]:
    return [
        f"The {n(count, 'conviction')} listed in Exhibit 1 as \u201c{category.label}\u201d: "
        + category.order.format(authority=authority_phrase(office))
        for category, count in counts.by_category
    ]


def order_items(counts: Accounting, facts: MotionFacts, office: OfficeDetails) -> list[Any]:
    as_of = long_date(facts.as_of, DATE_BLANK)
    pending = (
        f"A further {n(counts.pending, 'identified conviction')} "
        f"{verb(counts.pending, 'remains', 'remain')} under review and "
        f"{verb(counts.pending, 'is', 'are')} not decided by this order."
        if counts.pending
        else "No identified conviction remains under review."
    )
    orders = [
        "The motion is GRANTED.",
        *relief_orders(counts, office),
        f"Each court case in which every conviction is dismissed and sealed "
        f"({n(counts.cases_sealable, 'court case')}, marked \u201cYes\u201d in Exhibit 1) is "
        "sealed. No case is sealed for a conviction marked \u201cNo case number\u201d.",
        "The Court finds (Cal. Rules of Court, rule 2.550(d)-(e)) that Exhibit 1 and the "
        "separate list of the convictions not in it contain summary criminal history "
        "information confidential under Penal Code sections 11142 and 13300 through 13303; "
        "that the persons' interest in its confidentiality overrides the right of public access "
        "and supports sealing; that a substantial probability exists that the interest will be "
        "prejudiced if they are not sealed; that sealing them alone is narrowly tailored; and "
        "that no less restrictive means exists. They are filed under seal, kept in a sealed "
        "envelope in the record of this Court, and opened only by order of the Court.",
        f"The District Attorney shall give a copy of Exhibit 1 to {defenders(office)}, who "
        f"shall keep it confidential and use it only as {HS_PC} require.",
        "The Clerk of the Court shall update the records of the Court to reflect this order and "
        "report the dispositions to the Department of Justice.",
    ]
    items: list[Any] = [
        *paragraph(
            "The Court has read the People\u2019s Notice and Motion to Dismiss; Seal; and Protect "
            "and Exhibit 1, lodged conditionally under seal, which lists "
            f"{n(counts.granted, 'conviction')} of {n(counts.people, 'person')} evaluated as of "
            f"{as_of}. {pending} Good cause appearing, IT IS ORDERED:"
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
