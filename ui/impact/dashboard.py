"""The impact dashboard: the impact figures as big numbers, charts, AB 1706 counts.

`Dashboard().set_data(summary, determinations)`: `summary` is the figures after staff
decisions beside the engine's original (a DecidedSummary: ui.workspace.session.Session.summary,
app.triage.impact), or the engine's summary alone (an ImpactSummary, = summary.json);
`determinations` the determinations frame, with or without the decision columns
(`final_determination`, `status`) that app.review adds. Every figure counts the staff
decisions; where one differs from what the engine decided, the engine's figure is beside it.
"""

import html
from datetime import date
from typing import Any, Final

import polars as pl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.eligibility.deadlines import CHALLENGE_STATUTE, UNCHALLENGED_STATUTE, Deadlines
from app.eligibility.juvenile import juvenile_note
from app.eligibility.summary import DecidedSummary, ImpactSummary, PeopleLeft, PolicyName
from app.triage.impact import rule_names
from ui.impact.charts import DETERMINATION_COLORS, BarChart
from ui.triage.columns import DETERMINATION_LABELS  # the grid's words: one set of words too

FIGURES: Final = (
    ("convictions_evaluated", "Convictions evaluated"),
    ("people_evaluated", "People evaluated"),
    ("people_with_relief", "People receiving relief"),
    ("people_no_felony", "People left with no felony"),
    ("people_no_conviction", "People left with no conviction"),
    ("people_no_conviction_last_7_years", "People left with no conviction in the last 7 years"),
)
DISMISS_ALL: Final = (
    ("people_no_felony", "Left with no felony"),
    ("people_no_conviction", "Left with no conviction"),
    ("people_no_conviction_last_7_years", "Left with no conviction in the last 7 years"),
)


def headline_figures(summary: ImpactSummary) -> dict[str, int]:
    """The figures of FIGURES, by their keys."""
    return {
        "convictions_evaluated": summary.convictions_evaluated,
        "people_evaluated": summary.people_evaluated,
        "people_with_relief": summary.people_with_relief,
        **people_left(summary.people_left),
    }


def people_left(people: PeopleLeft) -> dict[str, int]:
    """The figures of DISMISS_ALL (and the last three of FIGURES), by their keys."""
    return {
        "people_no_felony": people.people_no_felony,
        "people_no_conviction": people.people_no_conviction,
        "people_no_conviction_last_7_years": people.people_no_conviction_last_7_years,
    }
# How each figure is counted (docs/ARCHITECTURE.md), as the tooltip and accessible description.
HOW_COUNTED: Final = {
    "people_with_relief": "People with at least one conviction dismissed or reduced.",
    "people_no_felony": "People who had at least one felony anywhere and every felony "
                        "dismissed or reduced.",
    "people_no_conviction": "People whose every conviction is dismissed.",
    "people_no_conviction_last_7_years": "People with a conviction in the 7 years before the "
                                         "as-of date, every one of them dismissed.",
    "granted": "Convictions whose final determination is dismiss or reduce: to file now.",
    "already_granted": "Convictions a later entry in the DOJ file shows were already "
                       "dismissed or redesignated under HS 11361.8: not filed again.",
    "challenged_or_not_eligible": "Convictions staff decided to challenge, or that the law "
                                  "does not reach: listed for the court and the public "
                                  "defender (HS 11361.9).",
    "pending": "Convictions still needing a person's review.",
}
# The AB 1706 compliance figures: every conviction DOJ identified is in exactly one of the
# last four.
COMPLIANCE: Final = (
    ("identified", "Identified by DOJ"),
    ("granted", "To file (dismiss or reduce)"),
    ("already_granted", "Already granted"),
    ("challenged_or_not_eligible", "Challenged or not eligible"),
    ("pending", "Pending review"),
)
DISMISS_ALL_TITLE: Final = "If every Prop 64 conviction were dismissed"
DISMISS_ALL_EXPLAINED: Final = (
    "For comparison: how many people would be left with no felony, or no conviction, if the "
    "office dismissed every Prop 64 conviction in the file, whatever the policy and the staff "
    "decisions (counted as BEAR counted it). The Impact figures above are what this run "
    "actually grants."
)


