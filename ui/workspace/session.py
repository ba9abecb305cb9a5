"""One open workspace in the app: its decisions with undo and redo, autosave, the snapshot.

Every decision goes through app.review's Workspace at once, on the GUI thread (applied and
audited, in order). The two slow parts with a million convictions run on the session's own
worker threads: the grid's new snapshot (ui.triage.snapshot_refresh, then `changed`) and the
encrypted save (ui.workspace.background_save, then `saved` or `saveFailed`). Undo and redo are
QUndoStack commands that restore the decision rows of the selection, and are audited too.
"""

import logging
from dataclasses import replace
from datetime import date
from typing import Any

import polars as pl
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.eligibility.summary import DecidedSummary, ImpactSummary
from app.exports.motion import MotionFacts
from app.review.autosave import Autosaver
from app.review.decisions import DecisionChange, Keys
from app.review.workspace import Workspace
from app.triage.impact import decided_summary
from app.triage.snapshot import TriageSnapshot, build_snapshot
from ui.jobs import JobRunner
from ui.triage.columns import DETERMINATION_LABELS
from ui.triage.snapshot_refresh import SnapshotRefresher
from ui.workspace.background_save import BackgroundSaver

log = logging.getLogger("countyclear.ui.workspace.session")


class _DecisionCommand(QUndoCommand):
    """A change already applied by the workspace: the first redo() is the change itself."""

    def __init__(self, session: "Session", change: DecisionChange, text: str) -> None:
        super().__init__(text)
        self._session = session
        self._change = change
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # QUndoStack.push calls redo(); the change is already done
            return
        self._session.workspace.redo(self._change)
        self._session.after_change()

    def undo(self) -> None:
        self._session.workspace.undo(self._change)
        self._session.after_change()


class Session(QObject):
    edited = Signal()  # a decision, undo or redo was applied (its snapshot follows)
    changed = Signal()  # the snapshot now shows the latest decisions it knows
    sourcesAttached = Signal()  # the DOJ rows (and impact figures) are now known
    saved = Signal()
    saveFailed = Signal(str)  # a plain message
    snapshotFailed = Signal(str)  # a plain message naming the log file (an internal error)

    def __init__(
        self,
        workspace: Workspace,
        *,
        rows: pl.DataFrame | None = None,
        summary: ImpactSummary | None = None,
        convictions: pl.DataFrame | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.rows = rows  # the DOJ rows, for the person view (None until the files are read)
        self.engine_summary = summary  # the engine's impact figures (None until read)
        self.convictions = convictions  # every conviction of the run, for the people figures
        self._decided: tuple[TriageSnapshot, DecidedSummary] | None = None
        self.undo_stack = QUndoStack(self)
        # Its own runner: saves and grid updates never show up as jobs with progress windows.
        self.runner = JobRunner(self)
        self.saver = BackgroundSaver(workspace, self.runner, quiet=0.5, max_delay=3.0,
                                     parent=self)  # fmt: skip
        self.saver.saved.connect(self.saved)
        self.saver.saveFailed.connect(self.saveFailed)
        self.refresher = SnapshotRefresher(
            self.runner, workspace.determinations, build_snapshot(workspace.decided()),
            lambda: workspace.decisions.frame, parent=self,
        )  # fmt: skip
        self.refresher.ready.connect(self.changed)
        self.refresher.failed.connect(self.snapshotFailed)

    @property
    def snapshot(self) -> TriageSnapshot:
        """What the grid shows; a decision reaches it a moment later (see `changed`)."""
        return self.refresher.snapshot

    @property
    def autosaver(self) -> Autosaver:
        return self.saver.autosaver

    @property
    def summary(self) -> DecidedSummary | None:
        """The impact figures after the staff decisions the snapshot holds, beside the
        engine's original (app.triage.impact); None until the DOJ files are read. Counted
        once per snapshot, when asked (the Impact tab, an export)."""
        if self.engine_summary is None:
            return None
        if self.convictions is None:
            return DecidedSummary.unchanged(self.engine_summary)
        snapshot = self.snapshot
        if self._decided is None or self._decided[0] is not snapshot:
            figures = decided_summary(self.engine_summary, snapshot.frame, self.convictions)
            self._decided = (snapshot, figures)
        return self._decided[1]

    def attach_sources(
        self, rows: pl.DataFrame, summary: ImpactSummary | None,
        convictions: pl.DataFrame | None = None,
    ) -> None:  # fmt: skip
        """The DOJ files were read again (a reopened workspace): person view, impact."""
        self.rows = rows
        self.engine_summary = summary
        self.convictions = convictions
        self._decided = None
        self.sourcesAttached.emit()

    def paper_facts(self) -> MotionFacts:
        """What the papers recite (the workspace's), with the juvenile court counts the
        engine did not evaluate (export names them): counted again once the DOJ files are
        read, else as the workspace kept them."""
        facts = self.workspace.paper_facts()
        if self.engine_summary is None:
            return facts
        return replace(facts, juvenile_not_evaluated=self.engine_summary.juvenile_not_evaluated)

    def set_doj_file_date(self, day: date) -> None:
        """The date DOJ produced the file, as the clerk typed it from DOJ's letter (the
        motion states it): kept with the workspace (audited) and saved."""
        self.workspace.set_doj_file_date(day)
        self.saver.changed()

    # --- decisions -------------------------------------------------------------------------
    def keys_of(self, snapshot_rows: list[int]) -> pl.DataFrame:
        # The key columns are the same in every snapshot, so an older one answers too.
        return self.snapshot.frame.select("subject_id", "cnt_order")[snapshot_rows]

    def decide(self, keys: Keys, final: str | None, reason: str = "") -> None:
        """Accept (final None) or change the determination; InputError without a reason."""
        change = self.workspace.decide(keys, final=final, reason=reason)
        what = "Accept" if final is None else f"Change to {DETERMINATION_LABELS[final]}"
        self._push(change, what)

    def annotate(self, keys: Keys, note: str) -> None:
        self._push(self.workspace.annotate(keys, note), "Note")

    def record(self, action: str, *, after: Any = None) -> None:
        """Audit an event that is not a decision (an export) and save it."""
        self.workspace.record(action, after=after)
        self.saver.changed()

    def _push(self, change: DecisionChange, what: str) -> None:
        count = change.keys.height
        text = f"{what} ({count:,} conviction{'s' if count != 1 else ''})"
        self.undo_stack.push(_DecisionCommand(self, change, text))
        self.after_change()

    def after_change(self) -> None:
        self.saver.changed()
        self.refresher.request()
        self.edited.emit()

    def settle(self) -> TriageSnapshot:
        """The snapshot with every decision so far, built here if the worker is behind."""
        self.refresher.settle()
        return self.snapshot

    # --- saving --------------------------------------------------------------------------
    def flush(self) -> bool:
        """Save now if anything is unsaved (closing, exporting). False if the save failed."""
        return self.saver.flush()

    def close(self) -> bool:
        """Save everything; False (window stays open) if the save failed."""
        self.saver.stop()
        if not self.flush():
            return False
        self.refresher.stop()
        self.runner.wait()
        return True
