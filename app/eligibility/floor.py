"""The statutory floor: what the law itself gives a conviction (docs/LAW.md, table 1).

HS 11361.8 asks what the person "would have been guilty of" had Prop 64 been in effect at the
time of the offense. That depends on the conduct the old subdivision describes and on the
person's age at the offense. Each conviction falls in one conduct class; each class and age
band says what the conduct is today, as surely as the file shows it (`sure`), and at best if
a fact the file lacks turns out in the person's favor (`best`, with that fact named).
The relief compares today's level with the level the person was convicted at.

Everything here is data plus vectorised polars expressions: a test walks every row, and
docs/LAW.md prints the same table.
"""

from dataclasses import dataclass
from typing import Final, Literal

import polars as pl

# What the conduct is today, least to most serious.
LAWFUL, INFRACTION, MISDEMEANOR, FELONY = 0, 1, 2, 3
LEVEL_NAMES: Final = {LAWFUL: "lawful", INFRACTION: "infraction", MISDEMEANOR: "misdemeanor",
                      FELONY: "felony"}
CONVICTED_LEVEL: Final = {"infraction": INFRACTION, "misdemeanor": MISDEMEANOR,
                          "felony": FELONY}

Relief = Literal["dismiss_seal", "redesignate_misdemeanor", "redesignate_infraction",
                 "recall_resentence", "none"]
RELIEFS: Final[tuple[Relief, ...]] = ("dismiss_seal", "redesignate_misdemeanor",
                                      "redesignate_infraction", "recall_resentence", "none")
# How much relief each form is, for "never more than the floor" (recall_resentence is a
# procedure, compared by the form it recalls into).
RELIEF_RANK: Final = {"none": 0, "redesignate_misdemeanor": 1, "redesignate_infraction": 2,
                      "dismiss_seal": 3}
RELIEF_WORDS: Final = {
    "dismiss_seal": "dismiss and seal as now legally invalid",
    "redesignate_misdemeanor": "redesignate as a misdemeanor",
    "redesignate_infraction": "redesignate as an infraction",
    "recall_resentence": "recall the sentence and resentence or dismiss",
    "none": "no relief",
}

Band = Literal["under_18", "18_20", "21_plus"]
BANDS: Final[tuple[Band, ...]] = ("under_18", "18_20", "21_plus")
BAND_WORDS: Final = {"under_18": "under 18", "18_20": "18 to 20", "21_plus": "21 or older",
                     "unknown": "of unknown age"}


@dataclass(frozen=True)
class Today:
    """The conduct today for one age band: surely `sure` (under `statute`); `best` (under
    `best_statute`) if `fact`, which the file does not show, holds."""

    sure: int
    statute: str
    best: int | None = None
    best_statute: str = ""
    fact: str = ""

    @property
    def at_best(self) -> int:
        return self.sure if self.best is None else self.best


@dataclass(frozen=True)
class ConductClass:
    id: str
    conduct: str
    today: dict[Band, Today]


_EIGHT_G = "the concentrated cannabis was not more than 8 g"
_SIX_PLANTS = "the cultivation was of six living plants or fewer"
_SMALL_ANY = ("the amount was not more than 28.5 g (8 g of concentrated cannabis) and not on "
              "school grounds")
_GIFT = ("the cannabis was transported not for sale, or given without pay to a person 21 or "
         "older")
_GIFT_SMALL = "not more than 28.5 g was given away or transported, not for sale"

