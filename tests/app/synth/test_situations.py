"""A moderate generated file contains the situations real DOJ files do (docs/DOJ_FILE.md)."""

import datetime as dt
import re
from collections import defaultdict

import pytest

from app.counties import COUNTIES
from app.synth.options import checked_options
from app.synth.writer import generate_bytes
from tests.app.synth.rows import records

PROP64 = re.compile(r"^1135[789]|^11360")
PROP64_SECTION = re.compile(r"^(11357|11358|11359|11360)(\(|\s|HS)")
SUPER_STRIKE = re.compile(r"^(187|261\(A\)\(2\)|288\(A\)|269|191\.5|245\(D\)\(3\)|653F) ")
SUBSECTION = re.compile(r"[\d.]+(\([A-Z0-9]\))*")
CUTOFF = dt.date(2016, 11, 9)


def calendar_date(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


def charge(record: dict[str, str]) -> str:
    text = record["OFFENSE_DESCR"]
    return record["COMMENT_TEXT"] if text == "SEE COMMENT FOR CHARGE" else text


@pytest.fixture(scope="module")
def raw() -> bytes:
    return generate_bytes(checked_options("Sacramento", people=4000, seed=11))[0]


@pytest.fixture(scope="module")
def rows(raw: bytes) -> list[dict[str, str]]:
    return list(records(raw))


@pytest.fixture(scope="module")
def convictions(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if r["DISP_DESCR"].strip().startswith("CONVICTED")]


def test_steps_of_every_kind(rows: list[dict[str, str]]) -> None:
    kinds = {r["STP_TYPE_DESCR"] for r in rows}
    assert kinds == {"ARREST/DETAINED/CITED", "COURT ACTION", "REGISTRATION", "DECEASED"}
    dispositions = {r["DISP_DESCR"].strip() for r in rows if r["STP_TYPE_DESCR"] == "COURT ACTION"}
    assert {"CONVICTED", "CONVICTED-JAIL", "CONVICTED-PROBATION", "CONVICTED-PRISON",
            "DISMISSED"} <= dispositions  # fmt: skip


def test_cnt_order_is_cycle_step_count(rows: list[dict[str, str]]) -> None:
    for r in rows:
        cnt = r["CNT_ORDER"]
        assert re.fullmatch(r"\d{12}", cnt), cnt
        assert cnt[:3] == r["CYC_ORDER"] and cnt[3:6] == r["STP_ORDER"]


def test_every_person_has_a_prop64_conviction(
    rows: list[dict[str, str]], convictions: list[dict[str, str]]
) -> None:
    people = {r["SUBJECT_ID"] for r in rows} - {""}
    with_prop64 = {c["SUBJECT_ID"] for c in convictions if PROP64_SECTION.match(charge(c))}
    assert len(people) >= 3990  # a blank SUBJECT_ID may hide a one-row person's id
    assert len(people - with_prop64) <= 10


def test_prop64_sections_levels_and_statuses(convictions: list[dict[str, str]]) -> None:
    prop64 = [c for c in convictions if PROP64_SECTION.match(charge(c))]
    sections = {m.group(0) for c in prop64 if (m := SUBSECTION.match(charge(c)))}
    assert {"11357", "11357(A)", "11357(B)", "11357(C)", "11358", "11358(C)", "11359",
            "11359(B)", "11360", "11360(A)", "11360(A)(2)", "11360(B)"} <= sections  # fmt: skip
    assert {c["OFFENSE_TOC"] for c in prop64} == {"F", "M", "I"}
    assert {c["CONV_STAT_DESCR"].strip() for c in prop64} == {"FELONY", "MISDEMEANOR", ""}
    # a wobbler charged as a felony, convicted as a misdemeanor
    assert any(c["OFFENSE_TOC"] == "F" and c["CONV_STAT_DESCR"].strip() == "MISDEMEANOR"
               for c in prop64)  # fmt: skip
    dates = [calendar_date(c["STP_EVENT_DATE"]) for c in prop64]
    known = [d for d in dates if d is not None]
    assert min(known).year <= 1978 and max(known).year >= 2019
    assert any(d > CUTOFF for d in known)


def test_padded_values_and_placeholders(rows: list[dict[str, str]]) -> None:
    statuses = {r["CONV_STAT_DESCR"] for r in rows}
    assert any(s.startswith("FELONY ") for s in statuses)
    assert any(s.startswith("MISDEMEANOR ") for s in statuses)
    assert any(r["DISP_DESCR"].startswith("CONVICTED") and r["DISP_DESCR"].endswith(" ")
               for r in rows)  # fmt: skip
    assert any(r["OFFENSE_QUAL_LST"] == " " * 30 for r in rows)
    court_ofns = {r["OFN"] for r in rows if r["STP_TYPE_DESCR"] == "COURT ACTION"}
    assert {"", "NULL  "} <= court_ofns


def test_unknown_dates(rows: list[dict[str, str]]) -> None:
    court_dates = {r["STP_EVENT_DATE"] for r in rows if r["STP_TYPE_DESCR"] == "COURT ACTION"}
    unknown = {d for d in court_dates if calendar_date(d) is None}
    assert "" in unknown
    assert any(d.endswith("0000") for d in unknown)
    assert any(d.endswith("0229") for d in unknown)
    assert any(calendar_date(r["PRI_DOB"]) is None for r in rows)


def test_blank_subject_ids(rows: list[dict[str, str]]) -> None:
    assert 0 < sum(r["SUBJECT_ID"] == "" for r in rows) < 100


def test_windows_1252_names(raw: bytes, rows: list[dict[str, str]]) -> None:
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    accented = {r["PRI_NAME"] for r in rows if not r["PRI_NAME"].isascii()}
    assert any(name.startswith(("PEÑA,", "MUÑOZ,", "NÚÑEZ,", "IBÁÑEZ,")) for name in accented)
    assert "PEÑA,".encode("cp1252") in raw or "MUÑOZ,".encode("cp1252") in raw
    assert all("," in r["PRI_NAME"] for r in rows)  # LAST,FIRST needs RFC 4180 quotes


def test_other_counties(convictions: list[dict[str, str]]) -> None:
    counties = {c["STP_ORI_CNTY_NAME"] for c in convictions}
    assert "SACRAMENTO" in counties
    assert len(counties - {"SACRAMENTO"}) > 10
    assert counties <= set(COUNTIES)


def test_comment_only_attempts_and_lookalikes(rows: list[dict[str, str]]) -> None:
    comment_only = [r for r in rows if r["OFFENSE_DESCR"] == "SEE COMMENT FOR CHARGE"]
    assert comment_only and all(PROP64.match(r["COMMENT_TEXT"]) for r in comment_only)
    offences = {r["OFFENSE_DESCR"] for r in rows}
    assert any(o.startswith("664-11359 HS-") for o in offences)
    assert any(o.startswith("66411357(A) HS-") for o in offences)
    assert any(o.startswith("11359(A)PC-") for o in offences)
    assert any(o.startswith("11357.5") for o in offences)
    assert any(o.startswith("11379.6") for o in offences)


def test_deceased_and_registrations(rows: list[dict[str, str]]) -> None:
    deceased = {r["SUBJECT_ID"] for r in rows if r["STP_TYPE_DESCR"] == "DECEASED"}
    assert len(deceased) > 20
    registrations = [r for r in rows if r["STP_TYPE_DESCR"] == "REGISTRATION"]
    assert any(r["OFFENSE_DESCR"].startswith("290") for r in registrations)
    # a registration that is not PC 290 (HS 11590 narcotics) must exist to be told apart
    assert any(not r["OFFENSE_DESCR"].startswith("290") for r in registrations)


def test_super_strikes_before_and_after_cannabis(convictions: list[dict[str, str]]) -> None:
    strikes: dict[str, list[dt.date]] = defaultdict(list)
    cannabis: dict[str, list[dt.date]] = defaultdict(list)
    for c in convictions:
        day = calendar_date(c["STP_EVENT_DATE"])
        if day is None:
            continue
        if SUPER_STRIKE.match(charge(c)):
            strikes[c["SUBJECT_ID"]].append(day)
        elif PROP64_SECTION.match(charge(c)):
            cannabis[c["SUBJECT_ID"]].append(day)
    both = set(strikes) & set(cannabis)
    assert any(min(strikes[p]) < min(cannabis[p]) for p in both), "no prior super strike"
    assert any(min(strikes[p]) > max(cannabis[p]) for p in both), "no later super strike"
    assert any(set(strikes[p]) & set(cannabis[p]) for p in both), "none in the same case"
    pc290 = [c for c in convictions if c["OFFENSE_DESCR"].startswith(("314(1)", "243.4", "647.6"))]
    assert pc290


def test_sentence_components_and_dozens_of_cycles(convictions: list[dict[str, str]]) -> None:
    per_count: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for c in convictions:
        per_count[(c["SUBJECT_ID"], c["CNT_ORDER"])].append(c)
    multi = [group for group in per_count.values() if len(group) > 1]
    assert multi
    places = [{r["SENT_LOC_DESCR"].strip() for r in group} for group in multi]
    assert {"JAIL", "PROBATION"} in places
    assert {c["SENT_TIME_CODE"] for c in convictions} == {"D", "M", "Y", ""}
    cycles: dict[str, set[str]] = defaultdict(set)
    for c in convictions:
        cycles[c["SUBJECT_ID"]].add(c["CYC_ORDER"])
    assert max(len(v) for v in cycles.values()) >= 20
