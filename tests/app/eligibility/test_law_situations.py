"""The situations issue 16 lists, and the grounds, citations, county choices and deadlines
of docs/LAW.md, each on a small DOJ record."""

from datetime import date

import polars as pl
import pytest

from app.eligibility.deadlines import WINDOW_CLOSED
from app.eligibility.policy import builtin_policy
from app.pipeline import evaluate_rows
from tests.doj_builder import Person, rows_frame

AS_OF = date(2024, 1, 1)


def run(people: list[Person], policy: str = "statutory", as_of: date = AS_OF) -> pl.DataFrame:
    return evaluate_rows(rows_frame(people), county="SACRAMENTO", policy=builtin_policy(policy),
                         as_of=as_of).determinations


def cannabis(people: list[Person], **kwargs: object) -> dict[str, object]:
    """The one Prop 64 determination of the record (priors are other sections)."""
    det = run(people, **kwargs)  # type: ignore[arg-type]
    rows = det.filter(pl.col("section").is_in(["11357", "11358", "11359", "11360"]))
    assert rows.height == 1, rows
    return rows.row(0, named=True)


def test_adult_old_11357c_over_28_5_g_is_the_same_misdemeanor_today() -> None:
    p = Person("1", dob="19700101")
    p.conviction("11357(C) HS-POSSESS OVER 28.5 GRAMS", "20100101", level="MISDEMEANOR",
                 toc="M")
    row = cannabis([p])
    assert (row["determination"], row["relief"], row["rule_id"]) == (
        "not_eligible", "none", "SAME_OFFENSE_TODAY")
    assert "HS 11357(b)(2)" in str(row["reason"])


def test_a_19_year_olds_28_5_g_infraction_is_still_an_infraction() -> None:
    p = Person("1", dob="19910101")
    p.conviction("11357(B) HS-POSSESS", "20100601", level="", toc="I")
    row = cannabis([p])
    assert row["age_at_offense"] == 19
    assert (row["determination"], row["relief"]) == ("not_eligible", "none")
    assert "HS 11357(a)(2)" in str(row["reason"])


def test_misdemeanor_11359_is_still_a_misdemeanor_also_after_pc_17b() -> None:
    plain = Person("1", dob="19700101")
    plain.conviction("11359 HS-POSSESS FOR SALE", "20100101", level="MISDEMEANOR", toc="M")
    reduced = Person("2", dob="19700101")
    order = reduced.conviction("11359 HS-POSSESS FOR SALE", "20100101")
    reduced.later_entry(order, "20120101", "REDUCED TO MISDEMEANOR PER 17(B) PC")
    for person in (plain, reduced):
        row = cannabis([person])
        assert (row["determination"], row["relief"]) == ("not_eligible", "none"), row
        assert "HS 11359(b)" in str(row["reason"])


def test_11357_felony_with_a_prior_murder_has_no_ground() -> None:
    p = Person("1", dob="19700101")
    p.conviction("187 PC-MURDER", "19950101")
    p.conviction("11357(A) HS-POSSESS CONCENTRATE", "20100101")
    row = cannabis([p])
    assert (row["determination"], row["relief"]) == ("reduce", "redesignate_misdemeanor")
    assert "prior_super_strike" in str(row["flags"])  # shown, not a ground


def test_a_minors_11359_with_a_prior_has_no_ground() -> None:
    p = Person("1", dob="19940101")
    p.conviction("187 PC-MURDER", "20090101")
    p.conviction("11359 HS-SALE", "20100101")
    row = cannabis([p])
    assert row["age_at_offense"] == 16
    assert (row["determination"], row["relief"]) == ("reduce", "redesignate_infraction")
    assert "HS 11359(a)" in str(row["reason"])


def test_offense_before_prop64_convicted_after_is_eligible() -> None:
    p = Person("1", dob="19700101")
    p.conviction("11359 HS-SALE", "20170301", CYC_DATE="20160601")
    row = cannabis([p])
    assert row["offense_date"] == date(2016, 6, 1)
    assert (row["determination"], row["rule_id"]) == ("reduce", "FELONY_REDUCE_SECTION")
    assert "after_prop64" not in str(row["flags"])
    later = Person("2", dob="19700101")
    later.conviction("11359 HS-SALE", "20170301", CYC_DATE="20161109")
    assert cannabis([later])["rule_id"] == "AFTER_PROP64"


