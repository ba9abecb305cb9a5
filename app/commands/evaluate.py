"""`countyclear evaluate FILE... --county NAME --out DIR`: the headless run (README)."""

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

from app.counties import COUNTIES, normalise_county
from app.doj.schema import ENGINE
from app.eligibility.juvenile import juvenile_note, locations
from app.eligibility.policy import Policy, builtin_policy, load_bear_options, load_policy
from app.eligibility.summary import ImpactSummary
from app.errors import InputError
from app.intake.deliveries import open_deliveries
from app.intake.secrets import EnvSecrets
from app.jobs import Progress
from app.outputs import (
    DETERMINATIONS_CSV,
    SUMMARY_JSON,
    BackgroundDeterminations,
    write_summary,
)
from app.pipeline import evaluate_sources


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "evaluate",
        help="evaluate DOJ files under a county policy",
        description="Read DOJ research files (plain, OpenPGP or AES zip), apply the county "
        "policy and write determinations.csv and summary.json into --out. Without --policy "
        "or --bear-options the statutory-minimum policy applies.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--county", required=True, help="the DA's county, e.g. 'San Joaquin'")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="eligibility date (default today)")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--policy", metavar="POLICY", help="a policy TOML file, or a shipped "
                        "policy name: statutory, bear_default, los_angeles_2020, "
                        "sacramento_2019")
    choice.add_argument("--bear-options", type=Path, metavar="OPTIONS.json")
    parser.add_argument("--doj-file-date", metavar="YYYY-MM-DD",
                        help="the date DOJ produced the file, as the motion states it "
                        "(default: unknown; the motion then leaves the date out of its sentence "
                        "and export warns)")
    parser.add_argument("--passphrase-env", metavar="VAR",
                        help="environment variable holding the delivery's passphrase")
    parser.add_argument("--key", type=Path, metavar="KEYFILE",
                        help="OpenPGP private key file for deliveries encrypted to a key")
    parser.set_defaults(func=run)


def resolve_policy(args: argparse.Namespace) -> Policy:
    if args.bear_options is not None:
        return load_bear_options(args.bear_options)
    if args.policy is None:
        return builtin_policy("statutory")
    candidate = Path(args.policy)
    if candidate.suffix.lower() == ".toml" or candidate.exists():
        return load_policy(candidate)
    return builtin_policy(args.policy)


def parse_as_of(text: str | None, option: str = "--as-of") -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(option, f"{text!r} is not a date; write it as YYYY-MM-DD, for "
                         "example 2026-11-01.") from None


def doj_file_date(args: argparse.Namespace) -> date | None:
    """The DOJ file's date for the motion: given, or unknown (a copied file's modification
    date is not the date DOJ produced it)."""
    if args.doj_file_date:
        return parse_as_of(args.doj_file_date, "--doj-file-date")
    return None


def check_out_folder(out: Path) -> None:
    """Before minutes of work: the folder, or the nearest part of its path that exists, must
    be a folder this user can write in (the folder itself is made only when writing)."""
    existing = out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise InputError("--out", f"{existing} is a file; --out names a folder (made if "
                         "missing) for determinations.csv and summary.json.")
    if not os.access(existing, os.W_OK):
        raise InputError("--out", f"cannot write in {existing}; choose another folder.")


def run(args: argparse.Namespace) -> int:
    county = normalise_county(args.county)
    if county is None:
        raise InputError("--county", f"{args.county!r} is not a California county; use one of "
                         f"the 58 names, e.g. {', '.join(c.title() for c in COUNTIES[:3])}...")
    as_of = parse_as_of(args.as_of)
    check_out_folder(args.out)
    policy = resolve_policy(args)
    file_date = doj_file_date(args)
    secrets = EnvSecrets(args.passphrase_env, args.key)
    if not file_date:
        sys.stderr.write("warning: no --doj-file-date given: the motion will give no date "
                         "for DOJ's file until you evaluate again with --doj-file-date "
                         "YYYY-MM-DD.\n")
    reporter = _Reporter(sys.stderr.isatty())
    # Decrypting a large delivery takes seconds: the progress line says so meanwhile.
    sources = open_deliveries(args.files, secrets, progress=reporter)
    unprotected = [source.name for source in sources if not source.protected]
    if unprotected:
        reporter.finish()  # the warnings start on a line of their own
    for name in unprotected:
        sys.stderr.write(f"warning: {name} is not encrypted; keep it on this PC only and "
                         "delete it when the work is done.\n")
    determinations_csv = BackgroundDeterminations(args.out)
    try:
        # The decrypted files go once read: the rows hold all the evaluation needs.
        result = evaluate_sources(sources, county=county, policy=policy, as_of=as_of,
                                  progress=reporter, columns=ENGINE,
                                  on_determinations=determinations_csv.start,
                                  release_sources=sources.clear)
        reporter.finish()
        summary = result.summary.with_doj_file_date(file_date)
        determinations_csv.commit()
    finally:
        determinations_csv.discard()
    write_summary(args.out, summary)
    if result.juvenile.height:
        where = locations(result.juvenile)
        sys.stderr.write(f"warning: {juvenile_note(result.juvenile.height, where)}\n")
    sys.stdout.write(
        f"{summary_line(result.summary, county, policy.name, as_of)}\n"
        f"Wrote {args.out / DETERMINATIONS_CSV} and {args.out / SUMMARY_JSON}\n"
    )
    return 0


def summary_line(summary: ImpactSummary, county: str, policy_name: str, as_of: date) -> str:
    """The run in one sentence a clerk reads: what is to file, what was already granted,
    what the law does not reach, and how much waits for a person (count and share)."""
    counts = summary.determinations
    total = summary.convictions_evaluated
    review = counts.get("review", 0)
    share = f"{review / total:.1%}" if total else "0%"
    return (
        f"{total:,} convictions of {summary.people_evaluated:,} people in {county} under "
        f"'{policy_name}' as of {as_of.isoformat()}: {counts.get('dismiss', 0):,} to dismiss, "
        f"{counts.get('reduce', 0):,} to reduce, {counts.get('already_granted', 0):,} "
        f"already granted (not filed again), {counts.get('not_eligible', 0):,} not "
        f"eligible, and {review:,} for a person to review ({share} of the convictions)."
    )


class _Reporter:
    """A progress line on a terminal; silent when output is redirected."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()

    def __call__(self, progress: Progress) -> None:
        if self.enabled:
            elapsed = time.monotonic() - self.started
            sys.stderr.write(f"\r[{elapsed:5.1f}s] {progress.text[:70]:<70}")
            sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
