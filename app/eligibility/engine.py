"""Apply a county policy to every in-county Prop 64 conviction (DOMAIN.md 3).

The whole evaluation is one chain of polars expressions: each rule is a condition, the first
true one decides (`pl.when` ... `.when` ...), and reasons, flags and facts are columns built
the same way. No Python loop touches a row or a person.
"""

from datetime import date

import polars as pl

from app.eligibility.dates import (
    PROP64_EFFECTIVE,
    add_years,
    add_years_expr,
    with_sentence_end,
)
from app.eligibility.frames import attach
from app.eligibility.policy import Policy
from app.eligibility.priors import attach_priors as attach_priors  # the facts' module owns it
from app.eligibility.rules import RULES_BY_ID
from app.eligibility.sections import (
    CYCLE_RELATED,
    PROP64_NUMBERS,
    RELATED_PREFIXES,
    list_pattern,
)

DETERMINATION_COLUMNS = (
    "subject_id", "cnt_order", "name", "dob", "cii_number", "case_number", "court",
    "code_section", "section", "offense", "level", "conviction_date", "county",
    "determination", "rule_id", "reason", "statute", "bear_reason", "flags", "sentence_end",
    "currently_serving", "race", "case_key", "case_other_convictions", "facts",
)  # fmt: skip



def select_candidates(convictions: pl.LazyFrame, county: str, policy: Policy) -> pl.LazyFrame:
    """In-county Prop 64 convictions and every attempt, conspiracy or accessory written with
    a Prop 64 section (never dropped), plus the related offences the policy brings in when
    they share an arrest cycle with a Prop 64 conviction of the same person. The BEAR
    procedure finds Prop 64 sections as BEAR did (app.eligibility.sections.bear_sections)."""
    related_p64 = pl.col("related_prefix").is_not_null() & pl.col("section_number").is_in(
        PROP64_NUMBERS
    )
    specs = tuple(spec for kind in policy.related for spec in CYCLE_RELATED.get(kind, ()))
    cycle = pl.col("CNT_ORDER").str.slice(0, 3)
    frame = convictions.with_columns(cycle.alias("_cycle"))
    if specs:
        p64_cycles = frame.filter(pl.col("is_prop64")).select("subject_id", "_cycle").unique()
        in_cycle = frame.join(p64_cycles.with_columns(pl.lit(True).alias("_p64_cycle")),
                              on=["subject_id", "_cycle"], how="left", maintain_order="left")
        related_other = (
            pl.col("related_prefix").is_null()
            & pl.col("section_key").str.contains(list_pattern(specs))
            & pl.col("_p64_cycle").fill_null(False)
        )
    else:
        in_cycle, related_other = frame, pl.lit(False)
    # A charge BEAR would read as Prop 64 ('66411357(A) HS', '11357(A)PC') that the section
    # parser does not: a statutory policy never drops it, a person confirms it (BEAR
    # evaluates it as the section it names).
    unclear = (
        pl.lit(False) if policy.procedure == "bear"
        else ~pl.col("is_prop64") & ~related_p64 & (pl.col("bear_sections") != "")
    )
    return (
        in_cycle.filter(
            (pl.col("STP_ORI_CNTY_NAME") == county)
            & (_prop64(policy) | related_p64 | related_other | unclear)
        )
        .with_columns((related_p64 | related_other).alias("is_related"),
                      unclear.alias("is_unclear_section"))
        .drop("_cycle", "_p64_cycle", strict=False)
    )


def _prop64(policy: Policy) -> pl.Expr:
    """Whether a conviction is under HS 11357-11360, as the policy's procedure reads it."""
    if policy.procedure == "bear":
        return pl.col("bear_sections") != ""
    return pl.col("is_prop64")


def _bear_listed(sections: tuple[str, ...]) -> pl.Expr:
    """The first of the policy's `sections`, in the list's order, among the charge's BEAR
    sections (null for none): BEAR tried its dismiss and reduce lists entry by entry."""
    found = pl.col("bear_sections")
    return first_match([(found.str.contains(s, literal=True), pl.lit(s)) for s in sections],
                       pl.lit(None, pl.String))


