"""The list of convictions not in Exhibit 1 and the impact report, read back."""

import io
import json
from datetime import date, datetime
from pathlib import Path

import msoffcrypto
import polars as pl
import pytest

from app.eligibility.rules import RULES
from app.errors import InputError
from app.exports.challenged import HEADERS, HELD_BACK_GROUND, STAFF_GROUND, write_challenged
from app.exports.impact_report import write_impact_report
from app.exports.inputs import read_summary
from app.exports.office import OfficeDetails
from app.exports.relief import accounting, outcomes
from app.review.decisions import DecisionBook, apply_decisions
from tests.app.exports.frames import SCHEMA, conviction, sample_determinations, sample_summary
from tests.app.exports.pdfs import flat_text, font_files, page_count
from tests.app.exports.workbooks import unseal

PASSWORD = "Challenge-list-2026"
PRIVATE = "sale to a minor shown in the police report, per DDA Smith"


def with_staff_challenge() -> pl.DataFrame:
    """Staff challenged Roe's felony with a private reason; Moe's review is still open."""
    frame = sample_determinations()
    book = DecisionBook()
    book.decide(frame, [("200", "001001001000")], final="challenge", reason=PRIVATE,
                note="ask the PD about the docket")  # fmt: skip
    return apply_decisions(frame, book)


def listed_rows(path: Path) -> dict[str, tuple[object, ...]]:
    sheet = unseal(path, PASSWORD).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == HEADERS
    return {str(row[1]): row for row in values[1:]}


def test_every_conviction_not_in_exhibit_1_is_listed_with_its_ground(tmp_path: Path) -> None:
    path = tmp_path / "challenged_cases.xlsx"
    rows = write_challenged(path, outcomes(with_staff_challenge()), county="SACRAMENTO",
                            password=PASSWORD)  # fmt: skip
    assert rows == 5
    listed = listed_rows(path)
    assert set(listed) == {"MOE, MARY", "ROE, RICHARD", "ZOE, ZED", "LEE, LOU", "FAY, FERN"}
    moe, roe = listed["MOE, MARY"], listed["ROE, RICHARD"]
    assert moe[9] == "Pending review" and roe[9] == "Challenged"
    assert moe[10] == "Prior super strike: the DA may challenge (PC 667(e)(2)(C)(iv))"
    assert (moe[11], moe[12]) == ("prior_super_strike", "prior super strike 187 PC on 1990-03-01")
    assert roe[10] == STAFF_GROUND
    assert listed["ZOE, ZED"][9:11] == ("Not eligible", "Not a Prop 64 offence (HS 11361.8)")
    assert listed["LEE, LOU"][9] == "Already granted"
    assert listed["FAY, FERN"][9:11] == ("Pending review", HELD_BACK_GROUND)
    assert moe[8] == datetime(1999, 3, 2)
    text = " ".join(str(value) for row in listed.values() for value in row)
    assert "Smith" not in text and "docket" not in text  # staff reasons and notes stay private
    sheet = unseal(path, PASSWORD).active
    assert sheet.oddHeader.center.text == "CONFIDENTIAL - UNDER SEAL"
    assert sheet.freeze_panes == "A2" and sheet.print_title_rows == "$1:$1"


def test_the_list_is_always_sealed(tmp_path: Path) -> None:
    path = tmp_path / "challenged_cases.xlsx"
    write_challenged(path, outcomes(sample_determinations()), county="SACRAMENTO",
                     password=PASSWORD)  # fmt: skip
    assert msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes())).is_encrypted()


def test_past_the_deadline_a_ground_is_no_new_challenge(tmp_path: Path) -> None:
    path = tmp_path / "challenged_cases.xlsx"
    write_challenged(path, outcomes(with_staff_challenge()), county="SACRAMENTO",
                     password=PASSWORD, past_deadline=True)  # fmt: skip
    assert listed_rows(path)["ROE, RICHARD"][9] == "Ground found (no new challenge)"


