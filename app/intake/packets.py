"""Just enough OpenPGP packet structure (RFC 9580 section 4) to tell what a file is.

pysequoia does the cryptography; this module only reads packet headers so intake can say, in
plain words and before trying to decrypt, whether a message is for a passphrase or a key,
which keys it is for, and whether it uses a format Sequoia cannot read (GnuPG's OCB packets,
v5 keys).
"""

import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from app.buffers import sized_buffer

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
    return data.startswith(ARMOR_BEGIN, _text_start(data))


def armor_kind(data: bytes) -> str:
    """`MESSAGE`, `PRIVATE KEY BLOCK`, ... from the armor header line."""
    start = _text_start(data)
    first = data[start : start + 256].split(b"\n", 1)[0].strip()
    return first[len(ARMOR_BEGIN) :].rstrip(b"-").decode("ascii", "replace")


def dearmor(data: bytes) -> bytes:
    """The binary packets inside ASCII armor (headers and CRC line skipped).

    Decoded a piece at a time into one buffer: split into lines, the armor of a
    1,000,000-row delivery (900 MB) took over 4 GiB.
    """
    start = _text_start(data)
    if not data.startswith(ARMOR_BEGIN, start):
        raise NotOpenPgp("no armor header")
    if b"\n" not in data[start : start + 256] and b"\r" in data[start : start + 256]:
        data = data.replace(b"\r", b"\n")  # old Mac line ends, never seen in a delivery
    first = data.find(b"\n", start) + 1
    end = _armor_end(data, first) if first else -1
    if end < 0:
        raise NotOpenPgp("the armor has no END line (the file is cut short)")
    out = sized_buffer((end - first) * 3 // 4 + 1)  # the most it can decode to
    carry = b""
    for piece in _whole_lines(data, first, end):
        text = carry + _base64_text(piece)
        whole = len(text) - len(text) % 4
        try:
            out.write(binascii.a2b_base64(memoryview(text)[:whole], strict_mode=True))
        except (binascii.Error, ValueError) as exc:
            raise NotOpenPgp("the armored text is not valid base64") from exc
        carry = text[whole:]
    if carry:
        raise NotOpenPgp("the armored text is not valid base64")
    out.truncate()
    return out.getvalue()  # the buffer itself, not a second copy


_WHITESPACE = re.compile(rb"\s*")
_NOT_BASE64 = b" \t\r\n\v\f"
_PIECE = 64 << 10  # small enough that each piece reuses the memory of the one before


def _text_start(data: bytes) -> int:
    """Where the text starts after leading white space (found without copying the rest)."""
    found = _WHITESPACE.match(data)
    return found.end() if found else 0


def _armor_end(data: bytes, first: int) -> int:
    """Offset of the line that starts with "-----END PGP " (white space before it allowed),
    from offset `first` on; -1 when there is none."""
    at = data.find(b"-----END PGP ", first)
    while at >= 0:
        line = data.rfind(b"\n", first, at) + 1 or first
        if not data[line:at].strip():
            return line
        at = data.find(b"-----END PGP ", at + 1)
    return -1


def _whole_lines(data: bytes, first: int, end: int) -> Iterator[bytes]:
    """data[first:end] in pieces of about _PIECE bytes, each ending at a line end."""
    while first < end:
        stop = data.find(b"\n", min(first + _PIECE, end), end) + 1 or end
        yield data[first:stop]
        first = stop


def _base64_text(piece: bytes) -> bytes:
    """The base64 of some whole lines of armor: white space gone, and armor header lines
    ("Comment: ...": base64 never holds a colon; some writers omit the blank line after
    them) and the "=XXXX" CRC-24 line dropped (no base64 line starts with "=")."""
    if b":" not in piece and b"\n=" not in piece and not piece.startswith(b"="):
        return piece.translate(None, _NOT_BASE64)
    lines = (line.strip() for line in piece.split(b"\n"))
    kept = (line for line in lines
            if b":" not in line and not (line.startswith(b"=") and len(line) == 5))
    return b"".join(kept).translate(None, _NOT_BASE64)


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
