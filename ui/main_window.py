"""The main window: wires the start page, the open flow, the workspace view, decisions and
exports together, and remembers its geometry. No work of its own happens here."""

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from app.counties import title_case
from app.eligibility.policy import Policy
from app.errors import InputError
from app.exports.office import load_office
from app.logsetup import log_file
from app.paths import workspaces_dir
from app.review import Workspace
from ui.actions import build_actions
from ui.dialogs.about import AboutDialog
from ui.dialogs.dialog_parts import open_dialog
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.guide import GuideWindow
from ui.dialogs.messages import show_error
from ui.dialogs.office_dialog import OfficeDialog
from ui.jobs import JobRunner
from ui.settings import ui_settings
from ui.triage.decide import DecisionController
from ui.triage.stamps import long_date
from ui.workspace.export_flow import ExportFlow
from ui.workspace.flow import OpenFlow
from ui.workspace.reconnect import saved_policy
from ui.workspace.session import Session
from ui.workspace.start_page import StartPage
from ui.workspace.workspace_view import WorkspaceView

SAVED = "All changes saved"
# The grid's saved columns, by position: a new key whenever ui.triage.columns changes its
# order, so widths and hidden columns saved by an older version never land on other columns.
GRID_HEADER = "grid/header_v2"


def _flag(value: object) -> bool:
    """A yes/no setting: the INI file gives back "true", an unsynced QSettings True."""
    return value is True or value == "true"


def _policy_of(workspace: Workspace) -> Policy | None:
    """The workspace's policy, for its name; None if its saved text no longer reads."""
    try:
        return saved_policy(workspace)
    except (InputError, ValueError):  # tomllib's error is a ValueError
        return None


