"""The autosave runs on a worker thread: deciding never waits for the encrypted file, closing
waits for a running save and saves the rest, a failed save is reported as before."""

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.errors import InputError
from app.review import Workspace, open_workspace
from tests.ui.drive import caught_up, new_workspace
from tests.ui.test_main_window import select, show_session, statuses
from ui.main_window import MainWindow
from ui.workspace.session import Session

REAL_SAVE = Workspace.save
DISK_FULL = (
    "could not save the workspace (No space left on device); the last save is still there. "
    "Free some disk space or choose another folder, then save again"
)


class GatedSave:
    """Stands in for Workspace.save: notes where it runs, waits for the gate, really saves."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.started = threading.Event()
        self.on_gui_thread: list[bool] = []
        self._lock = threading.Lock()
        self._running = 0
        self.most_at_once = 0

    def __call__(self, workspace: Workspace) -> None:
        with self._lock:
            self._running += 1
            self.most_at_once = max(self.most_at_once, self._running)
            self.on_gui_thread.append(threading.current_thread() is threading.main_thread())
        self.started.set()
        try:
            assert self.gate.wait(30), "the test never opened the gate"
            REAL_SAVE(workspace)
        finally:
            with self._lock:
                self._running -= 1


def open_window(
    qtbot: QtBot, folder: Path, monkeypatch: pytest.MonkeyPatch, save: Callable[[Workspace], None]
) -> tuple[MainWindow, Session]:
    workspace = new_workspace(folder / "county.ccws")
    monkeypatch.setattr(Workspace, "save", lambda self: save(self))  # after the first save
    return show_session(qtbot, workspace)


def accept_row(window: MainWindow, row: int) -> None:
    select(window, [row])
    window.commands["accept"].trigger()


def first_save_stuck(
    qtbot: QtBot, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[GatedSave, MainWindow, Session]:
    """A window whose first background save (row 1 accepted) is held at the gate."""
    gated = GatedSave()
    window, session = open_window(qtbot, folder, monkeypatch, gated)
    accept_row(window, 1)
    qtbot.waitUntil(gated.started.is_set, timeout=10_000)  # the event loop runs meanwhile
    return gated, window, session


def saved_keys(path: Path) -> list[tuple[str, str]]:
    return sorted(open_workspace(path).decisions.frame.select("subject_id", "cnt_order").rows())


def test_deciding_goes_on_while_the_save_runs_on_a_worker(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gated, window, session = first_save_stuck(qtbot, tmp_path, monkeypatch)
    assert gated.on_gui_thread == [False]
    assert window.status_saved.text() == "Saving…"
    # The save is stuck; the window still takes the next decision and shows it.
    accept_row(window, 2)
    caught_up(qtbot, session)
    assert statuses(window)[:4] == ["Pending", "Accepted", "Accepted", "Pending"]
    assert session.saver.saving and not gated.gate.is_set()

    with qtbot.waitSignal(session.saved, timeout=10_000):
        gated.gate.set()  # the first save ends; the second decision is not in it
    assert session.autosaver.pending and window.status_saved.text() == "Saving…"
    qtbot.waitUntil(lambda: not session.autosaver.pending and not session.saver.saving,
                    timeout=10_000)  # fmt: skip
    assert window.status_saved.text() == "All changes saved"
    assert gated.on_gui_thread == [False, False] and gated.most_at_once == 1
    path = session.workspace.path
    assert saved_keys(path) == sorted(session.keys_of([1, 2]).rows())
    assert [e["action"] for e in open_workspace(path).audit.entries] == [
        "create", "decide", "decide",
    ]  # fmt: skip
    window.close()


def test_closing_during_a_save_waits_for_it_and_saves_the_rest(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gated, window, session = first_save_stuck(qtbot, tmp_path, monkeypatch)
    accept_row(window, 2)  # after the running save took its copy
    accept_row(window, 3)
    window.commands["undo"].trigger()  # undo works while a save runs
    flush = session.saver.flush

    def open_gate_and_flush() -> bool:
        # Closing starts while the first save is still stuck on its worker.
        assert session.saver.saving and not gated.gate.is_set()
        gated.gate.set()
        return flush()

    monkeypatch.setattr(session.saver, "flush", open_gate_and_flush)
    path = session.workspace.path
    window.close()
    assert not window.isVisible()
    # The running save finished on its worker, then the rest was saved on closing, in turn.
    assert gated.on_gui_thread == [False, True] and gated.most_at_once == 1
    assert saved_keys(path) == sorted(session.keys_of([1, 2]).rows())
    assert [e["action"] for e in open_workspace(path).audit.entries] == [
        "create", "decide", "decide", "decide", "undo",
    ]  # fmt: skip


def test_a_failed_background_save_is_reported_and_nothing_is_lost(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    on_gui_thread: list[bool] = []

    def disk_full(workspace: Workspace) -> None:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        raise InputError(str(workspace.path), DISK_FULL)

    window, session = open_window(qtbot, tmp_path, monkeypatch, disk_full)
    path = session.workspace.path
    message = InputError(str(path), DISK_FULL).render()
    with qtbot.waitSignal(session.saveFailed, timeout=10_000) as failed:
        accept_row(window, 1)
    assert failed.args == [message]
    assert f"the workspace was not saved: {message}" in caplog.text  # logged as well
    assert on_gui_thread == [False]
    assert window.status_saved.text() == "Not saved"
    boxes = window.findChildren(QMessageBox, "errorMessage")
    assert [box.text() for box in boxes if box.isVisible()] == [message]
    assert session.autosaver.pending

    window.close()  # closing tries once more, here: it fails too, so the window stays
    assert window.isVisible() and on_gui_thread == [False, True]
    monkeypatch.setattr(Workspace, "save", REAL_SAVE)  # the disk has room again
    window.close()
    assert not window.isVisible()
    assert saved_keys(path) == sorted(session.keys_of([1]).rows())
