"""CountyClear's BEAR preset against gogen itself, on small literal DOJ inputs.

Every expected answer below was produced by running gogen, the Go engine behind Code for
America's BEAR (codeforamerica/gogen's data/, matchers/, utilities/ and exporter/ as published,
plus its missing date helper taken from gogen_pilots and a small main making the calls of
its `run` command), on exactly these rows with these options and as-of date; the same build
reproduces the public conformance set (../shared/conformance) byte for byte. The cases sit
on the edges of gogen's rules: leap days, thresholds met on the day, strict and non-strict
comparisons, which row of a count decides, which text holds the code section, and how the
people figures are counted.

Only convictions gogen gives relief are expected: where gogen gives none CountyClear
deliberately answers review ("no policy rule applies"), and it additionally lists attempts
written 664-11359 as review (README, BEAR preset).
"""

import csv
import io
import json
from datetime import date
from typing import Any, NamedTuple

import pytest

from app.doj.reader import read_sources
from app.doj.schema import COLUMNS
from app.doj.source import DojSource
from app.eligibility.policy import bear_options_from_text
from app.pipeline import EvaluationResult, evaluate_rows

# Every row starts as this felony court conviction; a case overrides some fields.
BASE = {"RECORD_ID": "1", "SUBJECT_STATUS": "A", "SUBJECT_ID": "1001", "REQ_SEG_SEP": "#",
        "CII_NUMBER": "A1001", "PRI_NAME": "DOE,JANE", "PRI_DOB": "19700101",
        "RACE_DESCR": "OTHER", "CYC_SEG_SEP": "#", "CYC_ORDER": "001", "STP_SEG_SEP": "#",
        "STP_ORDER": "002", "STP_EVENT_DATE": "20050101", "STP_TYPE_DESCR": "COURT ACTION",
        "STP_ORI_DESCR": "CASC SACRAMENTO", "STP_ORI_CNTY_NAME": "SACRAMENTO",
        "CNT_SEG_SEP": "#", "CNT_ORDER": "001002001000", "OFN": "05F001",
        "OFFENSE_DESCR": "11359 HS-POSSESS MARIJUANA FOR SALE", "OFFENSE_TOC": "F",
        "DISP_DESCR": "CONVICTED", "CONV_STAT_DESCR": "FELONY", "SENT_SEG_SEP": "#",
        "END_OF_REC": "#"}

AGE50 = {"baselineEligibility": {"reduce": ["11357", "11358", "11359", "11360"]},
         "additionalRelief": {"subjectAgeThreshold": 50}}
U21 = {"baselineEligibility": {"reduce": ["11359"]},
       "additionalRelief": {"subjectUnder21AtConviction": True}}
YS10 = {"baselineEligibility": {"reduce": ["11359"]},
        "additionalRelief": {"yearsSinceConvictionThreshold": 10}}
CF10 = {"baselineEligibility": {"reduce": ["11359"]},
        "additionalRelief": {"yearsCrimeFreeThreshold": 10}}
OP = {"baselineEligibility": {"reduce": ["11359"]},
      "additionalRelief": {"subjectHasOnlyProp64Charges": True}}
COMPONENTS = {"baselineEligibility": {"reduce": ["11359", "11360"]},
              "additionalRelief": {"yearsSinceConvictionThreshold": 10}}
DEC = {"baselineEligibility": {"reduce": ["11359"]},
       "additionalRelief": {"subjectIsDeceased": True}}
AGE60 = {"baselineEligibility": {"reduce": ["11359"]},
         "additionalRelief": {"subjectAgeThreshold": 60}}
RED = {"baselineEligibility": {"dismiss": [], "reduce": ["11357", "11358", "11359", "11360"]}}
SECTIONS = {"baselineEligibility": {"dismiss": ["11360"], "reduce": ["11357", "11358", "11359"]}}
ORDER = {"baselineEligibility": {"dismiss": ["11360", "11359"]}}
BOTH_LISTS = {"baselineEligibility": {"dismiss": ["11359"], "reduce": ["11360"]}}
MIX = {"baselineEligibility": {"dismiss": ["11357"], "reduce": ["11359", "11360"]},
       "additionalRelief": {"yearsCrimeFreeThreshold": 10}}
