"""From DOJ files to determinations: read, build the facts, evaluate, summarize.

`evaluate_sources` goes from a delivery's files to an evaluation (`countyclear evaluate` and
the self-test call it); `evaluate_rows` is its second half, for rows already read.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import polars as pl

from app.doj.reader import read_sources
from app.doj.schema import NEEDED
from app.doj.source import DojSource
from app.eligibility.cases import build_case_numbers
from app.eligibility.convictions import build_convictions
from app.eligibility.engine import evaluate, select_candidates
from app.eligibility.impact import impact_summary
from app.eligibility.juvenile import juvenile_not_evaluated
from app.eligibility.people import build_people
from app.eligibility.policy import Policy
from app.eligibility.priors import attach_priors, build_prior_events
from app.eligibility.rows import prepare_rows
from app.eligibility.summary import ImpactSummary
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

KEPT_CONVICTION_COLUMNS = ("subject_id", "CNT_ORDER", "level", "event_date",
                           "STP_ORI_CNTY_NAME", "is_prop64")


@dataclass(frozen=True)
class EvaluationResult:
    rows: pl.DataFrame
    convictions: pl.DataFrame
    people: pl.DataFrame
    determinations: pl.DataFrame
    summary: ImpactSummary
    policy: Policy
    county: str
    as_of: date
    sources: tuple[str, ...] = field(default=())
    # Juvenile court cannabis counts with a finding but no conviction: not evaluated, listed
    # for a person (app.eligibility.juvenile).
    juvenile: pl.DataFrame = field(default_factory=pl.DataFrame)


def evaluate_sources(
    sources: Sequence[DojSource],
    *,
    county: str,
    policy: Policy,
    as_of: date,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    on_determinations: Callable[[pl.DataFrame], None] | None = None,
    columns: Sequence[str] = NEEDED,
    release_sources: Callable[[], None] | None = None,
) -> EvaluationResult:
    """Read `sources` (one delivery, possibly several files) and evaluate their rows.

    `columns`: the DOJ columns kept in `rows`; the desktop app's person view shows all of
    NEEDED, a headless run needs only ENGINE (app.doj.schema). `release_sources` is called
    once the rows are read, before the evaluation: a caller holding decrypted bytes lets go
    of them there (a 1,000,000-row file held beside the evaluation took it within 250 MiB
    of 2 GiB)."""
    names = tuple(s.name for s in sources)
    rows = read_sources(sources, progress=progress, cancel=cancel, columns=columns)
    del sources
    if release_sources is not None:
        release_sources()
    return evaluate_rows(rows, county=county, policy=policy, as_of=as_of, progress=progress,
                         cancel=cancel, sources=names, on_determinations=on_determinations)


def evaluate_rows(
    rows: pl.DataFrame,
    *,
    county: str,
    policy: Policy,
    as_of: date,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    sources: tuple[str, ...] = (),
    on_determinations: Callable[[pl.DataFrame], None] | None = None,
) -> EvaluationResult:
    """`on_determinations` sees the determinations before the impact figures are computed
    (the command line starts writing them meanwhile)."""
    def step(done: int, text: str) -> None:
        if cancel:
            cancel.check()
        progress(Progress(done, 4, text))

    step(0, f"Building convictions from {rows.height:,} rows")
    prepared = prepare_rows(rows).collect().lazy()
    convictions = build_convictions(prepared).collect()
    juvenile = juvenile_not_evaluated(prepared, county)
    step(1, f"Building the history of each person ({convictions.height:,} convictions)")
    people, determinations = _determine(prepared, convictions, county, policy, as_of, step)
    # What is kept of every conviction: what the people figures and the self-test read. The
    # rest, and the frames built on the way, go before the figures are counted.
    convictions = convictions.select(KEPT_CONVICTION_COLUMNS)
    del prepared
    step(3, f"Computing impact figures for {determinations.height:,} convictions")
    if on_determinations is not None:
        on_determinations(determinations)
    summary = impact_summary(
        determinations, convictions, as_of=as_of, county=county, policy_id=policy.id,
        policy_name=policy.name, sources=list(sources),
    )
    summary = replace(summary, juvenile_not_evaluated=juvenile.height)
    progress(Progress(4, 4, "Done"))
    return EvaluationResult(
        rows=rows, convictions=convictions, people=people, determinations=determinations,
        summary=summary, policy=policy, county=county, as_of=as_of, sources=sources,
        juvenile=juvenile,
    )


def _determine(
    prepared: pl.LazyFrame,
    convictions: pl.DataFrame,
    county: str,
    policy: Policy,
    as_of: date,
    step: Callable[[int, str], None],
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The people and the determinations; the frames between them are let go on return."""
    # Independent of each other: collected together, polars runs them side by side.
    people, events, candidates = pl.collect_all([
        build_people(prepared, convictions.lazy()),
        build_prior_events(prepared, convictions.lazy()),
        select_candidates(convictions.lazy(), county, policy),
    ])
    step(2, f"Applying the policy '{policy.name}'")
    # One table of the shown cases: their numbers and how many convictions each holds.
    shown = candidates.lazy().select("case_key", "subject_id", "step_key").unique()
    cases = convictions.lazy().join(shown, on="case_key", how="semi").group_by(
        "case_key"
    ).agg(pl.len().alias("case_convictions")).join(
        build_case_numbers(prepared, shown.drop("case_key")), on="case_key", how="left"
    ).collect().lazy()  # by the streaming engine: it reads all rows (the engine's own are few)
    with_priors = attach_priors(candidates.lazy(), events.lazy())
    return people, evaluate(with_priors, people.lazy(), cases, policy, as_of)
