"""Export as a guided step: the checklist (app.review.checklist, the same notes as
`countyclear export`'s warnings) with a fix for each item,
the choice of documents, asking before replacing files, the documents written as a job
with progress, and the files written shown with their folder.

Every dialog opens without a nested event loop and is announced on `opened` (tests and
screenshots fill them in); the job goes through the open flow's runner, as every job does.
"""

import functools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import InputError
from app.exports.documents import WrittenDocument
from app.exports.office import OfficeDetails, load_office
from app.review.checklist import (
    FIX_DOJ_DATE,
    FIX_HELD_BACK,
    FIX_OFFICE,
    FIX_REVIEWS,
    FIX_UNCONFIRMED,
    CheckItem,
    office_problem,
)
from app.review.checklist import checklist as export_checklist
from ui.dialogs.dialog_parts import open_dialog
from ui.dialogs.export_dialog import DojDateDialog, ExportDialog, ExportResultDialog
from ui.dialogs.office_dialog import OfficeDialog
from ui.triage.grid import TriageGrid
from ui.workspace.exporting import ExportRequest, export_documents
from ui.workspace.flow import OpenFlow
from ui.workspace.session import Session


def checklist(session: Session) -> list[CheckItem]:
    """Everything to look at before this session's papers go out."""
    try:
        office = load_office()
    except InputError as exc:  # a damaged office.toml: the fix is the same dialog
        return [office_problem(exc.render()), *export_checklist(
            session.snapshot.frame, session.paper_facts(), OfficeDetails())]
    return export_checklist(session.snapshot.frame, session.paper_facts(), office)


class ExportFlow(QObject):
    def __init__(self, parent: QWidget, jobs: OpenFlow, grid: TriageGrid,
                 show_triage: Callable[[], None], opened: SignalInstance) -> None:
        super().__init__(parent)
        self._window = parent
        self._jobs = jobs
        self._grid = grid
        self._show_triage = show_triage
        self._opened = opened
        self.result: ExportResultDialog | None = None  # the last export's (tests)

    def start(self, session: Session) -> ExportDialog:
        folder = Path.home() / "Documents" / "CountyClear" / session.workspace.path.stem
        session.settle()  # the checklist counts every decision made so far
        dialog = ExportDialog(folder, have_summary=session.summary is not None,
                              checklist=checklist(session), parent=self._window)
        dialog.checklist.fixRequested.connect(lambda fix: self._fix(session, dialog, fix))
        open_dialog(dialog, self._opened, lambda: self._confirmed(session, dialog.request()))
        return dialog

    # --- the fixes ------------------------------------------------------------------------
    def _fix(self, session: Session, dialog: ExportDialog, fix: str) -> None:
        filters = self._grid.filters
        if fix in (FIX_REVIEWS, FIX_UNCONFIRMED, FIX_HELD_BACK):
            dialog.reject()  # the work is in the grid: export again when it is done
            self._show_triage()
            filters.clear_all()
            if fix == FIX_REVIEWS:
                filters.set_values("determination", {"review"})
            elif fix == FIX_UNCONFIRMED:
                filters.set_values("status", {"pending"})
            else:  # newest convictions first: the ones after Prop 64 lead
                filters.set_sort("conviction_date", True)
            self._grid.table.setFocus()
        elif fix == FIX_OFFICE:
            office = OfficeDialog(_office_or_blank(), county=session.workspace.county,
                                  parent=dialog)
            open_dialog(office, self._opened,
                        lambda: dialog.checklist.set_items(checklist(session)))
        elif fix == FIX_DOJ_DATE:
            day = DojDateDialog(session.workspace.doj_file_date, parent=dialog)

            def entered() -> None:
                session.set_doj_file_date(day.value())
                dialog.checklist.set_items(checklist(session))

            open_dialog(day, self._opened, entered)

    # --- writing --------------------------------------------------------------------------
    def _confirmed(self, session: Session, request: ExportRequest) -> None:
        existing = [p for p in request.targets() if p.exists()]
        if not existing:
            self._write(session, request)
            return
        names = "\n".join(str(p) for p in existing)
        question = QMessageBox(
            QMessageBox.Icon.Question, "Replace files?",
            f"These files already exist:\n{names}\n\nReplace them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._window,
        )  # fmt: skip
        question.setDefaultButton(QMessageBox.StandardButton.No)
        yes = question.button(QMessageBox.StandardButton.Yes)

        def answered(button: object) -> None:
            if button is yes:
                self._write(session, replace(request, replace=True))

        question.buttonClicked.connect(answered)
        open_dialog(question, self._opened)

    def _write(self, session: Session, request: ExportRequest) -> None:
        """The documents as a job with a progress window, then the files written."""
        session.flush()
        work = functools.partial(
            export_documents, request, session.settle().frame, session.workspace.determinations,
            session.paper_facts(), session.summary,
        )  # fmt: skip

        def done(written: list[WrittenDocument]) -> None:
            session.record("export", after=[str(d.path) for d in written])
            self.result = ExportResultDialog(request.folder, written, parent=self._window)
            open_dialog(self.result, self._opened)

        self._jobs.start_job("Exporting documents", work, done)


def _office_or_blank() -> OfficeDetails:
    """The saved office details, or blank ones where office.toml cannot be read (the
    checklist said why; saving replaces it)."""
    try:
        return load_office()
    except InputError:
        return OfficeDetails()

