import logging
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from app.errors import InputError
from app.intake import PromptSecrets, open_deliveries
from app.intake.encrypt import encrypt_openpgp_passphrase, make_aes_zip
from app.intake.secrets import DELIVERY_ENTRY, SERVICE, keyring_name, keyring_works
from tests.app.intake.doj_bytes import doj_file
from tests.app.intake.helpers import ScriptedPrompt, prompt_secrets
from tests.keyring_memory import MemoryKeyring

PASS = "Sacramento-Prop64-delivery"


def two_files(tmp_path: Path) -> list[Path]:
    message, archive = tmp_path / "a.gpg", tmp_path / "b.zip"
    message.write_bytes(encrypt_openpgp_passphrase(doj_file(1, tag="A"), PASS))
    archive.write_bytes(make_aes_zip({"b.dat": doj_file(1, tag="B")}, PASS))
    return [message, archive]


def test_asked_once_per_session(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    secrets, prompt = prompt_secrets(PASS)
    files = two_files(tmp_path)
    assert len(open_deliveries(files, secrets)) == 2
    assert len(open_deliveries(files, secrets)) == 2  # reopening asks nothing either
    assert [(r.where, r.kind, r.attempt) for r in prompt.requests] == [
        (str(files[0]), "delivery", 0)
    ]
    assert memory_keyring.entries == {}  # not remembered unless asked


def test_remember_on_this_pc_uses_the_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    secrets, _ = prompt_secrets(PASS, remember=True)
    open_deliveries(two_files(tmp_path), secrets)
    assert memory_keyring.entries == {(SERVICE, DELIVERY_ENTRY): PASS}

    next_session, prompt = prompt_secrets()  # would cancel if asked
    assert len(open_deliveries(two_files(tmp_path), next_session)) == 2
    assert prompt.requests == []

    next_session.forget_remembered()
    assert memory_keyring.entries == {}


def test_wrong_then_right_passphrase(tmp_path: Path) -> None:
    secrets, prompt = prompt_secrets("typo", PASS)
    [source] = open_deliveries(two_files(tmp_path)[:1], secrets)
    assert source.data == doj_file(1, tag="A")
    assert [r.attempt for r in prompt.requests] == [0, 1]


def test_three_wrong_passphrases_give_up(tmp_path: Path) -> None:
    prompt = ScriptedPrompt("a", "b", "c", PASS)
    with pytest.raises(InputError, match="wrong passphrase"):
        open_deliveries(two_files(tmp_path)[:1], PromptSecrets(prompt, max_attempts=3))
    assert len(prompt.requests) == 3


def test_cancelled_prompt(tmp_path: Path) -> None:
    secrets, _ = prompt_secrets(None)
    with pytest.raises(InputError, match="none was given"):
        open_deliveries(two_files(tmp_path), secrets)


def test_passphrases_never_reach_the_log(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secrets, _ = prompt_secrets("wrong-guess-1", PASS, remember=True)
    open_deliveries(two_files(tmp_path), secrets)
    assert "wrong-guess-1" not in caplog.text and PASS not in caplog.text


def test_broken_keyring_does_not_stop_opening(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    secrets, prompt = prompt_secrets(PASS)  # not remembered: the keyring is only read
    assert len(open_deliveries(two_files(tmp_path), secrets)) == 2
    assert len(prompt.requests) == 1


def test_remember_with_a_broken_keyring_still_opens(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    secrets, _ = prompt_secrets(PASS, remember=True)
    assert len(open_deliveries(two_files(tmp_path), secrets)) == 2
    assert "passphrase not remembered" in caplog.text and PASS not in caplog.text


def test_the_keyring_is_named_as_each_platform_calls_it() -> None:
    assert keyring_name("win32") == "Windows Credential Manager"
    assert keyring_name("darwin") == "the macOS Keychain"
    assert "Secret Service" in keyring_name("linux")


def test_keyring_works_tells_a_working_keyring_from_none(caplog: pytest.LogCaptureFixture) -> None:
    assert keyring_works()  # the in-memory one
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert not keyring_works()
    assert "no OS keyring on this PC" in caplog.text  # logged, never raised
