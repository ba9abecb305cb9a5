import polars as pl
import pytest
from polars.testing import assert_frame_equal

from app.errors import InputError
from app.review import DECISION_COLUMNS, DecisionBook, apply_decisions
from app.review.decisions import PREFILTER_LIMIT
from tests.app.review.frames import determinations, keys_of

AT = "2026-01-02T03:04:05Z"


def decided_rows(frame: pl.DataFrame, keys: list[tuple[str, str]]) -> pl.DataFrame:
    wanted = pl.DataFrame(keys, schema=["subject_id", "cnt_order"], orient="row")
    return frame.join(wanted, on=["subject_id", "cnt_order"], how="semi", maintain_order="left")


def test_no_decisions_means_pending() -> None:
    frame = determinations(5)
    applied = apply_decisions(frame, DecisionBook())
    assert applied.columns == [*frame.columns, *DECISION_COLUMNS]
    assert_frame_equal(applied.select(frame.columns), frame)
    assert applied["status"].to_list() == ["pending"] * 5
    assert applied["final_determination"].null_count() == 5


def test_accepting_takes_the_engine_determination() -> None:
    frame = determinations(6)
    book = DecisionBook()
    keys = keys_of(frame, 0, 3, 5)
    book.decide(frame, keys, user="clerk1", at=AT)
    rows = decided_rows(apply_decisions(frame, book), keys)
    assert rows["final_determination"].to_list() == rows["determination"].to_list()
    assert set(rows["status"]) == {"accepted"}
    assert set(rows["decided_by"]) == {"clerk1"} and set(rows["decided_at"]) == {AT}
    others = apply_decisions(frame, book).filter(pl.col("final_determination").is_null())
    assert others.height == 3 and set(others["status"]) == {"pending"}


def test_changing_needs_a_reason() -> None:
    frame = determinations(4)
    book = DecisionBook()
    dismissed = [
        k
        for k, d in zip(keys_of(frame, 0, 1, 2, 3), frame["determination"], strict=True)
        if d == "dismiss"
    ]
    with pytest.raises(InputError, match="give a reason when changing"):
        book.decide(frame, keys_of(frame, 1), final="challenge")
    assert len(book) == 0  # nothing half-applied
    book.decide(frame, dismissed, final="dismiss")  # same as the engine: no reason needed
    change = book.decide(frame, keys_of(frame, 1), final="challenge", reason="prior 187 PC")
    row = decided_rows(apply_decisions(frame, book), keys_of(frame, 1)).row(0, named=True)
    assert (row["final_determination"], row["status"], row["decision_reason"]) == (
        "challenge", "changed", "prior 187 PC",
    )  # fmt: skip
    assert change.before.height == 0 and change.after.height == 1


def test_unknown_final_or_key() -> None:
    frame = determinations(2)
    with pytest.raises(InputError, match="unknown determination 'pardon'"):
        DecisionBook().decide(frame, keys_of(frame, 0), final="pardon", reason="x")
    with pytest.raises(InputError, match="subject NOPE count 001001"):
        DecisionBook().decide(frame, [("NOPE", "001001")])


def test_notes_survive_a_new_decision_and_annotate_keeps_pending() -> None:
    frame = determinations(4)
    book = DecisionBook()
    book.annotate(keys_of(frame, 0, 1), "call the PD first")
    applied = apply_decisions(frame, book)
    assert applied["note"].to_list()[:3] == ["call the PD first", "call the PD first", None]
    assert applied["status"].to_list()[:2] == ["pending", "pending"]
    book.decide(frame, keys_of(frame, 0))
    row = decided_rows(apply_decisions(frame, book), keys_of(frame, 0)).row(0, named=True)
    assert (row["status"], row["note"]) == ("accepted", "call the PD first")


def test_bulk_undo_and_redo_restore_exactly() -> None:
    frame = determinations(2_000)
    book = DecisionBook()
    book.decide(frame, keys_of(frame, *range(0, 2_000, 7)), note="first pass")
    before = apply_decisions(frame, book)
    selection = frame.select("subject_id", "cnt_order").slice(100, 1_500)
    change = book.decide(frame, selection, final="review", reason="county wants a look")
    after = apply_decisions(frame, book)
    assert after.filter(pl.col("final_determination") == "review").height >= 1_500
    assert change.keys.height == 1_500

    book.restore(change.keys, change.before)
    assert_frame_equal(apply_decisions(frame, book), before)
    book.restore(change.keys, change.after)
    assert_frame_equal(apply_decisions(frame, book), after)


def test_clear_returns_to_pending() -> None:
    frame = determinations(3)
    book = DecisionBook()
    book.decide(frame, keys_of(frame, 0, 1), note="n")
    book.clear(keys_of(frame, 0))
    applied = apply_decisions(frame, book)
    assert applied["status"].to_list() == ["pending", "accepted", "pending"]
    assert applied["note"].to_list() == [None, "n", None]


def test_apply_replaces_stale_decision_columns() -> None:
    frame = determinations(2)
    book = DecisionBook()
    book.decide(frame, keys_of(frame, 0))
    once = apply_decisions(frame, book)
    assert_frame_equal(apply_decisions(once, book), once)


def test_empty_and_repeated_selections() -> None:
    frame = determinations(4)
    book = DecisionBook()
    for change in (book.decide(frame, []), book.annotate([], "x"), book.clear([])):
        assert change.keys.height == 0 and change.after.height == 0
    assert len(book) == 0
    change = book.decide(frame, keys_of(frame, 2, 2, 2))
    assert change.keys.height == 1 and len(book) == 1


@pytest.mark.parametrize("size", [3, PREFILTER_LIMIT + 2])
def test_unknown_keys_are_refused_in_small_and_large_selections(size: int) -> None:
    frame = determinations(size)
    known = keys_of(frame, *range(size - 1, -1, -1))  # reversed: the order must be kept
    # A known subject with a count it does not have passes the subject filter, not the join.
    wrong_count = (known[0][0], "009999")
    with pytest.raises(InputError, match=f"subject {known[0][0]} count 009999"):
        DecisionBook().decide(frame, [*known, wrong_count])
    book = DecisionBook()
    change = book.decide(frame, known, at=AT)
    assert change.after.select("subject_id", "cnt_order").rows() == known
    assert book.frame.get_column("status").to_list() == ["accepted"] * size
