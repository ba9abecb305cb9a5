"""The main window around a session: decisions on a selection, undo of a whole selection,
autosave, remembered geometry and columns, the menus and the About box."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import polars as pl
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from app.review import Workspace, open_workspace
from tests.app.exports.frames import sample_summary
from tests.ui.drive import activate, catcher_for, caught_up, click_ok, new_workspace, open_window
from ui.dialogs.about import AboutDialog
from ui.dialogs.reason_dialog import ReasonDialog
from ui.main_window import MainWindow
from ui.triage.columns import COLUMN_INDEX
from ui.workspace.session import Session


def window_with_session(qtbot: QtBot, folder: Path) -> tuple[MainWindow, Session]:
    return show_session(qtbot, new_workspace(folder / "test.ccws"))


def show_session(qtbot: QtBot, workspace: Workspace) -> tuple[MainWindow, Session]:
    """The main window, shown, on a session of `workspace`."""
    window = open_window(qtbot)
    session = Session(workspace)
    window.set_session(session)
    return window, session


def select(window: MainWindow, rows: list[int]) -> None:
    grid = window.workspace.grid
    model = grid.table.selectionModel()
    model.clearSelection()
    for row in rows:
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        model.select(grid.model.index(row, 0), flags)
    model.setCurrentIndex(grid.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)


def statuses(window: MainWindow) -> list[str]:
    model = window.workspace.grid.model
    return [model.index(r, COLUMN_INDEX["status"]).data() for r in range(model.rowCount())]


def test_decisions_on_a_selection_undo_as_one_and_autosave(qtbot: QtBot, tmp_path: Path) -> None:
    window, session = window_with_session(qtbot, tmp_path)
    dialogs = catcher_for(window)
    activate(qtbot, window)
    select(window, [1, 2, 3])
    assert window.workspace.decision.summary.text() == "3 convictions selected."
    qtbot.keySequence(window, "Ctrl+1")
    caught_up(qtbot, session)
    assert statuses(window)[:5] == ["Pending", "Accepted", "Accepted", "Accepted", "Pending"]
    assert window.commands["undo"].text() == "&Undo Accept (3 convictions)"
    qtbot.keySequence(window, "Ctrl+3")  # reduce the same three: a reason is needed
    reason = dialogs.next(qtbot, ReasonDialog)
    qtbot.keyClicks(reason.text, "County policy: reduce these")
    click_ok(qtbot, reason.ok_button)
    activate(qtbot, window)
    caught_up(qtbot, session)
    frame = session.snapshot.frame
    changed = frame.filter(pl.col("status") == "changed")
    engine_reduce = frame[1:4].filter(pl.col("determination") == "reduce").height
    assert changed.height == 3 - engine_reduce  # a reduce the engine already chose is accepted
    assert frame[1:4].get_column("final_determination").to_list() == ["reduce"] * 3
    qtbot.keySequence(window, "Ctrl+Z")
    qtbot.keySequence(window, "Ctrl+Z")
    caught_up(qtbot, session)
    assert statuses(window)[:5] == ["Pending"] * 5
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    caught_up(qtbot, session)
    assert statuses(window)[1:4] == ["Accepted"] * 3
    # Autosave: the status bar says so once the quiet spell has passed.
    qtbot.waitUntil(lambda: window.status_saved.text() == "All changes saved", timeout=10_000)
    saved = open_workspace(session.workspace.path)
    assert saved.decisions.frame.height == 3
    assert [e["action"] for e in saved.audit.entries] == [
        "create", "decide", "decide", "undo", "undo", "redo",
    ]  # fmt: skip
    window.close()


def test_window_size_and_columns_are_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = window_with_session(qtbot, tmp_path)
    # A size inside the offscreen screen (restoreGeometry keeps it on screen) that is not
    # the window's first size.
    size = (max(720, window.minimumSizeHint().width()), 520)
    assert size[0] < 800
    window.resize(*size)
    county = COLUMN_INDEX["cii_number"]
    window.workspace.grid.table.setColumnHidden(county, True)
    window.workspace.grid.table.setColumnWidth(COLUMN_INDEX["name"], 333)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == size
    assert again.workspace.grid.table.isColumnHidden(county)
    header_menu = again.workspace.grid.table.horizontalHeader().actions()
    assert not header_menu[county].isChecked() and header_menu[0].isChecked()
    assert again.workspace.grid.table.columnWidth(COLUMN_INDEX["name"]) == 333
    again.close()


def test_about_box_and_menus(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = window_with_session(qtbot, tmp_path)
    dialogs = catcher_for(window)
    window.commands["about"].trigger()
    about = dialogs.next(qtbot, AboutDialog)
    assert "never uses the network" in about.text.text()
    about.reject()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Decision", "&View", "&Help"]
    shortcuts = {n: window.commands[n].shortcut().toString() for n in ("export", "find", "guide")}
    assert shortcuts == {"export": "Ctrl+E", "find": "Ctrl+F", "guide": "F1"}
    activate(qtbot, window)
    qtbot.keySequence(window, "Ctrl+I")
    assert window.workspace.currentIndex() == 1
    window.close()


def test_the_impact_tab_counts_decisions_made_while_it_was_hidden(
    qtbot: QtBot, tmp_path: Path
) -> None:
    workspace = new_workspace(tmp_path / "impact.ccws")
    window = open_window(qtbot)
    summary = replace(sample_summary(), county="SACRAMENTO", as_of=date(2024, 1, 1))
    session = Session(workspace, summary=summary)
    window.set_session(session)
    dashboard = window.workspace.dashboard
    frame = session.snapshot.frame
    granted = frame.filter(pl.col("determination").is_in(["dismiss", "reduce"]))
    assert dashboard.figure_text("compliance.granted") == f"{granted.height:,}"
    refused = int(dashboard.figure_text("compliance.challenged_or_not_eligible"))
    # Challenge two granted convictions from the Triage tab.
    rows = granted.get_column("_row").to_list()[:2]
    session.decide(session.keys_of(rows), "challenge", "the police report shows a sale")
    caught_up(qtbot, session)
    assert window.workspace.currentIndex() == 0
    window.commands["impact"].trigger()
    assert dashboard.figure_text("compliance.granted") == f"{granted.height - 2:,}"
    assert dashboard.figure_text("compliance.challenged_or_not_eligible") == f"{refused + 2:,}"
    assert "2 were challenged by staff" in dashboard.compliance_note.text()
    window.close()
