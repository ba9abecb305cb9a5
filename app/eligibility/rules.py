"""Every rule the engine can apply, as data with an explanation (STYLE.md habit 6).

A rule has a stable UPPER_SNAKE id, the determination it gives, a plain-English description,
the statute or county choice behind it, and what happens when the data it needs is missing.
Reasons may name the policy's numbers ({n}) or the conviction's section ({section}).
"""

from dataclasses import dataclass
from typing import Final, Literal

Determination = Literal["dismiss", "reduce", "review", "not_eligible"]
DETERMINATIONS: Final[tuple[Determination, ...]] = ("dismiss", "reduce", "review", "not_eligible")


@dataclass(frozen=True)
class Rule:
    id: str
    determination: Determination
    reason: str  # shown per conviction; may hold {n} and {section}
    description: str
    statute: str
    missing_data: str
    procedure: Literal["statutory", "bear", "both"] = "statutory"


_R = Rule
RULES: Final[tuple[Rule, ...]] = (
    # --- guards every policy applies first: nothing the DA must see is dropped ----------------
    _R("UNKNOWN_CONVICTION_DATE", "review", "Conviction date unknown: a person must decide "
       "whether Prop 64 applies", "The conviction date is blank or not a calendar date; it "
       "decides whether the conviction predates Prop 64 (2016-11-09).", "HS 11361.8(a)",
       "This rule is the missing-data outcome itself: review.", "both"),
    _R("RELATED_OFFENCE", "review", "Related offence ({section}): relief only at the DA's "
       "discretion", "An attempt (PC 664), conspiracy (PC 182) or accessory (PC 32) to a "
       "Prop 64 offence, or another related offence the policy names. Never automatic.",
       "HS 11361.8; People v. Boatwright; People v. Medina; county choice",
       "Not needed: always review.", "both"),
    # --- statutory procedure ---------------------------------------------------------------
    _R("UNCLEAR_PROP64_SECTION", "review", "Charge names HS {section} in an unusual form: a "
       "person must confirm it", "The charge text holds a Prop 64 section that is not "
       "written as one (an attempt without its hyphen, '66411357(A) HS'; another code, "
       "'11357(A) PC'). BEAR read these as Prop 64; the law's floor does not guess.",
       "HS 11361.8", "This rule is the unclear-data outcome itself: review."),
    _R("AFTER_PROP64", "not_eligible", "Convicted after 2016-11-09, under the new law",
       "Convictions after Prop 64 took effect were sentenced under the new law and get no "
       "relief.", "HS 11361.8(a); Prop 64 effective 2016-11-09",
       "Unknown date: UNKNOWN_CONVICTION_DATE applies first."),
    _R("UNKNOWN_LEVEL", "review", "Level unknown (no FELONY/MISDEMEANOR and no offence type)",
       "Neither CONV_STAT_DESCR nor OFFENSE_TOC says whether this is a felony.",
       "HS 11361.8(a)-(f)", "This rule is the missing-data outcome itself: review."),
    _R("MISDEMEANOR_OR_INFRACTION", "dismiss", "Misdemeanor or infraction: dismiss and seal",
       "Misdemeanors and infractions under HS 11357-11360 are dismissed in every known county "
       "policy.", "HS 11361.8(e)-(f); county policy", "Level unknown: UNKNOWN_LEVEL."),
    _R("CHALLENGE_PRIOR_SUPER_STRIKE", "review", "Prior super strike conviction: the DA may "
       "challenge", "The person has a super strike conviction dated before this one.",
       "HS 11359(c)(1), 11360(a)(3)(A); PC 667(e)(2)(C)(iv); People v. Smit",
       "A super strike with an unknown date counts as possibly prior: review."),
    _R("CHALLENGE_PRIOR_PC290", "review", "Prior conviction requiring PC 290 registration: the "
       "DA may challenge", "The person has a conviction for a PC 290 registrable offence "
       "dated before this one.", "HS 11359(c)(2), 11360(a)(3)(B); PC 290(c)",
       "An undated registrable conviction counts as possibly prior: review."),
    _R("CHALLENGE_PC290_REGISTRANT", "review", "PC 290 registration before this conviction: "
       "the DA may challenge", "A REGISTRATION step for PC 290 is dated before this "
       "conviction.", "HS 11361.8(b); PC 290", "An undated registration counts: review."),
    _R("CHALLENGE_TWO_PRIORS", "review", "Two or more prior convictions under the same "
       "misdemeanor subdivision: the DA may challenge", "Two or more earlier convictions under "
       "HS 11358(c), 11359(b) or 11360(a)(2) of the same section keep this a felony.",
       "HS 11358(d)(3), 11359(c)(3), 11360(a)(3)(C)", "Undated priors count: review."),
    _R("CHALLENGE_CURRENTLY_SERVING", "review", "Still serving the sentence: the DA may "
       "challenge for unreasonable risk", "The sentence on this conviction ends after the "
       "as-of date; the DA may show an unreasonable risk of a new super strike.",
       "HS 11361.8(b)", "Unknown sentence length: the sentence is taken as ended."),
    _R("FELONY_DISMISS_SECTION", "dismiss", "County dismisses all HS {section} felonies",
       "The county policy dismisses felonies of this section instead of reducing them.",
       "County policy under HS 11361.9", "Not needed."),
    _R("UNDER_21_AT_CONVICTION", "dismiss", "Under 21 at conviction", "The person was younger "
       "than 21 on the conviction date.", "County policy (additional relief)",
       "Unknown DOB, or a DOB after the conviction date, never satisfies an age rule."),
    _R("AGE_AT_LEAST", "dismiss", "{n} years or older on the as-of date", "The person is at "
       "least the policy's age on the as-of date.", "County policy (additional relief)",
       "Unknown DOB never satisfies an age rule."),
    _R("YEARS_SINCE_CONVICTION", "dismiss", "Conviction {n} or more years before the as-of "
       "date", "The conviction is at least the policy's number of years old.",
       "County policy (additional relief)", "Not reached: undated convictions go to review."),
    _R("YEARS_CRIME_FREE", "dismiss", "No conviction in the {n} years before the as-of date",
       "The person's latest conviction, any county and offence, is older than the policy's "
       "number of years.", "County policy (additional relief)",
       "Any undated conviction on the record: the rule does not apply."),
    _R("YEARS_FELONY_FREE", "dismiss", "No felony conviction in the {n} years before the "
       "as-of date", "The person's latest felony conviction is older than the policy's number "
       "of years (Los Angeles 2020).", "County policy (additional relief)",
       "Any undated conviction on the record: the rule does not apply."),
    _R("ONLY_PROP64", "dismiss", "Only Prop 64 convictions on the record", "Every conviction "
       "of the person is under HS 11357-11360.", "County policy (additional relief)",
       "Not needed."),
    _R("ONLY_CONVICTION_SENTENCE_COMPLETED", "dismiss", "Only conviction on the record, "
       "sentence completed", "This is the person's only conviction and its sentence has "
       "ended (Sacramento 2019).", "County policy (additional relief)",
       "Unknown sentence length: taken as ended."),
    _R("SENTENCE_COMPLETED", "dismiss", "Sentence on this conviction completed", "The "
       "sentence (probation, jail or prison) on this conviction ended before the as-of date "
       "(Los Angeles 2020).", "County policy (additional relief)",
       "Unknown sentence length: taken as ended."),
    _R("DECEASED", "dismiss", "Individual is deceased", "The record holds a DECEASED step.",
       "County policy (additional relief)", "Not needed."),
    _R("FELONY_REDUCE_SECTION", "reduce", "Felony HS {section}: redesignate as a misdemeanor",
       "The law's floor: a felony under this section is reduced (redesignated, or recalled "
       "and resentenced if the person is still serving).", "HS 11361.8(a)-(b), (f)",
       "Not needed."),
    _R("NO_RULE_APPLIES", "review", "No policy rule applies: a person must decide",
       "A Prop 64 conviction that none of the policy's rules covers (for example a felony "
       "section in neither the dismiss nor the reduce list).", "HS 11361.9(b)",
       "This rule is the missing-data outcome itself: review.", "both"),
    # --- BEAR procedure (DOMAIN.md 3.6), reasons verbatim in bear_reason --------------------
    _R("BEAR_MISDEMEANOR", "dismiss", "Misdemeanor or Infraction", "BEAR step 1: a conviction "
       "that is not a felony is dismissed.", "BEAR options; HS 11361.8(e)-(f)",
       "Unknown level counts as not a felony, as in BEAR.", "bear"),
    _R("BEAR_DISMISS_SECTION", "dismiss", "Dismiss all HS {section} convictions", "BEAR step "
       "2: the section is in the county's dismiss list.", "BEAR options (baselineEligibility)",
       "Not needed.", "bear"),
    _R("BEAR_UNDER_21", "dismiss", "21 years or younger", "BEAR step 3: DOB plus 21 years is "
       "after the conviction date.", "BEAR options (subjectUnder21AtConviction)",
       "Unknown DOB never satisfies an age rule (BEAR treated it as year 1).", "bear"),
    _R("BEAR_AGE", "dismiss", "{n} years or older", "BEAR step 4: DOB plus N years is on or "
       "before the as-of date.", "BEAR options (subjectAgeThreshold)",
       "Unknown DOB never satisfies an age rule.", "bear"),
    _R("BEAR_YEARS_SINCE", "dismiss", "Conviction occurred {n} or more years ago", "BEAR step "
       "5: the conviction date is on or before the as-of date minus N years.",
       "BEAR options (yearsSinceConvictionThreshold)", "Not reached for undated convictions.",
       "bear"),
    _R("BEAR_CRIME_FREE", "dismiss", "No convictions in the past {n} years", "BEAR step 6: "
       "the person's latest conviction is strictly before the as-of date minus N years.",
       "BEAR options (yearsCrimeFreeThreshold)", "Undated convictions are ignored, as the "
       "latest date is what counts.", "bear"),
    _R("BEAR_ONLY_PROP64", "dismiss", "Only has 11357-60 charges", "BEAR step 7: every "
       "conviction of the person is under HS 11357-11360.",
       "BEAR options (subjectHasOnlyProp64Charges)", "Not needed.", "bear"),
    _R("BEAR_DECEASED", "dismiss", "Individual is deceased", "BEAR step 8: the person is "
       "deceased.", "BEAR options (subjectIsDeceased)", "Not needed.", "bear"),
    _R("BEAR_REDUCE_SECTION", "reduce", "Reduce all HS {section} convictions", "BEAR step 9: "
       "the section is in the county's reduce list.", "BEAR options (baselineEligibility)",
       "Not needed.", "bear"),
)

RULES_BY_ID: Final[dict[str, Rule]] = {rule.id: rule for rule in RULES}
assert len(RULES_BY_ID) == len(RULES), "rule ids must be unique"
