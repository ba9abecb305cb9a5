"""A person's criminal history as DOJ rows: cycles, steps, counts, sentences (docs/DOJ_FILE.md).

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
from app.synth.court import court_rows, relief_row
from app.synth.person import Person, bad_date_text
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

# The situations the law turns on, only with SynthOptions.law_cases (per person).
STRADDLE_RATE = 0.05  # the cannabis offense before 2016-11-09, its conviction after
UNUSUAL_FORM_RATE = 0.25  # the cannabis charge written 11360A2, 11359B, 11357 (B)...
RELATED_FORM_RATE = 0.04  # an attempt, conspiracy or accessory in some written form
JUVENILE_RATE = 0.03  # a cannabis adjudication in juvenile court at 14-17
RELIEF_RATE = 0.06  # the cannabis count already has relief in a later step
ATTEMPTED_MURDER_RATE = 0.02  # a 664/187(A) PC conviction before the cannabis case
THREE_11359_RATE = 0.02  # three 11359 felonies, the cannabis case the third
UNKNOWN_CYCLE_DATE_RATE = 0.03  # the cannabis cycle's CYC_DATE is not a date

_PROP64_CUM = tuple(accumulate(catalog.PROP64_WEIGHTS))
_REGISTRABLE_SUPER = ("261(A)(2)", "288(A)", "269(A)(1)")


class HistoryMaker:
    """Draws the cycles of people for one county; one instance per generation run."""

    def __init__(self, county: str, rows_per_person_avg: float, law_cases: bool = False) -> None:
        self.county = county
        self.law_cases = law_cases
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
        law = (_LawCases(rng, person, dates, anchor, forced, registered) if self.law_cases
               else None)
        if law is not None:
            anchor = law.anchor
            count = len(dates)
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
            unknown = law.unknown_cycle_date if law is not None and index == anchor else None
            cycle = cycle_at(person.columns, index + 1, day, county, person.age_on(day), unknown)
            if law is None:
                cycles.append(self.cycle_rows(rng, cycle, day, forced[index], registered[index]))
            else:
                cycles.append(self.cycle_rows(
                    rng, cycle, day, forced[index], registered[index],
                    juvenile=index in law.juvenile, court_on=law.court_on.get(index),
                    relief=law.relief if index == anchor else None,
                ))  # fmt: skip
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
        *,
        juvenile: bool = False,
        court_on: dt.date | None = None,
        relief: tuple[str, str, bool] | None = None,
    ) -> list[str]:
        """An arrest and its court case, an arrest alone, or a court case alone (a citation);
        `forced` charges end in convictions. `juvenile`: the court is the juvenile court;
        `court_on`: the court step's date; `relief`: a later step grants it on the first
        forced charge (DISP_DESCR, COMMENT_TEXT, whether under HS 11361.8)."""
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
            if court_on is not None:
                day = court_on
            rows += court_rows(rng, cycle, step, day, charges, juvenile)
            if relief is not None and forced:
                step += 1
                offence, level, _ = charges[0]
                rows.append(relief_row(cycle, step, _relief_day(rng, day, relief[2]), 1,
                                       offence, level, relief[:2]))
        if registered:
            rows.append(registration_row(rng, cycle, step + 1, day))
        elif has_court and day.year < 2012 and rng.random() < OTHER_REGISTRATION_RATE:
            text = rng.choice(catalog.REGISTRATION_OTHER)
            rows.append(registration_row(rng, cycle, step + 1, day, text))
        return rows


def _relief_day(rng: random.Random, convicted: dt.date, prop64: bool) -> dt.date:
    """When a later court granted relief: under HS 11361.8 only from 2016-11-09."""
    start = max(convicted, PROP64_CUTOFF) if prop64 else convicted
    return min(start + dt.timedelta(days=rng.randint(60, 2500)), dt.date(2024, 6, 30))


class _LawCases:
    """The situations the law turns on, drawn for one person: they change the person's
    cycles in place (`dates`, `forced`, `registered`) and say which cycle is the juvenile
    court's, when a court step is held and what relief a later step grants."""

    def __init__(self, rng: random.Random, person: Person, dates: list[dt.date], anchor: int,
                 forced: list[list[Offence]], registered: list[bool]) -> None:
        self.anchor = anchor
        self.juvenile: set[int] = set()
        self.court_on: dict[int, dt.date] = {}
        self.relief: tuple[str, str, bool] | None = None
        self.unknown_cycle_date: str | None = None
        if rng.random() < UNUSUAL_FORM_RATE:
            forced[anchor][0] = rng.choice(catalog.PROP64_UNUSUAL_FORMS)
        if rng.random() < STRADDLE_RATE:
            # arrested in 2016 before Prop 64 took effect, convicted after
            dates[anchor] = dt.date(2016, 3, 1) + dt.timedelta(days=rng.randint(0, 250))
            self.court_on[anchor] = PROP64_CUTOFF + dt.timedelta(days=rng.randint(1, 400))
        if rng.random() < UNKNOWN_CYCLE_DATE_RATE:
            self.unknown_cycle_date = bad_date_text(rng, dates[anchor].year)
        if rng.random() < RELATED_FORM_RATE:
            forced[rng.randrange(len(dates))].append(rng.choice(catalog.RELATED_FORMS))
        if rng.random() < RELIEF_RATE:
            self.relief = rng.choice(catalog.LATER_RELIEF)
        if rng.random() < ATTEMPTED_MURDER_RATE:
            earlier = [i for i, day in enumerate(dates) if day < dates[anchor] and i != anchor]
            at = rng.choice(earlier) if earlier else self._insert(
                0, dates[anchor] - dt.timedelta(days=rng.randint(400, 4000)), dates, forced,
                registered)
            forced[at].append(rng.choice(catalog.ATTEMPTED_MURDER))
        if rng.random() < THREE_11359_RATE:
            forced[self.anchor][0] = catalog.REPEAT_11359
            for years in (3, 6):
                at = self._insert(0, dates[self.anchor] - dt.timedelta(days=365 * years),
                                  dates, forced, registered)
                forced[at].append(catalog.REPEAT_11359)
        if rng.random() < JUVENILE_RATE:
            birth = person.birth
            day = dt.date(birth.year + rng.randint(14, 17), birth.month, birth.day)
            at = self._insert(0, day, dates, forced, registered)
            forced[at].append(rng.choices(catalog.PROP64, cum_weights=_PROP64_CUM)[0])
            self.juvenile.add(at)

    def _insert(self, at: int, day: dt.date, dates: list[dt.date],
                forced: list[list[Offence]], registered: list[bool]) -> int:
        """A new cycle at position `at` (the later cycles move up by one)."""
        dates.insert(at, day)
        forced.insert(at, [])
        registered.insert(at, False)
        self.anchor += self.anchor >= at
        self.juvenile = {i + (i >= at) for i in self.juvenile}
        self.court_on = {i + (i >= at): d for i, d in self.court_on.items()}
        return at
