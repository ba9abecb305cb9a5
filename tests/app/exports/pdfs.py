"""Reading PDFs back the way a clerk's software would: poppler's pdftotext and pdftoppm, pypdf."""

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


def pdf_text(path: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def flat_text(path: Path) -> str:
    """The text with all whitespace collapsed, for phrases that wrap across lines."""
    return " ".join(pdf_text(path).split())


def body_text(path: Path) -> str:
    """A pleading's text without the line numbers, page numbers and footers, collapsed, so
    phrases that wrap across lines and pages read whole."""
    # pdftotext crops in points from the top-left: right of the margin rules, above line 28's
    # descenders (page numbers and footers sit lower).
    args = ["pdftotext", "-x", "70", "-y", "0", "-W", "542", "-H", "736", str(path), "-"]
    text = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float  # from the top of the page, as pdftotext reports
    x_max: float
    y_max: float


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def page_words(path: Path, page: int) -> list[Word]:
    args = ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return [
        Word(html.unescape(m[5]), float(m[1]), float(m[2]), float(m[3]), float(m[4]))
        for m in _WORD.finditer(out)
    ]


def page_count(path: Path) -> int:
    return len(PdfReader(path).pages)


def font_files(path: Path) -> dict[str, bool]:
    """Every font the PDF uses -> whether its program is embedded (/FontFile2 for TrueType)."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def render_pages(path: Path, folder: Path, resolution: int = 60) -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-png", str(path), str(folder / "page")], check=True
    )
    return sorted(folder.glob("page-*.png"))
