"""The app's evaluation records the DOJ file's date for the motion, as the command line does."""

import os
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from app.eligibility.policy import builtin_policy
from app.exports.motion import MotionFacts
from app.intake.secrets import EnvSecrets
from app.jobs import CancelToken, no_progress
from tests.doj_builder import Person, to_csv
from ui.dialogs.run_dialog import RunSettings
from ui.workspace.opening import evaluate, likely_settings, open_delivery


def test_a_files_modification_date_is_never_taken_for_the_doj_file_date(
    tmp_path: Path
) -> None:
    # The day a file was last saved on this PC is not the day DOJ produced it: the clerk
    # gives that date (the export checklist asks) and the workspace keeps it.
    person = Person("1", name="ROE,RICHARD")
    person.conviction("11359 HS-SALE", "20100101", county="YOLO")
    older, newer = tmp_path / "part1.dat", tmp_path / "part2.dat"
    older.write_bytes(to_csv([person]))
    newer.write_bytes(to_csv([person], header=False).replace(b"ROE", b"DOE"))
    for path, day in ((older, datetime(2024, 3, 5, 12)), (newer, datetime(2024, 4, 1, 12))):
        os.utime(path, (day.timestamp(), day.timestamp()))
    opened = open_delivery([older, newer], EnvSecrets(None), no_progress, CancelToken())
    settings = RunSettings(county="YOLO", as_of=date(2025, 1, 1),
                           policy=builtin_policy("statutory"))
    result = evaluate(opened, settings, no_progress, CancelToken())
    assert result.summary.doj_file_date is None
    assert MotionFacts.from_summary(result.summary).doj_file_date is None


def test_the_file_is_read_once_whatever_the_dialog_chooses(tmp_path: Path) -> None:
    person = Person("1", name="ROE,RICHARD")
    person.conviction("11359 HS-SALE", "20100101", county="YOLO")
    person.conviction("11357 HS-POSSESS", "20120101", county="SACRAMENTO")
    plain = tmp_path / "doj.dat"
    plain.write_bytes(to_csv([person]))
    expected = likely_settings("YOLO")
    opened = open_delivery([plain], EnvSecrets(None), no_progress, CancelToken(),
                           expected=expected)
    assert opened.county_counts == {"SACRAMENTO": 1, "YOLO": 1}
    same = evaluate(opened, expected, no_progress, CancelToken())
    assert same.determinations is opened.first.determinations  # evaluated while opening
    other = evaluate(opened, replace(expected, county="SACRAMENTO"), no_progress, CancelToken())
    assert other.rows is opened.rows  # the rows already read, evaluated again
    assert other.determinations["county"].to_list() == ["SACRAMENTO"]
