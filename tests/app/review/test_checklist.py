"""The export checklist's app part: what is counted, in words, and which fix each item
offers; decisions move items off the list."""

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from app.exports.office import OfficeDetails, save_office
from app.review import DecisionBook, apply_decisions, checklist
from app.review.checklist import (
    FIX_DOJ_DATE,
    FIX_HELD_BACK,
    FIX_OFFICE,
    FIX_REVIEWS,
    FIX_UNCONFIRMED,
    doj_date_items,
    filing_blanks,
    office_items,
    workspace_items,
)
from tests.app.review.frames import determinations, keys_of


def test_reviews_unconfirmed_and_held_back_are_counted_and_decisions_clear_them() -> None:
    frame = determinations(8).with_columns(
        conviction_date=pl.Series([date(2001, 1, 1)] * 7 + [date(2018, 3, 3)]))
    book = DecisionBook()
    items = {i.key: i for i in workspace_items(apply_decisions(frame, book))}
    # determinations cycle dismiss, reduce, review, not_eligible: 2 reviews, 6 others.
    assert items["pending_reviews"].text.startswith("2 convictions still need a person's review")
    assert items["unconfirmed"].text.startswith("6 convictions go out as the engine decided")
    assert items["pending_reviews"].fix == FIX_REVIEWS
    assert items["unconfirmed"].text.startswith("6 convictions go out as the engine decided")
    assert items["unconfirmed"].fix == FIX_UNCONFIRMED
    assert items["held_back"].text.startswith("1 conviction is entered after Prop 64 took")
    assert "November 9, 2016" in items["held_back"].text
    assert items["held_back"].fix == FIX_HELD_BACK
    reviews = frame.with_row_index().filter(pl.col("determination") == "review")["index"]
    book.decide(frame, keys_of(frame, *reviews.to_list()), final="dismiss", reason="checked")
    others = [i for i in range(8) if i not in reviews.to_list()]
    book.decide(frame, keys_of(frame, *others), final=None)  # the rest accepted
    left = {i.key for i in workspace_items(apply_decisions(frame, book))}
    assert left == {"held_back"}
    book.decide(frame, keys_of(frame, 7), final="dismiss", reason="the DA grants it")
    assert workspace_items(apply_decisions(frame, book)) == []  # granted: not held back


def test_the_offense_date_decides_held_back_where_the_engine_gives_one() -> None:
    frame = determinations(2).with_columns(
        offense_date=pl.Series([date(2016, 11, 8), date(2016, 11, 10)]),
        conviction_date=pl.Series([date(2017, 1, 1), date(2017, 1, 1)]),
        determination=pl.Series(["not_eligible", "not_eligible"]),
    )
    (item,) = [i for i in workspace_items(frame) if i.key == "held_back"]
    assert item.text.startswith("1 conviction is for offenses committed after Prop 64")


def test_office_blanks_and_filing_facts_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checklist, "FILING_KNOWN", True)  # as where the papers print them
    path = tmp_path / "office.toml"
    office = OfficeDetails(county="SACRAMENTO", da_name="Dana Whitfield")
    save_office(office, path)
    items = {i.key: i for i in office_items(office, "SACRAMENTO", path)}
    assert "[SIGNING DEPUTY]" in items["office"].text and "[DA NAME]" not in items["office"].text
    assert "[COURT NAME]" not in items["office"].text  # the shipped court fills it
    assert items["filing"].text == ("Filing details not entered yet: case number, hearing "
                                    "date, hearing time.")
    assert {i.fix for i in items.values()} == {FIX_OFFICE}
    path.write_text(path.read_text(encoding="utf-8") + '\n[filing]\ncase_number = "26-0001"\n'
                    'hearing_date = "2027-01-12"\n', encoding="utf-8")
    assert filing_blanks(path) == ["hearing time"]
    other = {i.key for i in office_items(office, "YOLO", path)}
    assert "office_county" in other
    monkeypatch.setattr(checklist, "FILING_KNOWN", False)  # the papers do not print them
    assert "filing" not in {i.key for i in office_items(office, "SACRAMENTO", path)}


def test_the_doj_file_date_unknown_or_guessed() -> None:
    (unknown,) = doj_date_items({"doj_file_date": ""})
    assert unknown.fix == FIX_DOJ_DATE and "unknown" in unknown.text
    (guessed,) = doj_date_items({"doj_file_date": "2024-03-05",
                                 "doj_file_date_source": "file modified"})
    assert "March 5, 2024" in guessed.text
    assert doj_date_items({"doj_file_date": "2024-03-05", "doj_file_date_source": "given"}) == []
