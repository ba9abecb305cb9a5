"""Dates and audit stamps as a clerk reads them: "December 7, 2026 at 10:55 PM by jsmith".

The workspace records stamps in UTC (ISO 8601, `2026-12-07T06:55:14Z`) so they sort and
compare anywhere; people read them in this PC's local time. Month names are spelled here,
not by the C library, so they do not change with the PC's locale settings.
"""

from datetime import date, datetime
from typing import Final

MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def long_date(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def local_time(stamp: str) -> str:
    """A UTC ISO stamp as local date and time; text that is not a stamp is shown as it is."""
    try:
        moment = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        return stamp  # no zone: which local time it means is unknown, so show it unchanged
    local = moment.astimezone()
    hour = local.hour % 12 or 12
    noon = "AM" if local.hour < 12 else "PM"
    return f"{long_date(local.date())} at {hour}:{local.minute:02d} {noon}"


def decided_text(at: object, by: object) -> str:
    """`December 7, 2026 at 10:55 PM by jsmith`; either part may be missing."""
    parts = []
    if at:
        parts.append(local_time(str(at)))
    if by:
        parts.append(f"by {by}")
    return " ".join(parts)
