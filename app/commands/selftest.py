"""`countyclear selftest`: the bundled sample end to end, for IT after an install and for CI.

Opens the encrypted sample with the demo passphrase, evaluates it under the statutory policy
for SACRAMENTO at a fixed as-of date (so the answer never depends on the day), writes the
evaluate outputs and the court documents into a temporary folder, reads them back and checks
them, removes the folder and exits 0; or names what failed and exits 1. Everything runs in
this process (no subprocess), offline, and leaves the user's settings and keyring alone.
"""

import argparse
import io
import logging
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final, TextIO

import polars as pl
from openpyxl import load_workbook

from app import __version__
from app.doj.source import DojSource
from app.eligibility.policy import builtin_policy
from app.errors import InputError
from app.exports.exhibit import EXHIBIT_FILE, write_exhibit
from app.exports.inputs import read_determinations, read_summary
from app.exports.motion import MotionFacts
from app.exports.office import OfficeDetails
from app.exports.papers import MOTION_FILE, write_papers
from app.exports.relief import accounting, outcomes
from app.exports.sealing import unseal_workbook
from app.intake.deliveries import open_deliveries
from app.intake.secrets import PassphraseRequest
from app.logsetup import log_exception
from app.outputs import DETERMINATIONS_CSV, SUMMARY_JSON, write_outputs
from app.pipeline import EvaluationResult, evaluate_sources
from app.sample import DEMO_PASSPHRASE, SAMPLE, SAMPLE_COUNTY

AS_OF: Final = date(2026, 1, 1)
POLICY: Final = "statutory"

log = logging.getLogger("countyclear.selftest")


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "selftest",
        help="run the bundled sample end to end and check the documents (exit 0 or 1)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(func=run)


def run(_: argparse.Namespace) -> int:
    # The windowed Windows executable has no console (sys.stdout is None): the exit code
    # still tells; countyclear-cli.exe shows the report.
    out = sys.stdout if sys.stdout is not None else io.StringIO()
    return 0 if run_selftest(out) else 1


class SelftestFailed(Exception):
    """A check found something wrong; the message says what."""


class _DemoSecrets:
    """The sample's passphrase, offered once; no keyring, no prompt."""

    def __init__(self, passphrase: str) -> None:
        self._passphrase = passphrase

    @property
    def key_file(self) -> Path | None:
        return None

    @property
    def hint(self) -> str:
        return "the bundled sample opens with the demo passphrase; reinstall CountyClear"

    def known(self, request: PassphraseRequest) -> Sequence[str]:
        return [self._passphrase]

    def ask(self, request: PassphraseRequest) -> str | None:
        return None  # `known` already offered the only passphrase there is

    def accepted(self, request: PassphraseRequest, passphrase: str) -> None:
        """Nothing to remember."""


@dataclass
class _Run:
    """State handed from step to step."""

    folder: Path
    password: str
    sources: list[DojSource] | None = None
    result: EvaluationResult | None = None


def run_selftest(
    out: TextIO,
    *,
    sample: Path | None = None,
    passphrase: str = DEMO_PASSPHRASE,
    county: str = SAMPLE_COUNTY,
) -> bool:
    """Run every step, report each on `out`; True when all passed. `sample` defaults to the
    bundled one (tests point it elsewhere to see failures named)."""
    sample = SAMPLE if sample is None else sample
    started = time.perf_counter()
    out.write(f"CountyClear {__version__} self-test ({sys.executable})\n")
    folder = Path(tempfile.mkdtemp(prefix="countyclear-selftest-"))
    state = _Run(folder=folder, password=secrets.token_urlsafe(16))
    steps: list[tuple[str, Callable[[_Run], str]]] = [
        ("open the encrypted sample", lambda s: _open(s, sample, passphrase)),
        ("evaluate", lambda s: _evaluate(s, county)),
        ("write determinations.csv and summary.json", _write_outputs),
        ("export Exhibit 1 (sealed)", _export_exhibit),
        ("export the motion and order", _export_motion),
    ]
    try:
        for name, step in steps:
            if not _report(out, name, step, state):
                out.write(f"self-test FAILED after {time.perf_counter() - started:.1f} s\n")
                return False
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    out.write(f"self-test passed in {time.perf_counter() - started:.1f} s\n")
    return True


def _report(out: TextIO, name: str, step: Callable[[_Run], str], state: _Run) -> bool:
    began = time.perf_counter()
    try:
        detail = step(state)
    except (SelftestFailed, InputError) as exc:
        out.write(f"  FAIL  {name}: {exc}\n")
        return False
    except Exception as exc:  # any fault is a failed step, named, with the log to send
        path = log_exception(log, "self-test step failed: %s", name)
        out.write(f"  FAIL  {name}: {type(exc).__name__}: {exc}\n        details in {path}\n")
        return False
    out.write(f"  ok    {name} ({time.perf_counter() - began:.2f} s): {detail}\n")
    return True


def _open(state: _Run, sample: Path, passphrase: str) -> str:
    if not sample.is_file():
        raise SelftestFailed(f"{sample} is missing; the installation is incomplete, reinstall")
    state.sources = open_deliveries([sample], _DemoSecrets(passphrase))
    if not state.sources or not all(
        source.protected and source.data is not None for source in state.sources
    ):
        raise SelftestFailed(f"{sample} did not open as an encrypted delivery")
    size = sum(len(source.read_bytes()) for source in state.sources)
    return f"{sample.name}, {size:,} bytes decrypted in memory"


