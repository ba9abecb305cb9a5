"""Recount gogen's four people figures in Python, once with each engine's reading of the rows.

1. gogen's reading (raw values, all blank SUBJECT_IDs one person) with the oracle's answers
   must give the oracle's figures: this checks the recount itself;
2. CountyClear's reading (trimmed values, each blank-id row apart and never a person,
   attempts not counted as evaluated) with CountyClear's answers must give CountyClear's.
When both hold, people figures that differ between the engines differ only because the
inputs to the count differ (the deliberate divergences), not because of how people are counted.
"""

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.doj.schema import INDEX

PROP64 = re.compile(r"(11357|11358|11359|11360)")  # gogen's matcher: anywhere in the section
GOGEN_DETERMINATION = {"Eligible for Dismissal": "dismiss", "Eligible for Reduction": "reduce",
                       "": "none"}
FIGURES = ("people_evaluated", "people_with_relief", "people_no_felony", "people_no_conviction")
Conviction = dict[str, Any]


def code_section(row: list[str]) -> str:
    offense = row[INDEX["OFFENSE_DESCR"]]
    if offense.strip() in ("", "SEE COMMENT FOR CHARGE"):
        offense = row[INDEX["COMMENT_TEXT"]]
    return offense.split("-")[0]


def convictions_by_subject(rows: list[list[str]], countyclear: bool) -> dict[str, list[Conviction]]:
    """Each subject's convictions (first row of each count), as one engine reads the rows."""
    subjects: dict[str, list[Conviction]] = {}
    seen: dict[str, set[str]] = {}
    for i, raw in enumerate(rows):
        row = [value.strip() for value in raw] if countyclear else raw
        subject = row[INDEX["SUBJECT_ID"]]
        if countyclear and not subject.strip():
            subject = f"(blank) {i}"
        subjects.setdefault(subject, [])
        if subject == "" or subject not in seen:  # gogen re-initialises a blank id every row
            seen[subject] = set()
        count = row[INDEX["CNT_ORDER"]]
        if row[INDEX["DISP_DESCR"]].startswith("CONVICTED") and count not in seen[subject]:
            seen[subject].add(count)
            level = row[INDEX["CONV_STAT_DESCR"]]
            felony = level == "FELONY" or (level == "" and row[INDEX["OFFENSE_TOC"]] == "F")
            subjects[subject].append({"i": i, "count": count, "felony": felony,
                                      "county": row[INDEX["STP_ORI_CNTY_NAME"]],
                                      "section": code_section(row)})
    return subjects


def figures(subjects: dict[str, list[Conviction]], outcome: Callable[[str, Conviction], str],
            evaluated: Callable[[str, list[Conviction]], bool]) -> dict[str, int]:
    counts = dict.fromkeys(FIGURES, 0)
    for subject, convictions in subjects.items():
        outcomes = [outcome(subject, c) for c in convictions]
        felonies = [o for c, o in zip(convictions, outcomes, strict=True) if c["felony"]]
        counts["people_evaluated"] += evaluated(subject, convictions)
        counts["people_with_relief"] += (not subject.startswith("(blank)")
                                         and any(o in ("dismiss", "reduce") for o in outcomes))
        counts["people_no_felony"] += bool(felonies) and all(
            o in ("dismiss", "reduce") for o in felonies)
        counts["people_no_conviction"] += bool(outcomes) and all(o == "dismiss" for o in outcomes)
    return counts


def recount(run: Path, rows: list[list[str]], header: bool, county: str) -> dict[str, Any]:
    with (run / "gogen" / "oracle.csv").open(newline="", encoding="latin-1") as f:
        oracle = {int(r["row_index"]): GOGEN_DETERMINATION[r["determination"]]
                  for r in csv.DictReader(f)}
    gogen = figures(convictions_by_subject(rows, countyclear=False),
                    lambda subject, c: oracle.get(c["i"], "none"),
                    lambda subject, cs: any(c["county"] == county and PROP64.search(c["section"])
                                            for c in cs))
    gogen_summary = json.loads((run / "gogen" / "summary.json").read_text())["people"]

    answers = {}
    with (run / "cc" / "determinations.csv").open(newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            subject = r["subject_id"]
            if subject.startswith("(blank SUBJECT_ID)"):  # "... <line number>"
                subject = f"(blank) {int(subject.rsplit(' ', 1)[1]) - (2 if header else 1)}"
            related = (r["rule_id"] == "RELATED_OFFENCE"
                       or "related_offence" in r["flags"].split("; "))
            answers[(subject, r["cnt_order"])] = (r["determination"], related)
    listed = {subject for subject, _ in answers}
    subjects = {s: cs for s, cs in convictions_by_subject(rows, countyclear=True).items()
                if s in listed}
    cc = figures(subjects, lambda subject, c: answers.get((subject, c["count"]), ("none",))[0],
                 lambda subject, cs: not subject.startswith("(blank)") and any(
                     not answers.get((subject, c["count"]), ("", True))[1] for c in cs))
    cc_summary = json.loads((run / "cc" / "summary.json").read_text())
    cc_summary = {name: cc_summary[name] for name in FIGURES}
    return {"gogen_recount_ok": gogen == gogen_summary, "cc_recount_ok": cc == cc_summary,
            "gogen": [gogen, gogen_summary], "cc": [cc, cc_summary]}
