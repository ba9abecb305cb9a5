"""Export as a guided step: what to check before the papers go out (each with the button
that fixes it), what to export, where, and the password that seals the workbooks; then the
files written, with their folder one click away."""

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.exports.documents import WrittenDocument
from app.exports.sealing import MIN_PASSWORD_LENGTH
from app.review.checklist import CheckItem
from ui.dialogs.dialog_parts import ok_cancel, password_field, problem_label
from ui.workspace.exporting import DOCUMENTS, ExportRequest

READY_TEXT = ("Ready: no conviction waits for review, every determination is confirmed, and "
              "the office and filing details are filled in.")


class Checklist(QGroupBox):
    """The items to look at before exporting, each with its fix button."""

    fixRequested = Signal(str)  # a CheckItem's `fix`
    itemsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Before you export", parent)
        self.setAccessibleName("Before you export")
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(0, 1)
        self.items: list[CheckItem] = []
        self.buttons: dict[str, QPushButton] = {}  # by item key

    def set_items(self, items: Sequence[CheckItem]) -> None:
        while self._grid.count():
            taken = self._grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.items = list(items)
        self.buttons = {}
        if not self.items:
            ready = QLabel(READY_TEXT)
            ready.setWordWrap(True)
            self._grid.addWidget(ready, 0, 0, 1, 2)
            self.itemsChanged.emit()
            return
        for row, item in enumerate(self.items):
            text = QLabel(f"• {item.text}")
            text.setWordWrap(True)
            self._grid.addWidget(text, row, 0, 1, 2 if not item.fix else 1)
            if not item.fix:  # a fact to know, with nothing in the app to change it
                continue
            button = QPushButton(item.button)
            button.setAccessibleName(f"{item.button} ({item.key.replace('_', ' ')})")
            button.clicked.connect(lambda _=False, fix=item.fix: self.fixRequested.emit(fix))
            self._grid.addWidget(button, row, 1)
            self.buttons[item.key] = button
        self.itemsChanged.emit()


class ExportDialog(QDialog):
    def __init__(self, folder: Path, *, have_summary: bool,
                 checklist: Sequence[CheckItem] = (), parent: QWidget | None = None) -> None:
        """`checklist`: app.review.checklist's items; `self.checklist.fixRequested` says which
        fix the clerk asked for (ui.workspace.export_flow does it)."""
        super().__init__(parent)
        self.setWindowTitle("Export documents")
        screen = self.screen().availableGeometry().width() if self.screen() else 0
        wide = self.fontMetrics().averageCharWidth() * 110
        self.setMinimumWidth(min(wide, int(screen * 0.95)) if screen else wide)
        self.checklist = Checklist()
        self.checklist.set_items(checklist)
        box = QGroupBox("Documents")
        box_layout = QVBoxLayout(box)
        self.choices: dict[str, QCheckBox] = {}
        for document, (label, needs_summary) in DOCUMENTS.items():
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
        self.folder.setCursorPosition(0)  # a long path reads from its beginning
        self.folder.textChanged.connect(self.folder.setToolTip)
        self.folder.setToolTip(str(folder))
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
        self.problem = problem_label()
        form = QFormLayout()
        form.addRow("Save in", folder_row)
        form.addRow("Exhibit password", self.password)
        form.addRow("Type it again", self.again)
        buttons, self.ok_button = ok_cancel(self)
        self.ok_button.setText("Export")
        # Everything but the buttons scrolls where the screen is too small (200% scaling).
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checklist)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.body)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroller, 1)
        outer.addWidget(buttons)
        self._buttons = buttons
        for edit in (self.password, self.again, self.folder):
            edit.textChanged.connect(self._check)
        self._check()
        self.checklist.itemsChanged.connect(self._fit)

    def _fit(self) -> None:
        """Tall enough for every wrapped line at its width (a dialog sizes itself by its
        labels' unwrapped hints, which cut long checklist lines short), but never taller
        than the screen: the rest scrolls."""
        layout = self.body.layout()
        if layout is None:
            return
        width = self.scroller.viewport().width()
        outer = self.layout()
        margins = outer.contentsMargins().top() * 2 if outer is not None else 0
        needed = (layout.totalHeightForWidth(width) + self._buttons.sizeHint().height()
                  + margins + self.fontMetrics().height())
        screen = self.screen().availableGeometry().height() if self.screen() else needed
        self.resize(self.width(), min(needed, int(screen * 0.95)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

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
        # Both workbooks are always sealed (export refuses them without a password).
        needs_password = bool({"exhibit", "challenged"} & set(request.documents))
        if needs_password and len(self.password.text()) < MIN_PASSWORD_LENGTH:
            return f"The exhibit password needs at least {MIN_PASSWORD_LENGTH} characters."
        if self.password.text() != self.again.text():
            return "The two passwords differ."
        return ""

    def _check(self) -> None:
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


class DojDateDialog(QDialog):
    """The date DOJ produced the file, as DOJ's cover letter gives it (the motion states it)."""

    def __init__(self, known: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("DOJ file date")
        intro = QLabel("The motion states the date DOJ produced the research file. Type the "
                       "date on DOJ's cover letter or e-mail:")
        intro.setWordWrap(True)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("MMMM d, yyyy")
        self.day.setAccessibleName("Date DOJ produced the file")
        chosen = known or date.today()
        self.day.setDate(QDate(chosen.year, chosen.month, chosen.day))
        self.day.setMaximumDate(QDate.currentDate())
        buttons, self.ok_button = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.day)
        layout.addWidget(buttons)

    def value(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())


class ExportResultDialog(QDialog):
    """The files an export wrote, and their folder one click away."""

    def __init__(self, folder: Path, written: Sequence[WrittenDocument],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle("Export finished")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        count = len(written)
        intro = QLabel(f"{count} file{'' if count == 1 else 's'} written to {folder}:")
        intro.setWordWrap(True)
        self.files = QListWidget()
        self.files.setAccessibleName("Files written")
        for document in written:
            path = document.path
            name = path.name if path.parent == folder else str(path)
            self.files.addItem(f"{name}: {document.description}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = buttons.addButton("Open folder",
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder.setAccessibleName("Open the folder of the files")
        self.open_folder.clicked.connect(self.show_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.files)
        layout.addWidget(buttons)

    def show_folder(self) -> bool:
        """Open the folder in the system's file manager; False if none would open it."""
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))))
