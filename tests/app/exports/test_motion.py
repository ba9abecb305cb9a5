"""The pleading papers (motion, proposed order, Exhibit 1's cover, proof of service), each
alone and combined, read back with poppler as a clerk's software would."""

import itertools
from dataclasses import replace
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from PIL import Image

from app.eligibility.summary import ImpactSummary
from app.exports.motion import MOTION_TITLE, MotionFacts
from app.exports.office import Filing, OfficeDetails
from app.exports.order import ORDER_TITLE
from app.exports.papers import (
    COVER_FILE,
    MOTION_FILE,
    MOTION_ONLY_FILE,
    ORDER_FILE,
    SERVICE_FILE,
    write_papers,
)
from app.exports.pleading import LINES_PER_PAGE, PAGE_HEIGHT, RIGHT_RULE, TEXT_LEFT, baseline
from app.exports.relief import accounting, outcomes
from app.exports.service import COVER_TITLE, SERVICE_TITLE
from tests.app.exports.frames import (
    SCHEMA,
    conviction,
    repeated,
    sample_determinations,
    sample_summary,
)
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
    department="61 - Criminal Law and Motion, Gordon D. Schaber Sacramento County Courthouse",
    da_name="ALEXANDRA HAMILTON",
    title="District Attorney",
    state_bar_number="234567",
    office_address="901 G Street\nSuite 400, Conviction Relief Unit\nSacramento, CA 95814",
    phone="(916) 555-0142",
    email="prop64@da.example.org",
    signing_deputy="BENJAMIN OKAFOR",
    deputy_title="Head Deputy District Attorney, Conviction Integrity Division",
    city_attorneys=(),
    alternate_public_defender=False,
)
SEPARATE = (MOTION_ONLY_FILE, ORDER_FILE, COVER_FILE, SERVICE_FILE)


def write(folder: Path, frame: pl.DataFrame, summary: ImpactSummary,
          office: OfficeDetails) -> Path:  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    write_papers(folder, accounting(outcomes(frame)), MotionFacts.from_summary(summary), office)
    return folder


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("papers"), sample_determinations(), sample_summary(),
                 OFFICE)  # fmt: skip


@pytest.fixture(scope="module")
def motion(papers: Path) -> Path:
    return papers / MOTION_FILE


def line_numbers(words: list[Word]) -> dict[int, Word]:
    margin = [w for w in words if w.x_max < TEXT_LEFT - 10 and w.text.isdigit()]
    return {int(w.text): w for w in margin}


def test_the_motion_says_what_each_conviction_gets_in_exhibit_1s_words(papers: Path) -> None:
    text = body_text(papers / MOTION_ONLY_FILE)
    for phrase in (
        "Health and Safety Code sections 11361.8 and 11361.9 and Penal Code section 13300 et seq.",
        "SUPERIOR COURT OF CALIFORNIA, COUNTY OF SACRAMENTO",
        "THE PERSONS LISTED IN EXHIBIT 1",
        "AND TO THE PUBLIC DEFENDER OF SACRAMENTO COUNTY:",
        "move the Court, located at 720 Ninth Street, Sacramento, CA 95814, under",
        "On October 15, 2026, the Department of Justice identified to the District Attorney 11 "
        "convictions in Sacramento County",
        "as of November 1, 2026",
        "Of those 11 convictions: (a) 7 convictions of 5 persons, listed in Exhibit 1",
        "(c) 1 conviction already granted relief under section 11361.8, not asked for again",
        "(d) 2 convictions still under review, not part of this motion; of them, 1 conviction "
        "the county policy would grant is for an offense on or after November 9, 2016",
        "each of the 9 convictions decided here",
        "none was individually decided by staff",
        "(a) for the 3 convictions listed as “Dismissed and sealed as now lawful”, that each be "
        "dismissed and sealed as legally invalid",
        "for the 1 conviction listed as “Dismissed and sealed at the People's request”, that "
        "each be dismissed and sealed at the People's request",
        "the People do not ask the Court to find these convictions legally invalid",
        "listed as “Redesignated as an infraction”",
        "listed as “Recalled and resentenced”, that the sentence of each be recalled",
        "1 court case qualifies",
        "Exhibit 1 marks it “No case number”, and no case is sealed for it.",
        "Cal. Rules of Court, rule 2.550(a)(2)",
        "lodge it conditionally under seal (rule 2.551(b))",
        "No hearing is requested",
        "Case No.: The cases listed in Exhibit 1",
        "BENJAMIN OKAFOR",
        "State Bar No. 234567",
    ):
        assert phrase in text, phrase
    # Facts the office did not enter as true are never asserted.
    assert "city attorney" not in text.lower()
    assert "alternate public defender" not in text.lower()
    assert "[" not in text and "]" not in text


