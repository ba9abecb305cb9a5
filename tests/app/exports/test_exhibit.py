import io
from datetime import datetime
from pathlib import Path

import msoffcrypto
import openpyxl
import openpyxl.worksheet._writer as openpyxl_writer
import polars as pl
import pytest
from msoffcrypto.exceptions import InvalidKeyError

from app.exports.exhibit import CONFIDENTIAL, HEADERS
from app.exports.exhibit import write_exhibit as write_from_outcomes
from app.exports.relief import accounting, granted_convictions, outcomes
from app.jobs import Cancelled, CancelToken, Progress
from app.review.decisions import DecisionBook, apply_decisions
from tests.app.exports.frames import repeated, sample_determinations
from tests.app.exports.workbooks import unseal

PASSWORD = "Sealed-exhibit-2026"


def write_exhibit(path: Path, determinations: pl.DataFrame, **options: object) -> int:
    frame = outcomes(determinations)
    return write_from_outcomes(path, frame, accounting(frame), **options)  # type: ignore[arg-type]


def test_the_exhibit_opens_only_with_its_password(tmp_path: Path) -> None:
    path = tmp_path / "exhibit_1.xlsx"
    write_exhibit(path, sample_determinations(), county="SACRAMENTO", password=PASSWORD)
    office = msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes()))
    assert office.is_encrypted()
    with pytest.raises(Exception):  # noqa: B017 - openpyxl's error for a non-zip varies
        openpyxl.load_workbook(path)
    office.load_key(password="not-the-password")
    with pytest.raises(InvalidKeyError):
        office.decrypt(io.BytesIO())
    assert unseal(path, PASSWORD).active is not None


