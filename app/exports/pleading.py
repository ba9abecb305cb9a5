"""California pleading paper (Rules of Court 2.100-2.119) drawn with reportlab.

Every line of text sits on one of the 28 numbered lines (baseline on the number's baseline,
exactly 24 pt apart), so the layout is a list of `Line`s that the paginator places line by
line; the canvas draws the numbers (restarting at 1 on each page), the double rule left of the
text, the single rule on the right, the page number and, under a rule, the footer title.
"""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from app.exports.fonts import SERIF, SERIF_BOLD, register_fonts, text_width

PAGE_WIDTH, PAGE_HEIGHT = letter  # 612 x 792 pt
LINES_PER_PAGE: Final = 28
LEADING: Final = 24.0  # 3 lines per inch, CRC 2.108
FONT_SIZE: Final = 12.0  # CRC 2.104: at least 12 pt
FOOTER_SIZE: Final = 10.0  # CRC 2.110: at least 10 pt
FIRST_LINE_TOP: Final = 732.0  # top of line 1's 24 pt band
BASELINE_RISE: Final = 7.0  # baseline above the bottom of its band
NUMBER_RIGHT: Final = 54.0  # line numbers are right-aligned here
LEFT_RULES: Final = (61.0, 64.0)  # the double rule between numbers and text
TEXT_LEFT: Final = 79.2  # 1.1 in: CRC 2.107 wants at least 1 in
RIGHT_RULE: Final = 576.0  # 0.5 in from the edge
TEXT_RIGHT: Final = 568.8
TEXT_WIDTH: Final = TEXT_RIGHT - TEXT_LEFT
CENTRE: Final = (TEXT_LEFT + TEXT_RIGHT) / 2
PAGE_NUMBER_BASELINE: Final = 44.0
FOOTER_RULE: Final = 36.0
FOOTER_BASELINE: Final = 24.0
INDENT: Final = 36.0  # first-line indent of a paragraph, 0.5 in

Align = Literal["left", "center"]


def baseline(line_number: int) -> float:
    """The y of the baseline of numbered line 1..28 (PDF points from the bottom)."""
    return FIRST_LINE_TOP - line_number * LEADING + BASELINE_RISE


@dataclass(frozen=True)
class Run:
    """Text drawn on a line: at x (left) or centred on x."""

    text: str
    x: float
    align: Align = "left"
    bold: bool = False
    drop: float = 0.0  # points below the line's baseline (a block set at a smaller leading)


@dataclass(frozen=True)
class Rule:
    """A rule within one line's band: vertical at x0 (x1 ignored) or horizontal along the
    bottom of the band from x0 to x1."""

    kind: Literal["vertical", "bottom"]
    x0: float
    x1: float = 0.0


@dataclass(frozen=True)
class Line:
    runs: tuple[Run, ...] = ()
    rules: tuple[Rule, ...] = ()
    at_line: int | None = None  # pin to this numbered line (skipping blank lines to reach it)


@dataclass(frozen=True)
class Block:
    """Lines kept together on one page (a signature block, a heading with its first line)."""

    lines: tuple[Line, ...]


Item = Line | Block


@dataclass
class PleadingDocument:
    footer_title: str
    items: list[Item] = field(default_factory=list)


# --- building lines -------------------------------------------------------------------------


def wrap(text: str, width: float, *, bold: bool = False, later: float | None = None) -> list[str]:
    """`text` in lines no wider than `width` (every line after the first: `later`, when given),
    filled word by word; a word wider than a whole line (an e-mail or web address) is broken
    across lines rather than run past the margin, the clerk's space or the caption's rule."""
    font = SERIF_BOLD if bold else SERIF
    lines: list[str] = []
    line = ""

    def limit() -> float:  # the width of the line being filled
        return width if not lines or later is None else later

    for word in text.split():
        joined = f"{line} {word}" if line else word
        if text_width(joined, font, FONT_SIZE) <= limit():
            line = joined
            continue
        if line and text_width(word, font, FONT_SIZE) > (width if later is None else later):
            # A word no line can hold starts here when a natural piece of it fits.
            room = limit() - text_width(f"{line} ", font, FONT_SIZE)
            cut = _cut(word, room, font)
            if word[cut - 1] in BREAK_AFTER and text_width(word[:cut], font, FONT_SIZE) <= room:
                line, word = f"{line} {word[:cut]}", word[cut:]
        if line:
            lines.append(line)
        while text_width(word, font, FONT_SIZE) > limit():
            cut = _cut(word, limit(), font)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    return [*lines, line]


BREAK_AFTER: Final = "@./-_"  # where a word too long for a line is broken, if it can be


