"""summary.json as one typed value: written in one place, read in one place, the format on
disk unchanged (a file the previous evaluate wrote reads back and is written the same), and
a bad key named with its file."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.eligibility.policy import builtin_policy
from app.eligibility.summary import DecidedSummary, ImpactSummary
from app.errors import InputError
from app.exports.inputs import read_summary
from app.outputs import SUMMARY_JSON, write_summary
from app.pipeline import evaluate_rows
from app.review import DecisionBook, apply_decisions
from app.triage.impact import decided_summary
from tests.app.review.frames import keys_of
from tests.doj_builder import Person, rows_frame

# Written by `countyclear evaluate --doj-file-date 2026-10-15` on the bundled sample before
# the summary had a type (only the source file's path shortened).
WRITTEN_BEFORE = Path(__file__).parent / "data" / "summary.json"


def evaluated() -> Any:
    a, b, c = Person("1", dob="19600101"), Person("2", dob="19900101"), Person("3")
    a.conviction("11359 HS-SALE", "20000101", case="CR-1")
    b.conviction("11357(B) HS-POSSESS", "20050101", level="MISDEMEANOR", toc="M")
    b.conviction("11360 HS-SALE", "20180101")
    c.conviction("664-11359 HS-SALE", "20100101")
    return evaluate_rows(rows_frame([a, b, c]), county="SACRAMENTO",
                         policy=builtin_policy("statutory"), as_of=date(2026, 11, 1))


def test_what_evaluate_computes_reads_back_the_same(tmp_path: Path) -> None:
    summary = evaluated().summary.with_doj_file_date(date(2026, 10, 15))
    write_summary(tmp_path, summary)
    assert read_summary(tmp_path / SUMMARY_JSON) == summary
    data = json.loads((tmp_path / SUMMARY_JSON).read_text(encoding="utf-8"))
    assert list(data) == list(json.loads(WRITTEN_BEFORE.read_text(encoding="utf-8")))
    assert (data["doj_file_date"], data["doj_file_date_source"]) == ("2026-10-15", "given")
    assert data["compliance"]["to_file"] == summary.determinations["dismiss"] + \
        summary.determinations["reduce"]
    unknown = replace(summary, doj_file_date=None).to_json()
    assert (unknown["doj_file_date"], unknown["doj_file_date_source"]) == ("", "unknown")


def test_a_file_the_previous_evaluate_wrote_reads_and_is_written_the_same(
    tmp_path: Path,
) -> None:
    summary = read_summary(WRITTEN_BEFORE)
    assert (summary.county, summary.as_of, summary.doj_file_date) == (
        "SACRAMENTO", date(2026, 11, 1), date(2026, 10, 15))
    assert summary.policy.id == "statutory" and summary.convictions_evaluated == 510
    assert summary.dismiss_all_prop64.people_no_conviction == 166
    write_summary(tmp_path, summary)
    # Byte for byte: the same keys in the same order, the derived compliance figures and
    # deadlines too (a change to a ground's words in app.eligibility.deadlines shows here).
    assert (tmp_path / SUMMARY_JSON).read_bytes() == WRITTEN_BEFORE.read_bytes()


def test_an_older_file_reads_its_date_of_the_file_modified_as_unknown(tmp_path: Path) -> None:
    """An evaluate of November 2026 took the delivery's modification date, kept the
    delivery's date beside it and wrote the first compliance figures: it still reads."""
    data = json.loads(WRITTEN_BEFORE.read_text(encoding="utf-8"))
    data.update(doj_file_date="2026-10-30", doj_file_date_source="file modified",
                delivery_file_date="2026-10-30",
                compliance={"identified": 510, "granted": 309, "challenged": 0,
                            "pending": 62})  # fmt: skip
    path = tmp_path / SUMMARY_JSON
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    summary = read_summary(path)
    assert summary.doj_file_date is None
    assert summary.compliance.to_file == 309 and summary.compliance.pending == 62
    assert summary == read_summary(WRITTEN_BEFORE).with_doj_file_date(None)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d.pop("people_with_relief"), "has no key people_with_relief"),
        (lambda d: d.update(as_of="11/01/2026"),
         "key as_of holds '11/01/2026', expected a date YYYY-MM-DD"),
        (lambda d: d.update(convictions_evaluated="510"),
         "key convictions_evaluated holds '510', expected a whole number"),
        (lambda d: d.update(people_evaluated=True),
         "key people_evaluated holds True, expected a whole number"),
        (lambda d: d["dismiss_all_prop64"].update(people_no_conviction=-1),
         "key dismiss_all_prop64.people_no_conviction holds -1, expected a whole number"),
        (lambda d: d["dismiss_all_prop64"].pop("people_no_felony"),
         "has no key dismiss_all_prop64.people_no_felony"),
        (lambda d: d["by_race"].update(WHITE=None),
         "key by_race.WHITE holds null, expected a whole number"),
        (lambda d: d.update(by_section=[1, 2]),
         "key by_section holds [1, 2], expected an object of figures"),
        (lambda d: d["policy"].update(name=7), "key policy.name holds 7, expected text"),
        (lambda d: d.update(sources="doj.dat"),
         "key sources holds 'doj.dat', expected a list of texts"),
        (lambda d: d.update(doj_file_date="2026-13-01"),
         "key doj_file_date holds '2026-13-01', expected a date YYYY-MM-DD"),
    ],
)
def test_a_bad_key_is_named_with_the_file(tmp_path: Path, change: Any, said: str) -> None:
    data = json.loads(WRITTEN_BEFORE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / SUMMARY_JSON
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_summary(path)
    assert caught.value.where == str(path)
    assert caught.value.message.startswith(said), caught.value.message
    assert "run `countyclear evaluate` again" in caught.value.message
    assert "\n" not in caught.value.render()


def test_a_summary_is_one_json_object(tmp_path: Path) -> None:
    path = tmp_path / SUMMARY_JSON
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="must hold one JSON object of figures"):
        read_summary(path)
    with pytest.raises(InputError, match="must hold one JSON object of figures"):
        ImpactSummary.from_json("text", "summary.json")


def test_the_figures_after_decisions_sit_beside_the_engines() -> None:
    result = evaluated()
    engine = result.summary.with_doj_file_date(date(2026, 10, 15))
    untouched = decided_summary(engine, result.determinations, result.convictions)
    assert untouched.engine is engine
    # The same figures; the decided counts name only the determinations present.
    counted = untouched.decided.determinations
    assert counted == {d: n for d, n in engine.determinations.items() if n}
    assert replace(untouched.decided, determinations=engine.determinations) == engine
    assert DecidedSummary.unchanged(engine) == DecidedSummary(engine, engine)
    frame = result.determinations
    book = DecisionBook()
    reduce = frame["determination"].to_list().index("reduce")
    book.decide(frame, keys_of(frame, reduce), final="challenge", reason="a sale")
    figures = decided_summary(engine, apply_decisions(frame, book), result.convictions)
    assert figures.engine is engine
    assert figures.decided.determinations["challenge"] == 1
    assert figures.decided.determinations.get("reduce", 0) == \
        engine.determinations["reduce"] - 1
    assert figures.decided.doj_file_date == date(2026, 10, 15)  # decisions leave it
    assert figures.decided.people_with_relief == engine.people_with_relief - 1
