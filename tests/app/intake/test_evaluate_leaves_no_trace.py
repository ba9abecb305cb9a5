"""`countyclear evaluate` on encrypted deliveries leaves no plaintext in temp or home.

The only plaintext written is the output the user asked for (--out). Runs the real command
line in a child process whose HOME and TMPDIR are empty folders, then compares listings.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from app.intake import EnvSecrets, open_deliveries
from app.intake.encrypt import encrypt_openpgp_to_cert, make_aes_zip
from app.paths import RESOURCES
from tests.app.intake.isolation import Isolated
from tests.app.intake.pgp_keys import protected_key

REPO = Path(__file__).resolve().parents[3]
SAMPLE = RESOURCES / "sample" / "doj_sample.dat.gpg"
DEMO_PASSPHRASE = "CountyClear-demo"  # docs/CONTRACTS.md, the bundled sample


@pytest.fixture
def sample_plaintext(monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setenv("CC_SAMPLE_PASS", DEMO_PASSPHRASE)
    [source] = open_deliveries([SAMPLE], EnvSecrets("CC_SAMPLE_PASS"))
    assert source.data is not None
    return source.data


@pytest.mark.parametrize("container", ["sample", "aes_zip", "to_key"])
def test_evaluate_encrypted_delivery_writes_only_the_output(
    tmp_path: Path, sample_plaintext: bytes, container: str
) -> None:
    isolated = Isolated.under(tmp_path)
    inputs, out = isolated.inputs, tmp_path / "out"
    extra: list[str] = []
    if container == "sample":
        delivery = SAMPLE
    elif container == "aes_zip":
        delivery = inputs / "delivery.zip"
        delivery.write_bytes(make_aes_zip({"doj/sample.dat": sample_plaintext}, DEMO_PASSPHRASE))
    else:
        key, cert = protected_key("County DA <da@example.org>", DEMO_PASSPHRASE)
        (inputs / "county.key").write_bytes(key)
        delivery = inputs / "delivery.gpg"
        delivery.write_bytes(encrypt_openpgp_to_cert(sample_plaintext, bytes(cert)))
        extra = ["--key", str(inputs / "county.key")]
    before = isolated.listings()

    env = isolated.env(CC_PASS=DEMO_PASSPHRASE)
    args = ["evaluate", str(delivery), "--county", "SACRAMENTO", "--out", str(out)]
    args += ["--passphrase-env", "CC_PASS", *extra]
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))",
         *args],
        cwd=REPO, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (out / "determinations.csv").stat().st_size > 0  # it really evaluated
    assert isolated.listings() == before
