import json
from pathlib import Path

import pytest
from polars.testing import assert_frame_equal

from app.errors import InputError
from app.exports.inputs import read_determinations, read_summary
from app.outputs import write_outputs
from tests.app.exports.frames import sample_determinations, sample_summary


def test_reads_back_what_evaluate_writes(tmp_path: Path) -> None:
    frame = sample_determinations()
    write_outputs(tmp_path, frame, sample_summary())
    back = read_determinations(tmp_path / "determinations.csv")
    # The CSV cannot tell an empty text from a missing one; compare the typed columns exactly.
    typed = [
        *("dob", "conviction_date", "sentence_end", "currently_serving"),
        *("case_other_convictions", "subject_id", "cnt_order", "name", "determination"),
    ]
    assert_frame_equal(back.select(typed), frame.select(typed))
    assert read_summary(tmp_path / "summary.json") == sample_summary()


def test_a_bad_date_names_the_file_line_and_column(tmp_path: Path) -> None:
    write_outputs(tmp_path, sample_determinations(), sample_summary())
    path = tmp_path / "determinations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("1999-03-02", "1999-02-30", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_determinations(path)
    assert caught.value.line == 4
    assert "holds '1999-02-30', expected YYYY-MM-DD" in caught.value.message


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "determinations.csv"
    sample_determinations().drop("case_key").write_csv(path)
    with pytest.raises(InputError, match=r"missing the column.*case_key"):
        read_determinations(path)


def test_an_unknown_determination_is_refused(tmp_path: Path) -> None:
    write_outputs(tmp_path, sample_determinations(), sample_summary())
    path = tmp_path / "determinations.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",dismiss,", ",maybe,", 1))
    with pytest.raises(InputError, match="holds 'maybe', expected one of dismiss"):
        read_determinations(path)


def test_missing_or_broken_summary(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found; run `countyclear evaluate"):
        read_summary(tmp_path / "summary.json")
    (tmp_path / "summary.json").write_text('{\n  "county": \n}', encoding="utf-8")
    with pytest.raises(InputError, match="is not valid JSON") as caught:
        read_summary(tmp_path / "summary.json")
    assert caught.value.line == 3
    (tmp_path / "summary.json").write_text(json.dumps([1, 2]), encoding="utf-8")
    with pytest.raises(InputError, match="one JSON object"):
        read_summary(tmp_path / "summary.json")
