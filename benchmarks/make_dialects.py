"""Write the same DOJ file in the other dialects CSV writers produce, from any synth file.

    .venv/bin/python benchmarks/make_dialects.py [FILE] [--out DIR] [--only NAME ...]

`synth` writes one dialect: LF, a header, quotes only where RFC 4180 needs them. DOJ files
reach a county through other hands and other writers, and the reader must be as fast on
each. From FILE (default bench-data/doj_1m.dat) this writes into DIR (default: beside it):

- `quoted-all.dat`: every field quoted, empty ones too (`"",""`), as csv.QUOTE_ALL does;
- `quoted-go.dat`: fields quoted where Go's encoding/csv quotes them (a leading space, a
  comma, a quote, a line break: so every padded `"  -  "`), and END_OF_REC too;
- `crlf-bom.dat`: CRLF line ends and a UTF-8 byte order mark;
- `no-header.dat`: the records alone;
- `delivery/part1.dat` ... `part4.dat`: four copies as one delivery (4x the rows), each
  copy's people made its own by a suffix on SUBJECT_ID and the CII numbers.

Bytes that are not UTF-8 (Windows-1252 names) are kept: the file is handled as Latin-1,
which maps every byte to one character and back.
"""

import argparse
import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
DIALECTS = ("quoted-all", "quoted-go", "crlf-bom", "no-header", "delivery")
_PEOPLE_KEYS = ("SUBJECT_ID", "CII_NUMBER", "REQ_CII_NUMBER")


def _as_text(data: bytes) -> bytes:
    """`data` as UTF-8 polars can read: each byte one Latin-1 character."""
    return data.decode("latin-1").encode("utf-8")


def _as_bytes(text: bytes) -> bytes:
    return text.decode("utf-8").encode("latin-1")


def _frame(data: bytes, has_header: bool) -> pl.DataFrame:
    return pl.read_csv(_as_text(data), has_header=has_header, infer_schema=False,
                       empty_string_is_null=False)


def _quote(column: pl.Expr) -> pl.Expr:
    return pl.lit('"') + column.str.replace_all('"', '""', literal=True) + pl.lit('"')


def _go_field(name: str) -> pl.Expr:
    """encoding/csv's fieldNeedsQuotes, plus END_OF_REC (the issue's file quoted it too)."""
    column = pl.col(name)
    if name == "END_OF_REC":
        return _quote(column)
    needs = column.str.contains(r'^[ \t]|[",\r\n]') | (column == r"\.")
    return pl.when(needs).then(_quote(column)).otherwise(column)


def _quoted_go(frame: pl.DataFrame, header: str) -> bytes:
    lines = frame.select(pl.concat_str([_go_field(c) for c in frame.columns], separator=","))
    body = "\n".join(lines.to_series().to_list())
    return f"{header}\n{body}\n".encode()


def make(source: Path, out: Path, only: tuple[str, ...]) -> None:
    data = source.read_bytes()
    has_header = data.startswith(b"RECORD_ID")
    header_line, _, records = data.partition(b"\n") if has_header else (b"", b"", data)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if "crlf-bom" in only:
        target = out / "crlf-bom.dat"
        target.write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
        written.append(target)
    if "no-header" in only:
        target = out / "no-header.dat"
        target.write_bytes(records)
        written.append(target)
    if not {"quoted-all", "quoted-go", "delivery"} & set(only):
        return _report(written)
    if not has_header:
        sys.exit(f"{source}: the quoted dialects and the delivery need a file with a header")
    frame = _frame(data, has_header=True)
    header = header_line.decode("latin-1")
    if "quoted-all" in only:
        target = out / "quoted-all.dat"
        target.write_bytes(_as_bytes(frame.write_csv(quote_style="always").encode()))
        written.append(target)
    if "quoted-go" in only:
        target = out / "quoted-go.dat"
        target.write_bytes(_as_bytes(_quoted_go(frame, header)))
        written.append(target)
    if "delivery" in only:
        folder = out / "delivery"
        folder.mkdir(exist_ok=True)
        for copy in range(4):
            part = frame if not copy else frame.with_columns(
                pl.col(key) + str(copy) for key in _PEOPLE_KEYS
            )
            target = folder / f"part{copy + 1}.dat"
            target.write_bytes(_as_bytes(part.write_csv(quote_style="necessary").encode()))
            written.append(target)
    _report(written)


def _report(written: list[Path]) -> None:
    for path in written:
        print(f"wrote {path}: {path.stat().st_size / 2**20:,.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "bench-data" / "doj_1m.dat")
    parser.add_argument("--out", type=Path, help="folder for the dialects (default: beside FILE)")
    parser.add_argument("--only", nargs="+", choices=DIALECTS, default=DIALECTS)
    args = parser.parse_args()
    make(args.file, args.out or args.file.parent, tuple(args.only))


if __name__ == "__main__":
    main()
