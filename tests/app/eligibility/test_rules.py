"""Each rule and each pitfall of docs/DOJ_FILE.md section 4, on small literal DOJ records."""

from datetime import date

import polars as pl

from app.eligibility.policy import builtin_policy
from app.pipeline import evaluate_rows
from tests.doj_builder import Person, rows_frame

AS_OF = date(2024, 1, 1)


def run(people: list[Person], policy: str = "statutory", county: str = "SACRAMENTO",
        as_of: date = AS_OF) -> pl.DataFrame:
    result = evaluate_rows(rows_frame(people), county=county, policy=builtin_policy(policy),
                           as_of=as_of)
    return result.determinations


def one(people: list[Person], **kwargs: object) -> dict[str, object]:
    det = run(people, **kwargs)  # type: ignore[arg-type]
    assert det.height == 1, det
    return det.row(0, named=True)


def test_misdemeanor_is_dismissed_as_county_policy_only_where_the_county_chose_it() -> None:
    p = Person("1")
    p.conviction("11357(A) HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    row = one([p], policy="los_angeles_2020")
    assert (row["rule_id"], row["relief"], row["basis"]) == (
        "MISDEMEANOR_OR_INFRACTION", "dismiss_seal", "county_policy")
    # The law's floor: concentrate of unknown weight is a misdemeanor today unless 8 g or
    # less (HS 11357(b)(2); 11362.1(a)(2)): a person decides.
    assert one([p])["rule_id"] == "FACT_NOT_IN_FILE"


def test_felony_is_reduced_under_the_statutory_floor() -> None:
    p = Person("1")
    p.conviction("11359 HS-POSSESS FOR SALE", "20100101")
    row = one([p])
    assert (row["determination"], row["rule_id"]) == ("reduce", "FELONY_REDUCE_SECTION")
    assert "11359" in str(row["reason"])


def test_substring_section_is_not_prop64() -> None:
    p = Person("1")
    p.conviction("11357.5 HS-SYNTHETIC CANNABINOIDS", "20100101")
    p.conviction("11379.6 HS-MANUFACTURE", "20100101")
    assert run([p]).is_empty()


def test_attempt_keeps_its_section_and_goes_to_review() -> None:
    p = Person("1")
    p.conviction("664-11357(C) HS-ATTEMPT POSSESS", "20100101")
    row = one([p])
    assert row["code_section"] == "664-11357(C) HS"
    assert (row["determination"], row["rule_id"]) == ("review", "RELATED_OFFENCE")
    assert "attempt" in str(row["reason"])


def test_prop64_section_in_an_unusual_form_is_review_under_every_statutory_policy() -> None:
    # BEAR read this as Prop 64 (tests/app/eligibility/test_bear_gogen.py); under the wrong code
    # letters the statutory procedure cannot call it HS 11359, and must not drop it either.
    for charge, section in (("11359(A)PC-SALE", "11359"),):
        for policy in ("statutory", "los_angeles_2020", "sacramento_2019"):
            p = Person("1")
            p.conviction(charge, "20100101", level="MISDEMEANOR", toc="M")
            row = one([p], policy=policy)
            assert (row["determination"], row["rule_id"]) == (
                "review", "UNCLEAR_PROP64_SECTION"), (charge, policy)
            assert "unclear_section" in str(row["flags"])
            assert f"HS {section} in an unusual form" in str(row["reason"])
    p = Person("1")
    p.conviction("11359(A)PC-SALE", "20100101", level="MISDEMEANOR", toc="M")
    assert one([p], policy="bear_default")["rule_id"] == "BEAR_MISDEMEANOR"


def test_attempt_run_together_is_an_attempt_under_every_statutory_policy() -> None:
    for policy in ("statutory", "los_angeles_2020", "sacramento_2019"):
        p = Person("1")
        p.conviction("66411357(A) HS-ATTEMPT POSSESS", "20100101", level="MISDEMEANOR",
                     toc="M")
        row = one([p], policy=policy)
        assert (row["determination"], row["rule_id"]) == ("review", "RELATED_OFFENCE"), policy
        assert "(attempt)" in str(row["reason"])


def test_attempt_is_never_dropped_under_bear_either() -> None:
    p = Person("1")
    p.conviction("664-11359 HS-ATTEMPT", "20100101")
    assert one([p], policy="bear_default")["determination"] == "review"


def test_padded_felony_is_still_a_felony_and_flagged() -> None:
    p = Person("1")
    p.conviction("11359 HS-SALE", "20100101", level="FELONY    ", toc="F ")
    row = one([p])
    assert row["level"] == "felony"
    assert "padded_values" in str(row["flags"])


def test_unknown_conviction_date_is_review_and_flagged() -> None:
    for bad in ("19790000", "19790229", ""):
        p = Person("1")
        p.conviction("11359 HS-SALE", bad)
        row = one([p], policy="bear_default")
        assert (row["determination"], row["rule_id"]) == ("review", "UNKNOWN_CONVICTION_DATE")
        assert "unknown_conviction_date" in str(row["flags"])


def test_unknown_dob_never_satisfies_an_age_rule() -> None:
    for dob in ("", "19600000"):
        p = Person("1", dob=dob)
        p.conviction("11359 HS-SALE", "20100101")
        row = one([p], policy="los_angeles_2020")
        assert row["rule_id"] != "AGE_AT_LEAST"
        assert "unknown_dob" in str(row["flags"])
        q = Person("2", dob=dob)
        q.conviction("11359 HS-SALE", "20150101")
        assert one([q], policy="bear_default")["rule_id"] not in ("BEAR_AGE", "BEAR_UNDER_21")


def test_dob_after_conviction_is_flagged_and_no_under_21() -> None:
    p = Person("1", dob="20120101")
    p.conviction("11359 HS-SALE", "20100101")
    row = one([p], policy="bear_default")
    assert "dob_after_conviction" in str(row["flags"])
    # BEAR's own date arithmetic still applies under the BEAR preset.
    assert row["rule_id"] == "BEAR_UNDER_21"


def test_conviction_after_as_of_is_flagged() -> None:
    p = Person("1")
    p.conviction("11357 HS-POSSESS", "20250101", level="MISDEMEANOR", toc="M")
    row = one([p], policy="bear_default")
    assert "conviction_after_as_of" in str(row["flags"])


def test_after_prop64_is_not_eligible_under_statutory_but_evaluated_by_bear() -> None:
    p = Person("1")
    p.conviction("11358 HS-CULTIVATE", "20170214")
    assert one([p])["determination"] == "not_eligible"
    row = one([p], policy="bear_default")
    assert row["determination"] == "dismiss" and "after_prop64" in str(row["flags"])


def test_blank_subject_ids_do_not_merge_strangers() -> None:
    a, b = Person(""), Person("")
    a.conviction("11359 HS-SALE", "20100101")
    b.conviction("11360 HS-SALE", "20100101", name="ROE,RICHARD")
    det = run([a, b])
    assert det.height == 2
    assert det["subject_id"].n_unique() == 2
    assert all("blank_subject_id" in f for f in det["flags"])


def test_felony_no_rule_covers_is_review() -> None:
    from app.eligibility.policy import policy_from_mapping
    from app.pipeline import evaluate_rows as ev

    policy = policy_from_mapping({"felony": {"dismiss": ["11357"], "reduce": []}}, "test")
    p = Person("1")
    p.conviction("11360 HS-TRANSPORT", "20100101")
    det = ev(rows_frame([p]), county="SACRAMENTO", policy=policy, as_of=AS_OF).determinations
    assert det.row(0, named=True)["rule_id"] == "NO_RULE_APPLIES"
    assert det.row(0, named=True)["determination"] == "review"


def test_prior_super_strike_routes_to_review_but_later_one_does_not() -> None:
    prior = Person("1")
    prior.conviction("187 PC-MURDER", "19900101")
    prior.conviction("11359 HS-SALE", "20000101")
    row = run([prior]).filter(pl.col("section") == "11359").row(0, named=True)
    assert row["rule_id"] == "CHALLENGE_PRIOR_SUPER_STRIKE"
    assert "187 PC on 1990-01-01" in str(row["facts"])
    later = Person("2")
    later.conviction("11359 HS-SALE", "20000101")
    later.conviction("187 PC-MURDER", "20050101")
    assert one([later])["rule_id"] == "FELONY_REDUCE_SECTION"


def test_look_alike_is_not_a_super_strike() -> None:
    p = Person("1")
    p.conviction("1187 PC-SOMETHING", "19900101")
    p.conviction("11359 HS-SALE", "20000101")
    assert one([p])["rule_id"] == "FELONY_REDUCE_SECTION"


def test_prior_pc290_conviction_and_registration() -> None:
    p = Person("1")
    p.conviction("288(A) PC-LEWD ACT", "19900101")
    p.conviction("11359 HS-SALE", "20000101")
    assert run([p]).filter(pl.col("section") == "11359")["rule_id"][0] in (
        "CHALLENGE_PRIOR_SUPER_STRIKE", "CHALLENGE_PRIOR_PC290")
    q = Person("2")
    q.step("REGISTRATION", "19950101", "290 PC-REGISTRATION OF SEX OFFENDER")
    q.conviction("11359 HS-SALE", "20000101")
    assert one([q])["rule_id"] == "CHALLENGE_PC290_REGISTRANT"


def test_two_priors_same_subdivision() -> None:
    p = Person("1")
    p.conviction("11359(B) HS-POSSESS FOR SALE", "19950101", level="MISDEMEANOR", toc="M")
    p.conviction("11359(B) HS-POSSESS FOR SALE", "19970101", level="MISDEMEANOR", toc="M")
    p.conviction("11359 HS-POSSESS FOR SALE", "20000101")
    felony = run([p]).filter(pl.col("level") == "felony").row(0, named=True)
    assert felony["rule_id"] == "CHALLENGE_TWO_PRIORS"


def test_currently_serving_is_review_under_statutory() -> None:
    p = Person("1")
    p.conviction("11359 HS-SALE", "20150101", sentence=("10", "Y"))
    row = one([p])
    assert row["rule_id"] == "CHALLENGE_CURRENTLY_SERVING"
    assert row["currently_serving"] is True


def test_los_angeles_age_and_felony_free() -> None:
    old = Person("1", dob="19600101")
    old.conviction("11359 HS-SALE", "20150101")
    assert one([old], policy="los_angeles_2020")["rule_id"] in ("AGE_AT_LEAST",
                                                                 "SENTENCE_COMPLETED")
    young = Person("2", dob="19950101")
    young.conviction("11359 HS-SALE", "20100101")
    young.conviction("503 VC-TAKE CAR", "20200101", level="MISDEMEANOR", toc="M")
    row = one([young], policy="los_angeles_2020")
    assert row["rule_id"] == "YEARS_FELONY_FREE"


def test_sacramento_crime_free_uses_the_as_of_date_not_the_clock() -> None:
    p = Person("1", dob="19900101")
    p.conviction("11359 HS-SALE", "20100101", sentence=("20", "Y"))
    assert one([p], policy="sacramento_2019", as_of=date(2021, 1, 1))["rule_id"] == (
        "CHALLENGE_CURRENTLY_SERVING")
    q = Person("2", dob="19900101")
    q.conviction("11359 HS-SALE", "20100101")
    q.conviction("503 VC-TAKE CAR", "20150101")
    assert one([q], policy="sacramento_2019", as_of=date(2026, 1, 1))["rule_id"] == (
        "YEARS_CRIME_FREE")
    assert one([q], policy="sacramento_2019", as_of=date(2024, 1, 1))["rule_id"] == (
        "FELONY_REDUCE_SECTION")


def test_other_county_is_history_not_determination() -> None:
    p = Person("1")
    p.conviction("11359 HS-SALE", "20100101", county="YOLO")
    p.conviction("11357 HS-POSSESS", "20110101", level="MISDEMEANOR", toc="M")
    det = run([p])
    assert det["county"].to_list() == ["SACRAMENTO"]


def test_comment_only_charge_is_read_from_the_comment() -> None:
    p = Person("1")
    p.conviction("SEE COMMENT FOR CHARGE", "20100101", COMMENT_TEXT="11358 HS-CULTIVATE")
    row = one([p])
    assert row["section"] == "11358" and "comment_charge" in str(row["flags"])


def test_bear_leap_day_birthday_follows_go_date_arithmetic() -> None:
    # Born 1968-02-29: BEAR (Go AddDate) makes the 57th birthday 2025-03-01.
    p = Person("1", dob="19680229")
    p.conviction("11359 HS-SALE", "20150101")
    assert one([p], policy="bear_default", as_of=date(2025, 2, 28))["rule_id"] != "BEAR_AGE"
    assert one([p], policy="bear_default", as_of=date(2025, 3, 1))["rule_id"] == "BEAR_AGE"


def test_seven_year_figure_uses_as_of() -> None:
    p = Person("1")
    p.conviction("11357(B) HS-POSSESS", "20150101", level="MISDEMEANOR", toc="M")
    rows = rows_frame([p])
    policy = builtin_policy("statutory")
    recent = evaluate_rows(rows, county="SACRAMENTO", policy=policy, as_of=date(2019, 1, 1))
    later = evaluate_rows(rows, county="SACRAMENTO", policy=policy, as_of=date(2030, 1, 1))
    assert recent.summary.people_no_conviction_last_7_years == 1
    assert later.summary.people_no_conviction_last_7_years == 0


def test_cycle_related_offences_only_with_a_prop64_conviction_in_the_same_cycle() -> None:
    from app.eligibility.policy import policy_from_mapping

    policy = policy_from_mapping({"scope": {"related": ["cycle", "accessory"]}}, "related")
    p = Person("1")
    p.conviction("11357(B) HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M", cycle=1)
    p.conviction("11364 HS-PARAPHERNALIA", "20100101", level="MISDEMEANOR", toc="M", cycle=1)
    p.conviction("32 PC-ACCESSORY", "20100101", cycle=1)
    p.conviction("11364 HS-PARAPHERNALIA", "20120101", level="MISDEMEANOR", toc="M", cycle=2)
    det = evaluate_rows(rows_frame([p]), county="SACRAMENTO", policy=policy,
                        as_of=AS_OF).determinations
    assert det["code_section"].to_list() == ["11357(B) HS", "11364 HS", "32 PC"]
    assert det["rule_id"].to_list() == ["LAWFUL_TODAY", "RELATED_OFFENCE",
                                        "RELATED_OFFENCE"]
    assert "same arrest cycle" in det["reason"][1]
    assert run([p])["code_section"].to_list() == ["11357(B) HS"]  # statutory: not in scope


def test_a_person_split_across_files_is_one_person() -> None:
    from app.doj.reader import read_sources
    from app.doj.source import DojSource
    from tests.doj_builder import to_csv

    first, second = Person("7"), Person("7", _count=10)  # distinct counts of one person
    first.conviction("187 PC-MURDER", "19900101")
    second.conviction("11359 HS-SALE", "20000101")
    rows = read_sources([DojSource(name="a.dat", data=to_csv([first])),
                         DojSource(name="b.dat", data=to_csv([second], header=False))])
    result = evaluate_rows(rows, county="SACRAMENTO", policy=builtin_policy("statutory"),
                           as_of=AS_OF)
    assert result.determinations["rule_id"].to_list() == ["CHALLENGE_PRIOR_SUPER_STRIKE"]
    assert result.summary.people_evaluated == 1


def test_literal_rows_frame_with_nulls() -> None:
    from app.doj.schema import NEEDED

    row = {column: None for column in NEEDED}
    row.update(SUBJECT_ID="9", PRI_NAME="ROE,R", PRI_DOB="19700101",
               STP_EVENT_DATE="20100101", STP_TYPE_DESCR="COURT ACTION",
               STP_ORI_CNTY_NAME="SACRAMENTO", CNT_ORDER="001001001000",
               OFFENSE_DESCR="11359 HS-SALE", DISP_DESCR="CONVICTED", OFFENSE_TOC="F")
    rows = pl.DataFrame([row], schema={c: pl.String for c in NEEDED}).with_columns(
        source=pl.lit("literal"), line=pl.lit(1, pl.Int64))
    det = evaluate_rows(rows, county="SACRAMENTO", policy=builtin_policy("statutory"),
                        as_of=AS_OF).determinations
    assert det.row(0, named=True)["rule_id"] == "FELONY_REDUCE_SECTION"
    assert det.row(0, named=True)["case_number"] == ""
    assert "no_case_number" in det.row(0, named=True)["flags"]


def test_gang_enhancement_with_a_listed_offence_in_the_same_case_is_a_super_strike() -> None:
    combined = Person("1")
    combined.conviction("136.1(A) PC-DISSUADE WITNESS", "19950101", cycle=1)
    combined.conviction("186.22(B)(4) PC-GANG ENHANCEMENT", "19950101", cycle=1)
    combined.conviction("11359 HS-SALE", "20000101", cycle=2)
    row = run([combined]).row(0, named=True)
    assert row["rule_id"] == "CHALLENGE_PRIOR_SUPER_STRIKE"
    assert "136.1(A) PC with 186.22(B)(4) PC on 1995-01-01" in row["facts"]
    alone = Person("2")
    alone.conviction("136.1(A) PC-DISSUADE WITNESS", "19950101", cycle=1)
    alone.conviction("186.22(B)(4) PC-GANG ENHANCEMENT", "19960101", cycle=2)
    alone.conviction("11359 HS-SALE", "20000101", cycle=3)
    assert run([alone]).row(0, named=True)["rule_id"] == "FELONY_REDUCE_SECTION"
