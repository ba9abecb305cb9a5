"""The whole desktop flow with real widgets: open an encrypted delivery, answer the
passphrase, run, filter, search, open a person, override with a reason, undo and redo,
save, reopen, and find everything exactly as it was left."""

from pathlib import Path

import polars as pl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.review import open_workspace
from app.review.vault import keyring_entry
from tests.keyring_memory import MemoryKeyring
from tests.ui.drive import (
    DELIVERY_PASSPHRASE,
    RECOVERY,
    activate,
    catcher_for,
    caught_up,
    click_ok,
    make_delivery,
    open_window,
)
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.dialogs.reason_dialog import ReasonDialog
from ui.dialogs.run_dialog import RunDialog
from ui.dialogs.workspace_dialogs import RecoveryPassphraseDialog
from ui.main_window import MainWindow
from ui.triage.columns import COLUMN_INDEX
from ui.workspace.session import Session


def cell(window: MainWindow, row: int, column: str) -> str:
    model = window.workspace.grid.model
    return str(model.index(row, COLUMN_INDEX[column]).data())


def run_delivery(qtbot: QtBot, window: MainWindow, delivery: Path) -> Session:
    """Open the delivery through the dialogs a clerk sees; returns the new session."""
    dialogs = catcher_for(window)
    window.flow.open_files([delivery])
    first = dialogs.next(qtbot, PassphraseDialog)
    assert first.windowTitle() == "Passphrase needed" and not first.retry.isVisible()
    qtbot.keyClicks(first.passphrase, "not the passphrase")
    click_ok(qtbot, first.ok_button)
    retry = dialogs.next(qtbot, PassphraseDialog)
    assert not retry.retry.isHidden()  # "That passphrase did not open it"
    qtbot.keyClicks(retry.passphrase, DELIVERY_PASSPHRASE)
    retry.remember.setChecked(True)
    click_ok(qtbot, retry.ok_button)
    run = dialogs.next(qtbot, RunDialog)
    assert run.county.itemData(0) == "SACRAMENTO"  # the file's own county comes first
    assert run.county.itemText(0).startswith("Sacramento — ")
    assert run.county.itemText(0).endswith(" convictions of any kind")
    with qtbot.waitSignal(window.flow.sessionReady, timeout=30_000) as ready:
        click_ok(qtbot, run.ok_button)
        recovery = dialogs.next(qtbot, RecoveryPassphraseDialog)
        qtbot.keyClicks(recovery.passphrase, "short")
        assert not recovery.ok_button.isEnabled()
        recovery.passphrase.clear()
        qtbot.keyClicks(recovery.passphrase, RECOVERY)
        qtbot.keyClicks(recovery.again, RECOVERY)
        click_ok(qtbot, recovery.ok_button)
    session = ready.args[0]
    assert isinstance(session, Session)
    return session


