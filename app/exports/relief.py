"""What happens to each identified conviction, in the words every paper uses.

One frame (`outcomes`) says, after staff decisions, whether each conviction is granted (and in
which relief category), challenged, not eligible, already granted or still pending; one
dataclass (`Accounting`) holds the figures every paper recites, so the motion, the order,
Exhibit 1, its cover, the challenged list and the impact report cannot disagree.

The relief categories follow HS 11361.8 (docs/CONTRACTS.md, `relief` and `basis`): conduct
lawful today (HS 11362.1) is "legally invalid" and dismissed; a county-policy or staff
dismissal is the People's request, never called legally invalid; a redesignation says to what;
a person still serving is recalled and resentenced.
"""

from dataclasses import dataclass
from typing import Final

import polars as pl

from app.counties import title_case
from app.eligibility.dates import PROP64_EFFECTIVE

FINAL: Final = "final"  # determination after staff decisions
OUTCOME: Final = "outcome"  # granted | challenged | not_eligible | already_granted | pending
CATEGORY: Final = "category"  # a Category key for granted rows, else null
RELIEF_VALUES: Final = (
    "dismiss_seal", "redesignate_misdemeanor", "redesignate_infraction", "recall_resentence",
    "none",
)  # fmt: skip
BASIS_VALUES: Final = ("statute", "county_policy", "staff")
# The row order of the exhibit and of the challenged list.
DOCUMENT_ORDER: Final = ("name", "subject_id", "conviction_date", "cnt_order")


@dataclass(frozen=True)
class Category:
    """One kind of relief: its words in Exhibit 1 (`label`) and in the order."""

    key: str
    label: str  # the Relief column of Exhibit 1, quoted by the motion and the order
    citation: str  # the statute a statutory basis rests on
    lawful: bool  # conduct lawful today: the statute's "legally invalid"
    sealed: bool  # the conviction is sealed, so its whole case may be
    request: str  # what the motion asks for each; {authority} is the office's setting
    order: str  # what the order does to each


LAWFUL: Final = Category(
    key="lawful",
    label="Dismissed and sealed as now lawful",
    citation="HS 11361.8(e)-(f); HS 11362.1",
    lawful=True,
    sealed=True,
    request="that each be dismissed and sealed as legally invalid, the conduct being lawful "
    "today (Health & Saf. Code, §§ 11361.8, subds. (e)-(f), 11362.1)",
    order="the conduct is lawful today (Health & Saf. Code, § 11362.1); each conviction is "
    "legally invalid and is dismissed and sealed under Health and Safety Code section 11361.8, "
    "subdivisions (e) and (f).",
)
LAWFUL_SERVING: Final = Category(
    key="lawful_serving",
    label="Sentence recalled and dismissed as now lawful",
    citation="HS 11361.8(a)-(b); HS 11362.1",
    lawful=True,
    sealed=False,  # sealing is only in 11361.8(e)-(f), for completed sentences
    request="that the sentence of each be recalled and the conviction dismissed as legally "
    "invalid, the conduct being lawful today (Health & Saf. Code, §§ 11361.8, subds. (a)-(b), "
    "11362.1)",
    order="the conduct is lawful today (Health & Saf. Code, § 11362.1); each conviction is "
    "legally invalid, and its sentence is recalled and the conviction dismissed under Health "
    "and Safety Code section 11361.8, subdivisions (a) and (b).",
)
PEOPLES_REQUEST: Final = Category(
    key="peoples_request",
    label="Dismissed and sealed at the People's request",
    citation="",
    lawful=False,
    sealed=True,
    request="that each be dismissed and sealed at the People's request, under the District "
    "Attorney's county policy or individual decision{authority}; the People do not ask the "
    "Court to find these convictions legally invalid",
    order="each conviction is dismissed and sealed at the People's request{authority}.",
)
MISDEMEANOR: Final = Category(
    key="misdemeanor",
    label="Redesignated as a misdemeanor",
    citation="HS 11361.8(e)-(f)",
    lawful=False,
    sealed=False,
    request="that each be redesignated a misdemeanor (Health & Saf. Code, § 11361.8, "
    "subds. (e)-(f))",
    order="each conviction is redesignated a misdemeanor under Health and Safety Code section "
    "11361.8, subdivisions (e) and (f).",
)
INFRACTION: Final = Category(
    key="infraction",
    label="Redesignated as an infraction",
    citation="HS 11361.8(e)-(f)",
    lawful=False,
    sealed=False,
    request="that each be redesignated an infraction (Health & Saf. Code, § 11361.8, "
    "subds. (e)-(f))",
    order="each conviction is redesignated an infraction under Health and Safety Code section "
    "11361.8, subdivisions (e) and (f).",
)
RECALL: Final = Category(
    key="recall",
    label="Recalled and resentenced",
    citation="HS 11361.8(a)-(b)",
    lawful=False,
    sealed=False,
    request="that the sentence of each be recalled and the person resentenced (Health & Saf. "
    "Code, § 11361.8, subds. (a)-(b))",
    order="the sentence of each is recalled and the person resentenced under Health and "
    "Safety Code section 11361.8, subdivisions (a) and (b).",
)
CATEGORIES: Final = (LAWFUL, LAWFUL_SERVING, PEOPLES_REQUEST, MISDEMEANOR, INFRACTION, RECALL)
BY_KEY: Final = {category.key: category for category in CATEGORIES}
BASIS_WORDS: Final = {"county_policy": "County policy", "staff": "District Attorney's decision"}


