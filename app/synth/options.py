"""What to generate: the knobs of `countyclear synth`, checked once before any work starts."""

from dataclasses import dataclass

from app.counties import normalise_county
from app.errors import InputError

MIN_ROWS_PER_PERSON = 4.0  # one cannabis case already takes about that many
MAX_ROWS_PER_PERSON = 200.0


@dataclass(frozen=True)
class SynthOptions:
    """Built only by checked_options, which holds the defaults."""

    county: str  # the receiving county, upper case as in STP_ORI_CNTY_NAME
    people: int | None  # stop after this many people (None: only max_rows stops)
    seed: int
    rows_per_person_avg: float
    header: bool
    crlf: bool
    files: int  # one delivery split into this many files, some people across files
    max_rows: int | None  # stop after exactly this many data rows in all
    # Also the situations the law turns on (app.synth.situations); off, the bytes are what
    # they were before these existed.
    law_cases: bool = False

    @property
    def line_end(self) -> str:
        return "\r\n" if self.crlf else "\n"


def checked_options(
    county: str,
    *,
    people: int | None,
    seed: int = 1,
    rows_per_person_avg: float = 8.0,
    header: bool = True,
    crlf: bool = False,
    files: int = 1,
    max_rows: int | None = None,
    law_cases: bool = False,
) -> SynthOptions:
    """Build SynthOptions from user input; InputError names the bad option and what to do."""
    canonical = normalise_county(county)
    if canonical is None:
        raise InputError("--county", f"'{county}' is not a California county; use e.g. SACRAMENTO")
    if people is None and max_rows is None:
        raise InputError("--people", "say how many people (or --rows) to generate")
    if people is not None and people < 1:
        raise InputError("--people", f"must be at least 1, not {people}")
    if max_rows is not None and max_rows < 1:
        raise InputError("--rows", f"must be at least 1, not {max_rows}")
    if not MIN_ROWS_PER_PERSON <= rows_per_person_avg <= MAX_ROWS_PER_PERSON:
        raise InputError(
            "--rows-per-person-avg",
            f"must be between {MIN_ROWS_PER_PERSON:g} and {MAX_ROWS_PER_PERSON:g}, "
            f"not {rows_per_person_avg:g}",
        )
    if files < 1 or (people is not None and files > people):
        raise InputError("--files", f"must be between 1 and the number of people, not {files}")
    return SynthOptions(
        county=canonical,
        people=people,
        seed=seed,
        rows_per_person_avg=rows_per_person_avg,
        header=header,
        crlf=crlf,
        files=files,
        max_rows=max_rows,
        law_cases=law_cases,
    )
