import base64
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import keyring
import keyring.backends.fail
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from app.errors import InputError
from app.exports.motion import MotionFacts
from app.review import PolicyRecord, SourceFile, Workspace, create_workspace, open_workspace
from app.review.vault import NeedsRecovery, keyring_entry
from tests.app.review.frames import determinations, keys_of
from tests.keyring_memory import MemoryKeyring

RECOVERY = "seven blue herons over the delta"
POLICY = PolicyRecord("sacramento_2019", "toml", 'id = "sacramento_2019"\nprocedure = "bear"\n')


def new_workspace(path: Path, rows: int = 8) -> Workspace:
    return create_workspace(
        path,
        recovery_passphrase=RECOVERY,
        county="SACRAMENTO",
        as_of=date(2026, 3, 1),
        policy=POLICY,
        sources=[SourceFile.of("doj_2026.dat.gpg", b"ciphertext bytes")],
        determinations=determinations(rows),
    )


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sacramento.ccws"
    workspace = new_workspace(path)
    frame = workspace.determinations
    workspace.decide(keys_of(frame, 0, 1), user="clerk1")
    workspace.decide(keys_of(frame, 2), final="challenge", reason="prior super strike")
    workspace.annotate(keys_of(frame, 3), "ask PD about this one")
    workspace.save()

    again = open_workspace(path)
    assert (again.county, again.as_of, again.policy) == ("SACRAMENTO", date(2026, 3, 1), POLICY)
    assert again.sources == workspace.sources
    assert again.key_id == workspace.key_id
    assert_frame_equal(again.determinations, workspace.determinations)
    assert_frame_equal(again.decisions.frame, workspace.decisions.frame)
    assert_frame_equal(again.decided(), workspace.decided())
    assert again.audit.entries == workspace.audit.entries
    assert [e["action"] for e in again.audit.entries] == ["create", "decide", "decide", "note"]


def test_file_holds_no_plaintext(tmp_path: Path) -> None:
    path = tmp_path / "w.ccws"
    workspace = new_workspace(path)
    workspace.annotate(keys_of(workspace.determinations, 0), "PRIVATE-NOTE-TEXT")
    workspace.save()
    blob = path.read_bytes()
    for secret in (
        b"S0000001",
        b"DOE1,JANE",
        b"PRIVATE-NOTE-TEXT",
        b"SACRAMENTO",
        RECOVERY.encode(),
    ):
        assert secret not in blob
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.ccws"]  # no temporary left


def test_each_save_uses_a_new_nonce(tmp_path: Path) -> None:
    path = tmp_path / "w.ccws"
    workspace = new_workspace(path)
    first = path.read_bytes()
    workspace.save()
    second = path.read_bytes()
    assert first != second and len(first) == len(second)


@pytest.mark.parametrize("where", ["end", "middle", "nonce"])
def test_tampering_is_detected(tmp_path: Path, where: str) -> None:
    path = tmp_path / "w.ccws"
    new_workspace(path)
    blob = bytearray(path.read_bytes())
    header_end = 9 + int.from_bytes(blob[5:9], "big")
    position = {
        "end": len(blob) - 1,
        "middle": (header_end + len(blob)) // 2,
        "nonce": blob.index(b'"nonce":"') + 10,
    }[where]
    if where == "nonce":  # another valid base64 digit, so the header still parses
        blob[position] = ord("B") if blob[position] == ord("A") else ord("A")
    else:
        blob[position] ^= 0x01
    path.write_bytes(bytes(blob))
    with pytest.raises(InputError, match="failed its integrity check") as info:
        open_workspace(path)
    assert info.value.where == str(path)


