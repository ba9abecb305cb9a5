"""`countyclear export DIR` end to end: the evaluate folder in, the court documents out."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from app.cli import main
from app.exports.office import OfficeDetails, save_office
from app.outputs import write_outputs
from app.review import PolicyRecord, SourceFile, create_workspace
from tests.app.exports.frames import sample_determinations, sample_summary
from tests.app.exports.pdfs import flat_text
from tests.app.exports.workbooks import unseal
from tests.doj_builder import Person, to_csv

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Exhibit-password-9"
DOCUMENTS = ["challenged_cases.xlsx", "exhibit_1.xlsx", "impact_report.pdf",
             "motion_and_order.pdf"]  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "run"
    write_outputs(out, sample_determinations(), sample_summary())
    monkeypatch.setenv("EXHIBIT_PW", PASSWORD)
    return out


def errors(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("error:")]


def test_all_documents_by_default(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(folder), "--password-env", "EXHIBIT_PW"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*DOCUMENTS, "determinations.csv", "summary.json"]
    )
    out = capsys.readouterr().out
    assert "exhibit_1.xlsx (5 convictions, sealed)" in out
    assert "challenged_cases.xlsx (1 conviction, sealed)" in out
    exhibit = unseal(folder / "exhibit_1.xlsx", PASSWORD).active
    assert exhibit.max_row == 6
    unseal(folder / "challenged_cases.xlsx", PASSWORD)
    assert "dismissal and sealing of 3 convictions" in flat_text(folder / "motion_and_order.pdf")
    assert "People with any relief 4" in flat_text(folder / "impact_report.pdf")


def test_office_details_reach_the_motion(folder: Path) -> None:
    save_office(OfficeDetails(county="SACRAMENTO", da_name="ALEXANDRA HAMILTON",
                              state_bar_number="234567"))  # fmt: skip
    assert main(["export", str(folder), "--motion"]) == 0
    text = flat_text(folder / "motion_and_order.pdf")
    assert "ALEXANDRA HAMILTON" in text and "SBN 234567" in text and "[PHONE]" in text


def test_office_details_for_another_county_are_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_office(OfficeDetails(county="YOLO"))
    assert main(["export", str(folder), "--motion"]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "office.toml" in line and "YOLO" in line and "SACRAMENTO" in line
    assert not (folder / "motion_and_order.pdf").exists()


@pytest.mark.parametrize(
    ("county", "said"),
    [("MONO", "was not confirmed from a court source"), ("STANISLAUS", "has no address")],
)
def test_a_court_address_to_check_is_a_warning(
    county: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The motion is written; one warning line says what to check (docs/COURTS.md)."""
    out = tmp_path / "run"
    write_outputs(out, sample_determinations(), {**sample_summary(), "county": county})
    assert main(["export", str(out), "--motion"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines()
                if line.startswith("warning:")]
    assert len(warnings) == 1 and said in warnings[0] and "Office details" in warnings[0]
    assert (out / "motion_and_order.pdf").exists()


def test_a_court_address_the_office_typed_is_no_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run"
    write_outputs(out, sample_determinations(), {**sample_summary(), "county": "MONO"})
    save_office(OfficeDetails(county="MONO", court_address="452 Old Mammoth Road"))
    assert main(["export", str(out), "--motion", "--summary"]) == 0
    assert "warning:" not in capsys.readouterr().err
    assert "452 Old Mammoth Road" in flat_text(out / "motion_and_order.pdf")


def test_only_the_chosen_documents(folder: Path) -> None:
    assert main(["export", str(folder), "--motion", "--summary"]) == 0  # no password needed
    assert sorted(p.name for p in folder.glob("*.pdf")) == DOCUMENTS[2:]
    assert not list(folder.glob("*.xlsx"))


def test_an_exhibit_without_a_password_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(folder)]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "exhibit_1.xlsx" in line and "must be sealed" in line and "--password-env" in line
    assert main(["export", str(folder), "--exhibit", "--password-env", "NOT_SET_ANYWHERE"]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "NOT_SET_ANYWHERE is not set" in line
    assert sorted(p.name for p in folder.iterdir()) == ["determinations.csv", "summary.json"]


def test_existing_documents_are_never_overwritten_silently(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "motion_and_order.pdf").write_bytes(b"the signed copy")
    assert main(["export", str(folder), "--password-env", "EXHIBIT_PW"]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "motion_and_order.pdf" in line and "--force" in line
    assert (folder / "motion_and_order.pdf").read_bytes() == b"the signed copy"
    assert not (folder / "exhibit_1.xlsx").exists()  # nothing written before the refusal
    assert main(["export", str(folder), "--password-env", "EXHIBIT_PW", "--force"]) == 0
    assert (folder / "motion_and_order.pdf").read_bytes().startswith(b"%PDF")


def test_bad_input_is_one_error_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = folder / "determinations.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",false,", ",maybe,", 1)
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["export", str(folder), "--motion"]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "determinations.csv:3:" in line and "currently_serving" in line
    assert main(["export", str(folder / "nowhere"), "--motion"]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "is not a folder" in line


def test_evaluate_then_export_as_a_clerk_would(tmp_path: Path) -> None:
    """The real chain in separate processes: a DOJ file, evaluate, export."""
    a, b = Person("1", name="RIVERA,ANA", dob="19600101"), Person("2", name="LEE,SAM")
    a.conviction("11359 HS-POSSESS FOR SALE", "20000101", case="CR-1")
    b.conviction("11357(B) HS-POSSESS", "20050101", level="MISDEMEANOR", toc="M", case="CR-2")
    delivery = tmp_path / "doj.dat"
    delivery.write_bytes(to_csv([a, b]))
    out = tmp_path / "out"
    env = {**os.environ, "EXHIBIT_PW": PASSWORD}

    def countyclear(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True,
                              text=True, cwd=ROOT, env=env, timeout=120)  # fmt: skip

    done = countyclear("evaluate", str(delivery), "--county", "Sacramento", "--out", str(out),
                       "--as-of", "2024-01-01")  # fmt: skip
    assert done.returncode == 0, done.stderr
    done = countyclear("export", str(out), "--password-env", "EXHIBIT_PW")
    assert done.returncode == 0, done.stderr
    rows = list(unseal(out / "exhibit_1.xlsx", PASSWORD).active.iter_rows(values_only=True))
    assert [(r[1], r[4], r[9]) for r in rows[1:]] == [
        ("LEE, SAM", "CR-2", "Dismiss and seal"),
        ("RIVERA, ANA", "CR-1", "Redesignate"),
    ]
    text = flat_text(out / "motion_and_order.pdf")
    assert "SACRAMENTO" in text and "January 1, 2024" in text


def saved_workspace(path: Path, as_of: date) -> Path:
    workspace = create_workspace(
        path,
        recovery_passphrase="seven blue herons over the delta",
        county="SACRAMENTO",
        as_of=as_of,
        policy=PolicyRecord("statutory", "builtin", ""),
        sources=[SourceFile.of("doj_2026.dat", b"bytes")],
        determinations=sample_determinations(),
    )
    workspace.decide([("200", "001001001000")], final="challenge", reason="sale to a minor")
    workspace.decide([("400", "001001002000")], final="dismiss", reason="juvenile adjudication")
    workspace.save()
    return path


def test_staff_decisions_from_the_workspace(folder: Path, tmp_path: Path) -> None:
    workspace = saved_workspace(tmp_path / "work.ccws", date(2026, 11, 1))
    args = ["export", str(folder), "--password-env", "EXHIBIT_PW", "--workspace", str(workspace)]
    assert main(args) == 0
    rows = list(unseal(folder / "exhibit_1.xlsx", PASSWORD).active.iter_rows(values_only=True))
    names = [row[1] for row in rows[1:]]
    assert "ROE, RICHARD" not in names and names.count("MOE, MARY") == 2
    moe = [row for row in rows[1:] if row[1] == "MOE, MARY"]
    assert [row[11] for row in moe] == ["Yes", "Yes"]  # now every count of the case is dismissed
    assert "Staff decision: juvenile adjudication" in [row[10] for row in moe]
    listed = list(unseal(folder / "challenged_cases.xlsx", PASSWORD).active.values)
    assert [(row[1], row[9], row[13]) for row in listed[1:]] == [
        ("ROE, RICHARD", "Challenged", "sale to a minor")
    ]
    text = flat_text(folder / "motion_and_order.pdf")
    assert "challenges 1 conviction" in text


def test_a_workspace_of_another_run_is_refused(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = saved_workspace(tmp_path / "old.ccws", date(2025, 1, 1))
    assert main(["export", str(folder), "--motion", "--workspace", str(workspace)]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "old.ccws" in line and "as of 2025-01-01" in line and "2026-11-01" in line
    assert main(["export", str(folder), "--motion", "--workspace", str(tmp_path / "no.ccws")]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "no.ccws" in line and "there is no such file" in line


def test_a_workspace_from_another_pc_opens_with_its_recovery_passphrase(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace = saved_workspace(tmp_path / "work.ccws", date(2026, 11, 1))
    keyring.set_keyring(_NoKeyring())  # another PC: no key, and nowhere to put it back
    args = ["export", str(folder), "--motion", "--workspace", str(workspace)]
    assert main(args) == 2
    err = capsys.readouterr().err
    (line,) = errors(err)
    assert "recovery passphrase (command line: --recovery-passphrase-env VAR)" in line
    # The keyring's failure is a warning in the command line's own form.
    assert "warning: the OS keyring could not be read (KeyringLocked)" in err.splitlines()
    assert main([*args, "--recovery-passphrase-env", "RECOVERY"]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert line.startswith("error: --recovery-passphrase-env RECOVERY: ")
    monkeypatch.setenv("RECOVERY", "seven blue herons over the delta")
    assert main([*args, "--recovery-passphrase-env", "RECOVERY"]) == 0
    # Opened, though the key could not be put back in the keyring for next time.
    assert capsys.readouterr().err.startswith(
        "warning: the workspace key was not put back in the keyring: could not store")
    assert "challenges 1 conviction" in flat_text(folder / "motion_and_order.pdf")


class _NoKeyring(KeyringBackend):
    """A keyring that can neither be read nor written, as on a PC without one."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("no keyring here")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("no keyring here")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("no keyring here")
