"""Every menu command and its keyboard shortcut, declared once."""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Shortcut = QKeySequence.StandardKey | str | None

# id -> (menu text, shortcut, tooltip)
ACTIONS: dict[str, tuple[str, Shortcut, str]] = {
    "open": ("&Open DOJ files…", QKeySequence.StandardKey.Open, "Open one or more DOJ files"),
    "open_workspace": ("Open &workspace…", "Ctrl+Shift+O", "Open a saved workspace"),
    "sample": ("Try with &sample data", None, "Open the bundled sample delivery"),
    "start": ("&Start page", None, "Back to the start page"),
    "export": ("&Export documents…", "Ctrl+E", "Exhibit 1, motion and order, reports"),
    "office": ("Office &details…", None, "Court, DA and signing deputy for the documents"),
    "quit": ("&Quit", QKeySequence.StandardKey.Quit, "Close CountyClear"),
    "undo": ("&Undo", QKeySequence.StandardKey.Undo, "Undo the last decision"),
    "redo": ("&Redo", "Ctrl+Shift+Z", "Redo the decision undone"),
    "find": ("&Find…", QKeySequence.StandardKey.Find, "Search by name, CII or case number"),
    "clear_filters": ("&Clear filters", "Ctrl+Shift+F", "Show every conviction"),
    "accept": ("&Accept", "Ctrl+1", "Accept the engine's determination"),
    "dismiss": ("&Dismiss…", "Ctrl+2", "Change to dismiss (a reason is required)"),
    "reduce": ("&Reduce…", "Ctrl+3", "Change to reduce (a reason is required)"),
    "challenge": ("&Challenge…", "Ctrl+4", "Challenge relief (a reason is required)"),
    "review": ("Needs re&view…", "Ctrl+5", "Mark for review by a deputy DA (reason required)"),
    "note": ("Add &note…", "Ctrl+M", "Add or edit a note"),
    "triage": ("&Triage", "Ctrl+T", "The grid of convictions"),
    "impact": ("&Impact", "Ctrl+I", "Impact figures and charts"),
    "reset_columns": ("Reset &columns", None, "Default columns and widths"),
    "log_folder": ("Show &log file location", None, "Where CountyClear writes its log"),
    "about": ("&About CountyClear", None, "Version and privacy statement"),
}


def build_actions(parent: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for action_id, (text, shortcut, tip) in ACTIONS.items():
        action = QAction(text, parent)
        action.setObjectName(f"action_{action_id}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        parent.addAction(action)  # shortcuts work wherever the focus is in the window
        actions[action_id] = action
    return actions
