"""determinations.csv is written beside its target while the summary is computed, and only
put in place when the run succeeds."""

from pathlib import Path

import polars as pl
import pytest

from app.eligibility.engine import DETERMINATION_COLUMNS
from app.errors import InputError
from app.fileio import atomic_write_with
from app.outputs import DETERMINATIONS_CSV, BackgroundDeterminations


def _determinations(n: int) -> pl.DataFrame:
    return pl.DataFrame({c: [f"{c}-{i}" for i in range(n)] for c in DETERMINATION_COLUMNS})


def test_commit_puts_the_file_in_place_and_leaves_no_temporary(tmp_path: Path) -> None:
    writer = BackgroundDeterminations(tmp_path)
    writer.start(_determinations(3))
    writer.commit()
    writer.discard()  # after a commit: nothing to remove
    assert [p.name for p in tmp_path.iterdir()] == [DETERMINATIONS_CSV]
    back = pl.read_csv(tmp_path / DETERMINATIONS_CSV)
    assert back.columns == list(DETERMINATION_COLUMNS)
    assert back["subject_id"].to_list() == ["subject_id-0", "subject_id-1", "subject_id-2"]


def test_a_run_that_fails_later_keeps_the_previous_file(tmp_path: Path) -> None:
    (tmp_path / DETERMINATIONS_CSV).write_text("previous run\n")
    writer = BackgroundDeterminations(tmp_path)
    writer.start(_determinations(2))
    writer.discard()  # what the command does when the summary fails
    assert [p.name for p in tmp_path.iterdir()] == [DETERMINATIONS_CSV]
    assert (tmp_path / DETERMINATIONS_CSV).read_text() == "previous run\n"


def test_a_failed_write_is_raised_by_commit(tmp_path: Path) -> None:
    writer = BackgroundDeterminations(tmp_path)
    writer.start(pl.DataFrame({"not": [1]}).with_columns(
        [pl.lit("x").alias(c) for c in DETERMINATION_COLUMNS]
    ).with_columns(pl.lit([1]).alias("facts")))  # a list column cannot be written as CSV
    with pytest.raises(pl.exceptions.ComputeError):
        writer.commit()
    writer.discard()
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_with_removes_its_temporary_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")

    def fail(path: Path) -> None:
        path.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write_with(target, fail)
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    assert target.read_text() == "old"


def test_a_folder_that_cannot_be_written_is_bad_input(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    writer = BackgroundDeterminations(blocker / "results")
    with pytest.raises(InputError) as caught:
        writer.start(_determinations(1))
    assert caught.value.where == str(blocker / "results")
    assert "choose another folder" in caught.value.message
    writer.discard()
