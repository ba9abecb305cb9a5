"""DOJ rows made ready for the facts: trimmed keys, a person key, whether a row convicts.

Values are trimmed before any comparison; whatever was padded, unknown or blank becomes a
flag, never a default.
"""

import polars as pl

from app.errors import InputError

# Padding is worth telling the DA about in the fields that decide the determination:
# SUBJECT_ID, DISP_DESCR, CONV_STAT_DESCR, OFFENSE_TOC, OFFENSE_DESCR.
# Trimmed on every row: what decides which rows matter. The rest is trimmed only on the rows
# that need it (convictions, registrations, court rows, each person's first row), which is
# most of the speed on a multi-million-row file.
_KEYS = ("SUBJECT_ID", "STP_TYPE_DESCR", "DISP_DESCR", "CNT_ORDER")

# A step is the first six characters of CNT_ORDER (3 cycle, 3 step); a case is one step of
# one person.
CYCLE_KEY = pl.col("CNT_ORDER").str.slice(0, 3)
STEP_KEY = pl.col("CNT_ORDER").str.slice(0, 6)
CASE_KEY = pl.concat_str([pl.col("subject_id"), pl.lit("|"), pl.col("step_key")])


def text(column: str) -> pl.Expr:
    """A DOJ column as text: the reader keeps some as categories (app.doj.schema.CATEGORICAL),
    which string operations do not take (the cast is cheap: it points at each value)."""
    return pl.col(column).cast(pl.String)


# The person key of a row whose SUBJECT_ID is blank: where the record is in the delivery, by
# the file's place in it and the record's number in the file (blank lines and a header not
# counted), so the same file gives the same key however it is quoted, wherever it is kept.
BLANK_SUBJECT = "(blank SUBJECT_ID) file {} record {}"


def record_place() -> tuple[pl.Expr, pl.Expr]:
    """Each row's file (1 for the delivery's first) and its record number in that file."""
    file = pl.col("source").rle_id() + 1
    return file, pl.int_range(1, pl.len() + 1).over(file)


def padded(*columns: str) -> pl.Expr:
    """Whether any of these raw values had blanks around it (DOJ pads with spaces)."""
    return pl.any_horizontal(
        [text(c).str.starts_with(" ") | text(c).str.ends_with(" ") for c in columns]
    ).fill_null(False)


def trimmed(*columns: str) -> list[pl.Expr]:
    return [text(c).fill_null("").str.strip_chars().alias(c) for c in columns]


def tidied(frame: pl.DataFrame, *columns: str) -> pl.DataFrame:
    """`frame` with `columns` trimmed, each kept as it was read (text, or categories). Only a
    column that holds a blank (or a null) is trimmed: a trimmed copy of a column with none
    would cost memory for nothing. Categories are trimmed once per distinct value."""
    texts = [c for c in columns if frame.schema[c] != pl.Categorical]
    untidy = [c for c, is_untidy in frame.select(
        (padded(c) | pl.col(c).is_null()).any().alias(c) for c in texts
    ).row(0, named=True).items() if is_untidy] if texts else []
    changes = {}  # per category column: each value that changes, and what it becomes
    for column in (c for c in columns if c not in texts):
        values = frame[column].unique().to_list()
        change = {v: v.strip() for v in values if v is not None and v != v.strip()}
        if change or None in values:
            changes[column] = change
    return frame.with_columns(
        *trimmed(*untidy),
        *(pl.col(c).fill_null("").replace(change) for c, change in changes.items()),
    )


def with_case_key(rows: pl.LazyFrame) -> pl.LazyFrame:
    """The step (first six characters of CNT_ORDER) and the person's case key."""
    return rows.with_columns(STEP_KEY.alias("step_key")).with_columns(CASE_KEY.alias("case_key"))


def _refuse_excel_count_orders(frame: pl.DataFrame) -> None:
    """DOJ writes CNT_ORDER as twelve digits (001002001000). A file opened and saved again in
    Excel loses the leading zeros of most of them, and its counts would then fall silently
    into the wrong court cases (the case is the first six characters): refuse such a file.
    A few short values in a file are left alone, as data problems of their own rows."""
    count = pl.col("CNT_ORDER")
    short = count.str.len_bytes().is_between(1, 11)
    # Almost every file has no short value at all: look before grouping a million rows.
    if not frame.select(short.any()).item():
        return
    excel = (
        frame.lazy()
        .group_by("source", maintain_order=True)
        .agg(
            short.sum().alias("short"),
            (count != "").sum().alias("given"),
            pl.col("line").filter(short).first(),
            count.filter(short).first().alias("example"),
        )
        .filter(pl.col("short") * 2 > pl.col("given"))
        .head(1)
        .collect()
    )
    if excel.height:
        source, _, _, line, example = excel.row(0)
        raise InputError(source, f"CNT_ORDER values such as {example} have lost their leading "
                         "zeros (DOJ writes twelve digits, such as 001002001000), so counts "
                         "would fall into the wrong court cases. The file was probably opened "
                         "and saved again in Excel: open the file as DOJ delivered it.", line)


def prepare_rows(rows: pl.DataFrame) -> pl.LazyFrame:
    """A person key (`subject_id`) and whether the row is a conviction, for every row."""
    frame = tidied(rows.with_columns(padded("SUBJECT_ID", "DISP_DESCR").alias("padded_keys")),
                   *_KEYS)
    _refuse_excel_count_orders(frame)
    blank_subject = pl.col("SUBJECT_ID") == ""
    # A blank SUBJECT_ID never merges strangers: each such row stands alone. Formatting a
    # key for a million rows costs; most files have no blank SUBJECT_ID at all.
    subject_id = (
        pl.when(blank_subject)
        .then(pl.format(BLANK_SUBJECT, *record_place()))
        .otherwise(pl.col("SUBJECT_ID"))
        if (frame["SUBJECT_ID"] == "").any()
        else pl.col("SUBJECT_ID")
    )
    return frame.lazy().with_columns(
        subject_id.alias("subject_id"),
        blank_subject.alias("blank_subject"),
        text("DISP_DESCR").str.starts_with("CONVICTED").alias("convicted"),
    )
