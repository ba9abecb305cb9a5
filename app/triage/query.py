"""What the clerk asked the grid to show: filters, search and sort as polars expressions.

A query turns into the list of snapshot rows to show, in order. Never a Qt proxy model:
at a million rows QSortFilterProxyModel takes minutes (measured: benchmarks/README.md).
"""

from dataclasses import dataclass, field, replace

import polars as pl

from app.triage.snapshot import EFFECTIVE, FLAG_LIST, ROW, SEARCH, STATUS, TriageSnapshot, fold

# Sort keys: grid column id -> snapshot column whose values order it (not its display text).
SORT_COLUMNS: dict[str, str] = {
    "determination": EFFECTIVE,
    "status": STATUS,
}


@dataclass(frozen=True)
class TriageQuery:
    """Empty sets mean "any". Search matches name, CII or case number, ignoring case and
    accents (app.triage.snapshot.fold)."""

    determinations: frozenset[str] = field(default_factory=frozenset)
    sections: frozenset[str] = field(default_factory=frozenset)
    levels: frozenset[str] = field(default_factory=frozenset)
    flags: frozenset[str] = field(default_factory=frozenset)  # any of these flags
    statuses: frozenset[str] = field(default_factory=frozenset)
    search: str = ""
    sort_column: str | None = None  # a grid column id
    descending: bool = False

    def with_search(self, text: str) -> "TriageQuery":
        return replace(self, search=text)

    @property
    def needle(self) -> str:
        return fold(" ".join(self.search.split()))


def filter_expression(query: TriageQuery) -> pl.Expr:
    """One boolean expression over the snapshot for every filter of the query."""
    parts: list[pl.Expr] = []
    if query.determinations:
        parts.append(pl.col(EFFECTIVE).is_in(sorted(query.determinations)))
    if query.sections:
        parts.append(pl.col("section").is_in(sorted(query.sections)))
    if query.levels:
        parts.append(pl.col("level").is_in(sorted(query.levels)))
    if query.statuses:
        parts.append(pl.col(STATUS).is_in(sorted(query.statuses)))
    if query.flags:
        wanted = pl.lit(sorted(query.flags), dtype=pl.List(pl.String))
        parts.append(pl.col(FLAG_LIST).list.set_intersection(wanted).list.len() > 0)
    if query.needle:
        parts.append(pl.col(SEARCH).str.contains(query.needle, literal=True))
    if not parts:
        return pl.lit(True)
    return pl.all_horizontal(parts)


def sort_order(snapshot: TriageSnapshot, column: str | None, descending: bool) -> pl.Series:
    """Snapshot rows in the order of one grid column (nulls last), or in file order."""
    frame = snapshot.frame
    if column is None:
        return frame.get_column(ROW)
    key = SORT_COLUMNS.get(column, column)
    # A stable sort: ties keep file order, so a re-sort never shuffles equal rows.
    return (
        frame.select(ROW, key)
        .sort(key, descending=descending, nulls_last=True, maintain_order=True)
        .get_column(ROW)
    )


def matching_rows(
    snapshot: TriageSnapshot, query: TriageQuery, order: pl.Series | None = None
) -> pl.Series:
    """The snapshot rows the query shows, in display order (UInt32 row numbers).

    `order` is the precomputed sort order of the query's sort column (sort_order); passing
    it in lets search-as-you-type skip re-sorting on every keystroke.
    """
    if order is None:
        order = sort_order(snapshot, query.sort_column, query.descending)
    if query.needle or _active(query):
        mask = snapshot.frame.select(filter_expression(query).alias("m")).get_column("m")
        return order.filter(mask.gather(order))
    return order


def narrow(
    snapshot: TriageSnapshot, shown: pl.Series, previous: TriageQuery, query: TriageQuery
) -> pl.Series | None:
    """Rows for `query` found among the rows `previous` showed, or None if that is unsafe.

    Typing one more letter only ever removes rows, so filtering what is already shown (often
    a few hundred rows) is far cheaper than scanning the whole snapshot again.
    """
    same_filters = replace(previous, search="") == replace(query, search="")
    if not (same_filters and previous.needle and query.needle.startswith(previous.needle)):
        return None
    texts = snapshot.frame.get_column(SEARCH).gather(shown)
    keep = texts.str.contains(query.needle, literal=True)
    return shown.filter(keep)


def _active(query: TriageQuery) -> list[frozenset[str]]:
    return [
        s
        for s in (query.determinations, query.sections, query.levels, query.flags, query.statuses)
        if s
    ]


FILTER_NAMES: dict[str, str] = {
    "determinations": "determination",
    "sections": "code section",
    "levels": "level",
    "flags": "flag",
    "statuses": "status",
}


def no_match_text(query: TriageQuery) -> str:
    """What the grid says when the query shows no conviction at all, and how to get back."""
    chosen = [name for attribute, name in FILTER_NAMES.items() if getattr(query, attribute)]
    filters = f"the {', '.join(chosen)} filter{'s' if len(chosen) > 1 else ''} chosen"
    searched = " ".join(query.search.split())
    if searched and chosen:
        return (f"No convictions match “{searched}” with {filters}. Search looks at names, "
                "CII numbers and case numbers, ignoring accents and capitals; use Clear "
                "filters to see every conviction.")
    if searched:
        return (f"No convictions match “{searched}”. Search looks at names, CII numbers and "
                "case numbers, ignoring accents and capitals; press Esc in the search box to "
                "clear it.")
    return f"No convictions match {filters}; use Clear filters to see every conviction."
