"""A large delivery is never held more often than it must be: the ciphertext goes before the
plaintext is copied out of the decryptor, and `countyclear evaluate` lets the decrypted
files go once their rows are read. A 1,000,000-row file is about 650 MB: each extra copy
took an encrypted run further over 2 GiB (benchmarks/README.md)."""

from pathlib import Path
from typing import Any, ClassVar

import pytest

import app.commands.evaluate as evaluate_command
import app.intake.deliveries as deliveries
import app.pipeline as pipeline
from app.cli import main
from app.doj.source import DojSource
from app.intake import EnvSecrets, open_deliveries, openpgp
from app.intake.encrypt import encrypt_openpgp_passphrase
from app.intake.packets import SEIPD, walk
from tests.app.intake.doj_bytes import doj_file

PASS = "correct horse battery staple"


class Tracked(bytes):
    """Bytes that note when the last reference to them goes."""

    gone: ClassVar[list[str]] = []

    def __del__(self) -> None:
        Tracked.gone.append(bytes(self[:8]).hex())


@pytest.fixture
def env_pass(monkeypatch: pytest.MonkeyPatch) -> EnvSecrets:
    monkeypatch.setenv("CC_TEST_PASS", PASS)
    Tracked.gone.clear()
    return EnvSecrets("CC_TEST_PASS")


@pytest.mark.parametrize("armor", [False, True])
def test_the_ciphertext_goes_before_the_plaintext_is_copied_out(
    tmp_path: Path, env_pass: EnvSecrets, monkeypatch: pytest.MonkeyPatch, armor: bool
) -> None:
    message = encrypt_openpgp_passphrase(doj_file(50), PASS, armor=armor)
    path = tmp_path / "doj.gpg"
    path.write_bytes(message)
    real_read = deliveries.read_input
    monkeypatch.setattr(deliveries, "read_input",
                        lambda p, what, size=None: Tracked(real_read(p, what, size)))
    seen: list[tuple[str, bool]] = []
    decrypt, copy_out = openpgp.decrypt_message, openpgp.Decrypted.plaintext

    def decrypt_message(*args: Any) -> openpgp.Decrypted:
        seen.append(("decrypting", message[:8].hex() in Tracked.gone))
        return decrypt(*args)

    def plaintext(self: openpgp.Decrypted) -> bytes:
        seen.append(("copying out", message[:8].hex() in Tracked.gone))
        return copy_out(self)

    monkeypatch.setattr(openpgp, "decrypt_message", decrypt_message)
    monkeypatch.setattr(openpgp.Decrypted, "plaintext", plaintext)
    [source] = open_deliveries([path], env_pass)
    assert source.data == doj_file(50)
    # Armor is decoded first, and the armored text goes before decryption starts.
    assert seen == [("decrypting", armor), ("copying out", True)]


def test_the_walk_keeps_only_the_start_of_the_encrypted_data() -> None:
    message = encrypt_openpgp_passphrase(b"x" * 100_000, PASS)
    *_, encrypted = walk(message)
    assert encrypted.tag == SEIPD and encrypted.complete
    assert len(encrypted.body) == 4096 and encrypted.body in message


def test_evaluate_lets_the_decrypted_files_go_before_evaluating(
    tmp_path: Path, env_pass: EnvSecrets, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "doj.gpg"
    path.write_bytes(encrypt_openpgp_passphrase(doj_file(20), PASS))

    def opened(*args: Any, **kwargs: Any) -> list[DojSource]:
        return [DojSource(s.name, Tracked(s.data or b""), s.protected, s.path)
                for s in open_deliveries(*args, **kwargs)]

    gone_at_evaluation: list[int] = []
    # `evaluate` goes through app.pipeline.evaluate_sources, which reads and then evaluates.
    real_evaluate = pipeline.evaluate_rows

    def evaluate_rows(*args: Any, **kwargs: Any) -> Any:
        gone_at_evaluation.append(len(Tracked.gone))
        return real_evaluate(*args, **kwargs)

    monkeypatch.setattr(evaluate_command, "open_deliveries", opened)
    monkeypatch.setattr(pipeline, "evaluate_rows", evaluate_rows)
    code = main(["evaluate", str(path), "--county", "SACRAMENTO", "--out", str(tmp_path / "out"),
                 "--passphrase-env", "CC_TEST_PASS", "--as-of", "2024-01-01"])
    assert code == 0
    assert gone_at_evaluation == [1]
