"""Where each identified conviction goes, after staff decisions, and the figures every paper
recites (app.exports.relief, with app.review.decisions applying real decisions)."""

from datetime import date

import polars as pl

from app.exports.relief import (
    INFRACTION,
    LAWFUL,
    LAWFUL_SERVING,
    MISDEMEANOR,
    PEOPLES_REQUEST,
    RECALL,
    accounting,
    basis_words,
    granted_convictions,
    outcomes,
    relief_words,
)
from app.review.decisions import DecisionBook, apply_decisions
from tests.app.exports.frames import SCHEMA, conviction, sample_determinations


def by_subject(frame: pl.DataFrame, *columns: str) -> dict[tuple[str, str], tuple[object, ...]]:
    return {(row[0], row[1]): tuple(row[2:])
            for row in frame.select("subject_id", "cnt_order", *columns).iter_rows()}  # fmt: skip


def test_every_identified_conviction_is_in_exactly_one_place() -> None:
    frame = outcomes(sample_determinations())
    counts = accounting(frame)
    assert counts.identified == 11
    assert (counts.granted, counts.challenged, counts.not_eligible, counts.already_granted,
            counts.pending) == (7, 0, 1, 1, 2)  # fmt: skip
    assert (counts.granted + counts.challenged + counts.not_eligible + counts.already_granted
            + counts.pending) == counts.identified  # fmt: skip
    assert counts.listed_separately == 4
    assert [(c.key, k) for c, k in counts.by_category] == [
        (LAWFUL.key, 3), (PEOPLES_REQUEST.key, 1), (MISDEMEANOR.key, 1), (INFRACTION.key, 1),
        (RECALL.key, 1),
    ]  # fmt: skip
    assert counts.people == 5  # Doe, Roe, Poe, Moe, Kay
    assert counts.held_back == 1  # Fay's 2018 offense
    assert counts.granted_without_case_number == 1  # Kay's policy dismissal


def test_a_policy_dismissal_is_the_peoples_request_never_legally_invalid() -> None:
    granted = granted_convictions(outcomes(sample_determinations()))
    words = granted.select(
        "subject_id", "cnt_order", relief_words().alias("r"), basis_words("").alias("b")
    )
    kay = words.filter(pl.col("subject_id") == "700").row(0)
    assert kay[2:] == ("Dismissed and sealed at the People's request", "County policy")
    doe = words.filter(pl.col("subject_id") == "100").row(0)
    assert doe[2:] == ("Dismissed and sealed as now lawful", "HS 11361.8(e)-(f); HS 11362.1")
    with_authority = granted.select(basis_words("Pen. Code, § 1385")).to_series().to_list()
    assert "County policy (Pen. Code, § 1385)" in with_authority
    assert not PEOPLES_REQUEST.lawful and "legally invalid" not in PEOPLES_REQUEST.order
    assert LAWFUL.lawful and LAWFUL_SERVING.lawful
    assert [c.key for c in (INFRACTION, MISDEMEANOR, RECALL) if c.lawful] == []


def test_a_dismissal_of_someone_still_serving_cites_a_b_and_is_not_sealed() -> None:
    frame = pl.DataFrame([conviction("1", "001", "dismiss", serving=True)], schema=SCHEMA)
    granted = granted_convictions(outcomes(frame))
    assert granted.item(0, "category") == LAWFUL_SERVING.key
    assert granted.select(basis_words("")).item() == "HS 11361.8(a)-(b); HS 11362.1"
    assert not granted.item(0, "case_sealable")


