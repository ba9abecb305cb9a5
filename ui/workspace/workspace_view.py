"""The work area of an open workspace: triage (grid, person, decision) and the impact tab."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.eligibility.summary import DecidedSummary
from ui.impact.dashboard import Dashboard
from ui.triage.decision_panel import DecisionPanel
from ui.triage.grid import TriageGrid
from ui.triage.person_view import PersonView

NO_SOURCES = (
    "The person's full record comes from the DOJ files, which are not open in this session. "
    "Open the same DOJ files again (File > Open DOJ files) to see it."
)


class SourcesMissing(QWidget):
    """Said where the DOJ files are needed but not open, with the button that opens them."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton("Open the DOJ files again…")
        self.button.setAccessibleName("Open the DOJ files of this workspace again")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)


class WorkspaceView(QTabWidget):
    """Triage: the grid takes the room with the decision bar under it, and the person's whole
    record opens below on demand (`show_record`). Impact: the dashboard."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.grid = TriageGrid()
        self.person = PersonView()
        self.person.clear()
        self.person_missing = SourcesMissing(NO_SOURCES)
        self.person_stack = QStackedWidget()
        self.person_stack.setObjectName("recordPane")
        self.person_stack.addWidget(self.person)
        self.person_stack.addWidget(self.person_missing)
        self.decision = DecisionPanel(actions)
        work = QWidget()  # the grid and, under it, the decision bar
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.addWidget(self.grid, 1)
        work_layout.addWidget(self.decision)
        self.record_split = QSplitter(Qt.Orientation.Vertical)
        self.record_split.setObjectName("recordSplit")
        self.record_split.setChildrenCollapsible(False)
        self.record_split.addWidget(work)
        self.record_split.addWidget(self.person_stack)
        self.record_split.setStretchFactor(0, 3)
        self.record_split.setStretchFactor(1, 3)
        self.person_stack.setVisible(False)
        self.dashboard = Dashboard()
        self.impact_missing = SourcesMissing(
            "The impact figures come from the DOJ files, which are not open in this session. "
            "Open the same DOJ files again to see them."
        )
        self.impact_stack = QStackedWidget()
        self.impact_stack.addWidget(self.dashboard)
        self.impact_stack.addWidget(self.impact_missing)
        triage = QWidget()
        layout = QVBoxLayout(triage)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.record_split)
        self.addTab(triage, "Triage")
        self.addTab(self.impact_stack, "Impact")

    def show_record(self, shown: bool) -> None:
        self.person_stack.setVisible(shown)

    def record_shown(self) -> bool:
        return not self.person_stack.isHidden()

    def show_person(self, rows: Any, determination_row: dict[str, Any] | None) -> None:
        if rows is None:
            self.person_stack.setCurrentWidget(self.person_missing)
            return
        self.person_stack.setCurrentWidget(self.person)
        if determination_row is None:
            self.person.clear()
        else:
            self.person.show_conviction(rows, determination_row)

    def show_impact(self, summary: DecidedSummary | None, determinations: Any) -> None:
        if summary is None:
            self.impact_stack.setCurrentWidget(self.impact_missing)
            return
        self.impact_stack.setCurrentWidget(self.dashboard)
        self.dashboard.set_data(summary, determinations)
