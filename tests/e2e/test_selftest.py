"""`countyclear selftest` from source: the real bundled sample, and each check made to fail."""

import io
from pathlib import Path

import polars as pl
import pytest

from app.cli import main
from app.commands import selftest
from app.commands.selftest import (
    SelftestFailed,
    check_determinations,
    check_exhibit,
    check_motion,
)
from app.eligibility.policy import builtin_policy
from app.exports.exhibit import write_exhibit
from app.exports.motion import MOTION_FILE, MotionFacts
from app.exports.office import OfficeDetails
from app.exports.papers import write_papers
from app.exports.relief import accounting, outcomes
from app.intake.deliveries import open_deliveries
from app.pipeline import EvaluationResult, evaluate_sources
from tests.app.exports.frames import sample_determinations


@pytest.fixture(scope="module")
def sample_result() -> EvaluationResult:
    sources = open_deliveries([selftest.SAMPLE], selftest._DemoSecrets(selftest.DEMO_PASSPHRASE))
    return evaluate_sources(
        sources,
        county=selftest.SAMPLE_COUNTY,
        policy=builtin_policy(selftest.POLICY),
        as_of=selftest.AS_OF,
    )


def test_selftest_passes_and_cleans_up(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # re-read TMPDIR

    assert main(["selftest"]) == 0

    out = capsys.readouterr().out
    steps = [line for line in out.splitlines() if line.startswith("  ")]
    assert len(steps) == 5
    assert all(line.startswith("  ok    ") for line in steps), out
    assert "convictions in SACRAMENTO" in out
    assert "self-test passed" in out
    assert list(tmp_path.iterdir()) == []  # the temporary folder is gone


def test_missing_sample_fails_with_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "doj_sample.dat.gpg"
    monkeypatch.setattr(selftest, "SAMPLE", missing)

    assert main(["selftest"]) == 1

    out = capsys.readouterr().out
    assert f"FAIL  open the encrypted sample: {missing} is missing" in out
    assert "self-test FAILED" in out


def test_wrong_passphrase_is_named() -> None:
    out = io.StringIO()

    assert not selftest.run_selftest(out, passphrase="not-the-demo-passphrase")

    assert "FAIL  open the encrypted sample" in out.getvalue()
    assert str(selftest.SAMPLE) in out.getvalue()
    assert "ok    evaluate" not in out.getvalue()  # stops at the first failure


def test_sample_opens_only_with_the_demo_passphrase() -> None:
    data = selftest.SAMPLE.read_bytes()
    assert b"RECORD_ID" not in data and b"SACRAMENTO" not in data  # not shipped in the clear


def test_determination_check_catches_a_duplicate(sample_result: EvaluationResult) -> None:
    determinations = sample_result.determinations
    doubled = pl.concat([determinations, determinations.head(1)])

    with pytest.raises(SelftestFailed, match="more than one determination"):
        check_determinations(doubled, sample_result.convictions, selftest.SAMPLE_COUNTY)


def test_determination_check_catches_a_missing_conviction(
    sample_result: EvaluationResult,
) -> None:
    short = sample_result.determinations.slice(1)

    with pytest.raises(SelftestFailed, match="have no determination"):
        check_determinations(short, sample_result.convictions, selftest.SAMPLE_COUNTY)


def test_exhibit_check_counts_rows_against_granted(tmp_path: Path) -> None:
    determinations = sample_determinations()
    frame = outcomes(determinations)
    counts = accounting(frame)
    path = tmp_path / "exhibit.xlsx"
    write_exhibit(path, frame, counts, county="SACRAMENTO", password="throwaway-pw")
    assert check_exhibit(path, "throwaway-pw", counts.granted) == counts.granted == 7

    granted = frame.filter(pl.col("outcome") == "granted")
    one_less = frame.filter(
        ~(pl.col("subject_id") == granted.item(0, "subject_id"))
        | ~(pl.col("cnt_order") == granted.item(0, "cnt_order"))
    )
    write_exhibit(path, one_less, accounting(one_less), county="SACRAMENTO",
                  password="throwaway-pw")  # fmt: skip
    with pytest.raises(SelftestFailed, match=r"expected .* granted convictions"):
        check_exhibit(path, "throwaway-pw", counts.granted)


def test_exhibit_check_refuses_an_unsealed_file(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.xlsx"
    path.write_bytes(b"PK\x03\x04 a plain xlsx is a zip")

    with pytest.raises(SelftestFailed, match="not password-protected"):
        check_exhibit(path, "throwaway-pw", 7)


def test_motion_check_wants_the_county(tmp_path: Path) -> None:
    facts = MotionFacts(county="SACRAMENTO", as_of=selftest.AS_OF, doj_file_date=None)
    counts = accounting(outcomes(sample_determinations()))
    write_papers(tmp_path, counts, facts, OfficeDetails(county="SACRAMENTO"))
    path = tmp_path / MOTION_FILE
    assert check_motion(path, "SACRAMENTO") >= 2

    with pytest.raises(SelftestFailed, match="does not mention Alpine"):
        check_motion(path, "ALPINE")
