"""The bundled sample delivery: where it is, its county and its published demo passphrase
(README; it also seals the demo exhibit). Used by the self-test, the app's "Try with sample
data" and the headless sample run."""

from typing import Final

from app.paths import RESOURCES

SAMPLE: Final = RESOURCES / "sample" / "doj_sample.dat.gpg"
SAMPLE_COUNTY: Final = "SACRAMENTO"
DEMO_PASSPHRASE: Final = "CountyClear-demo"
