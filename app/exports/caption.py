"""The first-page caption of a pleading (CRC 2.111): attorney block on lines 1-7 at the left
(the right of centre stays blank for the clerk's stamp), the court's title on line 8, then the
case title at the left and the case number and document title at the right.
"""

from typing import Final

from app.counties import title_case
from app.exports.office import OfficeDetails, shown
from app.exports.pleading import (
    CENTRE,
    PAGE_WIDTH,
    TEXT_LEFT,
    TEXT_RIGHT,
    TEXT_WIDTH,
    Line,
    Rule,
    Run,
    blank,
    fits,
    wrap,
)

ATTORNEY_LINES: Final = 7
COURT_TITLE_LINE: Final = 8
ATTORNEY_WIDTH: Final = PAGE_WIDTH / 2 - TEXT_LEFT - 4  # left of the page's centre
CAPTION_SPLIT: Final = CENTRE + 6  # the vertical rule between case title and case number
RIGHT_COLUMN: Final = CAPTION_SPLIT + 10
RIGHT_WIDTH: Final = TEXT_RIGHT - RIGHT_COLUMN
CASE_NUMBER_BLANK: Final = "[CASE NUMBER]"


def county_words(office: OfficeDetails) -> str:
    """'Sacramento' for prose, or the bracketed blank."""
    return title_case(office.county) if office.county else shown(office, "county")


def attorney_block(office: OfficeDetails) -> list[Line]:
    """Name, State Bar number, address, phone and e-mail, in at most 7 lines if they fit."""
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
    if len(address) > 1 and fits(", ".join(address), ATTORNEY_WIDTH):
        address = [", ".join(address)]
    address = address or [shown(office, "office_address")]
    phone, email = f"Telephone: {shown(office, 'phone')}", f"E-mail: {shown(office, 'email')}"
    closing = "Attorneys for Plaintiff, the People"
    layouts = (  # most complete first; the first that leaves line 8 free wins
        [*people, *address, phone, email, closing],
        [*people, *address, f"Tel. {shown(office, 'phone')}; {shown(office, 'email')}", closing],
        [*people, *address, phone, email],
        [*people, *address, f"Tel. {shown(office, 'phone')}; {shown(office, 'email')}"],
    )
    candidates = [_wrapped(entries) for entries in layouts]
    chosen = next((c for c in candidates if len(c) <= ATTORNEY_LINES), candidates[-1])
    return [Line((Run(text, TEXT_LEFT),)) for text in chosen]


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


def case_caption(office: OfficeDetails, document_title: str, statutes: str) -> list[Line]:
    """People v. the persons listed in Exhibit 1 | case number, title, hearing details."""
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
    right = [f"Case No.: {CASE_NUMBER_BLANK}", ""]
    right_bold = [False, False]
    for part in wrap(document_title, RIGHT_WIDTH, bold=True):
        right.append(part)
        right_bold.append(True)
    for part in wrap(statutes, RIGHT_WIDTH):
        right.append(part)
        right_bold.append(False)
    right += ["", "Date: [HEARING DATE]", "Time: [TIME]", f"Dept.: {shown(office, 'department')}"]
    right_bold += [False] * 4
    height = max(len(left), len(right))
    lines = [blank()]
    for index in range(height):
        runs: list[Run] = []
        if index < len(left) and left[index][0]:
            runs.append(Run(*left[index]))
        if index < len(right) and right[index]:
            runs.append(Run(right[index], RIGHT_COLUMN, bold=right_bold[index]))
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
