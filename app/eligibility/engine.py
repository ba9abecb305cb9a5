"""Apply a county policy to every in-county Prop 64 conviction (docs/LAW.md).

The whole evaluation is one chain of polars expressions: the policy's rules come from the
rule table (app.eligibility.rules) in its order, each a named condition, and the first true
one decides (`pl.when` ... `.when` ...). The statutory floor (app.eligibility.floor), the
reasons, flags and facts are columns built the same way. No Python loop touches a row.
"""

from datetime import date

import polars as pl

from app.eligibility import reasons
from app.eligibility.dates import (
    PROP64_EFFECTIVE,
    add_years,
    add_years_expr,
    with_sentence_end,
)
from app.eligibility.flags import FLAG_NAMES, FLAG_TABLE
from app.eligibility.floor import (
    age_band,
    conduct_class,
    floor_columns,
    relief_rank,
)
from app.eligibility.frames import attach, collect, per_distinct
from app.eligibility.policy import Policy
from app.eligibility.priors import PRIOR_KINDS
from app.eligibility.priors import attach_priors as attach_priors  # the facts' module owns it
from app.eligibility.rules import (
    CHECKLIST,
    GROUND_PRIOR,
    RULES_BY_ID,
    Rule,
    chain,
)
from app.eligibility.sections import (
    CYCLE_RELATED,
    PROP64_NUMBERS,
    list_pattern,
)

DETERMINATION_COLUMNS = (
    "subject_id", "cnt_order", "name", "dob", "cii_number", "case_number", "court",
    "code_section", "section", "offense", "level", "conviction_date", "county",
    "determination", "rule_id", "reason", "statute", "bear_reason", "flags", "relief", "basis",
    "offense_date", "age_at_offense", "sentence_end", "currently_serving", "race", "case_key",
    "case_other_convictions", "facts",
)  # fmt: skip



def select_candidates(convictions: pl.LazyFrame, county: str, policy: Policy) -> pl.LazyFrame:
    """In-county Prop 64 convictions and every attempt, conspiracy or accessory written with
    a Prop 64 section (never dropped), plus the related offenses the policy brings in when
    they share an arrest cycle with a Prop 64 conviction of the same person. The BEAR
    procedure finds Prop 64 sections as BEAR did (app.eligibility.sections.bear_sections)."""
    related_p64 = pl.col("related_prefix").is_not_null() & pl.col("section_number").is_in(
        PROP64_NUMBERS
    )
    if policy.procedure == "bear":
        # BEAR read an attempt written '66411357(A) HS' or '664/11359 HS' as the plain
        # section; under its procedure those are evaluated as BEAR did.
        related_p64 = related_p64 & (pl.col("bear_sections") == "")
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


def _policy_chain(policy: Policy) -> list[Rule]:
    return chain(policy.procedure, policy.switched_on)


def _rule_chain(rules: list[Rule], conditions: dict[str, pl.Expr]) -> pl.Expr:
    """The first matching rule's id, in the chain's order."""
    # The chain picks a step's number, then the number its rule id: a chain of string
    # columns (one per step) cost several times more.
    chosen = first_match([(conditions[rule.condition], pl.lit(n, pl.UInt16))
                          for n, rule in enumerate(rules)], pl.lit(len(rules) - 1, pl.UInt16))
    return chosen.replace_strict({n: rule.id for n, rule in enumerate(rules)},
                                 return_dtype=pl.String)


def first_match(cases: list[tuple[pl.Expr, pl.Expr]], default: pl.Expr) -> pl.Expr:
    """The value of the first true condition, in order; `default` when none is true."""
    expr = default
    for condition, value in reversed(cases):
        expr = pl.when(condition).then(value).otherwise(expr)
    return expr


