"""The impact dashboard shows the summary's figures and the AB 1706 counts of the decisions."""

from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

import polars as pl
from pytestqt.qtbot import QtBot

from app.doj.source import DojSource
from app.eligibility.policy import builtin_policy
from app.eligibility.summary import PeopleLeft
from app.pipeline import evaluate_sources
from app.synth.options import checked_options
from app.synth.writer import generate_bytes
from tests.app.exports.frames import sample_summary
from tests.ui.drive import shown
from ui.impact.charts import BarChart
from ui.impact.dashboard import (
    COMPLIANCE,
    FIGURES,
    Dashboard,
    compliance_counts,
    convictions_by_year,
    deadline_note,
    demo_widget,
)

DETERMINATIONS = pl.DataFrame({
    "subject_id": ["1", "1", "2", "3", "4", "5", "6"],
    "cnt_order": ["001001001000", "002001001000", "001001001000", "001001001000",
                  "001002001000", "003001001000", "001001001000"],
    "section": ["11357", "11359", "11360", "11358", "11357", "11359", "11360"],
    "level": ["misdemeanor", "felony", "felony", "felony", "misdemeanor", "felony", "felony"],
    "conviction_date": [date(1999, 5, 1), date(2003, 1, 2), None, date(1999, 12, 31),
                        date(2001, 7, 4), date(2016, 12, 1), date(2003, 3, 3)],
    "determination": ["dismiss", "reduce", "review", "dismiss", "dismiss", "not_eligible",
                      "review"],
})  # fmt: skip

SUMMARY = replace(
    sample_summary(),
    county="FRESNO", as_of=date(2025, 6, 30), earliest_conviction=date(1999, 5, 1),
    convictions_evaluated=7, people_evaluated=6,
    determinations={"dismiss": 3, "reduce": 1, "review": 2, "not_eligible": 1},
    people_with_relief=3, people_no_felony=2, people_no_conviction=1234,
    people_no_conviction_last_7_years=4,
    dismiss_all_prop64=PeopleLeft(people_no_felony=5, people_no_conviction=3,
                                  people_no_conviction_last_7_years=6),
    by_section={"11357": 2, "11358": 1, "11359": 2, "11360": 2},
    by_level={"felony": 5, "misdemeanor": 2},
    by_rule={"MISDEMEANOR_DISMISS": 2, "FELONY_REDUCE": 1},
    by_race={"WHITE": 1, "BLACK": 2},
)  # fmt: skip


def test_figures_equal_the_summary(qtbot: QtBot) -> None:
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.set_data(SUMMARY, DETERMINATIONS)
    for key, _ in FIGURES:
        assert dashboard.figure_text(key) == f"{getattr(SUMMARY, key):,}"
    assert dashboard.figure_text("people_no_conviction") == "1,234"
    for key, value in asdict(SUMMARY.dismiss_all_prop64).items():
        assert dashboard.figure_text("dismiss_all." + key) == str(value)
    assert "Fresno County" in dashboard.heading.text()
    assert "2025-06-30" in dashboard.heading.text()
    assert "1999-05-01" in dashboard.heading.text()


def test_charts_carry_the_summary_and_the_years(qtbot: QtBot) -> None:
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.set_data(SUMMARY, DETERMINATIONS)
    assert dashboard.chart_determination.bars == [
        ("Dismiss", 3), ("Reduce", 1), ("Needs review", 2), ("Not eligible", 1)]
    assert dashboard.chart_section.bars == list(SUMMARY.by_section.items())
    assert dashboard.chart_race.bars == [("BLACK", 2), ("WHITE", 1)]
    assert dashboard.chart_race.accessibleDescription() == "BLACK: 2, WHITE: 1"
    years = dict(dashboard.chart_year.bars)
    assert (years["1999"], years["2000"], years["2003"], years["unknown"]) == (2, 0, 2, 1)
    assert dashboard.chart_year.bars[0][0] == "1999"
    assert dashboard.chart_year.bars[-1][0] == "unknown"


def test_compliance_counts_without_decisions_use_the_engine() -> None:
    assert compliance_counts(DETERMINATIONS) == {
        "identified": 7, "granted": 4, "challenged": 0, "already_granted": 0,
        "challenged_or_not_eligible": 1, "pending": 2, "not_eligible": 1, "unconfirmed": 0,
    }


