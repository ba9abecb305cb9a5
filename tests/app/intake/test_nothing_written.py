"""Opening encrypted deliveries writes nothing: no temp files, nothing in the user's home."""

import subprocess
import sys
from pathlib import Path

from app.intake.encrypt import encrypt_openpgp_passphrase, encrypt_openpgp_to_cert, make_aes_zip
from tests.app.intake.doj_bytes import doj_file
from tests.app.intake.isolation import Isolated
from tests.app.intake.pgp_keys import protected_key

REPO = Path(__file__).resolve().parents[3]
OPEN_AND_REPORT = """
import sys
from pathlib import Path
from tests.keyring_memory import install_memory_keyring
install_memory_keyring()
from app.intake import EnvSecrets, open_deliveries
secrets = EnvSecrets("CC_PASS", key_file=Path(sys.argv[1]))
sources = open_deliveries([Path(p) for p in sys.argv[2:]], secrets)
sys.stdout.write(" ".join(str(len(s.data)) for s in sources))
"""


def test_decrypting_leaves_no_trace_in_temp_or_home(tmp_path: Path) -> None:
    isolated = Isolated.under(tmp_path)
    inputs = isolated.inputs
    key, cert = protected_key("County <c@example.org>", "pw")
    (inputs / "county.key").write_bytes(key)
    plain = [doj_file(30, tag=tag) for tag in "ABC"]
    (inputs / "a.gpg").write_bytes(encrypt_openpgp_passphrase(plain[0], "pw"))
    (inputs / "b.gpg").write_bytes(encrypt_openpgp_to_cert(plain[1], bytes(cert)))
    (inputs / "c.zip").write_bytes(make_aes_zip({"c.dat": plain[2]}, "pw"))
    before = isolated.listings()

    env = isolated.env(COUNTYCLEAR_HOME=str(isolated.home / "countyclear"), CC_PASS="pw")
    files = [str(inputs / name) for name in ("a.gpg", "b.gpg", "c.zip")]
    done = subprocess.run(
        [sys.executable, "-c", OPEN_AND_REPORT, str(inputs / "county.key"), *files],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(len(p)) for p in plain]  # it really decrypted
    assert isolated.listings() == before
