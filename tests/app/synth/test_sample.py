"""The bundled sample is what resources/sample/README.md says: encrypted, reproducible."""

from pathlib import Path

import pytest

from app.intake.deliveries import open_deliveries
from app.intake.secrets import EnvSecrets
from app.paths import RESOURCES
from app.synth.options import checked_options
from app.synth.writer import generate_bytes
from tests.app.synth.rows import records

SAMPLE = RESOURCES / "sample" / "doj_sample.dat.gpg"
DEMO_PASSPHRASE = "CountyClear-demo"  # docs/CONTRACTS.md, shown in the README


def test_sample_is_encrypted_and_matches_its_documented_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not (SAMPLE.parent / "doj_sample.dat").exists()  # never shipped in the clear
    assert b"RECORD_ID" not in SAMPLE.read_bytes()
    monkeypatch.setenv("DEMO_PASS", DEMO_PASSPHRASE)
    [source] = open_deliveries([SAMPLE], EnvSecrets("DEMO_PASS"))
    documented = checked_options("SACRAMENTO", people=400, seed=2019)
    assert source.data == generate_bytes(documented)[0]
    counties = {r["STP_ORI_CNTY_NAME"] for r in records(source.data)}
    assert "SACRAMENTO" in counties and len(counties) > 5


def test_sample_documentation_names_the_seed() -> None:
    readme = (Path(SAMPLE).parent / "README.md").read_text(encoding="utf-8")
    assert "--people 400 --seed 2019" in readme and "--county SACRAMENTO" in readme
