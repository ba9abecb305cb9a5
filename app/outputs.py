"""The `evaluate` output folder: determinations.csv and summary.json (read back by
app/exports/inputs.py, which checks every value)."""

import json
import threading
from pathlib import Path

import polars as pl

from app.eligibility.engine import DETERMINATION_COLUMNS
from app.eligibility.summary import ImpactSummary
from app.errors import InputError
from app.fileio import atomic_write_text, atomic_write_with, replace_durably, temp_sibling

DETERMINATIONS_CSV = "determinations.csv"
SUMMARY_JSON = "summary.json"


def write_outputs(folder: Path, determinations: pl.DataFrame, summary: ImpactSummary) -> None:
    write_determinations(folder, determinations)
    write_summary(folder, summary)


def write_determinations(folder: Path, determinations: pl.DataFrame) -> None:
    atomic_write_with(folder / DETERMINATIONS_CSV, lambda path: _csv(determinations, path))


def _csv(determinations: pl.DataFrame, path: Path) -> None:
    """The contract's columns, in its order, dates ISO (docs/CONTRACTS.md)."""
    determinations.select(DETERMINATION_COLUMNS).write_csv(path, date_format="%Y-%m-%d")


def write_summary(folder: Path, summary: ImpactSummary) -> None:
    """The one place summary.json is written (app.exports.inputs.read_summary reads it)."""
    text = json.dumps(summary.to_json(), indent=2, sort_keys=False)
    try:
        atomic_write_text(folder / SUMMARY_JSON, text)
    except OSError as exc:
        raise _cannot_write(folder, exc) from None


def _cannot_write(folder: Path, exc: OSError) -> InputError:
    return InputError(str(folder), f"cannot write the results there ({exc.strerror or exc}). "
                      "Free some disk space or choose another folder with --out.")


class BackgroundDeterminations:
    """Writes determinations.csv on a thread while the caller computes the summary.

    polars writes without holding the GIL, so on a large run the CSV costs little on top of
    the impact figures. The file is written beside the target and only `commit` puts it in
    place, so a run that fails later leaves the folder as it was.
    """

    def __init__(self, folder: Path) -> None:
        self.target = folder / DETERMINATIONS_CSV
        self.tmp: Path | None = None
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def start(self, determinations: pl.DataFrame) -> None:
        try:
            tmp = self.tmp = temp_sibling(self.target)
        except OSError as exc:
            raise _cannot_write(self.target.parent, exc) from None

        def run() -> None:
            try:
                _csv(determinations, tmp)
            except BaseException as exc:  # handed to the caller by commit()
                self.error = exc

        self.thread = threading.Thread(target=run, name="write-determinations", daemon=True)
        self.thread.start()

    def _join(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None

    def commit(self) -> None:
        """Wait for the write and put the file in place (re-raises what the write raised)."""
        self._join()
        if isinstance(self.error, OSError):
            raise _cannot_write(self.target.parent, self.error) from None
        if self.error is not None:
            raise self.error
        if self.tmp is not None:
            try:
                replace_durably(self.tmp, self.target)
            except OSError as exc:
                raise _cannot_write(self.target.parent, exc) from None
            self.tmp = None

    def discard(self) -> None:
        """Wait for the write and remove it, unless committed."""
        self._join()
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
            self.tmp = None
