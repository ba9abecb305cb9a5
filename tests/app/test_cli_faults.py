"""A fault inside a command: exit code 1 and one line naming the log, never a traceback."""

from pathlib import Path

import polars as pl
import pytest

from app import cli
from app.commands import evaluate
from app.errors import InputError

ARGS = ["evaluate", "doj.dat", "--county", "Sacramento", "--out", "out"]


@pytest.mark.parametrize(
    "fault",
    [
        ZeroDivisionError("boom in the engine"),
        # polars reports a bug in its Rust code as a panic, which is not an Exception.
        pl.exceptions.PanicException("out-of-range date"),
    ],
    ids=["exception", "polars panic"],
)
def test_an_internal_fault_names_the_log(
    fault: BaseException, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    countyclear_home: Path,
) -> None:
    def broken(args: object) -> int:
        raise fault

    monkeypatch.setattr(evaluate, "run", broken)
    assert cli.main(ARGS) == 1
    err = capsys.readouterr().err
    log_file = countyclear_home / "logs" / "countyclear.log"
    assert err == (f"internal error: CountyClear could not finish 'evaluate'. Details are in "
                   f"{log_file}; please send that file with your report.\n")
    assert str(fault) in log_file.read_text(encoding="utf-8")


def test_bad_input_is_one_line_and_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refused(args: object) -> int:
        raise InputError("doj.dat", "the file is empty.", 1)

    monkeypatch.setattr(evaluate, "run", refused)
    assert cli.main(ARGS) == 2
    assert capsys.readouterr().err == "error: doj.dat:1: the file is empty.\n"