@pytest.fixture(scope="module")
def delivery(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_delivery(tmp_path_factory.mktemp("delivery"))


def test_whole_flow_open_run_triage_decide_undo_save_reopen(
    qtbot: QtBot, delivery: Path, memory_keyring: MemoryKeyring
) -> None:
    window = open_window(qtbot)
    dialogs = catcher_for(window)
    session = run_delivery(qtbot, window, delivery)
    grid = window.workspace.grid
    frame = session.workspace.determinations
    assert grid.model.rowCount() == frame.height > 20
    assert ("CountyClear", "delivery passphrase") in memory_keyring.entries  # remembered
    # The summary bar counts what the engine decided.
    reduce = frame.filter(pl.col("determination") == "reduce").height
    assert grid.summary.counts["reduce"].text() == f"Reduce: {reduce:,}"

    # Filter by determination from the menu, then search as you type.
    menu = grid.filters.buttons["determination"].menu()
    next(a for a in menu.actions() if a.data() == "dismiss").setChecked(True)
    dismissed = frame.filter(pl.col("determination") == "dismiss")
    assert grid.model.rowCount() == dismissed.height
    target = dismissed.row(0, named=True)
    last_name = target["name"].split(",")[0]
    activate(qtbot, window)
    qtbot.keySequence(window, "Ctrl+F")
    assert grid.filters.search.hasFocus()
    qtbot.keyClicks(grid.filters.search, last_name.lower())
    expected = dismissed.filter(
        pl.concat_str("name", "cii_number", "case_number", separator="|")
        .str.to_uppercase()
        .str.contains(last_name, literal=True)
    )
    assert grid.model.rowCount() == expected.height >= 1
    assert all(last_name in cell(window, r, "name") for r in range(grid.model.rowCount()))

    # Open the person: the person view shows their record.
    qtbot.mouseClick(
        grid.table.viewport(), Qt.MouseButton.LeftButton,
        pos=grid.table.visualRect(grid.model.index(0, 0)).center(),
    )  # fmt: skip
    chosen = grid.current_row()
    assert chosen is not None
    person = session.snapshot.frame.row(chosen, named=True)
    assert person["name"] in window.workspace.person.header.text()
    assert window.workspace.person.timeline.topLevelItemCount() >= 1

    # Change to challenge: an empty reason is refused, a real one is taken.
    qtbot.keySequence(window, "Ctrl+4")
    reason = dialogs.next(qtbot, ReasonDialog)
    assert not reason.ok_button.isEnabled()
    reason.accept()  # Enter with an empty reason must not get round the rule
    assert reason.isVisible()
    qtbot.keyClicks(reason.text, "Sale to a minor in the police report")
    click_ok(qtbot, reason.ok_button)
    activate(qtbot, window)
    caught_up(qtbot, session)
    row = grid.model.view_rows_of([chosen])[0]
    assert cell(window, row, "determination") == "Challenge"
    assert cell(window, row, "status") == "Changed"
    assert grid.summary.counts["challenge"].text() == "Challenge: 1"

    # Undo and redo with the keyboard.
    qtbot.keySequence(window, "Ctrl+Z")
    caught_up(qtbot, session)
    assert cell(window, row, "determination") == "Dismiss"
    assert cell(window, row, "status") == "Pending"
    qtbot.keySequence(window, "Ctrl+Shift+Z")
    caught_up(qtbot, session)
    assert cell(window, row, "determination") == "Challenge"

    # A note on the same row, and accepting another conviction.
    qtbot.keySequence(window, "Ctrl+M")
    note = dialogs.next(qtbot, ReasonDialog)
    qtbot.keyClicks(note.text, "Call the PD before filing")
    click_ok(qtbot, note.ok_button)
    activate(qtbot, window)
    grid.filters.clear_all()
    other = next(r for r in range(grid.model.rowCount()) if grid.model.snapshot_row(r) != chosen)
    grid.select_rows([grid.model.snapshot_row(other)])
    qtbot.keySequence(window, "Ctrl+1")
    accepted_row = grid.model.snapshot_row(other)

    # Close: the autosave is flushed. Reopen in a fresh window.
    path = session.workspace.path
    window.close()
    reopened = open_window(qtbot)
    with qtbot.waitSignal(reopened.flow.sessionReady, timeout=20_000) as ready:
        reopened.flow.open_workspace(path)
    again: Session = ready.args[0]
    # The workspace keeps no DOJ content: the files are read again (the passphrase is
    # remembered) for the person view and the impact figures.
    if again.rows is None:
        with qtbot.waitSignal(again.sourcesAttached, timeout=30_000):
            pass
    assert again.summary is not None
    assert reopened.workspace.impact_stack.currentWidget() is reopened.workspace.dashboard
    decided = again.snapshot.frame
    kept = decided.row(chosen, named=True)
    assert (kept["subject_id"], kept["cnt_order"]) == (person["subject_id"], person["cnt_order"])
    assert kept["final_determination"] == "challenge" and kept["status"] == "changed"
    assert kept["decision_reason"] == "Sale to a minor in the police report"
    assert kept["note"] == "Call the PD before filing"
    assert decided.row(accepted_row, named=True)["status"] == "accepted"
    assert decided.filter(pl.col("status") != "pending").height == 2
    actions = [e["action"] for e in again.workspace.audit.entries]
    assert actions == ["create", "decide", "undo", "redo", "note", "decide"]
    # The reopened grid shows the same decisions.
    reopened_grid = reopened.workspace.grid
    view_row = reopened_grid.model.view_rows_of([chosen])[0]
    assert cell(reopened, view_row, "determination") == "Challenge"
    reopened_grid.select_rows([chosen])
    assert person["name"] in reopened.workspace.person.header.text()
    assert reopened.workspace.person_stack.currentWidget() is reopened.workspace.person
    reopened.close()


def test_reopening_on_another_pc_asks_for_the_recovery_passphrase(
    qtbot: QtBot, delivery: Path, memory_keyring: MemoryKeyring
) -> None:
    window = open_window(qtbot)
    session = run_delivery(qtbot, window, delivery)
    path = session.workspace.path
    key_id = session.workspace.key_id
    window.close()
    del memory_keyring.entries[("CountyClear", keyring_entry(key_id))]  # "another PC"
    reopened = open_window(qtbot)
    dialogs = catcher_for(reopened)
    reopened.flow.open_workspace(path)
    ask = dialogs.next(qtbot, RecoveryPassphraseDialog)
    assert not ask.again.isVisibleTo(ask)
    with qtbot.waitSignal(reopened.flow.sessionReady, timeout=20_000):
        qtbot.keyClicks(ask.passphrase, RECOVERY)
        click_ok(qtbot, ask.ok_button)
    assert open_workspace(path).county == "SACRAMENTO"  # the key is back in the keyring
    reopened.close()


def test_a_file_that_is_not_a_doj_file_is_one_plain_message(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot)
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello,world\n", encoding="utf-8")
    with qtbot.waitSignal(window.flow.failed, timeout=20_000) as failure:
        window.flow.open_files([bogus])
    message = failure.args[0]
    assert str(bogus) in message and "Traceback" not in message
    assert window.stack.currentWidget() is window.start
    window.close()


def test_try_with_sample_data_needs_no_passphrase_and_no_recovery_question(
    qtbot: QtBot,
) -> None:
    window = open_window(qtbot)
    dialogs = catcher_for(window)
    qtbot.mouseClick(window.start.sample_button, Qt.MouseButton.LeftButton)
    run = dialogs.next(qtbot, RunDialog)
    assert run.settings().county == "SACRAMENTO"
    with qtbot.waitSignal(window.flow.sessionReady, timeout=30_000) as ready:
        click_ok(qtbot, run.ok_button)
    session: Session = ready.args[0]
    assert session.workspace.path.name.startswith("sample-sacramento-")
    assert window.workspace.grid.model.rowCount() == session.workspace.determinations.height > 0
    assert not [d for d in dialogs.dialogs if isinstance(d, PassphraseDialog)]
    window.close()


def test_a_damaged_workspace_is_one_plain_message(qtbot: QtBot, delivery: Path) -> None:
    window = open_window(qtbot)
    session = run_delivery(qtbot, window, delivery)
    path = session.workspace.path
    window.close()
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x01  # one flipped bit in the ciphertext
    path.write_bytes(bytes(data))
    reopened = open_window(qtbot)
    with qtbot.waitSignal(reopened.flow.failed, timeout=20_000) as failure:
        reopened.flow.open_workspace(path)
    assert failure.args[0].startswith(str(path)) and "Traceback" not in failure.args[0]
    assert reopened.session is None and reopened.stack.currentWidget() is reopened.start
    reopened.close()


def test_a_plain_delivery_opens_with_a_visible_warning(qtbot: QtBot, tmp_path: Path) -> None:
    plain = make_delivery(tmp_path, people=20, encrypt=False)
    window = open_window(qtbot)
    dialogs = catcher_for(window)
    window.flow.open_files([plain])
    run = dialogs.next(qtbot, RunDialog)
    assert run.warning.isVisibleTo(run)
    assert str(plain) in run.warning.text() and "Not encrypted" in run.warning.text()
    run.reject()
    window.close()
