"""The line a key is written on in a settings file (a policy or the office details in TOML,
BEAR options in JSON), so that a message about its value names the line as well as the key."""

import re
import tomllib

_HEADER = re.compile(r"\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_ASSIGNMENT = re.compile(r"([A-Za-z0-9_\-.\"' ]+?)\s*=")


def toml_key_line(text: str, key: str) -> int | None:
    """The line of `key` (dotted, "felony.reduce"): its assignment, or its table's header."""
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = _HEADER.match(stripped)
        if header:
            table = _dotted(header.group(1))
            if table == key:
                return number
            continue
        assignment = _ASSIGNMENT.match(stripped)
        if assignment:
            name = _dotted(assignment.group(1))
            if (f"{table}.{name}" if table else name) == key:
                return number
    return None


def toml_error_line(error: tomllib.TOMLDecodeError) -> int | None:
    """The line of a TOML syntax error: Python 3.11 gives it in the text only, "... (at line
    3, column 7)"."""
    at = re.search(r"\(at line (\d+), column \d+\)$", str(error))
    return int(at.group(1)) if at else None


def json_key_line(text: str, key: str) -> int | None:
    """The line of `key` (dotted, "additionalRelief.subjectAgeThreshold"), each part looked
    for after the one before. Any case matches: BEAR read its keys whatever their case."""
    position, found = 0, None
    for part in key.split("."):
        found = re.compile(rf'"{re.escape(part)}"\s*:', re.IGNORECASE).search(text, position)
        if found is None:
            return None
        position = found.end()
    return None if found is None else text.count("\n", 0, found.start()) + 1


def _dotted(name: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in name.split("."))
