"""The window at work: the grid takes the room, the person's record opens on demand and is
remembered, columns fit their content, nothing in the status bar is cut off, the first run
starts maximised; the keyboard: a decision moves on, Ctrl+Y redoes, F1 opens the guide."""

import re
from pathlib import Path

import polars as pl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from app.eligibility.flags import FLAGS
from tests.ui.drive import activate, catcher_for, caught_up, new_workspace, open_window
from tests.ui.test_main_window import select, window_with_session
from ui.dialogs.reason_dialog import ReasonDialog
from ui.main_window import MainWindow
from ui.screenshots import GUIDE_SCREENS
from ui.triage.columns import COLUMN_INDEX, COLUMNS

GUIDE_SCREENS_PNG = {f"{name}.png" for name in GUIDE_SCREENS}


def test_first_run_starts_maximised(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_the_grid_takes_the_window_and_the_record_opens_on_demand(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, _ = window_with_session(qtbot, tmp_path)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    workspace, table = window.workspace, window.workspace.grid.table
    assert not workspace.record_shown()
    assert table.height() > 0.6 * window.height()
    assert table.width() > 0.95 * window.width()  # the decision bar is under, not beside
    activate(qtbot, window)
    qtbot.keySequence(window, "Ctrl+R")
    assert workspace.record_shown() and workspace.decision.record.isChecked()
    qtbot.waitUntil(lambda: workspace.person_stack.height() > 0.25 * window.height())
    qtbot.keySequence(window, "Ctrl+R")
    assert not workspace.record_shown()
    # Enter on a row opens that person's record.
    select(window, [3])
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert workspace.record_shown()
    # This workspace's DOJ files are not open: the pane says how to see the record.
    assert workspace.person_stack.currentWidget() is workspace.person_missing
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.workspace.record_shown() and again.commands["record"].isChecked()
    assert not again.windowState() & Qt.WindowState.WindowMaximized  # its size is remembered


def test_columns_fit_their_content_and_explain_themselves(qtbot: QtBot, tmp_path: Path) -> None:
    window, session = window_with_session(qtbot, tmp_path)
    grid = window.workspace.grid
    model, table = grid.model, grid.table
    for i, column in enumerate(COLUMNS):
        tip = model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip == column.description and len(tip) > 20, column.id
    reason = COLUMN_INDEX["reason"]
    longest = max(session.snapshot.frame["reason"].to_list(), key=len)
    needed = table.fontMetrics().horizontalAdvance(longest)
    assert table.columnWidth(reason) >= needed  # the sample's reasons are never cut off
    cell = model.index(0, reason)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == cell.data()
    # The clerk's own widths stay; Reset columns fits them again.
    table.setColumnWidth(reason, 50)
    grid.set_snapshot(session.snapshot)
    assert table.columnWidth(reason) == 50
    window.commands["reset_columns"].trigger()
    assert table.columnWidth(reason) >= needed
    window.close()


def test_the_status_bar_names_the_policy_and_is_not_cut_off(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = window_with_session(qtbot, tmp_path)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1280, 800)
    text = window.status_run.text()
    assert "Statutory minimum" in text and "policy statutory" not in text
    assert "Sacramento County" in text and "eligibility as of January 1, 2024" in text
    saved = window.status_saved
    assert saved.text() == "All changes saved"
    assert saved.width() >= saved.fontMetrics().horizontalAdvance(saved.text())
    assert saved.geometry().right() < window.statusBar().width()
    window.close()


def test_a_decision_moves_to_the_next_row_and_ctrl_y_redoes(qtbot: QtBot, tmp_path: Path) -> None:
    window, session = window_with_session(qtbot, tmp_path)
    grid = window.workspace.grid
    activate(qtbot, window)
    select(window, [2])
    qtbot.keySequence(window, "Ctrl+1")
    caught_up(qtbot, session)
    assert grid.current_row() == 3 and grid.selected_rows() == [3]
    status = session.snapshot.frame["status"].to_list()
    assert status[2] == "accepted" and status[3] == "pending"
    # A change with a reason, typed and sent with Ctrl+Enter, moves on too.
    dialogs = catcher_for(window)
    qtbot.keySequence(window, "Ctrl+4")
    reason = dialogs.next(qtbot, ReasonDialog)
    qtbot.waitExposed(reason)
    reason.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is reason)
    qtbot.keyClicks(reason.text, "Sale shown in the police report")
    qtbot.keyClick(reason.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    caught_up(qtbot, session)
    assert session.snapshot.frame["final_determination"][3] == "challenge"
    assert grid.current_row() == 4
    activate(qtbot, window)
    select(window, [5, 6])  # a decision on many keeps them selected
    qtbot.keySequence(window, "Ctrl+1")
    caught_up(qtbot, session)
    assert grid.selected_rows() == [5, 6]
    qtbot.keySequence(window, "Ctrl+Z")
    caught_up(qtbot, session)
    assert session.snapshot.frame["status"][5] == "pending"
    qtbot.keySequence(window, "Ctrl+Y")
    caught_up(qtbot, session)
    assert session.snapshot.frame["status"][5] == "accepted"
    window.close()


def test_f1_opens_the_user_guide_with_its_pictures(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.show_guide()
    assert guide.isVisible()
    browser = guide.findChild(QTextBrowser)
    assert browser is not None
    text = browser.toPlainText()
    for step in ("DOJ file", "Triage", "Export"):
        assert step in text
    html = browser.toHtml()
    assert "<img" in html
    # Every picture the guide names is shipped beside it.
    folder = Path(browser.source().toLocalFile()).parent
    pictures = {p.name for p in folder.iterdir() if p.suffix == ".png"}
    named = set(re.findall(r'src="([^"]+)"', (folder / "index.html").read_text("utf-8")))
    assert pictures and named == pictures  # none missing, none left over
    assert pictures <= GUIDE_SCREENS_PNG  # `countyclear screenshots --guide` makes each
    window.close()


def test_flags_read_as_words_in_the_grid(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = new_workspace(tmp_path / "flags.ccws")
    window = open_window(qtbot)
    from ui.workspace.session import Session

    session = Session(workspace)
    window.set_session(session)
    frame = session.snapshot.frame.with_row_index("i")
    flagged = frame.filter(pl.col("flags") == "unknown_conviction_date")
    assert flagged.height
    shown = window.workspace.grid.model.index(int(flagged["i"][0]), COLUMN_INDEX["flags"]).data()
    assert shown == FLAGS["unknown_conviction_date"].rstrip(".")  # its description, not its id
    choices = window.workspace.grid.filters.buttons["flag"].menu().actions()
    assert FLAGS["unknown_conviction_date"].rstrip(".") in [a.text() for a in choices]
    window.close()
