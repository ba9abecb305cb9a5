"""rows.tidied: trimmed values, each column kept as it was read (text or categories)."""

import polars as pl

from app.eligibility.rows import tidied


def test_text_and_categories_are_trimmed_and_keep_their_type() -> None:
    frame = pl.DataFrame({
        "DISP_DESCR": ["CONVICTED  ", " DISMISSED", None, "CONVICTED"],
        "STP_TYPE_DESCR": ["COURT ACTION", "COURT ACTION", "ARREST", "ARREST"],
        "SUBJECT_ID": [" 12", "12", None, "13"],
        "CNT_ORDER": ["001001001000"] * 4,
    }).with_columns(pl.col("DISP_DESCR", "STP_TYPE_DESCR").cast(pl.Categorical))
    out = tidied(frame, "DISP_DESCR", "STP_TYPE_DESCR", "SUBJECT_ID", "CNT_ORDER")
    assert out.schema == frame.schema
    assert out["DISP_DESCR"].cast(pl.String).to_list() == ["CONVICTED", "DISMISSED", "",
                                                           "CONVICTED"]
    assert out["SUBJECT_ID"].to_list() == ["12", "12", "", "13"]
    # Columns with nothing to trim are the very same columns, not copies.
    assert out["STP_TYPE_DESCR"].equals(frame["STP_TYPE_DESCR"])
    assert out["CNT_ORDER"].equals(frame["CNT_ORDER"])