def _rule_chain(policy: Policy, as_of: date, c: dict[str, pl.Expr]) -> pl.Expr:
    """The first matching rule's id, in the policy's procedure order."""
    a = policy.additional
    steps: list[tuple[pl.Expr, str]] = [
        (c["unknown_date"], "UNKNOWN_CONVICTION_DATE"),
        (c["related"], "RELATED_OFFENCE"),
    ]
    if policy.procedure == "bear":
        steps += [
            (~c["felony"], "BEAR_MISDEMEANOR"),
            (c["in_dismiss"], "BEAR_DISMISS_SECTION"),
        ]
        if a.under_21_at_conviction:
            steps.append((c["under_21_bear"], "BEAR_UNDER_21"))
        if a.age_at_least:
            steps.append((c["age"], "BEAR_AGE"))
        if a.years_since_conviction:
            steps.append((c["years_since"], "BEAR_YEARS_SINCE"))
        if a.years_crime_free:
            steps.append((c["crime_free_bear"], "BEAR_CRIME_FREE"))
        if a.only_prop64:
            steps.append((c["only_prop64"], "BEAR_ONLY_PROP64"))
        if a.deceased:
            steps.append((c["deceased"], "BEAR_DECEASED"))
        steps.append((c["in_reduce"], "BEAR_REDUCE_SECTION"))
    else:
        steps.append((c["unclear_section"], "UNCLEAR_PROP64_SECTION"))
        if policy.after_cutoff_not_eligible:
            steps.append((c["after_cutoff"], "AFTER_PROP64"))
        steps += [
            (c["unknown_level"], "UNKNOWN_LEVEL"),
            (~c["felony"], "MISDEMEANOR_OR_INFRACTION"),
        ]
        grounds = (
            ("prior_super_strike", "CHALLENGE_PRIOR_SUPER_STRIKE"),
            ("prior_pc290", "CHALLENGE_PRIOR_PC290"),
            ("pc290_registrant", "CHALLENGE_PC290_REGISTRANT"),
            ("two_priors_same_subdivision", "CHALLENGE_TWO_PRIORS"),
            ("currently_serving", "CHALLENGE_CURRENTLY_SERVING"),
        )
        steps += [(c[g], rule) for g, rule in grounds if policy.ground(g) == "review"]
        steps.append((c["in_dismiss"], "FELONY_DISMISS_SECTION"))
        if a.under_21_at_conviction:
            steps.append((c["under_21"], "UNDER_21_AT_CONVICTION"))
        if a.age_at_least:
            steps.append((c["age"], "AGE_AT_LEAST"))
        if a.years_since_conviction:
            steps.append((c["years_since"], "YEARS_SINCE_CONVICTION"))
        if a.years_crime_free:
            steps.append((c["crime_free"], "YEARS_CRIME_FREE"))
        if a.years_felony_free:
            steps.append((c["felony_free"], "YEARS_FELONY_FREE"))
        if a.only_prop64:
            steps.append((c["only_prop64"], "ONLY_PROP64"))
        if a.only_conviction_sentence_completed:
            steps.append((c["only_conviction_done"], "ONLY_CONVICTION_SENTENCE_COMPLETED"))
        if a.sentence_completed:
            steps.append((~c["currently_serving"], "SENTENCE_COMPLETED"))
        if a.deceased:
            steps.append((c["deceased"], "DECEASED"))
        steps.append((c["in_reduce"], "FELONY_REDUCE_SECTION"))
    # The chain picks a step's number, then the number its rule id: a chain of string
    # columns (one per step) cost several times more.
    rule_ids = [rule_id for _, rule_id in steps] + ["NO_RULE_APPLIES"]
    chosen = first_match([(cond, pl.lit(n, pl.UInt16)) for n, (cond, _) in enumerate(steps)],
                         pl.lit(len(steps), pl.UInt16))
    return chosen.replace_strict(dict(enumerate(rule_ids)), return_dtype=pl.String)


