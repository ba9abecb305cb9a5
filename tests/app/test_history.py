"""The person timeline and the entries that decided a conviction, on literal DOJ rows."""

from datetime import date

import polars as pl
from polars.testing import assert_frame_equal

from app.doj.schema import NEEDED
from app.doj.source import DojSource
from app.eligibility.policy import builtin_policy
from app.history import TIMELINE_COLUMNS, deciding_entries, named_facts, person_timeline
from app.pipeline import evaluate_rows, evaluate_sources
from app.synth.options import checked_options
from app.synth.writer import generate_bytes

# (CNT_ORDER, STP_EVENT_DATE, STP_TYPE_DESCR, STP_ORI_DESCR, county, OFN, OFFENSE_DESCR,
#  OFFENSE_TOC, DISP_DESCR, CONV_STAT_DESCR, SENT_LOC, SENT_LENGTH, SENT_TIME_CODE, COMMENT)
Row = tuple[str, str, str, str, str, str, str, str, str, str, str, str, str, str]

PERSON: list[Row] = [
    # Cycle 002 is listed first in the file: order must come from the cycle, not the file.
    ("002001001000", "20100315", "COURT ACTION    ", "CASUPERIOR COURT SACRAMENTO  ",
     "SACRAMENTO ", "10F01234  ", "11359 HS-POSSESS MARIJUANA FOR SALE", "F",
     "CONVICTED                     ", "FELONY    ", "JAIL", "090", "D", ""),
    ("002001001000", "20100315", "COURT ACTION", "CASUPERIOR COURT SACRAMENTO",
     "SACRAMENTO", "10F01234", "11359 HS-POSSESS MARIJUANA FOR SALE", "F",
     "CONVICTED", "FELONY", "PROBATION", "3", "Y", ""),
    ("001001001000", "19900301", "ARREST/DETAINED/CITED", "CAPD LOS ANGELES", "LOS ANGELES",
     "NULL  ", "187 PC-MURDER", "F", "", "", "", "", "", ""),
    ("001002001000", "19910110", "COURT ACTION", "CASUPERIOR COURT LOS ANGELES",
     "LOS ANGELES", "A123456", "187(A) PC-MURDER", "F", "CONVICTED-PRISON", "FELONY",
     "PRISON", "15", "Y", ""),
    ("001002002000", "19910110", "COURT ACTION", "CASUPERIOR COURT LOS ANGELES",
     "LOS ANGELES", "A123456", "SEE COMMENT FOR CHARGE", "M", "DISMISSED", "", "", "", "",
     "12020 PC-CARRY WEAPON"),
    ("003001001000", "20120000", "COURT ACTION", "CASUPERIOR COURT SACRAMENTO",
     "SACRAMENTO", "12M0999", "11357(B) HS-POSSESS 28.5 GRAMS", "M", "CONVICTED", "",
     "", "", "", ""),
    ("004001001000", "20150601", "COURT ACTION", "CASUPERIOR COURT YOLO", "YOLO", "15F7",
     "1187 PC-NOT A SUPER STRIKE", "F", "CONVICTED", "FELONY", "", "", "", ""),
]
OTHER_PERSON: Row = (
    "001001001000", "19900301", "COURT ACTION", "CASUPERIOR COURT FRESNO", "FRESNO", "X1",
    "187 PC-MURDER", "F", "CONVICTED", "FELONY", "", "", "", "",
)


def doj_rows(people: dict[str, list[Row]]) -> pl.DataFrame:
    """The evaluation's `rows` frame: every needed column as a string, plus source and line."""
    records: list[dict[str, str | int]] = []
    for subject, rows in people.items():
        for row in rows:
            (cnt, when, step, agency, county, ofn, offense, toc, disp, stat, loc, length, unit,
             comment) = row
            record: dict[str, str | int] = dict.fromkeys(NEEDED, "")
            record.update(
                SUBJECT_ID=subject, CII_NUMBER="A12345678", PRI_NAME="DOE,JANE Q",
                PRI_DOB="19700101", RACE_DESCR="WHITE", CYC_ORDER=cnt[:3],
                STP_EVENT_DATE=when, STP_TYPE_DESCR=step, STP_ORI_DESCR=agency,
                STP_ORI_CNTY_NAME=county, CNT_ORDER=cnt, OFN=ofn, OFFENSE_DESCR=offense,
                OFFENSE_TOC=toc, DISP_DESCR=disp, CONV_STAT_DESCR=stat, SENT_LOC_DESCR=loc,
                SENT_LENGTH=length, SENT_TIME_CODE=unit, COMMENT_TEXT=comment,
            )
            record["source"] = "doj.dat"
            record["line"] = len(records) + 1
            records.append(record)
    return pl.DataFrame(records, schema={**dict.fromkeys(NEEDED, pl.String),
                                         "source": pl.String, "line": pl.Int64})


