"""The passphrase prompt across threads and the recovery passphrase dialog, on their own."""

import threading

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.intake import PassphraseAnswer, PassphraseRequest
from app.jobs import CancelToken, ProgressCallback
from ui.dialogs.passphrase_dialog import PassphraseDialog, PassphrasePrompt
from ui.dialogs.workspace_dialogs import RecoveryPassphraseDialog
from ui.jobs import JobRunner


def test_passphrase_prompt_asks_on_the_gui_thread_for_a_worker(qtbot: QtBot) -> None:
    prompt = PassphrasePrompt()
    runner = JobRunner()
    request = PassphraseRequest(where="delivery.gpg", kind="delivery", attempt=1)
    shown: list[PassphraseDialog] = []
    prompt.dialogShown.connect(shown.append)

    def work(progress: ProgressCallback, cancel: CancelToken) -> object:
        return prompt(request)

    answers: list[object] = []
    runner.start("Opening", work, prepare=lambda job: job.succeeded.connect(answers.append))
    qtbot.waitUntil(lambda: bool(shown))
    dialog = shown[0]
    assert dialog.retry.isVisibleTo(dialog)  # a second attempt says the first was wrong
    assert "delivery.gpg" in [label.text() for label in dialog.findChildren(type(dialog.retry))]
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "open sesame")
    qtbot.mouseClick(dialog.remember, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(answers))
    assert answers == [PassphraseAnswer("open sesame", remember=True)]


def test_passphrase_prompt_stops_waiting_when_the_job_is_cancelled(qtbot: QtBot) -> None:
    prompt = PassphrasePrompt()
    runner = JobRunner()
    request = PassphraseRequest(where="delivery.gpg", kind="delivery")
    asked = threading.Event()
    prompt.dialogShown.connect(lambda _dialog: asked.set())
    answers: list[object] = []

    def prepare(job: object) -> None:
        prompt.cancel = job.token  # type: ignore[attr-defined]
        job.succeeded.connect(answers.append)  # type: ignore[attr-defined]
        job.cancelled.connect(lambda: answers.append("cancelled"))  # type: ignore[attr-defined]
        jobs.append(job)

    jobs: list[object] = []
    runner.start("Opening", lambda progress, cancel: prompt(request), prepare=prepare)
    qtbot.waitUntil(asked.is_set)
    jobs[0].cancel()  # type: ignore[attr-defined]
    assert runner.wait(10_000)  # the worker stopped waiting for an answer
    qtbot.waitUntil(lambda: bool(answers))
    assert answers == ["cancelled"]


def test_recovery_passphrase_must_be_long_enough_and_typed_twice(qtbot: QtBot) -> None:
    dialog = RecoveryPassphraseDialog("ws.ccws", confirm=True)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, "short")
    assert dialog.problem.text() == "At least 10 characters."
    qtbot.keyClicks(dialog.passphrase, " but now long")
    assert dialog.problem.text() == "The two passphrases differ."
    qtbot.keyClicks(dialog.again, "short but now long")
    assert dialog.ok_button.isEnabled() and dialog.problem.text() == ""
