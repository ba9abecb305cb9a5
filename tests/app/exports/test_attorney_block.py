"""The attorney block on lines 1-7 (Cal. Rules of Court, rule 2.111): offices of 7, 12, 13 and
20 lines as entered, and very long values, exported by `countyclear export --office FILE` and
read back with poppler. Every line the office entered is printed exactly once, in order, before
the court's title, left of the page's center and clear of the line numbers; lines 1-7 right of
center stay blank (ink checked on the rendered page); a block lines 1-7 cannot hold is refused
with one message, and nothing is written."""

import itertools
import subprocess
import tomllib
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.utils import simpleSplit

from app.cli import main
from app.errors import InputError
from app.exports.attorney import ATTORNEY_WIDTH, MAX_ATTORNEY_LINES, MIN_LEADING
from app.exports.documents import DocumentChoice, export_documents
from app.exports.fonts import SERIF, text_width
from app.exports.office import OfficeDetails
from app.exports.papers import MOTION_ONLY_FILE, PAPER_FILES
from app.exports.pleading import (
    FIRST_LINE_TOP,
    FONT_SIZE,
    LEADING,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT_RULE,
    TEXT_LEFT,
    wrap,
)
from app.exports.readiness import ATTORNEY_BLOCK
from app.review.checklist import FIX_OFFICE, checklist
from tests.app.exports.frames import facts, sample_determinations, sample_summary, write_folder
from tests.app.exports.pdfs import Word, page_words, render_pages

CENTER = PAGE_WIDTH / 2
LONG_EMAIL = ("conviction.relief.unit.prop64.resentencing"
              "@districtattorney.countyofsacramento.example.gov")  # fmt: skip
LONG_TITLE = ("District Attorney and Director of the Office of Post-Conviction Relief and "
              "Record Sealing")  # fmt: skip
LONG_ADDRESS = ("Hall of Justice, Post-Conviction Litigation Division, Conviction Relief Unit, "
                "Room 1204-B")  # fmt: skip
STREETS = ["901 G St", "Ste 400", "MS 12", "Unit C", "Annex", "Rm 5", "Box 749", "Dock 3",
           "Bldg C", "Wing E", "Desk 7", "Tower 2", "Sacramento, CA 95814"]  # fmt: skip


def office_file(folder: Path, *, deputy: bool, address: list[str], title: str = "District "
                "Attorney", email: str = "prop64@da.example.org", newline: str = "\n") -> Path:
    """An office TOML as a clerk might type it (multi-line address; LF or CRLF)."""
    lines = ['schema_version = 1', 'county = "Sacramento"', 'da_name = "ALEXANDRA HAMILTON"',
             f'title = "{title}"', 'state_bar_number = "234567"',
             'office_address = """' + "\n".join(address) + '"""',
             'phone = "(916) 555-0142"', f'email = "{email}"']  # fmt: skip
    if deputy:
        lines += ['signing_deputy = "BENJAMIN OKAFOR"',
                  'deputy_title = "Head Deputy District Attorney"']  # fmt: skip
    path = folder / "office.toml"
    path.write_bytes((newline.join(lines) + newline).encode())
    return path


def entered(path: Path) -> list[str]:
    """The block's lines in the order the office entered them (each address line alone)."""
    office = tomllib.loads(path.read_text())
    title = f"{office['title']}, County of Sacramento"
    if "signing_deputy" in office:
        people = [office["da_name"], title, "BENJAMIN OKAFOR, SBN 234567",
                  office["deputy_title"]]  # fmt: skip
    else:
        people = ["ALEXANDRA HAMILTON, SBN 234567", title]
    return [*people, *office["office_address"].splitlines(), "Telephone: (916) 555-0142",
            f"E-mail: {office['email']}", "Attorneys for Plaintiff, the People"]  # fmt: skip


def export(tmp_path: Path, office: Path) -> tuple[int, Path]:
    folder = tmp_path / "run"
    write_folder(folder, sample_determinations(), sample_summary())
    return main(["export", str(folder), "--motion", "--office", str(office)]), folder


def squashed(text: str) -> str:
    """Without any whitespace: a line wrapped, indented or broken inside a word reads whole."""
    return "".join(text.split())


def before_court_title(pdf: Path) -> str:
    """Page 1's text right of the line numbers, up to the court's title."""
    args = ["pdftotext", "-f", "1", "-l", "1", "-x", "70", "-y", "0", "-W", "542", "-H", "736",
            str(pdf), "-"]  # fmt: skip
    text = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return text[: text.index("SUPERIOR COURT OF CALIFORNIA")]


def numbered_lines(words: list[Word]) -> dict[int, Word]:
    return {int(w.text): w for w in words if w.x_max < TEXT_LEFT - 10 and w.text.isdigit()}


