"""The work behind opening and evaluating, as plain job functions (no Qt): the main window
runs them on the job runner; tests may call them directly."""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from app.doj.reader import read_sources
from app.doj.source import DojSource
from app.intake import SecretSource, open_deliveries
from app.intake.deliveries import delivery_file_date
from app.jobs import CancelToken, Progress, ProgressCallback
from app.pipeline import EvaluationResult, evaluate_rows
from app.review.workspace import SourceFile
from ui.dialogs.run_dialog import RunSettings


@dataclass(frozen=True)
class OpenedDelivery:
    paths: tuple[Path, ...]
    sources: tuple[SourceFile, ...]  # names and SHA-256 for the workspace (never the bytes)
    unprotected: tuple[str, ...]  # plain-text files: the clerk is warned
    rows: pl.DataFrame
    counties: list[str]  # counties of the convictions in the file, most convictions first
    county_counts: dict[str, int]  # conviction rows per county, in the same order


def counties_by_convictions(rows: pl.DataFrame) -> dict[str, int]:
    """The delivery's own counties (STP_ORI_CNTY_NAME of conviction rows) and how many
    conviction rows each has, biggest first (ties A to Z)."""
    county = pl.col("STP_ORI_CNTY_NAME").str.strip_chars().str.to_uppercase()
    convicted = pl.col("DISP_DESCR").str.strip_chars().str.starts_with("CONVICTED")
    counted = (
        rows.lazy()
        .filter(convicted & (county != ""))
        .group_by(county.alias("county"))
        .len()
        .sort(["len", "county"], descending=[True, False])
        .collect()
    )
    return {str(c): int(n) for c, n in counted.iter_rows()}


def open_delivery(
    paths: Sequence[Path], secrets: SecretSource, progress: ProgressCallback, cancel: CancelToken
) -> OpenedDelivery:
    progress(Progress(0, 0, f"Opening {len(paths)} file{'s' if len(paths) != 1 else ''}"))
    sources = open_deliveries(list(paths), secrets)
    cancel.check()
    rows = read_sources(sources, progress=progress, cancel=cancel)
    cancel.check()
    progress(Progress(1, 1, f"Read {rows.height:,} rows"))
    counts = counties_by_convictions(rows)
    return OpenedDelivery(
        paths=tuple(paths),
        sources=tuple(_fingerprint(s) for s in sources),
        unprotected=tuple(s.name for s in sources if not s.protected),
        rows=rows,
        counties=list(counts),
        county_counts=counts,
    )


def _fingerprint(source: DojSource) -> SourceFile:
    """Name and SHA-256 for the workspace; a plain file is hashed in chunks, not loaded."""
    if source.data is not None or source.path is None:
        return SourceFile.of(source.name, source.read_bytes())
    digest = hashlib.sha256()
    with source.path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return SourceFile(source.name, digest.hexdigest())


def evaluate(
    opened: OpenedDelivery, settings: RunSettings, progress: ProgressCallback,
    cancel: CancelToken,
) -> EvaluationResult:  # fmt: skip
    result = evaluate_rows(
        opened.rows, county=settings.county, policy=settings.policy, as_of=settings.as_of,
        progress=progress, cancel=cancel, sources=tuple(s.name for s in opened.sources),
    )  # fmt: skip
    # The motion states the DOJ file's date, as `countyclear evaluate` records it.
    if opened.paths and all(path.exists() for path in opened.paths):
        summary = {**result.summary, "doj_file_date": delivery_file_date(opened.paths),
                   "doj_file_date_source": "file modified"}
        result = replace(result, summary=summary)
    return result
