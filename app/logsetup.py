"""One log file per user; errors are logged once, with their traceback, never shown raw."""

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.paths import log_dir

_configured: Path | None = None


def log_file() -> Path:
    return log_dir() / "countyclear.log"


def configure_logging() -> Path:
    """Send the `countyclear` logger to the rotating log file; safe to call more than once."""
    global _configured
    path = log_file()
    if _configured == path:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("countyclear")
    for old in logger.handlers:
        old.close()  # a new home (tests, another user): release the old file
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    _configured = path
    return path


def log_exception(logger: logging.Logger, message: str, *args: object) -> Path:
    """The exception being handled, with its traceback, into the log file; returns the file
    to name in the one plain message the user sees."""
    path = configure_logging()
    logger.exception(message, *args)
    return path
