"""The work behind opening and evaluating, as plain job functions (no Qt): the main window
runs them on the job runner; tests may call them directly.

Opening decrypts the delivery (app.intake) and finds its counties for the new-run dialog
(app.triage.counties); evaluating hands the decrypted files to app.pipeline.evaluate_sources,
the one way from deliveries to determinations the command line takes too. The window never
reads a DOJ file itself.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from app.intake import SecretSource, open_deliveries
from app.intake.deliveries import delivery_file_date
from app.jobs import CancelToken, Progress, ProgressCallback
from app.pipeline import EvaluationResult, evaluate_sources
from app.review.workspace import SourceFile
from app.triage.counties import delivery_counties
from ui.dialogs.run_dialog import RunSettings


class _Delivered(Protocol):
    """What the workspace fingerprints of a delivered file (app.intake's sources)."""

    name: str
    data: Any
    path: Path | None

    def read_bytes(self) -> bytes: ...


@dataclass(frozen=True)
class OpenedDelivery:
    paths: tuple[Path, ...]
    sources: tuple[SourceFile, ...]  # names and SHA-256 for the workspace (never the bytes)
    unprotected: tuple[str, ...]  # plain-text files: the clerk is warned
    delivered: tuple[Any, ...]  # the decrypted files (app.intake), for evaluate_sources
    counties: list[str]  # counties of the convictions in the file, most convictions first
    county_counts: dict[str, int]  # conviction rows per county, in the same order


def open_delivery(
    paths: Sequence[Path], secrets: SecretSource, progress: ProgressCallback, cancel: CancelToken,
    *, counties: bool = True,
) -> OpenedDelivery:
    """`counties`: find the delivery's counties (a new run asks for one; reopening a
    workspace, whose county is fixed, does not need them)."""
    progress(Progress(0, 0, f"Opening {len(paths)} file{'s' if len(paths) != 1 else ''}"))
    delivered = open_deliveries(list(paths), secrets, cancel=cancel)
    cancel.check()
    counts = delivery_counties(delivered, progress, cancel) if counties else {}
    cancel.check()
    return OpenedDelivery(
        paths=tuple(paths),
        sources=tuple(_fingerprint(s) for s in delivered),
        unprotected=tuple(s.name for s in delivered if not s.protected),
        delivered=tuple(delivered),
        counties=list(counts),
        county_counts=counts,
    )


def _fingerprint(source: _Delivered) -> SourceFile:
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
    result = evaluate_sources(
        opened.delivered, county=settings.county, policy=settings.policy,
        as_of=settings.as_of, progress=progress, cancel=cancel,
    )  # fmt: skip
    # The motion states the DOJ file's date, as `countyclear evaluate` records it.
    if opened.paths and all(path.exists() for path in opened.paths):
        summary = {**result.summary, "doj_file_date": delivery_file_date(opened.paths),
                   "doj_file_date_source": "file modified"}
        result = replace(result, summary=summary)
    return result
