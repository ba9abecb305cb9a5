"""Counts per determination for the whole run; clicking a count filters the grid to it."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from app.triage.snapshot import DETERMINATIONS
from ui.triage.columns import DETERMINATION_LABELS, DETERMINATION_MEANINGS


class SummaryBar(QWidget):
    determinationClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.counts: dict[str, QToolButton] = {}
        for determination in DETERMINATIONS:
            button = QToolButton()  # compact: five counts and the total fit a narrow window
            button.setAutoRaise(True)
            button.setToolTip(f"{DETERMINATION_MEANINGS[determination]}\nClick to show only "
                              "these.")
            button.clicked.connect(
                lambda _=False, d=determination: self.determinationClicked.emit(d)
            )
            self.counts[determination] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.shown = QLabel()
        self.shown.setAccessibleName("Rows shown")
        # In a window narrower than any office screen this line gives way first (its words
        # are also the grid's row count); the counts stay whole.
        self.shown.setMinimumWidth(self.fontMetrics().averageCharWidth() * 4)
        layout.addWidget(self.shown)
        self.set_counts(dict.fromkeys(DETERMINATIONS, 0), 0, 0)

    def set_counts(self, counts: dict[str, int], shown: int, total: int) -> None:
        for determination, button in self.counts.items():
            text = f"{DETERMINATION_LABELS[determination]}: {counts.get(determination, 0):,}"
            button.setText(text)
            button.setAccessibleName(text)
        self.shown.setText(f"Showing {shown:,} of {total:,} convictions")
