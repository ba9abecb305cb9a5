"""What to look at before the papers go out: the workspace's part of the export checklist
(pending reviews, decisions no one confirmed, post-2016 offenses held back), the office's
part (details and filing facts left blank) and the DOJ file's date. Qt-free: the export
dialog shows each item with the button that fixes it.

Nothing here stops an export: the office decides, and every blank prints as a bracketed
blank. The checklist only makes sure it decides knowingly.
"""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import polars as pl

from app.eligibility.dates import PROP64_EFFECTIVE
from app.exports.office import BLANKS, FIELD_NAMES, OfficeDetails, with_court_defaults

# What a fix button does: the export dialog maps these to a filter or a dialog.
FIX_REVIEWS: Final = "show_reviews"
FIX_UNCONFIRMED: Final = "show_unconfirmed"
FIX_HELD_BACK: Final = "show_held_back"
FIX_OFFICE: Final = "office_details"
FIX_DOJ_DATE: Final = "doj_file_date"

# The office's filing facts the motion's caption and notice need ([filing] in office.toml).
FILING_FIELDS: Final = {
    "case_number": "case number",
    "hearing_date": "hearing date",
    "hearing_time": "hearing time",
}


# Whether the papers print the filing facts yet (app.exports.office keeps [filing]): only
# then is a blank one worth a line, and only then can the Office details dialog fill it.
FILING_KNOWN: Final = "filing" in FIELD_NAMES or "case_number" in FIELD_NAMES


@dataclass(frozen=True)
class CheckItem:
    key: str
    text: str  # what is so, in the clerk's words
    fix: str  # what the button does (FIX_*)
    button: str  # the button's words


def _effective(decided: pl.DataFrame) -> pl.Expr:
    if "final_determination" in decided.columns:
        return pl.coalesce(pl.col("final_determination"), pl.col("determination"))
    return pl.col("determination")


def held_back(decided: pl.DataFrame) -> pl.Expr:
    """Convictions held back because Prop 64 had taken effect (2016-11-09), by the offense
    date where the engine gives one, else by the conviction date; one the staff granted
    anyway is not held back."""
    when = "offense_date" if "offense_date" in decided.columns else "conviction_date"
    granted = _effective(decided).is_in(["dismiss", "reduce"])
    return ((pl.col(when) > PROP64_EFFECTIVE) & ~granted).fill_null(False)


def workspace_items(decided: pl.DataFrame) -> list[CheckItem]:
    """Pending reviews, unconfirmed decisions and held-back offenses of the decided frame."""
    effective = _effective(decided)
    status = (pl.col("status").fill_null("pending") if "status" in decided.columns
              else pl.lit("pending"))
    counts = decided.select(
        (effective == "review").sum().alias("review"),
        ((status == "pending") & (effective != "review")).sum().alias("unconfirmed"),
        held_back(decided).sum().alias("held_back"),
    ).row(0, named=True)
    items = []
    if counts["review"]:
        items.append(CheckItem(
            "pending_reviews", f"{_convictions(counts['review'])} still "
            f"{_verb(counts['review'], 'needs', 'need')} a person's review: left out of the "
            "motion until someone decides.",
            FIX_REVIEWS, "Show them"))
    if counts["unconfirmed"]:
        items.append(CheckItem(
            "unconfirmed", f"{_convictions(counts['unconfirmed'])} "
            f"{_verb(counts['unconfirmed'], 'goes', 'go')} out as the engine decided: no one on "
            "staff has accepted or changed the determination yet.",
            FIX_UNCONFIRMED, "Show them"))
    if counts["held_back"]:
        what = ("for offenses committed" if "offense_date" in decided.columns
                else "entered")
        items.append(CheckItem(
            "held_back", f"{_convictions(counts['held_back'])} "
            f"{_verb(counts['held_back'], 'is', 'are')} {what} after Prop 64 took effect "
            f"({_day(PROP64_EFFECTIVE)}), under the new law: its relief does not reach them, "
            "so they are held back from the papers.", FIX_HELD_BACK, "Show them"))
    return items


def office_items(office: OfficeDetails, county: str, office_path: Path | None) -> list[CheckItem]:
    """Office details and filing facts left blank (they print as bracketed blanks)."""
    filled = with_court_defaults(office, county)
    missing = [BLANKS[name] for name in BLANKS if not str(getattr(filled, name, "")).strip()]
    filing = filing_blanks(office_path) if FILING_KNOWN else []
    items = []
    if office.county and office.county != county:
        items.append(CheckItem(
            "office_county", f"The office details are for {office.county.title()}, not "
            f"{county.title()}: the papers would name the wrong county.", FIX_OFFICE,
            "Office details…"))
    if missing:
        items.append(CheckItem(
            "office", f"Office details left blank print as {', '.join(missing)}.",
            FIX_OFFICE, "Office details…"))
    if filing:
        items.append(CheckItem(
            "filing", f"Filing details not entered yet: {', '.join(filing)}.",
            FIX_OFFICE, "Office details…"))
    return items


def filing_blanks(office_path: Path | None) -> list[str]:
    """The filing facts ([filing] in office.toml) not entered, in words."""
    table: Mapping[str, Any] = {}
    if office_path is not None and office_path.is_file():
        try:
            loaded = tomllib.loads(office_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            loaded = {}  # load_office says what is wrong with the file, when the papers load
        found = loaded.get("filing")
        table = found if isinstance(found, Mapping) else {}
    return [words for key, words in FILING_FIELDS.items() if not str(table.get(key) or "").strip()]


def doj_date_items(summary: Mapping[str, Any] | None) -> list[CheckItem]:
    """The motion states the date DOJ produced the file: unknown, or only guessed from the
    file's modification date."""
    if summary is None:
        return []
    text = str(summary.get("doj_file_date") or "")
    try:
        known = date.fromisoformat(text) if text else None
    except ValueError:
        known = None
    if known is None:
        return [CheckItem("doj_file_date", "The date DOJ produced the file is unknown; the "
                          "motion states it.", FIX_DOJ_DATE, "Enter the date…")]
    if summary.get("doj_file_date_source") == "file modified":
        return [CheckItem("doj_file_date", f"The DOJ file's date, {_day(known)}, is the "
                          "day the file was last saved on this PC; check it against DOJ's "
                          "letter.", FIX_DOJ_DATE, "Check the date…")]
    return []


def _verb(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def _convictions(count: int) -> str:
    return f"{count:,} conviction{'' if count == 1 else 's'}"


def _day(day: date) -> str:
    """November 9, 2016 (strftime's no-padding flags differ between Windows and the rest)."""
    return f"{day:%B} {day.day}, {day.year}"