_C = ConductClass
_T = Today
CLASSES: Final[tuple[ConductClass, ...]] = (
    _C("possess_small", "possession of not more than 28.5 g of cannabis, not concentrated", {
        "under_18": _T(INFRACTION, "HS 11357(a)(1)"),
        "18_20": _T(INFRACTION, "HS 11357(a)(2)"),
        "21_plus": _T(LAWFUL, "HS 11362.1(a)(1)"),
    }),
    _C("possess_concentrate", "possession of concentrated cannabis, amount not in the file", {
        "under_18": _T(INFRACTION, "HS 11357(a)(1), (b)(1)"),
        "18_20": _T(MISDEMEANOR, "HS 11357(b)(2)", INFRACTION, "HS 11357(a)(2)", _EIGHT_G),
        "21_plus": _T(MISDEMEANOR, "HS 11357(b)(2)", LAWFUL, "HS 11362.1(a)(2)", _EIGHT_G),
    }),
    _C("possess_large", "possession of more than 28.5 g of cannabis", {
        "under_18": _T(INFRACTION, "HS 11357(b)(1)"),
        "18_20": _T(MISDEMEANOR, "HS 11357(b)(2)"),
        "21_plus": _T(MISDEMEANOR, "HS 11357(b)(2)"),
    }),
    _C("possess_school", "possession on the grounds of a K-12 school while open", {
        "under_18": _T(INFRACTION, "HS 11357(d)"),
        "18_20": _T(MISDEMEANOR, "HS 11357(c)"),
        "21_plus": _T(MISDEMEANOR, "HS 11357(c)"),
    }),
    _C("possess_unknown", "possession, subdivision not in the file", {
        "under_18": _T(INFRACTION, "HS 11357(a)(1), (b)(1), (d)"),
        "18_20": _T(MISDEMEANOR, "HS 11357(b)(2), (c)", INFRACTION, "HS 11357(a)(2)",
                    _SMALL_ANY),
        "21_plus": _T(MISDEMEANOR, "HS 11357(b)(2), (c)", LAWFUL, "HS 11362.1(a)(1)-(2)",
                      _SMALL_ANY),
    }),
    _C("cultivate_unknown", "cultivation, plant count not in the file", {
        "under_18": _T(INFRACTION, "HS 11358(a)"),
        "18_20": _T(MISDEMEANOR, "HS 11358(c)", INFRACTION, "HS 11358(b)", _SIX_PLANTS),
        "21_plus": _T(MISDEMEANOR, "HS 11358(c)", LAWFUL, "HS 11362.1(a)(3)", _SIX_PLANTS),
    }),
    _C("cultivate_small", "cultivation of six living plants or fewer", {
        "under_18": _T(INFRACTION, "HS 11358(a)"),
        "18_20": _T(INFRACTION, "HS 11358(b)"),
        "21_plus": _T(LAWFUL, "HS 11362.1(a)(3)"),
    }),
    _C("cultivate_large", "cultivation of more than six living plants", {
        "under_18": _T(INFRACTION, "HS 11358(a)"),
        "18_20": _T(MISDEMEANOR, "HS 11358(c)"),
        "21_plus": _T(MISDEMEANOR, "HS 11358(c)"),
    }),
    _C("possess_for_sale", "possession for sale", {
        "under_18": _T(INFRACTION, "HS 11359(a)"),
        "18_20": _T(MISDEMEANOR, "HS 11359(b)"),
        "21_plus": _T(MISDEMEANOR, "HS 11359(b)"),
    }),
    _C("sell_transport", "sale, transport for sale, import, furnishing or giving away", {
        "under_18": _T(INFRACTION, "HS 11360(a)(1)"),
        "18_20": _T(MISDEMEANOR, "HS 11360(a)(2)"),
        "21_plus": _T(MISDEMEANOR, "HS 11360(a)(2)"),
    }),
    _C("give_small", "giving away or transporting not more than 28.5 g, not concentrated", {
        "under_18": _T(INFRACTION, "HS 11360(b)"),
        "18_20": _T(INFRACTION, "HS 11360(b)"),
        "21_plus": _T(INFRACTION, "HS 11360(b)", LAWFUL, "HS 11362.1(a)(1)", _GIFT),
    }),
    _C("give_unknown", "HS 11360 misdemeanor, subdivision not in the file", {
        "under_18": _T(INFRACTION, "HS 11360(a)(1), (b)"),
        "18_20": _T(MISDEMEANOR, "HS 11360(a)(2)", INFRACTION, "HS 11360(b)", _GIFT_SMALL),
        "21_plus": _T(MISDEMEANOR, "HS 11360(a)(2)", LAWFUL, "HS 11362.1(a)(1)", _GIFT_SMALL),
    }),
    _C("felony_today", "a subdivision that is a felony under today's law", {
        "under_18": _T(INFRACTION, "HS 11358(a), 11359(a), 11360(a)(1)"),
        "18_20": _T(FELONY, "HS 11358(d), 11359(c)-(d), 11360(a)(3)"),
        "21_plus": _T(FELONY, "HS 11358(d), 11359(c)-(d), 11360(a)(3)"),
    }),
)
CLASSES_BY_ID: Final = {c.id: c for c in CLASSES}

