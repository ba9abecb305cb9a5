"""Asking for a passphrase: the dialog, and a prompt that intake may call from a worker thread.

Intake (app.intake.PromptSecrets) calls the prompt while a job opens the files. The prompt
hands the question to the GUI thread, which shows the dialog without a nested event loop,
and the worker waits for the answer (or for Cancel on the job).
"""

import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.intake import PassphraseAnswer, PassphraseRequest
from app.intake.secrets import keyring_name, keyring_works
from app.jobs import CancelToken
from ui.dialogs.dialog_parts import ok_cancel, password_field, problem_label


class PassphraseDialog(QDialog):
    def __init__(self, request: PassphraseRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Passphrase needed")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        what = "private key" if request.kind == "private_key" else "file"
        intro = QLabel(f"This {what} is protected. Type the passphrase that came with it:")
        intro.setWordWrap(True)
        name = QLabel(request.where)
        name.setWordWrap(True)
        name.setStyleSheet("font-weight: bold")
        self.retry = problem_label("That passphrase did not open it. Check capitals and spaces.")
        self.retry.setWordWrap(True)
        self.retry.setVisible(request.attempt > 0)
        self.passphrase = password_field("Passphrase")
        self.remember = QCheckBox("Remember on this PC")
        self.remember.setAccessibleName("Remember the passphrase on this PC")
        # As wide as its words: a click beside them is not a click on it.
        self.remember.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        # Said here, not found out later: without a keyring nothing would be remembered.
        works = keyring_works()
        self.remember.setEnabled(works)
        self.keyring_note = QLabel(
            f"Kept in {keyring_name()}." if works else
            f"Not available: this PC has no working keyring ({keyring_name()}), so the "
            "passphrase is asked again the next time CountyClear starts.")
        self.keyring_note.setWordWrap(True)
        self.remember.setToolTip(self.keyring_note.text())
        buttons, self.ok_button = ok_cancel(self)
        self.ok_button.setText("Open")
        self.ok_button.setEnabled(False)
        self.passphrase.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t)))
        layout = QVBoxLayout(self)
        for widget in (intro, name, self.retry, self.passphrase, self.remember,
                       self.keyring_note, buttons):
            layout.addWidget(widget)

    def answer(self) -> PassphraseAnswer | None:
        if self.result() != QDialog.DialogCode.Accepted or not self.passphrase.text():
            return None
        return PassphraseAnswer(self.passphrase.text(), remember=self.remember.isChecked())


@dataclass
class _Question:
    request: PassphraseRequest
    done: threading.Event = field(default_factory=threading.Event)
    answer: PassphraseAnswer | None = None


class PassphrasePrompt(QObject):
    """A PromptCallback for app.intake.PromptSecrets that is safe to call from a worker."""

    _asked = Signal(object)  # _Question, delivered to the GUI thread
    dialogShown = Signal(object)  # PassphraseDialog (tests and screenshots fill it in)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.cancel: CancelToken | None = None  # the job's token: stop waiting on Cancel
        self._asked.connect(self._show)

    def __call__(self, request: PassphraseRequest) -> PassphraseAnswer | None:
        if QThread.currentThread() is self.thread():
            raise RuntimeError("the passphrase prompt is for worker threads; run intake as a job")
        question = _Question(request)
        self._asked.emit(question)
        while not question.done.wait(0.1):
            if self.cancel is not None and self.cancel.cancelled:
                return None
        return question.answer

    def _show(self, question: _Question) -> None:
        dialog = PassphraseDialog(question.request, self._parent)
        dialog.setModal(True)

        def finished() -> None:
            question.answer = dialog.answer()
            question.done.set()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        self.dialogShown.emit(dialog)
