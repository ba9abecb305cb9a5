"""Asking why: changing a determination needs a written reason (it goes to the audit log)."""

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.dialogs.dialog_parts import ok_cancel, problem_label


class ReasonDialog(QDialog):
    """`required`: OK stays disabled until the text holds more than blanks."""

    def __init__(
        self, title: str, prompt: str, *, required: bool, text: str = "",
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self.required = required
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName(title)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().height() * 5)
        self.hint = problem_label("A reason is required.")
        keys = QLabel("Enter starts a new line; Ctrl+Enter saves.")
        keys.setEnabled(False)  # greyed: a tip, not part of the question
        buttons, self.ok_button = ok_cancel(self)
        self.text.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        for widget in (label, self.text, self.hint, keys, buttons):
            layout.addWidget(widget)
        self._check()

    def value(self) -> str:
        return self.text.toPlainText().strip()

    def accept(self) -> None:
        if self.required and not self.value():
            return  # refuse: the OK button is disabled, and Enter must not get round it
        super().accept()

    def _check(self) -> None:
        ok = bool(self.value()) or not self.required
        self.ok_button.setEnabled(ok)
        self.hint.setVisible(self.required and not ok)
