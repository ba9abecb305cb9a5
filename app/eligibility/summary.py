"""The impact summary: what `evaluate` writes to summary.json, as one typed value.

`ImpactSummary.to_json` is the only way the figures become JSON and `from_json` the only way
JSON becomes figures (app.outputs.write_summary and app.exports.inputs.read_summary wrap
them with the file). The keys are those of docs/CONTRACTS.md. `compliance` and `deadlines`
follow from the other figures and the as-of date, so they are written but never read back.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Final, TypeVar

from app.eligibility.deadlines import Deadlines
from app.errors import InputError

# What an older evaluate recorded when no date was given: the delivery file's modification
# time, which is no evidence of the date DOJ produced the file. It reads as unknown.
FILE_MODIFIED: Final = "file modified"
EVALUATE_AGAIN: Final = "run `countyclear evaluate` again to write it anew, then export"

T = TypeVar("T")


@dataclass(frozen=True)
class PolicyName:
    id: str
    name: str


@dataclass(frozen=True)
class PeopleLeft:
    """People left with no felony / no conviction / no conviction in the 7 years before the
    as-of date once the relief is granted (counted as BEAR counted them)."""

    people_no_felony: int
    people_no_conviction: int
    people_no_conviction_last_7_years: int


@dataclass(frozen=True)
class Compliance:
    """The figures a county reports under AB 1706: every conviction DOJ identified is
    already granted, to be filed (dismiss or reduce), challenged or not eligible (the list
    served on the public defender, HS 11361.9(c)(2)), or still pending (review)."""

    identified: int
    already_granted: int
    to_file: int
    challenged_or_not_eligible: int
    pending: int
    review_share: float

    @classmethod
    def of(cls, identified: int, counts: Mapping[str, int]) -> "Compliance":
        review = counts.get("review", 0)
        return cls(
            identified=identified,
            already_granted=counts.get("already_granted", 0),
            to_file=counts.get("dismiss", 0) + counts.get("reduce", 0),
            challenged_or_not_eligible=counts.get("not_eligible", 0),
            pending=review,
            review_share=round(review / identified, 4) if identified else 0.0,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "identified": self.identified,
            "already_granted": self.already_granted,
            "to_file": self.to_file,
            "challenged_or_not_eligible": self.challenged_or_not_eligible,
            "pending": self.pending,
            "review_share": self.review_share,
            # Earlier names, kept for readers of older files: granted = to file; the engine
            # itself challenges nothing (a person does, from the review list).
            "granted": self.to_file,
            "challenged": 0,
        }


@dataclass(frozen=True)
class ImpactSummary:
    """The figures of one evaluation at its as-of date (app.eligibility.impact)."""

    county: str
    as_of: date
    policy: PolicyName
    sources: tuple[str, ...]
    convictions_evaluated: int
    # As BEAR counted them: people with an in-county Prop 64 conviction (a person whose only
    # evaluated conviction is a related offense is in `people_related_only`).
    people_evaluated: int
    people_related_only: int
    determinations: dict[str, int]  # convictions per determination
    people_with_relief: int
    people_no_felony: int
    people_no_conviction: int
    people_no_conviction_last_7_years: int
    dismiss_all_prop64: PeopleLeft  # the same, had every Prop 64 conviction been dismissed
    by_section: dict[str, int]
    by_level: dict[str, int]
    by_rule: dict[str, int]
    by_relief: dict[str, int]
    # Of the convictions to file, how many rest on the statute and how many on county policy.
    by_basis: dict[str, int]
    by_dismissal_reason: dict[str, int]
    by_race: dict[str, int]  # people receiving relief
    by_year: dict[str, int]
    flags: dict[str, int]
    earliest_conviction: date | None
    # The date DOJ produced the file, from DOJ's letter (`evaluate --doj-file-date`, the
    # app's export checklist); None when no one gave it.
    doj_file_date: date | None = field(default=None)
    # Cannabis counts of a juvenile court DOJ lists with a finding but no conviction: not
    # evaluated, to review by hand (app.eligibility.juvenile; HS 11361.8(m)). 0 in a file an
    # older evaluate wrote.
    juvenile_not_evaluated: int = field(default=0)

    @property
    def people_left(self) -> PeopleLeft:
        return PeopleLeft(self.people_no_felony, self.people_no_conviction,
                          self.people_no_conviction_last_7_years)

    @property
    def compliance(self) -> Compliance:
        return Compliance.of(self.convictions_evaluated, self.determinations)

    @property
    def deadlines(self) -> Deadlines:
        """The HS 11361.9 dates and what each challenge ground means at the as-of date."""
        return Deadlines.at(self.as_of)

    def with_doj_file_date(self, day: date | None) -> "ImpactSummary":
        return replace(self, doj_file_date=day)

    def to_json(self) -> dict[str, Any]:
        """The summary.json object, keys in the order of docs/CONTRACTS.md."""
        return {
            "county": self.county,
            "as_of": self.as_of.isoformat(),
            "policy": {"id": self.policy.id, "name": self.policy.name},
            "sources": list(self.sources),
            "convictions_evaluated": self.convictions_evaluated,
            "people_evaluated": self.people_evaluated,
            "people_related_only": self.people_related_only,
            "determinations": dict(self.determinations),
            "people_with_relief": self.people_with_relief,
            "people_no_felony": self.people_no_felony,
            "people_no_conviction": self.people_no_conviction,
            "people_no_conviction_last_7_years": self.people_no_conviction_last_7_years,
            "dismiss_all_prop64": {
                "people_no_felony": self.dismiss_all_prop64.people_no_felony,
                "people_no_conviction": self.dismiss_all_prop64.people_no_conviction,
                "people_no_conviction_last_7_years":
                    self.dismiss_all_prop64.people_no_conviction_last_7_years,
            },
            "by_section": dict(self.by_section),
            "by_level": dict(self.by_level),
            "by_rule": dict(self.by_rule),
            "by_relief": dict(self.by_relief),
            "by_basis": dict(self.by_basis),
            "by_dismissal_reason": dict(self.by_dismissal_reason),
            "by_race": dict(self.by_race),
            "by_year": dict(self.by_year),
            "flags": dict(self.flags),
            "juvenile_not_evaluated": self.juvenile_not_evaluated,
            "earliest_conviction": _iso(self.earliest_conviction),
            "compliance": self.compliance.to_json(),
            "deadlines": _deadlines_json(self.deadlines),
            "doj_file_date": _iso(self.doj_file_date) or "",
            "doj_file_date_source": "given" if self.doj_file_date else "unknown",
        }

    @classmethod
    def from_json(cls, data: object, where: str) -> "ImpactSummary":
        """The summary a summary.json object holds, or an InputError naming `where` and the
        first key that is missing or holds the wrong kind of value. Keys an older evaluate
        wrote and this one does not are ignored."""
        if not isinstance(data, dict):
            raise InputError(where, "must hold one JSON object of figures")
        read = _Reader(data, where)
        policy = read.get("policy", read.mapping)
        people = read.get("dismiss_all_prop64", read.mapping)
        source = data.get("doj_file_date_source")
        return cls(
            county=read.get("county", read.text),
            as_of=read.get("as_of", read.day),
            policy=PolicyName(
                id=read.nested(policy, "policy.id", read.text),
                name=read.nested(policy, "policy.name", read.text),
            ),
            sources=tuple(read.get("sources", read.texts)),
            convictions_evaluated=read.get("convictions_evaluated", read.count),
            people_evaluated=read.get("people_evaluated", read.count),
            people_related_only=read.get("people_related_only", read.count),
            determinations=read.get("determinations", read.counts),
            people_with_relief=read.get("people_with_relief", read.count),
            people_no_felony=read.get("people_no_felony", read.count),
            people_no_conviction=read.get("people_no_conviction", read.count),
            people_no_conviction_last_7_years=read.get("people_no_conviction_last_7_years",
                                                       read.count),
            dismiss_all_prop64=PeopleLeft(
                people_no_felony=read.nested(
                    people, "dismiss_all_prop64.people_no_felony", read.count),
                people_no_conviction=read.nested(
                    people, "dismiss_all_prop64.people_no_conviction", read.count),
                people_no_conviction_last_7_years=read.nested(
                    people, "dismiss_all_prop64.people_no_conviction_last_7_years",
                    read.count),
            ),
            by_section=read.get("by_section", read.counts),
            by_level=read.get("by_level", read.counts),
            by_rule=read.get("by_rule", read.counts),
            by_relief=read.get("by_relief", read.counts),
            by_basis=read.get("by_basis", read.counts),
            by_dismissal_reason=read.get("by_dismissal_reason", read.counts),
            by_race=read.get("by_race", read.counts),
            by_year=read.get("by_year", read.counts),
            flags=read.get("flags", read.counts),
            earliest_conviction=read.get("earliest_conviction", read.day_or_none),
            doj_file_date=(None if source == FILE_MODIFIED or "doj_file_date" not in data
                           else read.get("doj_file_date", read.day_or_none)),
            juvenile_not_evaluated=(read.get("juvenile_not_evaluated", read.count)
                                    if "juvenile_not_evaluated" in data else 0),
        )


@dataclass(frozen=True)
class DecidedSummary:
    """The figures after staff decisions (app.triage.impact) beside the engine's own; the
    two are the same value before any decision, or when only the engine's are known."""

    decided: ImpactSummary
    engine: ImpactSummary

    @classmethod
    def unchanged(cls, engine: ImpactSummary) -> "DecidedSummary":
        return cls(engine, engine)


