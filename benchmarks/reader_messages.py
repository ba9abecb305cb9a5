"""What the reader makes of thousands of randomly damaged DOJ files, to compare two versions.

    .venv/bin/python benchmarks/reader_messages.py record OUT.json [--files 5000] [--seed 1]
    .venv/bin/python benchmarks/reader_messages.py compare OLD.json NEW.json

`record` writes, for each file, what `read_sources` gave: a digest of the frame, or the
InputError's file, line and message (or any other exception, which must never happen).
The files are small DOJ files in several dialects (LF or CRLF, UTF-8 or Windows-1252,
quoted where needed or everywhere, quoted line breaks, comments of "#") with one to six
random edits: a token (a comma, a quote, a line end, a BOM, a NUL ...) written over a
random stretch. Same seed, same files. `compare` lists the files whose outcome changed.
A change to the reader must leave every outcome as it was.
"""

import argparse
import csv
import hashlib
import io
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.doj.reader import read_sources  # noqa: E402
from app.doj.schema import COLUMNS  # noqa: E402
from app.doj.source import DojSource  # noqa: E402
from app.errors import InputError  # noqa: E402
from tests.doj_builder import Person  # noqa: E402

TOKENS = [b",", b"\n", b"\r\n", b'"', b"\xe9", b"\x00", b"\r", b"\xef\xbb\xbf", b'""', b"#",
          b"99999999", b"CONVICTED", b"", b"\xc3", b',"', b'",', b"\n\n"]


def _people(rng: random.Random) -> list[Person]:
    people = []
    for number in range(rng.randint(1, 12)):
        person = Person(str(100 + number), name=rng.choice(["DOE,JANE", "PEÑA,JOSÉ", "ROE"]))
        for count in range(rng.randint(1, 4)):
            comment = rng.choice(["", "", "", "#", "SEE\nFILE", 'A "Q"\n\nB', "CAFÉ", "X #\nY"])
            person.conviction(rng.choice(["11357 HS-POSSESS", "11359 HS-SALE"]),
                              f"201{count}0101", COMMENT_TEXT=comment)
        people.append(person)
    return people


def _write(people: list[Person], rng: random.Random) -> bytes:
    out = io.StringIO()
    quoting = csv.QUOTE_ALL if rng.random() < 0.25 else csv.QUOTE_MINIMAL
    writer = csv.writer(out, lineterminator=rng.choice(["\n", "\r\n"]), quoting=quoting)
    if rng.random() < 0.8:
        writer.writerow(COLUMNS)
    writer.writerows([row[c] for c in COLUMNS] for person in people for row in person.rows)
    data = out.getvalue().encode(rng.choice(["utf-8", "cp1252"]))
    return (b"\xef\xbb\xbf" if rng.random() < 0.2 else b"") + data


def damaged_files(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    files = []
    for _ in range(count):
        data = bytearray(_write(_people(rng), rng))
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data) + 1)
            data[at:at + rng.choice([0, 0, 1, 2, 5, 40])] = rng.choice(TOKENS)
        files.append(bytes(data))
    return files


def outcome(data: bytes) -> list[object]:
    try:
        frame = read_sources([DojSource("doj.dat", data)])
    except InputError as error:
        return ["error", error.where, error.line, error.message]
    except Exception as error:
        return ["crash", type(error).__name__, str(error)[:300]]
    return ["frame", frame.height, hashlib.sha1(frame.write_csv().encode()).hexdigest()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    record = commands.add_parser("record")
    record.add_argument("out", type=Path)
    record.add_argument("--files", type=int, default=5000)
    record.add_argument("--seed", type=int, default=1)
    compare = commands.add_parser("compare")
    compare.add_argument("old", type=Path)
    compare.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        outcomes = [outcome(data) for data in damaged_files(args.files, args.seed)]
        args.out.write_text(json.dumps(outcomes, ensure_ascii=False))
        kinds = [o[0] for o in outcomes]
        print({kind: kinds.count(kind) for kind in sorted(set(kinds))})
        return
    old, new = (json.loads(path.read_text()) for path in (args.old, args.new))
    changed = [n for n, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    for number in changed[:20]:
        print(f"file {number}:\n  before {old[number]}\n  after  {new[number]}")
    print(f"{len(changed)} of {len(old)} outcomes changed")


if __name__ == "__main__":
    main()
