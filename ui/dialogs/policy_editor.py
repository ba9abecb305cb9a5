"""The county policy as a form: each criterion with its allowed values, meaning and authority.

`PolicyEditor(policy).exec()`, then `.policy()`; `policy_to_toml(policy)` writes the TOML that
app.eligibility.policy.load_policy reads back, and the dialog's "Save as" button uses it.
Every value goes through app.eligibility.policy.policy_from_mapping, so the form can never
produce a policy a file could not hold.
"""

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.eligibility.policy import (
    CHALLENGE_GROUNDS,
    PROP64_SECTIONS,
    RELATED_OFFENCES,
    SCHEMA_VERSION,
    SWITCHES,
    THRESHOLDS,
    Policy,
    builtin_policy,
    policy_from_mapping,
)
from app.eligibility.rules import RULES
from app.errors import InputError
from app.fileio import atomic_write_text
from ui.dialogs.dialog_parts import ok_cancel

# (title, plain-English meaning, statute or county choice)
SECTIONS: Final = {
    "11357": ("HS 11357 possession", "Possession of cannabis."),
    "11358": ("HS 11358 cultivation", "Planting, growing or harvesting cannabis."),
    "11359": ("HS 11359 possession for sale", "Possessing cannabis for sale."),
    "11360": ("HS 11360 sale or transport", "Selling, transporting or giving away cannabis."),
}
FELONY_CHOICES: Final = (("dismiss", "Dismiss and seal"), ("reduce", "Reduce (redesignate)"),
                         ("neither", "Neither: send to review"))
CRITERIA: Final = {
    "all_misdemeanors": ("Dismiss every misdemeanor and infraction",
                         "Dismiss every Prop 64 misdemeanor and infraction, beyond what the "
                         "law requires (it dismisses only conduct lawful today).",
                         "County choice (Los Angeles 2020, Sacramento 2019)"),
    "under_21_at_conviction": ("Under 21 at conviction",
                               "Dismiss a felony if the person was younger than 21 on the "
                               "conviction date.", "County choice (Sacramento 2019; BEAR)"),
    "age_at_least": ("Age now at least",
                     "Dismiss a felony if the person is at least this old on the as-of date.",
                     "County choice (Los Angeles 2020: 50; BEAR)"),
    "years_since_conviction": ("Conviction at least this many years old",
                               "Dismiss a felony that is at least this many years old on the "
                               "as-of date.", "County choice (BEAR)"),
    "years_crime_free": ("No conviction in the last N years",
                         "Dismiss a felony if the person has no conviction of any kind, in "
                         "any county, in this many years before the as-of date.",
                         "County choice (Sacramento 2019: 10; BEAR)"),
    "years_felony_free": ("No felony conviction in the last N years",
                          "Dismiss a felony if the person has no felony conviction in this "
                          "many years before the as-of date.", "County choice (Los Angeles "
                          "2020: 10)"),
    "only_prop64": ("Only Prop 64 convictions on the record",
                    "Dismiss a felony if every conviction of the person is under HS "
                    "11357-11360.", "County choice (BEAR)"),
    "only_conviction_sentence_completed": ("Only conviction, sentence completed",
                                           "Dismiss a felony that is the person's only "
                                           "conviction once its sentence has ended.",
                                           "County choice (Sacramento 2019)"),
    "sentence_completed": ("Sentence completed",
                           "Dismiss a felony whose sentence (probation, jail or prison) ended "
                           "before the as-of date.", "County choice (Los Angeles 2020)"),
    "deceased": ("Person is deceased",
                 "Dismiss a felony of a person the record says has died.",
                 "County choice (BEAR)"),
}
GROUNDS: Final = {
    "prior_super_strike": ("Prior super strike",
                           "A super strike conviction dated before the offense (felony HS "
                           "11358-11360, person 18 or older).",
                           "HS 11358(d)(1), 11359(c)(1), 11360(a)(3)(A); PC 667(e)(2)(C)(iv)"),
    "prior_pc290": ("Prior PC 290 offense",
                    "A conviction requiring registration under PC 290(c) dated before the "
                    "offense.", "HS 11358(d)(1), 11359(c)(1), 11360(a)(3)(A); PC 290(c)"),
    "pc290_registrant": ("PC 290 registrant",
                         "A PC 290 registration whose conviction is not in the file.",
                         "HS 11358(d)(1), 11359(c)(1), 11360(a)(3)(A); PC 290(c)"),
    "two_priors_same_subdivision": ("Two priors, same section",
                                    "Two or more earlier convictions under the same section "
                                    "(whether pre-2016 ones count is contested).",
                                    "HS 11358(d)(2), 11359(c)(2), 11360(a)(3)(B)"),
    "prior_after_offense": ("Prior after the offense or undated",
                            "A disqualifying conviction or registration dated after the "
                            "offense but before the conviction, or undated.",
                            "HS 11358(d)(1)-(2), 11359(c)(1)-(2), 11360(a)(3)(A)-(B)"),
    "currently_serving": ("Still serving the sentence",
                          "The sentence ends after the as-of date; the DA may show an "
                          "unreasonable risk of a new super strike.", "HS 11361.8(b)"),
}
RELATED: Final = {
    "attempt": ("Attempts (PC 664)", "Attempts to commit a Prop 64 offense.", "PC 664"),
    "accessory": ("Accessory (PC 32)", "Accessory after the fact to a Prop 64 offense.",
                  "PC 32; People v. Boatwright allows relief"),
    "conspiracy": ("Conspiracy (PC 182)", "Conspiracy to commit a Prop 64 offense.",
                   "PC 182; People v. Medina: no 11361.8 reduction"),
    "11366": ("HS 11366", "Opening or keeping a place for drug use.", "County choice"),
    "11366.5": ("HS 11366.5", "Making a building available for drug use.", "County choice"),
    "cycle": ("Same-cycle offenses", "PC 647(f), 602, 466, 148, 148.9, 1320; HS 11364, "
              "11550; BP 4060, 4140, 4149; VC 40508, in the same arrest cycle.",
              "County choice (pilot counties)"),
}
_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")


