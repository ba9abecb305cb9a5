"""Filtering, search and sort of the triage grid as polars expressions."""

from datetime import date

import polars as pl
from polars.testing import assert_frame_equal, assert_series_equal

from app.triage.counts import determination_counts
from app.triage.query import TriageQuery, matching_rows, no_match_text, sort_order
from app.triage.snapshot import build_snapshot, with_decisions
from app.triage.view import TriageView
from tests.app.triage.builders import determinations_frame


def small_frame() -> pl.DataFrame:
    base = determinations_frame(4)
    return base.with_columns(
        pl.Series("name", ["LOPEZ,ANA", "SMITH,JAMES", "lopez,maria", "KIM,DAVID"]),
        pl.Series("cii_number", ["A1", "B22", "A333", "C4"]),
        pl.Series("case_number", ["19CR1; 19CR2", "07M55", "", "88F1"]),
        pl.Series("determination", ["dismiss", "reduce", "review", "dismiss"]),
        pl.Series("level", ["felony", "felony", "misdemeanor", "infraction"]),
        pl.Series("section", ["11359", "11360", "11357", "11357"]),
        pl.Series("flags", ["", "padded_value; unknown_conviction_date", "padded_value", ""]),
        pl.Series("conviction_date", [date(2001, 1, 1), None, date(1999, 5, 5), date(2010, 1, 1)]),
    )


def rows(query: TriageQuery) -> list[int]:
    return matching_rows(build_snapshot(small_frame()), query).to_list()


def test_no_filter_shows_every_row_in_file_order() -> None:
    assert rows(TriageQuery()) == [0, 1, 2, 3]


def test_search_is_case_insensitive_over_name_cii_and_case_number() -> None:
    assert rows(TriageQuery(search="lopez")) == [0, 2]
    assert rows(TriageQuery(search="a33")) == [2]
    assert rows(TriageQuery(search="19cr2")) == [0]
    assert rows(TriageQuery(search="  smith,james ")) == [1]
    assert rows(TriageQuery(search="nobody")) == []


def accented_frame() -> pl.DataFrame:
    names = ["PEÑA,JOSE", "Pena,Ana", "PEN\u0303A,LUIS", "PENALOZA,MARIA", "SMITH,JOSÉ"]
    return determinations_frame(5).with_columns(
        pl.Series("name", names),
        pl.Series("cii_number", ["A1", "A2", "A3", "A4", "A5"]),
        pl.Series("case_number", ["19CR1", "07M55", "", "88F1", "ÑO-1"]),
    )


def test_search_ignores_accents_and_case_on_both_sides() -> None:
    snapshot = build_snapshot(accented_frame())
    # PEÑA (one code point), Pena, and PEN + a combining tilde all match; PENALOZA too.
    assert matching_rows(snapshot, TriageQuery(search="pena")).to_list() == [0, 1, 2, 3]
    assert matching_rows(snapshot, TriageQuery(search="peña,")).to_list() == [0, 1, 2]
    assert matching_rows(snapshot, TriageQuery(search="PEN\u0303A,L")).to_list() == [2]
    assert matching_rows(snapshot, TriageQuery(search="jose")).to_list() == [0, 4]
    assert matching_rows(snapshot, TriageQuery(search="no-1")).to_list() == [4]  # case number


def test_narrowing_folds_as_the_full_scan_does() -> None:
    view = TriageView(build_snapshot(accented_frame()))
    view.set_query(TriageQuery(search="pe"))
    view.set_query(TriageQuery(search="peñ"))
    assert view.rows.to_list() == [0, 1, 2, 3]


def test_search_text_is_literal_not_a_regex() -> None:
    assert rows(TriageQuery(search="A.")) == []
    assert rows(TriageQuery(search="(")) == []


def test_filters_combine_with_and_and_values_with_or() -> None:
    assert rows(TriageQuery(determinations=frozenset({"dismiss"}))) == [0, 3]
    assert rows(TriageQuery(determinations=frozenset({"dismiss", "review"}))) == [0, 2, 3]
    assert rows(
        TriageQuery(determinations=frozenset({"dismiss"}), levels=frozenset({"felony"}))
    ) == [0]
    assert rows(TriageQuery(sections=frozenset({"11357"}), search="kim")) == [3]


def test_flag_filter_matches_whole_flag_ids() -> None:
    assert rows(TriageQuery(flags=frozenset({"padded_value"}))) == [1, 2]
    assert rows(TriageQuery(flags=frozenset({"unknown_conviction_date"}))) == [1]
    assert rows(TriageQuery(flags=frozenset({"padded"}))) == []


