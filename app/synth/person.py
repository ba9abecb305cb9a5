"""One synthetic person: identity, date of birth, and the person columns (1-34) of every row.

The person columns are the same on all of a person's rows, so they are rendered once and
reused: that is most of what keeps generation fast.
"""

import datetime as dt
import random
from dataclasses import dataclass

from app.synth import catalog
from app.synth.fields import csv_field

# Share of people with an unusual record (docs/DOJ_FILE.md, section 1): bad DOB, accented name.
BAD_DOB_RATE = 0.004
ACCENTED_NAME_RATE = 0.03
_RACE_WEIGHTS = tuple(weight for _, _, weight in catalog.RACES)


@dataclass(frozen=True)
class Person:
    subject_id: str
    birth: dt.date  # the true birth date (the generator's own clock for ages)
    dob_text: str  # PRI_DOB as written: usually YYYYMMDD, sometimes not a calendar date
    dob_known: bool  # dob_text is the birth date
    columns: str  # fields 1-34 joined with commas, with a trailing comma
    columns_blank_id: str  # the same with SUBJECT_ID blank (a data error some rows carry)

    def age_on(self, day: dt.date) -> str:
        """CYC_AGE: blank when the written DOB is not a date, as a real file would have it."""
        if not self.dob_known:
            return ""
        years = (
            day.year - self.birth.year - ((day.month, day.day) < (self.birth.month, self.birth.day))
        )
        return str(years)


def subject_id(index: int, offset: int) -> str:
    # 7919 is prime and shares no factor with 90,000,000: unique 8-digit ids for every index.
    return str(10_000_000 + (index * 7919 + offset) % 90_000_000)


def bad_date_text(rng: random.Random, year: int) -> str:
    """An unknown date as DOJ files write them: day and month 00, a 29 February that never
    was, or blank."""
    pick = rng.randrange(3)
    if pick == 0:
        return f"{year}0000"
    if pick == 1:
        return f"{year if year % 4 else year + 1}0229"
    return ""


def make_person(rng: random.Random, index: int, id_offset: int) -> Person:
    sid = subject_id(index, id_offset)
    cii = str(1_000_000_000 + (index * 104_729 + id_offset) % 9_000_000_000)
    birth = dt.date(rng.randint(1935, 2000), rng.randint(1, 12), rng.randint(1, 28))
    dob_known = rng.random() >= BAD_DOB_RATE
    dob_text = f"{birth:%Y%m%d}" if dob_known else bad_date_text(rng, birth.year)
    if rng.random() < ACCENTED_NAME_RATE:
        last = rng.choice(catalog.ACCENTED_LAST_NAMES)
    else:
        last = rng.choice(catalog.LAST_NAMES)
    name = f"{last},{rng.choice(catalog.FIRST_NAMES)}"
    if rng.random() < 0.7:
        name += " " + rng.choice(catalog.MIDDLE_INITIALS)
    quoted_name = csv_field(name)
    gender = "M" if rng.random() < 0.8 else "F"
    race_code, race, _ = rng.choices(catalog.RACES, weights=_RACE_WEIGHTS)[0]
    eye_code, eye = rng.choice(catalog.EYES)
    hair_code, hair = rng.choice(catalog.HAIR)
    pob_code, pob_name, pob_type, citizenship = rng.choice(catalog.BIRTHPLACES)
    height = f"{rng.randint(5, 6)}{rng.randint(0, 11):02d}"
    weight = str(rng.randint(110, 290))
    letters = rng.choice("ABCDEFGH") + rng.choice("ABCDEFGH")
    fbi = f"{rng.randrange(10**6):06d}{letters}{rng.randrange(10)}"
    idn = f"{rng.randrange(10**8):08d}"
    # fields 3-34; SUBJECT_STATUS and SUBJECT_ID are put in front below
    rest = (
        f"#,{cii},{quoted_name},{gender},{dob_text},,,#,{cii},{quoted_name},{gender},{dob_text},"
        f"  -  ,  -  ,{idn},          ,{fbi},#,{race_code},{race},{eye_code},{eye:<10},{hair_code},"
        f"{hair:<10},{height},{weight},Y,N,{pob_code},{pob_name:<20},{pob_type},{citizenship:<10},"
    )
    return Person(
        subject_id=sid,
        birth=birth,
        dob_text=dob_text,
        dob_known=dob_known,
        columns=f"A,{sid},{rest}",
        columns_blank_id=f"A,,{rest}",
    )
