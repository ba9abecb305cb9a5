"""The grid's snapshot is rebuilt off the GUI thread: requests made during a build merge into
one build of the latest decisions, and an older build never replaces a newer snapshot."""

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.triage.snapshot import TriageSnapshot
from tests.ui.drive import new_workspace
from ui.triage import snapshot_refresh
from ui.workspace.session import Session

REAL_BUILD = snapshot_refresh.with_decisions


class GatedBuild:
    """Stands in for with_decisions: worker-thread builds wait for the gate and are counted."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.started = threading.Event()
        self.on_workers = 0

    def __call__(self, base: TriageSnapshot, decided: Any) -> TriageSnapshot:
        if threading.current_thread() is not threading.main_thread():
            self.on_workers += 1
            self.started.set()
            assert self.gate.wait(30), "the test never opened the gate"
        return REAL_BUILD(base, decided)


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch) -> Iterator[GatedBuild]:
    build = GatedBuild()
    monkeypatch.setattr(snapshot_refresh, "with_decisions", build)
    yield build
    build.gate.set()  # never leave a worker stuck behind a failed test


def first_build_held(
    qtbot: QtBot, folder: Path, gated: GatedBuild
) -> tuple[Session, list[TriageSnapshot]]:
    """A session whose first decision (row 0 accepted) is being built on a worker, held at the
    gate; `shown` collects every snapshot the session then announces."""
    session = Session(new_workspace(folder / "county.ccws", 30, seed=2))
    shown: list[TriageSnapshot] = []
    session.changed.connect(lambda: shown.append(session.snapshot))
    session.decide(session.keys_of([0]), None)
    qtbot.waitUntil(gated.started.is_set, timeout=10_000)
    return session, shown


def statuses(snapshot: TriageSnapshot) -> list[str]:
    return list(snapshot.frame.get_column("status").to_list()[:4])


def test_decisions_made_during_a_build_merge_into_one_build_of_the_latest(
    qtbot: QtBot, tmp_path: Path, gated: GatedBuild
) -> None:
    session, shown = first_build_held(qtbot, tmp_path, gated)
    session.decide(session.keys_of([1]), None)
    session.decide(session.keys_of([2]), None)
    assert gated.on_workers == 1 and shown == []  # still building the first
    gated.gate.set()
    qtbot.waitUntil(lambda: not session.refresher.pending, timeout=10_000)
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=10_000)
    assert gated.on_workers == 2  # the first, then one for the two decisions that waited
    assert [statuses(s) for s in shown] == [
        ["accepted", "pending", "pending", "pending"],
        ["accepted", "accepted", "accepted", "pending"],
    ]
    assert session.close()


def test_settle_shows_the_latest_at_once_and_a_late_older_build_is_dropped(
    qtbot: QtBot, tmp_path: Path, gated: GatedBuild
) -> None:
    session, shown = first_build_held(qtbot, tmp_path, gated)
    engine = session.snapshot.frame.get_column("determination")[3]
    session.decide(session.keys_of([3]), "challenge" if engine != "challenge" else "review",
                   "check the file")  # fmt: skip
    latest = session.settle()  # an export must not wait for, or miss, the build
    assert statuses(latest) == ["accepted", "pending", "pending", "changed"]
    gated.gate.set()
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=10_000)
    assert session.snapshot is latest and shown == [latest]
    assert gated.on_workers == 1  # nothing was left to build
    assert session.close()
