"""The headless `countyclear` commands (DESIGN.md, the headless contract).

Each command lives in app/commands/<name>.py with `register(subparsers)`; this module only
parses, dispatches and turns failures into the contract's exit codes: 0 success, 2 bad input
(one `error:` line), 1 internal fault (the log file's path, never a traceback).
"""

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib import import_module

from app import __version__
from app.errors import InputError
from app.jobs import Cancelled
from app.logsetup import configure_logging

COMMANDS = ("evaluate", "export", "synth", "selftest")
log = logging.getLogger("countyclear.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="countyclear",
        description="Clear Proposition 64 cannabis convictions. Without a command, opens the "
        "desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"CountyClear {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"app.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 0
    try:
        code: int = args.func(args)
        return code
    except InputError as exc:
        sys.stderr.write(f"error: {exc.render()}\n")
        return 2
    except Cancelled:
        sys.stderr.write("cancelled\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except Exception:
        path = configure_logging()
        log.exception("internal error in %s", args.command)
        sys.stderr.write(
            f"internal error: CountyClear could not finish '{args.command}'. Details are in "
            f"{path}; please send that file with your report.\n"
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
