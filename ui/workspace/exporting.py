"""Writing the court documents as one background job (no Qt): app.exports' documents job,
called with the session's decided determinations, plus the evaluate-folder CSV if chosen."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from app.exports.documents import DocumentChoice, WrittenDocument
from app.exports.documents import export_documents as write_court_documents
from app.exports.files import refuse_existing
from app.exports.office import load_office
from app.jobs import CancelToken, Progress, ProgressCallback
from app.outputs import DETERMINATIONS_CSV, SUMMARY_JSON, write_outputs
from app.triage.impact import ENGINE

# document id -> (what the clerk sees, needs the impact figures of the DOJ files read)
DOCUMENTS: dict[str, tuple[str, bool]] = {
    "exhibit": ("Exhibit 1 (sealed workbook)", False),
    "motion": ("Motion, proposed order, Exhibit 1 cover and proof of service (PDFs)", False),
    "challenged": ("Challenged and not-eligible convictions for the court and defender "
                   "(sealed workbook)", False),
    "impact": ("Impact report (PDF)", True),
    "csv": ("Determinations CSV and summary.json", True),
}
CSV_FILES = (DETERMINATIONS_CSV, SUMMARY_JSON)


@dataclass(frozen=True)
class ExportRequest:
    folder: Path
    documents: tuple[str, ...]
    password: str | None  # seals the workbooks; required for the exhibit
    replace: bool = False  # the clerk confirmed replacing files already there

    @property
    def choice(self) -> DocumentChoice:
        chosen = set(self.documents)
        return DocumentChoice(exhibit="exhibit" in chosen, motion="motion" in chosen,
                              challenged="challenged" in chosen, summary="impact" in chosen)

    def targets(self) -> list[Path]:
        """Every file the export would write: app.exports' own list, and the CSV's."""
        csv = [self.folder / name for name in CSV_FILES] if "csv" in self.documents else []
        return [*self.choice.targets(self.folder), *csv]


def export_documents(
    request: ExportRequest,
    decided_rows: pl.DataFrame,
    determinations: pl.DataFrame,
    summary: dict[str, Any],
    progress: ProgressCallback,
    cancel: CancelToken,
) -> list[WrittenDocument]:
    """Write the chosen documents; returns the files written. `decided_rows` has the staff
    decisions applied (exports use final_determination); `determinations` is the engine's;
    `summary` (Session.paper_summary) the figures after decisions with the engine's under
    "engine", and the workspace's county, as-of and DOJ file dates.

    The court documents go through app.exports.documents.export_documents, which checks the
    password and the office's county before the first file is written; the CSV comes after.
    Nothing already there is replaced unless the clerk said so (`request.replace`).
    """
    request.folder.mkdir(parents=True, exist_ok=True)
    refuse_existing(request.targets(), force=request.replace)
    # The papers count staff decisions, as the Impact tab does; the engine's original
    # figures stay in the window and in summary.json.
    decided = {k: v for k, v in summary.items() if k != ENGINE}
    written = write_court_documents(
        request.folder, decided_rows, decided, load_office(), choice=request.choice,
        password=request.password, force=request.replace, progress=progress, cancel=cancel,
    )  # fmt: skip
    if "csv" in request.documents:
        cancel.check()
        engine = {**dict(summary.get(ENGINE) or decided), **_dates(summary)}
        write_outputs(request.folder, determinations, engine)
        written += [WrittenDocument(request.folder / DETERMINATIONS_CSV,
                                    "the engine's determinations, before staff decisions"),
                    WrittenDocument(request.folder / SUMMARY_JSON, "the engine's figures")]
    progress(Progress(1, 1, "Done"))
    return written


def _dates(summary: dict[str, Any]) -> dict[str, Any]:
    """The DOJ file date the clerk gave, for summary.json as `evaluate` writes it."""
    return {key: summary[key] for key in ("doj_file_date", "doj_file_date_source")
            if key in summary}
