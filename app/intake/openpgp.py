"""OpenPGP deliveries: messages for a passphrase (SKESK) or for the user's key (PKESK).

pysequoia decrypts in memory. Its errors are terse ("No key to decrypt message"), so the packet
headers are read first to turn each failure into a message a clerk can act on.
"""

from dataclasses import dataclass
from pathlib import Path

import pysequoia

from app.errors import InputError, read_input
from app.intake import packets
from app.intake.secrets import PassphraseRequest, SecretSource
from app.intake.unlock import unlock

_OCB_ADVICE = (
    "it was encrypted in GnuPG's OCB mode (GnuPG 2.3 or newer does this by default for keys "
    "made by GnuPG 2.4), which CountyClear's OpenPGP library (Sequoia) cannot read. Ask the "
    "sender to encrypt it again in standard OpenPGP form, e.g. `gpg --rfc4880 --encrypt ...`, "
    "or to remove AEAD from the key's preferences (`gpg --edit-key KEY`, `setpref`, `save`)"
)
_DAMAGED = (
    "the encrypted file is damaged or incomplete ({detail}); copy it again from the delivery "
    "(or ask DOJ to send it again)"
)


_UNSUPPORTED = (
    "it uses an OpenPGP feature CountyClear's OpenPGP library (Sequoia) cannot read "
    "({detail}); ask the sender to encrypt it again in standard OpenPGP form "
    "(e.g. `gpg --rfc4880 --encrypt ...`)"
)


def _is_unsupported(detail: str) -> bool:
    lowered = detail.lower()
    return "unsupported" in lowered or "not supported" in lowered


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@dataclass(frozen=True)
class PrivateKey:
    """The user's private key file, unlocked for decryption."""

    path: str
    fingerprint: str
    key_ids: frozenset[str]  # every primary and subkey id, lowercase hex (and fingerprints)
    decryptor: pysequoia.PyDecryptor


def load_private_key(path: Path, secrets: SecretSource) -> PrivateKey:
    where = str(path)
    data = read_input(path, "key file")
    try:
        binary = packets.dearmor(data) if packets.is_armored(data) else data
        headers = list(packets.walk(binary, stop_at=frozenset()))
    except packets.NotOpenPgp as exc:
        raise InputError(where, f"this is not an OpenPGP private key file ({exc})") from exc
    keys = [h for h in headers if h.tag in packets.KEY_PACKETS]
    if not keys:
        raise InputError(where, "this is not an OpenPGP private key file (no key inside)")
    if any(packets.key_packet_version(h) == 5 for h in keys):
        raise InputError(
            where,
            "this key is in GnuPG's v5 key format, which CountyClear's OpenPGP library "
            "(Sequoia) cannot read. Make a standard (v4) key, for example with "
            "`gpg --quick-gen-key NAME default default`, and ask DOJ to encrypt to it",
        )
    if not any(h.tag in (packets.SECRET_KEY, packets.SECRET_SUBKEY) for h in keys):
        raise InputError(
            where,
            "this file holds only a public key; give the private (secret) key file exported "
            "with `gpg --export-secret-keys`",
        )
    try:
        tsk = pysequoia.Tsk.from_bytes(binary)
    except RuntimeError as exc:
        raise InputError(where, f"the key file cannot be read ({_first_line(exc)})") from exc
    ids: set[str] = set()
    for packet in pysequoia.packet.PacketPile.from_bytes(binary):
        if packet.key_id:
            ids.add(packet.key_id.lower())
        if packet.fingerprint:
            ids.add(packet.fingerprint.lower())
    fingerprint = tsk.extract_certificate().fingerprint
    decryptor = _unlock_key(where, tsk, fingerprint, secrets)
    return PrivateKey(where, fingerprint, frozenset(ids), decryptor)


class UnlockedKeys:
    """Private keys unlocked during one opening of deliveries, so a key with an expensive
    passphrase hash (GnuPG uses tens of millions of iterations) is unlocked once, not per file.
    Lives only as long as the call that opens the files."""

    def __init__(self) -> None:
        self._keys: dict[Path, PrivateKey] = {}

    def get(self, path: Path, secrets: SecretSource) -> PrivateKey:
        if path not in self._keys:
            self._keys[path] = load_private_key(path, secrets)
        return self._keys[path]


def _unlock_key(
    where: str, tsk: pysequoia.Tsk, fingerprint: str, secrets: SecretSource
) -> pysequoia.PyDecryptor:
    try:
        return tsk.decryptor()
    except RuntimeError as exc:
        if "encrypted" not in str(exc):  # not a passphrase matter: no usable subkey
            raise InputError(where, f"this key cannot decrypt files ({_first_line(exc)})") from exc

    def attempt(passphrase: str) -> pysequoia.PyDecryptor | None:
        try:
            return tsk.decryptor(passphrase)
        except RuntimeError as exc:
            if _is_unsupported(_first_line(exc)):  # e.g. a GnuPG-only key protection mode
                raise InputError(
                    where,
                    f"this key's passphrase protection cannot be read ({_first_line(exc)}); "
                    "export the key again with GnuPG 2.2-compatible protection, or make a "
                    "standard (v4) key and ask DOJ to encrypt to it",
                ) from exc
            return None  # Sequoia reports a wrong key passphrase as garbled key material

    request = PassphraseRequest(where, "private_key", key_fingerprint=fingerprint)
    return unlock(secrets, request, attempt)


