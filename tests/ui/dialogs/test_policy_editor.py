"""The policy editor: every shipped policy survives form and TOML round trips; ranges hold."""

import json
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from app.eligibility.policy import (
    BUILTIN_POLICIES,
    CHALLENGE_GROUNDS,
    RELATED_OFFENCES,
    SWITCHES,
    THRESHOLDS,
    Policy,
    builtin_policy,
    load_bear_options,
    load_policy,
)
from app.eligibility.rules import RULES_BY_ID
from tests.ui.drive import shown
from ui.dialogs.policy_editor import PolicyEditor, demo_widget, policy_to_toml, save_policy_toml


def same(left: Policy, right: Policy) -> bool:
    return replace(left, source="") == replace(right, source="")


@pytest.mark.parametrize("name", BUILTIN_POLICIES)
def test_every_shipped_policy_survives_the_form_and_the_file(
    qtbot: QtBot, tmp_path: Path, name: str
) -> None:
    policy = builtin_policy(name)
    editor = PolicyEditor(policy)
    qtbot.addWidget(editor)
    assert same(editor.policy(), policy)
    path = tmp_path / f"{name}.toml"
    save_policy_toml(editor.policy(), path)
    assert same(load_policy(path), policy)


def test_edits_in_the_form_are_what_the_saved_file_holds(qtbot: QtBot, tmp_path: Path) -> None:
    editor = PolicyEditor(builtin_policy("statutory"))
    qtbot.addWidget(editor)
    editor.name.setText('Fresno "2024" draft')
    editor.policy_id.setText("fresno_2024")
    editor.felony["11357"].setCurrentIndex(editor.felony["11357"].findData("dismiss"))
    editor.felony["11360"].setCurrentIndex(editor.felony["11360"].findData("neither"))
    editor.show()
    qtbot.waitExposed(editor)
    box, spin = editor.thresholds["years_crime_free"]
    qtbot.keyClick(box, Qt.Key.Key_Space)  # reachable and operable from the keyboard
    assert spin.isEnabled()
    spin.setValue(10)
    editor.switches["deceased"].setChecked(True)
    editor.grounds["currently_serving"].setCurrentIndex(1)
    editor.related["attempt"].setChecked(True)
    editor.after_cutoff.setCurrentIndex(1)
    path = tmp_path / "fresno.toml"
    save_policy_toml(editor.policy(), path)
    loaded = load_policy(path)
    assert loaded.name == 'Fresno "2024" draft'
    assert loaded.id == "fresno_2024"
    assert (loaded.felony_dismiss, loaded.felony_reduce) == (("11357",), ("11358", "11359"))
    assert loaded.additional.years_crime_free == 10
    assert loaded.additional.deceased
    assert loaded.ground("currently_serving") == "ignore"
    assert loaded.ground("prior_super_strike") == "review"
    assert loaded.related == ("attempt",)
    assert not loaded.after_cutoff_not_eligible


def test_toml_holds_every_key_and_awkward_text() -> None:
    policy = replace(builtin_policy("sacramento_2019"),
                     description='Line one\nquote " back\\slash \x7f tab\t émoji 🌿')
    data = tomllib.loads(policy_to_toml(policy))
    assert data["description"] == policy.description
    assert set(data["additional_relief"]) == set(THRESHOLDS) | set(SWITCHES)
    assert set(data["challenges"]) == set(CHALLENGE_GROUNDS)


def test_spin_boxes_allow_only_the_policy_ranges(qtbot: QtBot) -> None:
    editor = PolicyEditor(builtin_policy("los_angeles_2020"))
    qtbot.addWidget(editor)
    for key, (low, high) in THRESHOLDS.items():
        _, spin = editor.thresholds[key]
        assert (spin.minimum(), spin.maximum()) == (low, high)
    _, age = editor.thresholds["age_at_least"]
    age.lineEdit().selectAll()
    qtbot.keyClicks(age, "45")
    qtbot.keyClick(age, Qt.Key.Key_Return)
    assert (age.value(), age.text()) == (45, "45 years")
    age.lineEdit().selectAll()
    qtbot.keyClicks(age, "99")  # the 9 after 9 is refused: 99 is over 65
    assert age.value() <= 65
    age.setValue(70)
    assert age.value() == 65
    assert editor.policy().additional.age_at_least == 65
    assert len(editor.related) == len(RELATED_OFFENCES)