def first_match(cases: list[tuple[pl.Expr, pl.Expr]], default: pl.Expr) -> pl.Expr:
    """The value of the first true condition, in order; `default` when none is true."""
    expr = default
    for condition, value in reversed(cases):
        expr = pl.when(condition).then(value).otherwise(expr)
    return expr


def _conditions(policy: Policy, as_of: date) -> dict[str, pl.Expr]:
    conv = pl.col("event_date")
    dob = pl.col("dob")
    dob_ok = dob.is_not_null() & (conv.is_null() | (dob <= conv))
    level = pl.col("level")
    a = policy.additional
    undated_any = pl.col("has_undated_conviction").fill_null(False)
    bear = policy.procedure == "bear"
    return {
        "unknown_date": conv.is_null(),
        "related": pl.col("is_related"),
        "unclear_section": pl.col("is_unclear_section"),
        "after_cutoff": conv > PROP64_EFFECTIVE,
        "unknown_level": level == "unknown",
        "felony": level == "felony",
        "in_dismiss": pl.col("bear_dismiss").is_not_null() if bear
        else pl.col("section_number").is_in(list(policy.felony_dismiss)),
        "in_reduce": pl.col("bear_reduce").is_not_null() if bear
        else pl.col("section_number").is_in(list(policy.felony_reduce)),
        "prior_super_strike": pl.col("count_super_strike").fill_null(0) > 0,
        "prior_pc290": pl.col("count_pc290").fill_null(0) > 0,
        "pc290_registrant": pl.col("count_registration").fill_null(0) > 0,
        "two_priors_same_subdivision": pl.col("count_repeat").fill_null(0) >= 2,
        "currently_serving": pl.col("currently_serving"),
        "under_21": dob_ok & (add_years_expr(dob, 21) > conv),
        # BEAR's own arithmetic: no DOB sanity check beyond "known".
        "under_21_bear": dob.is_not_null() & (add_years_expr(dob, 21) > conv),
        "age": dob.is_not_null() & (add_years_expr(dob, a.age_at_least) <= as_of),
        "years_since": conv <= add_years(as_of, -a.years_since_conviction),
        "crime_free": (~undated_any)
        & (pl.col("latest_conviction") < add_years(as_of, -a.years_crime_free)),
        "crime_free_bear": pl.col("latest_conviction") < add_years(as_of, -a.years_crime_free),
        "felony_free": (~undated_any)
        & (
            pl.col("latest_felony").is_null()
            | (pl.col("latest_felony") < add_years(as_of, -a.years_felony_free))
        ),
        "only_prop64": pl.col("only_prop64_bear" if bear else "only_prop64"),
        "only_conviction_done": (pl.col("convictions_total") == 1) & ~pl.col("currently_serving"),
        "deceased": pl.col("deceased"),
    }


def _section_columns(policy: Policy) -> list[pl.Expr]:
    """`shown_section`: the Prop 64 section the conviction counts under (under BEAR, the
    first BEAR section of the charge, as BEAR counted it); BEAR's `bear_dismiss` and
    `bear_reduce`: the list entries its charge matches."""
    found = pl.col("bear_sections")
    bear = policy.procedure == "bear"
    # A statutory policy parsed the section itself, except from the unclear charges.
    by_bear = found != "" if bear else pl.col("is_unclear_section")
    shown = (pl.when(by_bear).then(found.str.slice(0, 5)).otherwise(pl.col("section_number"))
             .alias("shown_section"))
    if not bear:
        return [shown]
    return [
        shown,
        _bear_listed(policy.felony_dismiss).alias("bear_dismiss"),
        _bear_listed(policy.felony_reduce).alias("bear_reduce"),
    ]


def _reason_section(policy: Policy) -> pl.Expr:
    """The section a reason names: BEAR names the list entry that matched."""
    if policy.procedure != "bear":
        return pl.col("shown_section")
    rule = pl.col("rule_id")
    return (
        pl.when(rule == "BEAR_DISMISS_SECTION").then(pl.col("bear_dismiss"))
        .when(rule == "BEAR_REDUCE_SECTION").then(pl.col("bear_reduce"))
        .otherwise(pl.col("shown_section"))
    )