def test_timeline_orders_cycles_and_merges_sentence_components() -> None:
    rows = doj_rows({"S1": PERSON, "S2": [OTHER_PERSON]})
    timeline = person_timeline(rows, "S1")
    assert timeline.columns == list(TIMELINE_COLUMNS)
    assert timeline["cnt_order"].to_list() == [
        "001001001000", "001002001000", "001002002000", "002001001000", "003001001000",
        "004001001000",
    ]
    first_cannabis = timeline.row(3, named=True)
    assert first_cannabis == {
        "cycle": "002", "step": "002001", "cnt_order": "002001001000",
        "date": date(2010, 3, 15), "date_text": "2010-03-15", "step_type": "COURT ACTION",
        "agency": "CASUPERIOR COURT SACRAMENTO", "county": "SACRAMENTO",
        "case_number": "10F01234", "offense": "11359 HS-POSSESS MARIJUANA FOR SALE",
        "section": "11359 HS", "level": "felony", "disposition": "CONVICTED",
        "sentence": "JAIL 90 days; PROBATION 3 years", "is_conviction": True,
    }


def test_timeline_trims_placeholders_and_keeps_unknown_dates_visible() -> None:
    timeline = person_timeline(doj_rows({"S1": PERSON}), "S1")
    arrest = timeline.row(0, named=True)
    assert (arrest["case_number"], arrest["is_conviction"], arrest["disposition"]) == (
        "", False, "")
    comment_charge = timeline.row(2, named=True)
    assert comment_charge["offense"] == "12020 PC-CARRY WEAPON"
    assert comment_charge["level"] == "misdemeanor"
    unknown = timeline.row(4, named=True)
    assert unknown["date"] is None
    assert unknown["date_text"] == "unknown (20120000)"
    assert unknown["level"] == "misdemeanor"  # blank CONV_STAT_DESCR falls back to TOC M


def test_timeline_of_unknown_subject_is_empty_with_the_columns() -> None:
    timeline = person_timeline(doj_rows({"S1": PERSON}), "NOBODY")
    assert timeline.height == 0
    assert timeline.columns == list(TIMELINE_COLUMNS)


def test_deciding_entries_marks_the_conviction_and_the_named_prior_only() -> None:
    timeline = person_timeline(doj_rows({"S1": PERSON}), "S1")
    determination = {
        "subject_id": "S1", "cnt_order": "002001001000", "conviction_date": date(2010, 3, 15),
        "flags": "prior_super_strike",
        "facts": "prior super strike 187 PC on 1991-01-10",
    }
    assert deciding_entries(timeline, determination) == {
        "002001001000": "This conviction",
        "001002001000": "Prior super strike",
    }


def test_a_named_offence_after_the_conviction_is_not_a_prior() -> None:
    timeline = person_timeline(doj_rows({"S1": PERSON}), "S1")
    # The 1187 PC conviction of 2015 is neither 187 PC nor before 2010.
    determination = {"cnt_order": "002001001000", "conviction_date": "2010-03-15",
                     "facts": "prior super strike 187 PC on 2015-06-01; "
                              "prior super strike 1187 PC on 2015-06-01"}
    assert deciding_entries(timeline, determination) == {"002001001000": "This conviction"}


def test_timeline_frame_from_padded_and_unpadded_rows_is_the_same() -> None:
    padded = doj_rows({"S1": PERSON[:1]})
    plain = doj_rows({"S1": PERSON[1:2]})
    left = person_timeline(padded, "S1").drop("sentence")
    right = person_timeline(plain, "S1").drop("sentence")
    assert_frame_equal(left, right)


