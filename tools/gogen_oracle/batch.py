"""Compare the gogen oracle with CountyClear on every DOJ file under every option set, and
add the results up (see README.md in this folder).

    .venv/bin/python tools/gogen_oracle/batch.py OUT \\
        --synth SACRAMENTO 50000 1 2019-11-11 --file my.csv "SAN JOAQUIN" 2023-06-30 \\
        [--options-dir tools/gogen_oracle/options] [--clean] [--jobs 2] \\
        [--oracle PATH] [--adjusted-oracle PATH]

--synth COUNTY ROWS SEED AS_OF first writes OUT/syn/<county>_s<seed>.csv with
`countyclear synth` (kept and reused); --file DOJ COUNTY AS_OF takes an existing file. With
--clean every file also runs as a cleaned copy (compare_run.cleaned_copy), where any
difference at all is a candidate bug. Each run goes to OUT/runs/<file>.<raw|clean>.<options>;
the totals go to OUT/summary.json. Exits 0 when every run's differences are explained.
"""

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from compare_run import ROOT, RunFailed, cleaned_copy, countyclear_command, run_one

Job = tuple[str, Path, str, str, Path]  # run name, DOJ file, county, as-of, options file


def synthesize(out: Path, county: str, rows: str, seed: str) -> Path:
    path = out / "syn" / f"{county.lower().replace(' ', '_')}_s{seed}.csv"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([*countyclear_command(), "synth", "--county", county, "--rows", rows,
                        "--seed", seed, "--out", str(path)], check=True, cwd=ROOT)
    return path


def jobs(args: argparse.Namespace) -> list[Job]:
    files = [(synthesize(args.out, county, rows, seed), county, as_of)
             for county, rows, seed, as_of in args.synth]
    files += [(Path(doj), county, as_of) for doj, county, as_of in args.file]
    planned = []
    for doj, county, as_of in files:
        variants = [("raw", doj)]
        if args.clean:
            cleaned = args.out / "clean" / doj.name
            cleaned.parent.mkdir(parents=True, exist_ok=True)
            cleaned_copy(doj, cleaned)
            variants.append(("clean", cleaned))
        for kind, path in variants:
            for options in sorted(args.options_dir.glob("*.json")):
                planned.append((f"{doj.stem}.{kind}.{options.stem}", path, county, as_of, options))
    return planned


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder")
    parser.add_argument("--synth", nargs=4, action="append", default=[],
                        metavar=("COUNTY", "ROWS", "SEED", "AS_OF"))
    parser.add_argument("--file", nargs=3, action="append", default=[],
                        metavar=("DOJ", "COUNTY", "AS_OF"))
    parser.add_argument("--options-dir", type=Path, default=Path(__file__).parent / "options")
    parser.add_argument("--clean", action="store_true", help="also run cleaned copies")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--oracle", default=os.environ.get("GOGEN_ORACLE"))
    parser.add_argument("--adjusted-oracle", default=os.environ.get("GOGEN_ORACLE_ADJUSTED"))
    args = parser.parse_args()
    if not args.oracle:
        parser.error("give --oracle or set GOGEN_ORACLE (see README.md)")
    if not (args.synth or args.file):
        parser.error("give at least one --synth or --file")
    args.out = args.out.resolve()

    def one(job: Job) -> tuple[str, dict[str, Any]]:
        name, doj, county, as_of, options = job
        try:
            return name, run_one(doj, county, as_of, options, args.out / "runs" / name,
                                 args.oracle, args.adjusted_oracle)
        except RunFailed as exc:
            return name, {"error": str(exc), "ok": False}

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = dict(pool.map(one, jobs(args)))
    done = {name: r for name, r in results.items() if "error" not in r}
    total = {"runs": len(results), "convictions_union": sum(r["union"] for r in done.values()),
             "differences": sum(r["diffs"] for r in done.values()),
             "by_class": dict(sum((Counter(r["by_class"]) for r in done.values()), Counter())),
             "people_differ": sorted(name for name, r in done.items() if not r["people_equal"]),
             "not_ok": sorted(n for n, r in results.items() if not r["ok"])}
    per_run = {name: {key: r.get(key) for key in ("union", "diffs", "by_class", "people_equal",
                                                  "recount_ok", "ok", "error")}
               for name, r in sorted(results.items())}
    (args.out / "summary.json").write_text(json.dumps({**total, "per_run": per_run}, indent=1))
    sys.stdout.write(json.dumps(total, indent=1) + "\n")
    return 0 if not total["not_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