def policy_to_mapping(policy: Policy) -> dict[str, Any]:
    """The policy as the TOML tables of resources/policies/*.toml."""
    extra = policy.additional
    return {
        "schema_version": SCHEMA_VERSION,
        "id": policy.id,
        "name": policy.name,
        "description": policy.description,
        "procedure": policy.procedure,
        "felony": {"dismiss": list(policy.felony_dismiss), "reduce": list(policy.felony_reduce)},
        "additional_relief": {key: getattr(extra, key) for key in (*THRESHOLDS, *SWITCHES)},
        "challenges": {ground: policy.ground(ground) for ground in CHALLENGE_GROUNDS},
        "scope": {"related": list(policy.related),
                  "after_cutoff": "not_eligible" if policy.after_cutoff_not_eligible
                  else "evaluate"},
    }


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    # JSON string escapes are TOML basic-string escapes; DEL is the one control JSON keeps.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def policy_to_toml(policy: Policy) -> str:
    data = policy_to_mapping(policy)
    lines = [f"# County policy written by CountyClear: {policy.name}"]
    tables = []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append((key, value))
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    for name, table in tables:
        lines.append("")
        lines.append(f"[{name}]")
        lines.extend(f"{key} = {_toml_value(value)}" for key, value in table.items())
    return "\n".join(lines) + "\n"


def save_policy_toml(policy: Policy, path: Path) -> None:
    """Write atomically: a crash mid-save leaves the previous file whole."""
    atomic_write_text(path, policy_to_toml(policy))


class YearsSpinBox(QSpinBox):
    """Whole years, written `1 year`, `10 years`."""

    def textFromValue(self, value: int) -> str:
        return f"{value} year" if value == 1 else f"{value} years"

    def valueFromText(self, text: str) -> int:
        digits = "".join(ch for ch in text if ch.isdigit())
        return int(digits) if digits else self.minimum()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        digits = "".join(ch for ch in text if ch.isdigit())
        if not digits:
            return (QValidator.State.Intermediate, text, pos)
        value = int(digits)
        if value > self.maximum():
            return (QValidator.State.Invalid, text, pos)
        state = (QValidator.State.Acceptable if value >= self.minimum()
                 else QValidator.State.Intermediate)
        return (state, text, pos)


def shown_as(switch: str) -> str:
    """The titles of the rules a switch turns on, as the charts, grid and person view name
    them, so a clerk can find a chart's rule here (the statutory procedure's rules)."""
    titles = [rule.title for rule in RULES if rule.switch == switch and rule.procedure != "bear"]
    return (" Shown as: " + "; ".join(f"\u201c{t}\u201d" for t in titles) + ".") if titles else ""


def _explained(title: str, meaning: str, authority: str) -> QLabel:
    label = QLabel(f"{meaning} <i>({authority})</i>")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 36)
    label.setAccessibleName(f"{title}: meaning")
    return label


