from pathlib import Path

import pysequoia
import pytest

from app.errors import InputError
from app.intake import EnvSecrets, SecretSource, open_deliveries, openpgp
from app.intake.encrypt import encrypt_openpgp_passphrase, encrypt_openpgp_to_cert
from app.intake.packets import walk
from tests.app.intake.doj_bytes import doj_file
from tests.app.intake.helpers import prompt_secrets
from tests.app.intake.pgp_keys import protected_key
from tests.keyring_memory import MemoryKeyring

PASS = "correct horse battery staple"


@pytest.fixture
def env_pass(monkeypatch: pytest.MonkeyPatch) -> EnvSecrets:
    monkeypatch.setenv("CC_TEST_PASS", PASS)
    return EnvSecrets("CC_TEST_PASS")


@pytest.fixture(scope="module")
def county_key() -> tuple[bytes, pysequoia.Cert]:
    return protected_key("Sacramento DA <da@example.org>", "key passphrase")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def for_county_key(
    tmp_path: Path, county_key: tuple[bytes, pysequoia.Cert], *plains: bytes
) -> tuple[Path, list[Path]]:
    """The county's private key file, and one delivery per plaintext encrypted to its key."""
    key_file = write(tmp_path, "county.key.asc", county_key[0])
    cert = bytes(county_key[1])
    files = [
        write(tmp_path, f"part{n}.gpg", encrypt_openpgp_to_cert(plain, cert))
        for n, plain in enumerate(plains)
    ]
    return key_file, files


@pytest.mark.parametrize("armor", [False, True])
def test_passphrase_message_round_trip(tmp_path: Path, env_pass: EnvSecrets, armor: bool) -> None:
    plain = doj_file(5)
    path = write(tmp_path, "delivery.bin", encrypt_openpgp_passphrase(plain, PASS, armor=armor))
    assert plain not in path.read_bytes()
    [source] = open_deliveries([path], env_pass)
    assert source.data == plain
    assert source.protected
    assert source.name == str(path)


def test_key_message_round_trip_with_protected_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, county_key: tuple[bytes, pysequoia.Cert]
) -> None:
    key_file = write(tmp_path, "county.key.asc", county_key[0])
    plain = doj_file(4)
    path = write(tmp_path, "doj.dat.gpg", encrypt_openpgp_to_cert(plain, str(county_key[1])))
    monkeypatch.setenv("CC_KEY_PASS", "key passphrase")
    [source] = open_deliveries([path], EnvSecrets("CC_KEY_PASS", key_file=key_file))
    assert source.data == plain and source.protected


def test_key_passphrase_is_asked_once_per_session(
    tmp_path: Path, county_key: tuple[bytes, pysequoia.Cert]
) -> None:
    key_file, files = for_county_key(
        tmp_path, county_key, doj_file(2, tag="P0"), doj_file(2, tag="P1")
    )
    secrets, prompt = prompt_secrets("key passphrase", key_file=key_file)
    sources = open_deliveries(files, secrets)
    assert [s.data for s in sources] == [doj_file(2, tag="P0"), doj_file(2, tag="P1")]
    assert [r.kind for r in prompt.requests] == ["private_key"]
    assert prompt.requests[0].where == str(key_file)


def test_wrong_passphrase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "doj.gpg", encrypt_openpgp_passphrase(doj_file(), PASS))
    monkeypatch.setenv("CC_TEST_PASS", "not it")
    with pytest.raises(InputError, match="wrong passphrase for this file") as info:
        open_deliveries([path], EnvSecrets("CC_TEST_PASS"))
    assert info.value.where == str(path)


def test_no_passphrase_given_names_the_option(tmp_path: Path) -> None:
    path = write(tmp_path, "doj.gpg", encrypt_openpgp_passphrase(doj_file(), PASS))
    with pytest.raises(InputError, match=r"none was given: .*--passphrase-env"):
        open_deliveries([path], EnvSecrets(None))


def test_wrong_key_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, county_key: tuple[bytes, pysequoia.Cert]
) -> None:
    key_file, [path] = for_county_key(tmp_path, county_key, doj_file())
    monkeypatch.setenv("CC_KEY_PASS", "guess")
    with pytest.raises(InputError, match="wrong passphrase for this private key") as info:
        open_deliveries([path], EnvSecrets("CC_KEY_PASS", key_file=key_file))
    assert info.value.where == str(key_file)