@pytest.mark.parametrize("cut", [3, 20, -1])
def test_truncated_or_foreign_file(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "w.ccws"
    new_workspace(path)
    path.write_bytes(path.read_bytes()[:cut])
    with pytest.raises(InputError, match=r"integrity check|not a CountyClear workspace"):
        open_workspace(path)


def test_wrong_key_in_keyring(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "w.ccws"
    workspace = new_workspace(path)
    entry = ("CountyClear", keyring_entry(workspace.key_id))
    memory_keyring.entries[entry] = base64.b64encode(os.urandom(32)).decode()
    with pytest.raises(InputError, match="failed its integrity check"):
        open_workspace(path)


def test_lost_keyring_entry_and_recovery(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "w.ccws"
    workspace = new_workspace(path)
    workspace.decide(keys_of(workspace.determinations, 0))
    workspace.save()
    memory_keyring.entries.clear()  # a new PC, or the entry was deleted

    with pytest.raises(NeedsRecovery, match=r"not in this PC's keyring.*recovery passphrase"):
        open_workspace(path)
    with pytest.raises(InputError, match="wrong recovery passphrase"):
        open_workspace(path, recovery_passphrase="seven blue herons over the river")

    recovered = open_workspace(path, recovery_passphrase=RECOVERY)
    assert_frame_equal(recovered.decided(), workspace.decided())
    assert ("CountyClear", keyring_entry(workspace.key_id)) in memory_keyring.entries
    assert_frame_equal(open_workspace(path).decided(), workspace.decided())  # keyring again


def test_recovery_passphrase_must_be_long_enough(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="at least 10 characters"):
        create_workspace(
            tmp_path / "w.ccws", recovery_passphrase="short", county="X", as_of=date(2026, 1, 1),
            policy=POLICY, sources=[], determinations=determinations(2),
        )  # fmt: skip
    assert not (tmp_path / "w.ccws").exists()


def test_undo_and_redo_are_audited(tmp_path: Path) -> None:
    workspace = new_workspace(tmp_path / "w.ccws")
    change = workspace.decide(keys_of(workspace.determinations, 1), final="review", reason="odd")
    decided = workspace.decided()
    workspace.undo(change)
    assert workspace.decided()["status"].to_list() == ["pending"] * 8
    workspace.redo(change)
    assert_frame_equal(workspace.decided(), decided)
    actions = [e["action"] for e in workspace.audit.entries]
    assert actions == ["create", "decide", "undo", "redo"]
    assert workspace.audit.entries[2]["after"]["final_determination"] == [None]


def test_failed_rename_keeps_the_previous_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "w.ccws"
    workspace = new_workspace(path)
    saved = path.read_bytes()
    workspace.decide(keys_of(workspace.determinations, 0))

    def power_cut(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("app.review.vault.os.replace", power_cut)
    with pytest.raises(InputError, match=r"could not save the workspace .*last save is still"):
        workspace.save()
    assert path.read_bytes() == saved
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.ccws"]
    monkeypatch.undo()
    assert open_workspace(path).decisions.frame.height == 0


SAVE_FOREVER = """
import os
import sys
from pathlib import Path
from tests.keyring_memory import install_memory_keyring
install_memory_keyring()
import app.review.vault
from app.review import open_workspace

workspace = open_workspace(Path(sys.argv[1]), recovery_passphrase=sys.argv[2])
keys = workspace.determinations.select("subject_id", "cnt_order")
real_fsync = os.fsync
if sys.argv[3] == "hold-before-rename":
    def announce_then_hold(fd):
        real_fsync(fd)
        sys.stdout.write("written, not yet renamed\\n")
        sys.stdout.flush()
        sys.stdin.readline()  # the parent kills us here; nothing is ever sent
    app.review.vault.os.fsync = announce_then_hold
saves = 0
while True:
    saves += 1
    workspace.annotate(keys.slice(saves % keys.height, 1), f"note {saves}")
    sys.stdout.write(f"saving {saves}\\n")
    sys.stdout.flush()
    workspace.save()
"""


@pytest.mark.parametrize(
    ("mode", "kill_after"),
    [
        ("free-running", "saving 4"),  # saves 1-3 done, the 4th under way at some point
        ("hold-before-rename", "written, not yet renamed"),  # exactly between write and rename
    ],
)
def test_killed_while_saving_leaves_a_loadable_workspace(
    tmp_path: Path, mode: str, kill_after: str
) -> None:
    path = tmp_path / "w.ccws"
    new_workspace(path, rows=20_000)
    child = subprocess.Popen(
        [sys.executable, "-c", SAVE_FOREVER, str(path), RECOVERY, mode],
        cwd=Path(__file__).resolve().parents[3],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == kill_after:
                break
        else:
            pytest.fail(f"the saving child stopped: {child.stderr.read() if child.stderr else ''}")
        child.kill()  # SIGKILL: no cleanup, no finally blocks
    finally:
        child.kill()
        child.wait(timeout=30)
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                stream.close()

    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".saving")]
    if mode == "hold-before-rename":
        assert leftovers == [f".w.ccws.{child.pid}.saving"]  # the new save, whole, unrenamed
    loaded = open_workspace(path)
    notes = loaded.decided().filter(pl.col("note").is_not_null())
    if mode == "free-running":
        assert notes.height >= 3  # at least the saves that had finished
    else:
        assert notes.height == 0  # the first save was held: the creation's version is intact
    loaded.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.ccws"]  # leftovers cleaned
    assert len(loaded.audit) == 1 + notes.height


@pytest.mark.parametrize("backend", ["none", "refusing"])
def test_without_a_working_keyring_the_recovery_passphrase_protects_the_workspace(
    tmp_path: Path, backend: str, caplog: pytest.LogCaptureFixture
) -> None:
    # fail.Keyring is what a Linux desktop without Secret Service falls back to; "refusing"
    # is a keyring that is there but fails with its own error class (D-Bus), not KeyringError.
    keyring.set_keyring(keyring.backends.fail.Keyring() if backend == "none" else _Refusing())
    path = tmp_path / "w.ccws"
    workspace = new_workspace(path)
    assert not workspace.key_in_keyring
    assert "protected by its recovery passphrase only" in caplog.text
    workspace.decide(keys_of(workspace.determinations, 0), reason="checked")
    workspace.save()
    with pytest.raises(NeedsRecovery):
        open_workspace(path)
    opened = open_workspace(path, recovery_passphrase=RECOVERY)
    assert not opened.key_in_keyring  # still nowhere to keep it: asked again next time
    assert_frame_equal(opened.decided(), workspace.decided())
    assert RECOVERY not in caplog.text


def test_the_key_goes_into_a_working_keyring(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    workspace = new_workspace(tmp_path / "w.ccws")
    assert workspace.key_in_keyring
    assert ("CountyClear", keyring_entry(workspace.key_id)) in memory_keyring.entries


class _Refusing(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")


def test_the_doj_file_date_is_kept_with_the_workspace_and_audited(tmp_path: Path) -> None:
    path = tmp_path / "sacramento.ccws"
    workspace = new_workspace(path)
    assert workspace.doj_file_date is None  # never guessed from a file's date
    assert workspace.paper_facts().doj_file_date is None
    workspace.set_doj_file_date(date(2026, 2, 10), user="clerk1")
    workspace.set_doj_file_date(date(2026, 2, 12), user="clerk1")  # DOJ's letter, read again
    workspace.save()
    again = open_workspace(path)
    assert again.doj_file_date == date(2026, 2, 12)
    assert again.paper_facts() == MotionFacts("SACRAMENTO", date(2026, 3, 1), date(2026, 2, 12))
    dated = [e for e in again.audit.entries if e["action"] == "doj_file_date"]
    assert [(e["before"], e["after"], e["user"]) for e in dated] == [
        (None, "2026-02-10", "clerk1"), ("2026-02-10", "2026-02-12", "clerk1")]


def test_the_juvenile_counts_not_evaluated_are_kept_for_export_without_the_doj_files(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sacramento.ccws"
    workspace = create_workspace(
        path, recovery_passphrase=RECOVERY, county="SACRAMENTO", as_of=date(2026, 3, 1),
        policy=POLICY, sources=[SourceFile.of("doj.dat.gpg", b"ciphertext bytes")],
        determinations=determinations(4), juvenile_not_evaluated=3,
    )  # fmt: skip
    assert workspace.paper_facts().juvenile_not_evaluated == 3
    reopened = open_workspace(path, recovery_passphrase=RECOVERY)
    assert reopened.paper_facts().juvenile_not_evaluated == 3
    assert new_workspace(tmp_path / "other.ccws").paper_facts().juvenile_not_evaluated == 0
