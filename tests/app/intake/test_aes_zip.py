import io
import zipfile
from pathlib import Path

import pytest

from app.errors import InputError
from app.intake import EnvSecrets, open_deliveries
from app.intake.encrypt import encrypt_openpgp_passphrase, make_aes_zip
from tests.app.intake.doj_bytes import doj_file

PASS = "zip passphrase 2024"


@pytest.fixture
def env_pass(monkeypatch: pytest.MonkeyPatch) -> EnvSecrets:
    monkeypatch.setenv("CC_ZIP_PASS", PASS)
    return EnvSecrets("CC_ZIP_PASS")


def test_several_doj_files_in_one_archive(tmp_path: Path, env_pass: EnvSecrets) -> None:
    first, second = doj_file(3, tag="A"), doj_file(2, header=False, tag="B")
    archive = make_aes_zip(
        {
            "delivery/": b"",
            "delivery/README.txt": b"Prop 64 research file. Questions: call DOJ.",
            "delivery/part1.dat": first,
            "delivery/part2.csv": second,
        },
        PASS,
    )
    assert first not in archive  # really encrypted
    path = tmp_path / "delivery.bin"
    path.write_bytes(archive)
    sources = open_deliveries([path], env_pass)
    assert [(s.name, s.data, s.protected) for s in sources] == [
        (f"{path}!delivery/part1.dat", first, True),
        (f"{path}!delivery/part2.csv", second, True),
    ]


def test_archive_without_doj_file(tmp_path: Path, env_pass: EnvSecrets) -> None:
    path = tmp_path / "delivery.zip"
    path.write_bytes(make_aes_zip({"readme.txt": b"nothing here", "notes/": b""}, PASS))
    with pytest.raises(InputError, match=r"holds no DOJ research file \(it holds: readme.txt\)"):
        open_deliveries([path], env_pass)


def test_wrong_passphrase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "delivery.zip"
    path.write_bytes(make_aes_zip({"doj.dat": doj_file()}, PASS))
    monkeypatch.setenv("CC_ZIP_PASS", "zip passphrase 2025")
    with pytest.raises(InputError, match="wrong passphrase for this file") as info:
        open_deliveries([path], EnvSecrets("CC_ZIP_PASS"))
    assert info.value.where == str(path)


def test_truncated_archive(tmp_path: Path, env_pass: EnvSecrets) -> None:
    whole = make_aes_zip({"doj.dat": doj_file(40)}, PASS)
    path = tmp_path / "cut.zip"
    path.write_bytes(whole[: len(whole) - 30])
    with pytest.raises(InputError, match="zip archive is damaged or incomplete"):
        open_deliveries([path], env_pass)


def test_corrupted_member(tmp_path: Path, env_pass: EnvSecrets) -> None:
    whole = bytearray(make_aes_zip({"doj.dat": doj_file(40)}, PASS))
    info = zipfile.ZipFile(io.BytesIO(bytes(whole))).getinfo("doj.dat")
    data_start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    whole[data_start + 40] ^= 0x01  # inside the AES ciphertext: the HMAC must catch it
    path = tmp_path / "flipped.zip"
    path.write_bytes(bytes(whole))
    with pytest.raises(InputError, match="zip archive is damaged or incomplete"):
        open_deliveries([path], env_pass)


def test_unencrypted_zip_is_marked_unprotected(tmp_path: Path, env_pass: EnvSecrets) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as plain_zip:
        plain_zip.writestr("doj.dat", doj_file())
    path = tmp_path / "plain.zip"
    path.write_bytes(buffer.getvalue())
    [source] = open_deliveries([path], env_pass)
    assert source.data == doj_file() and not source.protected


def test_zip_inside_openpgp_message(tmp_path: Path, env_pass: EnvSecrets) -> None:
    inner = make_aes_zip({"doj.dat": doj_file(2)}, PASS)
    path = tmp_path / "delivery.gpg"
    path.write_bytes(encrypt_openpgp_passphrase(inner, PASS))
    [source] = open_deliveries([path], env_pass)
    assert source.name == f"{path}!doj.dat"
    assert source.data == doj_file(2) and source.protected