def test_attempted_murder_written_664_slash_187_is_a_super_strike() -> None:
    p = Person("1", dob="19700101")
    p.conviction("664/187(A) PC-ATTEMPTED MURDER", "19950101")
    p.conviction("11359 HS-SALE", "20100101")
    row = cannabis([p])
    assert row["rule_id"] == "CHALLENGE_PRIOR_SUPER_STRIKE"
    assert row["statute"].startswith("HS 11359(c)(1); PC 667(e)(2)(C)(iv)")


def test_three_11359_felonies_the_third_is_a_two_priors_review() -> None:
    p = Person("1", dob="19700101")
    for year in ("2005", "2007", "2010"):
        p.conviction("11359 HS-SALE", f"{year}0101", case=f"F{year}")
    det = run([p])
    assert det["rule_id"].to_list() == ["FELONY_REDUCE_SECTION", "FELONY_REDUCE_SECTION",
                                        "CHALLENGE_TWO_PRIORS"]
    third = det.row(2, named=True)
    assert third["statute"] == "HS 11359(c)(2)"
    assert "contested" in third["reason"]


def test_subdivision_written_without_parentheses_is_read() -> None:
    p = Person("1", dob="19700101")
    p.conviction("11360A2 HS-SELL", "20100101", level="MISDEMEANOR", toc="M")
    row = cannabis([p])
    assert row["rule_id"] == "SAME_OFFENSE_TODAY"
    assert "HS 11360(a)(2)" in str(row["reason"])


def test_unknown_sentence_is_never_completed_under_los_angeles() -> None:
    p = Person("1", dob="19800101")  # under 50; a felony within 10 years of the as-of date
    p.conviction("459 PC-BURGLARY", "20200101")
    p.conviction("11359 HS-SALE", "20100101")
    row = cannabis([p], policy="los_angeles_2020")
    assert (row["determination"], row["rule_id"]) == ("review", "SENTENCE_COMPLETION_UNKNOWN")
    assert row["currently_serving"] is None
    completed = Person("2", dob="19800101")
    completed.conviction("459 PC-BURGLARY", "20200101")
    completed.conviction("11359 HS-SALE", "20100101", sentence=("2", "Y"))
    row = cannabis([completed], policy="los_angeles_2020")
    assert (row["rule_id"], row["relief"], row["basis"]) == (
        "SENTENCE_COMPLETED", "dismiss_seal", "county_policy")


@pytest.mark.parametrize(("prior", "rule", "statute"), [
    ("314(1) PC-INDECENT EXPOSURE", "CHALLENGE_PRIOR_PC290", "HS 11360(a)(3)(A); PC 290(c)"),
    ("187 PC-MURDER", "CHALLENGE_PRIOR_SUPER_STRIKE", "HS 11360(a)(3)(A); PC 667(e)(2)(C)(iv)"),
])
def test_prior_grounds_cite_the_sections_own_subdivision(prior: str, rule: str,
                                                          statute: str) -> None:
    p = Person("1", dob="19700101")
    p.conviction(prior, "19950101")
    p.conviction("11360(A) HS-SELL", "20100101")
    row = cannabis([p])
    assert row["rule_id"] == rule
    assert row["statute"].startswith(statute)


def test_super_strike_ground_of_a_cultivation_cites_11358_d_1() -> None:
    p = Person("1", dob="19700101")
    p.conviction("187 PC-MURDER", "19950101")
    p.conviction("11358 HS-CULTIVATE", "20100101")
    assert "HS 11358(d)(1)" in cannabis([p])["statute"]


def test_registration_without_the_conviction_is_a_review_naming_it() -> None:
    p = Person("1", dob="19700101")
    p.step("REGISTRATION", "20000101", "290 PC-REGISTRATION")
    p.conviction("11359 HS-SALE", "20100101")
    row = cannabis([p])
    assert row["rule_id"] == "CHALLENGE_PC290_REGISTRANT"
    assert "11361.8(b)" not in row["statute"]
    assert row["statute"] == "HS 11359(c)(1); PC 290(c)"
    assert "PC 290.006" in row["reason"]


