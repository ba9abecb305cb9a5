"""County policies as data: TOML files in resources/policies/, or a BEAR options JSON.

A policy says, for felonies of each Prop 64 section, dismiss or reduce; which additional-relief
criteria upgrade a felony to dismissal; how each challenge ground is treated; which related
offenses are in scope. Every wrong key or value is an InputError naming the key and the
allowed values (docs/LAW.md, county choices).
"""

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from app.eligibility.sections import PROP64_NUMBERS
from app.errors import InputError, read_input, read_utf8, utf8_text
from app.key_lines import json_key_line, toml_error_line, toml_key_line
from app.paths import RESOURCES

SCHEMA_VERSION: Final = 1
PROP64_SECTIONS: Final = PROP64_NUMBERS  # the sections a policy can list
RELATED_OFFENCES: Final = ("attempt", "accessory", "conspiracy", "11366", "11366.5", "cycle")
BUILTIN_POLICIES: Final = ("statutory", "bear_default", "los_angeles_2020", "sacramento_2019")

Procedure = Literal["statutory", "bear"]
GroundTreatment = Literal["review", "ignore"]
CHALLENGE_GROUNDS: Final = (
    "prior_super_strike",
    "prior_pc290",
    "pc290_registrant",
    "two_priors_same_subdivision",
    "prior_after_offense",
    "currently_serving",
)

# (key, lowest, highest) for the numeric additional-relief thresholds; 0 or absent = off.
THRESHOLDS: Final = {
    "age_at_least": (40, 65),
    "years_since_conviction": (1, 15),
    "years_crime_free": (1, 15),
    "years_felony_free": (1, 15),
}
SWITCHES: Final = (
    "all_misdemeanors",
    "under_21_at_conviction",
    "only_prop64",
    "only_conviction_sentence_completed",
    "sentence_completed",
    "deceased",
)


@dataclass(frozen=True)
class AdditionalRelief:
    all_misdemeanors: bool = False  # every misdemeanor and infraction dismissed
    under_21_at_conviction: bool = False
    age_at_least: int = 0
    years_since_conviction: int = 0
    years_crime_free: int = 0
    years_felony_free: int = 0
    only_prop64: bool = False
    only_conviction_sentence_completed: bool = False
    sentence_completed: bool = False
    deceased: bool = False


@dataclass(frozen=True)
class Policy:
    id: str
    name: str
    description: str
    procedure: Procedure
    felony_dismiss: tuple[str, ...]
    felony_reduce: tuple[str, ...]
    additional: AdditionalRelief = field(default_factory=AdditionalRelief)
    challenges: dict[str, GroundTreatment] = field(default_factory=dict)
    related: tuple[str, ...] = ()
    after_cutoff_not_eligible: bool = True
    source: str = ""

    def ground(self, name: str) -> GroundTreatment:
        return self.challenges.get(name, "review")

    def switched_on(self, switch: str) -> bool:
        """Whether a rule's switch (app.eligibility.rules.Rule.switch) is on in this policy:
        `ground:<key>` a challenge ground routed to review, `additional:<key>` an
        additional-relief criterion set, `after_cutoff` offenses after Prop 64 not eligible,
        `felony_dismiss` a section whose felonies the county dismisses."""
        kind, _, key = switch.partition(":")
        if kind == "ground":
            return self.ground(key) == "review"
        if kind == "additional":
            return bool(getattr(self.additional, key))
        if kind == "after_cutoff":
            return self.after_cutoff_not_eligible
        if kind == "felony_dismiss":
            return bool(self.felony_dismiss)
        raise ValueError(f"unknown rule switch {switch!r}")


class KeyProblem(InputError):
    """A wrong key or value in a policy. `key` is its dotted name: the loaders of a file add
    the line the key is written on (a policy made in the editor has no lines)."""

    def __init__(self, where: str, message: str, key: str) -> None:
        super().__init__(where, message)
        self.key = key


def builtin_policy(name: str) -> Policy:
    if name not in BUILTIN_POLICIES:
        raise InputError(name, f"unknown policy; choose one of {', '.join(BUILTIN_POLICIES)}")
    return load_policy(RESOURCES / "policies" / f"{name}.toml")


def load_policy(path: Path) -> Policy:
    where = str(path)
    text = read_utf8(path, "policy file")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, f"not a valid TOML policy: {exc}. Fix the file or pick a "
                         "shipped policy.", toml_error_line(exc)) from None
    try:
        return policy_from_mapping(data, where)
    except KeyProblem as problem:
        raise InputError(where, problem.message, toml_key_line(text, problem.key)) from None