CASES = {
    # name: (deputy, address lines, title, e-mail, newline, entries as entered)
    "7": (False, ["901 G Street", "Sacramento, CA 95814"], "District Attorney",
          "prop64@da.example.org", "\n", 7),
    "12": (True, ["901 G Street", "Suite 400", "Mail Stop 12", "Conviction Relief Unit",
                  "Sacramento, CA 95814"], "District Attorney", "prop64@da.example.org", "\r\n",
           12),
    "13": (True, ["901 G Street", "Suite 400", "Mail Stop 12", "Conviction Relief Unit",
                  "Hall of Justice Annex", "Sacramento, CA 95814"], "District Attorney",
           "prop64@da.example.org", "\n", 13),
    "20": (True, STREETS, "District Attorney", "prop64@da.example.org", "\r\n", 20),
    # 7 entries, but the title, the address and the e-mail each wrap: 13 lines as entered.
    "long": (False, [LONG_ADDRESS, "Sacramento, CA 95814"], LONG_TITLE, LONG_EMAIL, "\n", 7),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_every_line_the_office_entered_is_on_page_1_once_in_order(case: str,
                                                                   tmp_path: Path) -> None:
    deputy, address, title, email, newline, count = CASES[case]
    office = office_file(tmp_path, deputy=deputy, address=address, title=title, email=email,
                         newline=newline)  # fmt: skip
    code, folder = export(tmp_path, office)
    assert code == 0
    expected = entered(office)
    assert len(expected) == count
    for name in PAPER_FILES:  # every paper's first page has the same block
        block = squashed(before_court_title(folder / name))
        found = [block.find(squashed(line)) for line in expected]
        assert all(block.count(squashed(line)) == 1 for line in expected), (name, block)
        assert found == sorted(found) and found[0] == 0, (name, found)
        # Nothing else: the block is exactly these lines (joined with ", " or "; ").
        rest = block
        for line in expected:
            rest = rest.replace(squashed(line), "", 1)
        assert set(rest) <= {",", ";"}, (name, rest)
        # Each printed line is a piece of one entry, or of the address or contact run
        # together: wrapping never adds a space inside a word (an e-mail address).
        joined = [", ".join(address), "; ".join(expected[-3:-1])]
        for printed in before_court_title(folder / name).splitlines():
            if printed.strip():
                piece = " ".join(printed.split())
                assert any(piece in entry for entry in [*expected, *joined]), (name, piece)


@pytest.mark.parametrize("case", list(CASES))
def test_the_block_keeps_left_of_center_on_lines_1_to_7(case: str, tmp_path: Path) -> None:
    deputy, address, title, email, newline, _ = CASES[case]
    office = office_file(tmp_path, deputy=deputy, address=address, title=title, email=email,
                         newline=newline)  # fmt: skip
    _, folder = export(tmp_path, office)
    pdf = folder / MOTION_ONLY_FILE
    words = page_words(pdf, 1)
    numbers = numbered_lines(words)
    court = next(w for w in words if w.text == "SUPERIOR")
    assert abs(court.y_max - numbers[8].y_max) < 0.5  # rule 2.111(3): the title on line 8
    block = [w for w in words if w.x_min >= TEXT_LEFT - 0.5 and w.y_max < court.y_min]
    assert min(w.x_min for w in block) >= TEXT_LEFT - 0.5  # clear of the line numbers
    assert max(w.x_max for w in block) <= CENTER  # rule 2.111(2): the clerk's space is free
    assert [w.text for w in words if w.x_min < TEXT_LEFT - 0.5] == [str(n) for n in range(1, 29)]
    baselines = sorted({round(w.y_max, 1) for w in block})
    assert abs(baselines[0] - numbers[1].y_max) < 0.5  # rule 2.111(1): from line 1
    assert baselines[-1] <= numbers[7].y_max + 0.5
    assert all(b - a >= MIN_LEADING - 0.1 for a, b in itertools.pairwise(baselines))
    if case == "7":  # a short block keeps the numbered lines, double-spaced
        assert baselines == [round(numbers[n].y_max, 1) for n in range(1, 8)]
    else:
        assert len(baselines) <= MAX_ATTORNEY_LINES


@pytest.mark.parametrize("case", list(CASES))
def test_the_clerks_space_is_blank_on_the_rendered_page(case: str, tmp_path: Path) -> None:
    deputy, address, title, email, newline, _ = CASES[case]
    office = office_file(tmp_path, deputy=deputy, address=address, title=title, email=email,
                         newline=newline)  # fmt: skip
    _, folder = export(tmp_path, office)
    pages = tmp_path / "png"
    pages.mkdir()
    first = render_pages(folder / MOTION_ONLY_FILE, pages, resolution=72)[0]  # 1 px = 1 pt
    with Image.open(first) as png:
        gray = png.convert("L")
        top = round(PAGE_HEIGHT - FIRST_LINE_TOP)  # line 1's band
        bottom = round(PAGE_HEIGHT - (FIRST_LINE_TOP - 7 * LEADING))  # line 7's band
        clerk = gray.crop((round(CENTER) + 1, top, round(RIGHT_RULE) - 2, bottom))
        assert clerk.getextrema()[0] >= 250, case  # no ink right of center on lines 1-7
        left = gray.crop((round(TEXT_LEFT), top, round(CENTER), bottom))
        assert left.getextrema()[0] < 64  # the block itself is printed


def test_a_block_lines_1_to_7_cannot_hold_is_refused_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = ["901 G Street", "Suite 400", "Mail Stop 12", "Conviction Relief Unit",
               "Hall of Justice Annex", "Attn: Prop 64 Team", "P.O. Box 749",
               "Dock 3 Receiving", "Building C", "Wing East", "Desk 7", "Tower Two",
               "Sacramento, CA 95814"]  # fmt: skip
    office = office_file(tmp_path, deputy=True, address=address)
    code, folder = export(tmp_path, office)
    assert code == 2
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error")]
    # 4 lines for the DA and the deputy, 13 address lines, phone, e-mail, "Attorneys for";
    # run together the address still takes 6 lines (phone and e-mail gain nothing joined).
    assert errors == [
        f"error: {office}: the attorney block is 20 lines as entered and still 13 with the "
        "address run together, but lines 1-7 left of center hold at most 12 single-spaced "
        "(Cal. Rules of Court, rule 2.111: the court's title goes on line 8, the right of "
        "center is the clerk's). Shorten it by at least 1 line; the entries that wrap take "
        "(lines): office_address 6."
    ]
    assert not [p for p in folder.iterdir() if p.suffix == ".pdf"]


def test_a_word_wider_than_the_line_is_broken_and_other_text_fills_as_before() -> None:
    lines = wrap(f"E-mail: {LONG_EMAIL}", ATTORNEY_WIDTH)
    assert "".join(lines) == f"E-mail: {LONG_EMAIL}"
    assert all(text_width(line, SERIF, FONT_SIZE) <= ATTORNEY_WIDTH for line in lines)
    # Broken after a dot or the @, where an address reads naturally, starting on the label's
    # line; without a mark to break at, as many characters as fit.
    assert lines == ["E-mail: conviction.relief.unit.prop64.", "resentencing@districtattorney.",
                     "countyofsacramento.example.gov"], lines
    assert wrap("x" * 80, 100.0) == ["x" * 16, "x" * 16, "x" * 16, "x" * 16, "x" * 16]
    # A word too wide for the first line but not for the later ones moves down whole.
    assert wrap("Web: www.conviction-relief.example.gov", 100.0, later=300.0) == \
        ["Web:", "www.conviction-relief.example.gov"]
    prose = ("PLEASE TAKE NOTICE that the People of the State of California, by ALEXANDRA "
             "HAMILTON, District Attorney of Sacramento County, move the Court, located at "
             "720 Ninth Street, Sacramento, CA 95814, under Health and Safety Code sections "
             "11361.8 and 11361.9 (Health & Saf. Code, § 11361.8, subd. (g))")  # fmt: skip
    for width in (120.0, ATTORNEY_WIDTH, 300.0, 489.6):
        assert wrap(prose, width) == simpleSplit(prose, SERIF, FONT_SIZE, width), width


def test_the_app_lists_the_block_before_writing_and_its_export_refuses(tmp_path: Path) -> None:
    address = "\n".join(f"{LONG_ADDRESS} {n}" for n in range(1, 5))
    office = OfficeDetails(county="SACRAMENTO", da_name="ALEXANDRA HAMILTON",
                           title=LONG_TITLE, state_bar_number="234567", office_address=address,
                           phone="(916) 555-0142", email=LONG_EMAIL)  # fmt: skip
    summary = sample_summary()
    items = checklist(sample_determinations(), facts(summary), office)
    block = [item for item in items if item.key == ATTORNEY_BLOCK]
    assert len(block) == 1 and block[0].fix == FIX_OFFICE  # the Office details button
    assert block[0].text.startswith("The attorney block is ")
    assert block[0].text.endswith("Export refuses it rather than cut a line.")
    with pytest.raises(InputError, match=r"^office details: the attorney block is \d+ lines"):
        export_documents(tmp_path, sample_determinations(), facts(summary), office,
                         summary=summary, password="Job-password-2026")  # fmt: skip
    assert list(tmp_path.iterdir()) == []
    # Without the motion nothing prints the block, and nothing is refused for it.
    only = DocumentChoice(exhibit=False, motion=False, challenged=False, summary=True)
    export_documents(tmp_path, sample_determinations(), facts(summary), office,
                     summary=summary, choice=only, password=None)  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["impact_report.pdf"]
