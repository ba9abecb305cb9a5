"""On a terminal, `countyclear evaluate` keeps one progress line, from opening the delivery
(decrypting a large one takes seconds) to the end, and warnings get lines of their own."""

from pathlib import Path

import pytest

from app import cli
from app.commands import evaluate
from tests.doj_builder import Person, to_csv


class TerminalReporter(evaluate._Reporter):
    """The reporter as it behaves on a terminal (pytest's captured stderr is not one)."""

    def __init__(self, enabled: bool) -> None:
        super().__init__(True)


def test_the_progress_line_starts_at_opening_and_warnings_break_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    person = Person("1")
    person.conviction("11357 HS-POSSESS", "20050101", level="MISDEMEANOR", toc="M")
    path = tmp_path / "doj.dat"
    path.write_bytes(to_csv([person]))
    monkeypatch.setattr(evaluate, "_Reporter", TerminalReporter)
    code = cli.main(["evaluate", str(path), "--county", "Sacramento", "--out",
                     str(tmp_path / "out"), "--as-of", "2024-01-01"])
    assert code == 0
    err = capsys.readouterr().err
    assert err.index(f"Opening {path.name}") < err.index("Checking the lines")
    lines = err.split("\n")
    warning = next(line for line in lines if "is not encrypted" in line)
    assert warning.startswith("warning: ")  # not after a progress line's text
    assert err.endswith("\n")