def test_control_characters_do_not_stop_the_list(tmp_path: Path) -> None:
    frame = sample_determinations().with_columns(pl.col("facts") + "\x07")
    path = tmp_path / "challenged_cases.xlsx"
    write_challenged(path, outcomes(frame), county="SACRAMENTO", password=PASSWORD)
    assert str(listed_rows(path)["MOE, MARY"][12]).endswith("\ufffd")


OFFICE = OfficeDetails(county="SACRAMENTO", da_name="ALEXANDRA HAMILTON",
                       title="District Attorney", public_contact="Press office, (916) 555-0100")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("impact") / "impact_report.pdf"
    write_impact_report(path, sample_summary(), outcomes(with_staff_challenge()), OFFICE)
    return path


def test_the_impact_report_speaks_plainly_after_staff_decisions(report: Path) -> None:
    text = flat_text(report)
    counts = accounting(outcomes(with_staff_challenge()))
    assert counts.granted == 6
    for phrase in (
        "Office of the District Attorney, County of Sacramento (District Attorney ALEXANDRA "
        "HAMILTON)",
        "Contact: Press office, (916) 555-0100",
        "evaluated as of November 1, 2026, after the decisions of the District Attorney's "
        "staff (who decided or confirmed 0 of the 6 convictions granted relief)",
        "Identified by the Department of Justice 11",
        "Granted relief in this filing 6",
        "Dismissed and sealed (now lawful) 3",
        "Dismissed and sealed at the District Attorney's request 1",
        "Felony convictions granted relief 3",
        "Misdemeanor convictions granted relief 3",
        "Not eligible, or a legal ground to oppose relief 2",
        "Relief already granted earlier 1",
        "Still under review 2",
        "People with a conviction identified 8",
        "People granted relief in this filing 4",
        "People left with no felony conviction * 2",
        "People left with no conviction at all * 1",
        "before staff decisions; the other figures are after staff decisions",
        "White 2 50.0%",
        "Black 1 25.0%",
        "Asian 1 25.0%",
        "People granted relief, by race",
    ):
        assert phrase in text, phrase
    for jargon in ("Determination:", "DISMISS_RULE", "_RULE", "Review ", "Hispanic"):
        assert jargon not in text, jargon  # Roe (Hispanic) is challenged now: not granted
    assert [rule.id for rule in RULES if rule.id in text] == []  # rules go unnamed, or by title
    assert "offence" not in text.lower() and "floor" not in text.lower()


def test_thousands_have_separators(tmp_path: Path) -> None:
    rows = [conviction(str(n), "001", "dismiss", name=f"P{n},A") for n in range(1, 1201)]
    path = tmp_path / "impact_report.pdf"
    write_impact_report(path, sample_summary(), outcomes(pl.DataFrame(rows, schema=SCHEMA)),
                        OFFICE)  # fmt: skip
    text = flat_text(path)
    assert "Granted relief in this filing 1,200" in text
    assert "1,200 100.0%" in text
    assert "1200" not in text.replace("1,200", "")  # chart labels too


def test_impact_report_fonts_are_embedded(report: Path) -> None:
    fonts = font_files(report)
    assert fonts and all(fonts.values()), fonts
    assert page_count(report) >= 1


def test_missing_figures_are_refused_never_invented(tmp_path: Path) -> None:
    """A summary.json without a whole-record figure never reaches the report: its reader
    names the key. The report states the summary's own figures; a blank office detail
    prints as a bracketed blank."""
    figures = sample_summary().to_json()
    del figures["people_no_felony"]
    (tmp_path / "summary.json").write_text(json.dumps(figures), encoding="utf-8")
    with pytest.raises(InputError, match=r"summary\.json: has no key people_no_felony"):
        read_summary(tmp_path / "summary.json")
    path = tmp_path / "impact_report.pdf"
    frame = pl.DataFrame([conviction("1", "001", "dismiss", offense=date(2001, 1, 1))],
                         schema=SCHEMA)  # fmt: skip
    write_impact_report(path, sample_summary(), outcomes(frame), OfficeDetails())
    text = flat_text(path)
    assert "People left with no felony conviction * 2" in text
    assert "Contact: [PUBLIC CONTACT]" in text
