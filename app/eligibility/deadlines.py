"""The dates of HS 11361.9 (AB 1793, as amended by AB 1706, Stats. 2022, ch. 387), and what
each means for a run at a given as-of date (docs/LAW.md, "Deadlines")."""

from dataclasses import dataclass
from datetime import date
from typing import Final

DOJ_IDENTIFIED_BY: Final = date(2019, 7, 1)  # HS 11361.9(a)
CHALLENGE_DEADLINE: Final = date(2020, 7, 1)  # HS 11361.9(b)
COURT_ORDERS_BY: Final = date(2023, 3, 1)  # HS 11361.9(e), added by AB 1706
DOJ_RECORDS_BY: Final = date(2023, 7, 1)  # HS 11361.9, added by AB 1706

CHALLENGE_STATUTE: Final = "HS 11361.9(b)"
UNCHALLENGED_STATUTE: Final = "HS 11361.9(e)"

# Said after a challenge ground's reason when the run is past CHALLENGE_DEADLINE: the People
# can no longer challenge, so the ground is a question of what was done in time.
WINDOW_CLOSED: Final = (
    "The People's time to challenge ended on 2020-07-01 (HS 11361.9(b)); unless this "
    "conviction was challenged by then, the court must grant the relief (HS 11361.9(e)): "
    "confirm whether a challenge was filed in time"
)


def challenge_window_closed(as_of: date) -> bool:
    """The People had "until July 1, 2020" to challenge: closed on any later as-of date."""
    return as_of > CHALLENGE_DEADLINE


@dataclass(frozen=True)
class GroundMeaning:
    ground: str
    open: str  # what the ground lets the DA do while the window is open
    closed: str  # what it means once the window has closed


GROUND_MEANINGS: Final = (
    GroundMeaning(
        "prior_super_strike",
        "A prior super strike (PC 667(e)(2)(C)(iv)) lets the People challenge a felony "
        "HS 11358, 11359 or 11360 redesignation (HS 11358(d)(1), 11359(c)(1), "
        "11360(a)(3)(A)).",
        "A prior super strike no longer allows a challenge: unless one was filed by "
        "2020-07-01, the redesignation must be granted (HS 11361.9(e)).",
    ),
    GroundMeaning(
        "prior_pc290",
        "A prior conviction requiring registration under PC 290(c) lets the People "
        "challenge a felony HS 11358, 11359 or 11360 redesignation (HS 11358(d)(1), "
        "11359(c)(1), 11360(a)(3)(A)).",
        "A prior PC 290(c) conviction no longer allows a challenge: unless one was filed "
        "by 2020-07-01, the redesignation must be granted (HS 11361.9(e)).",
    ),
    GroundMeaning(
        "pc290_registrant",
        "A PC 290 registration with no registrable conviction in the file: the conviction "
        "behind it decides whether HS 11358(d)(1), 11359(c)(1) or 11360(a)(3)(A) applies.",
        "A PC 290 registration no longer allows a challenge: unless one was filed by "
        "2020-07-01, the redesignation must be granted (HS 11361.9(e)).",
    ),
    GroundMeaning(
        "two_priors_same_subdivision",
        "Two or more prior convictions under the same section's misdemeanor provision may "
        "let the People challenge (HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B)); whether "
        "convictions from before 2016-11-09 count is unsettled.",
        "Two prior convictions no longer allow a challenge: unless one was filed by "
        "2020-07-01, the redesignation must be granted (HS 11361.9(e)).",
    ),
    GroundMeaning(
        "prior_after_offense",
        "A disqualifying conviction dated after the offense but before this conviction, or "
        "undated: whether it is a prior is for a person to decide.",
        "A conviction or registration dated after the offense no longer allows a "
        "challenge: unless one was filed by 2020-07-01, the relief must be granted (HS "
        "11361.9(e)).",
    ),
    GroundMeaning(
        "currently_serving",
        "A person still serving may be refused recall for an unreasonable risk of danger "
        "to public safety (HS 11361.8(b); HS 11361.9(c)(1)).",
        "The risk of danger no longer allows a challenge: unless one was filed by "
        "2020-07-01, the recall must be granted (HS 11361.9(e)).",
    ),
)


DEADLINES_STATUTE: Final = (
    "HS 11361.9(a), (b), (e), as amended by AB 1706 (Stats. 2022, ch. 387)"
)


@dataclass(frozen=True)
class Deadlines:
    """The deadlines as summary.json carries them, with what each ground means at the as-of
    date (`grounds`: ground -> one sentence)."""

    doj_identified_by: date
    challenge_deadline: date
    court_orders_by: date
    doj_records_by: date
    challenge_window_closed: bool
    statute: str
    grounds: dict[str, str]

    @classmethod
    def at(cls, as_of: date) -> "Deadlines":
        closed = challenge_window_closed(as_of)
        return cls(
            doj_identified_by=DOJ_IDENTIFIED_BY,
            challenge_deadline=CHALLENGE_DEADLINE,
            court_orders_by=COURT_ORDERS_BY,
            doj_records_by=DOJ_RECORDS_BY,
            challenge_window_closed=closed,
            statute=DEADLINES_STATUTE,
            grounds={m.ground: m.closed if closed else m.open for m in GROUND_MEANINGS},
        )
