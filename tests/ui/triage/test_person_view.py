"""The person view on literal DOJ rows: timeline order, the deciding prior, the explanation."""

from datetime import date
from pathlib import Path

import polars as pl
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.doj.source import DojSource
from app.eligibility.policy import builtin_policy
from app.pipeline import evaluate_sources
from app.synth.options import checked_options
from app.synth.writer import generate_bytes
from tests.app.test_history import OTHER_PERSON, PERSON, doj_rows
from tests.ui.drive import shown
from ui.triage.person_view import HIGHLIGHT, PersonView, demo_widget
from ui.triage.stamps import local_time

DETERMINATION = {
    "subject_id": "S1", "cnt_order": "002001001000", "name": "DOE,JANE Q",
    "dob": date(1970, 1, 1), "cii_number": "A12345678", "case_number": "10F01234",
    "code_section": "11359 HS", "level": "felony", "conviction_date": date(2010, 3, 15),
    "determination": "review", "rule_id": "CHALLENGE_PRIOR_SUPER_STRIKE",
    "reason": "Prior super strike: the DA may challenge relief.",
    "statute": "HS 11361.8(e)(2); PC 667(e)(2)(C)(iv)",
    "flags": "prior_super_strike; unknown_dob", "currently_serving": False,
    "facts": "prior super strike 187 PC on 1991-01-10", "bear_reason": None,
}  # fmt: skip


def test_timeline_lists_the_whole_record_in_order_and_highlights_the_prior(
    qtbot: QtBot,
) -> None:
    view = PersonView()
    qtbot.addWidget(view)
    view.show_conviction(doj_rows({"S1": PERSON, "S2": [OTHER_PERSON]}), DETERMINATION)
    assert view.entries() == [
        ("001001001000", ""), ("001002001000", "Prior super strike"), ("001002002000", ""),
        ("002001001000", "This conviction"), ("003001001000", ""), ("004001001000", ""),
    ]
    cycles = [view.timeline.topLevelItem(i).text(0) for i in range(
        view.timeline.topLevelItemCount())]
    assert cycles == ["Cycle 001 · from 1990-03-01", "Cycle 002 · from 2010-03-15",
                      "Cycle 003 · from unknown (20120000)", "Cycle 004 · from 2015-06-01"]
    prior = view.timeline.topLevelItem(0).child(1)
    assert prior.background(3).color() == HIGHLIGHT
    assert prior.font(3).bold()
    assert prior.text(3) == "LOS ANGELES"
    assert prior.text(7) == "PRISON 15 years"
    plain = view.timeline.topLevelItem(0).child(0)
    assert plain.background(3).style() == Qt.BrushStyle.NoBrush
    assert plain.text(2) == "Arrest"


def test_explanation_names_rule_statute_facts_and_flags_in_words(qtbot: QtBot) -> None:
    view = PersonView()
    qtbot.addWidget(view)
    view.show_conviction(doj_rows({"S1": PERSON}), DETERMINATION)
    text = view.explanation.text()
    for expected in ("Needs review by a deputy DA", "CHALLENGE_PRIOR_SUPER_STRIKE",
                     "A super strike conviction, in another case",  # the rule, in words
                     "PC 667(e)(2)(C)(iv)", "prior super strike 187 PC on 1991-01-10",
                     "date of birth is blank or not a calendar date"):
        assert expected in text
    assert "DOE,JANE Q" in view.header.text()
    assert "1970-01-01" in view.header.text()


def test_recall_and_resentence_wording_for_a_person_still_serving(qtbot: QtBot) -> None:
    view = PersonView()
    qtbot.addWidget(view)
    serving = {**DETERMINATION, "determination": "reduce", "currently_serving": True,
               "flags": "", "facts": ""}
    view.show_conviction(doj_rows({"S1": PERSON}), serving)
    assert "Recall and resentence" in view.explanation.text()
    assert [mark for _, mark in view.entries() if mark] == ["This conviction"]
    view.clear()
    assert view.entries() == []


def test_demo_renders_at_a_readable_size(qtbot: QtBot, tmp_path: Path) -> None:
    widget = shown(qtbot, demo_widget())
    image = widget.grab()
    assert image.save(str(tmp_path / "person_view.png"))
    assert image.width() >= 800


def test_engine_output_shows_with_its_prior_highlighted(qtbot: QtBot) -> None:
    delivery = generate_bytes(checked_options("SACRAMENTO", people=1500, seed=7))
    result = evaluate_sources([DojSource("synth.dat", delivery[0], False)],
                              county="SACRAMENTO", policy=builtin_policy("statutory"),
                              as_of=date(2025, 1, 1))
    challenged = result.determinations.filter(
        pl.col("rule_id").is_in(["CHALLENGE_PRIOR_SUPER_STRIKE", "CHALLENGE_PRIOR_PC290"])
    ).row(0, named=True)
    view = PersonView()
    qtbot.addWidget(view)
    view.show_conviction(result.rows, challenged)
    marks = dict(view.entries())
    assert marks[challenged["cnt_order"]] == "This conviction"
    assert {"Prior super strike", "Prior PC 290 offense"} & set(marks.values())
    people_rows = result.rows.filter(pl.col("SUBJECT_ID") == challenged["subject_id"])
    assert len(marks) == people_rows["CNT_ORDER"].n_unique()


def test_a_staff_decision_is_shown_with_its_reason(qtbot: QtBot) -> None:
    view = PersonView()
    qtbot.addWidget(view)
    decided = {**DETERMINATION, "final_determination": "challenge", "status": "changed",
               "decision_reason": "Prior 187 confirmed in court file",
               "decided_by": "jdoe", "decided_at": "2026-11-02T18:00:00Z"}
    view.show_conviction(doj_rows({"S1": PERSON}), decided)
    text = view.explanation.text()
    assert "Staff decision: Challenge" in text
    assert "Prior 187 confirmed in court file" in text
    assert f"({local_time('2026-11-02T18:00:00Z')} by jdoe)" in text
    assert "2026-11-02T18:00:00Z" not in text  # never the raw UTC stamp
    view.show_conviction(doj_rows({"S1": PERSON}), {**decided, "status": "pending"})
    assert "Staff decision" not in view.explanation.text()


def test_the_timeline_speaks_plainly_and_explains_its_columns(qtbot: QtBot) -> None:
    view = shown(qtbot, demo_widget())
    assert isinstance(view, PersonView)
    header = view.timeline.headerItem()
    titles = [header.text(i) for i in range(header.columnCount())]
    assert "Part of the decision" in titles and "Offense" in titles
    assert "Decides" not in titles and "Offence" not in titles
    assert all(len(header.toolTip(i)) > 15 for i in range(header.columnCount()))
    explanation = view.explanation.text()
    assert "Based on:" in explanation and "Authority" not in explanation
    # The rule's title and description come before its id, which is only a reference.
    order = [explanation.index(text) for text in (
        "Rule: Prior super strike: challenge ground, review.",
        "A super strike conviction, in another case", "CHALLENGE_PRIOR_SUPER_STRIKE")]
    assert order == sorted(order)


def test_a_bear_reason_says_whose_words_it_is() -> None:
    from ui.triage.person_view import explanation_html

    text = explanation_html({**DETERMINATION, "rule_id": "BEAR_MISDEMEANOR",
                             "bear_reason": "Misdemeanor or Infraction"})  # fmt: skip
    assert "In the words of BEAR (Code for America's tool): Misdemeanor or Infraction" in text
    assert "BEAR step 1" in text  # the rule's own description, from app.eligibility.rules