def test_rows_are_exactly_the_granted_convictions(tmp_path: Path) -> None:
    frame = sample_determinations()
    path = tmp_path / "exhibit_1.xlsx"
    assert write_exhibit(path, frame, county="SACRAMENTO", password=PASSWORD) == 7
    sheet = unseal(path, PASSWORD)["Exhibit 1"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    granted = granted_convictions(outcomes(frame))
    assert [row[3] for row in rows[1:]] == granted.get_column("cii_number").to_list()
    assert rows[1] == (
        1, "DOE, JANE Q", datetime(1970, 5, 17), "A100", "99M100001", "CASC SACRAMENTO",
        "11357(A) HS", "Misdemeanor", datetime(1999, 3, 2), "Dismissed and sealed as now lawful",
        "HS 11361.8(e)-(f); HS 11362.1", "Yes",
    )  # fmt: skip
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["POE, EDGAR A"][9:11] == ("Recalled and resentenced", "HS 11361.8(a)-(b)")
    assert by_name["ROE, RICHARD"][9] == "Redesignated as a misdemeanor"
    assert by_name["ROE, RICHARD"][11] == "No"  # another, non-Prop 64 conviction in the case
    assert by_name["MOE, MARY"][11] == "No"  # another count of the case is still in review
    # The county policy's dismissal is the People's request, and without a case number it
    # is listed and flagged, never marked for sealing a whole case.
    kay = [row for row in rows[1:] if row[1] == "KAY, KIM"]
    assert [row[4:] for row in kay] == [
        ("No case number", "CASC SACRAMENTO", "11359 HS", "Felony", datetime(1999, 3, 2),
         "Dismissed and sealed at the People's request", "County policy", "No case number"),
        ("99M700002", "CASC SACRAMENTO", "11360(A) HS", "Felony", datetime(1999, 3, 2),
         "Redesignated as an infraction", "HS 11361.8(e)-(f)", "No"),
    ]  # fmt: skip
    assert [row[0] for row in rows[1:]] == [1, 2, 3, 4, 5, 6, 7]
    cells = {str(value) for row in rows for value in row}
    # no race, nobody not granted (Zoe not eligible, Lee already granted, Fay held back)
    assert not cells & {"WHITE", "HISPANIC", "BLACK", "ASIAN", "ZOE, ZED", "LEE, LOU",
                        "FAY, FERN"}  # fmt: skip
    assert sheet["C2"].is_date and sheet["C2"].number_format == "mm/dd/yyyy"


def test_the_totals_sheet_gives_the_motions_figures(tmp_path: Path) -> None:
    path = tmp_path / "exhibit_1.xlsx"
    write_exhibit(path, sample_determinations(), county="SACRAMENTO", password=PASSWORD)
    book = unseal(path, PASSWORD)
    assert book.sheetnames == ["Exhibit 1", "Totals"]
    totals = {row[0].strip(): row[1] for row in book["Totals"].iter_rows(min_row=2,
                                                                        values_only=True)}
    assert totals == {
        "Convictions listed in Exhibit 1": 7,
        "Dismissed and sealed as now lawful": 3,
        "Dismissed and sealed at the People's request": 1,
        "Redesignated as a misdemeanor": 1,
        "Redesignated as an infraction": 1,
        "Recalled and resentenced": 1,
        "Persons listed in Exhibit 1": 5,
        "Court cases in which every conviction is dismissed": 1,
        "Convictions with no court case number": 1,
        "Not in Exhibit 1 (listed separately)": 4,
        "Challenged or not eligible": 1,
        "Already granted": 1,
        "Pending review": 2,
        "Convictions identified by the Department of Justice": 11,
    }


def test_a_staff_reason_or_note_never_reaches_the_exhibit(tmp_path: Path) -> None:
    frame = sample_determinations()
    book = DecisionBook()
    book.decide(frame, [("400", "001001002000")], final="reduce",
                reason="Sentence not complete per court docket; DDA Smith asked to reduce only",
                note="call the PD before filing")  # fmt: skip
    book.decide(frame, [("200", "001001001000")], final="dismiss", reason="DDA Jones: exception")
    path = tmp_path / "exhibit_1.xlsx"
    write_exhibit(path, apply_decisions(frame, book), county="SACRAMENTO", password=PASSWORD)
    rows = list(unseal(path, PASSWORD)["Exhibit 1"].iter_rows(values_only=True))
    text = " ".join(str(value) for row in rows for value in row)
    for private in ("docket", "Smith", "Jones", "call the PD", "exception", "Staff decision"):
        assert private not in text
    moe = [row for row in rows if row[1] == "MOE, MARY" and row[6] == "11360(A) HS"]
    assert moe[0][9:11] == ("Redesignated as a misdemeanor",
                            "HS 11361.8(e)-(f); District Attorney's decision")  # fmt: skip


def test_header_and_print_setup(tmp_path: Path) -> None:
    path = tmp_path / "exhibit_1.xlsx"
    write_exhibit(path, sample_determinations(), county="SACRAMENTO", password=PASSWORD)
    sheet = unseal(path, PASSWORD).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:L8"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.oddHeader.center.text == CONFIDENTIAL
    assert CONFIDENTIAL == "CONFIDENTIAL - LODGED CONDITIONALLY UNDER SEAL"
    assert "Sacramento" in sheet.oddHeader.left.text
    assert sheet.oddFooter.right.text == "Page &P of &N"
    assert all(sheet.cell(1, column).font.bold for column in range(1, len(HEADERS) + 1))
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKL"]
    assert all(6 <= width <= 45 for width in widths)


def test_a_large_exhibit_reports_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    frame = repeated(sample_determinations(), 400)  # 2,800 exhibit rows
    reports: list[Progress] = []
    path = tmp_path / "exhibit_1.xlsx"
    rows = write_exhibit(path, frame, county="SACRAMENTO", password=PASSWORD,
                         progress=reports.append)  # fmt: skip
    assert rows == 2800
    counted = [r.done for r in reports if r.total == 2800]
    assert counted[:2] == [1000, 2000] and counted[-1] == 2800
    assert reports[-1].text.startswith("Sealing")

    cancel = CancelToken()

    def cancel_at_first_report(progress: Progress) -> None:
        if progress.done >= 1000:
            cancel.cancel()

    other = tmp_path / "cancelled.xlsx"
    with pytest.raises(Cancelled):
        write_exhibit(other, frame, county="SACRAMENTO", password=PASSWORD,
                      progress=cancel_at_first_report, cancel=cancel)  # fmt: skip
    assert not other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exhibit_1.xlsx"]


def test_an_empty_exhibit_is_still_a_valid_sealed_workbook(tmp_path: Path) -> None:
    frame = sample_determinations().filter(pl.col("determination") == "review")
    path = tmp_path / "exhibit_1.xlsx"
    assert write_exhibit(path, frame, county="SACRAMENTO", password=PASSWORD) == 0
    rows = list(unseal(path, PASSWORD)["Exhibit 1"].iter_rows(values_only=True))
    assert rows == [HEADERS]


def test_unsealed_rows_never_touch_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl's write-only mode streams rows through a temporary file unless told otherwise."""
    created: list[str] = []
    real = openpyxl_writer.create_temporary_file

    def recording(suffix: str = "") -> str:
        name: str = real(suffix)
        created.append(name)
        return name

    monkeypatch.setattr(openpyxl_writer, "create_temporary_file", recording)
    out = tmp_path / "out"
    write_exhibit(out / "exhibit_1.xlsx", repeated(sample_determinations(), 300),
                  county="SACRAMENTO", password=PASSWORD)  # fmt: skip
    assert created == []
    assert [p.name for p in out.iterdir()] == ["exhibit_1.xlsx"]


def test_control_characters_in_doj_values_do_not_stop_the_export(tmp_path: Path) -> None:
    """openpyxl refuses characters XML cannot hold (fuzzing found \\x01 in a case number
    stopping the export with an internal error); they show as U+FFFD instead."""
    frame = sample_determinations().with_columns(
        pl.col("case_number") + "\x01",
        pl.col("name").str.replace("DOE", "D\x1bOE"),
    )
    path = tmp_path / "exhibit_1.xlsx"
    assert write_exhibit(path, frame, county="SACRAMENTO", password=PASSWORD) == 7
    rows = list(unseal(path, PASSWORD).active.iter_rows(values_only=True))
    assert rows[1][1] == "D\ufffdOE, JANE Q"
    assert rows[1][4] == "99M100001\ufffd"
