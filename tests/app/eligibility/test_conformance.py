"""The BEAR preset reproduces gogen's answers on the public conformance set."""

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from app.doj.source import DojSource
from app.eligibility.policy import load_bear_options
from app.pipeline import evaluate_sources

CONFORMANCE = Path(__file__).resolve().parents[4] / "shared" / "conformance"
pytestmark = pytest.mark.skipif(
    not CONFORMANCE.is_dir(), reason=f"public conformance set not found at {CONFORMANCE}"
)
GOGEN = {"Eligible for Dismissal": "dismiss", "Eligible for Reduction": "reduce"}


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    policy = load_bear_options(CONFORMANCE / "eligibility_options.json")
    source = DojSource.from_path(CONFORMANCE / "configurable_flow_input.csv")
    return evaluate_sources([source], county="SACRAMENTO", policy=policy,
                            as_of=date(2019, 11, 11))


@pytest.fixture(scope="module")
def expected() -> pl.DataFrame:
    frame = pl.read_csv(CONFORMANCE / "configurable_flow_expected_All_Results.csv",
                        infer_schema=False)
    return frame.filter(pl.col("Eligibility Determination").fill_null("") != "").select(
        pl.col("SUBJECT_ID").alias("subject_id"),
        pl.col("CNT_ORDER").alias("cnt_order"),
        pl.col("Eligibility Determination").replace_strict(GOGEN).alias("expected"),
        pl.col("Eligibility Reason").alias("expected_reason"),
        pl.col("Case Number").alias("expected_case"),
    )


def test_every_conviction_gets_gogens_determination_and_reason(result, expected) -> None:  # type: ignore[no-untyped-def]
    ours = result.determinations.select("subject_id", "cnt_order", "determination",
                                        "bear_reason", "case_number")
    joined = expected.join(ours, on=["subject_id", "cnt_order"], how="full", coalesce=True)
    assert joined.height == expected.height == ours.height == 18
    mismatched = joined.filter(
        (pl.col("expected") != pl.col("determination"))
        | (pl.col("expected_reason") != pl.col("bear_reason"))
        | pl.col("determination").is_null()
        | pl.col("expected").is_null()
    )
    assert mismatched.is_empty(), mismatched


def test_case_numbers_match_except_the_null_placeholder(result, expected) -> None:  # type: ignore[no-untyped-def]
    joined = expected.join(result.determinations, on=["subject_id", "cnt_order"])
    for row in joined.iter_rows(named=True):
        theirs = [c.strip() for c in (row["expected_case"] or "").split(";")
                  if c.strip() not in ("", "NULL")]
        assert row["case_number"] == "; ".join(theirs)


def test_people_figures(result) -> None:  # type: ignore[no-untyped-def]
    summary = result.summary
    assert summary.people_evaluated == 12
    assert summary.people_with_relief == 12
    # By hand from the expected file: people whose every felony got relief ...
    assert summary.people_no_felony == 5
    # ... and whose every conviction is dismissed (gogen's no-conviction rule).
    assert summary.people_no_conviction == 4


def test_no_headers_file_reads_like_the_headed_one() -> None:
    source = DojSource.from_path(CONFORMANCE / "no_headers.csv")
    result = evaluate_sources([source], county="SAN JOAQUIN",
                              policy=load_bear_options(CONFORMANCE / "eligibility_options.json"),
                              as_of=date(2019, 11, 11))
    assert result.rows.height == 38
    assert result.determinations.height > 0
    assert set(result.determinations["county"]) == {"SAN JOAQUIN"}
