"""Excel's own file encryption (ECMA-376 agile, AES-256) so a workbook opens only with its password.

openpyxl cannot encrypt; msoffcrypto-tool can. Everything happens in memory: the unsealed
workbook never touches the disk.
"""

import io

from msoffcrypto.format.ooxml import OOXMLFile

from app.errors import InputError

MIN_PASSWORD_LENGTH = 8


def check_password(password: str, where: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(
            where,
            f"the password must be at least {MIN_PASSWORD_LENGTH} characters: the exhibit holds "
            "sealed criminal-history information (PC 11142, 13300-13303)",
        )


def seal_workbook(plain_xlsx: bytes, password: str) -> bytes:
    """The encrypted workbook (an OLE compound file Excel asks a password for)."""
    sealed = io.BytesIO()
    OOXMLFile(io.BytesIO(plain_xlsx)).encrypt(password, sealed)
    return sealed.getvalue()


def unseal_workbook(sealed_xlsx: bytes, password: str) -> bytes:
    """The plain workbook back; used by tests and by the app's own preview."""
    office = OOXMLFile(io.BytesIO(sealed_xlsx))
    office.load_key(password=password)
    plain = io.BytesIO()
    office.decrypt(plain)
    return plain.getvalue()