def age_at(dob: pl.Expr, day: pl.Expr) -> pl.Expr:
    """Whole years from `dob` to `day` (a 29 February birthday falls on 1 March, as
    add_years counts it); null when either is unknown or the DOB is after the day."""
    before_birthday = (day.dt.month() < dob.dt.month()) | (
        (day.dt.month() == dob.dt.month()) & (day.dt.day() < dob.dt.day())
    )
    years = day.dt.year().cast(pl.Int32) - dob.dt.year().cast(pl.Int32)
    return (pl.when(dob.is_not_null() & day.is_not_null() & (dob <= day))
            .then(years - before_birthday.cast(pl.Int32)))


def _floor(frame: pl.DataFrame) -> pl.DataFrame:
    """The statutory floor of each conviction (app.eligibility.floor): none for related or
    unclear charges and for offenses on or after 2016-11-09 or undated. The class and what
    it gives are looked up once per distinct section, subdivision, level and age band."""
    prop64 = ~pl.col("is_related") & ~pl.col("is_unclear_section") & pl.col("is_prop64")
    in_time = pl.col("offense_date") < PROP64_EFFECTIVE
    # A PC 17(b) reduction made the felony a misdemeanor "for all purposes".
    level = (pl.when((pl.col("later_relief") == "pc17b") & (pl.col("level") == "felony"))
             .then(pl.lit("misdemeanor")).otherwise(pl.col("level")))
    frame = frame.with_columns(
        age_at(pl.col("dob"), pl.col("offense_date")).alias("age_at_offense"),
        (prop64 & in_time.fill_null(False)).alias("_has_floor"),
        level.alias("floor_level"),
    ).with_columns(age_band(pl.col("age_at_offense"), pl.col("juvenile")).alias("band"))

    def floor_table(keys: pl.LazyFrame) -> pl.LazyFrame:
        return keys.with_columns(
            pl.when(pl.col("_has_floor"))
            .then(conduct_class(pl.col("section_number"), pl.col("section_subs"),
                                pl.col("floor_level")))
            .alias("floor_class"),
        ).with_columns(floor_columns("floor_class", "band", "floor_level"))

    keys = ["_has_floor", "section_number", "section_subs", "floor_level", "band"]
    return per_distinct(frame, keys, floor_table).drop("_has_floor")