def deadline_note(as_of: date) -> str:
    """What HS 11361.9's dates mean for a run at `as_of`, in one or two sentences."""
    deadlines = Deadlines.at(as_of)
    challenge_by = _in_words(deadlines.challenge_deadline)
    if not deadlines.challenge_window_closed:
        return (f"The People may challenge relief until {challenge_by} "
                f"({CHALLENGE_STATUTE}).")
    return (f"The People's time to challenge ended on {challenge_by} ({CHALLENGE_STATUTE}): "
            "a conviction not challenged by then must be granted "
            f"({UNCHALLENGED_STATUTE}); courts were to rule by "
            f"{_in_words(deadlines.court_orders_by)}. The grounds listed for review ask "
            "whether a challenge was filed in time.")


def _in_words(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def determination_label(value: str) -> str:
    """A determination in words, also one the engine adds later (e.g. already_granted)."""
    return DETERMINATION_LABELS.get(value, value.replace("_", " ").capitalize())


def effective_determination(determinations: pl.DataFrame) -> pl.Expr:
    """The staff decision where there is one, else the engine's (docs/CONTRACTS.md)."""
    if "final_determination" in determinations.columns:
        return pl.coalesce(pl.col("final_determination"), pl.col("determination"))
    return pl.col("determination")


def compliance_counts(determinations: pl.DataFrame) -> dict[str, int]:
    """AB 1706 view: identified, granted (final dismiss/reduce), challenged, pending (review).

    `unconfirmed` counts the granted convictions no one has accepted yet (status `pending`);
    it is 0 before any decisions are applied, since there is no status to read then.
    """
    final = effective_determination(determinations)
    has_status = "status" in determinations.columns
    unconfirmed = (
        (final.is_in(["dismiss", "reduce"]) & (pl.col("status") == "pending")).sum()
        if has_status
        else pl.lit(0)
    )
    counts = determinations.select(
        pl.len().alias("identified"),
        final.is_in(["dismiss", "reduce"]).sum().alias("granted"),
        (final == "challenge").sum().alias("challenged"),
        (final == "already_granted").sum().alias("already_granted"),
        final.is_in(["challenge", "not_eligible"]).sum().alias("challenged_or_not_eligible"),
        (final == "review").sum().alias("pending"),
        (final == "not_eligible").sum().alias("not_eligible"),
        unconfirmed.alias("unconfirmed"),
    ).row(0, named=True)
    return {key: int(value or 0) for key, value in counts.items()}


def convictions_by_year(determinations: pl.DataFrame) -> list[tuple[str, int]]:
    """(year, convictions) for every year from the first to the last, so the axis is true
    time (empty years show as 0); convictions with an unknown date last, as `unknown`."""
    if determinations.height == 0:
        return []
    counts = dict(
        determinations.select(pl.col("conviction_date").dt.year().alias("year"))
        .group_by("year")
        .len()
        .iter_rows()
    )
    known = [y for y in counts if y is not None]
    bars = [(str(y), counts.get(y, 0)) for y in range(min(known), max(known) + 1)] if known else []
    if None in counts:
        bars.append(("unknown", counts[None]))
    return bars


class Dashboard(QScrollArea):
    """Scrolls rather than clipping when the window is small or the scaling large."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Impact dashboard")
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        layout = QVBoxLayout(content)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Run")
        layout.addWidget(self.heading)
        self.values: dict[str, QLabel] = {}
        self.engine_notes: dict[str, QLabel] = {}  # "Engine: 1,240" where a decision differs
        self.counting = QLabel(
            "Every figure counts the staff decisions made so far. Where a decision changed a "
            "figure, the figure the engine found is shown beside it."
        )
        self.counting.setWordWrap(True)
        layout.addWidget(self.counting)
        layout.addWidget(self._cards("Impact after staff decisions", FIGURES, "", columns=3))
        dismiss_all = self._cards(DISMISS_ALL_TITLE, DISMISS_ALL, "dismiss_all.", columns=3)
        explained = QLabel(DISMISS_ALL_EXPLAINED)
        explained.setWordWrap(True)
        grid = dismiss_all.layout()
        assert isinstance(grid, QGridLayout)
        grid.addWidget(explained, grid.rowCount(), 0, 1, 3)
        dismiss_all.setToolTip(DISMISS_ALL_EXPLAINED)
        layout.addWidget(dismiss_all)
        layout.addWidget(self._cards("AB 1706 compliance", COMPLIANCE, "compliance.",
                                     columns=4))
        self.compliance_note = QLabel()
        self.compliance_note.setWordWrap(True)
        layout.addWidget(self.compliance_note)
        self.chart_determination = BarChart("Convictions by determination",
                                            colors=_label_colors())
        self.chart_section = BarChart("Convictions by code section")
        self.chart_level = BarChart("Convictions by level")
        self.chart_rule = BarChart("Convictions by the rule that decided them")
        self.chart_reason = BarChart("Dismissals by reason (additional relief)")
        self.chart_race = BarChart("People receiving relief, by race (DOJ RACE_DESCR)")
        self.chart_year = BarChart("Convictions by year of conviction", vertical=True)
        charts = QGridLayout()
        for index, chart in enumerate((self.chart_determination, self.chart_section,
                                       self.chart_level, self.chart_race)):
            charts.addWidget(chart, index // 2, index % 2, Qt.AlignmentFlag.AlignTop)
        charts.addWidget(self.chart_year, 2, 0, 1, 2)
        charts.addWidget(self.chart_reason, 3, 0, 1, 2)
        charts.addWidget(self.chart_rule, 4, 0, 1, 2)
        layout.addLayout(charts)
        layout.addStretch(1)
        self.setWidget(content)

    def _cards(self, title: str, figures: tuple[tuple[str, str], ...], prefix: str,
               columns: int) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setVerticalSpacing(self.fontMetrics().height())
        big = self.font()
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        for index, (key, caption) in enumerate(figures):
            value = QLabel("—")
            value.setFont(big)
            value.setAccessibleName(caption)
            how = HOW_COUNTED.get(key, "")
            value.setAccessibleDescription(how)
            value.setToolTip(how)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            words = QLabel(caption)
            words.setWordWrap(True)
            words.setBuddy(value)
            engine = QLabel()
            engine.setWordWrap(True)
            engine.hide()
            cell = QVBoxLayout()
            cell.addWidget(value)
            cell.addWidget(words)
            cell.addWidget(engine)
            self.engine_notes[prefix + key] = engine
            cell.addStretch(1)
            grid.addLayout(cell, index // columns, index % columns)
            self.values[prefix + key] = value
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        return box

    def _figure(self, key: str, value: int, engine: int) -> None:
        self.values[key].setText(f"{value:,}")
        note = self.engine_notes[key]
        differs = value != engine
        note.setText(f"The engine found {engine:,}, before staff decisions"
                     if differs else "")
        note.setVisible(differs)

    def figure_text(self, key: str) -> str:
        """The displayed text of a figure: `people_with_relief`, `compliance.granted`..."""
        return self.values[key].text()

    def set_data(self, summary: DecidedSummary | ImpactSummary,
                 determinations: pl.DataFrame) -> None:
        figures = (summary if isinstance(summary, DecidedSummary)
                   else DecidedSummary.unchanged(summary))
        decided = figures.decided
        earliest = decided.earliest_conviction
        under = (f" under the policy “{html.escape(decided.policy.name)}”"
                 if decided.policy.name else "")
        self.heading.setText(
            f"<b>{html.escape(decided.county.title())} County</b>, eligibility as of "
            f"{decided.as_of.isoformat()}{under}; earliest conviction evaluated: "
            f"{earliest.isoformat() if earliest else 'unknown'}."
        )
        headline, original = headline_figures(decided), headline_figures(figures.engine)
        for key, _ in FIGURES:
            self._figure(key, headline[key], original[key])
        dismiss_all = people_left(decided.dismiss_all_prop64)
        for key, _ in DISMISS_ALL:
            self._figure("dismiss_all." + key, dismiss_all[key], dismiss_all[key])
        compliance = compliance_counts(determinations)
        engine_compliance = compliance_counts(
            determinations.drop("final_determination", "status", strict=False))
        for key, _ in COMPLIANCE:
            self._figure("compliance." + key, compliance[key], engine_compliance[key])
        note = (f"Of the {compliance['challenged_or_not_eligible']:,} challenged or not "
                f"eligible, {compliance['challenged']:,} were challenged by staff.")
        if compliance["unconfirmed"]:
            note += (f" Of those to file, {compliance['unconfirmed']:,} are as the engine "
                     "decided them and not yet confirmed by staff.")
        if decided.juvenile_not_evaluated:
            note += " " + juvenile_note(decided.juvenile_not_evaluated)
        self.compliance_note.setText(f"{note} {deadline_note(decided.as_of)}")
        self.chart_determination.set_bars(
            [(determination_label(k), n) for k, n in decided.determinations.items()])
        self.chart_section.set_bars(list(decided.by_section.items()))
        self.chart_level.set_bars(
            [(label.capitalize(), n) for label, n in decided.by_level.items()])
        named = rule_names()
        self.chart_rule.set_bars(sorted(
            ((named.get(rule, rule.replace("_", " ").capitalize()), n)
             for rule, n in decided.by_rule.items()),
            key=lambda bar: -bar[1]))
        self.chart_reason.set_bars(sorted(decided.by_dismissal_reason.items(),
                                          key=lambda b: -b[1]))
        self.chart_race.set_bars(sorted(decided.by_race.items(), key=lambda b: -b[1]))
        self.chart_year.set_bars(convictions_by_year(determinations))


def _label_colors() -> dict[str, Any]:
    return {determination_label(k): c for k, c in DETERMINATION_COLORS.items()}


def demo_data() -> tuple[ImpactSummary, pl.DataFrame]:
    """A small county run of 240 convictions (screenshots, manual checks)."""
    count = 240
    outcomes = ["dismiss", "dismiss", "dismiss", "reduce", "dismiss", "review", "reduce",
                "dismiss", "not_eligible", "dismiss"]
    sections = ["11357", "11357", "11359", "11358", "11360", "11357", "11359"]
    frame = pl.DataFrame({
        "subject_id": [str(1000 + i % 170) for i in range(count)],
        "cnt_order": [f"{i:03d}001001000" for i in range(count)],
        "section": [sections[i % 7] for i in range(count)],
        "level": ["felony" if i % 3 else "misdemeanor" for i in range(count)],
        "conviction_date": [None if i % 41 == 5 else date(1982 + (i * i) % 35, 1 + i % 12, 1)
                            for i in range(count)],
        "determination": [outcomes[i % 10] for i in range(count)],
    })  # fmt: skip

    def tally(column: str) -> dict[str, int]:
        return dict(frame.group_by(column).len().sort("len", descending=True).iter_rows())

    summary = ImpactSummary(
        county="SACRAMENTO", as_of=date(2026, 11, 1),
        policy=PolicyName("los_angeles_2020", "Los Angeles 2020"), sources=("doj_demo.dat",),
        convictions_evaluated=count, people_evaluated=170, people_related_only=0,
        determinations=tally("determination"),
        people_with_relief=151, people_no_felony=88, people_no_conviction=71,
        people_no_conviction_last_7_years=120,
        dismiss_all_prop64=PeopleLeft(people_no_felony=119, people_no_conviction=97,
                                      people_no_conviction_last_7_years=131),
        by_section=dict(sorted(tally("section").items())),
        by_level=tally("level"),
        by_rule={"MISDEMEANOR_OR_INFRACTION": 80, "FELONY_REDUCE_SECTION": 48,
                 "AGE_AT_LEAST": 31, "YEARS_FELONY_FREE": 25, "SENTENCE_COMPLETED": 8,
                 "CHALLENGE_PRIOR_SUPER_STRIKE": 14, "AFTER_PROP64": 24,
                 "NO_RULE_APPLIES": 10},
        by_relief={}, by_basis={},
        by_dismissal_reason={"Misdemeanor or infraction: dismiss and seal": 80,
                             "50 years or older on the as-of date": 31,
                             "No felony conviction in the 10 years before the as-of date": 25,
                             "Sentence on this conviction completed": 8},
        by_race={"BLACK": 58, "HISPANIC": 49, "WHITE": 33, "ASIAN": 7, "OTHER": 4},
        by_year={}, flags={}, earliest_conviction=date(1982, 1, 1),
    )  # fmt: skip
    return summary, frame


def demo_widget() -> QWidget:
    summary, frame = demo_data()
    dashboard = Dashboard()
    dashboard.set_data(summary, frame)
    dashboard.resize(1100, 1400)
    return dashboard