def test_registration_and_death_are_marked_when_the_flags_name_them() -> None:
    registrant: list[Row] = [
        ("001001001000", "20050505", "COURT ACTION", "CASUPERIOR COURT KERN", "KERN", "K1",
         "11357 HS-POSSESS MARIJUANA", "M", "CONVICTED", "MISDEMEANOR", "", "", "", ""),
        ("002001001000", "19990101", "REGISTRATION", "CASO KERN", "KERN", "",
         "290 PC-REGISTRATION OF SEX OFFENDER", "", "", "", "", "", "", ""),
        ("003001001000", "20200202", "DECEASED", "CACORONER KERN", "KERN", "", "", "", "", "",
         "", "", "", ""),
    ]
    timeline = person_timeline(doj_rows({"S9": registrant}), "S9")
    plain = {"cnt_order": "001001001000", "flags": "", "rule_id": "MISDEMEANOR_DISMISS"}
    assert deciding_entries(timeline, plain) == {"001001001000": "This conviction"}
    flagged = {"cnt_order": "001001001000", "flags": "pc290_registrant",
               "rule_id": "DECEASED_DISMISS"}
    assert deciding_entries(timeline, flagged) == {
        "001001001000": "This conviction", "002001001000": "PC 290 registration",
        "003001001000": "Deceased",
    }


def test_a_registration_on_or_after_the_conviction_is_not_marked() -> None:
    # Only a registration before the conviction is a ground; one the same day is not.
    same_day: Row = ("001002001000", "20050505", "REGISTRATION", "CASO KERN", "KERN", "",
                     "290(A) PC-REGISTRATION OF SEX OFFENDER", "", "", "", "", "", "", "")
    later: Row = ("004001001000", "20060606", *same_day[2:])
    rows: list[Row] = [
        ("001001001000", "20050505", "COURT ACTION", "CASUPERIOR COURT KERN", "KERN", "K1",
         "11357 HS-POSSESS MARIJUANA", "M", "CONVICTED", "MISDEMEANOR", "", "", "", ""),
        same_day, later,
    ]
    timeline = person_timeline(doj_rows({"S9": rows}), "S9")
    flagged = {"cnt_order": "001001001000", "flags": "pc290_registrant",
               "rule_id": "CHALLENGE_PC290_REGISTRANT", "conviction_date": date(2005, 5, 5)}
    assert deciding_entries(timeline, flagged) == {"001001001000": "This conviction"}


def test_named_facts_reads_the_engine_wording_kind_by_kind() -> None:
    facts = ("prior super strike 187(A) PC on 1990-03-01; 261(A)(2) PC on unknown date; "
             "PC 290 registration 290 PC on 1999-01-01; sentence ends 2030-01-01; deceased")
    assert named_facts(facts) == [
        ("Prior super strike", "187(A) PC", date(1990, 3, 1)),
        ("Prior super strike", "261(A)(2) PC", None),
        ("PC 290 registration", "290 PC", date(1999, 1, 1)),
    ]
    assert named_facts("sentence ends 2030-01-01; 187 PC on 1990-03-01") == []


def test_an_undated_named_conviction_may_be_the_prior() -> None:
    undated: list[Row] = [
        ("001001001000", "19880000", "COURT ACTION", "CASUPERIOR COURT KERN", "KERN", "K0",
         "261(A)(2) PC-RAPE", "F", "CONVICTED", "FELONY", "", "", "", ""),
        ("002001001000", "20050505", "COURT ACTION", "CASUPERIOR COURT KERN", "KERN", "K1",
         "11359 HS-POSSESS FOR SALE", "F", "CONVICTED", "FELONY", "", "", "", ""),
    ]
    timeline = person_timeline(doj_rows({"S3": undated}), "S3")
    determination = {"cnt_order": "002001001000", "conviction_date": date(2005, 5, 5),
                     "facts": "prior super strike 261(A)(2) PC on unknown date"}
    assert deciding_entries(timeline, determination) == {
        "002001001000": "This conviction", "001001001000": "Prior super strike"}


