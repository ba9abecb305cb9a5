"""`countyclear evaluate` end to end, as a separate process: outputs, exit codes, messages."""

import csv
import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from app.commands.evaluate import summary_line
from app.eligibility.engine import DETERMINATION_COLUMNS
from tests.app.exports.frames import sample_summary
from tests.doj_builder import Person, to_csv
from tests.subprocesses import run_python

ROOT = Path(__file__).resolve().parents[2]


def countyclear(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, env=full_env, timeout=120)


def delivery(tmp_path: Path) -> Path:
    a, b = Person("1", dob="19600101"), Person("2")
    a.conviction("11359 HS-SALE", "20000101", case="CR-1")
    b.conviction("11357(B) HS-POSSESS", "20050101", level="MISDEMEANOR", toc="M")
    b.conviction("11360 HS-SALE", "20050101", county="YOLO")
    path = tmp_path / "doj.dat"
    path.write_bytes(to_csv([a, b]))
    return path


def test_evaluate_writes_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = countyclear("evaluate", str(delivery(tmp_path)), "--county", "Sacramento", "--out",
                       str(out), "--as-of", "2024-01-01")
    assert done.returncode == 0, done.stderr
    with (out / "determinations.csv").open() as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == DETERMINATION_COLUMNS
        rows = list(reader)
    assert [(r["subject_id"], r["determination"]) for r in rows] == [("1", "reduce"),
                                                                     ("2", "dismiss")]
    assert rows[0]["case_number"] == "CR-1" and rows[0]["conviction_date"] == "2000-01-01"
    summary = json.loads((out / "summary.json").read_text())
    for key in ("convictions_evaluated", "people_evaluated", "determinations",
                "people_with_relief", "people_no_felony", "people_no_conviction",
                "people_no_conviction_last_7_years", "dismiss_all_prop64", "by_section",
                "by_level", "by_rule", "by_race", "earliest_conviction"):
        assert key in summary
    assert summary["as_of"] == "2024-01-01" and summary["policy"]["id"] == "statutory"
    assert summary["earliest_conviction"] == "2000-01-01"
    assert "warning:" in done.stderr and "not encrypted" in done.stderr
    assert done.stdout.splitlines()[0] == (
        "2 convictions of 2 people in SACRAMENTO under 'Statutory minimum' as of 2024-01-01: "
        "1 to dismiss, 1 to reduce, 0 already granted (not filed again), 0 not eligible, and "
        "0 for a person to review (0.0% of the convictions).")


def test_the_summary_line_counts_relief_already_granted_and_the_review_share() -> None:
    summary = replace(sample_summary(), convictions_evaluated=3450, people_evaluated=2901,
                      determinations={"dismiss": 1900, "reduce": 600, "already_granted": 12,
                                      "not_eligible": 93, "review": 845})
    assert summary_line(summary, "LOS ANGELES", "Statutory minimum", date(2026, 11, 1)) == (
        "3,450 convictions of 2,901 people in LOS ANGELES under 'Statutory minimum' as of "
        "2026-11-01: 1,900 to dismiss, 600 to reduce, 12 already granted (not filed again), "
        "93 not eligible, and 845 for a person to review (24.5% of the convictions).")


def test_bad_inputs_exit_2_with_one_error_line(tmp_path: Path) -> None:
    good = delivery(tmp_path)
    broken = tmp_path / "broken.dat"
    broken.write_bytes(good.read_bytes().replace(b",SACRAMENTO,", b",SACRAMENTO,,", 1))
    bad_policy = tmp_path / "p.toml"
    bad_policy.write_text("[additional_relief]\nage_at_least = 99\n")
    cases = [
        (["evaluate", str(broken), "--county", "Sacramento", "--out", str(tmp_path / "o")],
         "broken.dat:2:"),
        (["evaluate", str(tmp_path / "missing.dat"), "--county", "Sacramento", "--out",
          str(tmp_path / "o")], "missing.dat"),
        (["evaluate", str(good), "--county", "Atlantis", "--out", str(tmp_path / "o")],
         "--county"),
        (["evaluate", str(good), "--county", "Yolo", "--out", str(tmp_path / "o"), "--as-of",
          "yesterday"], "--as-of"),
        (["evaluate", str(good), "--county", "Yolo", "--out", str(tmp_path / "o"), "--policy",
          str(bad_policy)], "additional_relief.age_at_least"),
        (["evaluate", str(good), "--county", "Yolo", "--out", str(bad_policy)], "--out"),
        (["evaluate", str(good), "--county", "Yolo", "--out", str(bad_policy / "o")], "--out"),
    ]
    for args, where in cases:
        done = countyclear(*args)
        assert done.returncode == 2, (args, done.stderr)
        errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and where in errors[0], done.stderr
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "o").exists()


def test_bear_options_and_shipped_policy_names(tmp_path: Path) -> None:
    options = tmp_path / "options.json"
    options.write_text(json.dumps({"baselineEligibility": {"dismiss": ["11359"]}}))
    done = countyclear("evaluate", str(delivery(tmp_path)), "--county", "SACRAMENTO", "--out",
                       str(tmp_path / "b"), "--as-of", "2024-01-01", "--bear-options",
                       str(options))
    assert done.returncode == 0, done.stderr
    with (tmp_path / "b" / "determinations.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["bear_reason"] == "Dismiss all HS 11359 convictions"
    done = countyclear("evaluate", str(delivery(tmp_path)), "--county", "SACRAMENTO", "--out",
                       str(tmp_path / "c"), "--policy", "los_angeles_2020")
    assert done.returncode == 0, done.stderr


def test_the_command_line_process_is_offline() -> None:
    # `python -m app.cli` enters through app.cli.run, which refuses network sockets before
    # any command runs: a command that tried to connect would fail, not leak.
    code = ("import socket, app.cli as cli\n"
            "def main(argv):\n"
            "    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
            "    return 0\n"
            "cli.main = main\n"
            "cli.run([])\n")
    done = run_python(code)
    assert done.returncode != 0
    assert "NetworkBlocked" in done.stderr
