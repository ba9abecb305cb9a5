"""`countyclear export DIR` end to end: the evaluate folder in, the court documents out."""

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from app.cli import main
from app.eligibility.engine import DETERMINATION_COLUMNS
from app.exports.office import OfficeDetails, save_office
from app.exports.pleading import TEXT_LEFT
from app.exports.relief import accounting, outcomes
from app.review import PolicyRecord, SourceFile, create_workspace
from tests.app.exports.frames import (
    los_angeles_like,
    los_angeles_summary,
    sample_determinations,
    sample_summary,
    write_folder,
)
from tests.app.exports.pdfs import body_text, flat_text, page_count, page_words, pdf_text
from tests.app.exports.workbooks import unseal
from tests.doj_builder import Person, to_csv

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Exhibit-password-9"
PAPERS = ["exhibit_1_cover.pdf", "motion.pdf", "motion_and_order.pdf", "proof_of_service.pdf",
          "proposed_order.pdf"]  # fmt: skip
DOCUMENTS = sorted(["challenged_cases.xlsx", "exhibit_1.xlsx", "impact_report.pdf", *PAPERS])


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "run"
    write_folder(out, sample_determinations(), sample_summary())
    monkeypatch.setenv("EXHIBIT_PW", PASSWORD)
    return out


def errors(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("error:")]


def warnings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("warning:")]


def test_all_documents_by_default(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(folder), "--password-env", "EXHIBIT_PW"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*DOCUMENTS, "determinations.csv", "summary.json"]
    )
    captured = capsys.readouterr()
    assert "exhibit_1.xlsx (7 convictions, sealed)" in captured.out
    assert "challenged_cases.xlsx (4 convictions, sealed)" in captured.out
    assert "proposed_order.pdf (7 convictions granted, 2 pending)" in captured.out
    exhibit = unseal(folder / "exhibit_1.xlsx", PASSWORD)["Exhibit 1"]
    assert exhibit.max_row == 8
    unseal(folder / "challenged_cases.xlsx", PASSWORD)
    text = flat_text(folder / "motion.pdf")
    assert "for the 3 convictions listed as “Dismissed and sealed as now lawful”" in text
    assert "People granted relief in this filing 5" in flat_text(folder / "impact_report.pdf")
    # One warning line per blank left (no office details saved here) and per held-back row.
    said = warnings(captured.err)
    assert any("1 conviction(s) the policy would grant are held back" in w for w in said)
    assert any("[DA NAME]" in w for w in said) and any("city_attorneys" in w for w in said)


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
    write_folder(out, sample_determinations(), replace(sample_summary(), county=county))
    assert main(["export", str(out), "--motion"]) == 0
    court = [line for line in warnings(capsys.readouterr().err) if said in line]
    assert len(court) == 1
    assert (out / "motion_and_order.pdf").exists()


def test_a_court_address_the_office_typed_is_no_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run"
    write_folder(out, sample_determinations(), replace(sample_summary(), county="MONO"))
    save_office(OfficeDetails(county="MONO", court_address="452 Old Mammoth Road"))
    assert main(["export", str(out), "--motion", "--summary"]) == 0
    said = warnings(capsys.readouterr().err)
    assert not [w for w in said if "court_address" in w or "court source" in w]
    assert "452 Old Mammoth Road" in flat_text(out / "motion_and_order.pdf")


def test_only_the_chosen_documents(folder: Path) -> None:
    assert main(["export", str(folder), "--motion", "--summary"]) == 0  # no password needed
    assert sorted(p.name for p in folder.glob("*.pdf")) == sorted([*PAPERS, "impact_report.pdf"])
    assert not list(folder.glob("*.xlsx"))


def test_an_exhibit_without_a_password_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(folder)]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "exhibit_1.xlsx" in line and "always sealed" in line and "--password-env" in line
    assert main(["export", str(folder), "--exhibit", "--password-env", "NOT_SET_ANYWHERE"]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "NOT_SET_ANYWHERE is not set" in line
    assert sorted(p.name for p in folder.iterdir()) == ["determinations.csv", "summary.json"]


def test_the_challenged_list_is_never_written_unsealed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(folder), "--challenged"]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert "challenged_cases.xlsx" in line and "always sealed" in line
    assert not (folder / "challenged_cases.xlsx").exists()
    assert main(["export", str(folder), "--challenged", "--password-env", "EXHIBIT_PW"]) == 0
    assert unseal(folder / "challenged_cases.xlsx", PASSWORD).active.max_row == 5


