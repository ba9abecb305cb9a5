"""Files made by the real GnuPG (the tool DOJ and counties use) open in CountyClear.

Runs where a `gpg` binary exists (Debian CI images have GnuPG 2.2); the product itself never
calls gpg.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from app.errors import InputError
from app.intake import EnvSecrets, open_deliveries
from tests.app.intake.doj_bytes import doj_file

GPG = shutil.which("gpg")
pytestmark = pytest.mark.skipif(GPG is None, reason="GnuPG is not installed on this machine")


def gpg(home: Path, *args: str, passphrase: str) -> None:
    assert GPG is not None
    subprocess.run(
        [
            GPG,
            "--homedir",
            str(home),
            "--batch",
            "--yes",
            "--pinentry-mode",
            "loopback",
            "--passphrase",
            passphrase,
            *args,
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def gnupg_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gnupg")
    home = folder / "home"
    home.mkdir(mode=0o700)
    (folder / "doj.dat").write_bytes(doj_file(6))
    gpg(
        home,
        "--quick-gen-key",
        "County DA <da@example.org>",
        "future-default",
        "default",
        "never",
        passphrase="key pass",
    )
    gpg(
        home,
        "--armor",
        "--output",
        str(folder / "county.key"),
        "--export-secret-keys",
        passphrase="key pass",
    )
    gpg(
        home,
        "--trust-model",
        "always",
        "--recipient",
        "da@example.org",
        "--output",
        str(folder / "to_key.gpg"),
        "--encrypt",
        str(folder / "doj.dat"),
        passphrase="",
    )
    gpg(
        home,
        "--output",
        str(folder / "symmetric.gpg"),
        "--symmetric",
        str(folder / "doj.dat"),
        passphrase="delivery pass",
    )
    gpg(
        home,
        "--armor",
        "--output",
        str(folder / "symmetric.asc"),
        "--symmetric",
        str(folder / "doj.dat"),
        passphrase="delivery pass",
    )
    gpgconf = shutil.which("gpgconf")
    if gpgconf:  # stop the gpg-agent this test started
        subprocess.run([gpgconf, "--homedir", str(home), "--kill", "gpg-agent"], check=False)
    shutil.rmtree(home, ignore_errors=True)
    return folder


@pytest.mark.parametrize("name", ["symmetric.gpg", "symmetric.asc"])
def test_gnupg_passphrase_message(
    gnupg_files: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("CC_PASS", "delivery pass")
    [source] = open_deliveries([gnupg_files / name], EnvSecrets("CC_PASS"))
    assert source.data == doj_file(6) and source.protected


def test_gnupg_key_message_and_protected_gnupg_key(
    gnupg_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CC_PASS", "key pass")
    secrets = EnvSecrets("CC_PASS", key_file=gnupg_files / "county.key")
    [source] = open_deliveries([gnupg_files / "to_key.gpg"], secrets)
    assert source.data == doj_file(6)

    monkeypatch.setenv("CC_PASS", "not the key pass")
    new_session = EnvSecrets("CC_PASS", key_file=gnupg_files / "county.key")
    with pytest.raises(InputError, match="wrong passphrase for this private key"):
        open_deliveries([gnupg_files / "to_key.gpg"], new_session)