@dataclass(frozen=True)
class Decrypted:
    """A decrypted message whose plaintext is still inside Sequoia. Copying it out makes a
    second plaintext: let the ciphertext go first (app.intake.deliveries), or a
    1,000,000-row file is held three times over (about 2 GiB)."""

    where: str
    result: pysequoia.Decrypted

    def plaintext(self) -> bytes:
        plain = self.result.bytes  # read once: each read copies the whole plaintext
        if plain is None:
            raise InputError(self.where, "the OpenPGP message holds no data")
        return plain


def binary_message(where: str, data: bytes) -> bytes:
    """The message as binary packets: `data` itself, or what its ASCII armor holds."""
    if not packets.is_armored(data):
        return data
    try:
        return packets.dearmor(data)
    except packets.NotOpenPgp as exc:
        raise InputError(where, _DAMAGED.format(detail=str(exc))) from exc


def decrypt_message(
    where: str, binary: bytes, secrets: SecretSource, keys: UnlockedKeys
) -> Decrypted:
    """The decrypted OpenPGP message (`binary`: its packets, armor already decoded by
    binary_message), or InputError saying what to do."""
    try:
        headers = list(packets.walk(binary))
    except packets.NotOpenPgp as exc:
        raise InputError(where, _DAMAGED.format(detail=str(exc))) from exc
    if not headers or headers[-1].tag not in packets.ENCRYPTED_DATA:
        if any(h.tag in (packets.PKESK, packets.SKESK) for h in headers):
            raise InputError(where, _DAMAGED.format(detail="the encrypted data is missing"))
        raise _not_encrypted(where, headers)
    if headers[-1].tag == packets.OCB_ENCRYPTED or any(
        h.tag == packets.SKESK and h.body[:1] == b"\x05" for h in headers
    ):
        raise InputError(where, _OCB_ADVICE)
    recipients = {r for h in headers if h.tag == packets.PKESK if (r := packets.pkesk_recipient(h))}
    for_key = any(h.tag == packets.PKESK for h in headers)
    for_passphrase = any(h.tag == packets.SKESK for h in headers)

    if for_key and secrets.key_file is not None:
        key = keys.get(secrets.key_file, secrets)
        if not recipients or _matches(recipients, key.key_ids) or not for_passphrase:
            return _decrypt_with_key(where, binary, key, recipients)
    if for_passphrase:
        return unlock(
            secrets,
            PassphraseRequest(where, "delivery"),
            lambda passphrase: _decrypt_with_passphrase(where, binary, passphrase),
        )
    ids = ", ".join(sorted(recipients)) or "hidden"
    raise InputError(
        where,
        f"this file is encrypted to a private key (key id {ids}) and no key was given: "
        "choose your private key file (command line: --key KEYFILE)",
    )


def _matches(recipients: set[str], key_ids: frozenset[str]) -> bool:
    return any(r in key_ids or any(k.endswith(r) for k in key_ids) for r in recipients)


def _decrypt_with_key(
    where: str, binary: bytes, key: PrivateKey, recipients: set[str]
) -> Decrypted:
    if recipients and not _matches(recipients, key.key_ids):
        raise InputError(
            where,
            f"this file was encrypted for another key (key id {', '.join(sorted(recipients))}), "
            f"not for your key {key.path} ({key.fingerprint.upper()}): ask the sender to "
            "encrypt it to your public key",
        )
    try:
        result = pysequoia.decrypt(binary, decryptor=key.decryptor)
    except RuntimeError as exc:
        detail = _first_line(exc)
        if "No key to decrypt" in detail:
            raise InputError(
                where,
                f"your key {key.path} cannot open this file: it was encrypted for another "
                "key; ask the sender to encrypt it to your public key",
            ) from exc
        raise _failure(where, detail) from exc
    return Decrypted(where, result)


def _decrypt_with_passphrase(where: str, binary: bytes, passphrase: str) -> Decrypted | None:
    try:
        result = pysequoia.decrypt(binary, passwords=[passphrase])
    except RuntimeError as exc:
        detail = _first_line(exc)
        if "No key to decrypt" in detail:
            return None  # Sequoia's words for a wrong passphrase
        raise _failure(where, detail) from exc
    return Decrypted(where, result)


def _failure(where: str, detail: str) -> InputError:
    if _is_unsupported(detail):
        return InputError(where, _UNSUPPORTED.format(detail=detail))
    return InputError(where, _DAMAGED.format(detail=detail))


def _not_encrypted(where: str, headers: list[packets.PacketHeader]) -> InputError:
    tags = {h.tag for h in headers}
    if tags & packets.KEY_PACKETS:
        return InputError(
            where,
            "this is an OpenPGP key, not a delivery: give it as the private key "
            "(command line: --key KEYFILE) and open the encrypted DOJ file",
        )
    return InputError(
        where,
        "this OpenPGP file is not encrypted (signed or plain data only); ask DOJ for the "
        "encrypted delivery",
    )
