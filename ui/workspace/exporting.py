"""Writing the court documents as one background job (no Qt): app.exports' documents job,
called with the session's decided determinations, plus the evaluate-folder CSV if chosen."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from app.exports.challenged import CHALLENGED_FILE
from app.exports.documents import DocumentChoice
from app.exports.documents import export_documents as write_court_documents
from app.exports.exhibit import EXHIBIT_FILE
from app.exports.files import refuse_existing
from app.exports.impact_report import IMPACT_FILE
from app.exports.motion import MOTION_FILE
from app.exports.office import load_office
from app.jobs import CancelToken, Progress, ProgressCallback
from app.outputs import DETERMINATIONS_CSV, SUMMARY_JSON, write_outputs
from app.triage.impact import ENGINE

# document id -> (what the clerk sees, the file(s) it writes, needs the impact figures)
DOCUMENTS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "exhibit": ("Exhibit 1 (sealed workbook)", (EXHIBIT_FILE,), False),
    "motion": ("Motion and proposed order (PDF)", (MOTION_FILE,), True),
    "challenged": ("Challenged cases for the court and defender", (CHALLENGED_FILE,), False),
    "impact": ("Impact report (PDF)", (IMPACT_FILE,), True),
    "csv": ("Determinations CSV and summary.json", (DETERMINATIONS_CSV, SUMMARY_JSON), True),
}


@dataclass(frozen=True)
class ExportRequest:
    folder: Path
    documents: tuple[str, ...]
    password: str | None  # seals the workbooks; required for the exhibit
    replace: bool = False  # the clerk confirmed replacing files already there

    def targets(self) -> list[Path]:
        return [self.folder / name for doc in self.documents for name in DOCUMENTS[doc][1]]


def export_documents(
    request: ExportRequest,
    decided_rows: pl.DataFrame,
    determinations: pl.DataFrame,
    summary: dict[str, Any] | None,
    county: str,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> list[Path]:
    """Write the chosen documents; returns the files written. `decided_rows` has the staff
    decisions applied (exports use final_determination); `determinations` is the engine's;
    `summary` the figures after decisions, the engine's under "engine" (Session.summary).

    The court documents go through app.exports.documents.export_documents, which checks the
    password and the office's county before the first file is written; the CSV comes after.
    """
    request.folder.mkdir(parents=True, exist_ok=True)
    refuse_existing(request.targets(), force=request.replace)
    chosen = set(request.documents)
    figures = summary is not None  # the dialog offers these only when they are known
    # The papers count staff decisions, as the Impact tab does; the engine's original
    # figures stay in the window and in summary.json.
    engine = dict((summary or {}).get(ENGINE) or summary or {})
    decided = {k: v for k, v in (summary or {}).items() if k != ENGINE}
    choice = DocumentChoice(
        exhibit="exhibit" in chosen,
        motion="motion" in chosen and figures,
        challenged="challenged" in chosen,
        summary="impact" in chosen and figures,
    )
    written = [
        document.path
        for document in write_court_documents(
            request.folder, decided_rows, {**decided, "county": county}, load_office(),
            choice=choice, password=request.password, force=True,  # refused above
            progress=progress, cancel=cancel,
        )
    ]
    if "csv" in chosen and summary is not None:
        cancel.check()
        write_outputs(request.folder, determinations, engine)
        written += [request.folder / name for name in DOCUMENTS["csv"][1]]
    progress(Progress(1, 1, "Done"))
    return written
