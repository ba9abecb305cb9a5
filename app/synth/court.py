"""Rows of a COURT ACTION step: dispositions, conviction status, sentence components.

A convicted count gets one row per sentence component, all with the same CNT_ORDER
(docs/DOJ_FILE.md, section 3): e.g. CONVICTED-PROBATION 36 M, then CONVICTED-JAIL 90 D.
"""

import datetime as dt
import random

from app.synth import catalog
from app.synth.catalog import Offence
from app.synth.fields import (
    EMPTY_SENTENCE_COLUMNS,
    SEE_COMMENT,
    SENT_TIME_BLANK,
    STATUS_CODE_BLANK,
    csv_field,
    offence_columns,
)
from app.synth.person import bad_date_text
from app.synth.steps import Cycle, ymd

COURTS_UNIFIED = dt.date(2000, 1, 1)  # municipal courts before, superior courts after
COMMENT_ONLY_RATE = 0.04  # per Prop 64 count: the charge only in COMMENT_TEXT
BAD_DATE_RATE = 0.005  # per court step: 19790000, 19790229 or blank
PADDED_STATUS_RATE = 0.25  # per convicted count: `FELONY    `
PADDED_DISPOSITION_RATE = 0.05
SECOND_CASE_RATE = 0.06  # per count: a count from a second, consolidated case
BLANK_OFN_RATE = 0.05
NULL_OFN_RATE = 0.04
DISMISSED_RATE = 0.4  # per count that is not the point of the cycle
NO_SENTENCE = ",,,," + SENT_TIME_BLANK  # fields 85-89 of a conviction without a sentence
_UNIT_TEXT = {"D": "DAYS      ", "M": "MONTHS    ", "Y": "YEARS     "}


def court_rows(
    rng: random.Random,
    cycle: Cycle,
    step: int,
    day: dt.date,
    charges: list[tuple[Offence, str, bool]],
    juvenile: bool = False,
) -> list[str]:
    """One court step; `charges` are (offence, level, must be convicted). A `juvenile`
    step is the juvenile court's (its adjudications, HS 11361.8(m))."""
    if juvenile:
        kind = "court_juvenile"
    else:
        kind = "court_superior" if day >= COURTS_UNIFIED else "court_municipal"
    date_text = ymd(day)
    if rng.random() < BAD_DATE_RATE:
        date_text = bad_date_text(rng, day.year)
    step_prefix = cycle.step_prefix(step, date_text, kind)
    case = case_number(rng, day, any(level == "F" for _, level, _ in charges))
    rows = []
    for number, (offence, level, convicted) in enumerate(charges, 1):
        ofn = case_number(rng, day, level == "F") if rng.random() < SECOND_CASE_RATE else case
        fe = f"001,,,,{ofn.strip()},,,,,,{ofn.strip()},"
        text, comment = offence.text, csv_field(offence.comment)
        if offence.kind == "prop64" and rng.random() < COMMENT_ONLY_RATE:
            text, comment = SEE_COMMENT, csv_field(offence.text)
        head = f"{step_prefix}#,{cycle.number:03d}{step:03d}{number:03d}000,{date_text},{ofn},"
        tail = f"{cycle.age},A,,{comment},#"
        if not convicted and rng.random() < DISMISSED_RATE:
            disposition = rng.choice(catalog.NON_CONVICTION_DISPOSITIONS)
            columns = offence_columns(text, level, "court")
            rows.append(
                f"{head}{columns},{fe},001,D,{disposition},{STATUS_CODE_BLANK},,"
                f"{EMPTY_SENTENCE_COLUMNS},{tail}"
            )
            continue
        status_code, status = conviction_status(rng, offence, level)
        felony = status.startswith("FELONY") or (not status and level == "F")
        columns = offence_columns(text, level, "conviction")
        for order, (disposition, sentence) in enumerate(sentences(rng, felony, level), 1):
            if rng.random() < PADDED_DISPOSITION_RATE:
                disposition += "  "
            rows.append(
                f"{head}{columns},{fe},001,C,{disposition},{status_code},{status},"
                f"#,{order:03d},{sentence},{tail}"
            )
    return rows