class PolicyEditor(QDialog):
    def __init__(self, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"County policy: {policy.name}")
        self.setAccessibleName("County policy editor")
        self.source = policy.source
        self.name = QLineEdit(policy.name)
        self.policy_id = QLineEdit(policy.id)
        self.description = QLineEdit(policy.description)
        self.description.setCursorPosition(0)  # show the start of a long sentence
        self.procedure = QComboBox()
        self.procedure.addItem("Statutory (HS 11361.8, challenge grounds as set below)",
                               "statutory")
        self.procedure.addItem("BEAR / gogen procedure (first matching step wins)", "bear")
        self.procedure.setCurrentIndex(self.procedure.findData(policy.procedure))
        general = self._grid("Policy", [
            ("Name", self.name, "Shown in the app and in reports.", "Your choice"),
            ("Id", self.policy_id, "File name: lower-case letters, digits and _.",
             "Your choice"),
            ("Description", self.description, "One sentence saying what the policy does.",
             "Your choice"),
            ("Procedure", self.procedure, "Statutory follows HS 11361.8 with the challenge "
             "grounds below; BEAR repeats Code for America's tool step by step.",
             "County choice"),
        ])
        self.felony: dict[str, QComboBox] = {}
        felony_rows = []
        for section, (title, meaning) in SECTIONS.items():
            combo = QComboBox()
            for value, text in FELONY_CHOICES:
                combo.addItem(text, value)
            chosen = ("dismiss" if section in policy.felony_dismiss
                      else "reduce" if section in policy.felony_reduce else "neither")
            combo.setCurrentIndex(combo.findData(chosen))
            self.felony[section] = combo
            felony_rows.append((title, combo, meaning + " Misdemeanors get what the law "
                                "gives, unless the county dismisses them all (below).",
                                "HS 11361.8(a)-(b); county choice under HS 11361.9"))
        felonies = self._grid("Felonies of each section", felony_rows)

        self.thresholds: dict[str, tuple[QCheckBox, QSpinBox]] = {}
        self.switches: dict[str, QCheckBox] = {}
        relief_rows: list[tuple[str | QWidget, QWidget | None, str, str]] = []
        for key, (title, meaning, authority) in CRITERIA.items():
            if key in THRESHOLDS:
                low, high = THRESHOLDS[key]
                value = getattr(policy.additional, key)  # in range: both loaders check
                spin = YearsSpinBox()
                spin.setRange(low, high)
                spin.setValue(value or low)
                spin.setAccessibleName(f"{title}: years ({low} to {high})")
                box = QCheckBox(title)
                box.setChecked(value != 0)
                spin.setEnabled(value != 0)
                box.toggled.connect(spin.setEnabled)
                self.thresholds[key] = (box, spin)
                relief_rows.append((box, spin, meaning + shown_as(f"additional:{key}"),
                                    authority))
            else:
                box = QCheckBox(title)
                box.setChecked(bool(getattr(policy.additional, key)))
                self.switches[key] = box
                relief_rows.append((box, None, meaning + shown_as(f"additional:{key}"),
                                    authority))
        relief = self._grid("County's additional relief: misdemeanors dismissed, and felonies "
                            "dismissed instead of reduced", relief_rows)

        self.grounds: dict[str, QComboBox] = {}
        ground_rows = []
        for key, (title, meaning, authority) in GROUNDS.items():
            combo = QComboBox()
            combo.addItem("Send to review", "review")
            combo.addItem("Ignore (show the fact only)", "ignore")
            combo.setCurrentIndex(combo.findData(policy.ground(key)))
            self.grounds[key] = combo
            ground_rows.append((title, combo, meaning + shown_as(f"ground:{key}"), authority))
        grounds = self._grid("Grounds to challenge relief", ground_rows)

        self.related: dict[str, QCheckBox] = {}
        scope_rows: list[tuple[str | QWidget, QWidget | None, str, str]] = []
        for key, (title, meaning, authority) in RELATED.items():
            box = QCheckBox(title)
            box.setChecked(key in policy.related)
            self.related[key] = box
            scope_rows.append((box, None, meaning + " Always review, never automatic.",
                               authority))
        self.after_cutoff = QComboBox()
        self.after_cutoff.addItem("Not eligible", "not_eligible")
        self.after_cutoff.addItem("Evaluate like earlier convictions (flagged)", "evaluate")
        self.after_cutoff.setCurrentIndex(0 if policy.after_cutoff_not_eligible else 1)
        scope_rows.append(("Offense on or after November 9, 2016", self.after_cutoff,
                           "An offense committed once Prop 64 was in effect already fell under "
                           "its law: HS 11361.8 asks about the time of the offense."
                           + shown_as("after_cutoff"), "HS 11361.8(a), (e); BEAR evaluated "
                           "them"))
        scope = self._grid("Offenses in scope", scope_rows)

        content = QWidget()
        column = QVBoxLayout(content)
        for group in (general, felonies, relief, grounds, scope):
            column.addWidget(group)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem with the policy")
        self.error.setStyleSheet("color: #a12622; font-weight: bold")
        self.error.hide()
        buttons, _ = ok_cancel(self)
        self.save_button = buttons.addButton("&Save as file…",
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self._save_as)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Never clip horizontally: the scroll area is at least as wide as its content needs.
        scroll.setMinimumWidth(content.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width() + 4)
        metrics = self.fontMetrics()
        self.resize(max(self.minimumSizeHint().width(), metrics.averageCharWidth() * 150),
                    metrics.height() * 42)

    def _grid(self, title: str, rows: Sequence[tuple[str | QWidget, QWidget | None, str, str]],
              ) -> QGroupBox:
        """Rows of (caption or check box, control, meaning, authority) in three columns."""
        group = QGroupBox(title)
        grid = QGridLayout(group)
        grid.setColumnStretch(2, 1)
        for index, (label, control, meaning, authority) in enumerate(rows):
            if isinstance(label, QWidget):
                grid.addWidget(label, index, 0, 1, 1 if control else 2)
                name = label.text() if isinstance(label, QCheckBox) else ""
            else:
                caption = QLabel(label)
                if control is not None:
                    caption.setBuddy(control)
                grid.addWidget(caption, index, 0)
                name = label
                if control is not None:
                    control.setAccessibleName(label)
            if control is not None:
                grid.addWidget(control, index, 1)
            described = control if control is not None else label
            if meaning and isinstance(described, QWidget):
                described.setAccessibleDescription(f"{meaning} ({authority})")
                grid.addWidget(_explained(name, meaning, authority), index, 2)
        return group

    def policy(self) -> Policy:
        """The form as a validated Policy; InputError names the first thing that is wrong."""
        name = self.name.text().strip()
        policy_id = self.policy_id.text().strip()
        if not name:
            raise InputError("policy", "the name is empty; give the policy a name.")
        if not _ID.match(policy_id):
            raise InputError("policy", f"id {policy_id!r} must be lower-case letters, digits "
                             "and _ (e.g. fresno_2024).")
        choice = {s: combo.currentData() for s, combo in self.felony.items()}
        data = {
            "schema_version": SCHEMA_VERSION,
            "id": policy_id,
            "name": name,
            "description": self.description.text().strip(),
            "procedure": self.procedure.currentData(),
            "felony": {"dismiss": [s for s in PROP64_SECTIONS if choice[s] == "dismiss"],
                       "reduce": [s for s in PROP64_SECTIONS if choice[s] == "reduce"]},
            "additional_relief": {
                **{k: spin.value() if box.isChecked() else 0
                   for k, (box, spin) in self.thresholds.items()},
                **{k: box.isChecked() for k, box in self.switches.items()},
            },
            "challenges": {k: combo.currentData() for k, combo in self.grounds.items()},
            "scope": {"related": [r for r in RELATED_OFFENCES if self.related[r].isChecked()],
                      "after_cutoff": self.after_cutoff.currentData()},
        }
        return policy_from_mapping(data, self.source or f"{policy_id}.toml")

    def _checked_policy(self) -> Policy | None:
        """The form's policy, or None with what is wrong shown under the form."""
        try:
            return self.policy()
        except InputError as error:
            self.error.setText(error.message)
            self.error.show()
            return None

    def accept(self) -> None:
        if self._checked_policy() is not None:
            super().accept()

    def _save_as(self) -> None:
        policy = self._checked_policy()
        if policy is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(self, "Save policy", f"{policy.id}.toml",
                                                "Policy files (*.toml)")
        if not chosen:
            return
        try:
            save_policy_toml(policy, Path(chosen))
        except OSError as exc:
            QMessageBox.warning(self, "Policy not saved",
                                f"{chosen}: cannot write the file ({exc.strerror}). "
                                "Choose another folder.")


def demo_widget() -> QWidget:
    return PolicyEditor(builtin_policy("los_angeles_2020"))