class MainWindow(QMainWindow):
    dialogOpened = Signal(object)  # dialogs the window opens itself (tests, screenshots)

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("CountyClear")
        self.setObjectName("mainWindow")
        self.commands = build_actions(self)
        self.runner = JobRunner(self)
        self.flow = OpenFlow(self.runner, self)
        self.start = StartPage()
        self.workspace = WorkspaceView(self.commands)
        self.decisions = DecisionController(self.workspace, self.commands, self)
        self.exporting = ExportFlow(self, self.flow, self.workspace.grid,
                                    lambda: self.workspace.setCurrentIndex(0), self.dialogOpened)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)
        self.session: Session | None = None
        self._dashboard_stale = False  # decisions the hidden Impact tab does not show yet
        self._guide: GuideWindow | None = None
        self.status_run = QLabel()
        self.status_saved = QLabel()
        self.status_saved.setObjectName("savedState")
        # Room for the longest state and a margin, so the size grip never covers its end.
        self.status_saved.setMinimumWidth(
            self.status_saved.fontMetrics().horizontalAdvance(SAVED) + 24
        )
        self.statusBar().addWidget(self.status_run, 1)
        self.statusBar().addPermanentWidget(self.status_saved)
        self._menus()
        self._wire()
        self.show_start()
        self._restore_geometry()

    # --- wiring --------------------------------------------------------------------------
    def _menus(self) -> None:
        a = self.commands
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for name in ("open", "open_workspace", "sample", "start", None, "export", "office",
                     None, "quit"):  # fmt: skip
            file_menu.addAction(a[name]) if name else file_menu.addSeparator()
        edit = bar.addMenu("&Edit")
        for name in ("undo", "redo", None, "find", "clear_filters"):
            edit.addAction(a[name]) if name else edit.addSeparator()
        decision = bar.addMenu("&Decision")
        for name in ("accept", "dismiss", "reduce", "challenge", "review", None, "note"):
            decision.addAction(a[name]) if name else decision.addSeparator()
        view = bar.addMenu("&View")
        for name in ("triage", "impact", None, "record", "reset_columns"):
            view.addAction(a[name]) if name else view.addSeparator()
        help_menu = bar.addMenu("&Help")
        for name in ("guide", None, "log_folder", "about"):
            help_menu.addAction(a[name]) if name else help_menu.addSeparator()

    def _wire(self) -> None:
        a = self.commands
        a["open"].triggered.connect(self.start.choose_files)
        a["open_workspace"].triggered.connect(self.choose_workspace)
        a["sample"].triggered.connect(self.flow.open_sample)
        a["start"].triggered.connect(self.show_start)
        a["quit"].triggered.connect(self.close)
        a["export"].triggered.connect(self.export)
        a["find"].triggered.connect(self._find)
        a["undo"].triggered.connect(self._undo)
        a["redo"].triggered.connect(self._redo)
        self._undo_state()
        a["clear_filters"].triggered.connect(lambda: self.workspace.grid.filters.clear_all())
        a["triage"].triggered.connect(lambda: self.workspace.setCurrentIndex(0))
        a["impact"].triggered.connect(lambda: self.workspace.setCurrentIndex(1))
        self.workspace.currentChanged.connect(self._tab_changed)
        a["reset_columns"].triggered.connect(self.workspace.grid.set_default_widths)
        a["record"].toggled.connect(self.workspace.show_record)
        a["guide"].triggered.connect(self.show_guide)
        a["log_folder"].triggered.connect(self._show_log_location)
        a["about"].triggered.connect(self._about)
        a["office"].triggered.connect(self.edit_office)
        self.start.filesChosen.connect(self.flow.open_files)
        self.start.sampleRequested.connect(self.flow.open_sample)
        self.start.workspaceChosen.connect(self.flow.open_workspace)
        self.flow.sessionReady.connect(self.set_session)
        self.workspace.grid.currentChanged.connect(self._show_person)
        self.workspace.grid.activated.connect(self._open_record)
        self.workspace.person_missing.button.clicked.connect(self._reconnect)
        self.workspace.impact_missing.button.clicked.connect(self._reconnect)

    # --- sessions ------------------------------------------------------------------------
    def set_session(self, session: Session) -> None:
        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
        self.session = session
        session.setParent(self)
        stack = session.undo_stack
        # Bound methods, not lambdas: Qt disconnects them when the window goes away.
        stack.canUndoChanged.connect(self._undo_state)
        stack.canRedoChanged.connect(self._undo_state)
        stack.undoTextChanged.connect(self._undo_state)
        stack.redoTextChanged.connect(self._undo_state)
        self._undo_state()
        session.edited.connect(self._edited)
        session.changed.connect(self._decisions_changed)
        session.snapshotFailed.connect(self._snapshot_failed)
        session.sourcesAttached.connect(self._sources_attached)
        session.saved.connect(self._saved)
        session.saveFailed.connect(self._save_failed)
        self.workspace.grid.set_snapshot(session.snapshot)
        self.workspace.show_impact(session.summary, session.snapshot.frame)
        self._dashboard_stale = False
        self.workspace.show_person(session.rows, None)
        self.decisions.set_session(session)
        ws = session.workspace
        policy = _policy_of(ws)
        name = policy.name if policy is not None else ws.policy.id
        self.status_run.setText(
            f"{ws.path.stem}  ·  {title_case(ws.county)} County  ·  {name}  ·  eligibility "
            f"as of {long_date(ws.as_of)}  ·  {ws.determinations.height:,} convictions"
        )
        about = f"\n{policy.description}" if policy is not None else ""
        self.status_run.setToolTip(f"Workspace: {ws.path}\nPolicy: {name}{about}")
        self.status_saved.setText(SAVED)
        self.setWindowTitle(f"{ws.path.stem} — CountyClear")
        self.stack.setCurrentWidget(self.workspace)
        self.commands["export"].setEnabled(True)
        self.workspace.grid.table.setFocus()

    def _undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def _redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    def _undo_state(self) -> None:
        stack = self.session.undo_stack if self.session is not None else None
        undo, redo = self.commands["undo"], self.commands["redo"]
        undo.setEnabled(bool(stack and stack.canUndo()))
        redo.setEnabled(bool(stack and stack.canRedo()))
        undo.setText(f"&Undo {stack.undoText()}" if stack and stack.canUndo() else "&Undo")
        redo.setText(f"&Redo {stack.redoText()}" if stack and stack.canRedo() else "&Redo")

    def _saved(self) -> None:
        if self.session is not None and self.session.autosaver.pending:
            return  # decisions made during that save are still to be saved: "Saving…"
        self.status_saved.setText(SAVED)

    def _save_failed(self, message: str) -> None:
        self.status_saved.setText("Not saved")
        show_error(self, message)

    def _snapshot_failed(self, message: str) -> None:
        show_error(self, message)

    def _edited(self) -> None:
        self.status_saved.setText("Saving…")

    def _decisions_changed(self) -> None:
        assert self.session is not None
        self.workspace.grid.set_snapshot(self.session.snapshot, same_rows=True)
        self.decisions.update()
        self._dashboard_stale = True
        self._refresh_dashboard()

    def _tab_changed(self, _index: int) -> None:
        self._refresh_dashboard()

    def _refresh_dashboard(self) -> None:
        """The impact figures count staff decisions too; recounting a million convictions
        takes tens of milliseconds, so it is done when the Impact tab shows, not per decision
        while the clerk works in the grid."""
        session = self.session
        if not self._dashboard_stale or session is None or session.summary is None:
            return
        if self.workspace.currentWidget() is not self.workspace.impact_stack:
            return
        self._dashboard_stale = False
        self.workspace.dashboard.set_data(session.summary, session.snapshot.frame)

    def _sources_attached(self) -> None:
        assert self.session is not None
        self.workspace.show_impact(self.session.summary, self.session.snapshot.frame)
        self._dashboard_stale = False
        self._show_person(self.workspace.grid.current_row())

    def _reconnect(self) -> None:
        if self.session is not None:
            self.flow.choose_and_reconnect(self.session)

    def _open_record(self, row: int | None) -> None:
        """Enter or a double-click on a row: show that person's whole record."""
        self.commands["record"].setChecked(True)
        self._show_person(row)

    def _show_person(self, row: int | None) -> None:
        if self.session is None:
            return
        details = self.session.snapshot.frame.row(row, named=True) if row is not None else None
        self.workspace.show_person(self.session.rows, details)

    def show_start(self) -> None:
        self.start.refresh()
        self.stack.setCurrentWidget(self.start)
        self.commands["export"].setEnabled(self.session is not None)

    def choose_workspace(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open workspace", str(workspaces_dir()), "CountyClear workspaces (*.ccws)"
        )
        if name:
            self.flow.open_workspace(Path(name))

    # --- export --------------------------------------------------------------------------
    def export(self) -> ExportDialog | None:
        """The guided export (ui.workspace.export_flow): checklist, documents, result."""
        if self.session is None:
            return None
        return self.exporting.start(self.session)

    # --- help ----------------------------------------------------------------------------
    def _find(self) -> None:
        if self.session is not None:
            self.workspace.setCurrentIndex(0)
            self.workspace.grid.focus_search()

    def _show_log_location(self) -> None:
        QMessageBox.information(self, "Log file", f"CountyClear writes its log to\n{log_file()}")

    def show_guide(self) -> GuideWindow:
        """The offline user guide, beside the work (one window however often F1 is pressed)."""
        if self._guide is None:
            self._guide = GuideWindow(self)
        self._guide.show()
        self._guide.raise_()
        self._guide.activateWindow()
        return self._guide

    def _about(self) -> None:
        open_dialog(AboutDialog(self), self.dialogOpened)

    def edit_office(self) -> None:
        county = self.session.workspace.county if self.session is not None else ""
        open_dialog(OfficeDialog(load_office(), parent=self, county=county), self.dialogOpened)

    # --- geometry and closing ------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = ui_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:  # first run: the whole screen for the grid, and a sane size to restore to
            self.resize(1280, 800)
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = settings.value("triage/record_split")
        if isinstance(split, QByteArray):
            self.workspace.record_split.restoreState(split)
        self.commands["record"].setChecked(_flag(settings.value("triage/record_shown")))
        header = settings.value(GRID_HEADER)
        if isinstance(header, QByteArray):
            self.workspace.grid.table.horizontalHeader().restoreState(header)
            self.workspace.grid.sync_column_actions()
        self.workspace.grid.widths_kept = _flag(settings.value("grid/widths_kept"))

    def save_geometry(self) -> None:
        settings = ui_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("triage/record_split", self.workspace.record_split.saveState())
        settings.setValue("triage/record_shown", self.commands["record"].isChecked())
        settings.setValue(GRID_HEADER, self.workspace.grid.table.horizontalHeader().saveState())
        settings.setValue("grid/widths_kept", self.workspace.grid.widths_kept)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None and not self.session.close():
            event.ignore()  # the save failed and the clerk was told; keep the window open
            return
        self.runner.cancel_all()
        self.runner.wait(10_000)
        self.save_geometry()
        event.accept()