def test_the_order_grants_in_the_same_words_and_calls_only_lawful_conduct_invalid(
    papers: Path,
) -> None:
    text = body_text(papers / ORDER_FILE)
    for phrase in (
        "which lists 7 convictions of 5 persons evaluated as of November 1, 2026",
        "A further 2 identified convictions remain under review",
        "The motion is GRANTED.",
        "The 3 convictions listed in Exhibit 1 as “Dismissed and sealed as now lawful”: the "
        "conduct is lawful today (Health & Saf. Code, § 11362.1); each conviction is legally "
        "invalid and is dismissed and sealed",
        "The 1 conviction listed in Exhibit 1 as “Dismissed and sealed at the People's request”: "
        "each conviction is dismissed and sealed at the People's request.",
        "as “Redesignated as a misdemeanor”: each conviction is redesignated a misdemeanor",
        "(1 court case, marked “Yes” in Exhibit 1) is sealed",
        "rule 2.550(d)-(e)",
        "sealed envelope",
        "report the dispositions to the Department of Justice",
        "JUDGE OF THE SUPERIOR COURT",
    ):
        assert phrase in text, phrase
    assert text.count("legally invalid") == 1  # said of the lawful-today category alone
    assert "[" not in text


def test_the_cover_and_proof_of_service_carry_the_same_totals(papers: Path) -> None:
    cover = body_text(papers / COVER_FILE)
    for phrase in ("CONFIDENTIAL: LODGED CONDITIONALLY UNDER SEAL", "rules 2.550, 2.551(b)",
                   "Convictions listed in Exhibit 1 7", "Persons listed in Exhibit 1 5",
                   "Dismissed and sealed at the People's request 1", "Pending review 2",
                   "Convictions identified by the Department of Justice 11"):  # fmt: skip
        assert phrase in cover, phrase
    service = body_text(papers / SERVICE_FILE)
    for phrase in ("Exhibit 1, listing 7 convictions of 5 persons, lodged conditionally under "
                   "seal", "(1 challenged or not eligible, 1 already granted, 2 pending review)",
                   "on the Public Defender of Sacramento County", "penalty of perjury",
                   "901 G Street, Suite 400, Conviction Relief Unit, Sacramento, CA 95814"):
        assert phrase in service, phrase
    assert "Alternate" not in service


def test_each_paper_is_its_own_pdf_and_the_combined_one_holds_all(papers: Path) -> None:
    pages = [page_count(papers / name) for name in SEPARATE]
    assert page_count(papers / MOTION_FILE) == sum(pages)
    footers = [page.strip().splitlines()[-1].strip()
               for page in pdf_text(papers / MOTION_FILE, layout=True).split("\f")[:-1]]
    titles = [MOTION_TITLE, ORDER_TITLE, COVER_TITLE, SERVICE_TITLE]
    assert footers == [t for t, n in zip(titles, pages, strict=True) for _ in range(n)]


