"""Autosave without Qt: after a change, save once things are quiet, and never wait too long.

The UI calls `changed()` after each edit and `save_if_due()` from a timer (and `flush()` on
close). A burst of edits (a clerk working down the grid) costs one save after a short quiet
spell; steady editing still saves at least every `max_delay` seconds, so at most a few
seconds of work are ever at risk. The clock is injected so tests need no sleeping.
"""

import time
from collections.abc import Callable


class Autosaver:
    def __init__(
        self,
        save: Callable[[], None],
        *,
        quiet: float = 1.0,
        max_delay: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._save = save
        self._quiet = quiet
        self._max_delay = max_delay
        self._clock = clock
        self._first_unsaved: float | None = None
        self._last_change = 0.0

    @property
    def pending(self) -> bool:
        """There are changes not yet saved."""
        return self._first_unsaved is not None

    def changed(self) -> None:
        now = self._clock()
        if self._first_unsaved is None:
            self._first_unsaved = now
        self._last_change = now

    def due(self) -> bool:
        if self._first_unsaved is None:
            return False
        now = self._clock()
        return (
            now - self._last_change >= self._quiet or now - self._first_unsaved >= self._max_delay
        )

    def save_if_due(self) -> bool:
        """Save when due; True when it saved. A failed save stays pending (and raises)."""
        if not self.due():
            return False
        return self.flush()

    def flush(self) -> bool:
        """Save now if anything is unsaved (on close, before export)."""
        if self._first_unsaved is None:
            return False
        started = self._clock()
        self._save()
        if self._last_change <= started:  # no change arrived while saving
            self._first_unsaved = None
        else:
            self._first_unsaved = self._last_change
        return True
