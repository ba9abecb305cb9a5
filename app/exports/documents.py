"""All court documents of one run as one job: the CLI calls it directly,
the app on a worker thread.

Two steps, each checking its inputs once: `check_request` (the password, files already there)
needs nothing read, so the command line runs it before reading anything big;
`prepare_export` (the determinations' columns, the office's county, a motion that asks for
something, an attorney block that fits lines 1-7) builds the `ExportPlan` every document is
written from. `write_documents` then writes each document whole (atomic rename) or not at
all. `export_documents` does all three.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from app.eligibility.summary import ImpactSummary
from app.errors import InputError
from app.exports.attorney import check_attorney_block
from app.exports.challenged import CHALLENGED_FILE, write_challenged
from app.exports.exhibit import EXHIBIT_FILE, write_exhibit
from app.exports.files import refuse_existing
from app.exports.impact_report import IMPACT_FILE, write_impact_report
from app.exports.inputs import refuse_without_relief
from app.exports.motion import MotionFacts
from app.exports.office import OfficeDetails, with_court_defaults
from app.exports.papers import MOTION_FILE, PAPER_FILES, write_papers
from app.exports.readiness import warnings_for
from app.exports.relief import Accounting, accounting, outcomes
from app.exports.sealing import check_password
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

SEALED_HELP = "it holds criminal-history information and is always sealed: give a password"
NO_FIGURES = ("it needs the impact figures, which come from reading the DOJ files: open them "
              "again, or leave it out of this export")


@dataclass(frozen=True)
class DocumentChoice:
    exhibit: bool = True
    motion: bool = True
    challenged: bool = True
    summary: bool = True

    def targets(self, folder: Path) -> list[Path]:
        names = [
            *([EXHIBIT_FILE] if self.exhibit else []),
            *(PAPER_FILES if self.motion else ()),
            *([CHALLENGED_FILE] if self.challenged else []),
            *([IMPACT_FILE] if self.summary else []),
        ]
        return [folder / name for name in names]


@dataclass(frozen=True)
class WrittenDocument:
    path: Path
    description: str  # e.g. "5 convictions, sealed"


@dataclass(frozen=True)
class ExportPlan:
    """Everything the documents are written from, checked."""

    folder: Path
    choice: DocumentChoice
    password: str | None
    county: str
    office: OfficeDetails
    facts: MotionFacts
    summary: ImpactSummary | None  # the impact report's figures
    outcomes: pl.DataFrame
    counts: Accounting
    warnings: tuple[str, ...]


def check_request(folder: Path, choice: DocumentChoice, password: str | None, *,
                  force: bool, also_written: Sequence[Path] = (),
                  password_help: str = SEALED_HELP) -> None:
    """The checks that need nothing read, each made once, here: sealed documents have a good
    password (`password_help` says how to give one), and no document, nor any file in
    `also_written`, would replace a file already there (unless `force`)."""
    for chosen, name in ((choice.exhibit, EXHIBIT_FILE), (choice.challenged, CHALLENGED_FILE)):
        if chosen and not password:
            raise InputError(str(folder / name), password_help)
    if password:
        check_password(password, "the exhibit password")
    refuse_existing([*choice.targets(folder), *also_written], force=force)


def check_office_county(office: OfficeDetails, county: str, where: str) -> None:
    if office.county and county and office.county != county.upper():
        raise InputError(
            where,
            f"the office details are for {office.county} but this evaluation is for "
            f"{county.upper()}; correct the county in the office details",
        )


def refuse_empty_motion(path: Path, counts: Accounting) -> None:
    """A motion and order that grant nothing are not a filing: say why, and what to do."""
    if counts.granted:
        return
    why = "no conviction was evaluated"
    fix = "Leave the motion out of this export."
    if counts.identified:
        why = (f"none of the {counts.identified:,} identified is granted "
               f"({counts.pending:,} pending review, {counts.challenged:,} challenged, "
               f"{counts.not_eligible:,} not eligible, {counts.already_granted:,} already "
               "granted)")
        if counts.pending:
            fix = "Decide the pending reviews first, or leave the motion out of this export."
    raise InputError(str(path), f"the motion would ask for nothing: {why}. {fix}")


def prepare_export(
    folder: Path,
    determinations: pl.DataFrame,
    facts: MotionFacts,
    office: OfficeDetails,
    *,
    summary: ImpactSummary | None,
    choice: DocumentChoice,
    password: str | None,
    office_where: str = "office details",
) -> ExportPlan:
    """Check the inputs and compute what every document states (nothing is written).
    `facts`: what the papers recite about the run; `summary`: the impact figures, needed
    only for the impact report."""
    if choice.summary and summary is None:
        raise InputError(str(folder / IMPACT_FILE), NO_FIGURES)
    refuse_without_relief(determinations, "the determinations")
    check_office_county(office, facts.county, office_where)
    frame = outcomes(determinations)
    counts = accounting(frame)
    if choice.motion:
        refuse_empty_motion(folder / MOTION_FILE, counts)
        check_attorney_block(with_court_defaults(office, facts.county), office_where)
    notes = warnings_for(counts, facts, office, motion=choice.motion)
    return ExportPlan(folder, choice, password, facts.county, office, facts, summary, frame,
                      counts, tuple(notes))  # fmt: skip


def write_documents(
    plan: ExportPlan,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> list[WrittenDocument]:
    written: list[WrittenDocument] = []
    folder, counts = plan.folder, plan.counts

    def stage(text: str) -> None:
        if cancel is not None:
            cancel.check()
        progress(Progress(0, 0, text))

    if plan.choice.exhibit:
        assert plan.password is not None  # check_request
        stage("Exhibit 1")
        rows = write_exhibit(folder / EXHIBIT_FILE, plan.outcomes, counts, county=plan.county,
                             password=plan.password,
                             authority=plan.office.policy_dismissal_authority,
                             progress=progress, cancel=cancel)  # fmt: skip
        written.append(WrittenDocument(folder / EXHIBIT_FILE, f"{_convictions(rows)}, sealed"))
    if plan.choice.motion:
        stage("The motion, proposed order, exhibit cover and proof of service")
        for path in write_papers(folder, counts, plan.facts, plan.office):
            written.append(WrittenDocument(path, f"{_convictions(counts.granted)} granted, "
                                           f"{counts.pending:,} pending"))  # fmt: skip
    if plan.choice.challenged:
        assert plan.password is not None  # check_request
        stage("The list of convictions not in Exhibit 1")
        rows = write_challenged(folder / CHALLENGED_FILE, plan.outcomes, county=plan.county,
                                password=plan.password,
                                past_deadline=plan.facts.past_challenge_deadline,
                                progress=progress, cancel=cancel)  # fmt: skip
        written.append(WrittenDocument(folder / CHALLENGED_FILE, f"{_convictions(rows)}, sealed"))
    if plan.choice.summary:
        assert plan.summary is not None  # prepare_export
        stage("The impact report")
        write_impact_report(folder / IMPACT_FILE, plan.summary, plan.outcomes, plan.office)
        written.append(WrittenDocument(folder / IMPACT_FILE, "figures after staff decisions"))
    return written


def export_documents(
    folder: Path,
    determinations: pl.DataFrame,
    facts: MotionFacts,
    office: OfficeDetails,
    *,
    summary: ImpactSummary | None,
    choice: DocumentChoice = DocumentChoice(),
    password: str | None,
    force: bool = False,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> list[WrittenDocument]:
    """Check everything, then write the chosen documents into `folder`."""
    check_request(folder, choice, password, force=force)
    plan = prepare_export(folder, determinations, facts, office, summary=summary,
                          choice=choice, password=password)  # fmt: skip
    return write_documents(plan, progress=progress, cancel=cancel)


def _convictions(count: int) -> str:
    return f"{count:,} conviction" + ("" if count == 1 else "s")