def _reason(policy: Policy) -> pl.Expr:
    a = policy.additional
    numbers = {
        "AGE_AT_LEAST": a.age_at_least, "BEAR_AGE": a.age_at_least,
        "YEARS_SINCE_CONVICTION": a.years_since_conviction,
        "BEAR_YEARS_SINCE": a.years_since_conviction,
        "YEARS_CRIME_FREE": a.years_crime_free, "BEAR_CRIME_FREE": a.years_crime_free,
        "YEARS_FELONY_FREE": a.years_felony_free,
    }  # fmt: skip
    templates = {
        rule_id: spec.reason.replace("{n}", str(numbers.get(rule_id, "")))
        for rule_id, spec in RULES_BY_ID.items()
    }
    return (
        pl.col("rule_id")
        .replace_strict(templates, return_dtype=pl.String)
        .str.replace("{section}", pl.col("reason_section"), literal=True)
    )


def _flag_conditions(as_of: date) -> dict[str, pl.Expr]:
    """Each flag's condition, in the order the flags are listed."""
    conv = pl.col("event_date")
    other_p64 = pl.col("COMMENT_TEXT").str.contains(r"(^|[^0-9.])1135[789]|11360") & ~pl.col(
        "comment_charge"
    )
    return {
        "unknown_conviction_date": conv.is_null(),
        "unknown_dob": pl.col("dob").is_null(),
        "dob_after_conviction": pl.col("dob") > conv,
        "conviction_after_as_of": conv > as_of,
        "after_prop64": conv > PROP64_EFFECTIVE,
        "comment_charge": pl.col("comment_charge"),
        "possible_other_p64": other_p64,
        "padded_values": pl.col("padded"),
        "blank_subject_id": pl.col("blank_subject"),
        "unknown_level": pl.col("level") == "unknown",
        "related_offence": pl.col("is_related"),
        "unclear_section": pl.col("is_unclear_section"),
        "prior_super_strike": pl.col("count_super_strike").fill_null(0) > 0,
        "prior_pc290": pl.col("count_pc290").fill_null(0) > 0,
        "pc290_registrant": pl.col("count_registration").fill_null(0) > 0,
        "two_priors": pl.col("count_repeat").fill_null(0) >= 2,
        "currently_serving": pl.col("currently_serving"),
        "deceased": pl.col("deceased"),
        "no_case_number": pl.col("case_number").fill_null("") == "",
    }


FLAG_NAMES = tuple(_flag_conditions(date(2000, 1, 1)))


def _flag_bits(as_of: date) -> pl.Expr:
    """The flags as bits of one number; `flag_text` writes them out. Building the text row
    by row, one piece per flag, cost several times more."""
    return pl.sum_horizontal(
        cond.fill_null(False).cast(pl.UInt32) * (1 << bit)
        for bit, cond in enumerate(_flag_conditions(as_of).values())
    )


def flag_text(bits: pl.Series) -> pl.Series:
    """Each row's flags, "; "-joined in FLAG_NAMES order ("" for none): a file holds a few
    hundred combinations, each written out once."""
    texts = {
        int(value): "; ".join(name for bit, name in enumerate(FLAG_NAMES) if value >> bit & 1)
        for value in bits.unique().to_list()
    }
    # (with no rows, an empty table would leave the dtype as it was)
    return bits.replace_strict(texts or {0: ""}, return_dtype=pl.String)


def _facts() -> pl.Expr:
    parts = [
        pl.format("prior super strike {}", pl.col("text_super_strike")),
        pl.format("prior PC 290 conviction {}", pl.col("text_pc290")),
        pl.format("PC 290 registration {}", pl.col("text_registration")),
        pl.when(pl.col("count_repeat").fill_null(0) >= 2).then(  # one alone is no ground
            pl.format("prior same-subdivision convictions {}", pl.col("text_repeat"))
        ),
        pl.when(pl.col("currently_serving")).then(
            pl.format("sentence ends {}", pl.col("sentence_end").dt.to_string("%Y-%m-%d"))
        ),
        pl.when(pl.col("deceased")).then(pl.lit("deceased")),
    ]
    return pl.concat_str(parts, separator="; ", ignore_nulls=True)


