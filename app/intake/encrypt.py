"""Make encrypted deliveries (for `countyclear synth --encrypt`, the bundled sample and tests)."""

import io

import pysequoia
import pyzipper


def encrypt_openpgp_passphrase(data: bytes, passphrase: str, *, armor: bool = False) -> bytes:
    """An OpenPGP message (SKESK + SEIPD) that opens with `passphrase`."""
    return pysequoia.encrypt(data, passwords=[passphrase], armor=armor)


def encrypt_openpgp_to_cert(data: bytes, cert: bytes | str, *, armor: bool = False) -> bytes:
    """An OpenPGP message (PKESK + SEIPD) for the holder of the key whose public certificate
    (armored or binary) is `cert`."""
    raw = cert.encode("ascii") if isinstance(cert, str) else cert
    return pysequoia.encrypt(data, recipients=[pysequoia.Cert.from_bytes(raw)], armor=armor)


def make_aes_zip(members: dict[str, bytes], passphrase: str) -> bytes:
    """A zip whose members are AES-256 encrypted the WinZip way (what 7-Zip makes with AES-256)."""
    buffer = io.BytesIO()
    with pyzipper.AESZipFile(
        buffer, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as archive:
        archive.setpassword(passphrase.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()
