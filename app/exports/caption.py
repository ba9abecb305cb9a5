"""The first-page caption of a pleading (CRC 2.111): attorney block on lines 1-7 at the left
(the right of centre stays blank for the clerk's stamp), the court's title on line 8, then the
case title at the left and the case number and document title at the right.
"""

from typing import Final

from app.counties import title_case
from app.exports.office import CASE_NUMBER_DEFAULT, NO_HEARING, OfficeDetails, shown
from app.exports.pleading import (
    CENTRE,
    LEADING,
    PAGE_WIDTH,
    TEXT_LEFT,
    TEXT_RIGHT,
    TEXT_WIDTH,
    Line,
    Rule,
    Run,
    blank,
    wrap,
)

ATTORNEY_LINES: Final = 7
ATTORNEY_SPAN: Final = (ATTORNEY_LINES - 1) * LEADING  # baseline of line 1 to that of line 7
MIN_LEADING: Final = 13.0  # 12 pt text, single-spaced, as attorney blocks often are
MAX_ATTORNEY_LINES: Final = int(ATTORNEY_SPAN / MIN_LEADING + 1e-9) + 1  # 12
COURT_TITLE_LINE: Final = 8
ATTORNEY_WIDTH: Final = PAGE_WIDTH / 2 - TEXT_LEFT - 4  # left of the page's centre
CAPTION_SPLIT: Final = CENTRE + 6  # the vertical rule between case title and case number
RIGHT_COLUMN: Final = CAPTION_SPLIT + 10
RIGHT_WIDTH: Final = TEXT_RIGHT - RIGHT_COLUMN
HEARING_DATE_BLANK: Final = "[HEARING DATE]"
HEARING_TIME_BLANK: Final = "[TIME]"


def county_words(office: OfficeDetails) -> str:
    """'Sacramento' for prose, or the bracketed blank."""
    return title_case(office.county) if office.county else shown(office, "county")


def attorney_block(office: OfficeDetails) -> list[Line]:
    """Name, State Bar number, address, phone and e-mail on lines 1-7 at the left. A block
    longer than seven lines is set at a smaller leading (never below MIN_LEADING) so that it
    still ends on line 7 and the court title keeps line 8."""
    county = county_words(office)
    bar = f"SBN {shown(office, 'state_bar_number')}"
    if office.signing_deputy.strip():
        people = [
            shown(office, "da_name"),
            f"{shown(office, 'title')}, County of {county}",
            f"{shown(office, 'signing_deputy')}, {bar}",
            shown(office, "deputy_title"),
        ]
    else:
        people = [
            f"{shown(office, 'da_name')}, {bar}",
            f"{shown(office, 'title')}, County of {county}",
        ]
    address = [p.strip() for p in office.office_address.splitlines() if p.strip()]
    address = address or [shown(office, "office_address")]
    contact = [f"Telephone: {shown(office, 'phone')}", f"E-mail: {shown(office, 'email')}"]
    lines = _wrapped([*people, *address, *contact, "Attorneys for Plaintiff, the People"])
    if len(lines) <= ATTORNEY_LINES:
        return [Line((Run(text, TEXT_LEFT),)) for text in lines]
    if len(lines) > MAX_ATTORNEY_LINES:  # run the address into fewer lines first
        lines = _wrapped([*people, ", ".join(address), "; ".join(contact),
                          "Attorneys for Plaintiff, the People"])
    # The last line's baseline lands on line 7's; a block too long even at MIN_LEADING keeps
    # its first MAX_ATTORNEY_LINES (only an office block of 13+ lines after joining).
    lines = lines[:MAX_ATTORNEY_LINES]
    leading = ATTORNEY_SPAN / (len(lines) - 1)
    first = Line(tuple(Run(text, TEXT_LEFT, drop=index * leading)
                       for index, text in enumerate(lines)))
    return [first, *[blank() for _ in range(ATTORNEY_LINES - 1)]]


def _wrapped(entries: list[str]) -> list[str]:
    lines: list[str] = []
    for entry in entries:
        first, *rest = wrap(entry, ATTORNEY_WIDTH)
        lines.append(first)
        if rest:
            lines.extend(f"    {part}" for part in wrap(" ".join(rest), ATTORNEY_WIDTH - 20))
    return lines


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
