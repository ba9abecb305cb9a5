"""Rows of the non-court steps: arrests, registrations, deaths; and the shared row pieces.

`prefix` is always the person's columns plus the cycle columns (fields 1-37 after
RECORD_ID, with a trailing comma); each function adds the step and count columns.
"""

import datetime as dt
import random

from app.synth import catalog
from app.synth.catalog import Offence
from app.synth.fields import (
    EMPTY_FE_COLUMNS,
    EMPTY_OFFENCE_COLUMNS,
    EMPTY_SENTENCE_COLUMNS,
    STATUS_CODE_BLANK,
    offence_columns,
    registration_columns,
    step_columns,
)


def ymd(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def arrest_rows(
    rng: random.Random,
    prefix: str,
    cycle: int,
    day: dt.date,
    county: str,
    age: str,
    charges: list[tuple[Offence, str]],
    released: str,
) -> list[str]:
    """Step 1 of a cycle: one row per charge. `released` is the disposition when no court
    step follows (blank otherwise)."""
    kind = "arrest_police" if rng.random() < 0.6 else "arrest_sheriff"
    date_text = ymd(day)
    step_prefix = f"{prefix}#,001,{date_text},{step_columns(county, kind)}"
    tail = f"001,,{released},{STATUS_CODE_BLANK},,{EMPTY_SENTENCE_COLUMNS},{age},A,,,#"
    draw = rng.random
    rows = []
    for number, (offence, level) in enumerate(charges, 1):
        # agency report, incident and booking numbers (invented)
        report = int(draw() * 10**8)
        ofn = f"{report % 10**6:06d}" if report % 2 else ""
        fe = f"001,{report % 10**5:05d},,,,{report % 9_999_991:07d},{report:08d},,,,,"
        columns = offence_columns(offence.text, level, "arrest")
        rows.append(
            f"{step_prefix}#,{cycle:03d}001{number:03d}000,{date_text},{ofn},{columns},{fe},{tail}"
        )
    return rows


def registration_row(
    rng: random.Random,
    prefix: str,
    cycle: int,
    step: int,
    day: dt.date,
    county: str,
    age: str,
    text: str | None = None,
) -> str:
    """A REGISTRATION step; PC 290 unless another registration offence is given."""
    text = text or rng.choice(catalog.REGISTRATION_290)
    date_text = ymd(day)
    return (
        f"{prefix}#,{step:03d},{date_text},{step_columns(county, 'registration')}"
        f"#,{cycle:03d}{step:03d}001000,{date_text},,{registration_columns(text)},"
        f"{EMPTY_FE_COLUMNS},001,,,,,{EMPTY_SENTENCE_COLUMNS},{age},A,,,#"
    )


def deceased_row(person_columns: str, cycle: int, day: dt.date, county: str) -> str:
    """A cycle of its own holding one DECEASED step."""
    date_text = ymd(day)
    return (
        f"{person_columns}#,{cycle:03d},{date_text},"
        f"#,001,{date_text},{step_columns(county, 'deceased')}"
        f"#,{cycle:03d}001001000,{date_text},,{EMPTY_OFFENCE_COLUMNS},{EMPTY_FE_COLUMNS},"
        f"001,,,,,{EMPTY_SENTENCE_COLUMNS},,A,,,#"
    )
