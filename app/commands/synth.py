"""`countyclear synth`: being built (see the issue that owns it); registered so --help lists it."""

import argparse


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("synth", help="(not built yet)")
    parser.set_defaults(func=_run)


def _run(_: argparse.Namespace) -> int:
    raise SystemExit("countyclear synth is not built yet")