def test_a_conviction_after_the_offense_but_before_its_conviction_is_a_review() -> None:
    p = Person("1", dob="19700101")
    p.conviction("187 PC-MURDER", "20090601")
    p.conviction("11359 HS-SALE", "20100101", CYC_DATE="20090101")
    assert cannabis([p])["rule_id"] == "CHALLENGE_PRIOR_AFTER_OFFENSE"


def test_a_super_strike_after_the_conviction_is_no_prior() -> None:
    p = Person("1", dob="19700101")
    p.conviction("11359 HS-SALE", "20100101")
    p.conviction("187 PC-MURDER", "20150101")
    assert cannabis([p])["rule_id"] == "FELONY_REDUCE_SECTION"


def test_the_challenge_window_is_said_closed_only_after_2020_07_01() -> None:
    p = Person("1", dob="19700101")
    p.conviction("187 PC-MURDER", "19950101")
    p.conviction("11359 HS-SALE", "20100101")
    before = cannabis([p], as_of=date(2020, 7, 1))
    after = cannabis([p], as_of=date(2020, 7, 2))
    assert before["rule_id"] == after["rule_id"] == "CHALLENGE_PRIOR_SUPER_STRIKE"
    assert WINDOW_CLOSED not in before["reason"]
    assert WINDOW_CLOSED in after["reason"]
    summary = evaluate_rows(rows_frame([p]), county="SACRAMENTO",
                            policy=builtin_policy("statutory"), as_of=date(2026, 1, 1)).summary
    assert summary.deadlines.challenge_deadline == date(2020, 7, 1)
    assert summary.deadlines.challenge_window_closed is True
    assert "2020-07-01" in summary.deadlines.grounds["prior_super_strike"]
    assert summary.to_json()["deadlines"]["challenge_deadline"] == "2020-07-01"


def test_already_granted_is_shown_never_filed_again_and_counted() -> None:
    p = Person("1", dob="19700101")
    order = p.conviction("11359 HS-SALE", "20100101")
    p.later_entry(order, "20190601", "REDESIGNATED AS MISDEMEANOR PER HS 11361.8")
    other = Person("2", dob="19700101")
    other.conviction("11359 HS-SALE", "20100101")
    result = evaluate_rows(rows_frame([p, other]), county="SACRAMENTO",
                           policy=builtin_policy("statutory"), as_of=AS_OF)
    det = result.determinations
    assert det["determination"].to_list() == ["already_granted", "reduce"]
    assert det["relief"].to_list() == ["none", "redesignate_misdemeanor"]
    compliance = result.summary.compliance
    assert (compliance.identified, compliance.already_granted, compliance.to_file,
            compliance.challenged_or_not_eligible, compliance.pending) == (2, 1, 1, 0, 0)


def test_juvenile_adjudication_is_shown_and_gets_a_minors_relief() -> None:
    p = Person("1", dob="")
    p.conviction("11359 HS-SALE", "20100101", STP_ORI_DESCR="CAJV SACRAMENTO")
    row = cannabis([p])
    assert "juvenile" in str(row["flags"]).split("; ")
    assert (row["relief"], row["determination"]) == ("redesignate_infraction", "reduce")
    assert "11361.8(m)" in row["facts"]


