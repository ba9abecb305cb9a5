"""Open DOJ deliveries, recognised by content: OpenPGP message, AES zip, or plain text.

Decrypted bytes stay in memory and go straight to the reader as `DojSource`s; nothing is
written anywhere (no temporary files).
"""

from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from app.doj.source import DojSource
from app.errors import InputError, read_input
from app.intake import packets
from app.intake.doj_shape import doj_shape_problem
from app.intake.secrets import SecretSource
from app.jobs import CancelToken, Progress, ProgressCallback, no_progress

if TYPE_CHECKING:
    from app.intake.openpgp import UnlockedKeys

_MAX_NESTING = 2  # e.g. an OpenPGP message holding a zip; deeper is not a real delivery
_HEAD_BYTES = 256 * 1024  # enough to recognise the container and check a DOJ first line


class Container(Enum):
    OPENPGP = "OpenPGP message"
    OPENPGP_KEY = "OpenPGP key"
    ZIP = "zip archive"
    SEVEN_ZIP = "7z archive"
    TEXT = "text"


def recognise(data: bytes) -> Container:
    """What kind of container `data` is, from its first bytes (never from the file name)."""
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return Container.ZIP
    if data[:6] == b"7z\xbc\xaf\x27\x1c":
        return Container.SEVEN_ZIP
    if packets.is_armored(data):
        kind = packets.armor_kind(data)
        return Container.OPENPGP_KEY if "KEY" in kind else Container.OPENPGP
    if data and data[0] & 0x80:
        try:
            first = next(packets.walk(data[:64]))
        except (packets.NotOpenPgp, StopIteration):
            return Container.TEXT
        if first.tag in packets.KEY_PACKETS:
            return Container.OPENPGP_KEY
        if first.tag in (packets.PKESK, packets.SKESK, packets.MARKER) or (
            first.tag in packets.ENCRYPTED_DATA
        ):
            return Container.OPENPGP
    return Container.TEXT


def open_deliveries(
    paths: Sequence[Path],
    secrets: SecretSource,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> list[DojSource]:
    """Every DOJ file in the given deliveries, decrypted in memory, in the order given.

    A plain DOJ file on disk comes back by path (`DojSource.from_path`), unread, so the
    reader can map it without a second copy; encrypted ones come back as decrypted bytes.
    """
    opener = _Opener(secrets)
    sources: list[DojSource] = []
    for done, path in enumerate(paths):
        if cancel is not None:
            cancel.check()
        progress(Progress(done, len(paths), f"Opening {path.name}"))
        head = read_input(path, "DOJ file", _HEAD_BYTES)
        if recognise(head) is Container.TEXT and doj_shape_problem(head) is None:
            sources.append(DojSource.from_path(path))
            continue
        # Not kept in a name here: the encrypted bytes go as soon as they are decrypted.
        sources.extend(opener.open(str(path), read_input(path, "DOJ file"), depth=0,
                                   protected=False))
    progress(Progress(len(paths), len(paths), "Opened"))
    return sources


class _Opener:
    """One opening of deliveries: the secrets, and the keys unlocked so far.

    The OpenPGP and zip modules (Sequoia, pycryptodome) load on the first encrypted
    delivery only: a plain DOJ file on the command line does not pay for them.
    """

    def __init__(self, secrets: SecretSource) -> None:
        self.secrets = secrets
        self._keys: UnlockedKeys | None = None  # made when first needed

    @property
    def keys(self) -> "UnlockedKeys":
        if self._keys is None:
            from app.intake.openpgp import UnlockedKeys

            self._keys = UnlockedKeys()
        return self._keys

    def open(self, name: str, data: bytes, *, depth: int, protected: bool) -> list[DojSource]:
        """`protected`: the bytes came out of an encrypted container."""
        kind = recognise(data)
        if kind is Container.OPENPGP:
            from app.intake.openpgp import binary_message, decrypt_message

            data = binary_message(name, data)  # armored text goes once decoded
            decrypted = decrypt_message(name, data, self.secrets, self.keys)
            # The last hold on the ciphertext (the caller passed it on without keeping it):
            # it goes before the plaintext is copied out of the decryptor, which then goes.
            del data
            plain = decrypted.plaintext()
            del decrypted
            return self._open_decrypted(name, plain, depth=depth)
        if kind is Container.ZIP:
            return self._open_zip(name, data, depth=depth, protected=protected)
        if kind is Container.OPENPGP_KEY:
            raise InputError(
                name,
                "this is an OpenPGP key, not a delivery: give it as the private key "
                "(command line: --key KEYFILE) and open the encrypted DOJ file",
            )
        if kind is Container.SEVEN_ZIP:
            raise InputError(
                name,
                "this is a 7z archive, which CountyClear does not open: in 7-Zip choose archive "
                "format zip with encryption AES-256, or send the OpenPGP-encrypted file",
            )
        problem = doj_shape_problem(data)
        if problem is not None:
            raise InputError(
                name,
                f"not a DOJ research file: {problem.text}. Open the file DOJ sent: an "
                "OpenPGP-encrypted file, an AES-256 zip archive or DOJ's comma-separated text",
                problem.line,
            )
        return [DojSource(name=name, data=data, protected=protected)]

    def _open_decrypted(self, name: str, plain: bytes, *, depth: int) -> list[DojSource]:
        kind = recognise(plain)
        if kind in (Container.OPENPGP, Container.ZIP) and depth < _MAX_NESTING:
            return self.open(name, plain, depth=depth + 1, protected=True)
        problem = doj_shape_problem(plain)
        if problem is not None:
            raise InputError(
                name,
                f"the file was decrypted, but what is inside is not a DOJ research file: "
                f"{problem.text}. Check that this is the DOJ delivery",
                problem.line,
            )
        return [DojSource(name=name, data=plain, protected=True)]

    def _open_zip(self, name: str, data: bytes, *, depth: int, protected: bool) -> list[DojSource]:
        from app.intake.aeszip import read_zip

        found: list[DojSource] = []
        skipped: list[str] = []
        for member in read_zip(name, data, self.secrets):
            member_name = f"{name}!{member.name}"
            member_protected = protected or member.aes
            kind = recognise(member.data)
            if kind in (Container.OPENPGP, Container.ZIP) and depth < _MAX_NESTING:
                found.extend(
                    self.open(member_name, member.data, depth=depth + 1, protected=member_protected)
                )
            elif doj_shape_problem(member.data) is None:
                found.append(DojSource(member_name, member.data, member_protected))
            else:
                skipped.append(member.name)  # a readme or checksum list travelling with the data
        if not found:
            others = f" (it holds: {', '.join(skipped)})" if skipped else " (it is empty)"
            raise InputError(
                name,
                f"the zip archive holds no DOJ research file{others}; check that this is the "
                "DOJ delivery",
            )
        return found
