"""`countyclear synth`: write a realistic synthetic DOJ delivery (for demos, tests, benchmarks)."""

import argparse
import os
import sys
from pathlib import Path

from app.errors import InputError
from app.jobs import Progress
from app.synth.delivery import Encryption, write_delivery
from app.synth.options import MAX_ROWS_PER_PERSON, MIN_ROWS_PER_PERSON, checked_options


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "synth",
        help="write a synthetic DOJ research file",
        description="Write an invented DOJ research file (95 columns) for a county: people "
        "with whole criminal histories, Prop 64 convictions among them, and the oddities real "
        "files have. The same options and --seed give the same data (encrypted output "
        "differs only by its random session key).",
    )
    parser.add_argument("--county", required=True, help="the receiving county, e.g. Sacramento")
    parser.add_argument("--people", type=int, metavar="N", help="how many people")
    parser.add_argument(
        "--rows",
        type=int,
        metavar="N",
        help="stop after exactly N data rows (alone or with --people)",
    )
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help="the file to write (with --encrypt zip: the archive)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--rows-per-person-avg",
        type=float,
        default=8.0,
        metavar="R",
        help=f"average rows per person, {MIN_ROWS_PER_PERSON:g}-"
        f"{MAX_ROWS_PER_PERSON:g} (default 8)",
    )
    parser.add_argument("--no-header", action="store_true", help="no RECORD_ID header row")
    parser.add_argument("--crlf", action="store_true", help="Windows line ends")
    parser.add_argument(
        "--files",
        type=int,
        default=1,
        metavar="N",
        help="split the delivery into N files, some people across files "
        "(FILE gets _1, _2... before its first dot)",
    )
    parser.add_argument(
        "--encrypt",
        choices=("openpgp", "zip"),
        help="OpenPGP message per file, or one AES-256 zip holding the files",
    )
    parser.add_argument(
        "--passphrase-env",
        metavar="VAR",
        help="environment variable holding the passphrase for --encrypt",
    )
    parser.add_argument(
        "--law-cases",
        action="store_true",
        help="also write the situations the law turns on: offenses before 2016-11-09 "
        "convicted after, subdivisions without parentheses (11360A2), attempts in every form, "
        "conspiracies and accessories with the target in the comment, juvenile adjudications, "
        "relief already granted (11361.8, PC 17(b), 1203.4, vacated), attempted-murder "
        "priors (664/187(A) PC) and three 11359 felonies in a row",
    )
    parser.add_argument("--force", action="store_true", help="replace existing files")
    parser.set_defaults(func=run)  # fmt: skip


def run(args: argparse.Namespace) -> int:
    options = checked_options(
        args.county,
        people=args.people,
        seed=args.seed,
        rows_per_person_avg=args.rows_per_person_avg,
        header=not args.no_header,
        crlf=args.crlf,
        files=args.files,
        max_rows=args.rows,
        law_cases=args.law_cases,
    )
    encrypt: Encryption | None = args.encrypt
    passphrase = _passphrase(args.passphrase_env) if encrypt else None
    if args.passphrase_env and not encrypt:
        raise InputError("--passphrase-env", "only used with --encrypt openpgp|zip")
    show = sys.stderr.isatty()

    def progress(update: Progress) -> None:
        if show:
            sys.stderr.write(f"\r{update.text}")

    result = write_delivery(
        options, args.out, encrypt=encrypt, passphrase=passphrase, force=args.force,
        progress=progress,
    )  # fmt: skip
    if show:
        sys.stderr.write("\n")
    if len(result.paths) == len(result.rows):
        for path, rows in zip(result.paths, result.rows, strict=True):
            sys.stdout.write(f"wrote {path}: {rows:,} rows\n")
    else:  # one zip holds every file
        sys.stdout.write(f"wrote {result.paths[0]}: {sum(result.rows):,} rows in "
                         f"{len(result.rows)} files\n")  # fmt: skip
    sys.stdout.write(f"{result.people:,} people, county {options.county}, seed {options.seed}\n")
    return 0


def _passphrase(env_var: str | None) -> str:
    if not env_var:
        raise InputError("--encrypt", "needs --passphrase-env VAR naming the environment "
                         "variable that holds the passphrase")  # fmt: skip
    value = os.environ.get(env_var)
    if not value:
        raise InputError("--passphrase-env", f"the environment variable {env_var} is not set "
                         "or empty; set it to the passphrase")  # fmt: skip
    return value
