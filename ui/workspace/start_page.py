"""The first screen: open DOJ files (button or drag and drop), recent workspaces, the sample."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.settings import recent_workspaces

DOJ_FILE_FILTER = "DOJ deliveries (*.dat *.csv *.txt *.gpg *.pgp *.asc *.zip);;All files (*)"


class StartPage(QWidget):
    filesChosen = Signal(list)  # list[Path] of DOJ deliveries
    sampleRequested = Signal()
    workspaceChosen = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        title = QLabel("CountyClear")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            "Clear Proposition 64 cannabis convictions from the DOJ file: open the delivery, "
            "apply your county's policy, review, and export the papers for the court. "
            "Everything stays on this PC.<br>New to it? Press <b>F1</b> for the user guide: "
            "the job from the DOJ file to the papers you file, step by step."
        )
        intro.setWordWrap(True)
        self.open_button = QPushButton("Open DOJ files…")
        self.open_button.setAccessibleName("Open DOJ files")
        self.open_button.setToolTip("Ctrl+O. You can also drop files on this window.")
        self.open_button.clicked.connect(self.choose_files)
        self.sample_button = QPushButton("Try with sample data")
        self.sample_button.setAccessibleName("Try CountyClear with the bundled sample data")
        self.sample_button.clicked.connect(self.sampleRequested)
        for button in (self.open_button, self.sample_button):
            button.setMinimumHeight(button.fontMetrics().height() * 2 + 8)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 48)
        self.open_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        drop = QLabel("…or drop DOJ files (.dat, .csv, encrypted .gpg or .zip) here")
        drop.setFrameShape(QFrame.Shape.StyledPanel)
        drop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        drop.setMinimumHeight(drop.fontMetrics().height() * 5)
        drop.setWordWrap(True)
        recent_title = QLabel("Recent workspaces")
        recent_title.setStyleSheet("font-weight: bold")
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent workspaces")
        self.recent.itemActivated.connect(
            lambda item: self.workspaceChosen.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.no_recent = QLabel("No workspaces yet. Open a DOJ file to start one.")
        column = QVBoxLayout()
        column.addSpacing(title.fontMetrics().height())
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(title.fontMetrics().height())
        column.addLayout(buttons)
        column.addWidget(drop)
        column.addSpacing(title.fontMetrics().height() // 2)
        column.addWidget(recent_title)
        column.addWidget(self.recent)
        column.addWidget(self.no_recent)
        column.addStretch(1)
        self.recent.setMinimumHeight(self.fontMetrics().height() * 10)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for path in recent_workspaces():
            item = QListWidgetItem(f"{path.stem}    ({path.parent})")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.no_recent.setVisible(self.recent.count() == 0)
        self.recent.setVisible(self.recent.count() > 0)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Open DOJ files", "", DOJ_FILE_FILTER)
        if names:
            self.filesChosen.emit([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.filesChosen.emit(paths)
