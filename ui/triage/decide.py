"""Decision commands on the grid's selection: accept, change with a reason, note."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.errors import InputError
from ui.dialogs.dialog_parts import open_dialog
from ui.dialogs.messages import show_error
from ui.dialogs.reason_dialog import ReasonDialog
from ui.triage.columns import DETERMINATION_LABELS
from ui.triage.decision_panel import DECISIONS
from ui.workspace.session import Session
from ui.workspace.workspace_view import WorkspaceView


class DecisionController(QObject):
    dialogOpened = Signal(object)  # the reason or note dialog (tests fill it in)

    def __init__(self, view: WorkspaceView, actions: dict[str, QAction], parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self._view = view
        self._actions = actions
        self.session: Session | None = None
        for action_id, final in DECISIONS.items():
            if final is None:
                actions[action_id].triggered.connect(self.accept)
            else:
                actions[action_id].triggered.connect(lambda _=False, f=final: self.change(f))
        actions["note"].triggered.connect(self.note)
        view.grid.selectionChanged.connect(self.update)
        view.grid.currentChanged.connect(lambda _row: self.update())
        self.update()

    def set_session(self, session: Session | None) -> None:
        self.session = session
        self.update()

    def _selection(self) -> list[int]:
        return self._view.grid.selected_rows() if self.session is not None else []

    def update(self) -> None:
        rows = self._selection()
        for action_id in [*DECISIONS, "note"]:
            self._actions[action_id].setEnabled(bool(rows))
        details = []
        if self.session is not None and len(rows) == 1:
            details = [self.session.snapshot.frame.row(rows[0], named=True)]
        self._view.decision.show_selection(details, len(rows))

    def accept(self) -> None:
        rows = self._selection()
        if rows and self.session is not None:
            self._decide(rows, lambda s: s.decide(s.keys_of(rows), None))

    def change(self, final: str) -> None:
        rows = self._selection()
        if not rows or self.session is None:
            return
        label = DETERMINATION_LABELS[final]
        count = f"{len(rows):,} conviction{'s' if len(rows) != 1 else ''}"
        dialog = ReasonDialog(
            f"Change to {label}",
            f"Why change {count} to “{label}”? The reason goes to the audit log.",
            required=True, parent=self._window,
        )  # fmt: skip
        open_dialog(dialog, self.dialogOpened, lambda: self._decide(
            rows, lambda s: s.decide(s.keys_of(rows), final, dialog.value())))  # fmt: skip

    def note(self) -> None:
        rows = self._selection()
        if not rows or self.session is None:
            return
        existing = ""
        if len(rows) == 1:  # from the decisions themselves: the grid may be a moment behind
            decided = self.session.workspace.decisions.rows_for(self.session.keys_of(rows))
            existing = str(decided.get_column("note")[0] or "") if decided.height else ""
        dialog = ReasonDialog("Note", "A note for the selected convictions (empty to remove):",
                              required=False, text=existing, parent=self._window)  # fmt: skip
        open_dialog(dialog, self.dialogOpened, lambda: self._apply(
            lambda s: s.annotate(s.keys_of(rows), dialog.value())))  # fmt: skip

    def _decide(self, rows: list[int], change: Callable[[Session], None]) -> None:
        """A decision on one conviction moves on to the next, as a clerk works down the list;
        a decision on many keeps them selected, so the clerk sees what changed."""
        if self._apply(change) and len(rows) == 1:
            self._view.grid.advance()

    def _apply(self, change: Callable[[Session], None]) -> bool:
        assert self.session is not None
        try:
            change(self.session)
        except InputError as exc:
            show_error(self._window, exc.render())
            return False
        return True
