"""Code sections as the DOJ file writes them: where the charge text is, and how it parses.

One reading for every caller (the facts the law needs, the person view, the lists): the
charge `11360A2 HS-SELL`, `11360(A)2 HS`, `11360 (A)(2)` and `11360(A)(2) HS` are all
section HS 11360 subdivision (A)(2). Attempts, conspiracies and accessories keep their
target as the section and their prefix apart: `664-11357(C) HS`, `664/187(A) PC`,
`664+11359`, `66411357(A) HS` (run together), `182(A)(1)-11359 HS`, and `182(A)(1) PC` or
`32 PC` whose target is written in the comment. Matching is anchored on the parsed key
`CODE NUMBER(SUB)...`, so `11357.5` is not `11357` and `1187 PC` is not `187 PC`
(app.eligibility.sections holds the lists).
"""

import re
from typing import Final

import polars as pl

COMMENT_MARKER: Final = "SEE COMMENT FOR CHARGE"
CODES: Final = ("HS", "PC", "VC", "BP", "MV", "WI", "CC", "FG", "GC", "RT", "UI", "PR")
RELATED_PREFIXES: Final = {"664": "attempt", "182": "conspiracy", "32": "accessory"}

# Sections whose number itself ends in letters (PC 288a, 653f, 273ab...): there the letters
# are not a subdivision. Everywhere else letters written against the number are one
# (`11359B` is 11359(B)). A code left out of the text is matched by the number alone.
LETTERED_SECTIONS: Final = (
    "PC 266A", "PC 266B", "PC 266C", "PC 266D", "PC 266E", "PC 266F", "PC 266G", "PC 266H",
    "PC 266I", "PC 266J", "PC 266K", "PC 273A", "PC 273AB", "PC 273D", "PC 288A", "PC 647A",
    "PC 647B", "PC 653F", "PC 653M", "PC 1203.4A",
)  # fmt: skip

_CODES_ALT: Final = "|".join(CODES)
# A related prefix and what joins it to its target: `664-`, `664 /`, `664+`, `182(A)(1)-`.
_PREFIX_RE: Final = r"(664|182|32)(?:\s*\([A-Z0-9]+\))*\s*[-/+]\s*"
# An attempt run together with its target: 664 followed at once by a section of 3+ digits.
_RUN_TOGETHER_RE: Final = r"(664)(?:\s*\([A-Z0-9]+\))*(\d{3})"
# What a section looks like in free text (a target written in COMMENT_TEXT).
_SECTION_IN_TEXT_RE: Final = (
    rf"(\d{{2,6}}(?:\.\d+)?(?:\s?\([A-Z0-9]{{1,4}}\)|[A-Z0-9])*(?:\s*(?:{_CODES_ALT})\b)?)"
)
_CODE_RE: Final = rf"(?:^|[\s\d)])({_CODES_ALT})\s*$"
# A subdivision written against its number: `(A)(2)`, ` (B)`, `A2`, `(A)2`; it must end
# the section or be followed by a blank (`11359 POSSESS` has none).
_SUBS_RE: Final = r"^((?:\s?\([A-Z0-9]{1,4}\)|[A-Z0-9])*)(?:\s|$)"
# Its tokens: `(A)`, one letter, a run of digits.
_SUB_TOKEN_RE: Final = r"\([A-Z0-9]+\)|[A-Z]|[0-9]+"


def charge_in_comment(offense: pl.Expr) -> pl.Expr:
    """The offense is blank or says SEE COMMENT FOR CHARGE: the charge is in COMMENT_TEXT."""
    return (offense == "") | (offense == COMMENT_MARKER)


def charge_text(offense: pl.Expr, comment: pl.Expr) -> pl.Expr:
    """OFFENSE_DESCR, or COMMENT_TEXT when the charge is in the comment."""
    return pl.when(charge_in_comment(offense)).then(comment).otherwise(offense)


def code_section(text: pl.Expr) -> pl.Expr:
    """The section as written, upper case, without the description: `11357(A) HS-POSSESS`
    gives `11357(A) HS`, `664-11357(C) HS-X` gives `664-11357(C) HS` (the hyphen after a
    related prefix is not the separator)."""
    return (
        text.str.to_uppercase()
        .str.extract(rf"^\s*((?:{_PREFIX_RE})?[^-]*)", 1)
        .str.strip_chars()
        .fill_null("")
    )


def _normalized_subs(written: pl.Expr) -> pl.Expr:
    """`A2`, `(A)2`, ` (A)(2)`, `A(2)` -> `(A)(2)`; '' for none."""
    tokens = written.str.extract_all(_SUB_TOKEN_RE).list.eval(
        pl.format("({})", pl.element().str.strip_chars("()"))
    )
    return tokens.list.join("").fill_null("")


