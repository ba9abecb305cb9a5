"""Turn a minimal input into a regression case for tests/app/eligibility/test_gogen_oracle_cases.py.

    .venv/bin/python tools/gogen_oracle/make_case.py CASE.json [--oracle PATH]

CASE.json: {"name": "...", "as_of": "YYYY-MM-DD", "options": {BEAR options},
"rows": [{"SUBJECT_ID": "1", "PRI_DOB": "19680229"}, ...]}; each row overrides the test's BASE
row (a SACRAMENTO felony 11359 conviction). The rows go through the gogen oracle (county
SACRAMENTO, as the test runs them) and a `Case(...)` with gogen's answers is printed, ready to
paste into CASES. As the test's docstring says, only the convictions gogen gives relief are
expected; the rest must come out of CountyClear as review.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's app and tests

from people_figures import FIGURES, GOGEN_DETERMINATION

from app.doj.schema import COLUMNS
from tests.app.eligibility.test_gogen_oracle_cases import BASE


def gogen_answers(case: dict, oracle: str, folder: Path) -> tuple[dict, tuple[int, ...]]:
    doj, options = folder / "case.csv", folder / "options.json"
    with doj.open("w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in case["rows"]:
            writer.writerow([{**BASE, **row}.get(column, "") for column in COLUMNS])
    options.write_text(json.dumps(case["options"]))
    subprocess.run([oracle, "--input-doj", str(doj), "--county", "SACRAMENTO",
                    "--compute-at", case["as_of"], "--eligibility-options", str(options),
                    "--outputs", str(folder / "gogen")], check=True, capture_output=True)
    with (folder / "gogen" / "oracle.csv").open(newline="") as f:
        answers = {f"{r['subject_id'].strip()}/{r['cnt_order'].strip()}":
                   (GOGEN_DETERMINATION[r["determination"]], r["reason"])
                   for r in csv.DictReader(f) if r["determination"]}
    people = json.loads((folder / "gogen" / "summary.json").read_text())["people"]
    return answers, tuple(people[name] for name in FIGURES)


def case_literal(case: dict, answers: dict, people: tuple[int, ...]) -> str:
    rows = "".join(f"            {json.dumps(row)},\n" for row in case["rows"])
    expected = "".join(f"            {json.dumps(key)}: ({json.dumps(det)}, {json.dumps(why)}),\n"
                       for key, (det, why) in sorted(answers.items()))
    return (f"    Case(\n        {json.dumps(case['name'])}, {json.dumps(case['as_of'])}, "
            f"{case['options']!r},\n        [\n{rows}        ],\n        {{\n{expected}"
            f"        }},\n        {people},\n    ),\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("case", type=Path, help="the case as JSON")
    parser.add_argument("--oracle", default=os.environ.get("GOGEN_ORACLE"))
    args = parser.parse_args()
    if not args.oracle:
        parser.error("give --oracle or set GOGEN_ORACLE (see README.md)")
    case = json.loads(args.case.read_text())
    with tempfile.TemporaryDirectory() as folder:
        answers, people = gogen_answers(case, args.oracle, Path(folder))
    sys.stdout.write(case_literal(case, answers, people))
    return 0


if __name__ == "__main__":
    sys.exit(main())