def test_compliance_counts_follow_staff_decisions(qtbot: QtBot) -> None:
    decided = DETERMINATIONS.with_columns(
        final_determination=pl.Series(
            ["dismiss", "challenge", "dismiss", "dismiss", None, "not_eligible", "review"]),
        status=pl.Series(
            ["accepted", "changed", "changed", "pending", "pending", "accepted", "pending"]),
    )
    counts = compliance_counts(decided)
    assert counts == {"identified": 7, "granted": 4, "challenged": 1, "already_granted": 0,
                      "challenged_or_not_eligible": 2, "pending": 1, "not_eligible": 1,
                      "unconfirmed": 2}
    # Every identified conviction is in exactly one of the four AB 1706 categories.
    assert counts["identified"] == sum(
        counts[key] for key in ("granted", "already_granted", "challenged_or_not_eligible",
                                "pending"))
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.set_data(SUMMARY, decided)
    for key, _ in COMPLIANCE:
        assert dashboard.figure_text("compliance." + key) == str(counts[key])
    note = dashboard.compliance_note.text()
    assert "Of those to file, 2 are as the engine decided them and not yet confirmed" in note
    # SUMMARY's as-of date is past 2020-07-01: the window is said to be closed.
    assert "The People's time to challenge ended on July 1, 2020 (HS 11361.9(b))" in note


def test_juvenile_counts_not_evaluated_are_named_under_the_compliance_figures(
    qtbot: QtBot,
) -> None:
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.set_data(SUMMARY, DETERMINATIONS)
    assert "juvenile court" not in dashboard.compliance_note.text()
    dashboard.set_data(replace(SUMMARY, juvenile_not_evaluated=3), DETERMINATIONS)
    note = dashboard.compliance_note.text()
    assert "3 cannabis count(s) of a juvenile court in the DOJ file record a finding" in note
    assert "HS 11361.8(m)" in note and "review each by hand" in note


def test_the_deadline_note_before_and_after_the_window() -> None:
    assert deadline_note(date(2020, 1, 15)) == (
        "The People may challenge relief until July 1, 2020 (HS 11361.9(b)).")
    assert "must be granted (HS 11361.9(e)); courts were to rule by March 1, 2023" in (
        deadline_note(date(2026, 12, 1)))


def test_years_of_an_empty_frame_are_empty() -> None:
    assert convictions_by_year(DETERMINATIONS.clear()) == []


def test_charts_fit_their_labels_at_their_minimum_size(qtbot: QtBot) -> None:
    chart = BarChart("Convictions by code section", [("11357(A) HS long label", 40), ("x", 1)])
    qtbot.addWidget(chart)
    hint = chart.minimumSizeHint()
    metrics = chart.fontMetrics()
    assert hint.width() > metrics.horizontalAdvance("11357(A) HS long label") + \
        metrics.horizontalAdvance("40")
    assert hint.height() >= 4 * metrics.height()


def test_demo_renders(qtbot: QtBot, tmp_path: Path) -> None:
    widget = shown(qtbot, demo_widget())
    assert widget.grab().save(str(tmp_path / "dashboard.png"))


def test_engine_summary_shows_whole_and_consistent(qtbot: QtBot) -> None:
    delivery = generate_bytes(checked_options("SACRAMENTO", people=300, seed=5))
    result = evaluate_sources([DojSource("synth.dat", delivery[0], False)],
                              county="SACRAMENTO", policy=builtin_policy("los_angeles_2020"),
                              as_of=date(2025, 1, 1))
    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.set_data(result.summary, result.determinations)
    for key, _ in FIGURES:
        assert dashboard.figure_text(key) == f"{getattr(result.summary, key):,}"
    assert "Los Angeles 2020" in dashboard.heading.text()
    total = result.summary.convictions_evaluated
    assert sum(v for _, v in dashboard.chart_determination.bars) == total
    assert sum(v for _, v in dashboard.chart_year.bars) == total
    assert sum(v for _, v in dashboard.chart_race.bars) == result.summary.people_with_relief
    assert sum(v for _, v in dashboard.chart_reason.bars) == \
        result.summary.determinations["dismiss"]
    compliance = result.summary.compliance.to_json()  # with its earlier names
    for key, _ in COMPLIANCE:
        assert dashboard.figure_text("compliance." + key) == f"{compliance[key]:,}"
