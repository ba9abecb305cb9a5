"""The audit log: who changed what, when and why, hash-chained so edits and removals show.

Each entry stores `hash = SHA-256(previous entry's hash + the entry's canonical JSON)`, the
canonical JSON being every field except `hash`, keys sorted, no spaces. Editing an entry
breaks its own hash; removing one breaks the next entry's `prev_hash` and the numbering.
"""

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from app.errors import InputError
from app.review.decisions import current_user, utc_now

GENESIS: Final = "0" * 64  # the "previous hash" of the first entry
FIELDS: Final = ("seq", "time", "user", "action", "keys", "before", "after", "reason", "prev_hash")

JsonValue = Any  # what json.loads returns: str, int, None, lists and dicts of them


def canonical(entry: dict[str, JsonValue]) -> str:
    body = {name: entry.get(name) for name in FIELDS}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, canonical_json: str) -> str:
    return hashlib.sha256((prev_hash + canonical_json).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entry: int | None = None  # seq (1-based position) of the first bad entry
    message: str = ""


class AuditLog:
    """Append-only entries; each is serialised once, when appended (saves stay fast)."""

    def __init__(self) -> None:
        self._entries: list[dict[str, JsonValue]] = []
        self._lines: list[str] = []  # the JSON line of each entry, as saved

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> Sequence[dict[str, JsonValue]]:
        return tuple(self._entries)

    @property
    def head(self) -> str:
        return self._entries[-1]["hash"] if self._entries else GENESIS

    def append(
        self,
        action: str,
        *,
        keys: Sequence[Sequence[str]] = (),
        before: JsonValue = None,
        after: JsonValue = None,
        reason: str = "",
        user: str | None = None,
        at: str | None = None,
    ) -> dict[str, JsonValue]:
        entry: dict[str, JsonValue] = {
            "seq": len(self._entries) + 1,
            "time": at or utc_now(),
            "user": user or current_user(),
            "action": action,
            "keys": [list(key) for key in keys],
            "before": before,
            "after": after,
            "reason": reason,
            "prev_hash": self.head,
        }
        # Round-trip through JSON so what is hashed is exactly what a reload will see.
        entry = json.loads(canonical(entry))
        entry["hash"] = entry_hash(entry["prev_hash"], canonical(entry))
        self._entries.append(entry)
        self._lines.append(json.dumps(entry, sort_keys=True, separators=(",", ":")))
        return entry

    def copy(self) -> "AuditLog":
        """The log as it is now; later appends to either do not reach the other. Entries are
        never modified after they are appended, so the lists copy references only."""
        clone = AuditLog()
        clone._entries = list(self._entries)
        clone._lines = list(self._lines)
        return clone

    def to_bytes(self) -> bytes:
        return "\n".join(self._lines).encode("utf-8")

    @classmethod
    def from_bytes(cls, where: str, data: bytes) -> "AuditLog":
        """Load saved entries; InputError when the chain is broken (names the entry)."""
        log = cls()
        lines = [line for line in data.decode("utf-8").split("\n") if line]
        try:
            log._entries = [json.loads(line) for line in lines]
        except json.JSONDecodeError as exc:
            raise InputError(where, f"the audit log is unreadable at entry {exc.lineno}") from exc
        log._lines = lines
        check = verify_chain(log._entries)
        if not check.ok:
            raise InputError(where, f"the audit log was altered: {check.message}")
        return log


def verify_chain(entries: Iterable[dict[str, JsonValue]]) -> ChainCheck:
    """Check numbering, links and hashes; the first problem names its entry."""
    prev = GENESIS
    for position, entry in enumerate(entries, start=1):
        seq = entry.get("seq")
        if seq != position:
            return ChainCheck(
                False, position, f"entry {position} is missing (entry {seq} stands in its place)"
            )
        if entry.get("prev_hash") != prev:
            return ChainCheck(
                False,
                position,
                f"entry {position} does not follow entry {position - 1}: an entry before it "
                "was removed or changed",
            )
        expected = entry_hash(prev, canonical(entry))
        if entry.get("hash") != expected:
            return ChainCheck(False, position, f"entry {position} was edited after it was written")
        prev = expected
    return ChainCheck(True)
