"""The small dialogs on their own: run settings, passphrase prompt across threads, reasons,
recovery passphrase."""

import json
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.intake import PassphraseAnswer, PassphraseRequest
from app.jobs import CancelToken, ProgressCallback
from ui.dialogs.passphrase_dialog import PassphraseDialog, PassphrasePrompt
from ui.dialogs.reason_dialog import ReasonDialog
from ui.dialogs.run_dialog import RunDialog
from ui.dialogs.workspace_dialogs import RecoveryPassphraseDialog
from ui.jobs import JobRunner


def test_run_dialog_offers_the_files_counties_first_then_all_58(qtbot: QtBot) -> None:
    dialog = RunDialog(["YOLO", "SACRAMENTO", "NOT A COUNTY"])
    qtbot.addWidget(dialog)
    data = [dialog.county.itemData(i) for i in range(dialog.county.count())]
    assert data[:2] == ["YOLO", "SACRAMENTO"]
    assert len([d for d in data if d]) == 60  # the file's two, then all 58 (separator: None)
    dialog.county.setCurrentIndex(1)
    dialog.as_of.setDate(dialog.as_of.date().addDays(-1))
    settings = dialog.settings()
    assert settings.county == "SACRAMENTO"
    assert settings.as_of == date.fromordinal(date.today().toordinal() - 1)
    assert settings.policy.id == "statutory"
    dialog.policy.setCurrentIndex(dialog.policy.findData("los_angeles_2020"))
    assert dialog.settings().policy.id == "los_angeles_2020"
    assert "50 or older" in dialog.description.text()


def test_run_dialog_county_is_fixed_for_an_existing_workspace(qtbot: QtBot) -> None:
    dialog = RunDialog(["SACRAMENTO"], fixed_county="YOLO")
    qtbot.addWidget(dialog)
    assert not dialog.county.isEnabled()
    assert dialog.settings().county == "YOLO"


def test_run_dialog_imports_bear_options(qtbot: QtBot, tmp_path: Path) -> None:
    options = tmp_path / "county.json"
    options.write_text(
        json.dumps({"baselineEligibility": {"dismiss": ["11357"], "reduce": ["11359"]},
                    "additionalRelief": {"subjectAgeThreshold": 57}}),
        encoding="utf-8",
    )  # fmt: skip
    dialog = RunDialog(["SACRAMENTO"])
    qtbot.addWidget(dialog)
    dialog.import_bear_file(options)
    policy = dialog.settings().policy
    assert policy.procedure == "bear" and policy.additional.age_at_least == 57
    assert dialog.policy.currentText() == "BEAR options (county.json)"


def test_a_bad_bear_file_is_one_message_and_keeps_the_policy(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"additionalRelief": {"subjectAgeThreshold": "fifty"}}', encoding="utf-8")
    dialog = RunDialog(["SACRAMENTO"])
    qtbot.addWidget(dialog)
    dialog.import_bear_file(bad)
    box = dialog.findChild(QMessageBox, "errorMessage")
    assert box is not None and str(bad) in box.text() and "subjectAgeThreshold" in box.text()
    assert dialog.settings().policy.id == "statutory"


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


def test_reason_dialog_refuses_an_empty_reason(qtbot: QtBot) -> None:
    dialog = ReasonDialog("Change to Reduce", "Why?", required=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.text, "   ")
    assert not dialog.ok_button.isEnabled() and dialog.hint.isVisible()
    dialog.accept()
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.text, "DA policy memo 2024-03")
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() == ReasonDialog.DialogCode.Accepted
    assert dialog.value() == "DA policy memo 2024-03"


def test_recovery_passphrase_must_be_long_enough_and_typed_twice(qtbot: QtBot) -> None:
    dialog = RecoveryPassphraseDialog("ws.ccws", confirm=True)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, "short")
    assert dialog.problem.text() == "At least 10 characters."
    qtbot.keyClicks(dialog.passphrase, " but now long")
    assert dialog.problem.text() == "The two passphrases differ."
    qtbot.keyClicks(dialog.again, "short but now long")
    assert dialog.ok_button.isEnabled() and dialog.problem.text() == ""