def evaluate(
    candidates: pl.LazyFrame,
    people: pl.LazyFrame,
    cases: pl.LazyFrame,
    policy: Policy,
    as_of: date,
) -> pl.DataFrame:
    """One determination per candidate conviction, columns as docs/CONTRACTS.md lists.

    `cases` holds, per `case_key`, the case's `case_number` and `case_convictions`.
    """
    # One chunk per column: polars' streaming engine can panic ("i < self.len()") on a
    # frame whose filtered chunks include an empty one (a delivery file, or part of one,
    # with no candidate).
    frame = (
        attach(attach(candidates.collect(), people, "subject_id"), cases, "case_key")
        .rechunk()
        .lazy()
        .with_columns(pl.len().over("case_key").alias("case_evaluated"))
        .pipe(with_sentence_end, "event_date", "sentence_years", "sentence_months",
              "sentence_days", "sentence_end")
        .with_columns(
            (pl.col("sentence_end").fill_null(date.min) > as_of).alias("currently_serving"),
            *_section_columns(policy),
        )
    )
    conditions = _conditions(policy, as_of)
    frame = frame.with_columns(_rule_chain(policy, as_of, conditions).alias("rule_id"))
    frame = frame.with_columns(_reason_section(policy).alias("reason_section"))
    determination = pl.col("rule_id").replace_strict(
        {r: spec.determination for r, spec in RULES_BY_ID.items()}, return_dtype=pl.String
    )
    statute = pl.col("rule_id").replace_strict(
        {r: spec.statute for r, spec in RULES_BY_ID.items()}, return_dtype=pl.String
    )
    frame = frame.with_columns(
        determination.alias("determination"),
        _reason(policy).alias("reason"),
        statute.alias("statute"),
        _flag_bits(as_of).alias("flags"),
        _facts().alias("facts"),
    )
    bear = pl.col("rule_id").str.starts_with("BEAR_")
    frame = frame.with_columns(
        pl.when(bear).then(pl.col("reason")).otherwise(pl.lit(None, pl.String)).alias(
            "bear_reason"
        ),
        pl.when(pl.col("rule_id") == "RELATED_OFFENCE")
        .then(pl.format("{} ({})", pl.col("reason"),
                        pl.col("related_prefix").replace_strict(
                            RELATED_PREFIXES, default="same arrest cycle as a Prop 64 conviction")))
        .otherwise(pl.col("reason"))
        .alias("reason"),
    )
    determinations = (
        frame.sort("_order")
        .select(
            pl.col("subject_id"),
            pl.col("CNT_ORDER").alias("cnt_order"),
            pl.col("name").fill_null(""),
            pl.col("dob"),
            pl.col("cii_number").fill_null(""),
            pl.col("case_number").fill_null(""),
            pl.col("STP_ORI_DESCR").alias("court"),
            pl.col("code_section"),
            pl.col("shown_section").alias("section"),
            pl.when(pl.col("comment_charge"))
            .then(pl.col("COMMENT_TEXT"))
            .otherwise(pl.col("OFFENSE_DESCR"))
            .alias("offense"),
            pl.col("level"),
            pl.col("event_date").alias("conviction_date"),
            pl.col("STP_ORI_CNTY_NAME").alias("county"),
            "determination",
            "rule_id",
            "reason",
            "statute",
            "bear_reason",
            "flags",
            "sentence_end",
            "currently_serving",
            pl.col("race").fill_null(""),
            "case_key",
            (pl.col("case_convictions").fill_null(0) - pl.col("case_evaluated").fill_null(0))
            .cast(pl.Int64)
            .alias("case_other_convictions"),
            pl.col("facts").fill_null(""),
        )
        .collect()
    )
    return determinations.with_columns(flag_text(determinations["flags"]))