def _evaluate(state: _Run, county: str) -> str:
    assert state.sources is not None
    result = evaluate_sources(
        state.sources, county=county, policy=builtin_policy(POLICY), as_of=AS_OF
    )
    state.result = result
    counts = check_determinations(result.determinations, result.convictions, county)
    return (
        f"{result.determinations.height:,} convictions in {county} under {POLICY} as of "
        f"{AS_OF.isoformat()}: "
        + ", ".join(f"{count:,} {name}" for name, count in sorted(counts.items()))
    )


def _write_outputs(state: _Run) -> str:
    assert state.result is not None
    write_outputs(state.folder, state.result.determinations, state.result.summary)
    back = read_determinations(state.folder / DETERMINATIONS_CSV)
    if back.height != state.result.determinations.height:
        raise SelftestFailed(
            f"{DETERMINATIONS_CSV} reads back {back.height:,} rows, "
            f"expected {state.result.determinations.height:,}"
        )
    summary = read_summary(state.folder / SUMMARY_JSON)
    if summary != state.result.summary:
        raise SelftestFailed(f"{SUMMARY_JSON} reads back other figures than were written")
    return f"{back.height:,} rows read back"


def _export_exhibit(state: _Run) -> str:
    determinations = read_determinations(state.folder / DETERMINATIONS_CSV)
    path = state.folder / EXHIBIT_FILE
    frame = outcomes(determinations)
    counts = accounting(frame)
    write_exhibit(path, frame, counts, county=SAMPLE_COUNTY, password=state.password)
    rows = check_exhibit(path, state.password, counts.granted)
    return f"{rows:,} granted convictions, opens only with its password"


def _export_motion(state: _Run) -> str:
    determinations = read_determinations(state.folder / DETERMINATIONS_CSV)
    summary = read_summary(state.folder / SUMMARY_JSON)
    path = state.folder / MOTION_FILE
    # The office details stay blank ([DA NAME]...): the user's own office.toml is not read.
    facts = MotionFacts.from_summary(summary)
    counts = accounting(outcomes(determinations))
    write_papers(state.folder, counts, facts, OfficeDetails(county=SAMPLE_COUNTY))
    pages = check_motion(path, SAMPLE_COUNTY)
    return f"{pages} pages, names the county and HS 11361.8"


# --- the checks: each reads what was written, independently of the code that wrote it ------

DETERMINATIONS: Final = ("dismiss", "reduce", "review", "not_eligible", "already_granted")
PROP64_SECTIONS: Final = ("11357", "11358", "11359", "11360")
OLE_MAGIC: Final = bytes.fromhex("d0cf11e0a1b11ae1")  # an encrypted Office file; xlsx is a zip


def check_determinations(
    determinations: pl.DataFrame, convictions: pl.DataFrame, county: str
) -> dict[str, int]:
    """Non-empty; one determination per in-county Prop 64 conviction; the counts per kind."""
    if determinations.is_empty():
        raise SelftestFailed(f"no determinations for {county}: the sample or engine is broken")
    keys = determinations.select("subject_id", "cnt_order")
    duplicates = keys.height - keys.unique().height
    if duplicates:
        raise SelftestFailed(f"{duplicates} convictions have more than one determination")
    unknown = determinations.filter(~pl.col("determination").is_in(DETERMINATIONS))
    if unknown.height:
        raise SelftestFailed(f"unknown determination {unknown.item(0, 'determination')!r}")
    unexplained = determinations.filter(
        (pl.col("rule_id").fill_null("") == "") | (pl.col("reason").fill_null("") == "")
    )
    if unexplained.height:
        raise SelftestFailed(f"{unexplained.height} determinations have no rule or reason")
    in_county = convictions.filter(
        (pl.col("STP_ORI_CNTY_NAME") == county) & pl.col("is_prop64")
    ).select("subject_id", pl.col("CNT_ORDER").alias("cnt_order"))
    missing = in_county.join(keys, on=["subject_id", "cnt_order"], how="anti")
    if missing.height:
        first = missing.row(0)
        raise SelftestFailed(
            f"{missing.height} Prop 64 convictions in {county} have no determination "
            f"(first: person {first[0]}, count {first[1]})"
        )
    counts = determinations.get_column("determination").value_counts()
    return {str(name): int(n) for name, n in counts.iter_rows()}


def check_exhibit(path: Path, password: str, granted: int) -> int:
    """Sealed on disk; opens with the password; one numbered row per granted conviction."""
    sealed = path.read_bytes()
    if not sealed.startswith(OLE_MAGIC):
        raise SelftestFailed(f"{path.name} is not password-protected on disk")
    book = load_workbook(io.BytesIO(unseal_workbook(sealed, password)), read_only=True)
    try:
        numbers = [row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()
    if granted == 0:
        raise SelftestFailed("the sample yields no granted conviction: nothing to file")
    if numbers != list(range(1, granted + 1)):
        raise SelftestFailed(
            f"{path.name} has {len(numbers):,} rows, expected {granted:,} granted convictions "
            "numbered from 1"
        )
    return granted


def check_motion(path: Path, county: str) -> int:
    """A PDF whose text names the county and HS 11361.8; returns its page count."""
    try:
        from pypdf import PdfReader  # read back only here: the app itself writes PDFs
    except ImportError as exc:
        raise SelftestFailed("pypdf is needed to read the motion back: pip install pypdf") from exc
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise SelftestFailed(f"{path.name} is not a PDF")
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for needed in (county.title(), "11361.8"):
        if needed.lower() not in text.lower():
            raise SelftestFailed(f"{path.name} does not mention {needed}")
    return len(reader.pages)
