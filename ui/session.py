"""One open workspace in the app: its decisions with undo and redo, autosave, the snapshot.

Every decision goes through app.review's Workspace (applied and audited), then the session
rebuilds the grid's snapshot and the autosaver writes the encrypted file within seconds.
Undo and redo are QUndoStack commands that restore the decision rows of the selection, and
are audited too.
"""

import logging
from typing import Any

import polars as pl
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.errors import InputError
from app.review.autosave import Autosaver
from app.review.decisions import DecisionChange, Keys
from app.review.workspace import Workspace
from app.triage.snapshot import TriageSnapshot, build_snapshot, with_decisions
from ui.columns import DETERMINATION_LABELS

log = logging.getLogger("countyclear.ui.session")
AUTOSAVE_TICK_MS = 250


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
    changed = Signal()  # the decisions changed: the snapshot was rebuilt
    sourcesAttached = Signal()  # the DOJ rows (and impact figures) are now known
    saved = Signal()
    saveFailed = Signal(str)  # a plain message

    def __init__(
        self,
        workspace: Workspace,
        *,
        rows: pl.DataFrame | None = None,
        summary: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.rows = rows  # the DOJ rows, for the person view (None until the files are read)
        self.summary = summary  # the impact figures (None until the files are read)
        self.undo_stack = QUndoStack(self)
        self.autosaver = Autosaver(self._save, quiet=0.5, max_delay=3.0)
        self._timer = QTimer(self)
        self._timer.setInterval(AUTOSAVE_TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self.snapshot: TriageSnapshot = build_snapshot(workspace.decided())

    def attach_sources(self, rows: pl.DataFrame, summary: dict[str, Any] | None) -> None:
        """The DOJ files were read again (a reopened workspace): person view, impact."""
        self.rows = rows
        self.summary = summary
        self.sourcesAttached.emit()

    # --- decisions -------------------------------------------------------------------------
    def keys_of(self, snapshot_rows: list[int]) -> pl.DataFrame:
        return self.snapshot.frame.select("subject_id", "cnt_order")[snapshot_rows]

    def decide(self, keys: Keys, final: str | None, reason: str = "") -> None:
        """Accept (final None) or change the determination; InputError without a reason."""
        change = self.workspace.decide(keys, final=final, reason=reason)
        what = "Accept" if final is None else f"Change to {DETERMINATION_LABELS[final]}"
        self._push(change, what)

    def annotate(self, keys: Keys, note: str) -> None:
        self._push(self.workspace.annotate(keys, note), "Note")

    def _push(self, change: DecisionChange, what: str) -> None:
        count = change.keys.height
        text = f"{what} ({count:,} conviction{'s' if count != 1 else ''})"
        self.undo_stack.push(_DecisionCommand(self, change, text))
        self.after_change()

    def after_change(self) -> None:
        self.snapshot = with_decisions(self.snapshot, self.workspace.decided())
        self.autosaver.changed()
        if not self._timer.isActive():
            self._timer.start()  # a failed save stopped it; this change retries
        self.changed.emit()

    # --- saving --------------------------------------------------------------------------
    def flush(self) -> bool:
        """Save now if anything is unsaved (closing, exporting). False if the save failed."""
        try:
            self.autosaver.flush()
        except InputError as exc:
            self.saveFailed.emit(exc.render())
            return False
        return True

    def close(self) -> bool:
        self._timer.stop()
        return self.flush()

    def _tick(self) -> None:
        try:
            self.autosaver.save_if_due()
        except InputError as exc:
            self._timer.stop()  # one message, not one every tick; the next change retries
            self.saveFailed.emit(exc.render())

    def _save(self) -> None:
        self.workspace.save()
        self._timer.start()
        self.saved.emit()