def test_status_filter_uses_decisions_when_present() -> None:
    decided = small_frame().with_columns(
        pl.Series("final_determination", [None, "challenge", None, None], dtype=pl.String),
        pl.Series("status", ["pending", "changed", "accepted", "pending"]),
    )
    snapshot = build_snapshot(decided)
    assert matching_rows(snapshot, TriageQuery(statuses=frozenset({"pending"}))).to_list() == [0, 3]
    challenged = TriageQuery(determinations=frozenset({"challenge"}))
    assert matching_rows(snapshot, challenged).to_list() == [1]
    assert determination_counts(snapshot) == {
        "dismiss": 2,
        "reduce": 0,
        "challenge": 1,
        "review": 1,
        "not_eligible": 0,
    }


def test_without_decisions_every_row_is_pending() -> None:
    assert rows(TriageQuery(statuses=frozenset({"pending"}))) == [0, 1, 2, 3]
    assert rows(TriageQuery(statuses=frozenset({"accepted"}))) == []


def test_sort_by_date_puts_unknown_dates_last_both_ways() -> None:
    snapshot = build_snapshot(small_frame())
    assert sort_order(snapshot, "conviction_date", False).to_list() == [2, 0, 3, 1]
    assert sort_order(snapshot, "conviction_date", True).to_list() == [3, 0, 2, 1]


def test_sort_is_stable_for_ties() -> None:
    snapshot = build_snapshot(small_frame())
    assert sort_order(snapshot, "level", False).to_list() == [0, 1, 3, 2]


def test_view_keeps_sort_while_searching_and_narrowing_matches_full_scan() -> None:
    snapshot = build_snapshot(determinations_frame(3000, seed=7))
    view = TriageView(snapshot)
    view.set_sort("name", descending=True)
    for text in ["G", "GA", "GARCIA", "GARCIA,M", "GARCI"]:
        view.set_search(text)
        full = matching_rows(snapshot, view.query)
        assert_series_equal(view.rows, full)
    names = snapshot.frame.get_column("name").gather(view.rows).to_list()
    assert names == sorted(names, reverse=True)
    assert all("GARCI" in n for n in names) and names


def test_view_reapplies_query_to_a_new_snapshot() -> None:
    frame = small_frame()
    view = TriageView(build_snapshot(frame), TriageQuery(statuses=frozenset({"pending"})))
    assert view.count == 4
    decided = frame.with_columns(
        pl.Series("final_determination", ["dismiss", None, None, None], dtype=pl.String),
        pl.Series("status", ["accepted", "pending", "pending", "pending"]),
    )
    view.set_snapshot(build_snapshot(decided), keep_rows=True)
    assert view.rows.to_list() == [0, 1, 2, 3]  # the decided row stays under the cursor
    assert view.counts()["dismiss"] == 2
    view.set_search("")  # the next query change applies the filter afresh
    assert view.rows.to_list() == [1, 2, 3]
    assert view.shown_counts()["dismiss"] == 1
    view.set_snapshot(build_snapshot(frame))
    assert view.rows.to_list() == [0, 1, 2, 3]


def test_decisions_update_a_snapshot_like_a_fresh_build() -> None:
    frame = small_frame()
    decided = frame.with_columns(
        pl.Series("final_determination", [None, "challenge", None, None], dtype=pl.String),
        pl.Series("status", ["pending", "changed", "accepted", "pending"]),
    )
    updated = with_decisions(build_snapshot(frame), decided)
    fresh = build_snapshot(decided)
    assert_frame_equal(updated.frame.select(fresh.frame.columns), fresh.frame)


def test_snapshot_lists_filter_choices_and_finds_rows_by_key() -> None:
    snapshot = build_snapshot(small_frame())
    assert snapshot.distinct("flags") == ["padded_value", "unknown_conviction_date"]
    assert snapshot.distinct("level") == ["felony", "infraction", "misdemeanor"]
    keys = [snapshot.key_of(3), snapshot.key_of(1)]
    assert snapshot.rows_of_keys(keys) == [1, 3]


def test_an_empty_result_says_what_matched_nothing_and_how_to_get_back() -> None:
    assert no_match_text(TriageQuery(search="  pena  ")).startswith("No convictions match “pena”.")
    both = no_match_text(TriageQuery(search="pena", levels=frozenset({"felony"}),
                                     statuses=frozenset({"pending"})))
    assert "with the level, status filters chosen" in both and "Clear filters" in both
    only = no_match_text(TriageQuery(determinations=frozenset({"reduce"})))
    assert only.startswith("No convictions match the determination filter chosen")
