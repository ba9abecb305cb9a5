"""The app on a PC without a working OS keyring (a Linux desktop without Secret Service):
the workspace is protected by the passphrase the clerk chooses, asked once per app run, and
the sample never asks at all. Driven through the real window and its dialogs."""

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.intake.secrets import keyring_name
from tests.keyring_memory import MemoryKeyring
from tests.ui.drive import (
    DELIVERY_PASSPHRASE,
    RECOVERY,
    catcher_for,
    click_ok,
    make_delivery,
    open_window,
)
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.dialogs.run_dialog import RunDialog
from ui.dialogs.workspace_dialogs import RecoveryPassphraseDialog
from ui.main_window import MainWindow
from ui.workspace.session import Session


@pytest.fixture
def no_keyring() -> Iterator[None]:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # what keyring falls back to
    yield


def run_sample(qtbot: QtBot, window: MainWindow) -> Session:
    dialogs = catcher_for(window)
    qtbot.mouseClick(window.start.sample_button, Qt.MouseButton.LeftButton)
    run = dialogs.next(qtbot, RunDialog)
    with qtbot.waitSignal(window.flow.sessionReady, timeout=30_000) as ready:
        click_ok(qtbot, run.ok_button)
    assert not [d for d in dialogs.dialogs
                if isinstance(d, PassphraseDialog | RecoveryPassphraseDialog | QMessageBox)]
    session = ready.args[0]
    assert isinstance(session, Session)
    return session


def test_the_sample_works_without_a_keyring_and_reopens_without_asking(
    qtbot: QtBot, no_keyring: None, caplog: pytest.LogCaptureFixture
) -> None:
    window = open_window(qtbot)
    session = run_sample(qtbot, window)
    assert session.workspace.determinations.height > 0  # the run was kept
    assert not session.workspace.key_in_keyring
    assert "protected by its recovery passphrase only" in caplog.text  # logged
    path = session.workspace.path
    window.close()
    again = open_window(qtbot)  # the next app run: nothing known in memory
    dialogs = catcher_for(again)
    with qtbot.waitSignal(again.flow.sessionReady, timeout=30_000) as ready:
        again.flow.open_workspace(path)
    assert ready.args[0].workspace.path == path
    assert not [d for d in dialogs.dialogs
                if isinstance(d, PassphraseDialog | RecoveryPassphraseDialog)]
    again.close()


def test_the_sample_asks_nothing_with_a_keyring_either(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    window = open_window(qtbot)
    session = run_sample(qtbot, window)
    assert session.workspace.key_in_keyring
    window.close()


def test_without_a_keyring_the_chosen_passphrase_protects_and_is_asked_once_per_run(
    qtbot: QtBot, tmp_path: Path, no_keyring: None
) -> None:
    delivery = make_delivery(tmp_path, people=20)
    window = open_window(qtbot)
    dialogs = catcher_for(window)
    window.flow.open_files([delivery])
    ask = dialogs.next(qtbot, PassphraseDialog)
    assert not ask.remember.isEnabled()  # said up front: nothing could be remembered
    assert "no working keyring" in ask.keyring_note.text()
    qtbot.keyClicks(ask.passphrase, DELIVERY_PASSPHRASE)
    click_ok(qtbot, ask.ok_button)
    run = dialogs.next(qtbot, RunDialog)
    with qtbot.waitSignal(window.flow.sessionReady, timeout=30_000) as ready:
        click_ok(qtbot, run.ok_button)
        choose = dialogs.next(qtbot, RecoveryPassphraseDialog)
        assert "This PC has no working keyring" in choose.intro_text
        assert keyring_name() in choose.intro_text
        assert "asks for it once each time it starts" in choose.intro_text
        qtbot.keyClicks(choose.passphrase, RECOVERY)
        qtbot.keyClicks(choose.again, RECOVERY)
        click_ok(qtbot, choose.ok_button)
    path = ready.args[0].workspace.path
    # Reopened in the same run: the passphrase is known, nothing is asked.
    with qtbot.waitSignal(window.flow.sessionReady, timeout=30_000):
        window.flow.open_workspace(path)
    assert not [d for d in dialogs.dialogs if isinstance(d, RecoveryPassphraseDialog)]
    window.close()
    # The next run asks once, in the same plain words.
    again = open_window(qtbot)
    dialogs = catcher_for(again)
    again.flow.open_workspace(path)
    typed = dialogs.next(qtbot, RecoveryPassphraseDialog)
    assert "This PC has no working keyring" in typed.intro_text
    with qtbot.waitSignal(again.flow.sessionReady, timeout=30_000):
        qtbot.keyClicks(typed.passphrase, RECOVERY)
        click_ok(qtbot, typed.ok_button)
    with qtbot.waitSignal(again.flow.sessionReady, timeout=30_000):
        again.flow.open_workspace(path)
    assert not [d for d in dialogs.dialogs if isinstance(d, RecoveryPassphraseDialog)]
    again.close()


def test_the_dialogs_name_a_working_keyring(qtbot: QtBot, memory_keyring: MemoryKeyring) -> None:
    choose = RecoveryPassphraseDialog("w.ccws", confirm=True, keyring=True)
    qtbot.addWidget(choose)
    assert f"its key is kept in {keyring_name()}" in choose.intro_text
    assert "Windows Credential Manager" not in choose.intro_text or keyring_name().startswith(
        "Windows")


def test_a_failed_step_is_logged_as_well_as_said(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    window = open_window(qtbot)
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello,world\n", encoding="utf-8")
    with qtbot.waitSignal(window.flow.failed, timeout=20_000) as failure:
        window.flow.open_files([bogus])
    assert f"Opening DOJ files failed: {failure.args[0]}" in caplog.text
    window.close()
