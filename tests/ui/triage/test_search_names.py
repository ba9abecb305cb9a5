"""Search as people type names, through the real grid: accents and capitals do not matter,
and an empty result says so where the rows would be."""

import polars as pl
from pytestqt.qtbot import QtBot

from app.triage.snapshot import build_snapshot
from tests.app.triage.builders import determinations_frame
from ui.triage.columns import COLUMN_INDEX
from ui.triage.grid import TriageGrid

NAMES = ["PEÑA,JOSE", "Pena,Ana", "PEN\u0303A,LUIS", "SMITH,JAMES", "GARCIA,MARIA"]


def make_grid(qtbot: QtBot) -> TriageGrid:
    frame = determinations_frame(len(NAMES)).with_columns(pl.Series("name", NAMES))
    grid = TriageGrid()
    qtbot.addWidget(grid)
    grid.show()
    grid.set_snapshot(build_snapshot(frame))
    return grid


def shown_names(grid: TriageGrid) -> list[str]:
    column = COLUMN_INDEX["name"]
    return [grid.model.index(r, column).data() for r in range(grid.model.rowCount())]


def test_pena_finds_every_spelling_of_pena(qtbot: QtBot) -> None:
    grid = make_grid(qtbot)
    grid.focus_search()
    qtbot.keyClicks(grid.filters.search, "pena")
    assert shown_names(grid) == NAMES[:3]
    assert not grid.no_match.isVisible()


def test_no_match_is_said_in_the_grid_area_and_goes_when_cleared(qtbot: QtBot) -> None:
    grid = make_grid(qtbot)
    grid.focus_search()
    qtbot.keyClicks(grid.filters.search, "nobody")
    assert grid.model.rowCount() == 0
    assert grid.no_match.isVisible()
    assert grid.no_match.text().startswith("No convictions match “nobody”.")
    grid.filters.search.clear()
    assert grid.model.rowCount() == len(NAMES) and not grid.no_match.isVisible()