def _cut(word: str, width: float, font: str) -> int:
    """How many characters of `word` to put on a line `width` wide: as many as fit (at least
    one), ending after '@', '.', '/', '-' or '_' when one falls in the second half of them."""
    fit = 1
    while fit < len(word) and text_width(word[: fit + 1], font, FONT_SIZE) <= width:
        fit += 1
    after = max(word.rfind(mark, 0, fit) for mark in BREAK_AFTER) + 1
    return after if after > fit // 2 else fit


def blank() -> Line:
    return Line()


def centred(text: str, *, bold: bool = False) -> list[Line]:
    return [
        Line((Run(part, CENTRE, "center", bold),)) for part in wrap(text, TEXT_WIDTH, bold=bold)
    ]


def paragraph(
    text: str, *, first_indent: float = INDENT, left: float = 0.0, bold: bool = False
) -> list[Line]:
    """Double-spaced prose: each wrapped line on the next numbered line."""
    first, *rest = wrap(text, TEXT_WIDTH - left - first_indent, bold=bold,
                        later=TEXT_WIDTH - left)  # fmt: skip
    return [Line((Run(first, TEXT_LEFT + left + first_indent, bold=bold),)),
            *[Line((Run(part, TEXT_LEFT + left, bold=bold),)) for part in rest]]  # fmt: skip


def numbered(number: int, text: str) -> list[Line]:
    return paragraph(f"{number}.\u2003{text}")


# --- pagination and drawing -----------------------------------------------------------------


def _pages(items: Sequence[Item]) -> list[list[Line | None]]:
    """Assign every line to (page, numbered line); None marks an empty numbered line."""
    pages: list[list[Line | None]] = [[]]

    def room() -> int:
        return LINES_PER_PAGE - len(pages[-1])

    for item in items:
        lines = item.lines if isinstance(item, Block) else (item,)
        if isinstance(item, Block) and len(lines) <= LINES_PER_PAGE and room() < len(lines):
            pages.append([])
        for line in lines:
            if line.at_line is not None:
                while len(pages[-1]) < line.at_line - 1:
                    pages[-1].append(None)
            if room() == 0:
                pages.append([])
            if not pages[-1] and not line.runs and not line.rules and line.at_line is None:
                continue  # no blank line at the top of a continued page
            pages[-1].append(line)
    return pages


def _draw_paper(canvas: Canvas, page_number: int, footer_title: str) -> None:
    canvas.setLineWidth(0.6)
    for x in LEFT_RULES:
        canvas.line(x, 0, x, PAGE_HEIGHT)
    canvas.line(RIGHT_RULE, 0, RIGHT_RULE, PAGE_HEIGHT)
    canvas.setFont(SERIF, FONT_SIZE)
    for number in range(1, LINES_PER_PAGE + 1):
        canvas.drawRightString(NUMBER_RIGHT, baseline(number), str(number))
    canvas.drawCentredString(CENTRE, PAGE_NUMBER_BASELINE, f"- {page_number} -")
    canvas.line(TEXT_LEFT, FOOTER_RULE, TEXT_RIGHT, FOOTER_RULE)
    canvas.setFont(SERIF, FOOTER_SIZE)
    canvas.drawCentredString(CENTRE, FOOTER_BASELINE, footer_title)


def _draw_line(canvas: Canvas, line: Line, line_number: int) -> None:
    y = baseline(line_number)
    band_bottom = y - BASELINE_RISE
    for rule in line.rules:
        if rule.kind == "vertical":
            canvas.line(rule.x0, band_bottom, rule.x0, band_bottom + LEADING)
        else:
            canvas.line(rule.x0, band_bottom, rule.x1, band_bottom)
    for run in line.runs:
        canvas.setFont(SERIF_BOLD if run.bold else SERIF, FONT_SIZE)
        if run.align == "center":
            canvas.drawCentredString(run.x, y - run.drop, run.text)
        else:
            canvas.drawString(run.x, y - run.drop, run.text)


def render(documents: Iterable[PleadingDocument], *, title: str, author: str) -> bytes:
    """All documents in one PDF; each restarts its page numbers and has its own footer."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer, pagesize=letter, pageCompression=1, initialFontName=SERIF, initialFontSize=12
    )
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("CountyClear")
    for document in documents:
        for page_number, page in enumerate(_pages(document.items), start=1):
            _draw_paper(canvas, page_number, document.footer_title)
            for line_number, line in enumerate(page, start=1):
                if line is not None:
                    _draw_line(canvas, line, line_number)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def fits(text: str, width: float) -> bool:
    return text_width(text, SERIF, FONT_SIZE) <= width
