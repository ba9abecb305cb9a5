"""`impact_report.pdf`: what a DA hands the press or the board, in plain words.

Every count is after staff decisions and the same as the motion's (one Accounting); only the
two whole-record figures (people left with no felony / no conviction) come from the
evaluation's summary.json, and the report says so. People are distinct non-blank SUBJECT_IDs.
"""

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import polars as pl
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.counties import title_case
from app.eligibility.summary import ImpactSummary
from app.exports.fonts import SERIF, SERIF_BOLD, register_fonts
from app.exports.motion import long_date
from app.exports.office import OfficeDetails
from app.exports.relief import accounting, granted_convictions, persons
from app.fileio import atomic_write_bytes

IMPACT_FILE: Final = "impact_report.pdf"
CHART_WIDTH: Final = 6.5 * inch
BAR_COLOUR: Final = colors.HexColor("#3b6ea5")


def _bar_chart(title: str, data: Mapping[str, int], *, horizontal: bool = False) -> Flowable:
    """A titled bar chart; an empty data set becomes a one-line note instead."""
    if not data:
        return Paragraph(f"{title}: none.", _style())
    labels, values = list(data), list(data.values())
    height = max(2.2 * inch, 0.28 * inch * len(labels) + inch) if horizontal else 2.6 * inch
    drawing = Drawing(CHART_WIDTH, height, initialFontName=SERIF)
    chart: HorizontalBarChart | VerticalBarChart = (
        HorizontalBarChart() if horizontal else VerticalBarChart()
    )
    rotated = not horizontal and len(labels) > 12
    left = 1.9 * inch if horizontal else 0.6 * inch
    chart.x, chart.y = left, (0.6 if rotated else 0.45) * inch
    chart.width = CHART_WIDTH - left - 0.2 * inch
    chart.height = height - chart.y - 0.45 * inch
    chart.data = [values]
    chart.bars[0].fillColor = BAR_COLOUR
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = SERIF
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = SERIF
    chart.categoryAxis.labels.fontSize = 7 if len(labels) > 12 else 8
    if rotated:  # many years: vertical labels ending at the axis
        chart.categoryAxis.labels.angle = 90
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dy = -4
    chart.barLabelFormat = _thousands
    chart.valueAxis.labelTextFormat = _thousands
    chart.barLabels.fontName = SERIF
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 7
    drawing.add(chart)
    drawing.add(String(0, height - 12, title, fontName=SERIF_BOLD, fontSize=11))
    return drawing


def _thousands(value: float) -> str:
    return f"{value:,.0f}"


def _style(size: float = 11, bold: bool = False, space: float = 4) -> ParagraphStyle:
    return ParagraphStyle(
        "body", fontName=SERIF_BOLD if bold else SERIF, fontSize=size, leading=size * 1.3,
        spaceAfter=space,
    )  # fmt: skip


def _table(rows: list[list[str]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SERIF, 10),
                ("FONT", (0, 0), (-1, 0), SERIF_BOLD, 10),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eeeeee")]),
            ]
        )
    )
    return table


PLAIN_RELIEF: Final = {  # the categories in the words of a press release
    "lawful": "Dismissed and sealed (now lawful)",
    "lawful_serving": "Sentence recalled and dismissed (now lawful)",
    "peoples_request": "Dismissed and sealed at the District Attorney's request",
    "misdemeanor": "Reduced to a misdemeanor",
    "infraction": "Reduced to an infraction",
    "recall": "Sentence recalled and resentenced",
}


def _office_lines(office: OfficeDetails, county: str) -> tuple[str, str]:
    """The office's name and a public contact line (what the office entered, never invented)."""
    place = title_case(office.county or county) if (office.county or county) else ""
    name = f"Office of the District Attorney, County of {place}" if place else \
        "Office of the District Attorney"
    if office.da_name.strip():
        name += f" ({office.title.strip() or 'District Attorney'} {office.da_name.strip()})"
    contact = office.public_contact.strip() or "; ".join(
        part for part in (office.phone.strip(), office.email.strip()) if part
    )
    return name, f"Contact: {contact}" if contact else "Contact: [PUBLIC CONTACT]"


def _race_rows(granted: pl.DataFrame) -> list[list[str]]:
    """People granted relief by race as the DOJ file records it, with shares."""
    people = (
        granted.filter(pl.col("subject_id").fill_null("").str.strip_chars() != "")
        .unique("subject_id")
        .select(pl.col("race").fill_null("").str.strip_chars().str.to_titlecase())
    )
    total = people.height
    counts = people.group_by("race").len().sort(["len", "race"], descending=[True, False])
    return [
        [race or "Not recorded", f"{count:,}", f"{100 * count / total:.1f}%"]
        for race, count in counts.iter_rows()
    ]


