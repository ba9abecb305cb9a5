"""Reading sealed workbooks back as a clerk's Excel would: msoffcrypto-tool decrypts with the
password (independently of app.exports.sealing), openpyxl reads the plain workbook."""

import io
from pathlib import Path

import msoffcrypto
import openpyxl


def unseal(path: Path, password: str) -> openpyxl.Workbook:
    office = msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes()))
    office.load_key(password=password)
    plain = io.BytesIO()
    office.decrypt(plain)
    return openpyxl.load_workbook(plain)
