"""Rows of the non-court steps: arrests, registrations, deaths; and the shared row pieces.

Every row of a cycle starts with the same person and cycle columns and names the same
county and age: a `Cycle` carries them, and each function adds the step and count columns.
"""

import datetime as dt
import random
from typing import NamedTuple

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


class Cycle(NamedTuple):
    """What every row of one cycle shares."""

    prefix: str  # person and cycle columns (fields 1-37 after RECORD_ID), trailing comma
    number: int  # CYC_ORDER
    county: str  # the county whose agencies act in it
    age: str  # CYC_AGE

    def step_prefix(self, step: int, date_text: str, kind: str) -> str:
        """The row up to the count columns: the prefix and a step of `kind` (fields 38-48)."""
        return f"{self.prefix}#,{step:03d},{date_text},{step_columns(self.county, kind)}"


def cycle_at(person_columns: str, number: int, day: dt.date, county: str, age: str,
             date_text: str | None = None) -> Cycle:
    """`date_text`: CYC_DATE as written when it is not the day (an unknown date)."""
    written = ymd(day) if date_text is None else date_text
    return Cycle(f"{person_columns}#,{number:03d},{written},", number, county, age)


def ymd(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def arrest_rows(
    rng: random.Random,
    cycle: Cycle,
    day: dt.date,
    charges: list[tuple[Offence, str]],
    released: str,
) -> list[str]:
    """Step 1 of a cycle: one row per charge. `released` is the disposition when no court
    step follows (blank otherwise)."""
    kind = "arrest_police" if rng.random() < 0.6 else "arrest_sheriff"
    date_text = ymd(day)
    step_prefix = cycle.step_prefix(1, date_text, kind)
    tail = f"001,,{released},{STATUS_CODE_BLANK},,{EMPTY_SENTENCE_COLUMNS},{cycle.age},A,,,#"
    draw = rng.random
    rows = []
    for number, (offence, level) in enumerate(charges, 1):
        # agency report, incident and booking numbers (invented)
        report = int(draw() * 10**8)
        ofn = f"{report % 10**6:06d}" if report % 2 else ""
        fe = f"001,{report % 10**5:05d},,,,{report % 9_999_991:07d},{report:08d},,,,,"
        columns = offence_columns(offence.text, level, "arrest")
        rows.append(
            f"{step_prefix}#,{cycle.number:03d}001{number:03d}000,{date_text},{ofn},{columns},"
            f"{fe},{tail}"
        )
    return rows


def registration_row(
    rng: random.Random, cycle: Cycle, step: int, day: dt.date, text: str | None = None
) -> str:
    """A REGISTRATION step; PC 290 unless another registration offence is given."""
    text = text or rng.choice(catalog.REGISTRATION_290)
    return _one_count_row(cycle, step, day, "registration", registration_columns(text))


def deceased_row(person_columns: str, number: int, day: dt.date, county: str) -> str:
    """A cycle of its own holding one DECEASED step (its CYC_AGE is blank)."""
    cycle = cycle_at(person_columns, number, day, county, "")
    return _one_count_row(cycle, 1, day, "deceased", EMPTY_OFFENCE_COLUMNS)


def _one_count_row(cycle: Cycle, step: int, day: dt.date, kind: str, offence: str) -> str:
    """A step with a single count and no disposition; `offence` is fields 53-65."""
    date_text = ymd(day)
    return (
        f"{cycle.step_prefix(step, date_text, kind)}"
        f"#,{cycle.number:03d}{step:03d}001000,{date_text},,{offence},"
        f"{EMPTY_FE_COLUMNS},001,,,,,{EMPTY_SENTENCE_COLUMNS},{cycle.age},A,,,#"
    )
