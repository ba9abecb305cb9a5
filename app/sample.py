"""The bundled sample delivery: where it is, its county and its published demo passphrase
(README; it also seals the demo exhibit). Used by the self-test, the app's "Try with sample
data" and the headless sample run (`run_sample`)."""

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Final

from app.intake.secrets import PassphraseRequest
from app.paths import RESOURCES

SAMPLE: Final = RESOURCES / "sample" / "doj_sample.dat.gpg"
SAMPLE_COUNTY: Final = "SACRAMENTO"
DEMO_PASSPHRASE: Final = "CountyClear-demo"


class DemoSecrets:
    """The sample's secret source: the public demo passphrase, never asked for and never
    passed through the environment or the OS keyring."""

    key_file: Path | None = None
    hint = f"the sample's passphrase is the demo passphrase {DEMO_PASSPHRASE}"

    def known(self, request: PassphraseRequest) -> Sequence[str]:
        return [DEMO_PASSPHRASE]

    def ask(self, request: PassphraseRequest) -> str | None:
        return None

    def accepted(self, request: PassphraseRequest, passphrase: str) -> None:
        return None


def run_sample(out: Path, as_of: date | None = None) -> list[Path]:
    """Evaluate the sample under the statutory policy and write what `countyclear evaluate`
    then `export --force` write into `out` (the folder is CountyClear's own demo output:
    its previous documents are replaced). Returns the files written."""
    # Loaded here: the launcher imports this module, and must start without them.
    from app.eligibility.policy import builtin_policy
    from app.exports.documents import export_documents
    from app.exports.motion import MotionFacts
    from app.exports.office import load_office
    from app.intake import open_deliveries
    from app.outputs import DETERMINATIONS_CSV, SUMMARY_JSON, write_outputs
    from app.pipeline import evaluate_sources

    sources = open_deliveries([SAMPLE], DemoSecrets())
    result = evaluate_sources(sources, county=SAMPLE_COUNTY, policy=builtin_policy("statutory"),
                              as_of=as_of or date.today())
    # The sample is synthetic: no DOJ delivery date exists, and a file's modification date
    # is no evidence of one, so its papers say the date is unknown (as evaluate_sources
    # leaves it).
    summary = result.summary
    out.mkdir(parents=True, exist_ok=True)
    write_outputs(out, result.determinations, summary)
    written = export_documents(out, result.determinations, MotionFacts.from_summary(summary),
                               load_office(), summary=summary, password=DEMO_PASSPHRASE,
                               force=True)  # fmt: skip
    return [out / DETERMINATIONS_CSV, out / SUMMARY_JSON, *(d.path for d in written)]
