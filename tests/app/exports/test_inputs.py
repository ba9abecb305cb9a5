import json
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from app.errors import InputError
from app.exports.inputs import read_determinations, read_summary
from tests.app.exports.frames import sample_determinations, sample_summary, write_folder


def test_reads_back_what_evaluate_writes(tmp_path: Path) -> None:
    frame = sample_determinations()
    write_folder(tmp_path, frame, sample_summary())
    back = read_determinations(tmp_path / "determinations.csv")
    # The CSV cannot tell an empty text from a missing one; compare the typed columns exactly.
    typed = [
        *("dob", "conviction_date", "sentence_end", "currently_serving"),
        *("case_other_convictions", "subject_id", "cnt_order", "name", "determination"),
        *("relief", "basis", "offense_date", "age_at_offense"),
    ]
    assert_frame_equal(back.select(typed), frame.select(typed))
    assert read_summary(tmp_path / "summary.json") == sample_summary()


def test_a_bad_date_names_the_file_line_and_column(tmp_path: Path) -> None:
    write_folder(tmp_path, sample_determinations(), sample_summary())
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
    write_folder(tmp_path, sample_determinations(), sample_summary())
    path = tmp_path / "determinations.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",dismiss,", ",maybe,", 1))
    with pytest.raises(InputError, match="holds 'maybe', expected one of dismiss"):
        read_determinations(path)


def _edited(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """determinations.csv as evaluate writes it, then one line changed by `edit`."""
    write_folder(tmp_path, sample_determinations(), sample_summary())
    path = tmp_path / "determinations.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = edit(lines[3])
    path.write_bytes(b"\n".join(lines))
    return path


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda line: line + b",extra", "30 fields where the header has 29"),
        (lambda line: line.replace(b'"', b"", 1), "fields where the header has 29"),
        (lambda line: line.replace(b"2", b"\xd1", 1), "not UTF-8 text: another program"),
        # polars reads a line cut short with its last fields empty: that is caught too.
        (lambda line: line.rsplit(b",", 4)[0], "column case_other_convictions is empty"),
        (lambda line: b"", "the line is blank; delete it"),
        (lambda line: line.replace(b",dismiss,", b",,").replace(b",reduce,", b",,"),
         "column determination is empty, expected one of dismiss"),
    ],
)
def test_a_changed_line_gets_one_line_naming_it_and_the_fix(  # type: ignore[no-untyped-def]
    tmp_path: Path, edit, words: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_determinations(_edited(tmp_path, edit))
    assert caught.value.line == 4
    assert words in caught.value.message
    assert "\n" not in caught.value.render()
    assert "truncate_ragged_lines" not in caught.value.message


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


def test_a_file_from_an_older_evaluate_is_refused_with_the_fix(tmp_path: Path) -> None:
    """Without relief and basis the papers would have to guess what each conviction gets."""
    path = tmp_path / "determinations.csv"
    old = sample_determinations().drop("relief", "basis", "offense_date", "age_at_offense")
    old.write_csv(path)
    with pytest.raises(InputError) as caught:
        read_determinations(path)
    assert caught.value.render() == (
        f"{path}: has no relief, basis, offense_date, age_at_offense column(s): it was written "
        "by an older CountyClear; run `countyclear evaluate` again to write it anew, then export."
    )


def test_the_contract_values_of_relief_and_basis_are_checked(tmp_path: Path) -> None:
    frame = sample_determinations()
    write_folder(tmp_path, frame.with_columns(
        pl.when(pl.col("subject_id") == "300").then(pl.lit("resentence"))
        .otherwise(pl.col("relief")).alias("relief")), sample_summary())  # fmt: skip
    with pytest.raises(InputError, match="column relief holds 'resentence', expected one of"):
        read_determinations(tmp_path / "determinations.csv")
    write_folder(tmp_path, frame.with_columns(basis=pl.lit("policy")), sample_summary())
    with pytest.raises(InputError, match="column basis holds 'policy'") as caught:
        read_determinations(tmp_path / "determinations.csv")
    assert caught.value.line == 2
    # currently_serving may be blank (unknown) and basis blank where nothing is granted.
    write_folder(tmp_path, frame.with_columns(currently_serving=pl.lit(None, pl.Boolean)),
                 sample_summary())  # fmt: skip
    back = read_determinations(tmp_path / "determinations.csv")
    assert back.get_column("currently_serving").null_count() == back.height
    assert back.filter(pl.col("determination") == "already_granted").height == 1
