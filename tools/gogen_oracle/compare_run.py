"""Run the gogen oracle and CountyClear's BEAR preset on one DOJ file and compare them,
conviction by conviction (see README.md in this folder).

    .venv/bin/python tools/gogen_oracle/compare_run.py DOJ.csv --county SACRAMENTO \\
        --as-of 2019-11-11 --options tools/gogen_oracle/options/conf.json --out RUN_DIR \\
        [--oracle PATH] [--adjusted-oracle PATH]

The oracle comes from --oracle or $GOGEN_ORACLE, the optional adjusted build from
--adjusted-oracle or $GOGEN_ORACLE_ADJUSTED; CountyClear runs as `python -m app.cli` of this
checkout, or as the command in $COUNTYCLEAR (e.g. `countyclear`). Writes RUN_DIR/diffs.csv
(every conviction answered differently, with its class) and RUN_DIR/compare.json, prints the
verdict, and exits 0 when every difference is a deliberate divergence, 1 when not, 2 when an
engine refused the input.
"""

import argparse
import csv
import json
import os
import shlex
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's app

from people_figures import GOGEN_DETERMINATION, recount

from app.doj.schema import COLUMNS, INDEX

ROOT = Path(__file__).resolve().parents[2]

BRIEF = ("union", "agree", "diffs", "by_class", "people_equal", "recount_ok", "ok")
Answer = tuple[str, str]  # (determination, BEAR reason text)
Row = list[str]


class RunFailed(Exception):
    """The oracle or CountyClear refused the input (gogen refuses some option files)."""


def read_doj(path: Path) -> tuple[list[Row], bool]:
    """The data rows of a DOJ file as gogen reads them (raw, latin-1) and whether it has a
    header row."""
    with path.open(newline="", encoding="latin-1") as f:
        header = f.read(9) == "RECORD_ID"
        f.seek(0)
        rows = [row for row in csv.reader(f) if row]
    return (rows[1:] if header else rows), header


def valid_date(text: str) -> bool:
    """A date gogen's time.Parse("20060102") accepts: exactly eight digits, a real day."""
    if len(text) != 8 or not text.isdigit():
        return False
    try:
        date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return False
    return True


def write_doj(path: Path, rows: list[Row], header: bool) -> None:
    with path.open("w", newline="", encoding="latin-1") as f:
        writer = csv.writer(f, lineterminator="\n")
        if header:
            writer.writerow(COLUMNS)
        writer.writerows(rows)


def trimmed_copy(src: Path, dst: Path) -> None:
    """Every field trimmed: gogen compares raw values, CountyClear trimmed ones."""
    rows, header = read_doj(src)
    write_doj(dst, [[value.strip() for value in row] for row in rows], header)


def cleaned_copy(src: Path, dst: Path) -> None:
    """A copy without the situations where CountyClear differs from gogen on purpose, so any
    remaining difference is a candidate bug: fields trimmed, rows with a blank SUBJECT_ID or
    an 11357.5 charge dropped, invalid PRI_DOB / STP_EVENT_DATE replaced by valid dates."""
    rows, header = read_doj(src)
    kept = []
    for raw in rows:
        row = [value.strip() for value in raw]
        if not row[INDEX["SUBJECT_ID"]] or "11357.5" in (
                row[INDEX["OFFENSE_DESCR"]] + row[INDEX["COMMENT_TEXT"]]):
            continue
        for column, stand_in in (("PRI_DOB", "19700615"), ("STP_EVENT_DATE", "20050301")):
            if not valid_date(row[INDEX[column]]):
                row[INDEX[column]] = stand_in
        kept.append(row)
    write_doj(dst, kept, header)


