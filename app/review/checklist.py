"""The export checklist of the app: app.exports.readiness's notes (the same list
`countyclear export` prints as warnings), each with the fix the app offers, plus what only a
workspace knows: decisions no one on staff confirmed. Qt-free: the export dialog shows each
item with the button that fixes it.

Nothing here stops an export: the office decides, and every blank prints as a bracketed
blank. The checklist only makes sure it decides knowingly.
"""

from dataclasses import dataclass
from typing import Final

import polars as pl

from app.exports.inputs import RELIEF_COLUMNS
from app.exports.motion import MotionFacts
from app.exports.office import OfficeDetails
from app.exports.readiness import (
    DOJ_FILE_DATE,
    HELD_BACK,
    OFFICE_BLANK,
    OFFICE_NOTES,
    PENDING,
    Note,
    export_readiness,
)

# What a fix button does: the export dialog maps these to a filter or a dialog ("" = none).
FIX_REVIEWS: Final = "show_reviews"
FIX_UNCONFIRMED: Final = "show_unconfirmed"
FIX_HELD_BACK: Final = "show_held_back"
FIX_OFFICE: Final = "office_details"
FIX_DOJ_DATE: Final = "doj_file_date"

SHOW: Final = "Show them"
OFFICE_BUTTON: Final = "Office details…"
_FIXES: Final = {
    PENDING: (FIX_REVIEWS, SHOW),
    HELD_BACK: (FIX_HELD_BACK, SHOW),
    DOJ_FILE_DATE: (FIX_DOJ_DATE, "Enter the date…"),
    **{key: (FIX_OFFICE, OFFICE_BUTTON) for key in OFFICE_NOTES},
}


@dataclass(frozen=True)
class CheckItem:
    key: str
    text: str  # what is so, in the clerk's words
    fix: str = ""  # what the button does (FIX_*); "" for a note with nothing to press
    button: str = ""  # the button's words


def checklist(
    decided: pl.DataFrame, facts: MotionFacts, office: OfficeDetails
) -> list[CheckItem]:
    """Everything to look at before the papers go out: `decided` has the staff decisions
    applied (app.review.apply_decisions); `facts` gives county, as-of and DOJ file date."""
    missing = [name for name in RELIEF_COLUMNS if name not in decided.columns]
    if missing:  # export refuses it too (app.exports.inputs.refuse_without_relief)
        return [CheckItem(
            "evaluate_again", "This workspace was evaluated by an older CountyClear: its "
            f"determinations have no {', '.join(missing)}, which the papers need. Open the DOJ "
            "files again in a new workspace to evaluate them anew.")]
    readiness = export_readiness(decided, facts, office)
    items = [_item(note) for note in readiness.notes if note.key != OFFICE_BLANK]
    blanks = [note.blank for note in readiness.notes if note.key == OFFICE_BLANK]
    if blanks:  # one line for the text details, not one each: one dialog fills them all
        items.insert(_first_office(items), CheckItem(
            OFFICE_BLANK, f"Office details left blank print as {', '.join(blanks)}.",
            FIX_OFFICE, OFFICE_BUTTON))
    unconfirmed = _unconfirmed(decided, readiness.accounting.held_back)
    if unconfirmed:
        items.insert(_after(items, PENDING), CheckItem(
            "unconfirmed", f"{unconfirmed:,} conviction{'' if unconfirmed == 1 else 's'} "
            f"{'goes' if unconfirmed == 1 else 'go'} out as the engine decided: no one on "
            "staff has accepted or changed the determination yet.", FIX_UNCONFIRMED, SHOW))
    return items


def office_problem(message: str) -> CheckItem:
    """The item for an office file that cannot be read: the fix is the same dialog."""
    return CheckItem("office", f"The office details cannot be read: {message}", FIX_OFFICE,
                     OFFICE_BUTTON)


def _item(note: Note) -> CheckItem:
    fix, button = _FIXES.get(note.key, ("", ""))
    return CheckItem(note.key, note.text[:1].upper() + note.text[1:], fix, button)


def _unconfirmed(decided: pl.DataFrame, held_back: int) -> int:
    """Convictions that go out (granted, challenged or listed) as the engine decided them.
    The held back have no staff decision either, but they do not go out."""
    if "status" not in decided.columns:
        return 0
    effective = (pl.coalesce(pl.col("final_determination"), pl.col("determination"))
                 if "final_determination" in decided.columns else pl.col("determination"))
    waiting = (pl.col("status").fill_null("pending") == "pending") & (effective != "review")
    return max(int(decided.select(waiting.sum()).item()) - held_back, 0)


def _after(items: list[CheckItem], key: str) -> int:
    keys = [item.key for item in items]
    return keys.index(key) + 1 if key in keys else 0


def _first_office(items: list[CheckItem]) -> int:
    return next((i for i, item in enumerate(items) if item.fix == FIX_OFFICE), len(items))