def relief_row(
    cycle: Cycle, step: int, day: dt.date, number: int, offence: Offence, level: str,
    words: tuple[str, str],
) -> str:
    """A later COURT ACTION step writing count `number` again with the relief granted on it
    (`words`: DISP_DESCR and COMMENT_TEXT), as a DOJ file records a later dismissal,
    redesignation, reduction or vacatur of that count."""
    date_text = ymd(day)
    step_prefix = cycle.step_prefix(step, date_text, "court_superior")
    disposition, comment = words
    columns = offence_columns(offence.text, level, "court")
    return (
        f"{step_prefix}#,{cycle.number:03d}{step:03d}{number:03d}000,{date_text},,{columns},"
        f"001,,,,,,,,,,,,001,D,{csv_field(disposition)},{STATUS_CODE_BLANK},,"
        f"{EMPTY_SENTENCE_COLUMNS},{cycle.age},A,,{csv_field(comment)},#"
    )


def case_number(rng: random.Random, day: dt.date, felony: bool) -> str:
    """OFN of a court row: usually like 03F12345, sometimes blank or `NULL  `."""
    draw = rng.random()
    if draw < BLANK_OFN_RATE:
        return ""
    if draw < BLANK_OFN_RATE + NULL_OFN_RATE:
        return "NULL  "
    return f"{day.year % 100:02d}{'F' if felony else 'M'}{int(rng.random() * 10**5):05d}"


def conviction_status(rng: random.Random, offence: Offence, level: str) -> tuple[str, str]:
    """CONV_STAT_CODE and CONV_STAT_DESCR: sometimes blank (the level then comes from
    OFFENSE_TOC), sometimes a wobbler convicted as a misdemeanor, often space-padded."""
    draw = rng.random()
    if level == "I" or draw < 0.1:
        return "", ""
    if level == "F" and "M" in offence.levels and draw < 0.25:
        code, status = "M", "MISDEMEANOR"
    elif level == "F":
        code, status = "F", "FELONY"
    else:
        code, status = "M", "MISDEMEANOR"
    if rng.random() < PADDED_STATUS_RATE:
        status += " " * rng.randint(1, 6)
    return code, status


def sentences(rng: random.Random, felony: bool, level: str) -> list[tuple[str, str]]:
    """(DISP_DESCR, fields 85-89) per sentence component; each is its own row."""
    if level == "I":
        return [("CONVICTED", NO_SENTENCE)]
    draw = rng.random()
    parts: tuple[str, ...]
    if felony:
        if draw < 0.25:
            parts = ("PRISON",)
        elif draw < 0.7:
            parts = ("PROBATION", "JAIL")
        else:
            parts = ("PROBATION",) if draw < 0.9 else ("JAIL",)
    elif draw < 0.25:
        parts = ("JAIL",)
    elif draw < 0.55:
        parts = ("PROBATION",)
    else:
        parts = ("PROBATION", "JAIL") if draw < 0.8 else ()
    if not parts:
        return [("CONVICTED", NO_SENTENCE)]
    return [(f"CONVICTED-{part}", sentence(rng, part)) for part in parts]


def sentence(rng: random.Random, where: str) -> str:
    """SENT_LOC_CODE, SENT_LOC_DESCR, SENT_LENGTH, SENT_TIME_CODE, SENT_TIME_DESCR."""
    short = rng.random()
    if where == "PRISON":
        length, unit = (rng.randint(2, 8), "Y") if short < 0.7 else (rng.choice((16, 32)), "M")
    elif where == "JAIL":
        length, unit = (rng.randint(10, 365), "D") if short < 0.8 else (rng.randint(1, 12), "M")
    else:
        length, unit = (rng.randint(12, 60), "M") if short < 0.6 else (rng.randint(1, 5), "Y")
    place = where if rng.random() < 0.5 else where.ljust(10)
    return f"{where[0]},{place},{length},{unit},{_UNIT_TEXT[unit]}"
