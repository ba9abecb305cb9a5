"""A person's criminal history as DOJ rows: cycles, steps, counts, sentences (DOMAIN.md 2).

Every person gets at least one Prop 64 conviction (the DOJ sends a county the people with a
potentially eligible conviction) and, at the rates below, the situations real files contain:
other counties, super strikes before and after the cannabis case, PC 290 convictions and
registrations, deaths, comment-only charges, attempts, look-alike sections, padded values,
unknown dates, blank SUBJECT_IDs and people with dozens of cycles.
"""

import datetime as dt
import math
import random
from itertools import accumulate

from app.counties import COUNTIES
from app.synth import catalog
from app.synth.catalog import Offence
from app.synth.court import court_rows
from app.synth.person import Person
from app.synth.steps import Cycle, arrest_rows, cycle_at, deceased_row, registration_row

PROP64_CUTOFF = dt.date(2016, 11, 9)
FIRST_DAY = dt.date(1975, 1, 1).toordinal()
LAST_DAY = dt.date(2020, 12, 31).toordinal()
LAST_DEATH = dt.date(2024, 6, 30).toordinal()

# Rates of the situations a realistic file contains (per person unless said otherwise).
MANY_CYCLES_RATE = 0.015  # people with dozens of cycles
ANCHOR_ELSEWHERE_RATE = 0.03  # the cannabis conviction is in another county
ANCHOR_AFTER_CUTOFF_RATE = 0.05
OTHER_COUNTY_RATE = 0.2  # per cycle
SUPER_STRIKE_RATE = 0.03
PC290_RATE = 0.015
STANDALONE_REGISTRATION_RATE = 0.003
DECEASED_RATE = 0.02
BLANK_ID_RATE = 0.003  # one row of the person has a blank SUBJECT_ID
OTHER_REGISTRATION_RATE = 0.01  # per drug case before 2012: HS 11590, not PC 290
ROWS_PER_CYCLE = 2.72  # measured average; turns rows-per-person into cycles-per-person

_PROP64_CUM = tuple(accumulate(catalog.PROP64_WEIGHTS))
_REGISTRABLE_SUPER = ("261(A)(2)", "288(A)", "269(A)(1)")