@pytest.mark.parametrize("name", [*SEPARATE, MOTION_FILE])
def test_the_court_title_is_on_line_8_of_every_paper(papers: Path, name: str) -> None:
    """A three-line office address, a signing deputy and a long department: the attorney
    block still ends on line 7 and every first page has the court's title on line 8."""
    path = papers / name
    firsts = [1] if name != MOTION_FILE else _first_pages(path)
    for page in firsts:
        words = page_words(path, page)
        numbers = line_numbers(words)
        superior = next(w for w in words if w.text == "SUPERIOR")
        assert abs(superior.y_max - numbers[8].y_max) < 0.5, (name, page)
        block = [w for w in words if w.x_min >= TEXT_LEFT - 0.5 and w.y_max < superior.y_min]
        assert block and max(w.y_max for w in block) <= numbers[7].y_max + 0.5
        assert all(w.x_max < 306 for w in block)  # right of centre is the clerk's
        assert "People" in [w.text for w in block]  # "Attorneys for Plaintiff, the People"
        for word in words:  # nothing crosses the right rule (the long department wraps)
            assert word.x_max <= RIGHT_RULE - 2, (name, page, word)


def _first_pages(path: Path) -> list[int]:
    pages = pdf_text(path, layout=True).split("\f")[:-1]
    return [n for n, page in enumerate(pages, start=1)
            if page.strip().splitlines()[-2].replace(" ", "") == "-1-"]  # fmt: skip


def test_missing_details_are_bracketed_blanks_never_invented(tmp_path: Path) -> None:
    # As an older evaluate wrote it: the file's modification date, which is not DOJ's.
    old = {**sample_summary().to_json(), "doj_file_date_source": "file modified"}
    summary = ImpactSummary.from_json(old, "summary.json")
    folder = write(tmp_path, sample_determinations(), summary, OfficeDetails())
    text = body_text(folder / MOTION_ONLY_FILE)
    for blank in ("[DA NAME]", "[TITLE]", "[STATE BAR NO.]", "[OFFICE ADDRESS]", "[PHONE]",
                  "[E-MAIL]", "[DEPT.]"):  # fmt: skip
        assert blank in text, blank
    assert "October 15, 2026" not in text  # a modification date is not DOJ's date
    # No date is asserted for DOJ's file, and no blank is left for it either.
    assert "2. The Department of Justice identified to the District Attorney" in text
    assert "SUPERIOR COURT OF CALIFORNIA, COUNTY OF SACRAMENTO" in text
    assert "city attorney" not in text.lower() and "alternate" not in text.lower()


def test_city_attorneys_and_an_alternate_defender_only_when_entered(tmp_path: Path) -> None:
    office = OfficeDetails(county="SACRAMENTO", city_attorneys=("Sacramento City Attorney",),
                           alternate_public_defender=True,
                           policy_dismissal_authority="Pen. Code, § 1385",
                           filing=Filing(case_number="26-PROP64-001", hearing_date="March 3, "
                                         "2027", hearing_time="8:30 a.m."))  # fmt: skip
    folder = write(tmp_path, sample_determinations(), sample_summary(), office)
    motion, order = body_text(folder / MOTION_ONLY_FILE), body_text(folder / ORDER_FILE)
    assert "prosecuted by the Sacramento City Attorney. Each has authorized" in motion
    assert "AND TO THE PUBLIC DEFENDER AND THE ALTERNATE PUBLIC DEFENDER OF SACRAMENTO " \
        "COUNTY:" in motion
    assert "at the People's request (Pen. Code, § 1385)." in order
    assert "Case No.: 26-PROP64-001" in motion
    assert "Date: March 3, 2027" in motion and "Time: 8:30 a.m." in motion
    assert "will be heard on March 3, 2027 at 8:30 a.m." in motion
    assert "on the Public Defender and the Alternate Public Defender of Sacramento County" in \
        body_text(folder / SERVICE_FILE)


