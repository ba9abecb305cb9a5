"""The challenged-cases list and the impact report, read back."""

import io
from datetime import datetime
from pathlib import Path

import msoffcrypto
import openpyxl
import polars as pl
import pytest

from app.exports.challenged import HEADERS, write_challenged
from app.exports.impact_report import MISSING, write_impact_report
from tests.app.exports.frames import sample_determinations, sample_summary
from tests.app.exports.pdfs import flat_text, font_files, page_count
from tests.app.exports.workbooks import unseal

PASSWORD = "Challenge-list-2026"


def with_staff_challenge(frame: pl.DataFrame) -> pl.DataFrame:
    """Staff challenged Roe's felony; Moe's review is still open."""
    return frame.with_columns(
        pl.when(pl.col("subject_id") == "200")
        .then(pl.lit("challenge"))
        .otherwise(pl.col("determination"))
        .alias("final_determination"),
        pl.when(pl.col("subject_id") == "200")
        .then(pl.lit("sale to a minor shown in the police report"))
        .otherwise(pl.lit(None, pl.String))
        .alias("decision_reason"),
    )


def test_challenged_list_with_control_characters(tmp_path: Path) -> None:
    frame = with_staff_challenge(sample_determinations()).with_columns(
        pl.col("facts") + "\x07", pl.col("decision_reason") + "\x0b"
    )
    path = tmp_path / "challenged_cases.xlsx"
    assert write_challenged(path, frame, county="SACRAMENTO", password=None) == 2
    listed = {row[1]: row for row in openpyxl.load_workbook(path).active.iter_rows(
        values_only=True)}
    assert listed["ROE, RICHARD"][13] == "sale to a minor shown in the police report\ufffd"
    assert listed["MOE, MARY"][12].endswith("\ufffd")


def test_challenged_list_gives_the_ground_of_each(tmp_path: Path) -> None:
    path = tmp_path / "challenged_cases.xlsx"
    rows = write_challenged(path, with_staff_challenge(sample_determinations()),
                            county="SACRAMENTO", password=None)  # fmt: skip
    assert rows == 2
    sheet = openpyxl.load_workbook(path).active  # no password given: a plain workbook
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == HEADERS
    listed = {row[1]: row for row in values[1:]}
    assert set(listed) == {"MOE, MARY", "ROE, RICHARD"}
    moe, roe = listed["MOE, MARY"], listed["ROE, RICHARD"]
    assert moe[9] == "Pending review" and roe[9] == "Challenged"
    assert moe[10] == "Prior super strike: the DA may challenge (PC 667(e)(2)(C)(iv))"
    assert (moe[11], moe[12]) == ("prior_super_strike", "prior super strike 187 PC on 1990-03-01")
    assert roe[13] == "sale to a minor shown in the police report"
    assert moe[8] == datetime(1999, 3, 2)
    assert sheet.oddHeader.center.text == "CONFIDENTIAL"
    assert sheet.freeze_panes == "A2" and sheet.print_title_rows == "$1:$1"


def test_challenged_list_is_sealed_when_a_password_is_given(tmp_path: Path) -> None:
    path = tmp_path / "challenged_cases.xlsx"
    write_challenged(path, sample_determinations(), county="SACRAMENTO", password=PASSWORD)
    office = msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes()))
    assert office.is_encrypted()
    assert unseal(path, PASSWORD).active.max_row == 2  # header + Moe's pending review


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("impact") / "impact_report.pdf"
    write_impact_report(path, sample_summary(), with_staff_challenge(sample_determinations()))
    return path


def test_impact_report_carries_the_published_figures(report: Path) -> None:
    text = flat_text(report)
    for phrase in (
        "County of Sacramento",
        "Evaluated as of 2026-11-01 under the policy “Statutory minimum”",
        "Convictions evaluated 7",
        "People evaluated 5",
        "Determination: Dismiss 3",
        "Determination: Not eligible 1",
        "People with any relief 4",
        "Earliest conviction 1999-03-02",
        "With no felony left 2 3",
        "With no conviction left 1 4",
        "With no conviction left in the 7 years before the as-of date 3 5",
        # compliance view after staff decisions: Roe challenged, Moe pending
        "Identified 7",
        "Granted (in Exhibit 1) 4",
        "Challenged 1",
        "Pending review 1",
        "Misdemeanor or infraction: dismiss and seal 3",
        "Convictions by determination",
        "Convictions by code section",
        "Convictions by year of conviction",
        "Race of people receiving relief",
        "HISPANIC",
    ):
        assert phrase in text, phrase
    assert MISSING not in text


def test_impact_report_fonts_are_embedded(report: Path) -> None:
    fonts = font_files(report)
    assert fonts and all(fonts.values()), fonts
    assert page_count(report) >= 2


def test_missing_figures_are_marked_not_invented(tmp_path: Path) -> None:
    path = tmp_path / "impact_report.pdf"
    summary = {"county": "SACRAMENTO", "as_of": "2026-11-01", "convictions_evaluated": 7}
    write_impact_report(path, summary, sample_determinations())
    text = flat_text(path)
    assert "Convictions evaluated 7" in text
    assert f"People evaluated {MISSING}" in text
    assert f"With no felony left {MISSING} {MISSING}" in text
    assert f"Race of people receiving relief: {MISSING}" in text
    assert "1999" in text  # the year chart falls back to the determinations