def test_truncated_message(tmp_path: Path, env_pass: EnvSecrets) -> None:
    whole = encrypt_openpgp_passphrase(doj_file(50), PASS)
    for cut in (len(whole) // 2, 40, 3):
        path = write(tmp_path, f"cut{cut}.gpg", whole[:cut])
        with pytest.raises(InputError, match="damaged or incomplete") as info:
            open_deliveries([path], env_pass)
        assert info.value.where == str(path)


def test_corrupted_ciphertext(tmp_path: Path, env_pass: EnvSecrets) -> None:
    whole = bytearray(encrypt_openpgp_passphrase(doj_file(50), PASS))
    whole[len(whole) // 2] ^= 0x40
    path = write(tmp_path, "flipped.gpg", bytes(whole))
    with pytest.raises(InputError, match="damaged or incomplete"):
        open_deliveries([path], env_pass)


def test_message_for_another_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, county_key: tuple[bytes, pysequoia.Cert]
) -> None:
    _, other_cert = protected_key("Someone else <else@example.org>", "x")
    key_file = write(tmp_path, "county.key.asc", county_key[0])
    path = write(tmp_path, "doj.gpg", encrypt_openpgp_to_cert(doj_file(), bytes(other_cert)))
    monkeypatch.setenv("CC_KEY_PASS", "key passphrase")
    with pytest.raises(InputError, match="encrypted for another key") as info:
        open_deliveries([path], EnvSecrets("CC_KEY_PASS", key_file=key_file))
    assert info.value.where == str(path)


def test_key_message_without_a_key(
    tmp_path: Path, env_pass: EnvSecrets, county_key: tuple[bytes, pysequoia.Cert]
) -> None:
    path = write(tmp_path, "doj.gpg", encrypt_openpgp_to_cert(doj_file(), bytes(county_key[1])))
    with pytest.raises(InputError, match=r"encrypted to a private key .*--key KEYFILE"):
        open_deliveries([path], env_pass)


def test_decrypts_to_something_that_is_not_doj(tmp_path: Path, env_pass: EnvSecrets) -> None:
    path = write(tmp_path, "doj.gpg", encrypt_openpgp_passphrase(b"name,dob\nJANE,1970\n", PASS))
    with pytest.raises(
        InputError,
        match=r"decrypted, but .* not a DOJ research file: its first line does not look like a "
        r"DOJ record \(2 columns",
    ) as caught:
        open_deliveries([path], env_pass)
    assert caught.value.line == 1


def _retag_encrypted_packet(message: bytes, new_tag: int) -> bytes:
    """Rewrite the SEIPD packet's header as another tag (new-format header byte)."""
    position = 0
    for header in walk(message):
        if header.tag == 18:
            out = bytearray(message)
            assert out[position] == 0xC0 | 18
            out[position] = 0xC0 | new_tag
            return bytes(out)
        position += 2 + len(header.body)  # the SKESK here has a one-octet length
    raise AssertionError("no SEIPD packet")


def test_gnupg_ocb_message_is_named(tmp_path: Path, env_pass: EnvSecrets) -> None:
    ocb = _retag_encrypted_packet(encrypt_openpgp_passphrase(doj_file(), PASS), 20)
    path = write(tmp_path, "from_gpg24.gpg", ocb)
    with pytest.raises(InputError, match=r"GnuPG's OCB mode .* cannot read"):
        open_deliveries([path], env_pass)


def test_v5_key_is_named(tmp_path: Path, county_key: tuple[bytes, pysequoia.Cert]) -> None:
    binary = bytearray(bytes(pysequoia.Tsk.from_bytes(county_key[0])))
    header_size = 2 if binary[1] < 192 else 3
    assert binary[header_size] == 4  # key packet version
    binary[header_size] = 5
    key_file = write(tmp_path, "v5.key", bytes(binary))
    path = write(tmp_path, "doj.gpg", encrypt_openpgp_to_cert(doj_file(), bytes(county_key[1])))
    with pytest.raises(InputError, match="v5 key format") as info:
        open_deliveries([path], EnvSecrets(None, key_file=key_file))
    assert info.value.where == str(key_file)


def test_public_key_given_as_private_key(
    tmp_path: Path, county_key: tuple[bytes, pysequoia.Cert]
) -> None:
    key_file = write(tmp_path, "county.pub.asc", str(county_key[1]).encode())
    path = write(tmp_path, "doj.gpg", encrypt_openpgp_to_cert(doj_file(), bytes(county_key[1])))
    with pytest.raises(InputError, match="only a public key"):
        open_deliveries([path], EnvSecrets(None, key_file=key_file))


def test_key_file_given_as_delivery(
    tmp_path: Path, env_pass: EnvSecrets, county_key: tuple[bytes, pysequoia.Cert]
) -> None:
    path = write(tmp_path, "doj.dat", county_key[0])
    with pytest.raises(InputError, match="this is an OpenPGP key, not a delivery"):
        open_deliveries([path], env_pass)


def test_key_is_unlocked_once_for_many_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, county_key: tuple[bytes, pysequoia.Cert]
) -> None:
    key_file, files = for_county_key(
        tmp_path, county_key, *(doj_file(1, tag=f"Q{n}") for n in range(3))
    )
    loads: list[Path] = []
    real_load = openpgp.load_private_key

    def counting_load(path: Path, secrets: SecretSource) -> openpgp.PrivateKey:
        loads.append(path)
        return real_load(path, secrets)

    monkeypatch.setattr(openpgp, "load_private_key", counting_load)
    monkeypatch.setenv("CC_KEY_PASS", "key passphrase")
    sources = open_deliveries(files, EnvSecrets("CC_KEY_PASS", key_file=key_file))
    assert len(sources) == 3 and loads == [key_file]


def test_key_protection_sequoia_cannot_read_is_named(tmp_path: Path) -> None:
    key, cert = protected_key("Odd <odd@example.org>", "pw", subkey_cipher_id=100)
    key_file = write(tmp_path, "odd.key", key)
    path = write(tmp_path, "doj.gpg", encrypt_openpgp_to_cert(doj_file(), bytes(cert)))
    secrets, prompt = prompt_secrets("pw", key_file=key_file)
    with pytest.raises(InputError, match=r"passphrase protection cannot be read \(Unsupported"):
        open_deliveries([path], secrets)
    assert len(prompt.requests) == 1  # not "wrong passphrase" and asked again


def test_remembered_key_passphrase(
    tmp_path: Path, memory_keyring: MemoryKeyring, county_key: tuple[bytes, pysequoia.Cert]
) -> None:
    key_file, [path] = for_county_key(tmp_path, county_key, doj_file())
    secrets, _ = prompt_secrets("key passphrase", remember=True, key_file=key_file)
    open_deliveries([path], secrets)
    entry = ("CountyClear", f"private key {county_key[1].fingerprint}")
    assert memory_keyring.entries == {entry: "key passphrase"}

    next_session, prompt = prompt_secrets(key_file=key_file)
    [source] = open_deliveries([path], next_session)
    assert source.data == doj_file() and prompt.requests == []
