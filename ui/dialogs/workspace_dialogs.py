"""Workspace passphrases: choosing the recovery passphrase of a new workspace, and typing it
when this PC's keyring no longer holds the workspace key (another PC, a new user account)."""

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.review.vault import MIN_RECOVERY_LENGTH
from ui.dialogs.dialog_parts import ok_cancel, password_field, problem_label


class RecoveryPassphraseDialog(QDialog):
    """`confirm`: a new workspace (type it twice); otherwise opening with the passphrase."""

    def __init__(self, where: str, *, confirm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.confirm = confirm
        self.setWindowTitle("New workspace" if confirm else "Recovery passphrase")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 84)
        if confirm:
            text = (
                "Your work is saved encrypted; the key is kept in this PC's credential store. "
                "Choose a recovery passphrase too: it opens the workspace on another PC or if "
                f"the key is lost. Write it down and keep it safe (at least "
                f"{MIN_RECOVERY_LENGTH} characters)."
            )
        else:
            text = (
                "This PC does not hold the key of this workspace. Type the recovery "
                "passphrase chosen when the workspace was created:"
            )
        intro = QLabel(text)
        intro.setWordWrap(True)
        name = QLabel(where)
        name.setWordWrap(True)
        self.passphrase = password_field("Recovery passphrase")
        self.again = password_field("Recovery passphrase again")
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow("Recovery passphrase", self.passphrase)
        if confirm:
            form.addRow("Type it again", self.again)
        else:
            self.again.hide()
        buttons, self.ok_button = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(name)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.passphrase.textChanged.connect(self._check)
        self.again.textChanged.connect(self._check)
        self._check()

    def value(self) -> str:
        return self.passphrase.text()

    def _problem(self) -> str:
        if not self.confirm:
            return "" if self.passphrase.text() else " "
        if len(self.passphrase.text()) < MIN_RECOVERY_LENGTH:
            return f"At least {MIN_RECOVERY_LENGTH} characters."
        if self.passphrase.text() != self.again.text():
            return "The two passphrases differ."
        return ""

    def _check(self) -> None:
        problem = self._problem()
        self.ok_button.setEnabled(not problem)
        self.problem.setText(problem.strip())

    def accept(self) -> None:
        if not self._problem():
            super().accept()
