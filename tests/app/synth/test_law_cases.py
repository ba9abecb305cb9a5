"""`synth --law-cases` writes the situations the law turns on, and the facts find each one."""

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from app.cli import main
from app.doj.reader import read_sources
from app.doj.source import DojSource
from app.eligibility.convictions import build_convictions
from app.eligibility.policy import builtin_policy
from app.eligibility.priors import attach_priors, build_prior_events
from app.eligibility.rows import prepare_rows
from app.pipeline import evaluate_rows
from app.synth.options import checked_options
from app.synth.writer import generate_bytes
from tests.app.synth.rows import records

CUTOFF = date(2016, 11, 9)


@pytest.fixture(scope="module")
def raw() -> bytes:
    return generate_bytes(checked_options("Sacramento", people=3000, seed=5, law_cases=True))[0]


@pytest.fixture(scope="module")
def facts(raw: bytes) -> pl.DataFrame:
    prepared = prepare_rows(read_sources([DojSource("law.dat", raw)])).collect().lazy()
    convictions = build_convictions(prepared).collect()
    events = build_prior_events(prepared, convictions.lazy())
    return attach_priors(convictions.lazy(), events).collect()


def test_the_written_forms_are_there(raw: bytes) -> None:
    offenses = {r["OFFENSE_DESCR"] for r in records(raw)}
    for start in ("11360A2 HS-", "11359B HS-", "11357 (B) HS-", "664/11359 HS-", "664+11360(A)",
                  "66411359 HS-", "182(A)(1) PC-", "664/187(A) PC-"):
        assert any(o.startswith(start) for o in offenses), start
    juvenile_courts = {r["STP_ORI_DESCR"].strip() for r in records(raw)
                       if r["STP_ORI_TYPE_DESCR"] == "JUVENILE COURT"}
    assert juvenile_courts and all(c.startswith("CAJV ") for c in juvenile_courts)


def test_the_facts_find_every_situation(facts: pl.DataFrame) -> None:
    prop64 = facts.filter(pl.col("is_prop64"))
    straddle = prop64.filter((pl.col("offense_date") < CUTOFF) & (pl.col("event_date") > CUTOFF))
    assert straddle.height > 20
    assert prop64["offense_date_from_conviction"].sum() > 10
    assert prop64.filter(pl.col("juvenile")).height > 20
    assert set(prop64["later_relief"].drop_nulls()) == {"prop64", "pc17b", "pc1203_4", "vacated"}
    assert prop64.filter(pl.col("later_relief") == "prop64")["later_relief_date"].min() >= CUTOFF
    assert prop64.filter(pl.col("section_subs") == "(A)(2)")["code_section"].str.contains(
        "11360A2").any()
    related = facts.filter(pl.col("related_prefix").is_not_null())
    assert set(related["related_prefix"]) == {"664", "182", "32"}
    assert (prop64["count_super_strike"] > 0).any()
    assert facts.filter(pl.col("code_section").str.starts_with("664/187"))["is_super_strike"].all()
    three = prop64.filter((pl.col("section_number") == "11359") & (pl.col("count_repeat") >= 2))
    assert three.height > 10


def test_off_by_default(raw: bytes) -> None:
    plain = generate_bytes(checked_options("Sacramento", people=3000, seed=5))[0]
    assert b"CAJV" not in plain and b"664/187(A)" not in plain and b"CAJV" in raw


def test_a_law_cases_file_evaluates_without_unclear_sections(raw: bytes) -> None:
    rows = read_sources([DojSource("law.dat", raw)])
    result = evaluate_rows(rows, county="SACRAMENTO", policy=builtin_policy("statutory"),
                           as_of=date(2024, 1, 1))
    unclear = result.determinations.filter(pl.col("rule_id") == "UNCLEAR_PROP64_SECTION")
    # Only the wrong code letters (11359(A)PC) are left unclear; every subdivision form parses.
    assert set(unclear["code_section"]) <= {"11359(A)PC"}


def test_the_command_line_flag_writes_them(tmp_path: Path) -> None:
    out = tmp_path / "law.dat"
    assert main(["synth", "--county", "Yolo", "--people", "200", "--seed", "7", "--law-cases",
                 "--out", str(out)]) == 0
    expected = checked_options("YOLO", people=200, seed=7, law_cases=True)
    assert out.read_bytes() == generate_bytes(expected)[0]
    assert out.read_bytes() != generate_bytes(checked_options("YOLO", people=200, seed=7))[0]
