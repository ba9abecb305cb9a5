"""A county's work in progress, saved as one encrypted file (see app.review.vault).

What is saved: the source files (name and SHA-256, never their content), county, policy (id
and its TOML or BEAR JSON text), as-of date, the date DOJ produced the file (as the clerk
typed it from DOJ's letter; the motion states it), the determinations frame (parquet), every
decision and note (parquet) and the audit log (hash-chained JSON lines).

Every change goes through the workspace so it is both applied and audited; the caller (the
UI's autosave) then calls `save()`.
"""

import hashlib
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

import polars as pl

from app.errors import InputError, read_input
from app.exports.motion import MotionFacts
from app.review.audit import AuditLog
from app.review.decisions import (
    KEY,
    DecisionBook,
    DecisionChange,
    Keys,
    apply_decisions,
    utc_now,
)
from app.review.vault import WorkspaceKey, new_workspace_key, seal, unseal, write_atomically

PAYLOAD_MAGIC: Final = b"CCWP"
PAYLOAD_VERSION: Final = 1
SUFFIX: Final = ".ccws"


@dataclass(frozen=True)
class SourceFile:
    name: str
    sha256: str

    @classmethod
    def of(cls, name: str, data: bytes) -> "SourceFile":
        return cls(name, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class PolicyRecord:
    id: str
    format: str  # "toml", "bear_json" or "builtin"
    text: str  # the policy file as used (empty for a built-in policy)


class Workspace:
    def __init__(
        self,
        path: Path,
        key: WorkspaceKey,
        *,
        county: str,
        as_of: date,
        policy: PolicyRecord,
        sources: list[SourceFile],
        determinations: pl.DataFrame,
        decisions: DecisionBook | None = None,
        audit: AuditLog | None = None,
        created_at: str | None = None,
        determinations_parquet: bytes | None = None,
        doj_file_date: date | None = None,
        juvenile_not_evaluated: int = 0,
    ) -> None:
        self.path = path
        self._key = key
        self.county = county
        self.as_of = as_of
        self.doj_file_date = doj_file_date  # None until the clerk gives it
        # Juvenile court counts the run listed but did not evaluate (app.eligibility.juvenile):
        # kept so an export without the DOJ files still names them.
        self.juvenile_not_evaluated = juvenile_not_evaluated
        self.policy = policy
        self.sources = list(sources)
        self.decisions = decisions or DecisionBook()
        self.audit = audit or AuditLog()
        self.created_at = created_at or utc_now()
        self._determinations = determinations
        # The frame never changes: encoded once (on open, the file's own bytes are kept).
        self._determinations_parquet = (
            _parquet(determinations) if determinations_parquet is None else determinations_parquet
        )

    @property
    def key_id(self) -> str:
        return self._key.key_id

    @property
    def key_in_keyring(self) -> bool:
        """False where this PC's keyring does not hold the key: the recovery passphrase is
        what opens this workspace here, each time."""
        return self._key.in_keyring

    @property
    def determinations(self) -> pl.DataFrame:
        return self._determinations

    def decided(self) -> pl.DataFrame:
        """The determinations with the decision columns (what the grid and exports show)."""
        return apply_decisions(self._determinations, self.decisions)

    # --- changes, each audited ---------------------------------------------------------------

    def decide(
        self,
        keys: Keys,
        *,
        final: str | None = None,
        reason: str = "",
        note: str | None = None,
        user: str | None = None,
    ) -> DecisionChange:
        change = self.decisions.decide(
            self._determinations, keys, final=final, reason=reason, note=note, user=user
        )
        self._audit_change(change, reason=reason, user=user)
        return change

    def annotate(self, keys: Keys, note: str, *, user: str | None = None) -> DecisionChange:
        change = self.decisions.annotate(keys, note)
        self._audit_change(change, reason="", user=user)
        return change

    def clear(self, keys: Keys, *, reason: str = "", user: str | None = None) -> DecisionChange:
        change = self.decisions.clear(keys)
        self._audit_change(change, reason=reason, user=user)
        return change

    def undo(self, change: DecisionChange, *, user: str | None = None) -> None:
        self.decisions.restore(change.keys, change.before)
        self._audit_change(
            DecisionChange("undo", change.keys, change.after, change.before), "", user
        )

    def redo(self, change: DecisionChange, *, user: str | None = None) -> None:
        self.decisions.restore(change.keys, change.after)
        self._audit_change(
            DecisionChange("redo", change.keys, change.before, change.after), "", user
        )

    def set_doj_file_date(self, day: date, *, user: str | None = None) -> None:
        """The date DOJ produced the file, from DOJ's cover letter (never the file's
        modification date): the motion states it."""
        before = self.doj_file_date.isoformat() if self.doj_file_date else None
        self.doj_file_date = day
        self.audit.append("doj_file_date", before=before, after=day.isoformat(), user=user)

    def paper_facts(self) -> MotionFacts:
        """What the papers recite about the run, from the workspace (in place of summary.json
        on the command line)."""
        return MotionFacts(self.county, self.as_of, self.doj_file_date,
                           self.juvenile_not_evaluated)

    def record(self, action: str, *, after: Any = None, reason: str = "") -> None:
        """Audit an event that is not a decision (an export, a re-opened file, ...)."""
        self.audit.append(action, after=after, reason=reason)

    def _audit_change(self, change: DecisionChange, reason: str, user: str | None) -> None:
        self.audit.append(
            change.action,
            keys=change.keys.rows(),
            before=_columns(change.keys, change.before),
            after=_columns(change.keys, change.after),
            reason=reason,
            user=user,
        )

    # --- saving --------------------------------------------------------------------------------

    def to_payload(self) -> bytes:
        meta = {
            "county": self.county,
            "as_of": self.as_of.isoformat(),
            "doj_file_date": self.doj_file_date.isoformat() if self.doj_file_date else None,
            "juvenile_not_evaluated": self.juvenile_not_evaluated,
            "policy": {
                "id": self.policy.id,
                "format": self.policy.format,
                "text": self.policy.text,
            },
            "sources": [{"name": s.name, "sha256": s.sha256} for s in self.sources],
            "created_at": self.created_at,
            "saved_at": utc_now(),
        }
        sections = [
            json.dumps(meta, ensure_ascii=False).encode("utf-8"),
            self._determinations_parquet,
            _parquet(self.decisions.frame),
            self.audit.to_bytes(),
        ]
        out = bytearray(PAYLOAD_MAGIC + bytes([PAYLOAD_VERSION]))
        for section in sections:
            out += len(section).to_bytes(8, "big") + section
        return bytes(out)

    def save(self) -> None:
        """Encrypt and write atomically; the previous save stays whole until the rename."""
        blob = seal(self.to_payload(), self._key)
        try:
            write_atomically(self.path, blob)
        except OSError as exc:
            raise InputError(
                str(self.path),
                f"could not save the workspace ({exc.strerror or exc}); the last save is "
                "still there. Free some disk space or choose another folder, then save again",
            ) from exc


def _parquet(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_parquet(buffer, compression="zstd", compression_level=1, statistics=False)
    return buffer.getvalue()


def _columns(keys: pl.DataFrame, rows: pl.DataFrame) -> dict[str, list[Any]]:
    """Decision fields per selected key, columnar, in the keys' order (null = pending)."""
    aligned = keys.join(rows, on=list(KEY), how="left", maintain_order="left")
    return {
        name: aligned.get_column(name).to_list()
        for name in ("final_determination", "status", "note")
    }


def create_workspace(
    path: Path,
    *,
    recovery_passphrase: str,
    county: str,
    as_of: date,
    policy: PolicyRecord,
    sources: list[SourceFile],
    determinations: pl.DataFrame,
    juvenile_not_evaluated: int = 0,
) -> Workspace:
    """A new workspace with a new key (kept in the OS keyring where it works), saved at once."""
    key = new_workspace_key(recovery_passphrase)
    workspace = Workspace(
        path, key, county=county, as_of=as_of, policy=policy, sources=sources,
        determinations=determinations, juvenile_not_evaluated=juvenile_not_evaluated,
    )  # fmt: skip
    workspace.audit.append(
        "create",
        after={
            "county": county,
            "as_of": as_of.isoformat(),
            "policy": policy.id,
            "sources": [s.name for s in sources],
            "convictions": determinations.height,
        },
    )
    workspace.save()
    return workspace


def open_workspace(path: Path, *, recovery_passphrase: str | None = None) -> Workspace:
    """Load a workspace whole, or raise InputError; with the recovery passphrase, the key is
    put back into this PC's keyring."""
    where = str(path)
    blob = read_input(path, "workspace")
    payload, key = unseal(where, blob, recovery_passphrase=recovery_passphrase)
    try:
        meta, determinations_parquet, decisions, audit = _read_payload(where, payload)
        policy = meta["policy"]
        return Workspace(
            path,
            key,
            county=str(meta["county"]),
            as_of=date.fromisoformat(meta["as_of"]),
            policy=PolicyRecord(str(policy["id"]), str(policy["format"]), str(policy["text"])),
            sources=[SourceFile(str(s["name"]), str(s["sha256"])) for s in meta["sources"]],
            determinations=pl.read_parquet(determinations_parquet),
            decisions=DecisionBook(decisions),
            audit=AuditLog.from_bytes(where, audit),
            created_at=str(meta["created_at"]),
            determinations_parquet=determinations_parquet,
            # Absent from workspaces saved before the date was kept: not known yet.
            doj_file_date=(date.fromisoformat(meta["doj_file_date"])
                           if meta.get("doj_file_date") else None),
            # Absent from workspaces saved before it was kept: none known.
            juvenile_not_evaluated=int(meta.get("juvenile_not_evaluated", 0)),
        )
    except (KeyError, TypeError, ValueError, pl.exceptions.PolarsError) as exc:
        # The payload passed authentication, so this is a save from a buggy or other version.
        raise InputError(
            where, f"the workspace contents cannot be read ({type(exc).__name__}: {exc})"
        ) from exc


def _read_payload(
    where: str, payload: bytes
) -> tuple[dict[str, Any], bytes, pl.DataFrame, bytes]:
    if payload[:4] != PAYLOAD_MAGIC or payload[4:5] != bytes([PAYLOAD_VERSION]):
        raise InputError(where, "the workspace was saved by another CountyClear version")
    sections: list[bytes] = []
    position = 5
    while position < len(payload):
        length = int.from_bytes(payload[position : position + 8], "big")
        sections.append(payload[position + 8 : position + 8 + length])
        position += 8 + length
    if len(sections) != 4:
        raise InputError(where, "the workspace contents are incomplete")
    meta = json.loads(sections[0])
    return meta, sections[1], pl.read_parquet(sections[2]), sections[3]