def policy_from_mapping(data: dict[str, Any], where: str) -> Policy:
    _check_keys(data, {"schema_version", "id", "name", "description", "procedure", "felony",
                       "additional_relief", "challenges", "scope"}, "", where)
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise KeyProblem(where, f"schema_version {version!r} is not supported; use "
                         f"{SCHEMA_VERSION}.", "schema_version")
    procedure = _one_of(data.get("procedure", "statutory"), ("statutory", "bear"), "procedure",
                        where)
    felony = _table(data, "felony", where)
    _check_keys(felony, {"dismiss", "reduce"}, "felony.", where)
    dismiss = _sections(felony.get("dismiss", []), "felony.dismiss", where)
    reduce = _sections(felony.get("reduce", []), "felony.reduce", where)
    both = set(dismiss) & set(reduce)
    if both:
        raise KeyProblem(where, f"felony.dismiss and felony.reduce both list {sorted(both)}; "
                         "a section can be in one list only.", "felony.reduce")
    relief = _table(data, "additional_relief", where)
    additional = _additional(relief, "additional_relief.", where)
    challenges_raw = _table(data, "challenges", where)
    _check_keys(challenges_raw, set(CHALLENGE_GROUNDS), "challenges.", where)
    challenges: dict[str, GroundTreatment] = {}
    for key, value in challenges_raw.items():
        challenges[key] = _one_of(value, ("review", "ignore"), f"challenges.{key}", where)
    scope = _table(data, "scope", where)
    _check_keys(scope, {"related", "after_cutoff"}, "scope.", where)
    related = scope.get("related", [])
    if not isinstance(related, list) or any(r not in RELATED_OFFENCES for r in related):
        raise KeyProblem(where, f"scope.related = {related!r}: allowed values are "
                         f"{', '.join(RELATED_OFFENCES)}.", "scope.related")
    after = _one_of(scope.get("after_cutoff", "not_eligible"), ("not_eligible", "evaluate"),
                    "scope.after_cutoff", where)
    for key in ("id", "name", "description"):
        if not isinstance(data.get(key, ""), str):
            raise KeyProblem(where, f"{key} must be text.", key)
    return Policy(
        id=data.get("id") or Path(where).stem,
        name=data.get("name") or Path(where).stem,
        description=data.get("description", ""),
        procedure=procedure,
        felony_dismiss=dismiss,
        felony_reduce=reduce,
        additional=additional,
        challenges=challenges,
        related=tuple(related),
        after_cutoff_not_eligible=after == "not_eligible",
        source=where,
    )


def _additional(relief: dict[str, Any], prefix: str, where: str) -> AdditionalRelief:
    _check_keys(relief, set(THRESHOLDS) | set(SWITCHES), prefix, where)
    values: dict[str, Any] = {}
    for key, (low, high) in THRESHOLDS.items():
        values[key] = _threshold(relief.get(key, 0), low, high, prefix + key, where)
    for key in SWITCHES:
        values[key] = _switch(relief.get(key, False), prefix + key, where)
    return AdditionalRelief(**values)


def _one_of(value: Any, allowed: tuple[str, ...], key: str, where: str) -> Any:
    if value not in allowed:
        raise KeyProblem(where, f"{key} = {value!r}: allowed values are "
                         f"{', '.join(repr(a) for a in allowed)}.", key)
    return value


def _threshold(value: Any, low: int, high: int, key: str, where: str) -> int:
    """A whole number from `low` to `high`, or 0 for off."""
    if isinstance(value, bool) or not isinstance(value, int) or not (
        value == 0 or low <= value <= high
    ):
        raise KeyProblem(where, f"{key} = {value!r}: allowed values are 0 (off) or a whole "
                         f"number from {low} to {high}.", key)
    return value