def run_oracle(binary: str, doj: Path, county: str, as_of: str, options: Path,
               out: Path) -> None:
    done = subprocess.run([binary, "--input-doj", str(doj), "--county", county,
                           "--compute-at", as_of, "--eligibility-options", str(options),
                           "--outputs", str(out)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RunFailed(f"gogen oracle failed on {doj}: {done.stderr.strip()}")


def countyclear_command() -> list[str]:
    custom = os.environ.get("COUNTYCLEAR")
    return shlex.split(custom) if custom else [sys.executable, "-m", "app.cli"]


def run_countyclear(doj: Path, county: str, as_of: str, options: Path, out: Path) -> None:
    done = subprocess.run([*countyclear_command(), "evaluate", str(doj), "--county", county,
                           "--out", str(out), "--as-of", as_of, "--bear-options", str(options)],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise RunFailed(f"CountyClear failed on {doj}: {done.stderr.strip()}")


def read_oracle(folder: Path) -> tuple[dict[tuple[str, str], dict[str, str]], dict[str, int]]:
    with (folder / "oracle.csv").open(newline="", encoding="latin-1") as f:  # gogen: raw bytes
        answers = {(r["subject_id"].strip(), r["cnt_order"].strip()): r for r in csv.DictReader(f)}
    return answers, json.loads((folder / "summary.json").read_text())["people"]


def read_countyclear(folder: Path) -> tuple[dict[tuple[str, str], dict[str, str]], dict[str, Any]]:
    with (folder / "determinations.csv").open(newline="", encoding="utf-8") as f:
        answers = {(r["subject_id"], r["cnt_order"]): r for r in csv.DictReader(f)}
    return answers, json.loads((folder / "summary.json").read_text())


def gogen_answer(row: dict[str, str] | None) -> Answer:
    return (GOGEN_DETERMINATION[row["determination"]], row["reason"]) if row else ("absent", "")


def countyclear_answer(row: dict[str, str] | None) -> Answer:
    return (row["determination"], row["bear_reason"]) if row else ("absent", "")


class History:
    """The facts of the input the classes need, per trimmed SUBJECT_ID."""

    def __init__(self, rows: list[Row]) -> None:
        self.dob: dict[str, str] = {}
        self.convictions: dict[str, list[Row]] = defaultdict(list)
        self.first_row: dict[tuple[str, str], Row] = {}
        for row in rows:
            subject = row[INDEX["SUBJECT_ID"]].strip()
            self.dob.setdefault(subject, row[INDEX["PRI_DOB"]].strip())
            if row[INDEX["DISP_DESCR"]].strip().startswith("CONVICTED"):
                self.convictions[subject].append(row)
                self.first_row.setdefault((subject, row[INDEX["CNT_ORDER"]].strip()), row)


def classify(key: tuple[str, str], gogen: dict[str, str] | None,
             trimmed: dict[str, str] | None, adjusted: dict[str, str] | None,
             cc: dict[str, str] | None, history: History) -> tuple[str, str]:
    """(class, why) of one difference: "b" a deliberate divergence (README.md, Policies),
    "b?" probably one (check by hand), "a?" unexplained, a candidate bug."""
    subject = key[0]
    answer = countyclear_answer(cc)
    if subject == "" or (cc and cc["subject_id"].startswith("(blank SUBJECT_ID)")):
        return "b", "blank_subject_id"
    if (cc and answer[0] == "review" and cc["rule_id"] == "RELATED_OFFENCE"
            and (gogen is None or gogen["code_section"].startswith("664"))):
        return "b", "attempt_or_related_listed_as_review"
    if "11357.5" in (gogen or cc or {}).get("code_section", ""):
        return "b", "11357.5_not_prop64"
    if (cc and gogen_answer(adjusted)[0] == "none" and answer == ("review", "")
            and cc["rule_id"] == "NO_RULE_APPLIES"):
        return "b", "no_rule_review"
    row = history.first_row.get(key)
    if (cc and cc["rule_id"] == "UNKNOWN_CONVICTION_DATE" and row
            and not valid_date(row[INDEX["STP_EVENT_DATE"]].strip())):
        return "b", "undated_conviction_review"
    if gogen_answer(trimmed) == answer:  # gogen on the trimmed file answers as CountyClear
        return "b", "padding_trimmed"
    convictions = history.convictions.get(subject, [])
    if gogen_answer(adjusted) == answer:
        if not valid_date(history.dob.get(subject, "")):
            return "b", "unknown_dob_age_rule"
        if any("11357.5" in r[INDEX["OFFENSE_DESCR"]] + r[INDEX["COMMENT_TEXT"]]
               for r in convictions):
            return "b", "11357.5_in_history"
        return "b?", "adjusted_oracle_agrees_other"
    reasons = (gogen_answer(gogen)[1], gogen_answer(trimmed)[1], answer[1])
    if (any(not valid_date(r[INDEX["STP_EVENT_DATE"]].strip()) for r in convictions)
            and any(reason.startswith("No convictions in the past") for reason in reasons)):
        return "b?", "undated_conviction_in_history"
    return "a?", "unexplained"


def compare(run: Path, doj: Path, county: str) -> dict[str, Any]:
    """Write run/diffs.csv and run/compare.json from the oracle and CountyClear outputs."""
    rows, header = read_doj(doj)
    gogen, gogen_people = read_oracle(run / "gogen")
    trimmed, _ = read_oracle(run / "gogen_trim")
    # Without the adjusted build, the trimmed run stands in (its classes then show as a?).
    adjusted, _ = read_oracle(run / ("gogen_adj" if (run / "gogen_adj").is_dir() else "gogen_trim"))
    cc, cc_summary = read_countyclear(run / "cc")
    history = History(rows)
    diffs = []
    keys = sorted(set(gogen) | set(cc))
    for key in keys:
        g, c = gogen.get(key), cc.get(key)
        if gogen_answer(g) == countyclear_answer(c):
            continue
        cls, why = classify(key, g, trimmed.get(key), adjusted.get(key), c, history)
        diffs.append({"subject_id": key[0], "cnt_order": key[1],
                      "code_section": (g or c or {}).get("code_section", ""),
                      "gogen": "|".join(gogen_answer(g)),
                      "gogen_adj": "|".join(gogen_answer(adjusted.get(key))),
                      "countyclear": "|".join(countyclear_answer(c)),
                      "cc_rule": (c or {}).get("rule_id", ""),
                      "cc_flags": (c or {}).get("flags", ""),
                      "class": cls, "why": why})
    with (run / "diffs.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(diffs[0]) if diffs else ["none"])
        writer.writeheader()
        writer.writerows(diffs)
    people = {name: {"gogen": value, "cc": cc_summary[name]}
              for name, value in gogen_people.items()}
    people_equal = all(v["gogen"] == v["cc"] for v in people.values())
    counts = recount(run, rows, header, county)
    by_class = Counter(f"{d['class']}:{d['why']}" for d in diffs)
    unexplained = sum(n for k, n in by_class.items() if not k.startswith("b:"))
    recount_ok = counts["gogen_recount_ok"] and counts["cc_recount_ok"]
    result = {"convictions_gogen": len(gogen), "convictions_cc": len(cc), "union": len(keys),
              "agree": len(keys) - len(diffs), "diffs": len(diffs), "by_class": dict(by_class),
              "people": people, "people_equal": people_equal, "recount_ok": recount_ok,
              "recount": counts,
              # People figures may differ only where both recounts explain the difference.
              "ok": unexplained == 0 and (people_equal or recount_ok)}
    (run / "compare.json").write_text(json.dumps(result, indent=1))
    return result


def run_one(doj: Path, county: str, as_of: str, options: Path, run: Path, oracle: str,
            adjusted: str | None, keep: bool = False) -> dict[str, Any]:
    """Both engines on one file (the oracle also on a trimmed copy), then compare."""
    doj, options, run = doj.resolve(), options.resolve(), run.resolve()
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    trimmed = run / "trimmed.csv"
    trimmed_copy(doj, trimmed)
    run_oracle(oracle, doj, county, as_of, options, run / "gogen")
    run_oracle(oracle, trimmed, county, as_of, options, run / "gogen_trim")
    if adjusted:
        run_oracle(adjusted, trimmed, county, as_of, options, run / "gogen_adj")
    run_countyclear(doj, county, as_of, options, run / "cc")
    result = compare(run, doj, county)
    if not keep:  # gogen's own result files repeat the input; only oracle.csv is compared
        trimmed.unlink()
        for bulky in run.glob("gogen*/*_Results*.csv"):
            bulky.unlink()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("doj", type=Path, help="one DOJ file (plain CSV, 95 columns)")
    parser.add_argument("--county", required=True, help="as gogen compares it, e.g. SACRAMENTO")
    parser.add_argument("--as-of", required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--options", required=True, type=Path, help="BEAR options JSON")
    parser.add_argument("--out", required=True, type=Path, help="run folder (replaced)")
    parser.add_argument("--oracle", default=os.environ.get("GOGEN_ORACLE"))
    parser.add_argument("--adjusted-oracle", default=os.environ.get("GOGEN_ORACLE_ADJUSTED"))
    parser.add_argument("--keep", action="store_true", help="keep gogen's All_Results files")
    args = parser.parse_args()
    if not args.oracle:
        parser.error("give --oracle or set GOGEN_ORACLE (see README.md)")
    try:
        result = run_one(args.doj, args.county, args.as_of, args.options, args.out, args.oracle,
                         args.adjusted_oracle, args.keep)
    except RunFailed as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    brief = {key: result[key] for key in BRIEF}
    sys.stdout.write(json.dumps(brief) + ("\nok\n" if result["ok"] else "\nNOT EXPLAINED\n"))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