def test_every_engine_challenge_names_a_prior_in_the_timeline() -> None:
    """On a synthetic delivery run through the real engine, each super strike or PC 290 fact
    is found in the person's timeline, dated before the conviction or undated."""
    delivery = generate_bytes(checked_options("SACRAMENTO", people=1500, seed=11))
    result = evaluate_sources([DojSource("synth.dat", delivery[0], False)],
                              county="SACRAMENTO", policy=builtin_policy("statutory"),
                              as_of=date(2025, 1, 1))
    flagged = result.determinations.filter(
        pl.col("flags").str.contains("prior_super_strike|prior_pc290|pc290_registrant"))
    assert flagged.height > 0
    for determination in flagged.iter_rows(named=True):
        timeline = person_timeline(result.rows, determination["subject_id"])
        marks = deciding_entries(timeline, determination)
        priors = timeline.filter(pl.col("cnt_order").is_in(
            [k for k, why in marks.items() if why != "This conviction"]))
        assert priors.height > 0, determination["facts"]
        for when in priors["date"]:
            assert when is None or when < determination["conviction_date"]


def test_a_row_without_subject_id_is_its_own_timeline() -> None:
    rows = doj_rows({"S1": PERSON, "": [OTHER_PERSON, OTHER_PERSON]})
    timeline = person_timeline(rows, "(blank SUBJECT_ID) file 1 record 8")
    assert timeline["cnt_order"].to_list() == ["001001001000"]
    assert timeline["county"].to_list() == ["FRESNO"]
    assert person_timeline(rows, "(blank SUBJECT_ID) file 2 record 8").height == 0


def test_a_gang_combined_super_strike_marks_both_counts_of_its_case() -> None:
    # PC 667(e)(2)(C)(iv): 246 PC with a 186.22(b)(4) enhancement in the same case is a super
    # strike; the facts say `246 PC with 186.22(B)(4) PC on <date>`, and the person view
    # marks both counts that make it, not just the last section named.
    gang_case: list[Row] = [
        ("001001001000", "20050110", "COURT ACTION", "CASUPERIOR COURT LOS ANGELES",
         "LOS ANGELES", "BA1", "246 PC-SHOOT INHABITED DWELLING", "F", "CONVICTED",
         "FELONY", "PRISON", "7", "Y", ""),
        ("001001002000", "20050110", "COURT ACTION", "CASUPERIOR COURT LOS ANGELES",
         "LOS ANGELES", "BA1", "186.22(B)(4) PC-GANG ENHANCEMENT", "F", "CONVICTED",
         "FELONY", "", "", "", ""),
        ("002001001000", "20100315", "COURT ACTION", "CASUPERIOR COURT LOS ANGELES",
         "LOS ANGELES", "10F1", "11359 HS-POSSESS MARIJUANA FOR SALE", "F", "CONVICTED",
         "FELONY", "", "", "", ""),
    ]
    rows = doj_rows({"G1": gang_case})
    result = evaluate_rows(rows, county="LOS ANGELES", policy=builtin_policy("statutory"),
                           as_of=date(2024, 1, 1))
    cannabis = result.determinations.row(0, named=True)
    assert cannabis["rule_id"] == "CHALLENGE_PRIOR_SUPER_STRIKE"
    assert "246 PC with 186.22(B)(4) PC on 2005-01-10" in cannabis["facts"]
    marks = deciding_entries(person_timeline(rows, "G1"), cannabis)
    assert marks == {
        "002001001000": "This conviction",
        "001001001000": "Prior super strike",
        "001001002000": "Prior super strike",
    }


def test_timeline_reads_a_date_only_when_the_engine_does() -> None:
    # polars alone would read '2012011' and '2012 101' as dates; the engine calls them
    # unknown (app.eligibility.dates.doj_date), and the person view must say the same.
    rows: list[Row] = [
        (f"00{i}001001000", when, *PERSON[0][2:])
        for i, when in enumerate(("2012011", "2012 101", " 20120115 "), start=1)
    ]
    timeline = person_timeline(doj_rows({"S1": rows}), "S1")
    assert timeline["date"].to_list()[:2] == [None, None]
    assert str(timeline["date"].to_list()[2]) == "2012-01-15"
