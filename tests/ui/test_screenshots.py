"""`countyclear screenshots DIR` renders every screen at 1280x800, 1600x1000 and 200%."""

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ui import launcher
from ui.screenshots import RENDERINGS, picture_name

SCREENS = (
    "01-start", "02-passphrase", "03-new-run", "04-recovery-passphrase", "05-triage",
    "06-triage-record", "07-triage-filtered", "08-reason", "09-impact", "10-export",
    "11-progress", "12-error", "13-policy-editor", "14-office-details", "15-about", "16-guide",
    "17-start-recent", "18-export-result", "19-triage-no-match", "20-new-workspace-no-keyring",
)  # fmt: skip
WINDOWS = ("01-start", "05-triage", "06-triage-record", "09-impact", "17-start-recent",
           "19-triage-no-match")


def test_help_prints_help_and_makes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert launcher.main(["screenshots", "--help"]) == 0
    assert "usage: countyclear screenshots" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []  # no folder named --help


def test_a_folder_is_needed(capsys: pytest.CaptureFixture[str]) -> None:
    assert launcher.main(["screenshots"]) == 2
    assert "the following arguments are required: folder" in capsys.readouterr().err


@pytest.mark.slow
def test_every_screen_at_every_size(tmp_path: Path) -> None:
    assert launcher.main(["screenshots", str(tmp_path)]) == 0
    assert len(list(tmp_path.iterdir())) == len(SCREENS) * len(RENDERINGS)
    for screen in SCREENS:
        small = QImage(str(tmp_path / picture_name(screen, "1", 1280, 800)))
        big = QImage(str(tmp_path / picture_name(screen, "1", 1600, 1000)))
        large = QImage(str(tmp_path / picture_name(screen, "2", 1280, 800)))
        assert not small.isNull() and not big.isNull() and not large.isNull(), screen
        if screen in WINDOWS:  # the main window is exactly the size asked for
            assert (small.width(), small.height()) == (1280, 800), screen
            assert (big.width(), big.height()) == (1600, 1000), screen
        # 200% is about the same layout at twice the pixels, never a squeezed one (text may
        # wrap a line differently: fonts are hinted per size).
        assert large.width() >= 1.8 * small.width(), screen
        assert large.height() >= 1.8 * small.height(), screen
        # Not a blank rendering: the image holds more than one colour.
        colours = {
            small.pixel(x, y)
            for x in range(0, small.width(), 5)
            for y in range(0, small.height(), 5)
        }
        assert len(colours) > 2, screen
