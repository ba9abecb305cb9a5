"""The decision bar under the grid: what is decided for the selection, the decision buttons,
and the button that opens the person's whole record."""

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ui.triage.columns import DETERMINATION_LABELS, STATUS_LABELS

# action id -> final determination, or None for "accept the engine's" (the buttons show the
# actions' own text, ui.actions)
DECISIONS = {
    "accept": None,
    "dismiss": "dismiss",
    "reduce": "reduce",
    "challenge": "challenge",
    "review": "review",
}


class DecisionPanel(QFrame):
    """One row across the window, so the grid keeps its whole width for the columns."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Decision for the selected convictions")
        self.summary = QLabel("Select one or more convictions.")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        # The words give way to the buttons: they shrink and wrap, the buttons stay whole.
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary.setMinimumWidth(self.fontMetrics().averageCharWidth() * 8)
        layout = QHBoxLayout(self)
        layout.addWidget(self.summary, 1)
        self.buttons: dict[str, QPushButton] = {}
        for action_id in [*DECISIONS, "note"]:
            action = actions[action_id]
            button = QPushButton(action.text().replace("&", ""))
            shortcut = action.shortcut().toString()
            button.setToolTip(f"{action.toolTip()} ({shortcut})" if shortcut else action.toolTip())
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            button.setEnabled(action.isEnabled())
            self.buttons[action_id] = button
            layout.addWidget(button)
        layout.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        # The person's record opens under the grid on demand; this button says where it is.
        record = actions["record"]
        self.record = QPushButton(record.text().replace("&", ""))
        self.record.setCheckable(True)
        self.record.setChecked(record.isChecked())
        self.record.setToolTip(f"{record.toolTip()} ({record.shortcut().toString()})")
        self.record.toggled.connect(record.setChecked)
        record.toggled.connect(self.record.setChecked)
        layout.addWidget(self.record)

    def show_selection(self, rows: list[dict[str, object]], total: int) -> None:
        """Describe the selection: one conviction in detail, or how many are selected."""
        if total == 0:
            self.summary.setText("Select one or more convictions.")
            return
        if total > 1:
            self.summary.setText(f"{total:,} convictions selected.")
            return
        row = rows[0]
        engine = DETERMINATION_LABELS.get(str(row.get("determination")), "")
        final = row.get("final_determination")
        status = STATUS_LABELS.get(str(row.get("status") or "pending"), "Pending")
        parts = [f"Proposed: {engine}", f"Status: {status}"]
        if final and final != row.get("determination"):
            parts.append(f"Changed to: {DETERMINATION_LABELS.get(str(final), str(final))}")
        if row.get("decision_reason"):
            parts.append(f"Why: {row['decision_reason']}")
        if row.get("note"):
            parts.append(f"Note: {row['note']}")
        name = html.escape(str(row.get("name") or ""))
        self.summary.setText(f"<b>{name}</b> · " + " · ".join(map(html.escape, parts)))
        self.summary.setToolTip("\n".join(parts))
