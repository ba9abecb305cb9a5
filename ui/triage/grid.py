"""The triage grid: filter bar, table and summary bar over one TriageView."""

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.triage.query import TriageQuery, no_match_text
from app.triage.snapshot import TriageSnapshot
from app.triage.view import TriageView
from ui.triage.columns import COLUMNS
from ui.triage.filter_bar import FilterBar
from ui.triage.grid_model import TriageModel
from ui.triage.summary_bar import SummaryBar

FIT_ROWS = 64


class TriageGrid(QWidget):
    currentChanged = Signal(object)  # snapshot row (int) or None
    selectionChanged = Signal()
    activated = Signal(int)  # a row was double-clicked or Enter pressed: open the person

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filters = FilterBar()
        self.model = TriageModel()
        self.table = QTableView()
        self.table.setObjectName("triageTable")
        self.table.setAccessibleName("Convictions to triage")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)  # no grey gap at the right
        # Fitting a column measures the rows on screen, or the first FIT_ROWS: Qt's default
        # (1000 rows of every column) took half a second on a million-row run.
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._column_actions()
        self.table.activated.connect(  # Enter on a row (double-click on most platforms)
            lambda i: self.activated.emit(self.model.snapshot_row(i.row()))
        )
        self.summary = SummaryBar()
        layout = QVBoxLayout(self)
        # Said where the rows would be when nothing matches, never a blank grid.
        self.no_match = QLabel()
        self.no_match.setObjectName("noMatch")
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        layout.addWidget(self.filters)
        layout.addWidget(self.no_match)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._view: TriageView | None = None
        # Widths the clerk set (by hand, or remembered from last time) are not refitted.
        self.widths_kept = False
        self._fitting = False
        self.table.horizontalHeader().sectionResized.connect(self._resized)
        self.model.sortRequested.connect(self.filters.set_sort)
        self.filters.queryChanged.connect(self._query_changed)
        self.summary.determinationClicked.connect(
            lambda d: self.filters.set_values("determination", {d})
        )
        self.set_default_widths()
        # The table keeps one selection model for its life (a model reset does not replace it).
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(
            lambda current, _: self.currentChanged.emit(
                self.model.snapshot_row(current.row()) if current.isValid() else None
            )
        )
        selection.selectionChanged.connect(lambda *_: self.selectionChanged.emit())

    # --- data in -------------------------------------------------------------------------
    def set_snapshot(self, snapshot: TriageSnapshot | None, *, same_rows: bool = False) -> None:
        """Show a new snapshot under the current filters.

        `same_rows`: only decision columns changed (rows and their order are the same): the
        rows shown, the selection and the scroll position are kept as they are.
        """
        if snapshot is None:
            self._view = None
            self.model.set_view(None)
            self._update_summary()
            return
        if self._view is None or not same_rows:
            self._view = TriageView(snapshot, self.filters.query)
            self.filters.set_choices(snapshot)
            self.model.set_view(self._view)
            if not self.widths_kept:
                self.fit_columns()
        else:
            self._view.set_snapshot(snapshot, keep_rows=True)
            self.model.refresh_values()
        self._update_summary()

    # --- what the clerk has selected -----------------------------------------------------
    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.snapshot_row(index.row()) if index.isValid() else None

    def selected_rows(self) -> list[int]:
        """Snapshot rows of the selection (the current row if nothing is selected)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            current = self.current_row()
            return [current] if current is not None else []
        return [self.model.snapshot_row(r) for r in rows]

    def select_rows(self, snapshot_rows: list[int]) -> None:
        self._restore(snapshot_rows, snapshot_rows[0] if snapshot_rows else None)

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def set_default_widths(self) -> None:
        """The default columns, each as wide as its content (Reset columns)."""
        self._fitting = True
        for i, column in enumerate(COLUMNS):
            self.table.setColumnHidden(i, not column.visible)
        self._fitting = False
        self.sync_column_actions()
        self.widths_kept = False
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each shown column as wide as the rows on screen need, between its header's width
        and its cap (COLUMNS): long reasons and flags are cut, and read whole on hover."""
        char = self.fontMetrics().averageCharWidth()
        header = self.table.horizontalHeader()
        # Never narrower than the header text plus the sort arrow, whatever the font.
        padding = header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMarkSize) + 24
        self._fitting = True
        for i, column in enumerate(COLUMNS):
            if self.table.isColumnHidden(i):
                continue
            title = header.fontMetrics().horizontalAdvance(column.header) + padding
            content = self.table.sizeHintForColumn(i) if self.model.rowCount() else 0
            self.table.setColumnWidth(i, max(title, min(content, column.width * char + 16)))
        self._fitting = False

    def advance(self) -> None:
        """Make the row after the current one current and selected (after a decision)."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() + 1 >= self.model.rowCount():
            return
        self.select_rows([self.model.snapshot_row(index.row() + 1)])

    # --- internals -----------------------------------------------------------------------
    def _query_changed(self, query: TriageQuery) -> None:
        if self._view is None:
            return
        selected, current = self.selected_rows(), self.current_row()
        self._view.set_query(query)
        self.model.set_view(self._view)
        # Keep the clerk's place when it is still shown; otherwise say nothing is current.
        self._restore(selected, current)
        if self.current_row() is None:
            self.currentChanged.emit(None)
        header = self.table.horizontalHeader()
        if query.sort_column is None:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._update_summary()

    def _update_summary(self) -> None:
        if self._view is None:
            self.summary.set_counts({}, 0, 0)
            self.no_match.hide()
            return
        self.summary.set_counts(self._view.counts(), self._view.count, self._view.snapshot.height)
        empty = self._view.count == 0 and self._view.snapshot.height > 0
        self.no_match.setText(no_match_text(self._view.query) if empty else "")
        self.no_match.setVisible(empty)

    def _restore(self, snapshot_rows: list[int], current: int | None) -> None:
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in self.model.view_rows_of(snapshot_rows):
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(selection, flags)
        found = self.model.view_rows_of([current]) if current is not None else []
        if found:
            index = self.model.index(found[0], 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(index)

    def _show_column(self, column: int, shown: bool) -> None:
        self._fitting = True  # showing or hiding is not the clerk choosing a width
        self.table.setColumnHidden(column, not shown)
        self._fitting = False
        if shown and not self.widths_kept:
            self.fit_columns()

    def _resized(self, *_: int) -> None:
        if not self._fitting:
            self.widths_kept = True

    def sync_column_actions(self) -> None:
        """Tick the header menu's column entries as the columns are (after a restore)."""
        for i, action in enumerate(self.table.horizontalHeader().actions()):
            action.blockSignals(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.blockSignals(False)

    def _column_actions(self) -> None:
        header = self.table.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            action = QAction(column.header, header)
            action.setCheckable(True)
            action.setChecked(column.visible)
            action.toggled.connect(lambda on, c=i: self._show_column(c, on))
            header.addAction(action)
