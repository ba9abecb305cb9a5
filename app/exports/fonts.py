"""The serif face every PDF uses: Liberation Serif (SIL OFL), shipped in resources/fonts/.

Registered as TrueType with reportlab so it is embedded (subset) in each PDF: the documents
look the same on any PC and their text stays selectable and searchable.
"""

from typing import Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import RESOURCES

FONT_DIR: Final = RESOURCES / "fonts"
SERIF: Final = "CountyClearSerif"
SERIF_BOLD: Final = "CountyClearSerif-Bold"
SERIF_ITALIC: Final = "CountyClearSerif-Italic"
SERIF_BOLD_ITALIC: Final = "CountyClearSerif-BoldItalic"

_FILES: Final = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


def register_fonts() -> None:
    """Register the serif family once per process; later calls do nothing."""
    if SERIF in pdfmetrics.getRegisteredFontNames():
        return
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
    )


def text_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))