def test_county_dismissals_are_county_policy_and_statute_only_where_the_law_gives_it() -> None:
    adult_small = Person("1", dob="19700101")
    adult_small.conviction("11357(B) HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    adult_large = Person("2", dob="19700101")
    adult_large.conviction("11357(C) HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    older = Person("3", dob="19600101")  # 50 or older: Los Angeles dismisses the felony
    older.conviction("11359 HS-SALE", "20100101", sentence=("20", "Y"))
    det = run([adult_small, adult_large], policy="los_angeles_2020")
    assert det["basis"].to_list() == ["statute", "county_policy"]
    assert det["relief"].to_list() == ["dismiss_seal", "dismiss_seal"]
    statutory = run([adult_small, adult_large])
    assert statutory["determination"].to_list() == ["dismiss", "not_eligible"]


def test_bear_emits_relief_and_basis_and_never_calls_a_post_2016_dismissal_statute() -> None:
    old = Person("1", dob="19700101")
    old.conviction("11357(B) HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
    new = Person("2", dob="19700101")
    new.conviction("11357(B) HS-POSSESS", "20180101", level="MISDEMEANOR", toc="M")
    det = run([old, new], policy="bear_default")
    assert det["rule_id"].to_list() == ["BEAR_MISDEMEANOR", "BEAR_MISDEMEANOR"]
    assert det["relief"].to_list() == ["dismiss_seal", "dismiss_seal"]
    assert det["basis"].to_list() == ["statute", "county_policy"]


def test_still_serving_is_a_recall_review() -> None:
    p = Person("1", dob="19700101")
    p.conviction("11359 HS-SALE", "20150101", sentence=("20", "Y"))
    row = cannabis([p])
    assert (row["rule_id"], row["relief"]) == ("CHALLENGE_CURRENTLY_SERVING",
                                               "recall_resentence")
    assert "HS 11361.8(a)-(b)" in row["statute"]


def test_felony_redesignation_carries_the_reviewers_checklist() -> None:
    p = Person("1", dob="19700101")
    p.conviction("11360(A) HS-SELL", "20100101")
    row = cannabis([p])
    assert "HS 11360(a)(3)(C)" in row["facts"] and "HS 11360(a)(3)(D)" in row["facts"]


def test_the_floor_reads_the_same_from_every_shape_of_delivery() -> None:
    """Quoted names, CRLF, a byte-order mark, no header, one person split over two files,
    subdivisions with and without parentheses: the same determinations."""
    from app.doj.reader import read_sources
    from app.doj.source import DojSource
    from tests.doj_builder import to_csv

    def people() -> tuple[Person, Person]:
        first = Person("7", name="ROE,RICHARD Q", dob="19700101")
        first.conviction("11360A2 HS-SELL", "20100101", level="MISDEMEANOR", toc="M")
        first.conviction("11357(B) HS-POSSESS", "20100101", level="MISDEMEANOR", toc="M")
        second = Person("7", name="ROE,RICHARD Q", dob="19700101", _count=10)
        second.conviction("11359B HS-SALE", "20090101")
        second.conviction("11358 HS-CULTIVATE", "20080101", CYC_DATE="20070601")
        return first, second

    first, second = people()
    plain = run([first, second])
    first, second = people()
    shaped = read_sources([
        DojSource(name="a.dat", data=b"\xef\xbb\xbf" + to_csv([first], crlf=True)),
        DojSource(name="b.dat", data=to_csv([second], header=False, crlf=True)),
    ])
    split = evaluate_rows(shaped, county="SACRAMENTO", policy=builtin_policy("statutory"),
                          as_of=AS_OF).determinations
    columns = ["cnt_order", "determination", "relief", "basis", "offense_date", "age_at_offense"]
    assert split.select(columns).sort("cnt_order").rows() == plain.select(columns).sort(
        "cnt_order").rows()
    assert sorted(plain["relief"].to_list()) == ["dismiss_seal", "none", "redesignate_misdemeanor",
                                                 "redesignate_misdemeanor"]


def test_a_misdemeanor_still_being_served_is_a_recall_review_unless_the_county_dismisses() -> None:
    p = Person("1", dob="19700101")
    p.conviction("11357(B) HS-POSSESS", "20150101", level="MISDEMEANOR", toc="M",
                 sentence=("20", "Y"))
    row = cannabis([p])
    assert (row["rule_id"], row["relief"]) == ("CHALLENGE_CURRENTLY_SERVING",
                                               "recall_resentence")
    county = cannabis([p], policy="los_angeles_2020")
    assert (county["rule_id"], county["relief"], county["basis"]) == (
        "MISDEMEANOR_OR_INFRACTION", "recall_resentence", "statute")
