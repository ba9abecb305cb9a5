"""`impact_report.pdf`: the figures a DA publishes (DOMAIN.md 4) with simple bar charts.

Figures come from summary.json (the engine's evaluation); the compliance view (AB 1706:
identified, granted, challenged, pending) comes from the determinations after staff decisions.
A figure the summary lacks is shown as a bracketed blank, never estimated.
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
from app.exports.fonts import SERIF, SERIF_BOLD, register_fonts
from app.exports.granted import relief_counts
from app.fileio import atomic_write_bytes

IMPACT_FILE: Final = "impact_report.pdf"
MISSING: Final = "[not in summary]"
CHART_WIDTH: Final = 6.5 * inch
BAR_COLOUR: Final = colors.HexColor("#3b6ea5")
DETERMINATION_LABELS: Final = {
    "dismiss": "Dismiss",
    "reduce": "Reduce",
    "review": "Review",
    "not_eligible": "Not eligible",
}


def _figure(summary: Mapping[str, Any], *keys: str) -> str:
    value: Any = summary
    for key in keys:
        if not isinstance(value, Mapping) or key not in value or value[key] is None:
            return MISSING
        value = value[key]
    return f"{value:,}" if isinstance(value, int) else str(value)


def _counts(summary: Mapping[str, Any], key: str) -> dict[str, int]:
    value = summary.get(key)
    if not isinstance(value, Mapping):
        return {}
    return {str(k) or "(unknown)": int(v) for k, v in value.items() if isinstance(v, int)}


def _bar_chart(title: str, data: Mapping[str, int], *, horizontal: bool = False) -> Flowable:
    """A titled bar chart; an empty data set becomes a one-line note instead."""
    if not data:
        return Paragraph(f"{title}: {MISSING}", _style())
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
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = SERIF
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 7
    drawing.add(chart)
    drawing.add(String(0, height - 12, title, fontName=SERIF_BOLD, fontSize=11))
    return drawing


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


def impact_flowables(summary: Mapping[str, Any], determinations: pl.DataFrame) -> list[Flowable]:
    county = str(summary.get("county") or "")
    policy = summary.get("policy")
    policy_name = policy.get("name") if isinstance(policy, Mapping) else policy
    heading = f"County of {title_case(county)}" if county else "[COUNTY]"
    sources = summary.get("sources")
    source_text = ", ".join(str(s) for s in sources) if isinstance(sources, list) else MISSING
    counts = relief_counts(determinations)
    people = [
        ["People", "This policy", "Dismiss all Prop 64"],
        *[
            [label, _figure(summary, key), _figure(summary, "dismiss_all_prop64", key)]
            for label, key in (
                ("With no felony left", "people_no_felony"),
                ("With no conviction left", "people_no_conviction"),
                # Said as "left", like the two above: people whose every conviction in
                # those 7 years was dismissed, not people who simply had none.
                ("With no conviction left in the 7 years before the as-of date",
                 "people_no_conviction_last_7_years"),
            )
        ],
    ]
    overview = [
        ["Figure", "Count"],
        ["Convictions evaluated", _figure(summary, "convictions_evaluated")],
        ["People evaluated", _figure(summary, "people_evaluated")],
        *[
            [f"Determination: {label}", _figure(summary, "determinations", key)]
            for key, label in DETERMINATION_LABELS.items()
        ],
        ["People with any relief", _figure(summary, "people_with_relief")],
        ["Earliest conviction", _figure(summary, "earliest_conviction")],
    ]
    compliance = [
        ["AB 1706 compliance (after staff decisions)", "Convictions"],
        ["Identified", f"{counts.convictions_evaluated:,}"],
        ["Granted (in Exhibit 1)", f"{counts.granted:,}"],
        ["Challenged", f"{counts.challenged:,}"],
        ["Pending review", f"{counts.pending_review:,}"],
    ]
    reasons = _counts(summary, "by_dismissal_reason") or _counts(summary, "by_rule")
    reason_rows = [["Dismissal reason", "Convictions"]]
    reason_rows += [[reason, f"{count:,}"] for reason, count in reasons.items()]
    determinations_chart = {
        label: int(summary["determinations"][key])
        for key, label in DETERMINATION_LABELS.items()
        if isinstance(summary.get("determinations"), Mapping) and key in summary["determinations"]
    }
    body, small = _style(), _style(9)
    story: list[Flowable] = [
        Paragraph("Proposition 64 relief: impact report", _style(16, bold=True, space=2)),
        Paragraph(heading, _style(12, bold=True)),
        Paragraph(
            f"Evaluated as of {_figure(summary, 'as_of')} under the policy "
            f"\u201c{policy_name or MISSING}\u201d. Sources: {source_text}.",
            body,
        ),
        Spacer(0, 6),
        _table(overview, [4.4 * inch, 1.6 * inch]),
        Spacer(0, 10),
        _table(people, [3.6 * inch, 1.2 * inch, 1.6 * inch]),
        Spacer(0, 10),
        _table(compliance, [4.4 * inch, 1.6 * inch]),
        Spacer(0, 10),
    ]
    if len(reason_rows) > 1:
        story += [_table(reason_rows, [4.4 * inch, 1.6 * inch]), Spacer(0, 10)]
    story += [
        _bar_chart("Convictions by determination", determinations_chart),
        _bar_chart("Convictions by code section", _counts(summary, "by_section")),
        _bar_chart("Convictions by year of conviction", _by_year(summary, determinations)),
        _bar_chart("Race of people receiving relief", _counts(summary, "by_race"), horizontal=True),
        Paragraph(
            "Race is as the DOJ file records it (RACE_DESCR), counted once per person who "
            "receives any relief. Figures other than the compliance view are the engine\u2019s "
            "evaluation before staff decisions.",
            small,
        ),
    ]
    return story


def _by_year(summary: Mapping[str, Any], determinations: pl.DataFrame) -> dict[str, int]:
    from_summary = _counts(summary, "by_year")
    if from_summary:
        return dict(sorted(from_summary.items()))
    years = (
        determinations.select(pl.col("conviction_date").dt.year().alias("year"))
        .drop_nulls()
        .group_by("year")
        .len()
        .sort("year")
    )
    return {str(year): int(count) for year, count in years.iter_rows()}


def _page_number(canvas: Any, document: Any) -> None:
    canvas.saveState()
    canvas.setFont(SERIF, 9)
    canvas.drawCentredString(letter[0] / 2, 0.5 * inch, f"Page {document.page}")
    canvas.restoreState()


def impact_pdf(summary: Mapping[str, Any], determinations: pl.DataFrame) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=letter,
        leftMargin=inch,
        rightMargin=inch,
        topMargin=0.8 * inch,
        bottomMargin=0.8 * inch,
        title="Proposition 64 relief: impact report",
        author="CountyClear",
        initialFontName=SERIF,
    )
    document.build(
        impact_flowables(summary, determinations),
        onFirstPage=_page_number,
        onLaterPages=_page_number,
    )
    return buffer.getvalue()


def write_impact_report(
    path: Path, summary: Mapping[str, Any], determinations: pl.DataFrame
) -> None:
    atomic_write_bytes(path, impact_pdf(summary, determinations))
