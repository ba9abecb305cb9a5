"""Time `countyclear evaluate` on the benchmark file as DOJ delivers it: encrypted.

    .venv/bin/python benchmarks/make_data.py            # once: bench-data/doj_1m.dat
    .venv/bin/python benchmarks/bench_encrypted.py [FILE] [--runs 3] [--county "LOS ANGELES"]

Writes OpenPGP (passphrase; binary and ASCII-armored) and AES-256 zip copies of FILE beside
it once (reused after), then times evaluate on the plain file and on each copy, each run a
fresh process. Prints the median time and CPU and the highest peak memory (max RSS) of each:
the copies add opening and decryption, all in memory, to the plain run.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_evaluate import ROOT, timed

PASSPHRASE = "benchmark passphrase"  # protects a copy of synthetic data only


def encrypted_copies(plain: Path) -> dict[str, Path]:
    """The OpenPGP and AES zip copies of `plain`, made when missing or older than it. They
    are made in a child process: a child's peak memory as the kernel reports it includes
    the parent's, so the timed runs' parent must stay small."""
    copies = {"OpenPGP": plain.with_suffix(".dat.gpg"), "OpenPGP armor": plain.with_suffix(".asc"),
              "AES-256 zip": plain.with_suffix(".zip")}
    stale = [str(path) for path in copies.values()
             if not path.exists() or path.stat().st_mtime < plain.stat().st_mtime]
    if stale:
        subprocess.run([sys.executable, __file__, "--make", str(plain), *stale], check=True)
    return copies


def make(plain: Path, copies: list[Path]) -> None:
    sys.path.insert(0, str(ROOT))
    from app.intake.encrypt import encrypt_openpgp_passphrase, make_aes_zip

    data = plain.read_bytes()
    for path in copies:
        started = time.perf_counter()
        made = (make_aes_zip({plain.name: data}, PASSPHRASE) if path.suffix == ".zip"
                else encrypt_openpgp_passphrase(data, PASSPHRASE, armor=path.suffix == ".asc"))
        path.write_bytes(made)
        print(f"wrote {path} ({time.perf_counter() - started:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "bench-data" / "doj_1m.dat")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--county", default="LOS ANGELES")
    parser.add_argument("--make", nargs="+", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make(args.make[0], args.make[1:])
        return
    inputs = {"plain": args.file, **encrypted_copies(args.file)}
    out = Path(tempfile.mkdtemp(prefix="cc-bench-"))
    env = {**os.environ, "CC_BENCH_PASS": PASSPHRASE}
    print(f"{args.file}, {args.runs} runs each (interleaved), {os.cpu_count()} CPUs")
    results: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in inputs}
    for _ in range(args.runs):
        for name, path in inputs.items():
            cmd = [sys.executable, "-m", "app.cli", "evaluate", str(path), "--county",
                   args.county, "--out", str(out), "--as-of", "2024-01-01",
                   "--passphrase-env", "CC_BENCH_PASS"]
            results[name].append(timed(cmd, env))
    for name, runs in results.items():
        peak = max(r[1] for r in runs)
        print(f"  {name:<14} median {statistics.median(r[0] for r in runs):5.2f} s  CPU "
              f"{statistics.median(r[2] for r in runs):5.2f} s (user "
              f"{statistics.median(r[3] for r in runs):4.2f} s)  peak RSS {peak:6,.0f} MiB "
              f"({'under' if peak < 2048 else 'OVER'} 2 GiB)  "
              f"({' '.join(f'{r[0]:.2f}' for r in runs)})")


if __name__ == "__main__":
    main()