LATE = {"baselineEligibility": {"reduce": ["11359"]},
        "additionalRelief": {"subjectUnder21AtConviction": True, "yearsCrimeFreeThreshold": 5,
            "yearsSinceConvictionThreshold": 1}}


class Case(NamedTuple):
    name: str
    as_of: str
    options: dict[str, Any]
    rows: list[dict[str, str]]
    gogen: dict[str, tuple[str, str]]  # "SUBJECT_ID/CNT_ORDER" -> (determination, reason)
    people: tuple[int, int, int, int]  # evaluated, with relief, no felony, no conviction


CASES = [
    Case(
        "age_threshold_on_feb29_birthday_not_yet", "2018-02-28", AGE50,
        [
            {"SUBJECT_ID": "1", "PRI_DOB": "19680229"},
        ],
        {
            "1/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
        },
        (1, 1, 1, 0),
    ),
    Case(
        "age_threshold_on_feb29_birthday_reached", "2018-03-01", AGE50,
        [
            {"SUBJECT_ID": "1", "PRI_DOB": "19680229"},
        ],
        {
            "1/001002001000": ("dismiss", "50 years or older"),
        },
        (1, 1, 1, 1),
    ),
    Case(
        "under_21_boundaries", "2019-11-11", U21,
        [
            {"SUBJECT_ID": "1", "PRI_DOB": "19800101", "STP_EVENT_DATE": "20010101"},
            {"SUBJECT_ID": "2", "PRI_DOB": "19800101", "STP_EVENT_DATE": "20001231"},
            {"SUBJECT_ID": "3", "PRI_DOB": "19800229", "STP_EVENT_DATE": "20010228"},
            {"SUBJECT_ID": "4", "PRI_DOB": "19800229", "STP_EVENT_DATE": "20010301"},
        ],
        {
            "1/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "2/001002001000": ("dismiss", "21 years or younger"),
            "3/001002001000": ("dismiss", "21 years or younger"),
            "4/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
        },
        (4, 4, 4, 2),
    ),
    Case(
        "years_since_boundaries", "2019-11-11", YS10,
        [
            {"SUBJECT_ID": "1", "STP_EVENT_DATE": "20091111"},
            {"SUBJECT_ID": "2", "STP_EVENT_DATE": "20091112"},
            {"SUBJECT_ID": "3", "STP_EVENT_DATE": "20080229"},
        ],
        {
            "1/001002001000": ("dismiss", "Conviction occurred 10 or more years ago"),
            "2/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "3/001002001000": ("dismiss", "Conviction occurred 10 or more years ago"),
        },
        (3, 3, 3, 2),
    ),
    Case(
        "years_since_leap_conviction", "2018-02-28", YS10,
        [
            {"SUBJECT_ID": "3", "STP_EVENT_DATE": "20080229"},
        ],
        {
            "3/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
        },
        (1, 1, 1, 0),
    ),
    Case(
        "years_since_leap_as_of", "2020-02-29", YS10,
        [
            {"SUBJECT_ID": "3", "STP_EVENT_DATE": "20100228"},
            {"SUBJECT_ID": "4", "STP_EVENT_DATE": "20100301"},
        ],
        {
            "3/001002001000": ("dismiss", "Conviction occurred 10 or more years ago"),
            "4/001002001000": ("dismiss", "Conviction occurred 10 or more years ago"),
        },
        (2, 2, 2, 2),
    ),
    Case(
        "crime_free_is_strict_and_counts_every_conviction", "2019-11-11", CF10,
        [
            {"SUBJECT_ID": "1", "STP_EVENT_DATE": "20091111"},
            {"SUBJECT_ID": "2", "STP_EVENT_DATE": "20091110"},
            {"SUBJECT_ID": "3", "STP_EVENT_DATE": "20050101"},
            {"SUBJECT_ID": "3", "CNT_ORDER": "002002001000", "STP_EVENT_DATE": "20210101",
             "OFFENSE_DESCR": "459 PC-BURGLARY", "STP_ORI_CNTY_NAME": "YOLO"},
            {"SUBJECT_ID": "4", "STP_EVENT_DATE": "20050101"},
            {"SUBJECT_ID": "4", "CNT_ORDER": "002002001000", "STP_EVENT_DATE": "20150101",
             "OFFENSE_DESCR": "459 PC-BURGLARY", "DISP_DESCR": "DISMISSED"},
            {"SUBJECT_ID": "5", "STP_EVENT_DATE": "20050101"},
            {"SUBJECT_ID": "5", "CNT_ORDER": "002002001000", "STP_EVENT_DATE": "20150101",
             "STP_TYPE_DESCR": "ARREST/DETAINED/CITED", "OFFENSE_DESCR": "459 PC-BURGLARY"},
            {"SUBJECT_ID": "6", "STP_EVENT_DATE": "20000101"},
            {"SUBJECT_ID": "6", "CNT_ORDER": "002002001000", "STP_EVENT_DATE": "20150101",
             "OFFENSE_DESCR": "664-11359 HS-ATTEMPT"},
        ],
        {
            "1/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "2/001002001000": ("dismiss", "No convictions in the past 10 years"),
            "3/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "4/001002001000": ("dismiss", "No convictions in the past 10 years"),
            "5/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "6/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
        },
        (6, 6, 3, 2),
    ),
    Case(
        "only_prop64_counts_every_conviction_once", "2019-11-11", OP,
        [
            {"SUBJECT_ID": "1"},
            {"SUBJECT_ID": "1", "CNT_ORDER": "002002001000", "OFFENSE_DESCR": "459 PC-BURGLARY",
             "STP_ORI_CNTY_NAME": "YOLO"},
            {"SUBJECT_ID": "2"},
            {"SUBJECT_ID": "2", "SENT_LENGTH": "30", "SENT_TIME_CODE": "D"},
            {"SUBJECT_ID": "3"},
            {"SUBJECT_ID": "3", "CNT_ORDER": "002002001000", "OFFENSE_DESCR": "11357 HS-POSS",
             "CONV_STAT_DESCR": "MISDEMEANOR", "STP_ORI_CNTY_NAME": "YOLO"},
            {"SUBJECT_ID": "4"},
            {"SUBJECT_ID": "4", "CNT_ORDER": "002002001000", "OFFENSE_DESCR": "459 PC-BURGLARY",
             "DISP_DESCR": "DISMISSED"},
            {"SUBJECT_ID": "5"},
            {"SUBJECT_ID": "5", "CNT_ORDER": "002002001000",
             "OFFENSE_DESCR": "SEE COMMENT FOR CHARGE", "COMMENT_TEXT": "11360 HS-SELL"},
            {"SUBJECT_ID": "6"},
            {"SUBJECT_ID": "6", "CNT_ORDER": "002002001000", "OFFENSE_DESCR": "",
             "COMMENT_TEXT": ""},
            {"SUBJECT_ID": "7"},
            {"SUBJECT_ID": "7", "CNT_ORDER": "002002001000", "STP_EVENT_DATE": "20060101",
             "OFFENSE_DESCR": "664-11359 HS-ATTEMPT"},
        ],
        {
            "1/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "2/001002001000": ("dismiss", "Only has 11357-60 charges"),
            "3/001002001000": ("dismiss", "Only has 11357-60 charges"),
            "4/001002001000": ("dismiss", "Only has 11357-60 charges"),
            "5/001002001000": ("dismiss", "Only has 11357-60 charges"),
            "5/002002001000": ("dismiss", "Only has 11357-60 charges"),
            "6/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "7/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
        },
        (7, 7, 4, 3),
    ),
    Case(
        "first_conviction_row_of_a_count_decides", "2019-11-11", COMPONENTS,
        [
            {"SUBJECT_ID": "1", "DISP_DESCR": "DISMISSED"},
            {"SUBJECT_ID": "1", "OFFENSE_DESCR": "11360 HS-SELL"},
            {"SUBJECT_ID": "2", "CONV_STAT_DESCR": "MISDEMEANOR"},
            {"SUBJECT_ID": "2", "CONV_STAT_DESCR": "FELONY"},
            {"SUBJECT_ID": "3", "STP_EVENT_DATE": "20050101"},
            {"SUBJECT_ID": "3", "STP_EVENT_DATE": "20150101"},
            {"SUBJECT_ID": "4"},
            {"SUBJECT_ID": "4"},
            {"SUBJECT_ID": "5", "OFFENSE_DESCR": "459 PC-BURGLARY"},
            {"SUBJECT_ID": "5", "OFFENSE_DESCR": "11359 HS-POSS"},
            {"SUBJECT_ID": "6", "STP_ORI_CNTY_NAME": "YOLO"},
            {"SUBJECT_ID": "6"},
        ],
        {
            "1/001002001000": ("dismiss", "Conviction occurred 10 or more years ago"),
            "2/001002001000": ("dismiss", "Misdemeanor or Infraction"),
            "3/001002001000": ("dismiss", "Conviction occurred 10 or more years ago"),
            "4/001002001000": ("dismiss", "Conviction occurred 10 or more years ago"),
        },
        (4, 4, 3, 4),
    ),
    Case(
        "deceased_step_type_is_exact", "2019-11-11", DEC,
        [
            {"SUBJECT_ID": "1"},
            {"SUBJECT_ID": "1", "STP_TYPE_DESCR": "DECEASED", "CNT_ORDER": "", "DISP_DESCR": "",
             "OFFENSE_DESCR": "", "STP_ORI_CNTY_NAME": "YOLO"},
            {"SUBJECT_ID": "2"},
            {"SUBJECT_ID": "2", "STP_TYPE_DESCR": "DECEASED", "CNT_ORDER": "003001001000",
             "DISP_DESCR": "", "OFFENSE_DESCR": ""},
            {"SUBJECT_ID": "4"},
            {"SUBJECT_ID": "4", "STP_TYPE_DESCR": "deceased", "CNT_ORDER": "003001001000",
             "DISP_DESCR": "", "OFFENSE_DESCR": ""},
            {"SUBJECT_ID": "5"},
            {"SUBJECT_ID": "5", "STP_TYPE_DESCR": "DECEASED/DEATH", "CNT_ORDER": "003001001000",
             "DISP_DESCR": "", "OFFENSE_DESCR": ""},
        ],
        {
            "1/001002001000": ("dismiss", "Individual is deceased"),
            "2/001002001000": ("dismiss", "Individual is deceased"),
            "4/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "5/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
        },
        (4, 4, 4, 2),
    ),
    Case(
        "dob_comes_from_the_persons_first_row", "2019-11-11", AGE60,
        [
            {"SUBJECT_ID": "1", "PRI_DOB": "19500101", "STP_TYPE_DESCR": "ARREST/DETAINED/CITED",
             "DISP_DESCR": "", "CNT_ORDER": "001001001000"},
            {"SUBJECT_ID": "2"},
            {"SUBJECT_ID": "1", "PRI_DOB": "19900101"},
            {"SUBJECT_ID": "3", "PRI_DOB": "19900101", "STP_TYPE_DESCR": "ARREST/DETAINED/CITED",
             "DISP_DESCR": "", "CNT_ORDER": "001001001000"},
            {"SUBJECT_ID": "3", "PRI_DOB": "19500101"},
        ],
        {
            "1/001002001000": ("dismiss", "60 years or older"),
            "2/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "3/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
        },
        (3, 3, 3, 1),
    ),
    Case(
        "level_from_conv_stat_then_offense_toc", "2019-11-11", RED,
        [
            {"SUBJECT_ID": "1", "CONV_STAT_DESCR": "felony"},
            {"SUBJECT_ID": "2", "CONV_STAT_DESCR": "MISDEMEANOR", "OFFENSE_TOC": "F"},
            {"SUBJECT_ID": "3", "CONV_STAT_DESCR": "INFRACTION", "OFFENSE_TOC": "F"},
            {"SUBJECT_ID": "4", "CONV_STAT_DESCR": "", "OFFENSE_TOC": "F"},
            {"SUBJECT_ID": "5", "CONV_STAT_DESCR": "", "OFFENSE_TOC": ""},
            {"SUBJECT_ID": "6", "CONV_STAT_DESCR": "", "OFFENSE_TOC": "I"},
            {"SUBJECT_ID": "7", "CONV_STAT_DESCR": "FELONY", "OFFENSE_TOC": "M"},
            {"SUBJECT_ID": "8", "CONV_STAT_DESCR": "", "OFFENSE_TOC": "f"},
            {"SUBJECT_ID": "9", "CONV_STAT_DESCR": "FEL", "OFFENSE_TOC": "F"},
            {"SUBJECT_ID": "10", "CONV_STAT_DESCR": "", "OFFENSE_TOC": "M",
             "DISP_OFFENSE_TOC": "F", "CONV_OFFENSE_TOC": "F", "CONV_STAT_CODE": "F"},
        ],
        {
            "1/001002001000": ("dismiss", "Misdemeanor or Infraction"),
            "10/001002001000": ("dismiss", "Misdemeanor or Infraction"),
            "2/001002001000": ("dismiss", "Misdemeanor or Infraction"),
            "3/001002001000": ("dismiss", "Misdemeanor or Infraction"),
            "4/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "5/001002001000": ("dismiss", "Misdemeanor or Infraction"),
            "6/001002001000": ("dismiss", "Misdemeanor or Infraction"),
            "7/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "8/001002001000": ("dismiss", "Misdemeanor or Infraction"),
            "9/001002001000": ("dismiss", "Misdemeanor or Infraction"),
        },
        (10, 10, 2, 8),
    ),
    Case(
        "code_section_as_gogen_reads_it", "2019-11-11", SECTIONS,
        [
            {"SUBJECT_ID": "1", "OFFENSE_DESCR": "66411357(C) HS-ATTEMPT POSS"},
            {"SUBJECT_ID": "2", "OFFENSE_DESCR": "664.11359 HS-ATTEMPT POSS FOR SALE"},
            {"SUBJECT_ID": "3", "OFFENSE_DESCR": "SEE COMMENT FOR CHARGE",
             "COMMENT_TEXT": "AMENDED 11359 HS-POSS FOR SALE"},
            {"SUBJECT_ID": "4", "OFFENSE_DESCR": "/11357 HS-POSSESS"},
            {"SUBJECT_ID": "5", "OFFENSE_DESCR": "11357(A)PC-POSSESS"},
            {"SUBJECT_ID": "6", "OFFENSE_DESCR": "11358 HS"},
            {"SUBJECT_ID": "7", "OFFENSE_DESCR": "", "COMMENT_TEXT": ""},
            {"SUBJECT_ID": "8", "OFFENSE_DESCR": "SEE COMMENT FOR CHARGE",
             "COMMENT_TEXT": "11360 HS-SELL"},
            {"SUBJECT_ID": "9", "OFFENSE_DESCR": "459 PC-BURGLARY",
             "COMMENT_TEXT": "11360 HS-SELL"},
            {"SUBJECT_ID": "10", "OFFENSE_DESCR": "11359HS-POSS FOR SALE"},
            {"SUBJECT_ID": "11", "OFFENSE_DESCR": "HS 11359-POSS FOR SALE"},
            {"SUBJECT_ID": "12", "OFFENSE_DESCR": "11360(A)(1) HS-SELL"},
            {"SUBJECT_ID": "13", "OFFENSE_DESCR": "111359 HS-TYPO"},
            {"SUBJECT_ID": "14", "OFFENSE_DESCR": "11357 VC-WRONG CODE"},
            {"SUBJECT_ID": "15", "OFFENSE_DESCR": "see comment for charge",
             "COMMENT_TEXT": "11359 HS-POSS"},
            {"SUBJECT_ID": "16", "OFFENSE_DESCR": "11359 HS-POSS", "COMMENT_TEXT": "11360 HS"},
            {"SUBJECT_ID": "17", "OFFENSE_DESCR": "11350 HS-POSS NARC",
             "COMMENT_TEXT": "11359 HS"},
            {"SUBJECT_ID": "18", "OFFENSE_DESCR": "11359 HS-POSS",
             "DISP_OFFENSE_DESCR": "11357 HS-POSS", "CONV_OFFENSE_DESCR": "11357 HS-POSS"},
            {"SUBJECT_ID": "19", "OFFENSE_DESCR": "459 PC-BURGLARY",
             "CONV_OFFENSE_DESCR": "11359 HS-POSS FOR SALE"},
            {"SUBJECT_ID": "20", "OFFENSE_DESCR": "11359 HS-POSS",
             "OFFENSE_QUAL_LST": "ATTEMPTED"},
            {"SUBJECT_ID": "21", "DISP_DESCR": "Convicted"},
        ],
        {
            "1/001002001000": ("reduce", "Reduce all HS 11357 convictions"),
            "10/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "11/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "12/001002001000": ("dismiss", "Dismiss all HS 11360 convictions"),
            "13/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "14/001002001000": ("reduce", "Reduce all HS 11357 convictions"),
            "16/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "18/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "2/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "20/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "3/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "4/001002001000": ("reduce", "Reduce all HS 11357 convictions"),
            "5/001002001000": ("reduce", "Reduce all HS 11357 convictions"),
            "6/001002001000": ("reduce", "Reduce all HS 11358 convictions"),
            "8/001002001000": ("dismiss", "Dismiss all HS 11360 convictions"),
        },
        (15, 15, 15, 2),
    ),
    Case(
        "two_sections_in_one_charge_follow_list_order", "2019-11-11", ORDER,
        [
            {"SUBJECT_ID": "1", "OFFENSE_DESCR": "11359/11360 HS-POSS/SELL"},
            {"SUBJECT_ID": "2", "OFFENSE_DESCR": "11360 HS-SELL 11359"},
        ],
        {
            "1/001002001000": ("dismiss", "Dismiss all HS 11360 convictions"),
            "2/001002001000": ("dismiss", "Dismiss all HS 11360 convictions"),
        },
        (2, 2, 2, 2),
    ),
    Case(
        "dismiss_list_before_reduce_list", "2019-11-11", BOTH_LISTS,
        [
            {"SUBJECT_ID": "1", "OFFENSE_DESCR": "11359/11360 HS-POSS/SELL"},
            {"SUBJECT_ID": "2", "OFFENSE_DESCR": "11360/11359 HS"},
        ],
        {
            "1/001002001000": ("dismiss", "Dismiss all HS 11359 convictions"),
            "2/001002001000": ("dismiss", "Dismiss all HS 11359 convictions"),
        },
        (2, 2, 2, 2),
    ),
    Case(
        "subject_ids_and_count_orders_are_text", "2019-11-11", MIX,
        [
            {"SUBJECT_ID": "0123", "PRI_DOB": "19500101", "STP_EVENT_DATE": "20000101"},
            {"SUBJECT_ID": "123", "PRI_DOB": "19900101", "CNT_ORDER": "002002001000",
             "STP_EVENT_DATE": "20150101", "OFFENSE_DESCR": "459 PC-BURG"},
            {"SUBJECT_ID": "555", "STP_EVENT_DATE": "20000101"},
            {"SUBJECT_ID": "555", "CNT_ORDER": "1002001000", "STP_EVENT_DATE": "20150101",
             "OFFENSE_DESCR": "11359 HS-POSS"},
            {"SUBJECT_ID": "A77", "STP_EVENT_DATE": "20000101"},
            {"SUBJECT_ID": "a77", "CNT_ORDER": "002002001000", "STP_EVENT_DATE": "20150101",
             "OFFENSE_DESCR": "459 PC-BURG"},
            {"SUBJECT_ID": "1e3", "STP_EVENT_DATE": "20000101"},
            {"SUBJECT_ID": "1000", "CNT_ORDER": "002002001000", "STP_EVENT_DATE": "20150101",
             "OFFENSE_DESCR": "459 PC-BURG"},
        ],
        {
            "0123/001002001000": ("dismiss", "No convictions in the past 10 years"),
            "1e3/001002001000": ("dismiss", "No convictions in the past 10 years"),
            "555/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "555/1002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "A77/001002001000": ("dismiss", "No convictions in the past 10 years"),
        },
        (4, 4, 4, 3),
    ),
    Case(
        "conviction_after_the_as_of_date", "2019-11-11", LATE,
        [
            {"SUBJECT_ID": "1", "STP_EVENT_DATE": "20200101", "PRI_DOB": "20000101"},
            {"SUBJECT_ID": "2", "STP_EVENT_DATE": "20050101"},
            {"SUBJECT_ID": "2", "CNT_ORDER": "002002001000", "STP_EVENT_DATE": "20200101",
             "OFFENSE_DESCR": "459 PC-BURG"},
        ],
        {
            "1/001002001000": ("dismiss", "21 years or younger"),
            "2/001002001000": ("dismiss", "Conviction occurred 1 or more years ago"),
        },
        (2, 2, 1, 1),
    ),
    Case(
        "people_figures", "2019-11-11", MIX,
        [
            {"SUBJECT_ID": "1", "STP_EVENT_DATE": "20150101"},
            {"SUBJECT_ID": "1", "CNT_ORDER": "002002001000", "OFFENSE_DESCR": "459 PC-BURGLARY",
             "STP_ORI_CNTY_NAME": "YOLO"},
            {"SUBJECT_ID": "2", "STP_EVENT_DATE": "20150101"},
            {"SUBJECT_ID": "2", "CNT_ORDER": "002002001000", "OFFENSE_DESCR": "11357 HS-POSS",
             "CONV_STAT_DESCR": "MISDEMEANOR"},
            {"SUBJECT_ID": "3", "STP_EVENT_DATE": "20000101"},
            {"SUBJECT_ID": "3", "CNT_ORDER": "002002001000", "OFFENSE_DESCR": "23152(A) VC-DUI",
             "CONV_STAT_DESCR": "MISDEMEANOR", "STP_EVENT_DATE": "20010101"},
            {"SUBJECT_ID": "4", "OFFENSE_DESCR": "11357 HS-POSS",
             "CONV_STAT_DESCR": "MISDEMEANOR"},
            {"SUBJECT_ID": "4", "CNT_ORDER": "002002001000", "OFFENSE_DESCR": "11357 HS-POSS",
             "CONV_STAT_DESCR": "MISDEMEANOR", "STP_ORI_CNTY_NAME": "YOLO"},
            {"SUBJECT_ID": "5", "STP_ORI_CNTY_NAME": "YOLO"},
            {"SUBJECT_ID": "6", "OFFENSE_DESCR": "664-11359 HS-ATTEMPT"},
            {"SUBJECT_ID": "7", "OFFENSE_DESCR": "11358 HS-CULT", "STP_EVENT_DATE": "20150101"},
            {"SUBJECT_ID": "7", "CNT_ORDER": "002002001000",
             "OFFENSE_DESCR": "664-11359 HS-ATTEMPT"},
        ],
        {
            "1/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "2/001002001000": ("reduce", "Reduce all HS 11359 convictions"),
            "2/002002001000": ("dismiss", "Misdemeanor or Infraction"),
            "3/001002001000": ("dismiss", "No convictions in the past 10 years"),
            "4/001002001000": ("dismiss", "Misdemeanor or Infraction"),
        },
        (5, 4, 2, 0),
    ),
]


def run(case: Case) -> EvaluationResult:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in case.rows:
        writer.writerow([{**BASE, **row}.get(column, "") for column in COLUMNS])
    frame = read_sources([DojSource(name="case.csv", data=out.getvalue().encode())])
    policy = bear_options_from_text(json.dumps(case.options), "gogen oracle case")
    return evaluate_rows(frame, county="SACRAMENTO", policy=policy,
                         as_of=date.fromisoformat(case.as_of))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_conviction_gets_gogens_answer(case: Case) -> None:
    det = run(case).determinations
    got = {f"{r['subject_id']}/{r['cnt_order']}": (r["determination"], r["bear_reason"])
           for r in det.iter_rows(named=True)}
    assert {key: got.get(key) for key in case.gogen} == case.gogen
    # Anything else CountyClear lists is for a person to decide, never relief gogen lacks.
    others = {key: answer[0] for key, answer in got.items() if key not in case.gogen}
    assert others == {key: "review" for key in others}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_people_figures_are_gogens(case: Case) -> None:
    summary = run(case).summary
    assert (summary.people_evaluated, summary.people_with_relief,
            summary.people_no_felony, summary.people_no_conviction) == case.people
