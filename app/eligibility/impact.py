"""Impact figures (docs/ARCHITECTURE.md), computed at the as-of date, never the wall clock."""

from datetime import date

import polars as pl

from app.eligibility.dates import add_years
from app.eligibility.rules import DETERMINATIONS
from app.eligibility.summary import ImpactSummary, PeopleLeft, PolicyName

RELIEF = ("dismiss", "reduce")


def _people_figures(frame: pl.LazyFrame, outcomes: dict[str, pl.Expr], as_of: date
                    ) -> pl.LazyFrame:
    """People with no felony / no conviction / no conviction in 7 years left after relief,
    one row with those three figures for each outcome, named `<outcome>:<figure>`.

    As BEAR counted them: among people who had at least one such conviction, every one of
    them got the relief (felonies: dismiss or reduce; convictions: dismiss). `frame` holds
    the people's convictions; an outcome gives each one's outcome ("none" if not
    evaluated). Every outcome is counted in one pass over the people.
    """
    seven_years_ago = add_years(as_of, -7)
    felony = pl.col("level") == "felony"
    recent = (pl.col("event_date") > seven_years_ago).fill_null(False)
    per_outcome = []
    for name, outcome in outcomes.items():
        dismissed, relieved = outcome == "dismiss", outcome.is_in(RELIEF)
        per_outcome += [
            (felony & relieved).sum().alias(f"{name}:felonies_relieved"),
            dismissed.sum().alias(f"{name}:dismissed"),
            (recent & dismissed).sum().alias(f"{name}:recent_dismissed"),
        ]
    per_person = frame.group_by("subject_id").agg(
        felony.sum().alias("felonies"), pl.len().alias("convictions"),
        recent.sum().alias("recent"), *per_outcome,
    )
    felonies, convictions = pl.col("felonies"), pl.col("convictions")
    recent_count = pl.col("recent")
    return per_person.select(
        expr
        for name in outcomes
        for expr in (
            ((felonies > 0) & (felonies == pl.col(f"{name}:felonies_relieved")))
            .sum().alias(f"{name}:people_no_felony"),
            ((convictions > 0) & (convictions == pl.col(f"{name}:dismissed")))
            .sum().alias(f"{name}:people_no_conviction"),
            ((recent_count > 0) & (recent_count == pl.col(f"{name}:recent_dismissed")))
            .sum().alias(f"{name}:people_no_conviction_last_7_years"),
        )
    )


def _counts(frame: pl.LazyFrame, column: str) -> pl.LazyFrame:
    return frame.group_by(column).len().sort(column, nulls_last=True)


def _as_dict(counted: pl.DataFrame) -> dict[str, int]:
    return {str(k) if k is not None else "": int(v) for k, v in counted.iter_rows()}


def _figures(frame: pl.DataFrame, outcome: str) -> dict[str, int]:
    """The people figures of one outcome (see `_people_figures`)."""
    return {name.split(":", 1)[1]: int(value) for name, value in frame.row(0, named=True).items()
            if name.startswith(f"{outcome}:")}


def impact_summary(
    determinations: pl.DataFrame,
    convictions: pl.DataFrame,
    *,
    as_of: date,
    county: str,
    policy_id: str,
    policy_name: str,
    sources: list[str],
) -> ImpactSummary:
    real_people = ~pl.col("subject_id").str.starts_with("(blank SUBJECT_ID)")
    # By its flag, not its rule: an earlier guard (an unknown date) may have decided it.
    related = pl.col("flags").str.contains("related_offence", literal=True)
    det = determinations.lazy()
    # Only people with an evaluated conviction can be left with no felony or conviction.
    # One join serves both outcomes: the determinations, and every Prop 64 one dismissed.
    people_convictions = convictions.lazy().select(
        "subject_id", "CNT_ORDER", "level", "event_date"
    ).join(
        det.select("subject_id").unique(), on="subject_id", how="semi"
    ).join(
        det.select("subject_id", pl.col("cnt_order").alias("CNT_ORDER"), "determination",
                   (~related).alias("prop64")),
        on=["subject_id", "CNT_ORDER"], how="left",
    )
    outcome = pl.col("determination").fill_null("none")
    everything_dismissed = (
        pl.when(pl.col("prop64")).then(pl.lit("dismiss")).otherwise(pl.lit("none"))
    )
    relief_people = det.filter(pl.col("determination").is_in(RELIEF) & real_people)
    per_person_race = relief_people.group_by("subject_id").agg(pl.col("race").first())
    flags = det.select(pl.col("flags").str.split("; ")).explode("flags").filter(
        pl.col("flags") != ""
    )
    # Every figure in one collect: polars runs the small queries side by side.
    queries = {
        "people_evaluated": det.filter(real_people & ~related).select(
            pl.col("subject_id").n_unique()
        ),
        "people_related_only": det.filter(real_people).group_by("subject_id").agg(
            related.all().alias("only")
        ).select(pl.col("only").sum()),
        "people_with_relief": relief_people.select(pl.col("subject_id").n_unique()),
        "earliest": det.select(pl.col("conviction_date").min()),
        "people": _people_figures(
            people_convictions,
            {"decided": outcome, "dismiss_all_prop64": everything_dismissed},
            as_of,
        ),
        "determinations": _counts(det, "determination"),
        "by_section": _counts(det, "section"),
        "by_level": _counts(det, "level"),
        "by_rule": _counts(det, "rule_id"),
        "by_relief": _counts(det, "relief"),
        "by_basis": _counts(det.filter(pl.col("determination").is_in(RELIEF)), "basis"),
        "by_dismissal_reason": _counts(det.filter(pl.col("determination") == "dismiss"),
                                       "reason"),
        "by_race": _counts(per_person_race, "race"),
        "by_year": _counts(
            det.with_columns(pl.col("conviction_date").dt.year().cast(pl.String).alias("year")),
            "year",
        ),
        "flags": _counts(flags, "flags"),
    }
    r = dict(zip(queries, pl.collect_all(list(queries.values())), strict=True))
    counts = _as_dict(r["determinations"])
    determinations_count: dict[str, int] = {d: counts.get(d, 0) for d in DETERMINATIONS}
    earliest = r["earliest"].item()
    figures = _figures(r["people"], "decided")
    return ImpactSummary(
        county=county,
        as_of=as_of,
        policy=PolicyName(policy_id, policy_name),
        sources=tuple(sources),
        convictions_evaluated=determinations.height,
        people_evaluated=int(r["people_evaluated"].item()),
        people_related_only=int(r["people_related_only"].item()),
        determinations=determinations_count,
        people_with_relief=int(r["people_with_relief"].item()),
        people_no_felony=figures["people_no_felony"],
        people_no_conviction=figures["people_no_conviction"],
        people_no_conviction_last_7_years=figures["people_no_conviction_last_7_years"],
        dismiss_all_prop64=PeopleLeft(**_figures(r["people"], "dismiss_all_prop64")),
        by_section=_as_dict(r["by_section"]),
        by_level=_as_dict(r["by_level"]),
        by_rule=_as_dict(r["by_rule"]),
        by_relief=_as_dict(r["by_relief"]),
        by_basis=_as_dict(r["by_basis"]),
        by_dismissal_reason=_as_dict(r["by_dismissal_reason"]),
        by_race=_as_dict(r["by_race"]),
        by_year=_as_dict(r["by_year"]),
        flags=_as_dict(r["flags"]),
        earliest_conviction=earliest if isinstance(earliest, date) else None,
    )
