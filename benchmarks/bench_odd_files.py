"""`countyclear evaluate` on odd and damaged copies of the benchmark file.

    .venv/bin/python benchmarks/make_data.py                 # once: bench-data/doj_1m.dat
    .venv/bin/python benchmarks/bench_odd_files.py [FILE] [--runs 1] [--encrypted]

The reader has slower ways for files that are not plain records: quoted line breaks, line
ends that mix CRLF and LF, many records that fail its cheap screen, damage. Each should stay
fast and under 2 GiB, and a damaged file should reach its one message without running out
of memory on the way. This makes each kind of file from FILE once (beside it, in `odd/`,
in a child process: a child's peak as the kernel reports it includes its parent's), then
times `countyclear evaluate` on each, every run a fresh process. `--encrypted` adds an
OpenPGP copy of each, as DOJ delivers them.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_encrypted import PASSPHRASE  # noqa: E402

Edit = Callable[[int, bytes], bytes]  # data line number (0-based), line -> new line(s)


def _quoted_break(at: int) -> Edit:
    """One comment holding a line break: on the first data line from `at` on whose comment
    is empty."""
    done = False

    def edit(number: int, line: bytes) -> bytes:
        nonlocal done
        if number >= at and not done and line.endswith(b",,#\n"):
            done = True
            return line[:-4] + b',"SEE\nFILE",#\n'
        return line
    return edit


def _mixed_line_ends(number: int, line: bytes) -> bytes:
    """The second half of the file with CRLF line ends (two extracts joined)."""
    return line[:-1] + b"\r\n" if number >= 500_000 else line


def _many_suspects() -> Edit:
    """One quoted line break, and every other record of the first 200,000 with the comment
    "#", which the record screen cannot tell from a doubled field: about 100,000 suspects."""
    quoted_break = _quoted_break(500_000)

    def edit(number: int, line: bytes) -> bytes:
        if number < 200_000 and number % 2 == 0 and line.endswith(b",,#\n"):
            return line[:-4] + b",#,#\n"
        return quoted_break(number, line)
    return edit


def _lone_quote() -> Edit:
    """Damaged: a sound quoted line break, then a line cut short before its quoted comment
    whose second line is left with a lone quote."""
    quoted_break = _quoted_break(200_000)

    def edit(number: int, line: bytes) -> bytes:
        if number == 700_000:
            return line.rsplit(b",", 5)[0] + b'\nX",#\n'
        return quoted_break(number, line)
    return edit


def _stray_quote(number: int, line: bytes) -> bytes:
    """Damaged: a quote mark inside a field that never closes."""
    return line.replace(b",", b',"', 1) if number == 500_000 else line


KINDS: dict[str, Callable[[], Edit]] = {
    "quoted-break": lambda: _quoted_break(500_000),
    "mixed-line-ends": lambda: _mixed_line_ends,
    "many-suspects": _many_suspects,
    "lone-quote": _lone_quote,
    "stray-quote": lambda: _stray_quote,
}


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        yield from handle


def make(plain: Path, folder: Path, encrypted: bool) -> None:
    """Write each kind of file (and its OpenPGP copy) that is missing or older than `plain`."""
    folder.mkdir(exist_ok=True)
    for kind, make_edit in KINDS.items():
        path = folder / f"{kind}.dat"
        if not path.exists() or path.stat().st_mtime < plain.stat().st_mtime:
            started, edit = time.perf_counter(), make_edit()
            lines = _lines(plain)
            with path.open("wb") as out:
                header = next(lines)
                out.write(header if header.startswith(b"RECORD_ID") else edit(0, header))
                offset = 0 if header.startswith(b"RECORD_ID") else 1
                for number, line in enumerate(lines, start=offset):
                    out.write(edit(number, line))
            print(f"wrote {path} ({time.perf_counter() - started:.1f} s)")
        gpg = path.with_suffix(".dat.gpg")
        if encrypted and (not gpg.exists() or gpg.stat().st_mtime < path.stat().st_mtime):
            sys.path.insert(0, str(ROOT))
            from app.intake.encrypt import encrypt_openpgp_passphrase

            gpg.write_bytes(encrypt_openpgp_passphrase(path.read_bytes(), PASSPHRASE))
            print(f"wrote {gpg}")


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS in MiB, exit code and the `error:` line of one child."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    errors = [line for line in (proc.stderr.read().decode() if proc.stderr else "").splitlines()
              if line.startswith("error:")]
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), "".join(errors)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "bench-data" / "doj_1m.dat")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--county", default="LOS ANGELES")
    parser.add_argument("--encrypted", action="store_true")
    parser.add_argument("--make", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.file.parent / "odd"
    if args.make:
        make(args.file, folder, args.make[1] == "1")
        return
    subprocess.run([sys.executable, __file__, str(args.file), "--make", str(folder),
                    "1" if args.encrypted else "0"], check=True)
    out = Path(tempfile.mkdtemp(prefix="cc-odd-"))
    env = {**os.environ, "CC_BENCH_PASS": PASSPHRASE}
    print(f"{args.file} variants, {args.runs} run(s) each, {os.cpu_count()} CPUs; median time, "
          "highest peak")
    for kind in KINDS:
        inputs = [folder / f"{kind}.dat"]
        if args.encrypted:
            inputs.append(folder / f"{kind}.dat.gpg")
        for path in inputs:
            cmd = [sys.executable, "-m", "app.cli", "evaluate", str(path), "--county",
                   args.county, "--out", str(out), "--as-of", "2024-01-01",
                   "--passphrase-env", "CC_BENCH_PASS"]
            runs = [run(cmd, env) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            code, error = runs[-1][2], runs[-1][3]
            flag = "" if peak < 2048 else "  OVER 2 GiB"
            print(f"  {path.name:<26} {wall:6.2f} s  {peak:7,.0f} MiB  exit {code}{flag}")
            if error:
                print(f"      {error[:150]}")


if __name__ == "__main__":
    main()