# Which class a conviction is in, by section and the subdivision DOJ wrote: a letter with
# the paragraph digit when the file has one ("A2" for 11360(A)(2)). A bare letter is read
# with its pre-2016-11-09 meaning (old 11357(c) is more than 28.5 g); a letter with a
# paragraph exists only in today's text. "" is any subdivision not listed; "@felony" and
# "@infraction" are what a bare section at that level can only have been.
SUBDIVISIONS: Final[dict[str, dict[str, str]]] = {
    "11357": {
        "A": "possess_concentrate", "A1": "possess_small", "A2": "possess_small",
        "B": "possess_small", "B1": "possess_large", "B2": "possess_large",
        "C": "possess_large", "D": "possess_school", "E": "possess_school",
        "@felony": "possess_concentrate", "@infraction": "possess_small",
        "": "possess_unknown",
    },
    "11358": {"B": "cultivate_small", "C": "cultivate_large", "D": "felony_today",
              "": "cultivate_unknown"},
    "11359": {"C": "felony_today", "D": "felony_today", "": "possess_for_sale"},
    "11360": {
        "A": "sell_transport", "A1": "sell_transport", "A2": "sell_transport",
        "A3": "felony_today", "B": "give_small",
        "@felony": "sell_transport", "@infraction": "give_small", "": "give_unknown",
    },
}


def today(class_id: str, band: str) -> Today:
    """The conduct today for a class and band; "unknown" takes the worst sure level and the
    best possible one of the three bands, the age being the fact that would give more."""
    cls = CLASSES_BY_ID[class_id]
    if band != "unknown":
        return cls.today[band]  # type: ignore[index]
    # Oldest band first: of equally serious ones, an adult's statute is cited (a DOB is
    # mostly missing from adults' records).
    oldest_first = [(b, cls.today[b]) for b in reversed(BANDS)]
    _, sure = max(oldest_first, key=lambda bt: bt[1].sure)
    best_band, best = min(oldest_first, key=lambda bt: bt[1].at_best)
    if best.at_best >= sure.sure:
        return Today(sure.sure, sure.statute)
    fact = f"the person was {BAND_WORDS[best_band]} at the offense (the file has no usable DOB)"
    if best.fact:
        fact = f"{fact} and {best.fact}"
    statute = best.best_statute if best.best is not None else best.statute
    return Today(sure.sure, sure.statute, best.at_best, statute, fact)


def relief_for(sure: int, convicted: int) -> Relief:
    """The relief when the conduct today is `sure` and the person was convicted at
    `convicted` (the completed-sentence form; a person still serving gets recall)."""
    if sure == LAWFUL:
        return "dismiss_seal"
    if sure < convicted:
        return "redesignate_infraction" if sure == INFRACTION else "redesignate_misdemeanor"
    return "none"


# --- the same as polars expressions ------------------------------------------------------

def age_band(age: pl.Expr, juvenile: pl.Expr) -> pl.Expr:
    """The age band at the offense; a juvenile adjudication (HS 11361.8(m)) with no usable
    age is conduct under 18 (Welfare and Institutions Code 602)."""
    return (
        pl.when(age < 18).then(pl.lit("under_18"))
        .when(age < 21).then(pl.lit("18_20"))
        .when(age.is_not_null()).then(pl.lit("21_plus"))
        .when(juvenile.fill_null(False)).then(pl.lit("under_18"))
        .otherwise(pl.lit("unknown"))
    )


def conduct_class(section: pl.Expr, subs: pl.Expr, level: pl.Expr) -> pl.Expr:
    """The conduct class of a Prop 64 conviction (null for any other section)."""
    letter = subs.str.extract(r"([A-Z])", 1).fill_null("")
    paragraph = subs.str.extract(r"[A-Z][^A-Z0-9]*([0-9])", 1).fill_null("")
    table = {f"{s}|{sub}": cls for s, subs_ in SUBDIVISIONS.items() for sub, cls in subs_.items()}

    def look(key: pl.Expr) -> pl.Expr:
        return key.replace_strict(table, default=None, return_dtype=pl.String)

    written = letter != ""
    return pl.coalesce(
        pl.when(written).then(look(pl.concat_str([section, pl.lit("|"), letter, paragraph]))),
        pl.when(written).then(look(pl.concat_str([section, pl.lit("|"), letter]))),
        look(pl.concat_str([section, pl.lit("|@"), level])),
        look(pl.concat_str([section, pl.lit("|")])),
    )


