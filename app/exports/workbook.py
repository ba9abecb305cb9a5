"""A printable, filterable one-sheet table workbook, written fast in openpyxl's write-only mode.

Shared by Exhibit 1 and the challenged-cases list: a bold frozen header row with an
auto-filter, real Excel dates, wrapped long text, landscape letter pages fitted to the width
that repeat the header row, a confidentiality line in the print header and page numbers in the
footer.
"""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

CellKind = Literal["text", "date", "number", "wrap"]
DATE_FORMAT: Final = "mm/dd/yyyy"  # how California courts write dates
REPORT_EVERY: Final = 1000  # rows between progress reports and cancel checks


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # Excel character units
    kind: CellKind = "text"


@dataclass(frozen=True)
class PrintSetup:
    sheet_title: str
    header_left: str
    header_center: str
    footer_left: str


def build_table_workbook(
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    total: int,
    setup: PrintSetup,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> bytes:
    """The workbook as xlsx bytes; `rows` yields one value per column (None for blank)."""
    book = Workbook(write_only=True)
    book.properties.title = setup.sheet_title
    book.properties.creator = "CountyClear"
    sheet = book.create_sheet(setup.sheet_title)
    _layout(sheet, columns, total, setup)
    sheet.append(_header_cells(sheet, columns))
    make_cell = _cell_makers(sheet, columns)
    for index, values in enumerate(rows, start=1):
        sheet.append([make(value) for make, value in zip(make_cell, values, strict=True)])
        if index % REPORT_EVERY == 0:
            if cancel is not None:
                cancel.check()
            progress(Progress(index, total, f"Writing row {index:,} of {total:,}"))
    progress(Progress(total, total, "Saving the workbook"))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _layout(sheet: Any, columns: Sequence[Column], total: int, setup: PrintSetup) -> None:
    last = get_column_letter(len(columns))
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}{total + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_LETTER
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    for header_footer in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):
        header_footer.left.text = setup.header_left
        header_footer.center.text = setup.header_center
        header_footer.center.font = "Arial,Bold"
    for header_footer in (sheet.oddFooter, sheet.evenFooter, sheet.firstFooter):
        header_footer.left.text = setup.footer_left
        header_footer.right.text = "Page &P of &N"


_HEADER_FONT: Final = Font(bold=True)
_HEADER_FILL: Final = PatternFill("solid", fgColor="D9D9D9")
_HEADER_BORDER: Final = Border(bottom=Side(style="medium"))
_HEADER_ALIGN: Final = Alignment(wrap_text=True, vertical="center")
_WRAP: Final = Alignment(wrap_text=True, vertical="top")
_TOP: Final = Alignment(vertical="top")


def _header_cells(sheet: Any, columns: Sequence[Column]) -> list[WriteOnlyCell]:
    cells = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.border = _HEADER_BORDER
        cell.alignment = _HEADER_ALIGN
        cells.append(cell)
    return cells


def _cell_makers(sheet: Any, columns: Sequence[Column]) -> list[Any]:
    """One converter per column; plain values stay plain (fast), styled ones get a cell."""

    def plain(value: Any) -> Any:
        return value

    def as_date(value: date | None) -> Any:
        if value is None:
            return None
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        cell.alignment = _TOP
        return cell

    def wrapped(value: str | None) -> Any:
        if not value:
            return None
        cell = WriteOnlyCell(sheet, value=value)
        cell.alignment = _WRAP
        return cell

    makers = {"text": plain, "number": plain, "date": as_date, "wrap": wrapped}
    return [makers[column.kind] for column in columns]
