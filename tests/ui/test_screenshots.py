"""`countyclear screenshots DIR` renders every screen at 100% and 200% scaling."""

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ui import launcher

SCREENS = (
    "01-start", "02-passphrase", "03-new-run", "04-recovery-passphrase", "05-triage",
    "06-triage-filtered", "07-reason", "08-impact", "09-export", "10-progress", "11-error",
    "12-policy-editor", "13-office-details", "14-about", "15-start-recent",
)  # fmt: skip


@pytest.mark.slow
def test_every_screen_at_both_scales(tmp_path: Path) -> None:
    assert launcher.main(["screenshots", str(tmp_path)]) == 0
    for screen in SCREENS:
        small = QImage(str(tmp_path / f"{screen}@1x.png"))
        large = QImage(str(tmp_path / f"{screen}@2x.png"))
        assert not small.isNull() and not large.isNull(), screen
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