def _deadlines_json(deadlines: Deadlines) -> dict[str, Any]:
    return {
        "doj_identified_by": deadlines.doj_identified_by.isoformat(),
        "challenge_deadline": deadlines.challenge_deadline.isoformat(),
        "court_orders_by": deadlines.court_orders_by.isoformat(),
        "doj_records_by": deadlines.doj_records_by.isoformat(),
        "challenge_window_closed": deadlines.challenge_window_closed,
        "statute": deadlines.statute,
        "grounds": dict(deadlines.grounds),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


class _Reader:
    """Each key of one summary.json object as its type, or an InputError naming it."""

    def __init__(self, data: Mapping[str, object], where: str) -> None:
        self.data = data
        self.where = where

    def get(self, key: str, kind: Callable[[str, object], T]) -> T:
        return self.nested(self.data, key, kind)

    def nested(self, data: Mapping[str, object], key: str, kind: Callable[[str, object], T]
               ) -> T:
        name = key.rsplit(".", 1)[-1]
        if name not in data:
            raise InputError(self.where, f"has no key {key}: it was not written by "
                             f"`countyclear evaluate`, or by an older one; {EVALUATE_AGAIN}")
        return kind(key, data[name])

    def _wrong(self, key: str, value: object, expected: str) -> InputError:
        return InputError(self.where, f"key {key} holds {_shown(value)}, expected {expected}; "
                          f"{EVALUATE_AGAIN}")

    def text(self, key: str, value: object) -> str:
        if not isinstance(value, str):
            raise self._wrong(key, value, "text")
        return value

    def texts(self, key: str, value: object) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._wrong(key, value, "a list of texts")
        return value

    def count(self, key: str, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self._wrong(key, value, "a whole number")
        return value

    def counts(self, key: str, value: object) -> dict[str, int]:
        mapping = self.mapping(key, value)
        return {name: self.count(f"{key}.{name}", n) for name, n in mapping.items()}

    def mapping(self, key: str, value: object) -> dict[str, object]:
        if not isinstance(value, dict):
            raise self._wrong(key, value, "an object of figures")
        return value

    def day(self, key: str, value: object) -> date:
        if isinstance(value, str) and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self._wrong(key, value, "a date YYYY-MM-DD")

    def day_or_none(self, key: str, value: object) -> date | None:
        if value is None or value == "":
            return None
        return self.day(key, value)


def _shown(value: object) -> str:
    text = "null" if value is None else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
