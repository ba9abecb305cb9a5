"""`countyclear`: commands go to the CLI; with no display the sample runs headless."""

import json
import sys
from pathlib import Path

import pytest

from tests.subprocesses import run_python
from ui import launcher


def test_a_command_goes_to_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        launcher.main(["--version"])
    assert exit_info.value.code == 0
    assert "CountyClear" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, False), ({"DISPLAY": ":0"}, True), ({"WAYLAND_DISPLAY": "wayland-0"}, True),
     ({"QT_QPA_PLATFORM": "offscreen"}, True)],
)  # fmt: skip
def test_display_detection_on_linux(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: bool
) -> None:
    monkeypatch.setattr(launcher.sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert launcher.has_display() is expected


@pytest.mark.slow
def test_without_a_display_the_sample_runs_headless(
    monkeypatch: pytest.MonkeyPatch, countyclear_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(launcher.sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert launcher.main([]) == 0
    out = countyclear_home / "sample-run"
    said = capsys.readouterr().out
    assert said.splitlines()[0].startswith("CountyClear: there is no display here")
    assert str(out) in said.splitlines()[-1]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["county"] == "SACRAMENTO" and summary["convictions_evaluated"] > 0
    for name in ("determinations.csv", "exhibit_1.xlsx", "motion_and_order.pdf"):
        assert (out / name).stat().st_size > 0
    # A second start replaces the previous demo output rather than failing.
    assert launcher.main([]) == 0


def test_a_double_clicked_workspace_opens_the_app_with_it(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui import launcher

    opened = []
    monkeypatch.setattr(launcher, "run_app", lambda workspace=None: opened.append(workspace) or 0)
    path = tmp_path / "county.CCWS"
    assert launcher.main([str(path)]) == 0
    assert opened == [path]


def test_missing_console_streams_are_replaced(monkeypatch) -> None:  # type: ignore[no-untyped-def]

    from ui import launcher

    monkeypatch.setattr(sys, "stderr", None)
    launcher._quiet_missing_streams()
    assert sys.stderr is not None
    sys.stderr.write("written nowhere\n")
    sys.stderr.close()


def test_the_icon_ships_as_png_and_a_multi_size_windows_ico() -> None:
    from PIL import Image

    from app.paths import RESOURCES

    with Image.open(RESOURCES / "icons" / "countyclear.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(RESOURCES / "icons" / "countyclear.png") as png:
        assert png.size == (256, 256) and png.mode == "RGBA"


def test_the_installed_program_is_offline_for_commands_too() -> None:
    # `countyclear evaluate ...` enters through launcher.entry (pyproject's script and the
    # bundle's entry): a command that tried to connect would fail, not leak.
    code = ("import socket, sys\n"
            "import app.cli as cli\n"
            "def main(argv):\n"
            "    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
            "    return 0\n"
            "cli.main = main\n"
            "sys.argv = ['countyclear', 'evaluate']\n"
            "from ui.launcher import entry\n"
            "entry()\n")
    done = run_python(code)
    assert done.returncode != 0
    assert "NetworkBlocked" in done.stderr
