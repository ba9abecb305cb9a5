"""Every rule the engine can apply, as data with an explanation (docs/LAW.md).

A rule has a stable UPPER_SNAKE id, a short title a clerk reads (the charts, the grid, the
person view: a few words, US spelling), the determination it gives, a plain-English reason,
the statute or county choice behind it, what happens when the data it needs is missing, the
named condition that fires it (app.eligibility.engine builds the conditions), the procedure
it belongs to, and the policy switch that turns it on (None: always on). The engine's rule
chain is this table filtered by procedure and switch, in this order: first match wins.

Reasons and statutes may hold placeholders the engine fills per conviction:
{section} the Prop 64 section; {n} the policy's number; {band} the age band at the offense;
{relief} the floor's relief in words; {today} the statute that governs the conduct today;
{more} a sentence naming the fact that would give more relief ("" when none);
{fact}, {best_relief}, {best_statute} that fact and what it would give;
{ground1} / {ground2} the section's own subdivision for the prior-conviction grounds.
`reason_closed`, when set, is added to the reason of a run past the challenge deadline.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

from app.eligibility.deadlines import WINDOW_CLOSED

Determination = Literal["dismiss", "reduce", "review", "not_eligible", "already_granted"]
DETERMINATIONS: Final[tuple[Determination, ...]] = (
    "dismiss", "reduce", "review", "not_eligible", "already_granted",
)
Procedure = Literal["statutory", "bear", "both"]

# The subdivisions of the prior-conviction grounds, by section (HS 11358(d), 11359(c),
# 11360(a)(3)). 11357 has none.
GROUND_PRIOR: Final = {"11358": "11358(d)(1)", "11359": "11359(c)(1)", "11360": "11360(a)(3)(A)"}
GROUND_TWO_PRIORS: Final = {"11358": "11358(d)(2)", "11359": "11359(c)(2)",
                            "11360": "11360(a)(3)(B)"}
# The grounds the DOJ file cannot show: the reviewer's checklist on every felony
# redesignation of these sections by a person 18 or older at the offense.
CHECKLIST: Final = {
    "11358": "check HS 11358(d)(3): the cultivation resulted in a violation of an "
             "environmental statute it names (among them Water Code 1052, 13260, 13264, "
             "13272, 13387; Fish and Game Code 5650, 5652, 1602; PC 374.8), or in substantial "
             "environmental harm to public lands or other public resources",
    "11359": "check HS 11359(c)(3): sale or attempted sale to a person under 18; HS "
             "11359(d): a person 21 or older hired or used a person 20 or younger",
    "11360": "check HS 11360(a)(3)(C): sale or offer to a person under 18; HS "
             "11360(a)(3)(D): import into, or transport for sale out of, the state of more "
             "than 28.5 g, or of concentrated cannabis above the statute's weight",
}

_COUNTY = "County policy (the People's request), not a finding under HS 11361.8"
_SMIT = "People v. Smit (2018) 24 Cal.App.5th 596"


@dataclass(frozen=True)
class Rule:
    id: str
    title: str  # a few plain words naming the rule wherever it is shown (<= 60 characters)
    determination: Determination
    reason: str
    description: str
    statute: str
    missing_data: str
    condition: str
    procedure: Procedure = "statutory"
    switch: str | None = None  # see app.eligibility.policy.Policy.switched_on
    reason_closed: str = ""


_R = Rule
RULES: Final[tuple[Rule, ...]] = (
    # --- guards: nothing the DA must see is dropped -----------------------------------------
    _R("UNKNOWN_CONVICTION_DATE", "Conviction date unknown: review",
       "review", "Conviction date unknown: a person must decide "
       "whether Prop 64 applies", "The conviction date is blank or not a calendar date.",
       "HS 11361.8(a), (e)", "This rule is the missing-data outcome itself: review.",
       "unknown_conviction_date", "bear"),
    _R("UNKNOWN_OFFENSE_DATE", "Offense date unknown: review",
       "review", "Offense date unknown (no arrest or conviction date "
       "in the file): a person must decide whether Prop 64 applies", "Neither the arrest "
       "cycle's date nor the conviction date is a calendar date; the offense date decides "
       "whether the offense came before Prop 64 (2016-11-09).", "HS 11361.8(a), (e)",
       "This rule is the missing-data outcome itself: review.", "unknown_offense_date"),
    _R("RELATED_OFFENCE", "Related offense (attempt, conspiracy, accessory): review",
       "review", "Related offense ({section}): relief only at the DA's "
       "discretion", "An attempt (PC 664), conspiracy (PC 182) or accessory (PC 32) to a "
       "Prop 64 offense, or another related offense the policy names. Never automatic.",
       "HS 11361.8; People v. Boatwright (2019) 36 Cal.App.5th 848; People v. Medina; "
       "county choice", "Not needed: always review.", "related", "both"),
    _R("UNCLEAR_PROP64_SECTION", "Code section written unclearly: review",
       "review", "Charge names HS {section} in an unusual form: a "
       "person must confirm it", "The charge text holds a Prop 64 section that is not "
       "written as one (an attempt run together, '66411357(A) HS'; another code, "
       "'11357(A) PC'). Code for America's BEAR tool counted these as Prop 64; the statutory "
       "policy leaves the decision to a person.", "HS 11361.8",
       "This rule is the unclear-data outcome itself: review.", "unclear_section"),
    _R("ALREADY_GRANTED", "Relief already granted: not filed again",
       "already_granted", "Relief already granted under HS 11361.8 "
       "({later}): not filed again", "A later entry on the same count dismissed or "
       "redesignated it under Prop 64.", "HS 11361.8; HS 11361.9", "Not needed.",
       "already_granted"),
    _R("LATER_VACATED", "Conviction later vacated: review",
       "review", "A later entry vacated this conviction ({later}): confirm "
       "nothing remains to file", "A later entry on the same count vacated the "
       "conviction.", "HS 11361.9(b)", "Not needed.", "later_vacated"),
    _R("AFTER_PROP64", "Offense on or after Prop 64 took effect: no relief",
       "not_eligible", "Offense on or after 2016-11-09, under Prop 64's own "
       "law: no relief under HS 11361.8", "HS 11361.8 asks what the person would have been "
       "guilty of had Prop 64 been in effect at the time of the offense; an offense on or "
       "after its effective date already was.", "HS 11361.8(a), (e); Prop 64 effective "
       "2016-11-09", "Unknown offense date: UNKNOWN_OFFENSE_DATE applies first.",
       "after_cutoff", switch="after_cutoff"),
    _R("UNKNOWN_LEVEL", "Felony, misdemeanor or infraction unknown: review",
       "review", "Level unknown (the record does not say felony, "
       "misdemeanor or infraction): the relief depends on it", "The record does not say "
       "felony, misdemeanor or infraction.", "HS 11361.8(a), (e)",
       "This rule is the missing-data outcome itself: review.", "unknown_level"),
    _R("LAWFUL_TODAY", "Lawful today: dismiss and seal",
       "dismiss", "Lawful today ({today}) for a person {band} at the "
       "offense: dismiss and seal as legally invalid", "The conduct the subdivision "
       "describes is lawful today for a person of this age at the offense.",
       "HS 11361.8(e)-(f); {today}", "Unknown age at the offense: the law as written is "
       "read for the worst age band, so this rule does not apply. A person known to be "
       "still serving: CHALLENGE_CURRENTLY_SERVING.", "floor_dismiss"),
    _R("MISDEMEANOR_OR_INFRACTION", "County policy: all misdemeanors and infractions dismissed",
       "dismiss", "County policy: every misdemeanor and "
       "infraction dismissed", "The county dismisses every Prop 64 misdemeanor and "
       "infraction (Los Angeles 2020, Sacramento 2019), beyond what the law requires.",
       _COUNTY, "Level unknown: UNKNOWN_LEVEL.", "not_felony",
       switch="additional:all_misdemeanors"),
    _R("CHALLENGE_CURRENTLY_SERVING", "Still serving the sentence: the court decides",
       "review", "Still serving the sentence: the court "
       "recalls it ({relief}) unless it finds an unreasonable risk of danger to public "
       "safety", "The sentence on this conviction ends after the as-of date: relief is a "
       "recall under HS 11361.8(a)-(b), which the court may refuse for an unreasonable "
       "risk of danger to public safety (PC 1170.18).", "HS 11361.8(a)-(b); HS 11361.9(c)(1)",
       "Unknown sentence length: not known to be serving; this rule does not apply.",
       "serving_with_relief", switch="ground:currently_serving", reason_closed=WINDOW_CLOSED),
    # --- challenge grounds (HS 11358(d), 11359(c)-(d), 11360(a)(3)): felonies of a person
    # 18 or older at the offense whose floor is a redesignation to a misdemeanor ------------
    _R("CHALLENGE_PRIOR_SUPER_STRIKE", "Prior super strike: challenge ground, review",
       "review", "Prior super strike conviction before the "
       "offense (PC 667(e)(2)(C)(iv)): HS {ground1} lets the People challenge",
       "A super strike conviction, in another case, dated before the offense.",
       "HS {ground1}; PC 667(e)(2)(C)(iv); " + _SMIT,
       "An undated one: CHALLENGE_PRIOR_AFTER_OFFENSE.", "ground_super_strike",
       switch="ground:prior_super_strike", reason_closed=WINDOW_CLOSED),
    _R("CHALLENGE_PRIOR_PC290", "Prior registrable sex offense: challenge ground, review",
       "review", "Prior conviction requiring registration under "
       "PC 290(c) before the offense: HS {ground1} lets the People challenge",
       "A conviction, in another case, for an offense requiring registration under PC "
       "290(c), dated before the offense.", "HS {ground1}; PC 290(c); " + _SMIT,
       "An undated one: CHALLENGE_PRIOR_AFTER_OFFENSE.", "ground_pc290",
       switch="ground:prior_pc290", reason_closed=WINDOW_CLOSED),
    _R("CHALLENGE_PC290_REGISTRANT", "Sex-offender registration, no conviction in file: review",
       "review", "PC 290 registration in the file with no "
       "registrable conviction behind it: HS {ground1} applies only if the registration "
       "rests on an offense requiring it under PC 290(c) (not PC 290.006)", "A PC 290 "
       "REGISTRATION step whose conviction is not in the file, dated before the offense: a "
       "person must find the conviction behind it.", "HS {ground1}; PC 290(c)",
       "An undated registration: CHALLENGE_PRIOR_AFTER_OFFENSE.", "ground_registration",
       switch="ground:pc290_registrant", reason_closed=WINDOW_CLOSED),
    _R("CHALLENGE_TWO_PRIORS", "Two priors, same section: challenge ground, review",
       "review", "Two or more prior HS {section} convictions before "
       "the offense: HS {ground2} lets the People challenge after two prior convictions "
       "under the section's misdemeanor provision; whether convictions from before "
       "2016-11-09 count is contested (no published case)", "Two or more convictions under "
       "the same section, in other cases, dated before the offense (pre-2016 forms "
       "counted).", "HS {ground2}", "Undated ones: CHALLENGE_PRIOR_AFTER_OFFENSE.",
       "ground_two_priors", switch="ground:two_priors_same_subdivision",
       reason_closed=WINDOW_CLOSED),
    _R("CHALLENGE_PRIOR_AFTER_OFFENSE", "Prior conviction of unclear date: review",
       "review", "A disqualifying conviction or "
       "registration dated after the offense but before this conviction, or undated: "
       "whether it is a prior under HS {ground1} or {ground2} is for a person to decide",
       "A super strike, PC 290(c) conviction, PC 290 registration or same-section "
       "conviction that is not clearly before the offense nor clearly after the conviction.",
       "HS {ground1}, {ground2}; " + _SMIT, "This rule is the unclear-date outcome: review.",
       "ground_between", switch="ground:prior_after_offense", reason_closed=WINDOW_CLOSED),
    # --- county additional relief (docs/LAW.md section 5): a felony the law reduces, dismissed
    _R("FELONY_DISMISS_SECTION", "County policy: felonies of this section dismissed",
       "dismiss", "County policy: all HS {section} felonies "
       "dismissed", "The county policy dismisses felonies of this section instead of "
       "redesignating them.", _COUNTY, "Not needed.", "in_dismiss", switch="felony_dismiss"),
    _R("UNDER_21_AT_CONVICTION", "County policy: under 21 at conviction",
       "dismiss", "County policy: under 21 at conviction",
       "The person was younger than 21 on the conviction date.", _COUNTY,
       "Unknown DOB, or a DOB after the conviction date, never satisfies an age rule.",
       "under_21", switch="additional:under_21_at_conviction"),
    _R("AGE_AT_LEAST", "County policy: person at least the policy's age",
       "dismiss", "County policy: {n} years or older on the as-of date",
       "The person is at least the policy's age on the as-of date.", _COUNTY,
       "Unknown DOB never satisfies an age rule.", "age", switch="additional:age_at_least"),
    _R("YEARS_SINCE_CONVICTION", "County policy: conviction old enough",
       "dismiss", "County policy: conviction {n} or more years "
       "before the as-of date", "The conviction is at least the policy's number of years "
       "old.", _COUNTY, "Unknown conviction date: the rule does not apply.", "years_since",
       switch="additional:years_since_conviction"),
    _R("YEARS_CRIME_FREE", "County policy: no recent conviction",
       "dismiss", "County policy: no conviction in the {n} years before "
       "the as-of date", "The person's latest conviction, any county and offense, is older "
       "than the policy's number of years.", _COUNTY,
       "Any undated conviction on the record: the rule does not apply.", "crime_free",
       switch="additional:years_crime_free"),
    _R("YEARS_FELONY_FREE", "County policy: no recent felony",
       "dismiss", "County policy: no felony conviction in the {n} years "
       "before the as-of date", "The person's latest felony conviction is older than the "
       "policy's number of years (Los Angeles 2020).", _COUNTY,
       "Any undated conviction on the record: the rule does not apply.", "felony_free",
       switch="additional:years_felony_free"),
    _R("ONLY_PROP64", "County policy: only cannabis convictions",
       "dismiss", "County policy: only Prop 64 convictions on the record",
       "Every conviction of the person is under HS 11357-11360.", _COUNTY, "Not needed.",
       "only_prop64", switch="additional:only_prop64"),
    _R("ONLY_CONVICTION_SENTENCE_COMPLETED", "County policy: only conviction, sentence served",
       "dismiss", "County policy: only conviction on "
       "the record, sentence completed", "This is the person's only conviction and its "
       "sentence has ended (Sacramento 2019).", _COUNTY,
       "Unknown sentence length: ONLY_CONVICTION_SENTENCE_UNKNOWN.", "only_conviction_done",
       switch="additional:only_conviction_sentence_completed"),
    _R("ONLY_CONVICTION_SENTENCE_UNKNOWN", "County policy: only conviction, sentence end unknown",
       "review", "County policy dismisses the only "
       "conviction once its sentence is completed, and the file does not give the sentence's "
       "length: a person must confirm it ended", "The person's only conviction, with no "
       "sentence length in the file (Sacramento 2019).", _COUNTY,
       "This rule is the missing-data outcome itself: review.", "only_conviction_unknown",
       switch="additional:only_conviction_sentence_completed"),
    _R("SENTENCE_COMPLETED", "County policy: sentence served",
       "dismiss", "County policy: sentence on this conviction "
       "completed", "The sentence (probation, jail or prison) on this conviction ended "
       "before the as-of date (Los Angeles 2020).", _COUNTY,
       "Unknown sentence length: SENTENCE_COMPLETION_UNKNOWN.", "sentence_done",
       switch="additional:sentence_completed"),
    _R("SENTENCE_COMPLETION_UNKNOWN", "County policy: sentence end unknown, review",
       "review", "County policy dismisses once the sentence "
       "is completed, and the file does not give the sentence's length: a person must "
       "confirm it ended", "No sentence length in the file (Los Angeles 2020 dismisses "
       "completed sentences).", _COUNTY,
       "This rule is the missing-data outcome itself: review.", "sentence_unknown",
       switch="additional:sentence_completed"),
    _R("DECEASED", "County policy: person has died",
       "dismiss", "County policy: individual is deceased", "The record says the "
       "person has died.", _COUNTY, "Not needed.", "deceased", switch="additional:deceased"),
    # --- the floor (docs/LAW.md table 1) ----------------------------------------------------
    _R("FELONY_REDUCE_SECTION", "Redesignate felony as misdemeanor or infraction",
       "reduce", "Felony HS {section} by a person {band} at the "
       "offense: {relief} ({today}){more}", "Under the law as written (statutory "
       "minimum), the conduct is a lesser offense today; the felony is redesignated (HS "
       "11361.8(e)-(f)).",
       "HS 11361.8(e)-(f); {today}", "Unknown age at the offense: the worst age band.",
       "floor_felony_reduce"),
    _R("MISDEMEANOR_TO_INFRACTION", "Redesignate misdemeanor as infraction",
       "reduce", "Misdemeanor HS {section} by a person {band} "
       "at the offense: {relief} ({today}){more}", "Under the law as written (statutory "
       "minimum), the conduct is an infraction today.", "HS 11361.8(e)-(f); {today}",
       "Unknown age at the offense: the worst age band.", "floor_misdemeanor_reduce"),
    _R("FACT_NOT_IN_FILE", "Needs a fact the file lacks (amount, plants, age)",
       "review", "Relief depends on a fact the file does not show: if "
       "{fact}, {best_relief} ({best_statute}); otherwise the same offense today ({today}). "
       "The court presumes the person qualifies unless the People prove otherwise by clear "
       "and convincing evidence", "Today's law treats the conduct differently by amount, "
       "plant count or age, and the file does not say which.",
       "HS 11361.8(b), (f); {today}", "This rule is the missing-data outcome itself: review.",
       "floor_fact_missing"),
    _R("SAME_OFFENSE_TODAY", "Same offense today: no relief",
       "not_eligible", "The same offense today ({today}) for a person "
       "{band} at the offense: no relief under HS 11361.8", "The conduct is the same "
       "offense, at the same level, under today's law.", "HS 11361.8(a), (e); {today}",
       "Not needed.", "floor_none"),
    _R("NO_RULE_APPLIES", "No rule applies: review",
       "review", "No policy rule applies: a person must decide",
       "A Prop 64 conviction that none of the policy's rules covers (for example a felony "
       "section in neither the dismiss nor the reduce list).", "HS 11361.9(b)",
       "This rule is the missing-data outcome itself: review.", "always", "both"),
    # --- BEAR procedure, reasons verbatim in bear_reason -------------------------------------
    _R("BEAR_MISDEMEANOR", "BEAR: misdemeanor or infraction dismissed",
       "dismiss", "Misdemeanor or Infraction", "BEAR step 1: a conviction "
       "that is not a felony is dismissed.", "BEAR options; HS 11361.8(e)-(f)",
       "Unknown level counts as not a felony, as in BEAR.", "not_felony", "bear"),
    _R("BEAR_DISMISS_SECTION", "BEAR: section on the dismiss list",
       "dismiss", "Dismiss all HS {section} convictions", "BEAR step "
       "2: the section is in the county's dismiss list.", "BEAR options (baselineEligibility)",
       "Not needed.", "in_dismiss", "bear"),
    _R("BEAR_UNDER_21", "BEAR: 21 or younger at conviction",
       "dismiss", "21 years or younger", "BEAR step 3: DOB plus 21 years is "
       "after the conviction date.", "BEAR options (subjectUnder21AtConviction)",
       "Unknown DOB never satisfies an age rule (BEAR treated it as year 1).",
       "under_21_bear", "bear", "additional:under_21_at_conviction"),
    _R("BEAR_AGE", "BEAR: person at least the policy's age",
       "dismiss", "{n} years or older", "BEAR step 4: DOB plus N years is on or "
       "before the as-of date.", "BEAR options (subjectAgeThreshold)",
       "Unknown DOB never satisfies an age rule.", "age", "bear", "additional:age_at_least"),
    _R("BEAR_YEARS_SINCE", "BEAR: conviction old enough",
       "dismiss", "Conviction occurred {n} or more years ago", "BEAR step "
       "5: the conviction date is on or before the as-of date minus N years.",
       "BEAR options (yearsSinceConvictionThreshold)", "Not reached for undated convictions.",
       "years_since", "bear", "additional:years_since_conviction"),
    _R("BEAR_CRIME_FREE", "BEAR: no recent conviction",
       "dismiss", "No convictions in the past {n} years", "BEAR step 6: "
       "the person's latest conviction is strictly before the as-of date minus N years.",
       "BEAR options (yearsCrimeFreeThreshold)", "Undated convictions are ignored, as the "
       "latest date is what counts.", "crime_free_bear", "bear",
       "additional:years_crime_free"),
    _R("BEAR_ONLY_PROP64", "BEAR: only cannabis convictions",
       "dismiss", "Only has 11357-60 charges", "BEAR step 7: every "
       "conviction of the person is under HS 11357-11360.",
       "BEAR options (subjectHasOnlyProp64Charges)", "Not needed.", "only_prop64_bear",
       "bear", "additional:only_prop64"),
    _R("BEAR_DECEASED", "BEAR: person has died",
       "dismiss", "Individual is deceased", "BEAR step 8: the person is "
       "deceased.", "BEAR options (subjectIsDeceased)", "Not needed.", "deceased", "bear",
       "additional:deceased"),
    _R("BEAR_REDUCE_SECTION", "BEAR: section on the reduce list",
       "reduce", "Reduce all HS {section} convictions", "BEAR step 9: "
       "the section is in the county's reduce list.", "BEAR options (baselineEligibility)",
       "Not needed.", "in_reduce", "bear"),
)

RULES_BY_ID: Final[dict[str, Rule]] = {rule.id: rule for rule in RULES}
assert len(RULES_BY_ID) == len(RULES), "rule ids must be unique"


def chain(procedure: str, switched_on: Callable[[str], bool]) -> list[Rule]:
    """The rules a policy applies, in order: its procedure's and both procedures', each
    whose switch the policy turns on. NO_RULE_APPLIES (always true) comes last in every
    procedure, after the BEAR steps only for BEAR."""
    chosen = [r for r in RULES if r.procedure in (procedure, "both") and
              (r.switch is None or switched_on(r.switch))]
    last = RULES_BY_ID["NO_RULE_APPLIES"]
    return [r for r in chosen if r is not last] + [last]

