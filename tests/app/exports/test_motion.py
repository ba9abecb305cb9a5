import itertools
from pathlib import Path

import polars as pl
import pytest
from PIL import Image

from app.exports.motion import MOTION_TITLE, ORDER_TITLE, MotionFacts, write_motion
from app.exports.office import OfficeDetails
from app.exports.pleading import LINES_PER_PAGE, PAGE_HEIGHT, RIGHT_RULE, TEXT_LEFT, baseline
from tests.app.exports.frames import repeated, sample_determinations, sample_summary
from tests.app.exports.pdfs import (
    Word,
    body_text,
    flat_text,
    font_files,
    page_count,
    page_words,
    pdf_text,
    render_pages,
)

OFFICE = OfficeDetails(
    county="SACRAMENTO",
    department="61",
    da_name="ALEXANDRA HAMILTON",
    title="District Attorney",
    state_bar_number="234567",
    office_address="901 G Street\nSacramento, CA 95814",
    phone="(916) 555-0142",
    email="prop64@da.example.org",
    signing_deputy="BENJAMIN OKAFOR",
    deputy_title="Deputy District Attorney",
)


@pytest.fixture(scope="module")
def motion(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("motion") / "motion_and_order.pdf"
    write_motion(path, sample_determinations(), MotionFacts.from_summary(sample_summary()), OFFICE)
    return path


@pytest.fixture(scope="module")
def blank_motion(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("blank") / "motion_and_order.pdf"
    summary = {k: v for k, v in sample_summary().items() if k != "doj_file_date"}
    write_motion(path, sample_determinations(), MotionFacts.from_summary(summary), OfficeDetails())
    return path


def line_numbers(words: list[Word]) -> dict[int, Word]:
    margin = [w for w in words if w.x_max < TEXT_LEFT - 10 and w.text.isdigit()]
    return {int(w.text): w for w in margin}


def test_the_motion_states_its_authority_county_dates_and_counts(motion: Path) -> None:
    text = body_text(motion)
    footers = flat_text(motion)
    assert "NOTICE AND MOTION TO DISMISS; SEAL; AND PROTECT" in footers
    assert "[PROPOSED] ORDER TO DISMISS; SEAL; AND PROTECT" in footers
    for phrase in (
        "Health and Safety Code sections 11361.8 and 11361.9 and Penal Code section 13300 et seq.",
        "SUPERIOR COURT OF CALIFORNIA, COUNTY OF SACRAMENTO",
        "THE PERSONS LISTED IN EXHIBIT 1",
        "THE PUBLIC DEFENDER, AND TO THE ALTERNATE PUBLIC DEFENDER OF SACRAMENTO COUNTY",
        # the court's address from the shipped table (the office left it blank)
        "move the Court, located at 720 Ninth Street, Sacramento, CA 95814, under",
        "On October 15, 2026, the Department of Justice identified",
        "as of November 1, 2026",
        "does not challenge the relief requested for the 5 convictions of 4 persons listed in "
        "Exhibit 1",
        "city attorney",
        "dismissal and sealing of 3 convictions",
        "(a) dismissal and sealing of 3 convictions (relief “Dismiss and seal”); (b) "
        "redesignation of 1 conviction as misdemeanors or infractions (relief “Redesignate”); "
        "and (c) recall and resentencing of 1 conviction of persons",
        "Of the others, 1 conviction is not eligible",
        "A further 1 conviction remains under review and is not part of this motion",
        "1 court case qualifies",
        "Penal Code sections 11142 and 13300 through 13303",
        "ALEXANDRA HAMILTON",
        "BENJAMIN OKAFOR",
        "State Bar No. 234567",
        "Dept.: 61",
        # the proposed order
        "The motion is GRANTED.",
        "Each of the 3 convictions listed in Exhibit 1 with the relief “Dismiss and seal” is "
        "dismissed and sealed",
        "sealed envelope",
        "report the dispositions to the Department of Justice",
        "IT IS SO ORDERED.",
        "JUDGE OF THE SUPERIOR COURT",
    ):
        assert phrase in text, phrase
    assert "[" not in text.replace("[PROPOSED]", "").replace("[CASE NUMBER]", "").replace(
        "[HEARING DATE]", ""
    ).replace("[TIME]", "").replace("[Health & Saf. Code", "")


def test_a_court_address_typed_on_several_lines_reads_as_one(tmp_path: Path) -> None:
    path = tmp_path / "motion_and_order.pdf"
    office = OfficeDetails(county="STANISLAUS", court_address="800 11th Street\nModesto, CA")
    summary = {**sample_summary(), "county": "STANISLAUS"}
    write_motion(path, sample_determinations(), MotionFacts.from_summary(summary), office)
    assert "located at 800 11th Street, Modesto, CA, under" in body_text(path)
    blank = tmp_path / "blank.pdf"
    write_motion(blank, sample_determinations(), MotionFacts.from_summary(summary),
                 OfficeDetails())  # Stanislaus: the shipped table has no address
    assert "located at [COURT ADDRESS], under" in body_text(blank)


def test_missing_details_are_bracketed_blanks_never_invented(blank_motion: Path) -> None:
    text = body_text(blank_motion)
    for blank in ("[DA NAME]", "[TITLE]", "[STATE BAR NO.]", "[OFFICE ADDRESS]", "[PHONE]",
                  "[E-MAIL]", "[DEPT.]", "[CASE NUMBER]", "[DOJ FILE DATE]"):  # fmt: skip
        assert blank in text, blank
    # The county comes from the evaluation and the court from the shipped table.
    assert "SUPERIOR COURT OF CALIFORNIA, COUNTY OF SACRAMENTO" in text
    assert "ALEXANDRA" not in text and "@" not in text


def test_every_page_is_pleading_paper_with_28_lines_24_points_apart(motion: Path) -> None:
    pages = page_count(motion)
    assert pages >= 4  # a motion and an order, each of at least two pages
    for page in range(1, pages + 1):
        numbers = line_numbers(page_words(motion, page))
        assert sorted(numbers) == list(range(1, LINES_PER_PAGE + 1)), page
        tops = [numbers[n].y_max for n in range(1, LINES_PER_PAGE + 1)]
        assert all(abs(b - a - 24.0) < 0.01 for a, b in itertools.pairwise(tops))
        # pdftotext measures from the top; our layout's baseline of line 1 must match it
        assert abs((PAGE_HEIGHT - numbers[1].y_max) - (baseline(1) - 3.0)) < 3.0


def test_text_sits_on_the_numbered_lines_inside_the_margins(motion: Path) -> None:
    for page in range(1, page_count(motion) + 1):
        words = page_words(motion, page)
        numbers = line_numbers(words)
        line_of = {round(w.y_max, 1): n for n, w in numbers.items()}
        last_line_bottom = numbers[LINES_PER_PAGE].y_max
        body = [w for w in words if w.x_min >= TEXT_LEFT - 0.5 and w.y_max <= last_line_bottom]
        assert body, page
        for word in body:
            assert round(word.y_max, 1) in line_of, (page, word)
            assert word.x_max <= RIGHT_RULE - 2, (page, word)


def test_first_page_caption_layout(motion: Path) -> None:
    words = page_words(motion, 1)
    numbers = line_numbers(words)

    def on_line(n: int) -> list[Word]:
        return [w for w in words if abs(w.y_max - numbers[n].y_max) < 0.1 and w.x_min > 60]

    centre = 306.0
    for n in range(1, 8):  # attorney block at the left; clerk's space right of centre
        assert on_line(n), n
        assert all(w.x_max < centre for w in on_line(n)), n
    assert [w.text for w in on_line(1)] == ["ALEXANDRA", "HAMILTON"]
    assert " ".join(w.text for w in on_line(8)).startswith("SUPERIOR COURT OF CALIFORNIA")
    below = [w for w in words if w.y_max > numbers[8].y_max]
    case = next(w for w in below if w.text == "Case")
    people = next(w for w in below if w.text == "PEOPLE")
    assert case.x_min > centre and people.x_min < centre
    assert abs(case.y_max - people.y_max) < 0.1  # case title left, case number right


def test_footer_title_and_page_numbers_restart_per_document(motion: Path) -> None:
    pages = pdf_text(motion, layout=True).split("\f")[:-1]
    footers = [page.strip().splitlines()[-1].strip() for page in pages]
    motion_pages = footers.count(MOTION_TITLE)
    assert motion_pages >= 2 and footers.count(ORDER_TITLE) == len(pages) - motion_pages
    numbers = [page.strip().splitlines()[-2].replace(" ", "") for page in pages]
    expected = [f"-{n}-" for n in range(1, motion_pages + 1)]
    expected += [f"-{n}-" for n in range(1, len(pages) - motion_pages + 1)]
    assert numbers == expected
    notice = [w for w in page_words(motion, 1) if w.text == "NOTICE"]
    body, footer = notice[0], notice[-1]  # the caption's 12 pt title and the footer's
    assert footer.y_min > body.y_max
    height = footer.y_max - footer.y_min
    assert height >= (body.y_max - body.y_min) * 10 / 12 - 0.01  # at least 10 pt


def test_fonts_are_embedded_and_text_is_searchable(motion: Path) -> None:
    fonts = font_files(motion)
    assert fonts and all(fonts.values()), fonts
    assert all("LiberationSerif" in name for name in fonts)
    assert "11361.8" in pdf_text(motion)


def test_pages_render_as_letter_paper(motion: Path, tmp_path: Path) -> None:
    images = render_pages(motion, tmp_path)
    assert len(images) == page_count(motion)
    for image in images:
        with Image.open(image) as png:
            assert png.size == (510, 660)  # 8.5 x 11 in at 60 dpi
            assert png.convert("L").getextrema()[0] < 64  # ink on the page


def test_a_long_run_still_fits_the_paper(tmp_path: Path) -> None:
    path = tmp_path / "motion.pdf"
    frame = repeated(sample_determinations(), 2000)
    write_motion(path, frame, MotionFacts.from_summary(sample_summary()), OFFICE)
    assert "10,000 convictions of 8,000 persons" in body_text(path)


def test_kinds_of_relief_not_asked_for_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "motion.pdf"
    frame = sample_determinations().filter(pl.col("subject_id") != "300")  # nobody serving
    write_motion(path, frame, MotionFacts.from_summary(sample_summary()), OFFICE)
    text = body_text(path)
    assert "(b) redesignation of 1 conviction as misdemeanors or infractions (relief " in text
    assert "Recall and resentence" not in text and "(c)" not in text
    assert "no conviction" not in text
