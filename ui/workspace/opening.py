"""The work behind opening and evaluating, as plain job functions (no Qt): the main window
runs them on the job runner; tests may call them directly.

The window never reads a DOJ file itself: opening decrypts the delivery (app.intake) and
hands it to app.pipeline.evaluate_sources, the one way from deliveries to determinations the
command line takes too, under the settings the new-run dialog is most likely to confirm (the
office's county, the first policy, today). The dialog then offers the file's own counties,
counted from the rows read; a different choice evaluates those rows again
(app.pipeline.evaluate_rows), so the file is read once whatever is chosen.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from app.eligibility.policy import BUILTIN_POLICIES, builtin_policy
from app.intake import SecretSource, open_deliveries
from app.jobs import CancelToken, Progress, ProgressCallback
from app.pipeline import EvaluationResult, evaluate_rows, evaluate_sources
from app.review.workspace import SourceFile
from app.triage.counties import counties_by_convictions
from ui.dialogs.run_dialog import RunSettings


class _Delivered(Protocol):
    """What the workspace fingerprints of a delivered file (app.intake's sources, whose
    fields are read-only: hence properties)."""

    @property
    def name(self) -> str: ...
    @property
    def data(self) -> Any: ...
    @property
    def path(self) -> Path | None: ...

    def read_bytes(self) -> bytes: ...


@dataclass(frozen=True)
class OpenedDelivery:
    paths: tuple[Path, ...]
    sources: tuple[SourceFile, ...]  # names and SHA-256 for the workspace (never the bytes)
    unprotected: tuple[str, ...]  # plain-text files: the clerk is warned
    first: EvaluationResult  # evaluated under `expected`, with the rows read
    expected: RunSettings  # the settings opening evaluated under
    counties: list[str]  # counties of the convictions in the file, most convictions first
    county_counts: dict[str, int]  # conviction rows per county, in the same order

    @property
    def rows(self) -> pl.DataFrame:
        return self.first.rows


def likely_settings(county: str) -> RunSettings:
    """What the new-run dialog offers first: the given county, the first policy, today."""
    return RunSettings(county=county, as_of=date.today(),
                       policy=builtin_policy(next(iter(BUILTIN_POLICIES))))


def open_delivery(
    paths: Sequence[Path], secrets: SecretSource, progress: ProgressCallback, cancel: CancelToken,
    *, expected: RunSettings | None = None,
) -> OpenedDelivery:
    """Decrypt, read and evaluate once under `expected` (see the module's comment; None:
    no county yet, the dialog's choice evaluates)."""
    expected = expected or likely_settings("")
    progress(Progress(0, 0, f"Opening {len(paths)} file{'s' if len(paths) != 1 else ''}"))
    delivered = open_deliveries(list(paths), secrets, cancel=cancel)
    cancel.check()
    fingerprints = tuple(_fingerprint(s) for s in delivered)
    unprotected = tuple(s.name for s in delivered if not s.protected)
    result = evaluate_sources(
        delivered, county=expected.county, policy=expected.policy, as_of=expected.as_of,
        progress=progress, cancel=cancel,
    )  # fmt: skip
    del delivered  # the decrypted bytes go; the rows hold all the window needs
    counts = counties_by_convictions(result.rows)
    return OpenedDelivery(
        paths=tuple(paths), sources=fingerprints, unprotected=unprotected, first=result,
        expected=expected, counties=list(counts), county_counts=counts,
    )  # fmt: skip


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
    """The run the clerk chose: opening's own when the settings are the same, else the rows
    already read evaluated again."""
    if settings == opened.expected:
        result = opened.first
    else:
        result = evaluate_rows(
            opened.rows, county=settings.county, policy=settings.policy, as_of=settings.as_of,
            progress=progress, cancel=cancel, sources=opened.first.sources,
        )  # fmt: skip
    # No DOJ file date here: a file's modification date is not the day DOJ produced it. The
    # clerk gives it (the export checklist asks) and the workspace keeps it.
    return result