def test_an_unchecked_threshold_is_off(qtbot: QtBot) -> None:
    editor = PolicyEditor(builtin_policy("los_angeles_2020"))
    qtbot.addWidget(editor)
    box, spin = editor.thresholds["age_at_least"]
    box.setChecked(False)
    assert not spin.isEnabled()
    assert editor.policy().additional.age_at_least == 0


def test_a_bad_name_or_id_keeps_the_dialog_open_with_the_reason(qtbot: QtBot) -> None:
    editor = PolicyEditor(builtin_policy("statutory"))
    qtbot.addWidget(editor)
    editor.show()
    editor.policy_id.setText("Fresno County!")
    editor.accept()
    assert editor.isVisible()
    assert editor.result() != editor.DialogCode.Accepted
    assert "lower-case letters" in editor.error.text()
    editor.policy_id.setText("fresno")
    editor.name.setText("  ")
    editor.accept()
    assert "name is empty" in editor.error.text()
    editor.name.setText("Fresno")
    with qtbot.waitSignal(editor.accepted):
        editor.accept()


def test_bear_options_survive_the_form(qtbot: QtBot, tmp_path: Path) -> None:
    options = tmp_path / "options.json"
    options.write_text(json.dumps({
        "baselineEligibility": {"dismiss": ["11357"], "reduce": ["11358", "11359", "11360"]},
        "additionalRelief": {"subjectAgeThreshold": 50, "yearsCrimeFreeThreshold": 5},
    }))
    editor = PolicyEditor(load_bear_options(options))
    qtbot.addWidget(editor)
    assert not editor.error.isVisibleTo(editor)
    policy = editor.policy()
    assert policy.procedure == "bear"
    assert (policy.additional.age_at_least, policy.additional.years_crime_free) == (50, 5)
    assert all(policy.ground(g) == "ignore" for g in CHALLENGE_GROUNDS)


def test_controls_are_named_and_nothing_is_clipped(qtbot: QtBot) -> None:
    editor = shown(qtbot, demo_widget())
    for spin, combo in zip(editor.thresholds.values(), editor.grounds.values(), strict=False):
        assert spin[1].accessibleName()
        assert combo.accessibleName()
    area = editor.findChild(QScrollArea)
    assert area.viewport().width() >= area.widget().minimumSizeHint().width()
    for widget in area.widget().findChildren(QCheckBox) + area.widget().findChildren(
            QComboBox):
        assert widget.width() >= widget.minimumSizeHint().width(), widget.accessibleName()
    for label in area.widget().findChildren(QLabel):
        if label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        else:
            assert label.width() >= label.minimumSizeHint().width(), label.text()


def test_groups_say_what_they_hold_and_rules_go_by_their_chart_titles(qtbot: QtBot) -> None:
    editor = PolicyEditor(builtin_policy("los_angeles_2020"))
    qtbot.addWidget(editor)
    misdemeanors = editor.switches["all_misdemeanors"]
    group = next(g for g in editor.findChildren(QGroupBox) if g.isAncestorOf(misdemeanors))
    assert "misdemeanors" in group.title() and "felonies" in group.title()
    meanings = {label.accessibleName(): label.text() for label in editor.findChildren(QLabel)}
    county = RULES_BY_ID["MISDEMEANOR_OR_INFRACTION"].title
    assert county in meanings[f"{misdemeanors.text()}: meaning"]
    strike = RULES_BY_ID["CHALLENGE_PRIOR_SUPER_STRIKE"].title
    assert strike in meanings["Prior super strike: meaning"]
    assert "floor" not in " ".join(meanings.values())
