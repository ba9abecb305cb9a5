"""The new-run dialog: the file's counties first with their counts, then the rest A to Z;
the as-of date and the policy, built in or imported from BEAR."""

import json
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.counties import COUNTIES
from ui.dialogs.run_dialog import RunDialog


def test_the_files_counties_come_first_with_counts_then_the_rest_a_to_z(qtbot: QtBot) -> None:
    dialog = RunDialog(["YOLO", "SACRAMENTO", "NOT A COUNTY"],
                       counts={"YOLO": 1_204, "SACRAMENTO": 1, "NOT A COUNTY": 3})  # fmt: skip
    qtbot.addWidget(dialog)
    data = [dialog.county.itemData(i) for i in range(dialog.county.count())]
    texts = [dialog.county.itemText(i) for i in range(dialog.county.count())]
    assert data[:2] == ["YOLO", "SACRAMENTO"]
    assert texts[:2] == ["Yolo — 1,204 convictions of any kind",
                         "Sacramento — 1 conviction of any kind"]  # fmt: skip
    assert data[2] is None  # the separator
    rest = data[3:]
    assert rest == [c for c in COUNTIES if c not in ("YOLO", "SACRAMENTO")]
    assert rest == sorted(rest) and len(rest) == 56  # each of the 58 once, no other name
    assert "most convictions first" in dialog.county_order.text()
    assert "A to Z" in dialog.county_order.text()
    dialog.county.setCurrentIndex(1)
    dialog.as_of.setDate(dialog.as_of.date().addDays(-1))
    settings = dialog.settings()
    assert settings.county == "SACRAMENTO"
    assert settings.as_of == date.fromordinal(date.today().toordinal() - 1)
    assert settings.policy.id == "statutory"
    dialog.policy.setCurrentIndex(dialog.policy.findData("los_angeles_2020"))
    assert dialog.settings().policy.id == "los_angeles_2020"
    assert "50 or older" in dialog.description.text()


def test_a_file_without_california_counties_says_so(qtbot: QtBot) -> None:
    dialog = RunDialog(["NOT A COUNTY"], counts={"NOT A COUNTY": 3})
    qtbot.addWidget(dialog)
    assert dialog.county.count() == 58
    assert "names no California county" in dialog.county_order.text()


def test_run_dialog_county_is_fixed_for_an_existing_workspace(qtbot: QtBot) -> None:
    dialog = RunDialog(["SACRAMENTO"], fixed_county="YOLO")
    qtbot.addWidget(dialog)
    assert not dialog.county.isEnabled()
    assert dialog.settings().county == "YOLO"


def test_run_dialog_imports_bear_options(qtbot: QtBot, tmp_path: Path) -> None:
    options = tmp_path / "county.json"
    options.write_text(
        json.dumps({"baselineEligibility": {"dismiss": ["11357"], "reduce": ["11359"]},
                    "additionalRelief": {"subjectAgeThreshold": 57}}),
        encoding="utf-8",
    )  # fmt: skip
    dialog = RunDialog(["SACRAMENTO"])
    qtbot.addWidget(dialog)
    dialog.import_bear_file(options)
    policy = dialog.settings().policy
    assert policy.procedure == "bear" and policy.additional.age_at_least == 57
    assert dialog.policy.currentText() == "BEAR options (county.json)"


def test_a_bad_bear_file_is_one_message_and_keeps_the_policy(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"additionalRelief": {"subjectAgeThreshold": "fifty"}}', encoding="utf-8")
    dialog = RunDialog(["SACRAMENTO"])
    qtbot.addWidget(dialog)
    dialog.import_bear_file(bad)
    box = dialog.findChild(QMessageBox, "errorMessage")
    assert box is not None and str(bad) in box.text() and "subjectAgeThreshold" in box.text()
    assert dialog.settings().policy.id == "statutory"
