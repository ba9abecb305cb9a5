"""The person view: one person's whole record as a timeline, with why this conviction decided so.

Constructible alone: `PersonView().show_conviction(rows, determination_row)` where `rows` is the
evaluation's rows frame and `determination_row` one row of the determinations frame as a dict.
"""

import html
from collections.abc import Mapping
from datetime import date
from typing import Any, Final

import polars as pl
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.eligibility.rules import RULES_BY_ID
from app.history import deciding_entries, person_timeline
from ui.triage.columns import flag_words
from ui.triage.stamps import decided_text

# (key, header, the header's tooltip)
COLUMNS: Final = (
    ("date_text", "Date", "The date of the arrest, court action or other event."),
    ("mark", "Part of the decision", "Entries the determination rests on: this conviction, "
     "and any earlier conviction or registration that decides it. Highlighted."),
    ("event", "Event", "Arrest, court action, registration, probation, custody or death."),
    ("county", "County", "The county of the agency or court."),
    ("offense", "Offense", "The charge as the DOJ file gives it."),
    ("level", "Level", "Felony, misdemeanor or infraction."),
    ("disposition", "Disposition", "What the court did with the charge (convicted, dismissed, "
     "acquitted...)."),
    ("sentence", "Sentence", "Where and for how long, where the file gives it."),
    ("case_number", "Case number", "The court case number."),
    ("agency", "Agency / court", "The police agency or court that made the entry."),
)  # fmt: skip
EVENT_TEXT: Final = {
    "ARREST/DETAINED/CITED": "Arrest", "COURT ACTION": "Court", "REGISTRATION": "Registration",
    "DECEASED": "Deceased", "PROBATION": "Probation", "CUSTODY": "Custody",
}  # fmt: skip
HIGHLIGHT: Final = QColor("#fff0b3")  # pale amber: readable under black text, also in print

DETERMINATION_TEXT: Final = {
    "dismiss": "Dismiss and seal",
    "reduce": "Reduce (redesignate as a misdemeanor)",
    "review": "Needs review by a deputy DA",
    "not_eligible": "Not eligible for Prop 64 relief",
    "challenge": "Challenge",
}


def _date_text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if value else "unknown"


def explanation_html(determination: Mapping[str, Any]) -> str:
    """The deciding rule in words: outcome, reason, rule, statute, facts and flags."""
    outcome = str(determination.get("determination") or "")
    words = DETERMINATION_TEXT.get(outcome, outcome.replace("_", " "))
    if outcome == "reduce" and determination.get("currently_serving"):
        words = "Recall and resentence (still serving the sentence)"
    e = html.escape
    reason = e(str(determination.get("reason") or ""))
    parts = [f"<p style='margin-top:0'><b>{e(words)}</b> — {reason}</p>"]
    rule_id = str(determination.get("rule_id") or "")
    rule = RULES_BY_ID.get(rule_id)
    described = f"<b>Rule: {e(rule.title)}.</b> {e(rule.description)} " if rule else ""
    parts.append(
        f"<p>{described}Based on: {e(str(determination.get('statute') or 'not given'))}. "
        f"<span style='color:#555'>(rule {e(rule_id)})</span></p>"
    )
    facts = [f for f in str(determination.get("facts") or "").split("; ") if f.strip()]
    if facts:
        parts.append("<p>Facts used: " + "; ".join(e(f) for f in facts) + ".</p>")
    flags = [f.strip() for f in str(determination.get("flags") or "").split(";") if f.strip()]
    if flags:
        items = "".join(f"<li>{e(flag_words(flag))}.</li>" for flag in flags)
        parts.append(f"<p>To know about this record:</p><ul>{items}</ul>")
    final = determination.get("final_determination")
    if final and determination.get("status") in ("accepted", "changed"):
        who = decided_text(determination.get("decided_at"), determination.get("decided_by"))
        reason = e(str(determination.get("decision_reason") or "accepted as determined"))
        parts.append(f"<p><b>Staff decision: "
                     f"{e(DETERMINATION_TEXT.get(str(final), str(final)))}</b> — {reason}"
                     f"{' (' + e(who) + ')' if who else ''}.</p>")
    bear = determination.get("bear_reason")
    if bear:
        # The county's policy follows BEAR's steps; this is the reason as BEAR words it.
        parts.append(f"<p>In the words of BEAR (Code for America's tool): {e(str(bear))}</p>")
    return "".join(parts)


