"""The pleading-paper PDFs: the motion, the proposed order, the cover of Exhibit 1 and the
proof of service, each alone (courts e-file them as separate documents) and all four in one
PDF for printing."""

from pathlib import Path
from typing import Final

from app.exports.caption import first_page
from app.exports.motion import MOTION_FILE as MOTION_FILE  # the combined PDF
from app.exports.motion import MOTION_TITLE, STATUTES, MotionFacts, motion_items
from app.exports.office import OfficeDetails, shown, with_court_defaults
from app.exports.order import ORDER_TITLE, order_items
from app.exports.pleading import Item, PleadingDocument, render
from app.exports.relief import Accounting
from app.exports.service import COVER_TITLE, SERVICE_TITLE, cover_items, service_items
from app.fileio import atomic_write_bytes

MOTION_ONLY_FILE: Final = "motion.pdf"
ORDER_FILE: Final = "proposed_order.pdf"
COVER_FILE: Final = "exhibit_1_cover.pdf"
SERVICE_FILE: Final = "proof_of_service.pdf"
PAPER_FILES: Final = (MOTION_FILE, MOTION_ONLY_FILE, ORDER_FILE, COVER_FILE, SERVICE_FILE)


def pleadings(
    counts: Accounting, facts: MotionFacts, office: OfficeDetails
) -> dict[str, PleadingDocument]:
    """Each paper by its file name, in filing order."""
    office = with_court_defaults(office, facts.county)

    def paper(title: str, items: list[Item]) -> PleadingDocument:
        return PleadingDocument(title, [*first_page(office, title, STATUTES), *items])

    return {
        MOTION_ONLY_FILE: paper(MOTION_TITLE, motion_items(counts, facts, office)),
        ORDER_FILE: paper(ORDER_TITLE, order_items(counts, facts, office)),
        COVER_FILE: paper(COVER_TITLE, cover_items(counts)),
        SERVICE_FILE: paper(SERVICE_TITLE, service_items(counts, office)),
    }


def write_papers(
    folder: Path, counts: Accounting, facts: MotionFacts, office: OfficeDetails
) -> list[Path]:
    documents = pleadings(counts, facts, office)
    author = shown(office, "da_name")
    written = []
    for name, document in documents.items():
        atomic_write_bytes(folder / name, render([document], title=document.footer_title,
                                                   author=author))  # fmt: skip
        written.append(folder / name)
    combined = render(documents.values(), title=f"{MOTION_TITLE} and {ORDER_TITLE}",
                      author=author)  # fmt: skip
    atomic_write_bytes(folder / MOTION_FILE, combined)
    return [folder / MOTION_FILE, *written]
