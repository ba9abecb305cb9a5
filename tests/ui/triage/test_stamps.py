"""Audit stamps read as local date and time with the user's name."""

import time
from collections.abc import Iterator
from datetime import date

import pytest

from ui.triage.stamps import decided_text, local_time, long_date


@pytest.fixture
def pacific(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("pacific")
def test_a_utc_stamp_reads_in_local_time() -> None:
    assert local_time("2026-12-07T06:55:14Z") == "December 6, 2026 at 10:55 PM"  # PST, UTC-8
    assert local_time("2026-07-01T19:05:00Z") == "July 1, 2026 at 12:05 PM"  # PDT, UTC-7
    assert local_time("2026-07-01T07:30:00+00:00") == "July 1, 2026 at 12:30 AM"


@pytest.mark.usefixtures("pacific")
def test_the_decision_line_names_the_user() -> None:
    assert decided_text("2026-12-07T06:55:14Z", "jsmith") == (
        "December 6, 2026 at 10:55 PM by jsmith"
    )
    assert decided_text(None, "jsmith") == "by jsmith"
    assert decided_text("", "") == ""


def test_text_that_is_not_a_utc_stamp_is_shown_as_it_is() -> None:
    assert local_time("yesterday") == "yesterday"
    assert local_time("2026-11-02T10:00") == "2026-11-02T10:00"  # no zone: not guessed


def test_long_dates_spell_the_month() -> None:
    assert long_date(date(2024, 1, 1)) == "January 1, 2024"
    assert long_date(date(2026, 12, 31)) == "December 31, 2026"
