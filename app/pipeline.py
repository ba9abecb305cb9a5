"""Read, derive, evaluate, summarise: the whole run as one job (DESIGN.md, data flow 2-4)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl

from app.doj.source import DojSource
from app.eligibility.policy import Policy
from app.jobs import CancelToken, ProgressCallback, no_progress


@dataclass(frozen=True)
class EvaluationResult:
    rows: pl.DataFrame
    convictions: pl.DataFrame
    people: pl.DataFrame
    determinations: pl.DataFrame
    summary: dict[str, Any]
    policy: Policy
    county: str
    as_of: date
    sources: tuple[str, ...] = field(default=())


def evaluate_sources(
    sources: Sequence[DojSource],
    *,
    county: str,
    policy: Policy,
    as_of: date,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> EvaluationResult:
    raise NotImplementedError("being written")  # replaced in the engine commit
