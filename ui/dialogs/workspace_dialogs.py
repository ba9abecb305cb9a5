"""Workspace passphrases: choosing the recovery passphrase of a new workspace, and typing it
when this PC's keyring does not hold the workspace key (another PC, a new user account, or a
PC with no working keyring, where the passphrase is what protects the workspace)."""

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.intake.secrets import keyring_name
from app.review.vault import MIN_RECOVERY_LENGTH
from ui.dialogs.dialog_parts import ok_cancel, password_field, problem_label


class RecoveryPassphraseDialog(QDialog):
    """`confirm`: a new workspace (type it twice); otherwise opening with the passphrase.
    `keyring`: whether this PC's keyring works (app.intake.secrets.keyring_works)."""

    def __init__(
        self, where: str, *, confirm: bool, keyring: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.confirm = confirm
        self.setWindowTitle("New workspace" if confirm else "Recovery passphrase")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 84)
        self.intro_text = intro_text(confirm=confirm, keyring=keyring)
        intro = QLabel(self.intro_text)
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


def intro_text(*, confirm: bool, keyring: bool) -> str:
    """What the dialog says, in the clerk's words, naming this platform's keyring."""
    name = keyring_name()
    keep = (f"Write it down and keep it safe (at least {MIN_RECOVERY_LENGTH} characters; "
            "several words are easiest).")
    if confirm and keyring:
        return (f"Your work is saved encrypted; its key is kept in {name}. Choose a recovery "
                "passphrase too: it opens the workspace on another PC or if the key is lost. "
                + keep)
    if confirm:
        return (f"This PC has no working keyring ({name}), so the key of your encrypted work "
                "cannot be kept on it. Choose a passphrase to protect the workspace: "
                "CountyClear asks for it once each time it starts, and it also opens the "
                "workspace on another PC. " + keep)
    if keyring:
        return (f"This PC's keyring ({name}) does not hold the key of this workspace (it was "
                "made on another PC or user account). Type the recovery passphrase chosen "
                "when the workspace was created:")
    return (f"This PC has no working keyring ({name}), so this workspace is protected by the "
            "passphrase chosen when it was created. CountyClear asks for it once each time "
            "it starts. Type it:")
