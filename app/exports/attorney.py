"""The attorney block of a pleading's first page (Cal. Rules of Court, rule 2.111).

Rule 2.111(1) puts the attorney's name, State Bar number, address, phone and e-mail left of
the page's center from line 1; (2) keeps lines 1-7 right of center blank for the clerk; (3)
puts the court's title on line 8. The block therefore has lines 1-7 left of center and no
more (docs/PAPERS.md says why the title is never moved down and no second column is set).
The layouts, tried in order, each print every word the office entered:
1. each entry on its own line, double-spaced (up to 7 lines);
2. the same, single-spaced (leading down to MIN_LEADING: up to 12 lines);
3. the address run into one paragraph and phone and e-mail onto one line, each where that
   saves lines, single-spaced.
A block that still needs more than 12 lines is refused (`block_too_long`), never cut.
"""

import itertools
from dataclasses import dataclass
from typing import Final

from app.errors import InputError
from app.exports.office import OfficeDetails, county_words, shown
from app.exports.pleading import LEADING, PAGE_WIDTH, TEXT_LEFT, Line, Run, blank, wrap

ATTORNEY_LINES: Final = 7
ATTORNEY_SPAN: Final = (ATTORNEY_LINES - 1) * LEADING  # baseline of line 1 to that of line 7
MIN_LEADING: Final = 13.0  # 12 pt text, single-spaced, as attorney blocks often are
MAX_ATTORNEY_LINES: Final = int(ATTORNEY_SPAN / MIN_LEADING + 1e-9) + 1  # 12
ATTORNEY_WIDTH: Final = PAGE_WIDTH / 2 - TEXT_LEFT - 4  # left of the page's center
CONTINUATION: Final = "    "  # an entry's wrapped lines are indented under its first
CONTINUATION_WIDTH: Final = ATTORNEY_WIDTH - 20
ATTORNEYS_FOR: Final = "Attorneys for Plaintiff, the People"


@dataclass(frozen=True)
class Entry:
    """One item of the block and the office details it prints (what a clerk would shorten)."""

    text: str
    keys: tuple[str, ...] = ()


def entries(office: OfficeDetails) -> list[Entry]:
    """The block as the office entered it: each address line an entry of its own."""
    bar = f"SBN {shown(office, 'state_bar_number')}"
    title = Entry(f"{shown(office, 'title')}, County of {county_words(office)}", ("title",))
    if office.signing_deputy.strip():
        people = [
            Entry(shown(office, "da_name"), ("da_name",)),
            title,
            Entry(f"{shown(office, 'signing_deputy')}, {bar}",
                  ("signing_deputy", "state_bar_number")),
            Entry(shown(office, "deputy_title"), ("deputy_title",)),
        ]  # fmt: skip
    else:
        people = [Entry(f"{shown(office, 'da_name')}, {bar}", ("da_name", "state_bar_number")),
                  title]  # fmt: skip
    parts = [p.strip() for p in office.office_address.splitlines() if p.strip()]
    address = [Entry(part, ("office_address",))
               for part in parts or [shown(office, "office_address")]]  # fmt: skip
    contact = [Entry(f"Telephone: {shown(office, 'phone')}", ("phone",)),
               Entry(f"E-mail: {shown(office, 'email')}", ("email",))]  # fmt: skip
    return [*people, *address, *contact, Entry(ATTORNEYS_FOR)]


def run_together(block: list[Entry]) -> list[Entry]:
    """The address as one paragraph, and phone and e-mail on one line, wherever that takes
    fewer lines: the same words, in the same order."""
    result: list[Entry] = []
    for keys, group in itertools.groupby(enumerate(block), key=_group):
        parts = [entry for _, entry in group]
        joined = Entry(JOINERS.get(keys, "").join(e.text for e in parts), keys)
        shorter = len(parts) > 1 and len(wrapped(joined)) < sum(len(wrapped(e)) for e in parts)
        result.extend([joined] if shorter else parts)
    return result


JOINERS: Final = {("office_address",): ", ", ("phone", "email"): "; "}


def _group(numbered: tuple[int, Entry]) -> tuple[str, ...]:
    """The address lines belong together, and phone and e-mail; every other entry stands
    alone."""
    index, entry = numbered
    if entry.keys in (("phone",), ("email",)):
        return ("phone", "email")
    return entry.keys if entry.keys == ("office_address",) else (str(index),)


def wrapped(entry: Entry) -> list[str]:
    first, *rest = wrap(entry.text, ATTORNEY_WIDTH, later=CONTINUATION_WIDTH)
    return [first, *(CONTINUATION + part for part in rest)]


def set_lines(block: list[Entry]) -> list[str]:
    return [line for entry in block for line in wrapped(entry)]


def layout(office: OfficeDetails) -> list[str] | None:
    """The block's lines in the first layout that fits lines 1-7, or None when none does."""
    block = entries(office)
    for lines in (set_lines(block), set_lines(run_together(block))):
        if len(lines) <= MAX_ATTORNEY_LINES:
            return lines
    return None


def block_too_long(office: OfficeDetails) -> str | None:
    """Why the attorney block cannot be printed and what to shorten, or None when it fits."""
    if layout(office) is not None:
        return None
    block = entries(office)
    shortest = run_together(block)
    needed = len(set_lines(shortest))
    long_ones = sorted((e for e in shortest if len(wrapped(e)) > 1),
                       key=lambda e: -len(wrapped(e)))  # fmt: skip
    takes = ", ".join(f"{' and '.join(e.keys)} {len(wrapped(e))}" for e in long_ones)
    over = needed - MAX_ATTORNEY_LINES
    return (
        f"the attorney block is {len(set_lines(block))} lines as entered and still {needed} "
        f"with the address run together, but lines 1-7 left of center hold at most "
        f"{MAX_ATTORNEY_LINES} single-spaced (Cal. Rules of Court, rule 2.111: the court's "
        f"title goes on line 8, the right of center is the clerk's). Shorten it by at least "
        f"{over} line{'' if over == 1 else 's'}; the entries that wrap take (lines): {takes}"
    )


def attorney_block(office: OfficeDetails) -> list[Line]:
    """The block on lines 1-7 at the left: double-spaced when it has 7 lines or fewer,
    otherwise set closer so that its last line still sits on line 7 and the court's title
    keeps line 8."""
    lines = layout(office)
    if lines is None:  # export refuses earlier, naming the office file (check_attorney_block)
        raise InputError("office details", str(block_too_long(office)))
    if len(lines) <= ATTORNEY_LINES:
        return [Line((Run(text, TEXT_LEFT),)) for text in lines]
    leading = ATTORNEY_SPAN / (len(lines) - 1)
    first = Line(tuple(Run(text, TEXT_LEFT, drop=index * leading)
                       for index, text in enumerate(lines)))  # fmt: skip
    return [first, *[blank() for _ in range(ATTORNEY_LINES - 1)]]


def check_attorney_block(office: OfficeDetails, where: str) -> None:
    """Refuse, before anything is written, an office whose block lines 1-7 cannot hold."""
    problem = block_too_long(office)
    if problem is not None:
        raise InputError(where, problem)
