"""Frames polars holds in pieces still evaluate: a regression for a streaming-engine panic."""

from datetime import date

import polars as pl

from app.eligibility.convictions import build_convictions
from app.eligibility.engine import attach_priors, evaluate, select_candidates
from app.eligibility.people import build_people
from app.eligibility.policy import builtin_policy
from app.eligibility.priors import build_prior_events
from app.eligibility.rows import prepare_rows
from tests.doj_builder import Person, rows_frame


def test_candidates_in_pieces_one_of_them_empty_evaluate() -> None:
    # A lazy filter keeps one piece (chunk) per input piece, empty ones too; polars'
    # streaming engine then panicked ("i < self.len()") formatting the sentence end of the
    # conviction still being served. Found on a random BEAR comparison file.
    people = [Person(str(i)) for i in range(5)]
    people[0].conviction("11357 HS-POSSESS", "20091111", level="MISDEMEANOR", toc="M")
    people[1].conviction("11357 HS-POSSESS", "20091112", level="MISDEMEANOR", toc="M")
    people[2].conviction("11359 HS-SALE", "20091111")
    people[3].conviction("11359 HS-SALE", "")
    people[4].conviction("11358 HS-CULTIVATE", "20191113", sentence=("1", "Y"))
    policy, as_of = builtin_policy("statutory"), date(2019, 11, 11)
    prepared = prepare_rows(rows_frame(people)).collect().lazy()
    convictions = build_convictions(prepared).collect().lazy()
    candidates = select_candidates(convictions, "SACRAMENTO", policy).collect()
    pieces = pl.concat([candidates.slice(0, 2), candidates.slice(2, 1), candidates.slice(3, 2)],
                       rechunk=False)
    without_2 = pieces.lazy().filter(pl.col("subject_id") != "2")  # pieces of 2, 0 and 2
    cases = candidates.lazy().select("case_key").with_columns(
        pl.lit(1, pl.UInt64).alias("case_convictions"), pl.lit("").alias("case_number"))
    det = evaluate(attach_priors(without_2, build_prior_events(prepared, convictions)),
                   build_people(prepared, convictions), cases, policy, as_of)
    assert det["facts"].to_list() == ["", "", "", "sentence ends 2020-11-13"]
