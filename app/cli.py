"""The headless `countyclear` commands (README, headless commands).

Each command lives in app/commands/<name>.py with `register(subparsers)`; this module only
parses, dispatches and turns failures into the contract's exit codes: 0 success, 2 bad input
(one `error:` line), 1 internal fault (the log file's path, never a traceback).
"""

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import NoReturn

from app import __version__, network_guard
from app.errors import InputError
from app.jobs import Cancelled
from app.logsetup import log_exception

# Name and one-line help of each command; its module is imported only when it runs (or for
# --help), so a batch `evaluate` does not pay for the PDF and spreadsheet libraries.
COMMANDS = {
    "evaluate": "evaluate DOJ files under a county policy",
    "export": "write the court documents from an evaluate folder",
    "synth": "write an invented DOJ research file for tests and demos",
    "selftest": "run the bundled sample end to end",
}
log = logging.getLogger("countyclear.cli")


def build_parser(only: str | None = "") -> argparse.ArgumentParser:
    """Every command's parser (`only=None`), or one command's (`only`) and the others'
    names; the default, "", registers names only (enough for --version)."""
    parser = argparse.ArgumentParser(
        prog="countyclear",
        description="Clear Proposition 64 cannabis convictions. Without a command, opens the "
        "desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"CountyClear {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        if only is None or (only and name == only):
            import_module(f"app.commands.{name}").register(sub)
        else:
            sub.add_parser(name, help=summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    chosen = words[0] if words and words[0] in COMMANDS else None
    # Only --help lists every command's options; anything else imports at most one module.
    wants_help = not words or words[0] in ("-h", "--help")
    only = chosen if chosen else (None if wants_help else "")
    args = build_parser(only).parse_args(words)
    _show_warnings()
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
        sys.stderr.write("canceled\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except BaseException as exc:  # also a panic in polars' Rust code, not an Exception
        if isinstance(exc, SystemExit):
            raise
        path = log_exception(log, "internal error in %s", args.command)
        sys.stderr.write(
            f"internal error: CountyClear could not finish '{args.command}'. Details are in "
            f"{path}; please send that file with your report.\n"
        )
        return 1


class _Warnings(logging.Handler):
    """CountyClear's warnings on the command line, as its errors are: `warning: ...`. Written
    to the stderr of the moment, which tests replace."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(f"warning: {record.getMessage()}\n")


def _show_warnings() -> None:
    logger = logging.getLogger("countyclear")
    if not any(isinstance(handler, _Warnings) for handler in logger.handlers):
        logger.addHandler(_Warnings(logging.WARNING))


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """The process entry (`python -m app.cli`): offline for its whole life, it runs a command
    and ends with its exit code, skipping the interpreter's teardown (freeing a large
    evaluation object by object took a tenth of a second or more, and every file is already
    closed and flushed by then)."""
    network_guard.install()
    code = main(argv)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
