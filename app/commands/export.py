"""`countyclear export`: being built (see the issue that owns it); registered so --help lists it."""

import argparse


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("export", help="(not built yet)")
    parser.set_defaults(func=_run)


def _run(_: argparse.Namespace) -> int:
    raise SystemExit("countyclear export is not built yet")