def _switch(value: Any, key: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise KeyProblem(where, f"{key} = {value!r}: allowed values are true, false.", key)
    return value


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise KeyProblem(where, f"{key} must be a table ([{key}]).", key)
    return value


def _check_keys(data: dict[str, Any], allowed: set[str], prefix: str, where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise KeyProblem(where, f"unknown key {prefix}{unknown[0]}; allowed keys are "
                         f"{', '.join(prefix + k for k in sorted(allowed))}.",
                         f"{prefix}{unknown[0]}")


def _sections(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or any(v not in PROP64_SECTIONS for v in value):
        raise KeyProblem(where, f"{key} = {value!r}: allowed values are lists drawn from "
                         f"{', '.join(PROP64_SECTIONS)}.", key)
    return tuple(value)


# --- BEAR options JSON (README, BEAR preset) ------------------------------------------------

# BEAR's key -> ours. Its thresholds take THRESHOLDS' ranges, which BEAR enforced too.
BEAR_RELIEF_KEYS: Final = {
    "subjectUnder21AtConviction": "under_21_at_conviction",
    "subjectAgeThreshold": "age_at_least",
    "yearsSinceConvictionThreshold": "years_since_conviction",
    "yearsCrimeFreeThreshold": "years_crime_free",
    "subjectIsDeceased": "deceased",
    "subjectHasOnlyProp64Charges": "only_prop64",
}


def load_bear_options(path: Path) -> Policy:
    """BEAR's eligibility options as a policy that runs BEAR's own procedure."""
    raw = read_input(path, "BEAR options file")
    return bear_options_from_text(raw, str(path), path.name)


def bear_options_from_text(raw: bytes | str, where: str, label: str = "saved") -> Policy:
    """The same from the file's text (a workspace keeps the options it was run with)."""
    text = utf8_text(raw, where, "BEAR options file") if isinstance(raw, bytes) else raw
    try:
        return _bear_policy(text, where, label)
    except KeyProblem as problem:
        raise InputError(where, problem.message, json_key_line(text, problem.key)) from None


def _bear_policy(text: str, where: str, label: str) -> Policy:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(where, "not valid JSON; export the options again from BEAR or fix "
                         f"the file ({exc.msg}, column {exc.colno}).", exc.lineno) from None
    if not isinstance(data, dict):
        raise InputError(where, "a BEAR options file is a JSON object with "
                         "baselineEligibility and additionalRelief.")
    data = _bear_keys(data, {"baselineEligibility", "additionalRelief"}, "", where)
    base = data.get("baselineEligibility") or {}
    if not isinstance(base, dict):
        raise KeyProblem(where, "baselineEligibility must be an object with dismiss and reduce.",
                         "baselineEligibility")
    base = _bear_keys(base, {"dismiss", "reduce"}, "baselineEligibility.", where)
    dismiss = _bear_sections(base.get("dismiss") or [], "baselineEligibility.dismiss", where)
    reduce = _bear_sections(base.get("reduce") or [], "baselineEligibility.reduce", where)
    if set(dismiss) & set(reduce):
        raise KeyProblem(where, "baselineEligibility lists "
                         f"{sorted(set(dismiss) & set(reduce))} in both dismiss and reduce.",
                         "baselineEligibility.reduce")
    relief_raw = data.get("additionalRelief") or {}
    if not isinstance(relief_raw, dict):
        raise KeyProblem(where, "additionalRelief must be an object.", "additionalRelief")
    relief_raw = _bear_keys(relief_raw, set(BEAR_RELIEF_KEYS), "additionalRelief.", where)
    values: dict[str, Any] = {}
    for key, value in relief_raw.items():
        ours = BEAR_RELIEF_KEYS[key]
        name = f"additionalRelief.{key}"
        values[ours] = (_threshold(value, *THRESHOLDS[ours], name, where) if ours in THRESHOLDS
                        else _switch(value, name, where))
    return Policy(
        id="bear_options",
        name=f"BEAR options ({label})",
        description="Code for America BEAR/gogen procedure with this county's options.",
        procedure="bear",
        felony_dismiss=dismiss,
        felony_reduce=reduce,
        additional=AdditionalRelief(**values),
        challenges={g: "ignore" for g in CHALLENGE_GROUNDS},
        related=(),
        after_cutoff_not_eligible=False,
        source=where,
    )


def _bear_keys(data: dict[str, Any], allowed: set[str], prefix: str, where: str
               ) -> dict[str, Any]:
    """`data` with BEAR's key spelling. BEAR (Go's JSON decoder) matched keys whatever their
    case, so 'SubjectAgeThreshold' is 'subjectAgeThreshold'; an unknown key is an error."""
    canonical = {key.lower(): key for key in allowed}
    spelled = {canonical.get(key.lower(), key): value for key, value in data.items()}
    _check_keys(spelled, allowed, prefix, where)
    return spelled


def _bear_sections(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise KeyProblem(where, f"{key} must be a list of sections such as \"11357\".", key)
    for item in value:
        if item not in PROP64_SECTIONS:
            # Shown as JSON writes them: 11357 (a number) is not "11357" (text).
            raise KeyProblem(where, f"{key} has unknown section {json.dumps(item)}; allowed "
                             f"values are {', '.join(json.dumps(s) for s in PROP64_SECTIONS)}.",
                             key)
    return tuple(value)