class PersonView(QWidget):
    """Header, explanation of the decision, and the timeline tree grouped by cycle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Person view")
        self.header = QLabel("Select a conviction to see the person's record.")
        self.header.setAccessibleName("Person")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.explanation = QLabel()
        self.explanation.setAccessibleName("Why this determination")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.explanation.setTextInteractionFlags(self.header.textInteractionFlags())
        self.explanation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        why = QGroupBox("Why this determination")
        why_layout = QVBoxLayout(why)
        why_layout.addWidget(self.explanation)

        self.timeline = QTreeWidget()
        self.timeline.setAccessibleName("Criminal history timeline")
        self.timeline.setHeaderLabels([title for _, title, _ in COLUMNS])
        for column, (_, _, tip) in enumerate(COLUMNS):
            self.timeline.headerItem().setToolTip(column, tip)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setUniformRowHeights(True)
        self.timeline.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        history = QGroupBox("Whole record, by arrest cycle")
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.timeline)
        # The explanation takes the height its words need; the timeline gets the rest.
        why.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(why)
        layout.addWidget(history, 1)
        self.marks: dict[str, str] = {}

    def clear(self) -> None:
        self.header.setText("Select a conviction to see the person's record.")
        self.explanation.clear()
        self.timeline.clear()
        self.marks = {}

    def show_conviction(self, rows: pl.DataFrame, determination_row: Mapping[str, Any]) -> None:
        subject = str(determination_row.get("subject_id") or "")
        timeline = person_timeline(rows, subject)
        self.marks = deciding_entries(timeline, determination_row)
        e = html.escape
        self.header.setText(
            f"<span style='font-size:large'><b>{e(str(determination_row.get('name') or ''))}"
            f"</b></span> &nbsp; DOB {e(_date_text(determination_row.get('dob')))}"
            f" &nbsp; CII {e(str(determination_row.get('cii_number') or ''))}"
            f"<br>Conviction: {e(str(determination_row.get('code_section') or ''))} "
            f"({e(str(determination_row.get('level') or ''))}) on "
            f"{e(_date_text(determination_row.get('conviction_date')))}, case "
            f"{e(str(determination_row.get('case_number') or 'not given'))}"
        )
        self.explanation.setText(explanation_html(determination_row))
        self._fill_timeline(timeline)

    def _fill_timeline(self, timeline: pl.DataFrame) -> None:
        self.timeline.clear()
        own: QTreeWidgetItem | None = None
        bold = QFont(self.timeline.font())
        bold.setBold(True)
        for (cycle,), entries in timeline.group_by("cycle", maintain_order=True):
            first_date = entries["date_text"][0]
            cycle_item = QTreeWidgetItem([f"Cycle {cycle} · from {first_date}"])
            cycle_item.setFont(0, bold)
            self.timeline.addTopLevelItem(cycle_item)
            cycle_item.setFirstColumnSpanned(True)  # only takes effect once in the tree
            for entry in entries.iter_rows(named=True):
                mark = self.marks.get(entry["cnt_order"], "")
                event = EVENT_TEXT.get(entry["step_type"], entry["step_type"].capitalize())
                values = {**entry, "mark": mark, "event": event}
                item = QTreeWidgetItem([str(values[key] or "") for key, _, _ in COLUMNS])
                for column in range(len(COLUMNS)):
                    item.setToolTip(column, item.text(column))
                item.setData(0, Qt.ItemDataRole.UserRole, entry["cnt_order"])
                item.setToolTip(2, entry["step_type"])  # the DOJ's own word for the event
                if mark:
                    for column in range(len(COLUMNS)):
                        item.setBackground(column, QBrush(HIGHLIGHT))
                        item.setForeground(column, QBrush(QColor("black")))
                        item.setFont(column, bold)
                cycle_item.addChild(item)
                if mark == "This conviction":
                    own = item
        self.timeline.expandAll()
        if own is not None:
            self.timeline.scrollToItem(own)  # a long record may put it far down
        for column in range(len(COLUMNS)):
            self.timeline.resizeColumnToContents(column)

    def entries(self) -> list[tuple[str, str]]:
        """(CNT_ORDER, mark) of every timeline entry in display order (tests, accessibility)."""
        found: list[tuple[str, str]] = []
        for top in range(self.timeline.topLevelItemCount()):
            cycle = self.timeline.topLevelItem(top)
            assert cycle is not None  # within topLevelItemCount
            for child in range(cycle.childCount()):
                item = cycle.child(child)
                assert item is not None  # within childCount
                found.append((str(item.data(0, Qt.ItemDataRole.UserRole)), item.text(1)))
        return found


def demo_widget() -> QWidget:
    """A person with a prior super strike, on literal rows (screenshots, manual checks)."""
    rows, determination = demo_data()
    view = PersonView()
    view.show_conviction(rows, determination)
    view.resize(1100, 700)
    return view


def demo_data() -> tuple[pl.DataFrame, dict[str, Any]]:
    # Every DOJ column the person view reads (the window never imports the reader's list).
    base = {"SUBJECT_ID": "1001", "CII_NUMBER": "A09876543", "PRI_NAME": "RIVERA,ANA M",
            "PRI_DOB": "19680412", "RACE_DESCR": "HISPANIC", "COMMENT_TEXT": ""}
    steps = [
        ("001001001000", "19890703", "ARREST/DETAINED/CITED", "CAPD SACRAMENTO", "",
         "187 PC-MURDER", "F", "", "", "", "", ""),
        ("001002001000", "19900301", "COURT ACTION", "CASUPERIOR COURT SACRAMENTO",
         "89F04410", "187(A) PC-MURDER", "F", "CONVICTED-PRISON", "FELONY", "PRISON", "15",
         "Y"),
        ("002001001000", "20090815", "ARREST/DETAINED/CITED", "CASO SACRAMENTO", "",
         "11359 HS-POSSESS MARIJUANA FOR SALE", "F", "", "", "", "", ""),
        ("002002001000", "20100111", "COURT ACTION", "CASUPERIOR COURT SACRAMENTO",
         "09F08812", "11359 HS-POSSESS MARIJUANA FOR SALE", "F", "CONVICTED", "FELONY",
         "JAIL", "90", "D"),
        ("002002002000", "20100111", "COURT ACTION", "CASUPERIOR COURT SACRAMENTO",
         "09F08812", "11360(A) HS-TRANSPORT MARIJUANA", "F", "DISMISSED", "", "", "", ""),
        ("003001001000", "20140520", "COURT ACTION", "CASUPERIOR COURT YOLO", "14M0231",
         "23152(A) VC-DUI ALCOHOL/DRUGS", "M", "CONVICTED", "MISDEMEANOR", "PROBATION", "3",
         "Y"),
    ]
    records = []
    for line, (cnt, when, kind, agency, ofn, offense, toc, disp, stat, loc, n, unit) in (
        enumerate(steps, start=1)
    ):
        county = "YOLO" if "YOLO" in agency else "SACRAMENTO"
        records.append({**base, "CYC_ORDER": cnt[:3], "CNT_ORDER": cnt, "STP_EVENT_DATE": when,
                        "STP_TYPE_DESCR": kind, "STP_ORI_DESCR": agency,
                        "STP_ORI_CNTY_NAME": county, "OFN": ofn, "OFFENSE_DESCR": offense,
                        "OFFENSE_TOC": toc, "DISP_DESCR": disp, "CONV_STAT_DESCR": stat,
                        "SENT_LOC_DESCR": loc, "SENT_LENGTH": n, "SENT_TIME_CODE": unit,
                        "source": "demo.dat", "line": line})
    rows = pl.DataFrame(records).with_columns(pl.col("line").cast(pl.Int64))
    determination = {
        "subject_id": "1001", "cnt_order": "002002001000", "name": "RIVERA,ANA M",
        "dob": date(1968, 4, 12), "cii_number": "A09876543", "case_number": "09F08812",
        "court": "CASUPERIOR COURT SACRAMENTO", "code_section": "11359 HS", "section": "11359",
        "level": "felony", "conviction_date": date(2010, 1, 11), "county": "SACRAMENTO",
        "determination": "review", "rule_id": "CHALLENGE_PRIOR_SUPER_STRIKE",
        "reason": "Prior super strike conviction: the DA may challenge",
        "statute": "HS 11359(c)(1), 11360(a)(3)(A); PC 667(e)(2)(C)(iv); People v. Smit",
        "bear_reason": None,
        "flags": "prior_super_strike", "currently_serving": False,
        "facts": "prior super strike 187(A) PC on 1990-03-01",
    }  # fmt: skip
    return rows, determination
