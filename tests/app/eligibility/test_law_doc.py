"""docs/LAW.md prints the floor table the engine applies, row for row, and names every rule
and ground it describes."""

from pathlib import Path

from app.eligibility.floor import law_table_rows
from app.eligibility.policy import CHALLENGE_GROUNDS
from app.eligibility.rules import GROUND_PRIOR, GROUND_TWO_PRIORS, RULES

LAW = (Path(__file__).resolve().parents[3] / "docs" / "LAW.md").read_text(encoding="utf-8")


def test_every_row_of_the_floor_is_in_the_law_document() -> None:
    missing = [row for row in law_table_rows() if row not in LAW]
    assert not missing, missing


def test_every_statutory_rule_and_ground_subdivision_is_in_the_law_document() -> None:
    statutory = [r.id for r in RULES if r.procedure != "bear"]
    assert [r for r in statutory if f"`{r}`" not in LAW] == []
    for subdivisions in (GROUND_PRIOR, GROUND_TWO_PRIORS):
        assert all(s in LAW for s in subdivisions.values())
    assert len(CHALLENGE_GROUNDS) == 6
