"""Cannabis counts the juvenile court decided that DOJ lists without a conviction.

A DOJ entry is a conviction only when its disposition starts with CONVICTED
(app.eligibility.rows); the engine evaluates convictions. A juvenile court's finding is an
adjudication, not a conviction (WIC 203), and DOJ may write it otherwise (`SUSTAINED
PETITION`, `WARD OF COURT`...). HS 11361.8(m) gives juvenile adjudications the same relief as
convictions, by the person's petition or application (HS 11361.8(a), (e)); the DOJ list of
HS 11361.9 names convictions. So such a count is not evaluated, and is not dropped silently
either: it is listed here, counted in summary.json (`juvenile_not_evaluated`), and named by
`evaluate` and `export` for a person to review by hand (docs/LAW.md, section 1).
"""

from typing import Final

import polars as pl

from app.eligibility.convictions import juvenile_court, with_sections
from app.eligibility.rows import text, trimmed
from app.eligibility.sections import PROP64_NUMBERS

# What a person does with them, in the words `evaluate`, `export` and docs/LAW.md use.
WHAT_TO_DO: Final = (
    "a juvenile adjudication is not a conviction, and CountyClear evaluates convictions; "
    "HS 11361.8(m) gives it the same relief on the person's petition or application "
    "(HS 11361.8(a), (e)): review each by hand"
)


def juvenile_note(count: int, where: str = "") -> str:
    """The juvenile court counts not evaluated, in one sentence (`where`: their places)."""
    places = f" ({where})" if where else ""
    return (f"{count:,} cannabis count(s) of a juvenile court in the DOJ file record a "
            f"finding but no conviction and were not evaluated{places}: {WHAT_TO_DO}.")

# A disposition that found nothing (or set the finding aside): nothing to relieve.
_NO_FINDING: Final = ("DISMISS", "NOT SUSTAIN", "NOT TRUE", "ACQUIT", "NOT GUILTY")

_COLUMNS: Final = ("subject_id", "CNT_ORDER", "source", "line", "STP_ORI_DESCR",
                   "STP_EVENT_DATE", "code_section", "DISP_DESCR")  # fmt: skip


def found(disposition: pl.Expr) -> pl.Expr:
    """A disposition that records a finding: not blank, and none of the words of a
    dismissal, a petition not sustained or an acquittal."""
    text = disposition.fill_null("")
    return (text != "") & ~pl.any_horizontal(
        [text.str.contains(word, literal=True) for word in _NO_FINDING]
    )


def juvenile_not_evaluated(prepared: pl.LazyFrame, county: str) -> pl.DataFrame:
    """One row per count (subject_id, CNT_ORDER) of a juvenile court in `county` for a Prop 64
    section (an attempt or conspiracy included) with a finding and no CONVICTED row: the
    count, where it is (`source`, `line`), the court, its date, the charge and the
    disposition, in file order. `prepared`: app.eligibility.rows.prepare_rows."""
    keys = ["subject_id", "CNT_ORDER"]
    agency, disposition = text("STP_ORI_DESCR"), text("DISP_DESCR")
    # Literal searches over every row first (half the cost of the exact test on a million
    # rows), then the exact test on the few rows they leave.
    maybe = (agency.str.contains("JUV", literal=True) | agency.str.contains("CAJV", literal=True)
             | disposition.str.contains("JUVENILE", literal=True))
    findings = prepared.filter(maybe).collect().filter(
        ~pl.col("convicted") & found(disposition) & juvenile_court(agency, disposition)
    )  # few: read by both queries below
    # A count with a CONVICTED row anywhere (a later entry included) is evaluated already.
    evaluated = prepared.filter(pl.col("convicted")).select(keys).join(
        findings.lazy().select(keys), on=keys, how="semi"
    )
    candidates = (
        findings.lazy().join(evaluated, on=keys, how="anti")
        .group_by(keys, maintain_order=True).first()
        .with_columns(*trimmed("STP_ORI_DESCR", "STP_ORI_CNTY_NAME", "STP_EVENT_DATE",
                               "OFFENSE_DESCR", "COMMENT_TEXT", "DISP_DESCR"))
        .filter(pl.col("STP_ORI_CNTY_NAME") == county)
    )
    cannabis = pl.col("section_number").is_in(PROP64_NUMBERS) & pl.col("section_code").is_in(
        ["HS", ""]
    )
    return with_sections(candidates).filter(cannabis).select(_COLUMNS).collect()


def locations(frame: pl.DataFrame, limit: int = 3) -> str:
    """Where the first `limit` of them are: `a.csv line 12, a.csv line 40 and 3 more`."""
    shown = [f"{source} line {line}" for source, line in
             frame.select("source", "line").head(limit).iter_rows()]
    more = frame.height - len(shown)
    return ", ".join(shown) + (f" and {more:,} more" if more > 0 else "")
