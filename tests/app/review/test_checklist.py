"""The export checklist of the app: the same notes `countyclear export` prints as warnings
(app.exports.readiness), each with its fix, plus the decisions no one confirmed; decisions
move items off the list."""

from dataclasses import replace
from pathlib import Path

import polars as pl

from app.exports.documents import DocumentChoice, prepare_export
from app.exports.office import Filing, OfficeDetails
from app.exports.readiness import export_readiness
from app.review import DecisionBook, apply_decisions
from app.review.checklist import (
    FIX_DOJ_DATE,
    FIX_HELD_BACK,
    FIX_OFFICE,
    FIX_REVIEWS,
    FIX_UNCONFIRMED,
    checklist,
)
from tests.app.exports.frames import facts, sample_determinations, sample_summary
from tests.app.review.frames import keys_of

FACTS = facts(sample_summary())
FULL = OfficeDetails(county="SACRAMENTO", department="61", da_name="Dana Whitfield",
                     title="District Attorney", state_bar_number="301234",
                     office_address="901 G Street", phone="(916) 874-6218",
                     email="da@example.gov", city_attorneys=(),
                     alternate_public_defender=False,
                     filing=Filing(hearing_date="January 12, 2027", hearing_time="8:30 a.m."))


def _row(frame: pl.DataFrame, subject: str, determination: str) -> int:
    found = frame.with_row_index().filter((pl.col("subject_id") == subject)
                                          & (pl.col("determination") == determination))
    return int(found["index"][0])


def test_the_checklist_says_what_export_warns_and_adds_only_the_unconfirmed() -> None:
    decided = apply_decisions(sample_determinations(), DecisionBook())
    office = OfficeDetails(county="SACRAMENTO")
    items = checklist(decided, FACTS, office)
    plan = prepare_export(Path("court"), decided, FACTS, office, summary=sample_summary(),
                          choice=DocumentChoice(), password="a long sealing password")
    notes = export_readiness(decided, FACTS, office).notes
    assert [note.warning for note in notes] == list(plan.warnings)  # one list, two readers
    by_key = {item.key: item for item in items}
    for note in notes:  # every note in the app's checklist, the blanks on one line
        if note.key == "office_blank":
            assert note.blank in by_key["office_blank"].text
        else:
            assert by_key[note.key].text == note.text[0].upper() + note.text[1:]
    by_key = {item.key: item for item in items}
    assert by_key["pending"].fix == FIX_REVIEWS
    assert by_key["held_back"].fix == FIX_HELD_BACK
    assert by_key["office_blank"].fix == FIX_OFFICE
    assert "[DA NAME]" in by_key["office_blank"].text
    assert "[COURT NAME]" not in by_key["office_blank"].text  # the shipped court fills it
    assert by_key["city_attorneys"].fix == FIX_OFFICE
    assert by_key["no_case_number"].fix == ""  # a fact to know: nothing in the app changes it
    # Nine convictions go out as the engine decided (eleven, less the held back and the
    # pending review): the one item the command line cannot know.
    assert by_key["unconfirmed"].fix == FIX_UNCONFIRMED
    assert by_key["unconfirmed"].text.startswith("9 convictions go out as the engine decided")
    assert "doj_file_date" not in by_key  # the summary gives it


def test_decisions_and_full_office_details_empty_the_list() -> None:
    frame = sample_determinations()
    book = DecisionBook()
    held, review = _row(frame, "800", "dismiss"), _row(frame, "400", "review")
    book.decide(frame, keys_of(frame, held), final="dismiss", reason="the DA grants it")
    book.decide(frame, keys_of(frame, review), final="not_eligible", reason="strike prior")
    others = [i for i in range(frame.height) if i not in (held, review)]
    book.decide(frame, keys_of(frame, *others), final=None)
    items = checklist(apply_decisions(frame, book), FACTS, FULL)
    assert {item.key for item in items} == {"no_case_number"}
    no_date = replace(FACTS, doj_file_date=None)
    unknown = {i.key: i for i in checklist(apply_decisions(frame, book), no_date, FULL)}
    assert unknown["doj_file_date"].fix == FIX_DOJ_DATE  # a file's date is not DOJ's
    assert unknown["doj_file_date"].text.startswith("The date DOJ produced the file")
    assert "evaluate --doj-file-date" not in unknown["doj_file_date"].text  # the CLI's fix


def test_office_details_for_another_county_are_named() -> None:
    items = checklist(sample_determinations(), FACTS,
                      OfficeDetails(county="YOLO"))
    (item,) = [i for i in items if i.key == "office_county"]
    assert item.fix == FIX_OFFICE and "YOLO, not SACRAMENTO" in item.text


def test_a_workspace_without_the_relief_columns_is_told_to_evaluate_again() -> None:
    older = sample_determinations().drop("relief", "basis")
    (item,) = checklist(older, FACTS, OfficeDetails(county="SACRAMENTO"))
    assert item.key == "evaluate_again" and "no relief, basis" in item.text and not item.fix
