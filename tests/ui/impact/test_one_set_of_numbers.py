"""One set of numbers: after a staff decision the Triage tab's counts and every Impact
figure agree, the engine's original shows beside a figure a decision changed, and rules
are named by their titles. Driven through the real window on the bundled sample."""

import polars as pl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from app.eligibility.rules import RULES, RULES_BY_ID
from app.triage.counts import determination_counts
from app.triage.impact import STAFF_REASON
from tests.ui.drive import catcher_for, caught_up, click_ok, open_window
from ui.dialogs.run_dialog import RunDialog
from ui.impact.dashboard import DISMISS_ALL_TITLE, determination_label
from ui.main_window import MainWindow
from ui.workspace.session import Session


def sample_session(qtbot: QtBot, window: MainWindow) -> Session:
    dialogs = catcher_for(window)
    qtbot.mouseClick(window.start.sample_button, Qt.MouseButton.LeftButton)
    run = dialogs.next(qtbot, RunDialog)
    with qtbot.waitSignal(window.flow.sessionReady, timeout=30_000) as ready:
        click_ok(qtbot, run.ok_button)
    session = ready.args[0]
    assert isinstance(session, Session)
    return session


def test_triage_and_impact_agree_after_a_staff_decision(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    session = sample_session(qtbot, window)
    frame = session.snapshot.frame
    # A reduce the staff turns into a dismissal: dismiss +1, reduce -1 on both tabs.
    row = frame.with_row_index().filter(pl.col("determination") == "reduce")["index"][0]
    assert session.summary is not None
    before = dict(session.summary.decided.determinations)
    session.decide(session.keys_of([row]), "dismiss", reason="the court's own file shows it")
    caught_up(qtbot, session)
    window.workspace.setCurrentIndex(1)  # the Impact tab
    dashboard = window.workspace.dashboard
    triage = determination_counts(session.snapshot)
    bars = dict(dashboard.chart_determination.bars)
    shown = {k: v for k, v in triage.items() if v}
    assert bars == {determination_label(k): v for k, v in shown.items()}
    assert triage["dismiss"] == before["dismiss"] + 1 and triage["reduce"] == before["reduce"] - 1
    assert int(dashboard.figure_text("compliance.granted").replace(",", "")) == (
        triage["dismiss"] + triage["reduce"])
    # reduce -> dismiss leaves the granted count as it was: no engine figure beside it.
    assert dashboard.engine_notes["compliance.granted"].isHidden()
    # People figures are recounted too; the engine's original shows where one changed.
    summary = session.summary
    assert summary is not None and summary.engine.determinations["reduce"] == before["reduce"]
    for key in ("people_with_relief", "people_no_felony", "people_no_conviction"):
        decided, engine = getattr(summary.decided, key), getattr(summary.engine, key)
        assert dashboard.figure_text(key) == f"{decided:,}"
        note = dashboard.engine_notes[key]
        assert note.isHidden() == (decided == engine)
    # Rules in words, never their ids; the comparison box says what it compares.
    # Each bar is its rule's title, fit for every conviction it counts, not one row's reason.
    by_rule = dict(dashboard.chart_rule.bars)
    assert by_rule and set(by_rule) <= {rule.title for rule in RULES} | {STAFF_REASON}
    for rule_id in ("LAWFUL_TODAY", "FELONY_REDUCE_SECTION"):
        assert by_rule[RULES_BY_ID[rule_id].title] == summary.decided.by_rule[rule_id]
    assert "Lawful today: dismiss and seal" in by_rule
    titles = [box.title() for box in dashboard.findChildren(QGroupBox)]
    assert DISMISS_ALL_TITLE in titles
    texts = " ".join(label.text() for label in dashboard.findChildren(QLabel))
    assert "whatever the policy and the staff decisions" in texts
    window.close()


def test_a_decision_that_frees_a_person_shows_the_engine_figure_beside(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    session = sample_session(qtbot, window)
    frame = session.snapshot.frame
    # Dismiss every not-eligible conviction: more people leave with no conviction.
    rows = frame.with_row_index().filter(pl.col("determination") != "dismiss")["index"]
    session.decide(session.keys_of(rows.to_list()), "dismiss", reason="county decision")
    caught_up(qtbot, session)
    window.workspace.setCurrentIndex(1)
    dashboard = window.workspace.dashboard
    summary = session.summary
    assert summary is not None
    assert summary.decided.people_no_conviction > summary.engine.people_no_conviction
    # Those dismissals are the staff's: the engine's reasons do not explain them.
    reasons = dict(dashboard.chart_reason.bars)
    rules = dict(dashboard.chart_rule.bars)
    assert reasons["Changed by a staff decision"] == rules["Changed by a staff decision"] == (
        rows.len())
    assert not any("redesignate" in label for label in reasons)
    granted = dashboard.engine_notes["compliance.granted"]
    assert not granted.isHidden() and granted.text().startswith("The engine found ")
    note = dashboard.engine_notes["people_no_conviction"]
    assert not note.isHidden()
    assert note.text() == (f"The engine found {summary.engine.people_no_conviction:,}, "
                           "before staff decisions")
    window.close()