def outcomes(determinations: pl.DataFrame) -> pl.DataFrame:
    """The determinations with `final`, `final_relief`, `final_basis`, `staff_decided`,
    `held_back`, `outcome` and `category` added (staff decisions applied by
    app.review.decisions; a frame without them is the engine's as it stands)."""
    frame = determinations
    if "final_determination" in frame.columns:
        final = pl.coalesce(pl.col("final_determination"), pl.col("determination"))
    else:
        final = pl.col("determination")
    relief = pl.col("final_relief") if "final_relief" in frame.columns else pl.col("relief")
    basis = pl.col("final_basis") if "final_basis" in frame.columns else pl.col("basis")
    staff = (
        pl.col("status").is_in(["accepted", "changed"]).fill_null(False)
        if "status" in frame.columns
        else pl.lit(False)
    )
    frame = frame.with_columns(
        final.alias(FINAL),
        pl.coalesce(relief, pl.lit("none")).alias("final_relief"),
        basis.alias("final_basis"),
        staff.alias("staff_decided"),
    )
    granted = pl.col(FINAL).is_in(["dismiss", "reduce"]) & (pl.col("final_relief") != "none")
    # The law bounds every preset: an offense on or after the Act (or of no known date) never
    # reaches the court without a person deciding it.
    held = granted & ~pl.col("staff_decided") & offense_on_or_after_act()
    outcome = (
        pl.when(held).then(pl.lit("pending"))
        .when(granted).then(pl.lit("granted"))
        .when(pl.col(FINAL) == "challenge").then(pl.lit("challenged"))
        .when(pl.col(FINAL) == "not_eligible").then(pl.lit("not_eligible"))
        .when(pl.col(FINAL) == "already_granted").then(pl.lit("already_granted"))
        .otherwise(pl.lit("pending"))
    )  # fmt: skip
    serving = pl.col("currently_serving").fill_null(False)
    dismissal = pl.col("final_relief") == "dismiss_seal"
    category = (
        pl.when(pl.col(OUTCOME) != "granted").then(pl.lit(None, pl.String))
        .when(dismissal & (pl.col("final_basis") == "statute") & serving)
        .then(pl.lit(LAWFUL_SERVING.key))
        .when(dismissal & (pl.col("final_basis") == "statute")).then(pl.lit(LAWFUL.key))
        .when(dismissal).then(pl.lit(PEOPLES_REQUEST.key))
        .when(pl.col("final_relief") == "redesignate_misdemeanor").then(pl.lit(MISDEMEANOR.key))
        .when(pl.col("final_relief") == "redesignate_infraction").then(pl.lit(INFRACTION.key))
        .otherwise(pl.lit(RECALL.key))
    )  # fmt: skip
    return frame.with_columns(held.alias("held_back"), outcome.alias(OUTCOME)).with_columns(
        category.alias(CATEGORY)
    )


def _case_sealable(frame: pl.DataFrame) -> pl.DataFrame:
    """Per court case number: every conviction in it granted with a sealing relief, and no
    other (not evaluated) conviction in it. Rows without a case number form no case."""
    sealing = [c.key for c in CATEGORIES if c.sealed]
    numbered = frame.filter(pl.col("case_number").fill_null("").str.strip_chars() != "")
    others = (
        numbered.select("case_number", "case_key", "case_other_convictions")
        .unique(["case_number", "case_key"])
        .group_by("case_number")
        .agg(pl.col("case_other_convictions").fill_null(0).sum().alias("_others"))
    )
    return (
        numbered.group_by("case_number")
        .agg(pl.col(CATEGORY).is_in(sealing).fill_null(False).all().alias("_all"))
        .join(others, on="case_number")
        .select("case_number", (pl.col("_all") & (pl.col("_others") == 0)).alias("case_sealable"))
    )


