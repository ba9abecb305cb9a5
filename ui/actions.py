"""Every menu command and its keyboard shortcuts, declared once."""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Shortcut = QKeySequence.StandardKey | str
# id -> (menu text, shortcuts (the first is shown in the menu), tooltip)
ACTIONS: dict[str, tuple[str, tuple[Shortcut, ...], str]] = {
    "open": ("&Open DOJ files…", (QKeySequence.StandardKey.Open,), "Open one or more DOJ files"),
    "open_workspace": ("Open &workspace…", ("Ctrl+Shift+O",), "Open a saved workspace"),
    "sample": ("Try with &sample data", (), "Open the bundled sample delivery"),
    "start": ("&Start page", (), "Back to the start page"),
    "export": ("&Export documents…", ("Ctrl+E",), "Exhibit 1, motion and order, reports"),
    "office": ("Office &details…", (), "Court, DA and signing deputy for the documents"),
    "quit": ("&Quit", (QKeySequence.StandardKey.Quit,), "Close CountyClear"),
    "undo": ("&Undo", (QKeySequence.StandardKey.Undo,), "Undo the last decision"),
    # Ctrl+Y is what Windows and Excel users press; Ctrl+Shift+Z what others do.
    "redo": ("&Redo", ("Ctrl+Y", "Ctrl+Shift+Z"), "Redo the decision undone"),
    "find": ("&Find…", (QKeySequence.StandardKey.Find,), "Search by name, CII or case number"),
    "clear_filters": ("&Clear filters", ("Ctrl+Shift+F",), "Show every conviction"),
    "accept": ("&Accept", ("Ctrl+1",), "Accept the engine's determination and go to the next"),
    "dismiss": ("&Dismiss…", ("Ctrl+2",), "Change to dismiss (a reason is required)"),
    "reduce": ("&Reduce…", ("Ctrl+3",), "Change to reduce (a reason is required)"),
    "challenge": ("&Challenge…", ("Ctrl+4",), "Challenge relief (a reason is required)"),
    "review": ("Needs re&view…", ("Ctrl+5",), "Mark for review by a deputy DA (reason required)"),
    "note": ("Add &note…", ("Ctrl+M",), "Add or edit a note"),
    "triage": ("&Triage", ("Ctrl+T",), "The grid of convictions"),
    "impact": ("&Impact", ("Ctrl+I",), "Impact figures and charts"),
    "record": ("Person's &record", ("Ctrl+R",),
               "Show or hide the selected person's whole record under the grid"),
    "reset_columns": ("Reset &columns", (), "Default columns and widths"),
    "guide": ("User &guide", (QKeySequence.StandardKey.HelpContents, "F1"),
              "From the DOJ file to the papers you file, step by step"),
    "log_folder": ("Show &log file location", (), "Where CountyClear writes its log"),
    "about": ("&About CountyClear", (), "Version and privacy statement"),
}  # fmt: skip
CHECKABLE = frozenset({"record"})


def build_actions(parent: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for action_id, (text, shortcuts, tip) in ACTIONS.items():
        action = QAction(text, parent)
        action.setObjectName(f"action_{action_id}")
        keys: list[QKeySequence] = []
        for shortcut in shortcuts:
            # A standard key may stand for several keys, or none, on a platform.
            found = QKeySequence.keyBindings(shortcut) if isinstance(
                shortcut, QKeySequence.StandardKey) else [QKeySequence(shortcut)]  # fmt: skip
            keys += [k for k in found if k not in keys]
        action.setShortcuts(keys)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setCheckable(action_id in CHECKABLE)
        parent.addAction(action)  # shortcuts work wherever the focus is in the window
        actions[action_id] = action
    return actions
