import copy
import itertools

import pytest

from app.errors import InputError
from app.review import AuditLog, verify_chain


def log_of(count: int) -> AuditLog:
    log = AuditLog()
    for n in range(count):
        log.append(
            "decide", keys=[(f"S{n}", "001001")], before={"final_determination": [None]},
            after={"final_determination": ["dismiss"]}, reason=f"reason {n}", user="clerk",
        )  # fmt: skip
    return log


def test_intact_chain() -> None:
    log = log_of(5)
    assert verify_chain(log.entries).ok
    assert [e["seq"] for e in log.entries] == [1, 2, 3, 4, 5]
    assert log.entries[0]["prev_hash"] == "0" * 64
    assert all(b["prev_hash"] == a["hash"] for a, b in itertools.pairwise(log.entries))


def test_edited_entry_is_named() -> None:
    entries = copy.deepcopy(list(log_of(5).entries))
    entries[2]["reason"] = "a better-sounding reason"
    check = verify_chain(entries)
    assert (check.ok, check.entry) == (False, 3)
    assert "entry 3 was edited" in check.message


def test_removed_entry_is_named() -> None:
    entries = list(log_of(5).entries)
    del entries[1]
    check = verify_chain(entries)
    assert (check.ok, check.entry) == (False, 2)
    assert "entry 2 is missing" in check.message


def test_removed_and_renumbered_entry_is_caught() -> None:
    entries = copy.deepcopy(list(log_of(5).entries))
    del entries[1]
    for position, entry in enumerate(entries, start=1):
        entry["seq"] = position
    check = verify_chain(entries)
    assert (check.ok, check.entry) == (False, 2)
    assert "does not follow entry 1" in check.message


def test_saved_log_reloads_and_a_tampered_one_does_not() -> None:
    log = log_of(4)
    again = AuditLog.from_bytes("w.ccws", log.to_bytes())
    assert again.entries == log.entries
    tampered = log.to_bytes().replace(b"reason 2", b"reason X")
    with pytest.raises(InputError, match="audit log was altered: entry 3 was edited"):
        AuditLog.from_bytes("w.ccws", tampered)