def granted_convictions(frame: pl.DataFrame) -> pl.DataFrame:
    """The granted rows of `outcomes(...)`, in Exhibit 1 order, with `case_sealable`."""
    cases = _case_sealable(frame)
    return (
        frame.filter(pl.col(OUTCOME) == "granted")
        .join(cases, on="case_number", how="left", maintain_order="left")
        .with_columns(pl.col("case_sealable").fill_null(False))
        .sort(DOCUMENT_ORDER, nulls_last=True)
    )


def relief_words() -> pl.Expr:
    """Exhibit 1's Relief column: the category's label."""
    return pl.col(CATEGORY).replace_strict({c.key: c.label for c in CATEGORIES}, default="")


def basis_words(authority: str) -> pl.Expr:
    """Exhibit 1's Basis column: the statute, or county policy / the DA's decision (with the
    authority the office cites for discretionary dismissals, if it set one)."""
    citation = pl.col(CATEGORY).replace_strict({c.key: c.citation for c in CATEGORIES},
                                               default="")
    discretion = pl.col("final_basis").replace_strict(BASIS_WORDS, default="County policy")
    if authority.strip():
        discretion = pl.format("{} ({})", discretion, pl.lit(authority.strip()))
    return (
        pl.when(pl.col(CATEGORY) == PEOPLES_REQUEST.key).then(discretion)
        .when(pl.col("final_basis").is_in(["county_policy", "staff"]))
        .then(pl.format("{}; {}", citation, discretion))
        .otherwise(citation)
    )  # fmt: skip


def has_case_number() -> pl.Expr:
    return pl.col("case_number").fill_null("").str.strip_chars() != ""


def offense_on_or_after_act() -> pl.Expr:
    """Prop 64 reaches only offenses before 2016-11-09 (HS 11361.8(a), (e): "had [the Act]
    been in effect at the time of the offense"); an offense of no known date may be after."""
    offense = pl.coalesce(pl.col("offense_date"), pl.col("conviction_date"))
    return offense.is_null() | (offense >= PROP64_EFFECTIVE)


@dataclass(frozen=True)
class Accounting:
    """Every identified conviction in exactly one place; the figures all papers recite."""

    identified: int
    granted: int
    by_category: tuple[tuple[Category, int], ...]  # only the categories present, in order
    challenged: int
    not_eligible: int
    already_granted: int
    pending: int  # under review, including those held back
    held_back: int  # granted by a preset but offense on/after 2016-11-09 (or unknown date)
    people: int  # distinct non-blank subject ids with a granted conviction
    cases_sealable: int  # court case numbers in which every conviction is dismissed and sealed
    granted_without_case_number: int
    staff_confirmed: int  # granted convictions a person decided or confirmed
    serving_unknown: int  # granted convictions whose sentence end is unknown

    @property
    def listed_separately(self) -> int:
        """Rows of the challenged list: everything identified that is not in Exhibit 1."""
        return self.identified - self.granted

    def count(self, category: Category) -> int:
        return dict((c.key, n) for c, n in self.by_category).get(category.key, 0)


def accounting(frame: pl.DataFrame) -> Accounting:
    """`frame`: outcomes(...)."""
    granted = granted_convictions(frame)
    by_outcome = dict(frame.get_column(OUTCOME).value_counts().iter_rows())
    present = dict(granted.get_column(CATEGORY).value_counts().iter_rows())
    return Accounting(
        identified=frame.height,
        granted=granted.height,
        by_category=tuple((c, int(present[c.key])) for c in CATEGORIES if present.get(c.key)),
        challenged=int(by_outcome.get("challenged", 0)),
        not_eligible=int(by_outcome.get("not_eligible", 0)),
        already_granted=int(by_outcome.get("already_granted", 0)),
        pending=int(by_outcome.get("pending", 0)),
        held_back=int(frame.get_column("held_back").sum()),
        people=persons(granted),
        cases_sealable=granted.filter(pl.col("case_sealable")).get_column("case_number")
        .n_unique(),
        granted_without_case_number=int((~granted.select(has_case_number()).to_series()).sum()),
        staff_confirmed=int(granted.get_column("staff_decided").sum()),
        serving_unknown=int(granted.get_column("currently_serving").is_null().sum()),
    )


def persons(frame: pl.DataFrame) -> int:
    """Distinct people: a blank SUBJECT_ID is a data error, never a person."""
    ids = frame.get_column("subject_id").cast(pl.String).str.strip_chars()
    return ids.filter(ids.fill_null("") != "").n_unique()


def superior_court(county: str) -> str:
    """The court named in the workbooks' print headers."""
    return f"Superior Court, County of {title_case(county)}" if county else "Superior Court"


def display_name(raw: str | None) -> str:
    """`DOE,JANE Q` -> `DOE, JANE Q` (last, first) for the documents."""
    if not raw:
        return ""
    last, _, first = raw.partition(",")
    return f"{last.strip()}, {first.strip()}" if first.strip() else last.strip()
