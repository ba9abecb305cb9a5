"""Writing the court documents as one background job (no Qt): the exports engineer's
functions in app.exports, called with the session's decided determinations."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from app.exports.challenged import CHALLENGED_FILE, write_challenged
from app.exports.exhibit import EXHIBIT_FILE, write_exhibit
from app.exports.files import refuse_existing
from app.exports.impact_report import IMPACT_FILE, write_impact_report
from app.exports.motion import MOTION_FILE, MotionFacts, write_motion
from app.exports.office import load_office
from app.jobs import CancelToken, Progress, ProgressCallback
from app.outputs import DETERMINATIONS_CSV, SUMMARY_JSON, write_outputs

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
    decided: pl.DataFrame,
    determinations: pl.DataFrame,
    summary: dict[str, Any] | None,
    county: str,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> list[Path]:
    """Write the chosen documents; returns the files written. `decided` has the staff
    decisions applied (exports use final_determination); `determinations` is the engine's."""
    request.folder.mkdir(parents=True, exist_ok=True)
    refuse_existing(request.targets(), force=request.replace)
    written: list[Path] = []
    steps = len(request.documents)
    for done, document in enumerate(request.documents):
        cancel.check()
        progress(Progress(done, steps, f"Writing {DOCUMENTS[document][0]}"))
        folder = request.folder
        if document == "exhibit":
            assert request.password is not None
            write_exhibit(folder / EXHIBIT_FILE, decided, county=county,
                          password=request.password, cancel=cancel)  # fmt: skip
        elif document == "challenged":
            write_challenged(folder / CHALLENGED_FILE, decided, county=county,
                             password=request.password, cancel=cancel)  # fmt: skip
        elif summary is None:
            continue  # the dialog offers these only when the impact figures are known
        elif document == "motion":
            facts = MotionFacts.from_summary(summary)
            write_motion(folder / MOTION_FILE, decided, facts, load_office())
        elif document == "impact":
            write_impact_report(folder / IMPACT_FILE, summary, decided)
        elif document == "csv":
            write_outputs(folder, determinations, summary)
        written.extend(folder / name for name in DOCUMENTS[document][1])
    progress(Progress(steps, steps, "Done"))
    return written