def _per_class_band(values: dict[str, object], dtype: pl.DataType, key: pl.Expr) -> pl.Expr:
    return key.replace_strict(values, default=None, return_dtype=dtype)


def floor_columns(class_col: str, band_col: str, level_col: str) -> list[pl.Expr]:
    """`floor_sure`, `floor_best` (levels today), `floor_statute`, `floor_best_statute`,
    `floor_fact`, `floor_relief` (completed-sentence form) and `floor_best_relief`."""
    key = pl.concat_str([pl.col(class_col), pl.lit("|"), pl.col(band_col)])
    rows = {f"{c.id}|{b}": today(c.id, b) for c in CLASSES for b in (*BANDS, "unknown")}
    convicted = pl.col(level_col).replace_strict(CONVICTED_LEVEL, default=None,
                                                 return_dtype=pl.Int8)
    sure = _per_class_band({k: t.sure for k, t in rows.items()}, pl.Int8(), key)
    best = _per_class_band({k: t.at_best for k, t in rows.items()}, pl.Int8(), key)
    return [
        sure.alias("floor_sure"),
        best.alias("floor_best"),
        _per_class_band({k: t.statute for k, t in rows.items()}, pl.String(), key)
        .alias("floor_statute"),
        _per_class_band({k: t.best_statute for k, t in rows.items()}, pl.String(), key)
        .alias("floor_best_statute"),
        _per_class_band({k: t.fact for k, t in rows.items()}, pl.String(), key)
        .alias("floor_fact"),
        _relief_expr(sure, convicted).alias("floor_relief"),
        _relief_expr(best, convicted).alias("floor_best_relief"),
    ]


def _relief_expr(today_level: pl.Expr, convicted: pl.Expr) -> pl.Expr:
    return (
        pl.when(today_level.is_null() | convicted.is_null()).then(pl.lit("none"))
        .when(today_level == LAWFUL).then(pl.lit("dismiss_seal"))
        .when(today_level < convicted).then(
            pl.when(today_level == INFRACTION).then(pl.lit("redesignate_infraction"))
            .otherwise(pl.lit("redesignate_misdemeanor")))
        .otherwise(pl.lit("none"))
    )


def relief_rank(relief: pl.Expr) -> pl.Expr:
    return relief.replace_strict(RELIEF_RANK, default=0, return_dtype=pl.Int8)


# --- the table as docs/LAW.md prints it -----------------------------------------------------

def _written(section: str, key: str) -> str:
    if key == "":
        return f"{section}, other or no subdivision"
    if key.startswith("@"):
        return f"{section} with no subdivision, {key[1:]}"
    letter, paragraph = key[0].lower(), key[1:]
    return f"{section}({letter})" + (f"({paragraph}) (today's text)" if paragraph else "")


def law_table_rows() -> list[str]:
    """One markdown row per conduct class and age band: the subdivisions as convicted, the
    conduct, the age band, what it is today (and the statute), the relief for a felony /
    misdemeanor / infraction conviction, and the fact that would give more."""
    rows = []
    for cls in CLASSES:
        written = "; ".join(_written(section, key) for section, keys in SUBDIVISIONS.items()
                            for key, class_id in keys.items() if class_id == cls.id)
        for band in (*BANDS, "unknown"):
            t = today(cls.id, band)
            reliefs = " / ".join(relief_for(t.sure, level) for level in
                                 (FELONY, MISDEMEANOR, INFRACTION))
            more = (f"{t.fact}: {LEVEL_NAMES[t.at_best]} ({t.best_statute})"
                    if t.best is not None and t.at_best < t.sure else "")
            rows.append(f"| {written} | {cls.conduct} | {BAND_WORDS[band]} | "
                        f"{LEVEL_NAMES[t.sure]} ({t.statute}) | {reliefs} | {more} |")
    return rows