def test_an_office_file_named_on_the_command_line(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office = tmp_path / "office.toml"
    assert main(["export", str(folder), "--motion", "--office", str(office)]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert line.startswith(f"error: {office}: not found") and "README" in line
    office.write_text('county = "Sacramento"\ncity_attorneys = "none"\n', encoding="utf-8")
    assert main(["export", str(folder), "--motion", "--office", str(office)]) == 2
    (line,) = errors(capsys.readouterr().err)
    assert f"{office}:2:" in line and "city_attorneys must be a list" in line
    assert sorted(p.name for p in folder.iterdir()) == ["determinations.csv", "summary.json"]
    office.write_text('county = "Sacramento"\nda_name = "PAT CHAVEZ"\ncity_attorneys = []\n'
                      "alternate_public_defender = true\n", encoding="utf-8")
    assert main(["export", str(folder), "--motion", "--office", str(office)]) == 0
    said = warnings(capsys.readouterr().err)
    assert not [w for w in said if "city_attorneys" in w or "alternate_public" in w]
    assert not [w for w in said if "(da_name)" in w]
    text = flat_text(folder / "motion.pdf")
    assert "PAT CHAVEZ" in text and "ALTERNATE PUBLIC DEFENDER" in text


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
    assert ",maybe," in lines[2]
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
    assert "warning: no --doj-file-date given" in done.stderr  # never the file's mtime
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["doj_file_date"], summary["doj_file_date_source"]) == ("", "unknown")
    done = countyclear("export", str(out), "--password-env", "EXHIBIT_PW")
    if "relief" not in DETERMINATION_COLUMNS:
        # Until the engine writes relief and basis (the law helpers' contract), export
        # refuses the file in one line naming it and the fix rather than guessing.
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip().startswith(f"error: {out / 'determinations.csv'}: has no "
                                              "relief, basis")  # fmt: skip
        assert "run `countyclear evaluate` again" in done.stderr
        assert sorted(p.name for p in out.iterdir()) == ["determinations.csv", "summary.json"]
        return
    assert done.returncode == 0, done.stderr
    rows = list(unseal(out / "exhibit_1.xlsx", PASSWORD).active.iter_rows(values_only=True))
    assert [(r[1], r[4], r[9]) for r in rows[1:]] == [
        ("LEE, SAM", "CR-2", "Dismissed and sealed as now lawful"),
        ("RIVERA, ANA", "CR-1", "Redesignated as a misdemeanor"),
    ]
    text = body_text(out / "motion.pdf")
    assert "SACRAMENTO" in text and "January 1, 2024" in text
    assert "The Department of Justice identified to the District Attorney" in text


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
    assert "District Attorney's decision" in [row[10] for row in moe]
    listed = list(unseal(folder / "challenged_cases.xlsx", PASSWORD).active.values)
    roe = [row for row in listed[1:] if row[1] == "ROE, RICHARD"]
    assert [(row[9], row[10]) for row in roe] == [
        ("Ground found (no new challenge)", "The District Attorney's decision on individual review")
    ]
    cells = " ".join(str(v) for book in (rows, listed) for row in book for v in row)
    assert "sale to a minor" not in cells and "juvenile adjudication" not in cells
    text = body_text(folder / "motion.pdf")
    assert "(b) 2 convictions the District Attorney's review found not eligible or within a" \
        in text  # past 2020-07-01: no new challenge is claimed


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
    assert "(b) 2 convictions the District Attorney's review found" in body_text(
        folder / "motion_and_order.pdf")


class _NoKeyring(KeyringBackend):
    """A keyring that can neither be read nor written, as on a PC without one."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("no keyring here")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("no keyring here")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("no keyring here")


LA_OFFICE = """\
schema_version = 1
county = "Los Angeles"
department = "100"
da_name = "JANE PROSECUTOR"
title = "District Attorney"
state_bar_number = "123456"
office_address = '''211 West Temple Street
Suite 1200, Conviction Integrity Division
Los Angeles, CA 90012'''
phone = "(213) 555-0100"
email = "prop64@da.example.gov"
signing_deputy = "JOHN Q. DEPUTY-SIGNER"
deputy_title = "Head Deputy District Attorney, Conviction Integrity"
city_attorneys = []
alternate_public_defender = false
"""


def test_a_los_angeles_preset_run_with_a_full_office_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The held-out check, on Los Angeles preset-like determinations: nothing bracketed,
    separate motion and order, policy dismissals named as such, no city attorney or
    alternate public defender, the court title on line 8 of each paper, the list never
    unsealed, every decided conviction in Exhibit 1 or the list, and the pending count and
    Exhibit 1's count in every paper."""
    frame = los_angeles_like(700)
    out = tmp_path / "la"
    write_folder(out, frame, los_angeles_summary(frame))
    office = tmp_path / "office.toml"
    office.write_text(LA_OFFICE, encoding="utf-8")
    monkeypatch.setenv("EXHIBIT_PW", PASSWORD)
    assert main(["export", str(out), "--office", str(office), "--password-env", "EXHIBIT_PW"]) == 0
    said = warnings(capsys.readouterr().err)
    assert not [w for w in said if "[" in w.replace("[filing]", "")], said
    counts = accounting(outcomes(frame))
    assert counts.held_back == 1 and counts.pending > 1
    papers = {name: body_text(out / name) for name in [*PAPERS, "impact_report.pdf"]}
    for name, text in papers.items():
        assert "[" not in text and "]" not in text, name
        assert "city attorney" not in text.lower(), name
        assert "alternate public defender" not in text.lower(), name
    pending, granted = f"{counts.pending:,}", f"{counts.granted:,}"
    said_in = {  # the pending count and Exhibit 1's, in every paper
        "motion.pdf": (f"(d) {pending} convictions still under review",
                       f"(a) {granted} convictions of {counts.people:,} persons"),
        "proposed_order.pdf": (f"A further {pending} identified convictions remain under review",
                               f"which lists {granted} convictions"),
        "exhibit_1_cover.pdf": (f"Pending review {pending}",
                                f"Convictions listed in Exhibit 1 {granted}"),
        "proof_of_service.pdf": (f"{pending} pending review",
                                 f"Exhibit 1, listing {granted} convictions"),
        "impact_report.pdf": (f"Still under review {pending}",
                              f"Granted relief in this filing {granted}"),
    }
    said_in["motion_and_order.pdf"] = tuple(p for ps in said_in.values() for p in ps)[:8]
    for name, phrases in said_in.items():
        for phrase in phrases:
            assert phrase in " ".join(flat_text(out / name).split()) or phrase in papers[name], \
                (name, phrase)
    for name in ("motion.pdf", "proposed_order.pdf"):
        assert "Dismissed and sealed at the People's request" in papers[name], name
        assert page_count(out / name) >= 2
    assert papers["proposed_order.pdf"].count("legally invalid") == 1
    for name in PAPERS:
        firsts = [1] if name != "motion_and_order.pdf" else [
            n for n, page in enumerate(pdf_text(out / name, layout=True).split("\f")[:-1], 1)
            if page.strip().splitlines()[-2].replace(" ", "") == "-1-"]  # fmt: skip
        for page in firsts:
            words = page_words(out / name, page)
            line8 = next(w for w in words if w.text == "8" and w.x_max < TEXT_LEFT - 10)
            title = next(w for w in words if w.text == "SUPERIOR")
            assert abs(title.y_max - line8.y_max) < 0.5, (name, page)
    for sealed in ("exhibit_1.xlsx", "challenged_cases.xlsx"):
        assert (out / sealed).read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1"), sealed
    exhibit = list(unseal(out / "exhibit_1.xlsx", PASSWORD)["Exhibit 1"].values)[1:]
    listed = list(unseal(out / "challenged_cases.xlsx", PASSWORD).active.values)[1:]
    assert len(exhibit) == counts.granted and len(listed) == counts.listed_separately
    shown = {(row[3], row[6], row[8].date() if row[8] else None) for row in exhibit + listed}
    every = {(r["cii_number"], r["code_section"], r["conviction_date"])
             for r in frame.iter_rows(named=True)}  # fmt: skip
    assert shown == every  # every conviction DOJ identified is in one of the two
    cells = " ".join(str(v) for row in exhibit + listed for v in row)
    assert "[" not in cells
