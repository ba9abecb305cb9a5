"""The encrypted workspace file: AES-256-GCM, key in the OS keyring, recovery by passphrase.

Where the PC has no working OS keyring the recovery passphrase is the only way in: the
workspace is still created and saved, and is opened with that passphrase each time.

File layout (all integers big-endian):

    b"CCWS" | format version (1 byte) | header length (4 bytes) | header JSON | ciphertext

The header names the key (`key_id`), carries this save's random 96-bit nonce and the
recovery block: the workspace key wrapped (AES-256-GCM) by a key derived with scrypt from the
recovery passphrase chosen at creation. The whole prefix is the GCM associated data, so any
change to header or ciphertext fails authentication and nothing is loaded.
"""

import base64
import binascii
import json
import logging
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import InputError
from app.fileio import replace_durably
from app.intake.secrets import keyring_get, keyring_set

log = logging.getLogger("countyclear.review")

MAGIC: Final = b"CCWS"
FORMAT_VERSION: Final = 1
NONCE_BYTES: Final = 12
KEY_BYTES: Final = 32
# scrypt cost for the recovery passphrase: N=2**17, r=8 (128 MiB, ~0.3-0.5 s): slow to guess.
SCRYPT_N: Final = 2**17
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1
MIN_RECOVERY_LENGTH: Final = 10


class NeedsRecovery(InputError):
    """The workspace key is not in this PC's keyring: ask for the recovery passphrase."""


def keyring_entry(key_id: str) -> str:
    return f"workspace key {key_id}"


@dataclass(frozen=True)
class WorkspaceKey:
    key_id: str
    key: bytes
    recovery: dict[str, Any]  # the wrapped copy of the key, saved in every header
    in_keyring: bool = True  # False: this PC's keyring did not take it; the passphrase opens it


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def new_workspace_key(recovery_passphrase: str) -> WorkspaceKey:
    """A fresh random key, wrapped for recovery and stored in the OS keyring if it works."""
    if len(recovery_passphrase) < MIN_RECOVERY_LENGTH:
        raise InputError(
            "recovery passphrase",
            f"choose a recovery passphrase of at least {MIN_RECOVERY_LENGTH} characters "
            "(several words are easiest to keep)",
        )
    key_id = uuid.uuid4().hex
    key = AESGCM.generate_key(bit_length=256)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(NONCE_BYTES)
    wrapping = _derive(recovery_passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    wrapped = AESGCM(wrapping).encrypt(nonce, key, key_id.encode("ascii"))
    recovery = {
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "wrapped_key": _b64(wrapped),
    }
    try:
        keyring_set(keyring_entry(key_id), _b64(key))
    except InputError as exc:  # logged by keyring_set; the recovery passphrase opens it
        log.warning("the new workspace key is protected by its recovery passphrase only: %s",
                    exc.message)
        return WorkspaceKey(key_id, key, recovery, in_keyring=False)
    return WorkspaceKey(key_id, key, recovery)


def seal(payload: bytes, key: WorkspaceKey) -> bytes:
    """The whole file's bytes for `payload`, with a new random nonce."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    header = json.dumps(
        {"key_id": key.key_id, "nonce": _b64(nonce), "recovery": key.recovery},
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")
    prefix = MAGIC + bytes([FORMAT_VERSION]) + len(header).to_bytes(4, "big") + header
    return prefix + AESGCM(key.key).encrypt(nonce, payload, prefix)


def unseal(
    where: str, blob: bytes, *, recovery_passphrase: str | None = None
) -> tuple[bytes, WorkspaceKey]:
    """(payload, key) of a workspace file; InputError for anything wrong, nothing partial."""
    prefix, header, ciphertext = _split(where, blob)
    try:
        key_id = str(header["key_id"])
        nonce = _unb64(header["nonce"])
        recovery = dict(header["recovery"])
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise InputError(where, _DAMAGED) from exc
    if recovery_passphrase is not None:
        key = _recover(where, key_id, recovery, recovery_passphrase)
    else:
        stored = keyring_get(keyring_entry(key_id))
        if stored is None:
            raise NeedsRecovery(
                where,
                "the key of this workspace is not in this PC's keyring (another PC or user "
                "account, or the keyring entry was removed): open it with its recovery "
                "passphrase (command line: --recovery-passphrase-env VAR)",
            )
        key = _unb64(stored)
    try:
        payload = AESGCM(key).decrypt(nonce, ciphertext, prefix)
    except (InvalidTag, ValueError) as exc:
        raise InputError(where, _TAMPERED) from exc
    if recovery_passphrase is None:
        return payload, WorkspaceKey(key_id, key, recovery)
    try:
        keyring_set(keyring_entry(key_id), _b64(key))  # back in the keyring for next time
    except InputError as exc:  # the workspace is open all the same; next time asks again
        log.warning("the workspace key was not put back in the keyring: %s", exc.message)
        return payload, WorkspaceKey(key_id, key, recovery, in_keyring=False)
    return payload, WorkspaceKey(key_id, key, recovery)


_DAMAGED = "this is not a CountyClear workspace, or its beginning is damaged; open a backup copy"
_TAMPERED = (
    "the workspace failed its integrity check: the file was changed or damaged after it was "
    "saved, or the key in this PC's keyring is not this workspace's. Nothing was loaded; "
    "open a backup copy, or open it with the recovery passphrase"
)


def _split(where: str, blob: bytes) -> tuple[bytes, dict[str, Any], bytes]:
    if blob[:4] != MAGIC:
        raise InputError(where, _DAMAGED)
    if len(blob) < 9:
        raise InputError(where, _DAMAGED)
    if blob[4] != FORMAT_VERSION:
        raise InputError(
            where,
            f"this workspace was saved in format {blob[4]} by another CountyClear version; "
            "open it with that version or a newer one",
        )
    length = int.from_bytes(blob[5:9], "big")
    prefix = blob[: 9 + length]
    if len(prefix) != 9 + length:
        raise InputError(where, _DAMAGED)
    try:
        header = json.loads(blob[9 : 9 + length])
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(where, _DAMAGED) from exc
    if not isinstance(header, dict):
        raise InputError(where, _DAMAGED)
    return prefix, header, blob[9 + length :]


def _recover(where: str, key_id: str, recovery: dict[str, Any], passphrase: str) -> bytes:
    try:
        if recovery.get("kdf") != "scrypt":
            raise ValueError("unknown kdf")
        wrapping = _derive(
            passphrase,
            _unb64(recovery["salt"]),
            int(recovery["n"]),
            int(recovery["r"]),
            int(recovery["p"]),
        )
        nonce, wrapped = _unb64(recovery["nonce"]), _unb64(recovery["wrapped_key"])
    except (KeyError, TypeError, ValueError, binascii.Error, MemoryError) as exc:
        raise InputError(where, _DAMAGED) from exc
    try:
        return AESGCM(wrapping).decrypt(nonce, wrapped, key_id.encode("ascii"))
    except InvalidTag as exc:
        raise InputError(
            where,
            "wrong recovery passphrase: type the one chosen when this workspace was created",
        ) from exc


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so a crash at any moment leaves the old or the new file whole.

    app.fileio's durable rename (fsync the file, rename, fsync the folder), with a temporary
    name made from this process's id so a later save can recognize and remove what a crash
    mid-save left behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.saving")
    try:
        temporary.write_bytes(data)
        replace_durably(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    for stale in path.parent.glob(f".{path.name}.*.saving"):  # left by a crash mid-save
        stale.unlink(missing_ok=True)
