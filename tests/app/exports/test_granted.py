import polars as pl
from polars.testing import assert_frame_equal

from app.exports.granted import (
    challenged_or_pending,
    display_name,
    granted_convictions,
    relief_counts,
)
from tests.app.exports.frames import sample_determinations


def test_granted_rows_carry_relief_and_whether_the_whole_case_is_dismissed() -> None:
    granted = granted_convictions(sample_determinations())
    expected = pl.DataFrame(
        {
            "subject_id": ["100", "100", "400", "300", "200"],
            "cnt_order": ["001001001000", "001001002000", "001001001000", "001001001000",
                          "001001001000"],
            "relief": ["Dismiss and seal", "Dismiss and seal", "Dismiss and seal",
                       "Recall and resentence", "Redesignate"],
            # Doe's case is all dismissed; Moe's has a count in review; Roe's a non-Prop 64
            # count; Poe's conviction is reduced, not dismissed.
            "case_all_dismissed": [True, True, False, False, False],
        }
    )  # fmt: skip
    assert_frame_equal(granted.select(expected.columns), expected)
    assert granted.get_column("basis")[4] == (
        "Felony HS 11359: redesignate as a misdemeanor (HS 11361.8(a)-(b), (f))"
    )


def test_staff_decisions_override_the_engine() -> None:
    frame = sample_determinations().with_columns(
        pl.when(pl.col("determination") == "review")
        .then(pl.lit("dismiss"))
        .when(pl.col("subject_id") == "200")
        .then(pl.lit("challenge"))
        .otherwise(pl.col("determination"))
        .alias("final_determination"),
        pl.when(pl.col("determination") == "review")
        .then(pl.lit("changed"))
        .otherwise(pl.lit("accepted"))
        .alias("status"),
        pl.when(pl.col("determination") == "review")
        .then(pl.lit("super strike was a juvenile adjudication"))
        .otherwise(pl.lit(None, pl.String))
        .alias("decision_reason"),
    )
    granted = granted_convictions(frame)
    moe = granted.filter(pl.col("subject_id") == "400")
    assert moe.get_column("case_all_dismissed").to_list() == [True, True]
    assert moe.get_column("basis").to_list()[1] == (
        "Staff decision: super strike was a juvenile adjudication"
    )
    assert "200" not in granted.get_column("subject_id").to_list()
    counts = relief_counts(frame)
    assert (counts.granted, counts.challenged, counts.pending_review) == (5, 1, 0)
    listed = challenged_or_pending(frame)
    assert listed.get_column("status_text").to_list() == ["Challenged"]


def test_counts_recited_by_the_motion() -> None:
    counts = relief_counts(sample_determinations())
    assert counts.convictions_evaluated == 7
    assert (counts.granted, counts.dismiss, counts.redesignate, counts.resentence) == (5, 3, 1, 1)
    assert (counts.people, counts.cases_all_dismissed) == (4, 1)
    assert (counts.challenged, counts.pending_review, counts.not_eligible) == (0, 1, 1)


def test_unresolved_reviews_are_listed_as_pending() -> None:
    listed = challenged_or_pending(sample_determinations())
    assert listed.select("subject_id", "status_text").rows() == [("400", "Pending review")]


def test_names_read_last_comma_first() -> None:
    assert display_name("DOE,JANE Q") == "DOE, JANE Q"
    assert display_name("CHER") == "CHER"
    assert display_name(None) == ""
