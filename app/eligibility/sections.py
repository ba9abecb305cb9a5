"""Code sections: where the charge text is, how it parses, and the anchored lists.

`11357.5` is not `11357`, `1187 PC` is not `187 PC`, and an attempt written `664-11357(C) HS`
keeps its section (DOMAIN.md 6). All matching is on the parsed key `CODE NUMBER(SUB)...`.
"""

import re
from typing import Final

import polars as pl

COMMENT_MARKER: Final = "SEE COMMENT FOR CHARGE"
PROP64_NUMBERS: Final = ("11357", "11358", "11359", "11360")
CODES: Final = ("HS", "PC", "VC", "BP", "MV", "WI", "CC", "FG", "GC", "RT", "UI", "PR")
RELATED_PREFIXES: Final = {"664": "attempt", "182": "conspiracy", "32": "accessory"}

# Super strikes, PC 667(e)(2)(C)(iv), as counties' prior tools listed them (DOMAIN appendix).
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

# Offences requiring PC 290 registration, as the same tools listed them.
PC290_REGISTRABLE: Final[tuple[str, ...]] = (
    "PC 236.1(B)", "PC 236.1(C)", "PC 243.4", "PC 261", "PC 262(A)", "PC 264.1", "PC 266",
    "PC 266C", "PC 266H(B)", "PC 266I(B)", "PC 266J", "PC 267", "PC 269", "PC 272", "PC 285",
    "PC 286", "PC 287", "PC 288", "PC 288A", "PC 288.2", "PC 288.3", "PC 288.4", "PC 288.5",
    "PC 288.7", "PC 289", "PC 311.1", "PC 311.2(B)", "PC 311.2(C)", "PC 311.2(D)", "PC 311.3",
    "PC 311.4", "PC 311.10", "PC 311.11", "PC 314(1)", "PC 314(2)", "PC 647.6", "PC 647A",
    "PC 653F(B)", "PC 653F(C)",
)  # fmt: skip

# Misdemeanor subdivisions whose two priors keep a later conviction a felony (3.3).
REPEAT_SUBDIVISIONS: Final = ("HS 11358(C)", "HS 11359(B)", "HS 11360(A)(2)")
# Offences some pilots reviewed when they share an arrest cycle with a Prop 64 conviction
# (DOMAIN.md 3.1), keyed by the policy's `scope.related` value that brings them in.
CYCLE_RELATED: Final[dict[str, tuple[str, ...]]] = {
    "accessory": ("PC 32",),
    "conspiracy": ("PC 182",),
    "11366": ("HS 11366",),
    "11366.5": ("HS 11366.5",),
    "cycle": ("PC 647(F)", "PC 602", "PC 466", "PC 148", "PC 148.9", "PC 1320", "HS 11364",
              "HS 11550", "BP 4060", "BP 4140", "BP 4149", "VC 40508"),
}


def spec_pattern(spec: str) -> str:
    """One list entry as an anchored regex over the section key."""
    code, _, rest = spec.partition(" ")
    if rest.endswith("="):
        return f"^{code} {re.escape(rest[:-1])}$"
    if rest.endswith("*"):
        return rf"^{code} {re.escape(rest[:-1])}(\.\d+)?(\(|$)"
    if "(" in rest:
        return f"^{code} {re.escape(rest)}"
    return rf"^{code} {re.escape(rest)}(\(|$)"


def list_pattern(specs: tuple[str, ...]) -> str:
    return "|".join(f"(?:{spec_pattern(s)})" for s in specs)


SUPER_STRIKE_RE: Final = list_pattern(SUPER_STRIKES)
# A gang enhancement with one of these offences in the same case is a super strike too.
GANG_ENHANCEMENT_RE: Final = list_pattern(("PC 186.22(B)(4)",))
GANG_COMBINED_RE: Final = list_pattern(
    ("PC 136.1", "PC 213(A)(1)(A)", "PC 215", "PC 246", "PC 519", "PC 12022.55")
)
PC290_RE: Final = list_pattern(PC290_REGISTRABLE)
_CODE_RE: Final = r"(?:^|[\s\d)])(" + "|".join(CODES) + r")\s*$"


def charge_in_comment(offense: pl.Expr) -> pl.Expr:
    """The offence is blank or says SEE COMMENT FOR CHARGE: the charge is in COMMENT_TEXT."""
    return (offense == "") | (offense == COMMENT_MARKER)


def charge_text(offense: pl.Expr, comment: pl.Expr) -> pl.Expr:
    """OFFENSE_DESCR, or COMMENT_TEXT when the charge is in the comment."""
    return pl.when(charge_in_comment(offense)).then(comment).otherwise(offense)


def code_section(text: pl.Expr) -> pl.Expr:
    """'11357(A) HS-POSSESS' -> '11357(A) HS'; '664-11357(C) HS-X' -> '664-11357(C) HS'."""
    prefixes = "|".join(RELATED_PREFIXES)
    return (
        text.str.to_uppercase()
        .str.extract(rf"^\s*((?:(?:{prefixes})\s*-\s*)?[^-]*)", 1)
        .str.strip_chars()
        .fill_null("")
    )


def bear_sections(charge: pl.Expr) -> pl.Expr:
    """The Prop 64 sections BEAR (gogen) sees in a charge, in the order written, joined
    with a space ('' for none): 11357-11360 anywhere in the text before its first hyphen.

    As in gogen, '66411357(A) HS' (an attempt without its hyphen), '11357(A)' and
    '11357(A)PC' are 11357, and '664-11357 HS' is none (its text before the hyphen is
    '664'); unlike gogen, '11357.5' is not 11357 (DOMAIN.md 6).
    """
    numbers = "|".join(PROP64_NUMBERS)
    head = charge.str.extract(r"^([^-]*)", 1)
    without_decimals = head.str.replace_all(rf"(?:{numbers})\.[0-9]", ".")
    return without_decimals.str.extract_all(numbers).list.join(" ").fill_null("")


def parse_section(section: pl.Expr) -> list[pl.Expr]:
    """Columns `related_prefix`, `section_code`, `section_number`, `section_subs`, `section_key`."""
    prefixes = "|".join(RELATED_PREFIXES)
    prefix = section.str.extract(rf"^({prefixes})\s*-", 1)
    body = section.str.replace(rf"^(?:{prefixes})\s*-\s*", "")
    code = body.str.extract(_CODE_RE, 1)
    number_part = body.str.replace(r"\s*(" + "|".join(CODES) + r")\s*$", "")
    number = number_part.str.extract(r"^\s*(\d+(?:\.\d+)?[A-Z]{0,2})", 1)
    subs = number_part.str.extract(r"^\s*\d+(?:\.\d+)?[A-Z]{0,2}\s*((?:\([A-Z0-9]+\))*)", 1)
    key = pl.concat_str(
        [code.fill_null(""), pl.lit(" "), number.fill_null(""),
         subs.fill_null("")]
    )
    return [
        prefix.alias("related_prefix"),
        code.fill_null("").alias("section_code"),
        number.fill_null("").alias("section_number"),
        subs.fill_null("").alias("section_subs"),
        key.alias("section_key"),
    ]
