"""Just enough OpenPGP packet structure (RFC 9580 section 4) to tell what a file is.

pysequoia does the cryptography; this module only reads packet headers so intake can say, in
plain words and before trying to decrypt, whether a message is for a passphrase or a key,
which keys it is for, and whether it uses a format Sequoia cannot read (GnuPG's OCB packets,
v5 keys).
"""

import base64
import binascii
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

PKESK: Final = 1
SIGNATURE: Final = 2
SKESK: Final = 3
ONE_PASS_SIGNATURE: Final = 4
SECRET_KEY: Final = 5
PUBLIC_KEY: Final = 6
SECRET_SUBKEY: Final = 7
COMPRESSED: Final = 8
SED: Final = 9  # symmetrically encrypted, no integrity protection (obsolete)
MARKER: Final = 10
LITERAL: Final = 11
PUBLIC_SUBKEY: Final = 14
SEIPD: Final = 18
OCB_ENCRYPTED: Final = 20  # GnuPG 2.3+/LibrePGP "OCB Encrypted Data": Sequoia cannot read it

ENCRYPTED_DATA: Final = frozenset({SED, SEIPD, OCB_ENCRYPTED})
KEY_PACKETS: Final = frozenset({SECRET_KEY, PUBLIC_KEY, SECRET_SUBKEY, PUBLIC_SUBKEY})

ARMOR_BEGIN: Final = b"-----BEGIN PGP "
_SNIFF_BYTES: Final = 4096  # of a body not kept whole: far more than any header check reads


class NotOpenPgp(ValueError):
    """The bytes are not (or stop being) a sequence of OpenPGP packets."""


@dataclass(frozen=True)
class PacketHeader:
    tag: int
    # The body, or its first part (enough to sniff) for a partial-length packet and for the
    # packet the walk stops at: that one is the encrypted data, as large as the file.
    body: bytes
    complete: bool  # False when the packet is cut short (partial length or truncated file)


def is_armored(data: bytes) -> bool:
    return data.lstrip()[: len(ARMOR_BEGIN)] == ARMOR_BEGIN


def armor_kind(data: bytes) -> str:
    """`MESSAGE`, `PRIVATE KEY BLOCK`, ... from the armor header line."""
    first = data.lstrip().split(b"\n", 1)[0].strip()
    return first[len(ARMOR_BEGIN) :].rstrip(b"-").decode("ascii", "replace")


def dearmor(data: bytes) -> bytes:
    """The binary packets inside ASCII armor (headers and CRC line skipped)."""
    lines = data.strip().splitlines()
    if not lines or not lines[0].startswith(ARMOR_BEGIN):
        raise NotOpenPgp("no armor header")
    try:
        end = next(i for i, line in enumerate(lines) if line.strip().startswith(b"-----END PGP "))
    except StopIteration:
        raise NotOpenPgp("the armor has no END line (the file is cut short)") from None
    inner = [line.strip() for line in lines[1:end]]
    # Armor headers ("Comment: ...") contain a colon, which base64 never does; some writers
    # omit the blank line after them. The "=XXXX" line is the optional CRC-24.
    body = [
        line
        for line in inner
        if line and b":" not in line and not (line.startswith(b"=") and len(line) == 5)
    ]
    try:
        return base64.b64decode(b"".join(body), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise NotOpenPgp("the armored text is not valid base64") from exc


def _length(data: bytes, pos: int) -> tuple[int, int, bool]:
    """New-format body length at `pos`: (length, header size, is_partial)."""
    first = data[pos]
    if first < 192:
        return first, 1, False
    if first < 224:
        if pos + 1 >= len(data):
            raise NotOpenPgp("truncated packet length")
        return ((first - 192) << 8) + data[pos + 1] + 192, 2, False
    if first == 255:
        if pos + 5 > len(data):
            raise NotOpenPgp("truncated packet length")
        return int.from_bytes(data[pos + 1 : pos + 5], "big"), 5, False
    return 1 << (first & 0x1F), 1, True


def walk(data: bytes, *, stop_at: frozenset[int] = ENCRYPTED_DATA) -> Iterator[PacketHeader]:
    """Top-level packets of binary OpenPGP data, stopping after the first tag in `stop_at`."""
    pos = 0
    while pos < len(data):
        ctb = data[pos]
        if not ctb & 0x80:
            raise NotOpenPgp(f"byte {pos} is not a packet header")
        if ctb & 0x40:  # new format
            tag = ctb & 0x3F
            if pos + 1 >= len(data):
                raise NotOpenPgp("truncated packet header")
            length, size, partial = _length(data, pos + 1)
            start = pos + 1 + size
        else:  # old format
            tag = (ctb >> 2) & 0x0F
            kind = ctb & 0x03
            partial = kind == 3  # indeterminate: runs to the end of the data
            size = (1, 2, 4, 0)[kind]
            if pos + 1 + size > len(data):
                raise NotOpenPgp("truncated packet header")
            length = int.from_bytes(data[pos + 1 : pos + 1 + size], "big") if size else 0
            start = pos + 1 + size
            if partial:
                length = len(data) - start
        if tag == 0:
            raise NotOpenPgp(f"byte {pos} has the reserved packet tag 0")
        last = tag in stop_at or partial
        # Copying the encrypted data's body would hold the file twice while it is decrypted.
        body = data[start : start + (min(length, _SNIFF_BYTES) if last else length)]
        complete = not partial and start + length <= len(data)
        yield PacketHeader(tag, body, complete)
        if last:
            return
        if not complete:
            raise NotOpenPgp("the file is cut short inside a packet")
        pos = start + length


def pkesk_recipient(header: PacketHeader) -> str | None:
    """Recipient of a PKESK as lowercase hex (v3: key id; v6: fingerprint); None if hidden."""
    body = header.body
    if len(body) >= 9 and body[0] == 3:
        key_id = body[1:9].hex()
        return None if key_id == "0" * 16 else key_id
    if len(body) >= 2 and body[0] == 6 and body[1] > 1:
        return body[3 : 2 + body[1]].hex()
    return None


def key_packet_version(header: PacketHeader) -> int:
    return header.body[0] if header.body else 0
