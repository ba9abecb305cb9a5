"""Juvenile court cannabis counts DOJ lists with a finding but no conviction (HS 11361.8(m)):
never evaluated as convictions, never dropped silently either (app.eligibility.juvenile)."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from app import cli
from app.doj.reader import read_sources
from app.doj.source import DojSource
from app.eligibility.juvenile import juvenile_not_evaluated
from app.eligibility.policy import builtin_policy
from app.eligibility.rows import prepare_rows
from app.exports.inputs import read_summary
from app.exports.motion import MotionFacts
from app.exports.office import OfficeDetails
from app.exports.readiness import JUVENILE, notes_for
from app.exports.relief import accounting, outcomes
from app.outputs import SUMMARY_JSON, write_summary
from app.pipeline import evaluate_rows
from tests.doj_builder import Person, rows_frame, to_csv

AS_OF = date(2026, 11, 1)
JUVENILE_COURT = "CAJV SACRAMENTO                         "  # padded as DOJ writes agencies


def listed(people: list[Person], county: str = "SACRAMENTO") -> pl.DataFrame:
    return juvenile_not_evaluated(prepare_rows(rows_frame(people)), county)


def adult_history() -> Person:
    """A person the engine evaluates: two adult cannabis convictions."""
    p = Person("A1", dob="19600101")
    p.conviction("11357(A) HS-POSSESS CONC CANNABIS", "19900101", CYC_DATE="19891201")
    p.conviction("11360(A) HS-SELL MARIJUANA", "19950101", level="FELONY", CYC_DATE="19941201")
    return p


def juvenile_history() -> Person:
    """A person the juvenile court found to have committed cannabis offenses, as DOJ writes
    it: one count CONVICTED (evaluated), the others with other findings (not evaluated)."""
    p = Person("J1", dob="19720301")
    p.conviction("11357(C) HS-POSS OVER 28.5 GRAMS", "19880510", disp="SUSTAINED PETITION",
                 STP_ORI_DESCR=JUVENILE_COURT, level="", toc="M", CYC_DATE="19880401")
    p.conviction("11359 HS-POSSESS MARIJUANA FOR SALE", "19890101", disp="WARD OF COURT",
                 STP_ORI_DESCR="SACRAMENTO JUVENILE COURT", level="", CYC_DATE="19881201")
    p.conviction("11358 HS-CULTIVATE MARIJUANA", "19890601", disp="CONVICTED",
                 STP_ORI_DESCR=JUVENILE_COURT, CYC_DATE="19890301")
    return p


def test_a_juvenile_finding_that_is_not_a_conviction_is_listed_with_its_place() -> None:
    p = Person("1")
    p.conviction("11357(C) HS-POSS OVER 28.5 GRAMS", "19880101", disp="SUSTAINED PETITION",
                 STP_ORI_DESCR=JUVENILE_COURT)
    p.conviction("11359 HS-SALE", "19880101", disp="WARD OF COURT",
                 STP_ORI_DESCR="SACRAMENTO JUVENILE COURT")
    # The charge in the comment, the court known by the disposition alone.
    p.conviction("SEE COMMENT FOR CHARGE", "19880101", disp="JUVENILE DISPOSITION-PROBATION",
                 COMMENT_TEXT="11360A2 HS-SELL")
    p.conviction("664-11359 HS-ATTEMPT SALE", "19880101", disp="SUSTAINED PETITION",
                 STP_ORI_DESCR=JUVENILE_COURT)
    got = listed([p])
    assert got["code_section"].to_list() == ["11357(C) HS", "11359 HS", "11360A2 HS",
                                             "664-11359 HS"]
    assert got["DISP_DESCR"].to_list() == ["SUSTAINED PETITION", "WARD OF COURT",
                                           "JUVENILE DISPOSITION-PROBATION",
                                           "SUSTAINED PETITION"]
    assert got["STP_ORI_DESCR"][0] == "CAJV SACRAMENTO"
    assert got.select("source", "line").rows() == [("test.dat", 2), ("test.dat", 3),
                                                   ("test.dat", 4), ("test.dat", 5)]


def test_only_cannabis_findings_of_this_countys_juvenile_court_without_a_conviction() -> None:
    p = Person("1")
    for disposition in ("PETITION DISMISSED", "DISMISSED", "NOT SUSTAINED", "NOT TRUE",
                        "ACQUITTED", ""):
        p.conviction("11359 HS-SALE", "19880101", disp=disposition,
                     STP_ORI_DESCR=JUVENILE_COURT)
    p.conviction("11359 HS-SALE", "19880101", disp="CONVICTED", STP_ORI_DESCR=JUVENILE_COURT)
    # A finding and, on a later entry of the same count, a conviction: evaluated already.
    both = p.conviction("11359 HS-SALE", "19880101", disp="SUSTAINED PETITION",
                        STP_ORI_DESCR=JUVENILE_COURT)
    p.later_entry(both, "19880301", "CONVICTED")
    p.conviction("459 PC-BURGLARY", "19880101", disp="SUSTAINED PETITION",
                 STP_ORI_DESCR=JUVENILE_COURT)
    p.conviction("11357.5 HS-SYNTH CANNABINOID", "19880101", disp="SUSTAINED PETITION",
                 STP_ORI_DESCR=JUVENILE_COURT)
    p.conviction("11359 HS-SALE", "19880101", disp="SUSTAINED PETITION",
                 STP_ORI_DESCR="CAJV YOLO", county="YOLO")
    p.conviction("11359 HS-SALE", "19880101", disp="SUSTAINED PETITION")  # the superior court
    assert listed([p]).height == 0
    assert listed([p], county="YOLO")["STP_ORI_DESCR"].to_list() == ["CAJV YOLO"]


def test_literal_rows_with_crlf_no_header_and_quotes_read_the_same() -> None:
    data = to_csv([juvenile_history()], header=False, crlf=True)
    assert b"\r\n" in data
    quoted = data.replace(b"WARD OF COURT", b'"WARD OF COURT"')
    frame = read_sources([DojSource(name="delivery 1.dat", data=quoted)])
    got = juvenile_not_evaluated(prepare_rows(frame), "SACRAMENTO")
    assert got.select("code_section", "DISP_DESCR", "line").rows() == [
        ("11357(C) HS", "SUSTAINED PETITION", 1), ("11359 HS", "WARD OF COURT", 2)]


@pytest.mark.parametrize("policy_id", ["bear_default", "statutory"])
def test_the_determinations_do_not_change_and_the_summary_counts_them(policy_id: str) -> None:
    policy = builtin_policy(policy_id)
    alone = evaluate_rows(rows_frame([adult_history()]), county="SACRAMENTO", policy=policy,
                          as_of=AS_OF)
    both = evaluate_rows(rows_frame([adult_history(), juvenile_history()]),
                         county="SACRAMENTO", policy=policy, as_of=AS_OF)
    # The juvenile court's CONVICTED count is evaluated as ever; the other two are not.
    evaluated = both.determinations.filter(pl.col("subject_id") == "J1")
    assert evaluated["cnt_order"].to_list() == ["003001003000"]
    assert both.determinations.filter(pl.col("subject_id") == "A1").equals(
        alone.determinations)
    assert (alone.summary.juvenile_not_evaluated, both.summary.juvenile_not_evaluated) == (0, 2)
    assert both.juvenile["CNT_ORDER"].to_list() == ["001001001000", "002001002000"]


def test_summary_json_carries_the_count_and_an_older_file_reads_as_none(
    tmp_path: Path,
) -> None:
    result = evaluate_rows(rows_frame([juvenile_history()]), county="SACRAMENTO",
                           policy=builtin_policy("statutory"), as_of=AS_OF)
    write_summary(tmp_path, result.summary)
    data = json.loads((tmp_path / SUMMARY_JSON).read_text(encoding="utf-8"))
    assert data["juvenile_not_evaluated"] == 2
    assert read_summary(tmp_path / SUMMARY_JSON) == result.summary
    del data["juvenile_not_evaluated"]  # as an evaluate before this one wrote it
    (tmp_path / SUMMARY_JSON).write_text(json.dumps(data), encoding="utf-8")
    assert read_summary(tmp_path / SUMMARY_JSON) == replace(result.summary,
                                                            juvenile_not_evaluated=0)


def test_export_names_them_and_says_the_papers_do_not_reach_them() -> None:
    result = evaluate_rows(rows_frame([juvenile_history()]), county="SACRAMENTO",
                           policy=builtin_policy("statutory"), as_of=AS_OF)
    counts = accounting(outcomes(result.determinations))
    facts = MotionFacts.from_summary(result.summary)
    for motion in (True, False):
        notes = [note for note in notes_for(counts, facts, OfficeDetails(), motion=motion)
                 if note.key == JUVENILE]
        assert len(notes) == 1
        assert notes[0].text.startswith("2 cannabis count(s) of a juvenile court")
        assert "HS 11361.8(m)" in notes[0].text and "papers do not reach them" in notes[0].text
    none = replace(facts, juvenile_not_evaluated=0)
    assert not [n for n in notes_for(counts, none, OfficeDetails()) if n.key == JUVENILE]


def test_evaluate_warns_with_where_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doj.dat"
    path.write_bytes(to_csv([adult_history(), juvenile_history()]))
    code = cli.main(["evaluate", str(path), "--county", "Sacramento", "--out",
                     str(tmp_path / "out"), "--as-of", AS_OF.isoformat()])
    assert code == 0
    warning = next(line for line in capsys.readouterr().err.split("\n")
                   if "juvenile court" in line)
    assert warning.startswith("warning: 2 cannabis count(s) of a juvenile court")
    assert f"({path} line 4, {path} line 5)" in warning
    assert "review each by hand" in warning
