"""Staff decisions on determinations, keyed by (subject_id, cnt_order), held as one polars frame.

Every change works on a selection of keys at once (one row or seventy thousand) with joins,
never a Python loop per row, and returns a `DecisionChange` holding the rows before and
after, which is all an undo stack needs: undo is `book.restore(change.keys, change.before)`, redo
`book.restore(change.keys, change.after)`.
"""

import getpass
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

import polars as pl

from app.errors import InputError

KEY: Final = ("subject_id", "cnt_order")
FINAL_DETERMINATIONS: Final = ("dismiss", "reduce", "challenge", "review", "not_eligible")
STATUSES: Final = ("pending", "accepted", "changed")
# The columns apply_decisions adds (docs/CONTRACTS.md, Decisions).
DECISION_COLUMNS: Final = (
    "final_determination",
    "status",
    "decision_reason",
    "note",
    "decided_by",
    "decided_at",
)
# What apply_decisions derives from a decision and the engine's relief and basis.
DECIDED_RELIEF_COLUMNS: Final = ("final_relief", "final_basis")
SCHEMA: Final = pl.Schema(
    {"subject_id": pl.String, "cnt_order": pl.String} | dict.fromkeys(DECISION_COLUMNS, pl.String)
)

Keys = pl.DataFrame | Sequence[tuple[str, str]]
PREFILTER_LIMIT: Final = 10_000  # selections up to this size filter by subject before joining


def current_user() -> str:
    """The OS user name recorded with each decision."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in this environment
        return "unknown"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def key_frame(keys: Keys) -> pl.DataFrame:
    """The selection as a two-column frame of unique keys, in first-seen order."""
    if isinstance(keys, pl.DataFrame):
        frame = keys.select(pl.col(k).cast(pl.String) for k in KEY)
    else:
        frame = pl.DataFrame(list(keys), schema={k: pl.String for k in KEY}, orient="row")
    return frame.unique(maintain_order=True)


@dataclass(frozen=True)
class DecisionChange:
    """One change to a selection: enough to undo (restore `before`) or redo (`after`)."""

    action: str  # "decide", "note", "clear", "undo", "redo"
    keys: pl.DataFrame
    before: pl.DataFrame  # decision rows of those keys before (missing key = pending)
    after: pl.DataFrame  # and after


def empty_decisions() -> pl.DataFrame:
    return pl.DataFrame(schema=SCHEMA)


class DecisionBook:
    """Every decision so far; one row per decided or annotated conviction."""

    def __init__(self, frame: pl.DataFrame | None = None) -> None:
        self._frame = empty_decisions() if frame is None else frame.select(SCHEMA.names())

    @property
    def frame(self) -> pl.DataFrame:
        return self._frame

    def __len__(self) -> int:
        return self._frame.height

    def rows_for(self, keys: pl.DataFrame) -> pl.DataFrame:
        return self._frame.join(keys, on=list(KEY), how="semi", maintain_order="left")

    def decide(
        self,
        determinations: pl.DataFrame,
        keys: Keys,
        *,
        final: str | None = None,
        reason: str = "",
        note: str | None = None,
        user: str | None = None,
        at: str | None = None,
    ) -> DecisionChange:
        """Set the final determination of the selected convictions.

        `final=None` accepts the engine's determination for each. A final that differs from
        the engine's is a change and needs a reason. `note=None` keeps existing notes.
        """
        if final is not None and final not in FINAL_DETERMINATIONS:
            raise InputError(
                "decision",
                f"unknown determination {final!r}; use one of {', '.join(FINAL_DETERMINATIONS)}",
            )
        selected = _known_keys(determinations, key_frame(keys))
        engine = pl.col("determination")
        chosen = engine if final is None else pl.lit(final, dtype=pl.String)
        proposed = selected.with_columns(final_determination=chosen).with_columns(
            status=pl.when(pl.col("final_determination") == engine)
            .then(pl.lit("accepted"))
            .otherwise(pl.lit("changed"))
        )
        if not reason.strip() and (proposed.get_column("status") == "changed").any():
            raise InputError(
                "decision",
                "give a reason when changing the determination (it goes to the audit log)",
            )
        after = self._with_notes(
            proposed.drop("determination").with_columns(
                decision_reason=pl.lit(reason.strip() or None, dtype=pl.String),
                decided_by=pl.lit(user or current_user()),
                decided_at=pl.lit(at or utc_now()),
            ),
            note,
        )
        return self._apply("decide", selected.select(KEY), after)

    def annotate(self, keys: Keys, note: str) -> DecisionChange:
        """Set the note of the selected convictions; undecided ones stay pending."""
        selected = key_frame(keys)
        existing = self.rows_for(selected).drop("note")
        after = selected.join(existing, on=list(KEY), how="left", maintain_order="left")
        after = after.with_columns(
            status=pl.col("status").fill_null("pending"), note=pl.lit(note or None, pl.String)
        )
        return self._apply("note", selected, after)

    def clear(self, keys: Keys) -> DecisionChange:
        """Back to pending (no decision, no note)."""
        selected = key_frame(keys)
        return self._apply("clear", selected, empty_decisions())

    def restore(self, keys: pl.DataFrame, rows: pl.DataFrame) -> None:
        """Make the decisions of `keys` exactly `rows` (an undo or redo of a change)."""
        kept = self._frame.join(keys, on=list(KEY), how="anti", maintain_order="left")
        self._frame = pl.concat([kept, rows.select(SCHEMA.names())], how="vertical")

    def _with_notes(self, after: pl.DataFrame, note: str | None) -> pl.DataFrame:
        if note is not None:
            return after.with_columns(note=pl.lit(note or None, dtype=pl.String))
        notes = self.rows_for(after.select(KEY)).select(*KEY, "note")
        return after.join(notes, on=list(KEY), how="left", maintain_order="left")

    def _apply(self, action: str, keys: pl.DataFrame, after: pl.DataFrame) -> DecisionChange:
        before = self.rows_for(keys)
        after = after.select(SCHEMA.names()).cast(dict(SCHEMA))  # type: ignore[arg-type]
        self.restore(keys, after)
        return DecisionChange(action, keys, before, after)


def _known_keys(determinations: pl.DataFrame, keys: pl.DataFrame) -> pl.DataFrame:
    """The selected keys with the engine's determination; InputError for unknown keys."""
    # A decision must stay quick on a million determinations: an inner join (polars hashes
    # the selection, not the million) and, for the usual small selection, a subject filter
    # first (a hash-set probe per row, cheaper than joining two string columns).
    candidates = determinations.select(*KEY, "determination")
    if keys.height <= PREFILTER_LIMIT:
        subjects = keys.get_column("subject_id").implode()
        candidates = candidates.filter(pl.col("subject_id").is_in(subjects))
    found = keys.join(candidates, on=list(KEY), how="inner", maintain_order="left")
    if found.height < keys.height:
        missing = keys.join(found, on=list(KEY), how="anti", maintain_order="left")
        subject, count = missing.row(0)[:2]
        raise InputError(
            "decision",
            f"{missing.height} selected conviction(s) are not in the determinations, e.g. "
            f"subject {subject} count {count}; re-run the evaluation and select again",
        )
    return found