def impact_flowables(
    summary: ImpactSummary, frame: pl.DataFrame, office: OfficeDetails
) -> list[Flowable]:
    """`frame`: relief.outcomes(determinations after staff decisions)."""
    county = summary.county or office.county
    counts = accounting(frame)
    granted = granted_convictions(frame)
    name, contact = _office_lines(office, county)
    levels = dict(granted.get_column("level").value_counts().iter_rows())
    identified_people = persons(frame)
    convictions = [
        ["Convictions", "Count"],
        ["Identified by the Department of Justice", f"{counts.identified:,}"],
        ["Granted relief in this filing", f"{counts.granted:,}"],
        *[[f"    {PLAIN_RELIEF[c.key]}", f"{k:,}"] for c, k in counts.by_category],
        ["    Felony convictions granted relief", f"{int(levels.get('felony', 0)):,}"],
        ["    Misdemeanor convictions granted relief", f"{int(levels.get('misdemeanor', 0)):,}"],
        ["    Infraction convictions granted relief", f"{int(levels.get('infraction', 0)):,}"],
        ["Not eligible, or a legal ground to oppose relief",
         f"{counts.challenged + counts.not_eligible:,}"],
        ["Relief already granted earlier", f"{counts.already_granted:,}"],
        ["Still under review", f"{counts.pending:,}"],
    ]
    people = [
        ["People", "Count"],
        ["People with a conviction identified", f"{identified_people:,}"],
        ["People granted relief in this filing", f"{counts.people:,}"],
        ["People left with no felony conviction *", f"{summary.people_no_felony:,}"],
        ["People left with no conviction at all *", f"{summary.people_no_conviction:,}"],
    ]
    race = [["Race (as the DOJ record gives it)", "People granted relief", "Share"],
            *_race_rows(granted)]
    by_section = dict(
        granted.group_by("section").len().sort("section").iter_rows()
    ) if granted.height else {}
    body, small = _style(), _style(9)
    as_of = long_date(summary.as_of, "[AS-OF DATE]")
    story: list[Flowable] = [
        Paragraph("Proposition 64: clearing past cannabis convictions",
                  _style(16, bold=True, space=2)),
        Paragraph(name, _style(12, bold=True)),
        Paragraph(contact, body),
        Paragraph(
            f"These figures count the convictions the Department of Justice identified in "
            f"{title_case(county) if county else '[COUNTY]'} County, evaluated as of {as_of}, "
            f"after the decisions of the District Attorney's staff (who decided or confirmed "
            f"{counts.staff_confirmed:,} of the {counts.granted:,} convictions granted relief). "
            "They are the figures of the motion filed with the court.",
            body,
        ),
        Spacer(0, 6),
        _table(convictions, [4.4 * inch, 1.6 * inch]),
        Spacer(0, 10),
        _table(people, [4.4 * inch, 1.6 * inch]),
        Paragraph(
            "* Counted over each person's whole California record when the file was evaluated, "
            "before staff decisions; the other figures are after staff decisions.",
            small,
        ),
        Spacer(0, 10),
        _table(race, [3.0 * inch, 1.8 * inch, 1.2 * inch]),
        Spacer(0, 10),
        _bar_chart("Convictions granted relief, by code section",
                   {f"HS {k}": int(v) for k, v in by_section.items() if k}),
        _bar_chart("People granted relief, by race",
                   {row[0]: int(row[1].replace(",", "")) for row in race[1:]}, horizontal=True),
        Paragraph(
            "People are counted once each, by their Department of Justice record number. "
            "Race is as the Department of Justice record gives it.",
            small,
        ),
    ]
    return story


def _page_number(canvas: Any, document: Any) -> None:
    canvas.saveState()
    canvas.setFont(SERIF, 9)
    canvas.drawCentredString(letter[0] / 2, 0.5 * inch, f"Page {document.page}")
    canvas.restoreState()


def impact_pdf(summary: ImpactSummary, frame: pl.DataFrame, office: OfficeDetails) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=letter,
        leftMargin=inch,
        rightMargin=inch,
        topMargin=0.8 * inch,
        bottomMargin=0.8 * inch,
        title="Proposition 64: clearing past cannabis convictions",
        author=office.da_name or "CountyClear",
        initialFontName=SERIF,
    )
    document.build(
        impact_flowables(summary, frame, office),
        onFirstPage=_page_number,
        onLaterPages=_page_number,
    )
    return buffer.getvalue()


def write_impact_report(
    path: Path, summary: ImpactSummary, frame: pl.DataFrame, office: OfficeDetails
) -> None:
    """`frame`: relief.outcomes(determinations after staff decisions)."""
    atomic_write_bytes(path, impact_pdf(summary, frame, office))