def test_staff_decisions_set_relief_and_basis() -> None:
    frame = sample_determinations()
    book = DecisionBook()
    # Moe's review -> reduce (felony 11360(a)): a misdemeanor, on the staff's basis.
    book.decide(frame, [("400", "001001002000")], final="reduce", reason="private: DDA Smith")
    # Kay's infraction -> reduce accepted as the engine had it: stays an infraction.
    book.decide(frame, [("700", "001002002000")], final=None)
    # Fay's held-back 2018 dismissal: a person decides it -> it may go to the court.
    book.decide(frame, [("800", "001001001000")], final=None)
    # Roe's reduce -> dismiss.
    book.decide(frame, [("200", "001001001000")], final="dismiss", reason="policy exception")
    decided = apply_decisions(frame, book)
    rows = by_subject(decided, "final_relief", "final_basis")
    assert rows[("400", "001001002000")] == ("redesignate_misdemeanor", "staff")
    assert rows[("700", "001002002000")] == ("redesignate_infraction", "statute")
    assert rows[("200", "001001001000")] == ("dismiss_seal", "staff")
    counts = accounting(outcomes(decided))
    assert counts.held_back == 0 and counts.pending == 0
    assert counts.staff_confirmed == 4
    granted = granted_convictions(outcomes(decided))
    roe = granted.filter(pl.col("subject_id") == "200")
    assert roe.select(relief_words(), basis_words("")).row(0) == (
        "Dismissed and sealed at the People's request", "District Attorney's decision")
    # Moe's case now has every conviction granted, but one is a redesignation: not sealed.
    assert not granted.filter(pl.col("subject_id") == "400").get_column("case_sealable").any()


def test_a_staff_reduce_for_someone_serving_is_a_recall() -> None:
    frame = pl.DataFrame([conviction("1", "001", "review", serving=True, level="felony")],
                         schema=SCHEMA)  # fmt: skip
    book = DecisionBook()
    book.decide(frame, [("1", "001001001000")], final="reduce", reason="checked the docket")
    assert apply_decisions(frame, book).item(0, "final_relief") == "recall_resentence"


def test_the_law_bounds_every_preset() -> None:
    """An offense on or after 2016-11-09 (offense date, else conviction date, else unknown)
    never reaches the court without a person deciding it."""
    rows = [
        conviction("1", "001", "dismiss", offense=date(2016, 11, 8), convicted=date(2017, 5, 1)),
        conviction("2", "001", "dismiss", offense=date(2016, 11, 9)),
        conviction("3", "001", "reduce", offense=None, convicted=date(2019, 1, 1)),
        conviction("4", "001", "dismiss", offense=None, convicted=None),
    ]
    counts = accounting(outcomes(pl.DataFrame(rows, schema=SCHEMA)))
    assert (counts.granted, counts.held_back, counts.pending) == (1, 3, 3)


def test_court_cases_are_court_case_numbers_not_arrest_cycles() -> None:
    """Two DOJ steps of one person under one court case number are one court case; a
    conviction without a case number is never a case to seal."""
    rows = [
        conviction("1", "001", "dismiss", case="001", case_number="CR-1"),
        conviction("1", "001", "dismiss", case="002", case_number="CR-1"),
        conviction("2", "001", "dismiss", case_number="CR-2"),
        conviction("2", "002", "review", case_number="CR-2"),
        conviction("3", "001", "dismiss", case_number=None),
        conviction("4", "001", "dismiss", case_number="CR-4", other=1),
    ]
    frame = pl.DataFrame(rows, schema=SCHEMA).with_columns(
        pl.col("cnt_order").str.slice(0, 3) + pl.col("case_key").str.slice(-3) + "001000"
    )
    granted = granted_convictions(outcomes(frame))
    sealable = dict(granted.select("subject_id", "case_sealable").unique().iter_rows())
    assert sealable == {"1": True, "2": False, "3": False, "4": False}
    counts = accounting(outcomes(frame))
    assert counts.cases_sealable == 1
    assert counts.granted_without_case_number == 1


def test_people_are_distinct_non_blank_subject_ids() -> None:
    rows = [
        conviction("1", "001", "dismiss"),
        conviction("1", "002", "dismiss"),
        conviction("", "001", "dismiss", name="BLANK,ONE"),
        conviction(" ", "002", "dismiss", name="BLANK,TWO"),
    ]
    counts = accounting(outcomes(pl.DataFrame(rows, schema=SCHEMA)))
    assert (counts.granted, counts.people) == (4, 1)
