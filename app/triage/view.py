"""The grid's state without Qt: a snapshot, the clerk's query, and the rows it shows.

Keeps the sort order of the current sort column so that typing in the search box only
filters; a new snapshot (a finished run, a decision) keeps the query and re-applies it.
"""

from dataclasses import replace

import polars as pl

from app.triage.counts import determination_counts
from app.triage.query import TriageQuery, matching_rows, narrow, sort_order
from app.triage.snapshot import TriageSnapshot


class TriageView:
    def __init__(self, snapshot: TriageSnapshot, query: TriageQuery | None = None) -> None:
        self._query = query or TriageQuery()
        self._snapshot = snapshot
        self._order = sort_order(snapshot, self._query.sort_column, self._query.descending)
        self._rows = matching_rows(snapshot, self._query, self._order)

    @property
    def snapshot(self) -> TriageSnapshot:
        return self._snapshot

    @property
    def query(self) -> TriageQuery:
        return self._query

    @property
    def rows(self) -> pl.Series:
        """Snapshot row numbers shown, in display order."""
        return self._rows

    @property
    def count(self) -> int:
        return self._rows.len()

    def set_query(self, query: TriageQuery) -> None:
        if (query.sort_column, query.descending) != (
            self._query.sort_column,
            self._query.descending,
        ):
            self._order = sort_order(self._snapshot, query.sort_column, query.descending)
            self._rows = matching_rows(self._snapshot, query, self._order)
        else:
            narrowed = narrow(self._snapshot, self._rows, self._query, query)
            self._rows = (
                narrowed
                if narrowed is not None
                else matching_rows(self._snapshot, query, self._order)
            )
        self._query = query

    def set_search(self, text: str) -> None:
        self.set_query(self._query.with_search(text))

    def set_sort(self, column: str | None, descending: bool) -> None:
        self.set_query(replace(self._query, sort_column=column, descending=descending))

    def set_snapshot(self, snapshot: TriageSnapshot, *, keep_rows: bool = False) -> None:
        """Show a new snapshot under the same query.

        `keep_rows`: the new snapshot has the same rows in the same order and only decision
        columns changed (a decision, an undo). The rows shown stay exactly as they are, even
        one that no longer matches a filter, so a decided row does not vanish under the
        clerk's cursor; the query applies afresh at its next change.
        """
        self._snapshot = snapshot
        if keep_rows:
            return
        self._order = sort_order(snapshot, self._query.sort_column, self._query.descending)
        self._rows = matching_rows(snapshot, self._query, self._order)

    def counts(self) -> dict[str, int]:
        """Convictions per determination in the whole run (not just the filtered rows)."""
        return determination_counts(self._snapshot)

    def shown_counts(self) -> dict[str, int]:
        return determination_counts(self._snapshot, self._rows)
