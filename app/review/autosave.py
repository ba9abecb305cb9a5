"""Autosave without Qt: after a change, save once things are quiet, and never wait too long.

The UI calls `changed()` after each edit and `save_if_due()` from a timer (and `flush()` on
close). A burst of edits (a clerk working down the grid) costs one save after a short quiet
spell; steady editing still saves at least every `max_delay` seconds, so at most a few
seconds of work are ever at risk. The clock is injected so tests need no sleeping.

A save may also run elsewhere (a worker thread): `begin()` says which edits the save will
hold, `finish()` says how it went. Edits are counted, not timed, so an edit that arrives
while the save runs stays unsaved even if the clock did not tick in between (Windows'
monotonic clock moves in ~16 ms steps). One save at a time: nothing is due while one runs.
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
        self._edits = 0  # edits so far
        self._saved_edits = 0  # edits the file holds
        self._in_flight: int | None = None  # edits the running save will hold

    @property
    def pending(self) -> bool:
        """There are changes not yet saved."""
        return self._first_unsaved is not None

    @property
    def saving(self) -> bool:
        """A save has begun and not finished."""
        return self._in_flight is not None

    def changed(self) -> None:
        now = self._clock()
        if self._first_unsaved is None:
            self._first_unsaved = now
        self._last_change = now
        self._edits += 1

    def due(self) -> bool:
        if self._first_unsaved is None or self._in_flight is not None:
            return False
        now = self._clock()
        return (
            now - self._last_change >= self._quiet or now - self._first_unsaved >= self._max_delay
        )

    def begin(self) -> int:
        """A save starts now, holding every edit so far; returns its ticket for `finish`."""
        if self._in_flight is not None:
            raise RuntimeError("a save is already running; saves never overlap")
        self._in_flight = self._edits
        return self._edits

    def finish(self, ticket: int, *, ok: bool) -> None:
        """The save begun with `ticket` ended; a failed one leaves everything pending."""
        if self._in_flight != ticket:
            raise RuntimeError("finish() of a save that was not begun")
        self._in_flight = None
        if not ok:
            return
        self._saved_edits = max(self._saved_edits, ticket)
        if self._saved_edits >= self._edits:
            self._first_unsaved = None
        else:  # edits arrived while saving: they are due by max_delay from now at the latest
            self._first_unsaved = self._clock()

    def save_if_due(self) -> bool:
        """Save when due; True when it saved. A failed save stays pending (and raises)."""
        if not self.due():
            return False
        return self.flush()

    def flush(self) -> bool:
        """Save now, here, if anything is unsaved (on close, before export)."""
        if self._first_unsaved is None:
            return False
        ticket = self.begin()
        try:
            self._save()
        except BaseException:
            self.finish(ticket, ok=False)
            raise
        self.finish(ticket, ok=True)
        return True
