"""Writing the court documents as one background job (no Qt): app.exports' documents job,
called with the session's decided determinations, plus the evaluate-folder CSV if chosen."""

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from app.eligibility.summary import DecidedSummary
from app.errors import InputError
from app.exports.documents import (
    NO_FIGURES,
    DocumentChoice,
    WrittenDocument,
    check_request,
    prepare_export,
    write_documents,
)
from app.exports.motion import MotionFacts
from app.exports.office import load_office
from app.jobs import CancelToken, Progress, ProgressCallback
from app.outputs import DETERMINATIONS_CSV, SUMMARY_JSON, write_outputs

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
    facts: MotionFacts,
    summary: DecidedSummary | None,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> list[WrittenDocument]:
    """Write the chosen documents; returns the files written. `decided_rows` has the staff
    decisions applied (exports use final_determination); `determinations` is the engine's;
    `facts` the workspace's county, as-of and DOJ file dates; `summary` (Session.summary)
    the figures after decisions beside the engine's, None when the DOJ files were not read.

    Every input is checked once, before the first file is written (app.exports.documents:
    the password, the files already there, the office's county); nothing already there is
    replaced unless the clerk said so (`request.replace`).
    """
    csv = [request.folder / name for name in CSV_FILES] if "csv" in request.documents else []
    if csv and summary is None:
        raise InputError(str(csv[0]), NO_FIGURES)
    request.folder.mkdir(parents=True, exist_ok=True)
    check_request(request.folder, request.choice, request.password, force=request.replace,
                  also_written=csv)  # fmt: skip
    # The papers count staff decisions, as the Impact tab does; the engine's original
    # figures stay in the window and in summary.json.
    plan = prepare_export(
        request.folder, decided_rows, facts, load_office(), choice=request.choice,
        summary=summary.decided if summary else None, password=request.password,
    )  # fmt: skip
    written = write_documents(plan, progress=progress, cancel=cancel)
    if summary is not None and csv:
        cancel.check()
        engine = summary.engine.with_doj_file_date(facts.doj_file_date)
        write_outputs(request.folder, determinations, engine)
        written += [WrittenDocument(request.folder / DETERMINATIONS_CSV,
                                    "the engine's determinations, before staff decisions"),
                    WrittenDocument(request.folder / SUMMARY_JSON, "the engine's figures")]
    progress(Progress(1, 1, "Done"))
    return written
