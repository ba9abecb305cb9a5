import itertools

import pytest

from app.review import Autosaver


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def make(quiet: float = 1.0, max_delay: float = 5.0) -> tuple[Autosaver, FakeClock, list[float]]:
    clock, saves = FakeClock(), []
    saver = Autosaver(
        lambda: saves.append(clock.now), quiet=quiet, max_delay=max_delay, clock=clock
    )
    return saver, clock, saves


def test_saves_after_a_quiet_spell() -> None:
    saver, clock, saves = make()
    assert not saver.save_if_due()  # nothing changed
    saver.changed()
    clock.now += 0.5
    assert not saver.save_if_due()
    clock.now += 0.5
    assert saver.save_if_due()
    assert saves == [101.0] and not saver.pending


def test_steady_editing_still_saves_within_max_delay() -> None:
    saver, clock, saves = make()
    for _ in range(20):  # an edit every 0.4 s: never quiet for a full second
        saver.changed()
        clock.now += 0.4
        saver.save_if_due()
    # the first check at or after 5 s of unsaved work saves, and so on every ~5 s
    assert saves and 5.0 <= saves[0] - 100.0 < 5.0 + 0.4
    assert all(b - a < 5.0 + 0.4 for a, b in itertools.pairwise(saves))


def test_flush_and_failed_save_stays_pending() -> None:
    saver, clock, saves = make()
    saver.changed()
    assert saver.flush() and saves == [100.0]
    assert not saver.flush()

    def broken() -> None:
        raise OSError("disk full")

    failing = Autosaver(broken, clock=clock)
    failing.changed()
    with pytest.raises(OSError):
        failing.flush()
    assert failing.pending
    assert not failing.saving  # a failed save does not stay "running"


def test_an_edit_during_a_background_save_stays_unsaved_even_on_the_same_clock_tick() -> None:
    saver, clock, _ = make()
    saver.changed()
    clock.now += 1.0
    assert saver.due()
    ticket = saver.begin()
    assert saver.saving and not saver.due()  # one save at a time
    saver.changed()  # same clock reading as the save's start (a coarse Windows clock)
    saver.finish(ticket, ok=True)
    assert saver.pending and not saver.saving
    clock.now += 1.0
    assert saver.due()
    saver.finish(saver.begin(), ok=True)
    assert not saver.pending


def test_saves_never_overlap_and_a_failed_background_save_stays_pending() -> None:
    saver, clock, _ = make()
    saver.changed()
    clock.now += 1.0
    ticket = saver.begin()
    with pytest.raises(RuntimeError, match="never overlap"):
        saver.begin()
    with pytest.raises(RuntimeError, match="already running"):
        saver.flush()  # a synchronous save must wait for the running one, not overlap it
    saver.finish(ticket, ok=False)
    assert saver.pending and saver.due()
    with pytest.raises(RuntimeError, match="not begun"):
        saver.finish(ticket, ok=True)
