"""Choosing what to export, where, and the password that seals the workbooks."""

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.exports.sealing import MIN_PASSWORD_LENGTH
from ui.dialogs.dialog_parts import ok_cancel, password_field, problem_label
from ui.workspace.exporting import DOCUMENTS, ExportRequest


class ExportDialog(QDialog):
    def __init__(self, folder: Path, *, have_summary: bool, court_note: str | None = None,
                 parent: QWidget | None = None) -> None:
        """`court_note`: what the office should check about the court address the motion
        prints (app.exports.office.court_address_note), shown while the motion is chosen."""
        super().__init__(parent)
        self.setWindowTitle("Export documents")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        box = QGroupBox("Documents")
        box_layout = QVBoxLayout(box)
        self.choices: dict[str, QCheckBox] = {}
        for document, (label, _, needs_summary) in DOCUMENTS.items():
            check = QCheckBox(label)
            check.setChecked(document != "csv")
            if needs_summary and not have_summary:
                check.setChecked(False)
                check.setEnabled(False)
                check.setText(f"{label} (open the DOJ files again first)")
            check.toggled.connect(self._check)
            self.choices[document] = check
            box_layout.addWidget(check)
        self.folder = QLineEdit(str(folder))
        self.folder.setAccessibleName("Output folder")
        browse = QPushButton("Browse…")
        browse.setAccessibleName("Choose the output folder")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.password = password_field("Exhibit password")
        self.again = password_field("Exhibit password again")
        note = QLabel(
            "The exhibit holds sealed criminal-history information: it is saved encrypted and "
            "opens in Excel only with this password. Give the password to the court and the "
            "defender separately."
        )
        note.setWordWrap(True)
        self.court_note = QLabel(court_note or "")
        self.court_note.setWordWrap(True)
        self.court_note.setAccessibleName("Check the court address")
        self.court_note.setStyleSheet("color: #8a5300")
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow("Save in", folder_row)
        form.addRow("Exhibit password", self.password)
        form.addRow("Type it again", self.again)
        buttons, self.ok_button = ok_cancel(self)
        self.ok_button.setText("Export")
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.court_note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        for edit in (self.password, self.again, self.folder):
            edit.textChanged.connect(self._check)
        self._check()

    def request(self, *, replace: bool = False) -> ExportRequest:
        documents = tuple(d for d, check in self.choices.items() if check.isChecked())
        return ExportRequest(
            folder=Path(self.folder.text().strip()),
            documents=documents,
            password=self.password.text() or None,
            replace=replace,
        )

    def _problem(self) -> str:
        request = self.request()
        if not request.documents:
            return "Choose at least one document."
        if not self.folder.text().strip():
            return "Choose the folder to save in."
        needs_password = "exhibit" in request.documents
        if needs_password and len(self.password.text()) < MIN_PASSWORD_LENGTH:
            return f"The exhibit password needs at least {MIN_PASSWORD_LENGTH} characters."
        if self.password.text() != self.again.text():
            return "The two passwords differ."
        return ""

    def _check(self) -> None:
        self.court_note.setVisible(bool(self.court_note.text())
                                   and self.choices["motion"].isChecked())
        problem = self._problem()
        self.problem.setText(problem)
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        if not self._problem():
            super().accept()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Save the documents in", self.folder.text())
        if chosen:
            self.folder.setText(chosen)
