"""Passphrase-protected OpenPGP keys for tests.

pysequoia 0.1.35 generates keys but cannot put a passphrase on them, so this helper encrypts
the secret key packets itself the way GnuPG and Sequoia do for v4 keys (RFC 9580 5.5.3:
S2K usage 254, AES-256-CFB, iterated and salted SHA-256 S2K, SHA-1 integrity hash).
"""

import hashlib
import os

import pysequoia
from cryptography.hazmat.decrepit.ciphers.modes import CFB
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from pysequoia.packet import PacketPile, Tag

_AES256 = 9
_SHA256 = 8
_S2K_ITERATED = 3
_COUNT_CODE = 0x60  # 65,536 bytes hashed: cheap for tests, same format as real keys


def _iterated_count(code: int) -> int:
    return (16 + (code & 15)) << ((code >> 4) + 6)


def _s2k_key(passphrase: bytes, salt: bytes) -> bytes:
    material = salt + passphrase
    count = max(_iterated_count(_COUNT_CODE), len(material))
    repeated = (material * (count // len(material) + 1))[:count]
    return hashlib.sha256(repeated).digest()


def _new_format_packet(tag: int, body: bytes) -> bytes:
    length = len(body)
    if length < 192:
        header = bytes([length])
    elif length < 8384:
        length -= 192
        header = bytes([(length >> 8) + 192, length & 0xFF])
    else:
        header = b"\xff" + length.to_bytes(4, "big")
    return bytes([0xC0 | tag]) + header + body


def _protect(secret_body: bytes, public_len: int, passphrase: bytes, cipher_id: int) -> bytes:
    public, secret = secret_body[:public_len], secret_body[public_len:]
    assert secret[0] == 0, "the key is already protected"
    material = secret[1:-2]  # drop the usage octet and the two-octet checksum
    salt, iv = os.urandom(8), os.urandom(16)
    key = _s2k_key(passphrase, salt)
    encryptor = Cipher(algorithms.AES(key), CFB(iv)).encryptor()
    sealed = encryptor.update(material + hashlib.sha1(material).digest()) + encryptor.finalize()
    s2k = bytes([254, cipher_id, _S2K_ITERATED, _SHA256]) + salt + bytes([_COUNT_CODE])
    return public + s2k + iv + sealed


def protected_key(
    user_id: str, passphrase: str, *, subkey_cipher_id: int = _AES256
) -> tuple[bytes, pysequoia.Cert]:
    """A new key: (armored private key file protected by `passphrase`, its public cert).

    `subkey_cipher_id` labels the subkeys' protection with another cipher id (the bytes stay
    AES-256), to imitate a protection scheme the reader does not know.
    """
    tsk = pysequoia.Tsk.generate(user_id)
    cert = tsk.extract_certificate()
    public_lengths = [
        len(packet.body)
        for packet in PacketPile.from_bytes(bytes(cert))
        if packet.tag in (Tag.PublicKey, Tag.PublicSubkey)
    ]
    out = bytearray()
    key_index = 0
    for packet in PacketPile.from_bytes(bytes(tsk)):
        if packet.tag in (Tag.SecretKey, Tag.SecretSubkey):
            cipher_id = _AES256 if packet.tag == Tag.SecretKey else subkey_cipher_id
            body = _protect(packet.body, public_lengths[key_index], passphrase.encode(), cipher_id)
            out += _new_format_packet(5 if packet.tag == Tag.SecretKey else 7, body)
            key_index += 1
        else:
            out += bytes(packet)
    armored = str(pysequoia.Tsk.from_bytes(bytes(out)))
    return armored.encode("ascii"), cert