def parse_section(rows: pl.LazyFrame, section: str, comment: str | None = None
                  ) -> pl.LazyFrame:
    """`rows` plus `related_prefix` (664, 182, 32 or null), `section_code` (HS, PC... or
    ''), `section_number`, `section_subs` (normalized, `(A)(2)`) and `section_key`
    (`HS 11360(A)(2)`), from the `code_section` value in column `section`.

    `comment`: the COMMENT_TEXT column, where a conspiracy (`182(A)(1) PC`) or accessory
    (`32 PC`) written without its target may name it; the target then becomes the section.
    Each step is a column of its own: as one expression, every later step repeated the
    regexes of the earlier ones (the parse cost a hundred times more than its regexes).
    """
    text = pl.col(section)
    separated, run_together = pl.col("_separated"), pl.col("_run_together")
    steps = rows.with_columns(
        text.str.extract(rf"^{_PREFIX_RE}", 1).alias("_separated"),
        text.str.extract(rf"^{_RUN_TOGETHER_RE}", 1).alias("_run_together"),
    ).with_columns(
        pl.coalesce(separated, run_together).alias("related_prefix"),
        pl.when(separated.is_not_null())
        .then(text.str.replace(rf"^{_PREFIX_RE}", ""))
        .when(run_together.is_not_null())
        .then(text.str.replace(r"^664(?:\s*\([A-Z0-9]+\))*", ""))
        .otherwise(text)
        .alias("_body"),
    )
    temporary = ["_separated", "_run_together", "_body", "_number_part", "_with_letters",
                 "_digits", "_lettered"]
    if comment is not None:
        # A bare conspiracy or accessory: its target, when the comment names a section with
        # its code (`11359 HS`), or a cannabis section alone (a case number is no target).
        bare, target = pl.col("_bare"), pl.col("_target")
        named = target.str.contains(rf"(?:{_CODES_ALT})$") | target.str.contains(
            r"^(?:1135[789]|11360)(?:[^0-9.]|$)")
        has_target = bare.is_not_null() & named.fill_null(False)
        steps = steps.with_columns(
            text.str.extract(r"^(182|32)(?:\s*\([A-Z0-9]+\))*\s*(?:PC)?$", 1).alias("_bare"),
            pl.col(comment).str.to_uppercase().str.extract(_SECTION_IN_TEXT_RE, 1)
            .str.strip_chars().alias("_target"),
        ).with_columns(
            pl.when(has_target).then(bare).otherwise(pl.col("related_prefix"))
            .alias("related_prefix"),
            pl.when(has_target).then(target).otherwise(pl.col("_body")).alias("_body"),
        )
        temporary += ["_bare", "_target"]
    body, code = pl.col("_body"), pl.col("section_code")
    with_letters, number = pl.col("_with_letters"), pl.col("section_number")
    return (
        steps.with_columns(
            body.str.extract(_CODE_RE, 1).fill_null("").alias("section_code"),
            body.str.replace(rf"\s*({_CODES_ALT})\s*$", "").str.strip_chars()
            .alias("_number_part"),
        )
        .with_columns(
            pl.col("_number_part").str.extract(r"^(\d+(?:\.\d+)?[A-Z]{0,2})", 1)
            .alias("_with_letters"),
            pl.col("_number_part").str.extract(r"^(\d+(?:\.\d+)?)", 1).alias("_digits"),
        )
        .with_columns(
            (
                pl.concat_str([code, pl.lit(" "), with_letters]).is_in(LETTERED_SECTIONS)
                | ((code == "") & pl.concat_str([pl.lit("PC "), with_letters])
                   .is_in(LETTERED_SECTIONS))
            ).fill_null(False).alias("_lettered"),
        )
        .with_columns(
            pl.when(pl.col("_lettered")).then(with_letters).otherwise(pl.col("_digits"))
            .alias("section_number"),
        )
        .with_columns(
            # Only what directly follows the number is its subdivision (`11357 (B)`,
            # `11360A2`).
            pl.when(number.is_not_null()).then(_normalized_subs(
                pl.col("_number_part").str.slice(number.str.len_chars().fill_null(0))
                .str.extract(_SUBS_RE, 1)
            )).otherwise(pl.lit("")).alias("section_subs"),
        )
        .with_columns(
            pl.concat_str([code, pl.lit(" "), number.fill_null(""), pl.col("section_subs")])
            .alias("section_key"),
            number.fill_null("").alias("section_number"),
        )
        .drop(temporary)
    )


def spec_pattern(spec: str) -> str:
    """One list entry as an anchored regex over the section key.

    "N" any subdivision; "N*" N and its decimal subsections (190.03...); "N=" bare N only;
    "N(X)(Y)" that subdivision and below."""
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
