"""The row of filters above the grid: search as you type and a menu per filter."""

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QPushButton, QToolButton, QWidget

from app.triage.query import TriageQuery
from app.triage.snapshot import DETERMINATIONS, STATUSES, TriageSnapshot
from ui.triage.columns import DETERMINATION_LABELS, LEVEL_LABELS, STATUS_LABELS, flag_words

# filter id -> (button text, the TriageQuery field it sets, the snapshot column with choices;
# None: the fixed list in FIXED_CHOICES)
FILTERS = {
    "determination": ("Determination", "determinations", None),
    "section": ("Section", "sections", "section"),
    "level": ("Level", "levels", "level"),
    "flag": ("Flag", "flags", "flags"),
    "status": ("Status", "statuses", None),
}
TITLE_CHARS = 30  # widest a filter button's text gets, in average characters
FIXED_CHOICES = {"determination": DETERMINATIONS, "status": STATUSES}


def _label(filter_id: str, value: str) -> str:
    if filter_id == "flag":
        return flag_words(value)
    labels = {"determination": DETERMINATION_LABELS, "level": LEVEL_LABELS,
              "status": STATUS_LABELS}.get(filter_id, {})  # fmt: skip
    return labels.get(value, value.replace("_", " "))


def _with_choices(query: TriageQuery, field: str, values: frozenset[str]) -> TriageQuery:
    """The query with one filter's chosen values (field: a FILTERS entry's query field)."""
    match field:
        case "determinations":
            return replace(query, determinations=values)
        case "sections":
            return replace(query, sections=values)
        case "levels":
            return replace(query, levels=values)
        case "flags":
            return replace(query, flags=values)
        case "statuses":
            return replace(query, statuses=values)
    raise ValueError(f"no filter sets {field}")


class FilterBar(QWidget):
    queryChanged = Signal(object)  # the new TriageQuery

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._query = TriageQuery()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search name, CII or case number  (Ctrl+F)")
        self.search.setAccessibleName("Search by name, CII number or case number")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        clear_search = QAction(self.search)
        clear_search.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear_search.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear_search.triggered.connect(self.search.clear)
        self.search.addAction(clear_search)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        self.buttons: dict[str, QToolButton] = {}
        for filter_id, (title, _, _) in FILTERS.items():
            button = QToolButton()
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setAccessibleName(f"Filter by {title.lower()}")
            button.setMenu(QMenu(button))
            self.buttons[filter_id] = button
            layout.addWidget(button)
        self.clear = QPushButton("Clear filters")
        self.clear.setAccessibleName("Clear all filters and the search")
        self.clear.clicked.connect(self.clear_all)
        layout.addWidget(self.clear)
        self._update_titles()

    @property
    def query(self) -> TriageQuery:
        return self._query

    def set_choices(self, snapshot: TriageSnapshot) -> None:
        """Fill the menus with the values present in a run (determinations and statuses always)."""
        for filter_id, button in self.buttons.items():
            menu = button.menu()
            menu.clear()
            _, field, column = FILTERS[filter_id]
            chosen = getattr(self._query, field)
            choices = snapshot.distinct(column) if column else FIXED_CHOICES[filter_id]
            for value in choices:
                action = QAction(_label(filter_id, value), menu)
                action.setCheckable(True)
                action.setChecked(value in chosen)
                action.setData(value)
                action.toggled.connect(lambda _=False, f=filter_id: self._menu_changed(f))
                menu.addAction(action)
        self._update_titles()

    def set_values(self, filter_id: str, values: set[str]) -> None:
        """Select exactly these values in one filter (e.g. clicking a count in the summary)."""
        button = self.buttons[filter_id]
        for action in button.menu().actions():
            action.blockSignals(True)
            action.setChecked(action.data() in values)
            action.blockSignals(False)
        self._menu_changed(filter_id)

    def set_sort(self, column: str | None, descending: bool) -> None:
        self._query = replace(self._query, sort_column=column, descending=descending)
        self.queryChanged.emit(self._query)

    def clear_all(self) -> None:
        for filter_id in FILTERS:
            self.set_values(filter_id, set())
        self.search.clear()

    def _search_changed(self, text: str) -> None:
        self._query = self._query.with_search(text)
        self.queryChanged.emit(self._query)

    def _menu_changed(self, filter_id: str) -> None:
        values = frozenset(
            str(a.data()) for a in self.buttons[filter_id].menu().actions() if a.isChecked()
        )
        self._query = _with_choices(self._query, FILTERS[filter_id][1], values)
        self._update_titles()
        self.queryChanged.emit(self._query)

    def _update_titles(self) -> None:
        for filter_id, button in self.buttons.items():
            chosen = sorted(getattr(self._query, FILTERS[filter_id][1]))
            title = FILTERS[filter_id][0]
            words = [_label(filter_id, value) for value in chosen]
            if not chosen:
                text = f"{title}: any"
            elif len(chosen) == 1:
                text = f"{title}: {words[0]}"
            else:
                text = f"{title}: {len(chosen)} chosen"
            # A flag's words can be a sentence: the button shows its start, the tooltip all.
            width = button.fontMetrics().averageCharWidth() * TITLE_CHARS
            button.setText(button.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                            width))  # fmt: skip
            button.setToolTip("\n".join(words) if words else f"Filter by {title.lower()}")