class HistoryMaker:
    """Draws the cycles of people for one county; one instance per generation run."""

    def __init__(self, county: str, rows_per_person_avg: float) -> None:
        self.county = county
        self.others = tuple(c for c in COUNTIES if c != county)
        # Cycles per person: 1 + an exponential draw, its mean chosen so rows per person
        # average the requested value (people with dozens of cycles included).
        # Small averages leave less room for people with dozens of cycles.
        self.many_cycles_rate = MANY_CYCLES_RATE * min(1.0, rows_per_person_avg / 8)
        wanted_cycles = rows_per_person_avg / ROWS_PER_CYCLE
        many = self.many_cycles_rate
        base = (wanted_cycles - many * 40) / (1 - many) - 1
        self.extra_cycles_rate = 0.0 if base <= 0.02 else math.log(1 + 1 / base)

    def cycle_count(self, rng: random.Random) -> int:
        if rng.random() < self.many_cycles_rate:
            return rng.randint(20, 60)
        if self.extra_cycles_rate == 0.0:
            return 1
        return 1 + int(rng.expovariate(self.extra_cycles_rate))

    def cycle_dates(self, rng: random.Random, person: Person, count: int) -> list[dt.date]:
        birth = person.birth
        start = max(dt.date(birth.year + 18, birth.month, birth.day).toordinal(), FIRST_DAY)
        start = min(start, LAST_DAY - 400)
        start += rng.randint(0, (LAST_DAY - start) // 2)
        span = min(LAST_DAY - start, count * rng.randint(120, 700))
        draw = rng.random
        return sorted(dt.date.fromordinal(start + int(draw() * (span + 1))) for _ in range(count))

    def person_cycles(self, rng: random.Random, person: Person) -> list[list[str]]:
        """The person's rows, grouped by cycle (so a delivery can be split between cycles)."""
        count = self.cycle_count(rng)
        super_strike = rng.random() < SUPER_STRIKE_RATE
        if super_strike and count < 2:
            count = 2
        dates = self.cycle_dates(rng, person, count)
        before_cutoff = [i for i, day in enumerate(dates) if day < PROP64_CUTOFF]
        if before_cutoff and rng.random() >= ANCHOR_AFTER_CUTOFF_RATE:
            anchor = rng.choice(before_cutoff)
        else:
            anchor = rng.randrange(count)
        forced: list[list[Offence]] = [[] for _ in range(count)]
        registered = [False] * count
        forced[anchor].append(self.prop64_offence(rng))
        if super_strike:
            # anywhere: before, after, or in the same case as the cannabis conviction
            at = anchor if rng.random() < 0.2 else rng.randrange(count)
            strike = rng.choice(catalog.SUPER_STRIKES)
            forced[at].append(strike)
            if strike.text.split(" ")[0] in _REGISTRABLE_SUPER and rng.random() < 0.85:
                registered[at] = True
        if rng.random() < PC290_RATE:
            at = rng.randrange(count)
            forced[at].append(rng.choice(catalog.PC290))
            registered[at] = rng.random() < 0.8
        if rng.random() < STANDALONE_REGISTRATION_RATE:
            registered[rng.randrange(count)] = True
        anchor_home = rng.random() >= ANCHOR_ELSEWHERE_RATE
        cycles = []
        for index, day in enumerate(dates):
            if index == anchor:
                county = self.county if anchor_home else rng.choice(self.others)
            elif rng.random() < OTHER_COUNTY_RATE:
                county = rng.choice(self.others)
            else:
                county = self.county
            cycle = cycle_at(person.columns, index + 1, day, county, person.age_on(day))
            cycles.append(self.cycle_rows(rng, cycle, day, forced[index], registered[index]))
        if rng.random() < DECEASED_RATE:
            death = min(dates[-1].toordinal() + rng.randint(30, 4000), LAST_DEATH)
            day = dt.date.fromordinal(max(death, dates[-1].toordinal()))
            cycles.append([deceased_row(person.columns, count + 1, day, self.county)])
        if rng.random() < BLANK_ID_RATE:
            rows = rng.choice(cycles)
            at = rng.randrange(len(rows))
            rows[at] = person.columns_blank_id + rows[at][len(person.columns) :]
        return cycles

    def prop64_offence(self, rng: random.Random) -> Offence:
        return rng.choices(catalog.PROP64, cum_weights=_PROP64_CUM)[0]

    def random_offence(self, rng: random.Random) -> Offence:
        draw = rng.random()
        if draw < 0.2:
            return self.prop64_offence(rng)
        if draw < 0.21:
            return rng.choice(catalog.ATTEMPTS)
        if draw < 0.235:
            return rng.choice(catalog.LOOKALIKES)
        return rng.choice(catalog.OTHER)

    def cycle_rows(
        self,
        rng: random.Random,
        cycle: Cycle,
        day: dt.date,
        forced: list[Offence],
        registered: bool,
    ) -> list[str]:
        """An arrest and its court case, an arrest alone, or a court case alone (a citation);
        `forced` charges end in convictions."""
        shape = rng.random()
        has_arrest = shape < 0.75 if forced else shape < 0.85
        has_court = bool(forced) or shape < 0.65 or shape >= 0.85
        if forced:
            extra = rng.choices((0, 1, 2), (55, 35, 10))[0]
        else:
            extra = rng.choices((1, 2, 3), (6, 3, 1))[0]
        offences = [(o, True) for o in forced] + [
            (self.random_offence(rng), False) for _ in range(extra)
        ]
        charges = [(o, rng.choice(o.levels), convicted) for o, convicted in offences]
        rows: list[str] = []
        step = 0
        if has_arrest:
            step = 1
            released = "" if has_court else rng.choice(catalog.ARREST_DISPOSITIONS)
            arrested = [(o, level) for o, level, _ in charges]
            rows += arrest_rows(rng, cycle, day, arrested, released)
        if has_court:
            step += 1
            if has_arrest:
                day += dt.timedelta(days=rng.randint(0, 150))
            rows += court_rows(rng, cycle, step, day, charges)
        if registered:
            rows.append(registration_row(rng, cycle, step + 1, day))
        elif has_court and day.year < 2012 and rng.random() < OTHER_REGISTRATION_RATE:
            text = rng.choice(catalog.REGISTRATION_OTHER)
            rows.append(registration_row(rng, cycle, step + 1, day, text))
        return rows
