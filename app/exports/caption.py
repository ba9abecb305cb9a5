"""The first-page caption of a pleading (Cal. Rules of Court, rule 2.111): the attorney block
on lines 1-7 at the left (app.exports.attorney; the right of center stays blank for the
clerk's stamp), the court's title on line 8, then the case title at the left and the case
number and document title at the right.
"""

from typing import Final

from app.exports.attorney import ATTORNEY_LINES, attorney_block
from app.exports.office import CASE_NUMBER_DEFAULT, NO_HEARING, OfficeDetails, shown
from app.exports.pleading import (
    CENTRE,
    TEXT_LEFT,
    TEXT_RIGHT,
    TEXT_WIDTH,
    Line,
    Rule,
    Run,
    blank,
    wrap,
)

COURT_TITLE_LINE: Final = ATTORNEY_LINES + 1  # rule 2.111(3)
CAPTION_SPLIT: Final = CENTRE + 6  # the vertical rule between case title and case number
RIGHT_COLUMN: Final = CAPTION_SPLIT + 10
RIGHT_WIDTH: Final = TEXT_RIGHT - RIGHT_COLUMN
HEARING_DATE_BLANK: Final = "[HEARING DATE]"
HEARING_TIME_BLANK: Final = "[TIME]"


def court_title(office: OfficeDetails) -> list[Line]:
    name = office.court_name.strip().upper() or shown(office, "court_name")
    first, *rest = [
        Line((Run(part, CENTRE, "center", bold=True),)) for part in wrap(name, TEXT_WIDTH)
    ]
    return [Line(first.runs, at_line=COURT_TITLE_LINE), *rest]


def hearing_lines(office: OfficeDetails) -> list[str]:
    """Date and time when the office asks for a hearing; otherwise that none is requested."""
    filing = office.filing
    if not filing.hearing_date and not filing.hearing_time:
        return [NO_HEARING]
    return [f"Date: {filing.hearing_date or HEARING_DATE_BLANK}",
            f"Time: {filing.hearing_time or HEARING_TIME_BLANK}"]


def case_number(office: OfficeDetails) -> str:
    return office.filing.case_number or CASE_NUMBER_DEFAULT


def case_caption(office: OfficeDetails, document_title: str, statutes: str) -> list[Line]:
    """People v. the persons listed in Exhibit 1 | case number, title, hearing details; every
    right-hand entry wraps inside its column."""
    left_width = CAPTION_SPLIT - TEXT_LEFT - 8
    left: list[tuple[str, float]] = []
    for text, indent in (
        ("THE PEOPLE OF THE STATE OF CALIFORNIA,", 0.0),
        ("", 0.0),
        ("Plaintiff,", 144.0),
        ("v.", 72.0),
        ("", 0.0),
        ("THE PERSONS LISTED IN EXHIBIT 1,", 0.0),
        ("", 0.0),
        ("Defendants.", 144.0),
    ):
        left.extend((part, TEXT_LEFT + indent) for part in wrap(text, left_width - indent))
    right: list[tuple[str, bool]] = []
    entries = [
        (f"Case No.: {case_number(office)}", False), ("", False), (document_title, True),
        (statutes, False), ("", False), *[(text, False) for text in hearing_lines(office)],
        (f"Dept.: {shown(office, 'department')}", False),
    ]  # fmt: skip
    for text, bold in entries:
        right.extend((part, bold) for part in wrap(text, RIGHT_WIDTH, bold=bold))
    height = max(len(left), len(right))
    lines = [blank()]
    for index in range(height):
        runs: list[Run] = []
        if index < len(left) and left[index][0]:
            runs.append(Run(*left[index]))
        if index < len(right) and right[index][0]:
            runs.append(Run(right[index][0], RIGHT_COLUMN, bold=right[index][1]))
        rules = [Rule("vertical", CAPTION_SPLIT)]
        if index == height - 1:
            rules.append(Rule("bottom", TEXT_LEFT, CAPTION_SPLIT))
        lines.append(Line(tuple(runs), tuple(rules)))
    return lines


def first_page(office: OfficeDetails, document_title: str, statutes: str) -> list[Line]:
    return [
        *attorney_block(office),
        *court_title(office),
        *case_caption(office, document_title, statutes),
        blank(),
    ]
