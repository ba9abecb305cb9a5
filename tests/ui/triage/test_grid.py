"""The triage grid drives app.triage: typing filters, menus filter, header clicks sort."""

import polars as pl
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.triage.snapshot import build_snapshot
from tests.app.triage.builders import determinations_frame
from ui.triage.columns import COLUMN_INDEX, COLUMNS
from ui.triage.grid import TriageGrid


def shown_names(grid: TriageGrid) -> list[str]:
    column = COLUMN_INDEX["name"]
    return [grid.model.index(r, column).data() for r in range(grid.model.rowCount())]


def make_grid(qtbot: QtBot, rows: int = 600) -> tuple[TriageGrid, pl.DataFrame]:
    frame = determinations_frame(rows, seed=3)
    grid = TriageGrid()
    qtbot.addWidget(grid)
    grid.set_snapshot(build_snapshot(frame))
    return grid, frame


def test_grid_shows_every_conviction_with_display_text_from_the_columns(qtbot: QtBot) -> None:
    grid, frame = make_grid(qtbot)
    assert grid.model.rowCount() == frame.height
    assert grid.model.columnCount() == len(COLUMNS)
    # Row 300 is in the second block of the cache: the block boundary must not shift rows.
    for row in (0, 255, 256, 599):
        assert grid.model.index(row, COLUMN_INDEX["cii_number"]).data() == frame["cii_number"][row]
    unknown = frame.with_row_index().filter(pl.col("conviction_date").is_null())["index"][0]
    assert grid.model.index(unknown, COLUMN_INDEX["conviction_date"]).data() == "unknown"
    labels = {grid.model.index(r, COLUMN_INDEX["determination"]).data() for r in range(600)}
    assert labels == {"Dismiss", "Reduce", "Needs review", "Not eligible"}
    assert grid.summary.shown.text() == "Showing 600 of 600 convictions"


def test_typing_in_search_filters_as_you_type(qtbot: QtBot) -> None:
    grid, frame = make_grid(qtbot)
    grid.focus_search()
    qtbot.keyClicks(grid.filters.search, "garcia,m")
    expected = frame.filter(pl.col("name").str.starts_with("GARCIA,M"))["name"].to_list()
    assert expected and shown_names(grid) == expected
    qtbot.keyClick(grid.filters.search, Qt.Key.Key_Backspace)
    wider = frame.filter(pl.col("name").str.starts_with("GARCIA,"))["name"].to_list()
    assert len(wider) > len(expected) and shown_names(grid) == wider
    grid.show()
    qtbot.waitExposed(grid)
    grid.activateWindow()
    qtbot.waitUntil(grid.filters.search.hasFocus)
    qtbot.keyClick(grid.filters.search, Qt.Key.Key_Escape)  # Escape clears the search
    assert grid.filters.search.text() == ""
    assert grid.model.rowCount() == frame.height


def test_filter_menus_and_summary_counts(qtbot: QtBot) -> None:
    grid, frame = make_grid(qtbot)
    reduce_count = frame.filter(pl.col("determination") == "reduce").height
    assert grid.summary.counts["reduce"].text() == f"Reduce: {reduce_count:,}"
    qtbot.mouseClick(grid.summary.counts["reduce"], Qt.MouseButton.LeftButton)
    assert grid.model.rowCount() == reduce_count
    assert grid.filters.buttons["determination"].text() == "Determination: Reduce"
    level_menu = grid.filters.buttons["level"].menu()
    felony = next(a for a in level_menu.actions() if a.data() == "felony")
    felony.setChecked(True)
    both = frame.filter((pl.col("determination") == "reduce") & (pl.col("level") == "felony"))
    assert grid.model.rowCount() == both.height
    assert grid.summary.shown.text() == f"Showing {both.height:,} of 600 convictions"
    qtbot.mouseClick(grid.filters.clear, Qt.MouseButton.LeftButton)
    assert grid.model.rowCount() == 600


def test_header_click_sorts_by_the_underlying_value(qtbot: QtBot) -> None:
    grid, _ = make_grid(qtbot)
    grid.resize(1400, 600)
    grid.show()
    qtbot.waitExposed(grid)
    header = grid.table.horizontalHeader()
    column = COLUMN_INDEX["conviction_date"]
    at = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    dates = [grid.model.index(r, COLUMN_INDEX["conviction_date"]).data() for r in range(600)]
    known = [d for d in dates if d != "unknown"]
    assert known == sorted(known)
    assert dates[len(known) :] == ["unknown"] * (600 - len(known))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    dates = [grid.model.index(r, column).data() for r in range(600)]
    assert [d for d in dates if d != "unknown"] == sorted(known, reverse=True)


def test_tooltips_say_what_a_determination_and_a_rule_mean(qtbot: QtBot) -> None:
    from app.eligibility.rules import RULES_BY_ID
    from ui.triage.columns import DETERMINATION_MEANINGS

    frame = determinations_frame(300, seed=3).with_columns(
        pl.when(pl.col("determination") == "review")
        .then(pl.lit("CHALLENGE_PRIOR_SUPER_STRIKE"))
        .otherwise(pl.col("rule_id"))
        .alias("rule_id")
    )
    grid = TriageGrid()
    qtbot.addWidget(grid)
    grid.set_snapshot(build_snapshot(frame))
    tip = Qt.ItemDataRole.ToolTipRole
    row = frame.with_row_index().filter(pl.col("determination") == "review")["index"][0]
    determination = grid.model.index(row, COLUMN_INDEX["determination"])
    assert determination.data() == "Needs review"
    assert determination.data(tip) == DETERMINATION_MEANINGS["review"]
    rule = grid.model.index(row, COLUMN_INDEX["rule_id"])
    strike = RULES_BY_ID["CHALLENGE_PRIOR_SUPER_STRIKE"]
    assert rule.data() == strike.title == "Prior super strike: challenge ground, review"
    assert rule.data(tip) == (
        f"{strike.title}: {strike.description} (rule CHALLENGE_PRIOR_SUPER_STRIKE)")
    other = frame.with_row_index().filter(pl.col("determination") != "review")["index"][0]
    made_up = grid.model.index(other, COLUMN_INDEX["rule_id"])
    assert made_up.data(tip) == made_up.data() == frame["rule_id"][other]  # not a known rule
    reason = grid.model.index(row, COLUMN_INDEX["reason"])
    assert reason.data(tip) == reason.data() == frame["reason"][row]
    assert grid.summary.counts["review"].toolTip().startswith(DETERMINATION_MEANINGS["review"])


def test_relief_already_granted_reads_in_words(qtbot: QtBot) -> None:
    from ui.triage.columns import DETERMINATION_MEANINGS

    frame = determinations_frame(50, seed=4).with_columns(
        pl.when(pl.int_range(pl.len()) == 7).then(pl.lit("already_granted"))
        .otherwise(pl.col("determination")).alias("determination"))
    grid = TriageGrid()
    qtbot.addWidget(grid)
    grid.set_snapshot(build_snapshot(frame))
    cell = grid.model.index(7, COLUMN_INDEX["determination"])
    assert cell.data() == "Already granted"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == DETERMINATION_MEANINGS["already_granted"]
