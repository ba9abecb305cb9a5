"""A printable, filterable one-sheet table workbook, written fast in openpyxl's write-only mode.

Shared by Exhibit 1 and the challenged-cases list: a bold frozen header row with an
auto-filter, real Excel dates, wrapped long text, landscape letter pages fitted to the width
that repeat the header row, a confidentiality line in the print header and page numbers in the
footer.
"""

import contextlib
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal
from zipfile import ZIP_DEFLATED, ZipFile

import polars as pl
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

CellKind = Literal["text", "date", "number", "wrap"]
DATE_FORMAT: Final = "mm/dd/yyyy"  # how California courts write dates
REPORT_EVERY: Final = 1000  # rows between progress reports and cancel checks
LINE_HEIGHT: Final = 15.0  # points per line of 11 pt Calibri
HEADER_HEIGHT: Final = 4 * LINE_HEIGHT


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


# Characters an xlsx file cannot hold (XML 1.0 forbids most control characters; openpyxl
# refuses them). DOJ data has been seen with them; each shows as U+FFFD, the mark the reader
# also leaves for a byte it cannot decode, rather than stopping the export.
_NOT_IN_XLSX = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"


def printable(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with every character a worksheet cannot hold replaced by U+FFFD."""
    return frame.with_columns(pl.col(pl.String).str.replace_all(_NOT_IN_XLSX, "\ufffd"))


def build_table_workbook(
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    total: int,
    setup: PrintSetup,
    *,
    totals: Sequence[tuple[str, int]] = (),
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> bytes:
    """The workbook as xlsx bytes; `rows` yields one value per column (None for blank).
    `totals`, if any, go on a second sheet "Totals" (label, count)."""
    book = Workbook(write_only=True)
    book.properties.title = setup.sheet_title
    book.properties.creator = "CountyClear"
    sheet = book.create_sheet(setup.sheet_title)
    _layout(sheet, columns, total, setup)
    sheet._writer = _MemoryWorksheetWriter(sheet)  # before the first row: keep rows in memory
    sheet._writer.write_top()
    sheet._values_to_row = _cells_to_row  # rows arrive as ready cells: skip re-binding each
    try:
        _write_rows(sheet, columns, rows, total, progress, cancel)
    except BaseException:
        with contextlib.suppress(Exception):  # finish the XML stream so nothing dangles
            sheet.close()
        raise
    if totals:
        _totals_sheet(book, totals, setup)
    progress(Progress(total, total, "Saving the workbook"))
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        _MemoryExcelWriter(book, archive).save()
    return buffer.getvalue()


def _write_rows(
    sheet: Any,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    total: int,
    progress: ProgressCallback,
    cancel: CancelToken | None,
) -> None:
    sheet.row_dimensions[1].height = HEADER_HEIGHT
    sheet.append(_header_cells(sheet, columns))
    make_cell = _cell_makers(sheet, columns)
    capacities = [_capacity(column) if column.kind == "wrap" else 0 for column in columns]
    for index, values in enumerate(rows, start=1):
        lines = max(
            (
                _lines(value, capacity)
                for value, capacity in zip(values, capacities, strict=True)
                if capacity
            ),
            default=1,
        )
        if lines > 1:  # neither Excel nor LibreOffice grows a row for wrapped text on open
            sheet.row_dimensions[index + 1].height = LINE_HEIGHT * lines + 3
        sheet.append([make(value) for make, value in zip(make_cell, values, strict=True)])
        if index % REPORT_EVERY == 0:
            if cancel is not None:
                cancel.check()
            progress(Progress(index, total, f"Writing row {index:,} of {total:,}"))


def _totals_sheet(book: Any, totals: Sequence[tuple[str, int]], setup: PrintSetup) -> None:
    sheet = book.create_sheet("Totals")
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 14
    for header_footer in (sheet.oddHeader, sheet.firstHeader):
        header_footer.left.text = setup.header_left
        header_footer.center.text = setup.header_center
    sheet._writer = _MemoryWorksheetWriter(sheet)
    sheet._writer.write_top()
    header = _header_cells(sheet, [Column("Totals", 60), Column("Count", 14)])
    sheet.append(header)
    for label, count in totals:
        sheet.append([label, count])


def _cells_to_row(cells: Sequence[Any], row_index: int) -> Iterator[Any]:
    """openpyxl's `_values_to_row` for rows that are already cells (or None for blank)."""
    for column_index, cell in enumerate(cells, start=1):
        if cell is not None:
            cell.column = column_index
            cell.row = row_index
            yield cell


class _MemoryWorksheetWriter(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's streaming sheet writer, into memory instead of a temporary file: the rows
    are unsealed criminal history and must not touch the disk."""

    def __init__(self, sheet: Any) -> None:
        super().__init__(sheet, out=io.BytesIO())

    def cleanup(self) -> None:
        """Nothing on disk to remove."""


class _MemoryExcelWriter(ExcelWriter):  # type: ignore[misc]
    """Stores each streamed sheet from memory (openpyxl's own writer expects a file name)."""

    def write_worksheet(self, ws: Any) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        if not ws.closed:
            ws.close()
        ws._rels = ws._writer._rels
        self._archive.writestr(ws.path[1:], ws._writer.read())
        self.manifest.append(ws)


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


def _capacity(column: Column) -> int:
    """Characters of ordinary text that fit one line of the column (a cautious estimate)."""
    return max(int(column.width * 1.05) - 1, 4)


def _lines(value: object, capacity: int) -> int:
    """Lines a wrapped cell needs: a greedy word wrap, as Excel does it."""
    if not isinstance(value, str) or len(value) <= capacity:
        return 1
    lines, used = 1, 0
    for word in value.split():
        needed = len(word) if used == 0 else used + 1 + len(word)
        if needed <= capacity:
            used = needed
        else:
            lines += 1 if used else 0
            used = min(len(word), capacity)
            lines += (len(word) - 1) // capacity
    return lines


_HEADER_FONT: Final = Font(name="Calibri", bold=True)
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
    """One converter per column, each reusing one styled cell: write-only rows are written
    as they are appended, so the same cell object can carry the next row's value (much
    faster than a new styled cell per value)."""

    def maker(column: Column) -> Any:
        prototype = WriteOnlyCell(sheet)
        prototype.alignment = _WRAP if column.kind == "wrap" else _TOP
        if column.kind == "date":
            prototype.number_format = DATE_FORMAT

        def make(value: Any) -> Any:
            if value is None or value == "":
                return None
            prototype.value = value
            return prototype

        return make

    return [maker(column) for column in columns]