def _conditions(policy: Policy, as_of: date) -> dict[str, pl.Expr]:
    """Every rule's condition by name (app.eligibility.rules.Rule.condition)."""
    conv = pl.col("event_date")
    dob = pl.col("dob")
    dob_ok = dob.is_not_null() & (conv.is_null() | (dob <= conv))
    level = pl.col("level")
    felony = level == "felony"
    a = policy.additional
    bear = policy.procedure == "bear"
    undated_any = pl.col("has_undated_conviction").fill_null(False)
    floor_relief = pl.col("floor_relief")
    redesignation = floor_relief.is_in(["redesignate_misdemeanor", "redesignate_infraction"])
    serving = pl.col("currently_serving")

    def count(kind: str) -> pl.Expr:
        return pl.col(f"count_{kind}").fill_null(0)

    # HS 11358(d), 11359(c), 11360(a)(3): only a felony of a person 18 or older at the
    # offense whose conduct is otherwise a misdemeanor today can be kept a felony.
    ground = (felony & pl.col("section_number").is_in(list(GROUND_PRIOR))
              & (pl.col("band") != "under_18") & (floor_relief == "redesignate_misdemeanor"))
    between = (count("super_strike_between") + count("pc290_between")
               + count("registration_between")) > 0
    repeat_between = (count("repeat") < 2) & (count("repeat") + count("repeat_between") >= 2)
    # County criteria upgrade a felony the law relieves (statutory procedure); BEAR's steps
    # apply to whatever BEAR reads as Prop 64.
    county = pl.lit(True) if bear else felony & (floor_relief != "none")
    return {
        "always": pl.lit(True),
        "unknown_conviction_date": conv.is_null(),
        "unknown_offense_date": pl.col("offense_date").is_null(),
        "related": pl.col("is_related"),
        "unclear_section": pl.col("is_unclear_section"),
        "already_granted": pl.col("later_relief") == "prop64",
        "later_vacated": pl.col("later_relief") == "vacated",
        "after_cutoff": pl.col("offense_date") >= PROP64_EFFECTIVE,
        "unknown_level": level == "unknown",
        "serving_with_relief": serving.fill_null(False) & (floor_relief != "none"),
        "floor_dismiss": (floor_relief == "dismiss_seal") & ~serving.fill_null(False),
        "not_felony": ~felony,
        "ground_super_strike": ground & (count("super_strike") > 0),
        "ground_pc290": ground & (count("pc290") > 0),
        "ground_registration": ground & (count("registration") > 0),
        "ground_two_priors": ground & (count("repeat") >= 2),
        "ground_between": ground & (between | repeat_between),
        "in_dismiss": pl.col("bear_dismiss").is_not_null() if bear
        else county & pl.col("section_number").is_in(list(policy.felony_dismiss)),
        "in_reduce": pl.col("bear_reduce").is_not_null(),
        "under_21": county & dob_ok & (add_years_expr(dob, 21) > conv),
        # BEAR's own arithmetic: no DOB sanity check beyond "known".
        "under_21_bear": dob.is_not_null() & (add_years_expr(dob, 21) > conv),
        "age": county & dob.is_not_null() & (add_years_expr(dob, a.age_at_least) <= as_of),
        "years_since": county & (conv <= add_years(as_of, -a.years_since_conviction)),
        "crime_free": county & ~undated_any
        & (pl.col("latest_conviction") < add_years(as_of, -a.years_crime_free)),
        "crime_free_bear": pl.col("latest_conviction") < add_years(as_of, -a.years_crime_free),
        "felony_free": county & ~undated_any
        & (pl.col("latest_felony").is_null()
           | (pl.col("latest_felony") < add_years(as_of, -a.years_felony_free))),
        "only_prop64": county & pl.col("only_prop64"),
        "only_prop64_bear": pl.col("only_prop64_bear"),
        "only_conviction_done": county & (pl.col("convictions_total") == 1)
        & (serving == False),  # noqa: E712 - null (unknown) is not completed
        "only_conviction_unknown": county & (pl.col("convictions_total") == 1)
        & serving.is_null(),
        "sentence_done": county & (serving == False),  # noqa: E712
        "sentence_unknown": county & serving.is_null(),
        "deceased": county & pl.col("deceased"),
        "floor_felony_reduce": felony & redesignation
        & pl.col("section_number").is_in(list(policy.felony_reduce)),
        "floor_misdemeanor_reduce": ~felony & redesignation,
        "floor_fact_missing": (floor_relief == "none") & (pl.col("floor_best_relief") != "none"),
        "floor_none": pl.col("floor_class").is_not_null() & (floor_relief == "none"),
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



def _flag_bits(as_of: date) -> pl.Expr:
    """The flags as bits of one number; `flag_text` writes them out. Building the text row
    by row, one piece per flag, cost several times more."""
    return pl.sum_horizontal(
        flag.condition(as_of).fill_null(False).cast(pl.UInt64) * (1 << bit)
        for bit, flag in enumerate(FLAG_TABLE)
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
    """The facts behind the decision, in words, for the reviewer and the person view (the
    fact that would give more relief is in the reason)."""
    checklist = (pl.col("rule_id") == "FELONY_REDUCE_SECTION") & (pl.col("band") != "under_18")
    parts = [
        pl.format("prior super strike {}", pl.col("text_super_strike")),
        pl.format("prior PC 290(c) conviction {}", pl.col("text_pc290")),
        pl.format("PC 290 registration {}", pl.col("text_registration")),
        pl.when(pl.col("count_repeat").fill_null(0) >= 2).then(  # one alone is no ground
            pl.format("prior same-section convictions {}", pl.col("text_repeat"))
        ),
        pl.format("after the offense or undated: {}", pl.concat_str(
            [pl.col(f"text_{kind}_between") for kind in PRIOR_KINDS],
            separator="; ", ignore_nulls=True).replace("", None)),
        pl.when(pl.col("currently_serving")).then(
            pl.format("sentence ends {}", pl.col("sentence_end").dt.to_string("%Y-%m-%d"))
        ),
        pl.when(pl.col("juvenile")).then(pl.lit("juvenile adjudication (HS 11361.8(m))")),
        pl.format("later entry: {}", pl.col("later_relief_text")),
        pl.when(checklist).then(pl.col("shown_section").replace_strict(
            CHECKLIST, default=None, return_dtype=pl.String)),
        pl.when(pl.col("deceased")).then(pl.lit("deceased")),
    ]
    return pl.concat_str(parts, separator="; ", ignore_nulls=True)


def _relief_and_basis() -> list[pl.Expr]:
    """`relief`: what this determination asks the court for (a review: what the floor gives
    if the review confirms it); `basis`: statute, or county_policy where that is more than
    the statutory floor gives (staff is set later, by an override)."""
    determination = pl.col("determination")
    floor_relief = pl.col("floor_relief")
    form = (
        pl.when(determination == "dismiss").then(pl.lit("dismiss_seal"))
        .when(determination == "reduce").then(
            pl.when(floor_relief.str.starts_with("redesignate_")).then(floor_relief)
            .otherwise(pl.lit("redesignate_misdemeanor")))
        .when(determination == "review").then(floor_relief)
        .otherwise(pl.lit("none"))
    )
    relief = (pl.when(pl.col("currently_serving").fill_null(False) & (form != "none"))
              .then(pl.lit("recall_resentence")).otherwise(form))
    basis = (pl.when(relief_rank(form) > relief_rank(floor_relief))
             .then(pl.lit("county_policy")).otherwise(pl.lit("statute")))
    return [relief.alias("relief"), basis.alias("basis")]


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
    sentence = pl.col("sentence_years") + pl.col("sentence_months") + pl.col("sentence_days")
    frame = (
        attach(attach(candidates.collect(), people, "subject_id"), cases, "case_key")
        .lazy()
        .with_columns(pl.len().over("case_key").alias("case_evaluated"))
        .pipe(with_sentence_end, "event_date", "sentence_years", "sentence_months",
              "sentence_days", "sentence_end")
        .with_columns(
            # No sentence length in the file: whether it is completed is unknown (null).
            pl.when(sentence.fill_null(0) > 0)
            .then(pl.col("sentence_end").fill_null(date.min) > as_of)
            .alias("currently_serving"),
            *_section_columns(policy),
        )
        .pipe(collect)
        .pipe(_floor)
        .lazy()
    )
    rules = _policy_chain(policy)
    frame = frame.with_columns(_rule_chain(rules, _conditions(policy, as_of)).alias("rule_id"))
    frame = frame.with_columns(_reason_section(policy).alias("reason_section"))
    by_rule = pl.col("rule_id")
    reason = reasons.templates(policy, as_of, "reason")
    statute = reasons.templates(policy, as_of, "statute")
    frame = per_distinct(collect(frame), list(reasons.REASON_KEYS), lambda keys: keys.with_columns(
        reasons.filled(by_rule.replace_strict(reason, return_dtype=pl.String)).alias("reason"),
        reasons.filled(by_rule.replace_strict(statute, return_dtype=pl.String)).alias("statute"),
    ).with_columns(reasons.related_reason())).lazy()
    frame = frame.with_columns(
        by_rule.replace_strict({r: spec.determination for r, spec in RULES_BY_ID.items()},
                               return_dtype=pl.String).alias("determination"),
        _flag_bits(as_of).alias("flags"),
        _facts().alias("facts"),
    ).with_columns(_relief_and_basis())
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
            "relief",
            "basis",
            "offense_date",
            pl.col("age_at_offense").cast(pl.Int64),
            "sentence_end",
            "currently_serving",
            pl.col("race").fill_null(""),
            "case_key",
            (pl.col("case_convictions").fill_null(0) - pl.col("case_evaluated").fill_null(0))
            .cast(pl.Int64)
            .alias("case_other_convictions"),
            pl.col("facts").fill_null(""),
        )
        .pipe(collect)
    )
    return determinations.with_columns(flag_text(determinations["flags"]))
