"""The code-section lists the law needs, as data, matched on the parsed section key.

How a charge parses is app.sections (one reading for every caller); here are the lists
(Prop 64 sections, super strikes, PC 290 offenses, repeat sections) and BEAR's own reading.
"""

from typing import Final

import polars as pl

from app.sections import RELATED_PREFIXES as RELATED_PREFIXES
from app.sections import list_pattern as list_pattern

PROP64_NUMBERS: Final = ("11357", "11358", "11359", "11360")

# Super strikes, PC 667(e)(2)(C)(iv), as counties' prior tools listed them.
# "N" any subdivision; "N*" N and its decimal subsections (190.03...); "N=" bare N only;
# "N(X)(Y)" that subdivision and below.
SUPER_STRIKES: Final[tuple[str, ...]] = (
    "PC 37", "PC 128", "PC 187", "PC 188", "PC 189=", "PC 189(", "PC 189.1", "PC 189.5",
    "PC 190*", "PC 191=", "PC 191(B", "PC 191.5", "PC 205", "PC 207", "PC 209", "PC 209.5",
    "PC 217.1", "PC 218", "PC 219", "PC 220", "PC 245(D)(3)", "PC 261", "PC 262", "PC 264.1",
    "PC 269", "PC 273AB", "PC 286(C)(1)", "PC 286(C)(2)", "PC 286(C)(3)", "PC 286(D)(1)",
    "PC 286(D)(2)", "PC 286(D)(3)", "PC 287", "PC 288=", "PC 288(A)", "PC 288(B)(1)",
    "PC 288(B)(2)", "PC 288A=", "PC 288A(C)(1)", "PC 288A(C)(2)", "PC 288A(D)", "PC 288.5",
    "PC 289=", "PC 289(A)(1)", "PC 289(A)(2)(C)", "PC 289(J)", "PC 451.5", "PC 653F",
    "PC 667.61", "PC 667.7", "PC 667.71", "PC 4500=", "PC 11418(A)(1)", "PC 11418(B)(1)",
    "PC 11418(B)(2)", "PC 12308", "PC 12310", "PC 18745", "PC 18755", "MV 1672(A)",
)  # fmt: skip

# Offenses requiring registration under PC 290(c), clause by clause against its text
# (docs/LAW.md, section 9). Where the clause needs a fact the file does not give (220
# "except assault to commit mayhem", 262(a)(1) "involving the use of force or violence for
# which the person is sentenced to the state prison", 272 "lewd or lascivious conduct", a
# "felony violation" of 288.2), the section is listed: the ground is a review that names the
# prior. A section written without the subdivision the clause names (`262 PC`) is listed
# too. 261 is kept whole: the paragraphs 290(c) names were not confirmed in today's text.
# 187, 207 and 209 with a sexual purpose are super strikes (SUPER_STRIKES) already.
# Attempts and conspiracies (290(c): "the attempt or conspiracy to commit") are read in
# app.eligibility.convictions.
PC290_REGISTRABLE: Final[tuple[str, ...]] = (
    "PC 220", "PC 236.1(B)", "PC 236.1(C)", "PC 243.4", "PC 261", "PC 262=", "PC 262(A)=",
    "PC 262(A)(1)", "PC 264.1", "PC 266", "PC 266C", "PC 266H(B)", "PC 266I(B)", "PC 266J",
    "PC 267", "PC 269", "PC 272", "PC 285", "PC 286", "PC 287", "PC 288", "PC 288A",
    "PC 288.2", "PC 288.3", "PC 288.4", "PC 288.5", "PC 288.7", "PC 289", "PC 311.1",
    "PC 311.2(B)", "PC 311.2(C)", "PC 311.2(D)", "PC 311.3", "PC 311.4", "PC 311.10",
    "PC 311.11", "PC 314(1)", "PC 314(2)", "PC 647.6", "PC 647A", "PC 653F(C)",
)  # fmt: skip

# Sections whose two prior convictions are a ground to challenge (HS 11358(d)(2),
# 11359(c)(2), 11360(a)(3)(B)): every conviction under the same section number counts,
# pre-2016 forms without a subdivision included, except old 11360(b) (giving away 28.5 g or
# less, a misdemeanor before Prop 64 and never the misdemeanor provision the grounds name).
REPEAT_NUMBERS: Final = ("11358", "11359", "11360")
REPEAT_EXCLUDED: Final = ("11360", "(B)")  # section number, subdivision (and below)
# An attempt of a homicide (PC 187-191.5) is a super strike (PC 667(e)(2)(C)(iv)(IV)); so is
# a conspiracy to commit murder, punishable by life ((iv)(VIII) with PC 182(a)).
HOMICIDE_RE: Final = list_pattern(
    ("PC 187", "PC 188", "PC 189", "PC 189.1", "PC 189.5", "PC 190*", "PC 191=", "PC 191.5")
)
# Offenses some pilots reviewed when they share an arrest cycle with a Prop 64 conviction,
# keyed by the policy's `scope.related` value that brings them in.
CYCLE_RELATED: Final[dict[str, tuple[str, ...]]] = {
    "accessory": ("PC 32",),
    "conspiracy": ("PC 182",),
    "11366": ("HS 11366",),
    "11366.5": ("HS 11366.5",),
    "cycle": ("PC 647(F)", "PC 602", "PC 466", "PC 148", "PC 148.9", "PC 1320", "HS 11364",
              "HS 11550", "BP 4060", "BP 4140", "BP 4149", "VC 40508"),
}


SUPER_STRIKE_RE: Final = list_pattern(SUPER_STRIKES)
# A gang enhancement with one of these offenses in the same case is a super strike too.
GANG_ENHANCEMENT_RE: Final = list_pattern(("PC 186.22(B)(4)",))
GANG_COMBINED_RE: Final = list_pattern(
    ("PC 136.1", "PC 213(A)(1)(A)", "PC 215", "PC 246", "PC 519", "PC 12022.55")
)
PC290_RE: Final = list_pattern(PC290_REGISTRABLE)


def bear_sections(charge: pl.Expr) -> pl.Expr:
    """The Prop 64 sections BEAR (gogen) sees in a charge, in the order written, joined
    with a space ('' for none): 11357-11360 anywhere in the text before its first hyphen.

    As in gogen, '66411357(A) HS' (an attempt without its hyphen), '11357(A)' and
    '11357(A)PC' are 11357, and '664-11357 HS' is none (its text before the hyphen is
    '664'); unlike gogen, '11357.5' (synthetic cannabinoids) is not 11357.
    """
    numbers = "|".join(PROP64_NUMBERS)
    head = charge.str.extract(r"^([^-]*)", 1)
    without_decimals = head.str.replace_all(rf"(?:{numbers})\.[0-9]", ".")
    return without_decimals.str.extract_all(numbers).list.join(" ").fill_null("")
