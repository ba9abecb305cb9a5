"""Small helpers on polars frames that the eligibility modules share."""

from collections.abc import Callable

import polars as pl


def attach(frame: pl.DataFrame, table: pl.LazyFrame | pl.DataFrame, on: str | list[str],
           *, nulls_equal: bool = False) -> pl.DataFrame:
    """`frame` left-joined with a table holding at most one row per key, in `frame`'s order.

    Only the key columns go through the join; the matched values are then set beside
    `frame`. A join that carries every column of a wide frame costs several times more.
    """
    keys = [on] if isinstance(on, str) else on
    matched = (
        frame.lazy().select(keys).join(table.lazy(), on=keys, how="left",
                                       maintain_order="left", nulls_equal=nulls_equal)
        .collect().drop(keys)
    )
    clashes = set(matched.columns) & set(frame.columns)
    return frame.hstack(matched.rename({c: f"{c}_right" for c in clashes}))


def per_distinct(frame: pl.DataFrame, keys: list[str],
                 build: Callable[[pl.LazyFrame], pl.LazyFrame]) -> pl.DataFrame:
    """`frame` with the columns `build` adds to a table of its distinct `keys` (nulls
    included), in `frame`'s order: text worked out once per distinct value (a file holds a
    few hundred) instead of once per row."""
    table = build(frame.lazy().select(keys).unique())
    return attach(frame, table, keys, nulls_equal=True)
