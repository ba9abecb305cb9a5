"""All court documents of one run as one job (STYLE.md habit 4): the CLI calls it directly,
the app on a worker thread.

Everything that can be refused is checked before the first file is written: a missing exhibit
password, an office set up for another county, a document that already exists (unless
`force`). Each document is written whole (atomic rename) or not at all.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from app.errors import InputError
from app.exports.challenged import CHALLENGED_FILE, write_challenged
from app.exports.exhibit import EXHIBIT_FILE, write_exhibit
from app.exports.files import refuse_existing
from app.exports.granted import ReliefCounts, relief_counts
from app.exports.impact_report import IMPACT_FILE, write_impact_report
from app.exports.motion import MOTION_FILE, MotionFacts, write_motion
from app.exports.office import OfficeDetails, office_file
from app.exports.sealing import check_password
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress


@dataclass(frozen=True)
class DocumentChoice:
    exhibit: bool = True
    motion: bool = True
    challenged: bool = True
    summary: bool = True

    def targets(self, folder: Path) -> list[Path]:
        names = [
            (self.exhibit, EXHIBIT_FILE),
            (self.motion, MOTION_FILE),
            (self.challenged, CHALLENGED_FILE),
            (self.summary, IMPACT_FILE),
        ]
        return [folder / name for chosen, name in names if chosen]


@dataclass(frozen=True)
class WrittenDocument:
    path: Path
    description: str  # e.g. "5 convictions, sealed"


def check_office_county(office: OfficeDetails, county: str) -> None:
    if office.county and county and office.county != county.upper():
        raise InputError(
            str(office_file()),
            f"the office details are for {office.county} but this evaluation is for "
            f"{county.upper()}; correct the county in the office details",
        )


def refuse_empty_motion(path: Path, counts: ReliefCounts) -> None:
    """A motion and order that grant nothing are not a filing: say why, and what to do."""
    if counts.granted:
        return
    why = "no conviction was evaluated"
    fix = "Leave the motion out of this export."
    if counts.convictions_evaluated:
        why = (f"none of the {counts.convictions_evaluated:,} evaluated is granted "
               f"({counts.pending_review:,} pending review, {counts.challenged:,} challenged, "
               f"{counts.not_eligible:,} not eligible)")
        if counts.pending_review:
            fix = "Decide the pending reviews first, or leave the motion out of this export."
    raise InputError(str(path), f"the motion would ask for nothing: {why}. {fix}")


def export_documents(
    folder: Path,
    determinations: pl.DataFrame,
    summary: Mapping[str, Any],
    office: OfficeDetails,
    *,
    choice: DocumentChoice = DocumentChoice(),
    password: str | None,
    force: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> list[WrittenDocument]:
    """Write the chosen documents into `folder`; the exhibit needs a password (it is sealed),
    the challenged list is sealed when one is given."""
    county = str(summary.get("county") or "")
    if choice.exhibit and not password:
        raise InputError(str(folder / EXHIBIT_FILE), "an exhibit must be sealed: give a password")
    if password:
        check_password(password, str(folder / EXHIBIT_FILE))
    check_office_county(office, county)
    counts = relief_counts(determinations) if choice.motion else None
    if counts is not None:
        refuse_empty_motion(folder / MOTION_FILE, counts)
    refuse_existing(choice.targets(folder), force=force)
    written: list[WrittenDocument] = []

    def stage(text: str) -> None:
        if cancel is not None:
            cancel.check()
        progress(Progress(0, 0, text))

    if choice.exhibit:
        assert password is not None
        stage("Exhibit 1")
        rows = write_exhibit(folder / EXHIBIT_FILE, determinations, county=county,
                             password=password, progress=progress, cancel=cancel)  # fmt: skip
        written.append(WrittenDocument(folder / EXHIBIT_FILE, f"{_convictions(rows)}, sealed"))
    if counts is not None:  # the motion was chosen
        stage("The motion and proposed order")
        facts = MotionFacts.from_summary(dict(summary))
        write_motion(folder / MOTION_FILE, determinations, facts, office, counts)
        written.append(
            WrittenDocument(folder / MOTION_FILE, f"{_convictions(counts.granted)} granted")
        )
    if choice.challenged:
        stage("The challenged-cases list")
        rows = write_challenged(folder / CHALLENGED_FILE, determinations, county=county,
                                password=password, progress=progress, cancel=cancel)  # fmt: skip
        sealed = "sealed" if password else "not sealed: no password given"
        written.append(WrittenDocument(folder / CHALLENGED_FILE, f"{_convictions(rows)}, {sealed}"))
    if choice.summary:
        stage("The impact report")
        write_impact_report(folder / IMPACT_FILE, summary, determinations)
        written.append(WrittenDocument(folder / IMPACT_FILE, "figures and charts"))
    return written


def _convictions(count: int) -> str:
    return f"{count:,} conviction" + ("" if count == 1 else "s")
