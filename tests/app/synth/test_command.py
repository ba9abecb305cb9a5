"""`countyclear synth` end to end: files written, options honoured, encryption round trips."""

from pathlib import Path

import pytest

from app.cli import main
from app.intake.deliveries import open_deliveries
from app.intake.secrets import EnvSecrets
from app.jobs import Cancelled, CancelToken
from app.synth.delivery import numbered, write_delivery
from app.synth.options import checked_options
from app.synth.writer import generate_bytes

PASSPHRASE = "correct horse battery staple"
PASSPHRASE_ENV = ("--passphrase-env", "SYNTH_PASS")  # the tests set SYNTH_PASS to PASSPHRASE


def synth(county: str, people: int, out: Path, *more: str) -> int:
    """`countyclear synth --county COUNTY --people PEOPLE --out OUT MORE...`: its exit code."""
    return main(["synth", "--county", county, "--people", str(people), "--out", str(out), *more])


def test_writes_the_file_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doj.dat"
    assert synth("sacramento", 40, out, "--seed", "5") == 0
    assert out.read_bytes() == generate_bytes(checked_options("SACRAMENTO", people=40, seed=5))[0]
    assert f"wrote {out}" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["doj.dat"]  # no temporary left behind


def test_format_options_reach_the_file(tmp_path: Path) -> None:
    out = tmp_path / "doj.csv"
    assert synth("Yolo", 30, out, "--no-header", "--crlf", "--rows-per-person-avg", "12") == 0
    expected = checked_options("YOLO", people=30, header=False, crlf=True, rows_per_person_avg=12)
    assert out.read_bytes() == generate_bytes(expected)[0]


def test_several_files_are_numbered(tmp_path: Path) -> None:
    assert synth("Kern", 60, tmp_path / "kern.dat", "--files", "3") == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kern_1.dat", "kern_2.dat", "kern_3.dat"]
    expected = generate_bytes(checked_options("KERN", people=60, files=3))
    assert [(tmp_path / n).read_bytes() for n in names] == expected


def test_bad_input_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doj.dat"
    assert synth("Gotham", 5, out) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --county: 'Gotham' is not a California county")
    assert err.count("\n") == 1 and not out.exists()


def test_existing_file_needs_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doj.dat"
    out.write_bytes(b"keep me")
    assert synth("Yolo", 5, out) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    assert synth("Yolo", 5, out, "--force") == 0
    assert out.read_bytes().startswith(b"RECORD_ID,")


def test_openpgp_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYNTH_PASS", PASSPHRASE)
    out = tmp_path / "doj.dat.gpg"
    assert synth("Sacramento", 25, out, "--encrypt", "openpgp", *PASSPHRASE_ENV) == 0
    encrypted = out.read_bytes()
    plaintext = generate_bytes(checked_options("SACRAMENTO", people=25))[0]
    assert b"RECORD_ID" not in encrypted
    [source] = open_deliveries([out], EnvSecrets("SYNTH_PASS"))
    assert source.data == plaintext and source.protected


def test_aes_zip_holds_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYNTH_PASS", PASSPHRASE)
    out = tmp_path / "delivery.zip"
    assert synth("Fresno", 30, out, "--files", "2", "--encrypt", "zip", *PASSPHRASE_ENV) == 0
    sources = open_deliveries([out], EnvSecrets("SYNTH_PASS"))
    assert [s.name for s in sources] == [f"{out}!delivery_1.dat", f"{out}!delivery_2.dat"]
    assert [s.data for s in sources] == generate_bytes(
        checked_options("FRESNO", people=30, files=2)
    )


def test_encryption_needs_a_set_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SYNTH_UNSET", raising=False)
    out = tmp_path / "x.gpg"
    assert synth("Yolo", 5, out, "--encrypt", "openpgp") == 2
    assert "--passphrase-env" in capsys.readouterr().err
    assert synth("Yolo", 5, out, "--encrypt", "openpgp", "--passphrase-env", "SYNTH_UNSET") == 2
    assert "SYNTH_UNSET is not set" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cancelled_run_leaves_nothing(tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        write_delivery(
            checked_options("Yolo", people=10, files=2), tmp_path / "y.dat", cancel=token
        )
    assert list(tmp_path.iterdir()) == []


def test_numbered_file_names() -> None:
    assert numbered(Path("out/doj.dat.gpg"), 2, 3) == Path("out/doj_2.dat.gpg")
    assert numbered(Path("delivery"), 1, 2) == Path("delivery_1")
    assert numbered(Path("doj.dat"), 1, 1) == Path("doj.dat")