def test_before_the_deadline_the_motion_challenges(tmp_path: Path) -> None:
    frame = sample_determinations().with_columns(
        determination=pl.when(pl.col("subject_id") == "200").then(pl.lit("review"))
        .otherwise(pl.col("determination")))  # fmt: skip
    staff = pl.when(pl.col("subject_id") == "200").then(pl.lit("challenge")).otherwise(None)
    frame = frame.with_columns(final_determination=staff, status=pl.lit("pending"))
    summary = replace(sample_summary(), as_of=date(2020, 3, 1))
    before = body_text(write(tmp_path / "before", frame, summary, OFFICE) / MOTION_ONLY_FILE)
    assert "(b) 1 conviction the District Attorney challenges and 1 conviction not eligible" \
        in before
    assert "ended on July 1, 2020" not in before
    after = body_text(write(tmp_path / "after", frame, sample_summary(), OFFICE)
                      / MOTION_ONLY_FILE)  # fmt: skip
    assert "The time for the prosecution to challenge relief under section 11361.9 ended on " \
        "July 1, 2020" in after
    assert "This motion makes no new challenge" in after
    assert "District Attorney challenges" not in after


def test_every_page_is_pleading_paper_with_28_lines_24_points_apart(motion: Path) -> None:
    pages = page_count(motion)
    assert pages >= 6
    for page in range(1, pages + 1):
        numbers = line_numbers(page_words(motion, page))
        assert sorted(numbers) == list(range(1, LINES_PER_PAGE + 1)), page
        tops = [numbers[n].y_max for n in range(1, LINES_PER_PAGE + 1)]
        assert all(abs(b - a - 24.0) < 0.01 for a, b in itertools.pairwise(tops))
        assert abs((PAGE_HEIGHT - numbers[1].y_max) - (baseline(1) - 3.0)) < 3.0


def test_text_below_the_attorney_block_sits_on_the_numbered_lines(motion: Path) -> None:
    firsts = set(_first_pages(motion))
    for page in range(1, page_count(motion) + 1):
        words = page_words(motion, page)
        numbers = line_numbers(words)
        line_of = {round(w.y_max, 1): n for n, w in numbers.items()}
        top = numbers[8].y_min if page in firsts else 0.0  # lines 1-7 may be set closer
        last_line_bottom = numbers[LINES_PER_PAGE].y_max
        body = [w for w in words if w.x_min >= TEXT_LEFT - 0.5 and top <= w.y_min
                and w.y_max <= last_line_bottom]  # fmt: skip
        for word in body:
            assert round(word.y_max, 1) in line_of, (page, word)
            assert word.x_max <= RIGHT_RULE - 2, (page, word)


def test_a_short_attorney_block_keeps_the_full_leading(tmp_path: Path) -> None:
    office = OfficeDetails(county="SACRAMENTO", da_name="ALEXANDRA HAMILTON",
                           office_address="901 G Street, Sacramento, CA 95814")  # fmt: skip
    folder = write(tmp_path, sample_determinations(), sample_summary(), office)
    words = page_words(folder / MOTION_ONLY_FILE, 1)
    numbers = line_numbers(words)
    name = next(w for w in words if w.text == "ALEXANDRA")
    assert abs(name.y_max - numbers[1].y_max) < 0.5
    tel = next(w for w in words if w.text == "Telephone:")
    assert any(abs(tel.y_max - numbers[n].y_max) < 0.5 for n in range(2, 8))


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


def test_a_long_run_has_thousands_separators(tmp_path: Path) -> None:
    folder = write(tmp_path, repeated(sample_determinations(), 2000), sample_summary(), OFFICE)
    text = flat_text(folder / MOTION_FILE)
    assert "14,000 convictions of 10,000 persons" in text
    assert "Of those 22,000 convictions" in body_text(folder / MOTION_ONLY_FILE)


def test_kinds_of_relief_not_asked_for_are_left_out(tmp_path: Path) -> None:
    rows = [conviction("1", "001", "dismiss", offense=date(2001, 1, 1)),
            conviction("2", "001", "reduce", level="felony", code_section="11359 HS")]
    folder = write(tmp_path, pl.DataFrame(rows, schema=SCHEMA), sample_summary(), OFFICE)
    motion, order = body_text(folder / MOTION_ONLY_FILE), body_text(folder / ORDER_FILE)
    assert "(b) for the 1 conviction listed as “Redesignated as a misdemeanor”" in motion
    for absent in ("(c) for", "People's request", "infraction", "Recalled"):
        assert absent not in motion and absent not in order, absent
    assert "No identified conviction remains under review." in order
