"""The papers that go with the motion: the cover page of Exhibit 1 (lodged conditionally under
seal, CRC 2.551(b), with a totals block that matches the motion) and the proof of service on
the public defender."""

from typing import Any, Final

from app.exports.motion import defenders, n
from app.exports.office import OfficeDetails, one_line, shown
from app.exports.pleading import INDENT, TEXT_LEFT, Block, Line, Run, blank, centred, paragraph
from app.exports.relief import Accounting

COVER_TITLE: Final = "EXHIBIT 1: LODGED CONDITIONALLY UNDER SEAL"
SERVICE_TITLE: Final = "PROOF OF SERVICE"
TOTAL_AT: Final = TEXT_LEFT + 380  # the figures column of the totals block


def _total(label: str, count: int, indent: float = 0.0) -> Line:
    return Line((Run(label, TEXT_LEFT + indent), Run(f"{count:,}", TOTAL_AT)))


def totals_block(counts: Accounting) -> list[Line]:
    """The figures of Exhibit 1 and of the convictions not in it, as the motion states them."""
    lines = [
        _total("Convictions listed in Exhibit 1", counts.granted),
        *[_total(category.label, count, 24) for category, count in counts.by_category],
        _total("Persons listed in Exhibit 1", counts.people),
        _total("Court cases in which every conviction is dismissed", counts.cases_sealable),
        _total("Convictions with no court case number", counts.granted_without_case_number),
        _total("Not in Exhibit 1 (listed separately)", counts.listed_separately),
        _total("Challenged or not eligible", counts.challenged + counts.not_eligible, 24),
        _total("Already granted", counts.already_granted, 24),
        _total("Pending review", counts.pending, 24),
        _total("Convictions identified by the Department of Justice", counts.identified),
    ]
    return lines


def cover_items(counts: Accounting) -> list[Any]:
    return [
        Block((*centred("EXHIBIT 1", bold=True), blank())),
        *centred("CONFIDENTIAL: LODGED CONDITIONALLY UNDER SEAL", bold=True),
        *centred("(Cal. Rules of Court, rules 2.550, 2.551(b); Pen. Code, §§ 11142, 13300-13303)"),
        blank(),
        *paragraph(
            "Exhibit 1 to the People\u2019s Notice and Motion to Dismiss; Seal; and Protect is "
            "the sealed workbook exhibit_1.xlsx, one row per conviction. It holds summary "
            "criminal history information confidential by law and is lodged in a sealed "
            "envelope; it may be opened only by order of the Court."
        ),
        Block((blank(), *centred("TOTALS", bold=True), *totals_block(counts))),
    ]


def service_items(counts: Accounting, office: OfficeDetails) -> list[Any]:
    served = defenders(office)
    documents = [
        "Notice and Motion to Dismiss; Seal; and Protect;",
        "(Proposed) Order to Dismiss; Seal; and Protect;",
        f"Exhibit 1, listing {n(counts.granted, 'conviction')} of "
        f"{n(counts.people, 'person')}, lodged conditionally under seal;",
        f"the list of the {n(counts.listed_separately, 'conviction')} not in Exhibit 1 "
        f"({counts.challenged + counts.not_eligible:,} challenged or not eligible, "
        f"{counts.already_granted:,} already granted, {counts.pending:,} pending review), "
        "under seal.",
    ]
    items: list[Any] = [
        *centred(SERVICE_TITLE, bold=True),
        blank(),
        *paragraph(
            "I am over 18 years of age and not a party to this action. My business address is "
            f"{one_line(shown(office, 'office_address'))}. On the date below I served the "
            "following documents:"
        ),
    ]
    for index, text in enumerate(documents, start=1):
        items.extend(paragraph(f"({index}) {text}", first_indent=0, left=INDENT))
    items.extend(
        paragraph(
            f"on {served}, the sealed documents in a sealed envelope marked "
            "CONFIDENTIAL, by the method marked below, at the address written below:",
            first_indent=0,
        )
    )
    for method in ("personal delivery", "electronic service", "mail, first class, postage prepaid"):
        items.append(Line((Run(f"_____  {method}", TEXT_LEFT + INDENT),)))
    address = "Address: ____________________________________________________"
    items.append(Line((Run(address, TEXT_LEFT + INDENT),)))
    items.extend(
        paragraph(
            "I declare under penalty of perjury under the laws of the State of California that "
            "the foregoing is true and correct."
        )
    )
    items.append(
        Block(
            (
                blank(),
                Line(
                    (
                        Run("Dated: ______________________", TEXT_LEFT),
                        Run("______________________________", TEXT_LEFT + 260),
                    )
                ),
                Line((Run("Signature", TEXT_LEFT + 260),)),
                blank(),
                Line((Run("______________________________", TEXT_LEFT + 260),)),
                Line((Run("Printed name", TEXT_LEFT + 260),)),
            )
        )
    )
    return items