def apply_decisions(
    determinations: pl.DataFrame, decisions: DecisionBook | pl.DataFrame
) -> pl.DataFrame:
    """The determinations with the decision columns of docs/CONTRACTS.md added (one join).

    Undecided rows get status `pending` and nulls elsewhere; `final_determination` is null
    until someone decides (exports then use `determination`). Where the determinations carry
    `relief` and `basis`, `final_relief` and `final_basis` say what a decision makes of them.
    """
    frame = decisions.frame if isinstance(decisions, DecisionBook) else decisions
    joined = determinations.drop(
        [*DECISION_COLUMNS, *DECIDED_RELIEF_COLUMNS], strict=False
    ).join(frame.select(SCHEMA.names()), on=list(KEY), how="left", maintain_order="left")
    joined = joined.with_columns(pl.col("status").fill_null("pending"))
    if {"relief", "basis"} <= set(joined.columns):
        joined = joined.with_columns(*decided_relief())
    return joined


def decided_relief() -> tuple[pl.Expr, pl.Expr]:
    """`final_relief` and `final_basis`. Accepting keeps the engine's relief and basis; a
    change is the staff's decision (basis `staff`): dismiss is dismissal and sealing; reduce
    keeps the engine's infraction or recall where it gave one (the law's answer for a minor
    or a person still serving), else a misdemeanor; anything else grants nothing."""
    engine_lesser = pl.col("relief").is_in(["redesignate_infraction", "recall_resentence"])
    staff_relief = (
        pl.when(pl.col("final_determination") == "dismiss").then(pl.lit("dismiss_seal"))
        .when((pl.col("final_determination") == "reduce") & engine_lesser).then(pl.col("relief"))
        .when((pl.col("final_determination") == "reduce")
              & pl.col("currently_serving").fill_null(False))
        .then(pl.lit("recall_resentence"))
        .when(pl.col("final_determination") == "reduce").then(pl.lit("redesignate_misdemeanor"))
        .otherwise(pl.lit("none"))
    )  # fmt: skip
    changed = pl.col("status") == "changed"
    return (
        pl.when(changed).then(staff_relief).otherwise(pl.col("relief")).alias("final_relief"),
        pl.when(changed).then(pl.lit("staff")).otherwise(pl.col("basis")).alias("final_basis"),
    )
