"""The triage table model: a thin Qt adapter over an immutable TriageView.

It never filters, sorts or formats by itself. Display text comes from ui.triage.columns as polars
expressions evaluated for a block of visible rows at a time and cached until the next reset.
"""

from collections import OrderedDict
from typing import Any, Final

import polars as pl
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.eligibility.rules import RULES
from app.triage.snapshot import EFFECTIVE, STATUS
from app.triage.view import TriageView
from ui.triage.columns import (
    COLUMN_INDEX,
    COLUMNS,
    DETERMINATION_MEANINGS,
    display_expressions,
)

BLOCK = 256  # rows formatted per polars call; a screenful is one or two blocks
CACHED_BLOCKS = 32

# Soft backgrounds that keep dark text readable (WCAG AA) in the determination column.
DETERMINATION_COLOURS = {
    "dismiss": "#d8f0dc",
    "reduce": "#dde8f8",
    "challenge": "#f8dcdc",
    "review": "#fbf0cc",
    "not_eligible": "#e6e6e6",
}
AnyIndex = QModelIndex | QPersistentModelIndex


class TriageModel(QAbstractTableModel):
    sortRequested = Signal(str, bool)  # column id, descending: the grid asks app.triage

    def __init__(self) -> None:
        super().__init__()
        self._view: TriageView | None = None
        self._count = 0
        self._blocks: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        self._expressions: list[pl.Expr] = []

    # --- feeding the model ---------------------------------------------------------------
    def set_view(self, view: TriageView | None) -> None:
        """Show a view's rows; a model reset (a new run, a new filter)."""
        self.beginResetModel()
        self._view = view
        self._count = view.count if view is not None else 0
        self._blocks.clear()
        if view is not None:
            self._expressions = [
                *display_expressions(view.snapshot.frame.columns),
                pl.col(EFFECTIVE).alias("_effective"),
                pl.col(STATUS).alias("_status"),
            ]
        self.endResetModel()

    def refresh_values(self) -> None:
        """Same rows, new values (a decision): repaint without losing selection or scroll."""
        assert self._view is not None
        self._blocks.clear()
        if self.rowCount():
            top_left = self.index(0, 0)
            bottom_right = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(top_left, bottom_right)

    def snapshot_row(self, row: int) -> int:
        assert self._view is not None
        return int(self._view.rows[row])

    def view_rows_of(self, snapshot_rows: list[int]) -> list[int]:
        """Grid rows now showing these snapshot rows (those filtered out are left out)."""
        if self._view is None or not snapshot_rows:
            return []
        found = self._view.rows.is_in(snapshot_rows).arg_true()
        return [int(r) for r in found.to_list()]

    # --- Qt's model API ------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section].description
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._view is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(index.row())[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), index.column())
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == _DETERMINATION:
            determination = self._cells(index.row())[len(COLUMNS)]
            colour = DETERMINATION_COLOURS.get(determination)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == _DETERMINATION:
            return QBrush(QColor("#1a1a1a"))
        return None

    def _tooltip(self, row: int, column: int) -> str | None:
        """The whole text (a narrow column cuts it off); what a determination or a rule
        means in words. Only the cell under the mouse asks, so plain Python is fine here."""
        cells = self._cells(row)
        text = str(cells[column])
        if column == _DETERMINATION:
            return DETERMINATION_MEANINGS.get(str(cells[len(COLUMNS)])) or text or None
        rule = RULES_BY_TITLE.get(text) if column == _RULE else None
        if rule is not None:
            return f"{rule.title}: {rule.description} (rule {rule.id})"
        return text or None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sortRequested.emit(COLUMNS[column].id, order == Qt.SortOrder.DescendingOrder)

    # --- the block cache -----------------------------------------------------------------
    def _cells(self, row: int) -> tuple[Any, ...]:
        block = row // BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            cached = self._format_block(block)
            self._blocks[block] = cached
            if len(self._blocks) > CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return cached[row - block * BLOCK]

    def _format_block(self, block: int) -> list[tuple[Any, ...]]:
        assert self._view is not None
        rows = self._view.rows.slice(block * BLOCK, BLOCK)
        frame = self._view.snapshot.frame
        return frame.select(pl.all().gather(rows)).select(self._expressions).rows()


_DETERMINATION = COLUMN_INDEX["determination"]
_RULE = COLUMN_INDEX["rule_id"]
RULES_BY_TITLE: Final = {rule.title: rule for rule in RULES}  # the Rule column shows titles
