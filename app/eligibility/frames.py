"""Small helpers on polars frames that the eligibility modules share."""

from collections.abc import Callable

import polars as pl


def collect(frame: pl.LazyFrame) -> pl.DataFrame:
    """Collected by polars' in-memory engine: the engine's frames are a few hundred thousand
    rows at most, where the streaming engine's setup for a plan of many expressions costs
    more than the work (on 150,000 candidates, a third of the evaluation)."""
    return frame.collect(engine="in-memory")


def attach(frame: pl.DataFrame, table: pl.LazyFrame | pl.DataFrame, on: str | list[str]
           ) -> pl.DataFrame:
    """`frame` left-joined with a table holding at most one row per key, in `frame`'s order.

    Only the key columns go through the join; the matched values are then set beside
    `frame`. A join that carries every column of a wide frame costs several times more.
    """
    keys = [on] if isinstance(on, str) else on
    matched = (
        frame.lazy().select(keys).join(table.lazy(), on=keys, how="left",
                                       maintain_order="left")
        .pipe(collect).drop(keys)
    )
    clashes = set(matched.columns) & set(frame.columns)
    return frame.hstack(matched.rename({c: f"{c}_right" for c in clashes}))


def per_distinct(frame: pl.DataFrame, keys: list[str],
                 build: Callable[[pl.LazyFrame], pl.LazyFrame]) -> pl.DataFrame:
    """`frame` with the columns `build` adds (row for row, as `with_columns` does) to a
    table of its distinct `keys` (null a value like any other), in `frame`'s order: text
    worked out once per distinct value (a file holds a few hundred) instead of once per row.
    """
    groups = (frame.lazy().select(keys).with_row_index("_row").group_by(keys).agg("_row")
              .pipe(collect))
    table = build(groups.lazy().drop("_row")).pipe(collect).drop(keys)
    # Each row's group: the group numbers listed by row number. (A join on the keys, text
    # columns most of them, cost twice as much.)
    which = (groups.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("_group"), "_row")
             .explode("_row").sort("_row")["_group"])
    return frame.hstack(table[which])
