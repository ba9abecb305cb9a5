"""`countyclear export DIR`: the court documents from an `evaluate` output folder.

Reads DIR/determinations.csv (or, with --workspace, the saved workspace's determinations with
its staff decisions), DIR/summary.json and the office details (--office FILE, else the ones
saved in the app), and writes into DIR the sealed Exhibit 1 workbook, the motion, proposed
order, exhibit cover and proof of service (separately and combined), the sealed list of the
convictions not in Exhibit 1, and the impact report (all unless some are chosen). Every input
is checked once, before the first file is written; each blank the papers will print is a
`warning:` line; an existing document is never replaced without --force.
"""

import argparse
import os
import sys
from pathlib import Path
from typing import Final

import polars as pl

from app.eligibility.summary import ImpactSummary
from app.errors import InputError
from app.exports.challenged import CHALLENGED_FILE
from app.exports.documents import (
    DocumentChoice,
    check_request,
    prepare_export,
    write_documents,
)
from app.exports.exhibit import EXHIBIT_FILE
from app.exports.impact_report import IMPACT_FILE
from app.exports.inputs import read_determinations, read_summary
from app.exports.motion import MotionFacts
from app.exports.office import load_office, office_file
from app.exports.papers import MOTION_FILE
from app.outputs import DETERMINATIONS_CSV, SUMMARY_JSON
from app.review import open_workspace

PASSWORD_HELP: Final = (
    "the exhibit and the list of convictions not in it are always sealed: put the password in "
    "an environment variable and name it with --password-env, e.g. `set EXHIBIT_PASSWORD=...` "
    "(Windows) or `export EXHIBIT_PASSWORD=...`, then `countyclear export DIR --password-env "
    "EXHIBIT_PASSWORD`"
)


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "export",
        help="write Exhibit 1, the motion and order, the challenged list and the impact report",
        description=__doc__,
    )
    parser.add_argument("folder", metavar="DIR", type=Path, help="an `evaluate` output folder")
    parser.add_argument("--exhibit", action="store_true", help=f"sealed {EXHIBIT_FILE}")
    parser.add_argument("--motion", action="store_true",
                        help=f"{MOTION_FILE} and the motion, order, cover and proof of service "
                        "as separate PDFs")
    parser.add_argument("--challenged", action="store_true", help=f"sealed {CHALLENGED_FILE}")
    parser.add_argument("--summary", action="store_true", help=IMPACT_FILE)
    parser.add_argument(
        "--password-env",
        metavar="VAR",
        help="name of the environment variable holding the password that seals the workbooks "
        "(required for the exhibit and the challenged list)",
    )
    parser.add_argument(
        "--office",
        type=Path,
        metavar="FILE",
        help="the office details TOML (as the Office details dialog writes it; keys in the "
        "README); default: the details saved in the app",
    )
    parser.add_argument(
        "--workspace",
        type=Path,
        metavar="FILE",
        help="a saved workspace (.ccws) of this evaluation: its staff decisions are applied",
    )
    parser.add_argument(
        "--recovery-passphrase-env",
        metavar="VAR",
        help="environment variable holding the workspace's recovery passphrase, for a "
        "workspace whose key is not in this PC's keyring (made on another PC or account)",
    )
    parser.add_argument("--force", action="store_true", help="replace documents already in DIR")
    parser.set_defaults(func=run)


def _choice(args: argparse.Namespace) -> DocumentChoice:
    picked = (args.exhibit, args.motion, args.challenged, args.summary)
    return DocumentChoice(*picked) if any(picked) else DocumentChoice()


def _password(args: argparse.Namespace) -> str | None:
    """The password from its variable; checked with everything else by check_request."""
    if args.password_env is None:
        return None
    return _from_env("--password-env", args.password_env, PASSWORD_HELP)


def _recovery_passphrase(args: argparse.Namespace) -> str | None:
    if args.recovery_passphrase_env is None:
        return None
    return _from_env("--recovery-passphrase-env", args.recovery_passphrase_env,
                     "put the workspace's recovery passphrase in it")


def _from_env(option: str, variable: str, fix: str) -> str:
    """The secret the option names, or one InputError when its variable is unset or empty."""
    secret = os.environ.get(variable, "")
    if not secret:
        raise InputError(f"{option} {variable}", f"the environment variable {variable} is not "
                         f"set or is empty; {fix}")
    return secret


def _decided(path: Path, summary: ImpactSummary, folder: Path,
             recovery_passphrase: str | None) -> pl.DataFrame:
    """The workspace's determinations with its staff decisions applied, if it is this run's."""
    workspace = open_workspace(path, recovery_passphrase=recovery_passphrase)
    if workspace.county != summary.county or workspace.as_of != summary.as_of:
        raise InputError(
            str(path),
            f"this workspace is {workspace.county} as of {workspace.as_of.isoformat()} but "
            f"{folder / SUMMARY_JSON} is {summary.county} as of {summary.as_of.isoformat()}; "
            "give the workspace of this evaluation",
        )
    return workspace.decided()


def run(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if not folder.is_dir():
        raise InputError(str(folder), "is not a folder; give the --out folder of `evaluate`")
    choice = _choice(args)
    password = _password(args)
    recovery_passphrase = _recovery_passphrase(args)
    if args.office is not None and not args.office.is_file():
        raise InputError(str(args.office), "not found; give the office details TOML written by "
                         "the Office details dialog (keys in the README)")
    # Before reading anything big.
    check_request(folder, choice, password, force=args.force, password_help=PASSWORD_HELP)
    office_path = args.office or office_file()
    office = load_office(office_path)
    summary = read_summary(folder / SUMMARY_JSON)
    if args.workspace is None:
        determinations = read_determinations(folder / DETERMINATIONS_CSV)
    else:
        determinations = _decided(args.workspace, summary, folder, recovery_passphrase)
    plan = prepare_export(folder, determinations, MotionFacts.from_summary(summary), office,
                          summary=summary, choice=choice, password=password,
                          office_where=str(office_path))  # fmt: skip
    for note in plan.warnings:
        sys.stderr.write(f"warning: {note}\n")
    for document in write_documents(plan):
        sys.stdout.write(f"wrote {document.path} ({document.description})\n")
    return 0
