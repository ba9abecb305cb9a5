"""The one job pattern: work reports Progress and checks a CancelToken.

`ui/` runs such a function on a worker thread; tests and the CLI call it directly.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    done: int
    total: int  # 0 when unknown
    text: str


ProgressCallback = Callable[[Progress], None]


class Cancelled(Exception):
    """Raised inside a job when its CancelToken was set; nothing partial is kept."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def no_progress(_: Progress) -> None:
    """Default progress sink for callers that do not show progress."""
