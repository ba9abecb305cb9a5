"""Small helpers on polars frames that the eligibility modules share."""

import polars as pl


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
        .collect().drop(keys)
    )
    clashes = set(matched.columns) & set(frame.columns)
    return frame.hstack(matched.rename({c: f"{c}_right" for c in clashes}))
