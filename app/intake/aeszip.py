"""AES-256 zip archives as 7-Zip and WinZip make them (WinZip AE-1/AE-2), read in memory."""

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pyzipper

from app.errors import InputError
from app.intake.secrets import PassphraseRequest, SecretSource
from app.intake.unlock import unlock

_DAMAGED = (
    "the zip archive is damaged or incomplete ({detail}); copy it again from the delivery "
    "(or ask DOJ to send it again)"
)
# What a wrong password looks like, and what a missing one looks like, in pyzipper's words.
_WRONG_PASSWORD = "Bad password"
_NEEDS_PASSWORD = "requires a password"


@dataclass(frozen=True)
class ZipMember:
    name: str  # path inside the archive
    data: bytes
    aes: bool  # False for unencrypted members or legacy ZipCrypto (not real protection)


def read_zip(where: str, data: bytes, secrets: SecretSource) -> Iterator[ZipMember]:
    """Every file member (folders skipped), decrypted in memory with one passphrase."""
    try:
        archive = pyzipper.AESZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (pyzipper.BadZipFile, EOFError, ValueError) as exc:
        raise InputError(where, _DAMAGED.format(detail=str(exc))) from exc
    encrypted = [info for info in members if info.flag_bits & 0x1]
    password: bytes | None = None
    unlocked: tuple[pyzipper.ZipInfo, bytes] | None = None  # the member the passphrase opened
    if encrypted:
        first = encrypted[0]
        password, content = unlock(
            secrets,
            PassphraseRequest(where, "delivery"),
            lambda passphrase: _try_read(where, archive, first, passphrase.encode("utf-8")),
        )
        unlocked = (first, content)
    for info in members:
        is_encrypted = bool(info.flag_bits & 0x1)
        if unlocked is not None and info is unlocked[0]:
            content = unlocked[1]  # decrypted once, while trying the passphrase
        else:
            content = _read(where, archive, info, password if is_encrypted else None)
        aes = is_encrypted and getattr(info, "wz_aes_strength", None) is not None
        yield ZipMember(info.filename, content, aes)


def _try_read(
    where: str, archive: pyzipper.AESZipFile, info: pyzipper.ZipInfo, password: bytes
) -> tuple[bytes, bytes] | None:
    try:
        return password, archive.read(info, pwd=password)
    except RuntimeError as exc:
        if _WRONG_PASSWORD in str(exc):
            return None
        raise InputError(where, _DAMAGED.format(detail=str(exc))) from exc
    except (pyzipper.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise InputError(where, _DAMAGED.format(detail=f"{info.filename}: {exc}")) from exc


def _read(
    where: str, archive: pyzipper.AESZipFile, info: pyzipper.ZipInfo, password: bytes | None
) -> bytes:
    try:
        content: bytes = archive.read(info, pwd=password)
    except RuntimeError as exc:
        if _WRONG_PASSWORD in str(exc) or _NEEDS_PASSWORD in str(exc):
            raise InputError(
                where,
                f"the member {info.filename} has a different passphrase from the rest of the "
                "archive; make one archive per passphrase",
            ) from exc
        raise InputError(where, _DAMAGED.format(detail=str(exc))) from exc
    except (pyzipper.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise InputError(where, _DAMAGED.format(detail=f"{info.filename}: {exc}")) from exc
    return content
