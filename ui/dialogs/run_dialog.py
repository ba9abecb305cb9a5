"""The "new run" dialog: county (once per workspace), as-of date, and the county policy."""

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.counties import COUNTIES, title_case
from app.eligibility.policy import BUILTIN_POLICIES, Policy, builtin_policy, load_bear_options
from app.errors import InputError
from ui.dialogs.dialog_parts import ok_cancel, problem_label
from ui.dialogs.messages import show_error
from ui.dialogs.policy_editor import PolicyEditor

log = logging.getLogger("countyclear.ui.run")


@dataclass(frozen=True)
class RunSettings:
    county: str
    as_of: date
    policy: Policy


def _in_file(county: str, count: int | None) -> str:
    if count is None:
        return f"{title_case(county)} (in this file)"
    # Every offense counts here (DUIs too), so the number is not the run's cannabis count.
    return f"{title_case(county)} — {count:,} conviction{'' if count == 1 else 's'} of any kind"


class RunDialog(QDialog):
    """`file_counties`: the DOJ file's own counties, most convictions first, offered first;
    `counts`: how many convictions the file holds in each (shown beside the name).

    `fixed_county`: the workspace's county; a workspace belongs to one county, so it is shown
    but cannot be changed.
    """

    def __init__(
        self,
        file_counties: list[str],
        *,
        counts: Mapping[str, int] | None = None,
        fixed_county: str | None = None,
        policy: Policy | None = None,
        as_of: date | None = None,
        warning: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New run")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 84)
        self.county = QComboBox()
        self.county.setAccessibleName("County")
        ours = [c for c in file_counties if c in COUNTIES]
        for name in ours:
            self.county.addItem(_in_file(name, (counts or {}).get(name)), name)
        if ours:
            self.county.insertSeparator(len(ours))
        for name in COUNTIES:
            if name not in ours:
                self.county.addItem(title_case(name), name)
        # Two set lines, not word wrap: a wrapped label in a form gets stray height.
        self.county_order = QLabel(
            "First the counties where the people in this DOJ file were convicted (of anything),\n"
            "most convictions first; then every other California county, A to Z." if ours else
            "The DOJ file names no California county for its convictions:\n"
            "choose yours from every California county, A to Z."
        )  # fmt: skip
        self.county_order.setAccessibleName("How the counties are listed")
        if fixed_county:
            self.county.setCurrentIndex(self.county.findData(fixed_county))
            self.county.setEnabled(False)
            self.county.setToolTip("A workspace belongs to one county")
        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setAccessibleName("Eligibility as of")
        chosen = as_of or date.today()
        self.as_of.setDate(QDate(chosen.year, chosen.month, chosen.day))
        self.policy = QComboBox()
        self.policy.setAccessibleName("County policy")
        self._policies: list[Policy] = [builtin_policy(name) for name in BUILTIN_POLICIES]
        if policy is not None and policy.id not in BUILTIN_POLICIES:
            self._policies.append(policy)
        for item in self._policies:
            self.policy.addItem(item.name, item.id)
        if policy is not None:
            self.policy.setCurrentIndex(self.policy.findData(policy.id))
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.policy.currentIndexChanged.connect(self._describe)
        self.import_bear = QPushButton("Import BEAR options…")
        self.import_bear.setAccessibleName("Import a BEAR options JSON file as the policy")
        self.import_bear.clicked.connect(self._choose_bear_file)
        self.edit_policy = QPushButton("Edit policy…")
        self.edit_policy.setAccessibleName("Edit the policy")
        self.edit_policy.clicked.connect(self._edit)
        policy_buttons = QHBoxLayout()
        policy_buttons.addWidget(self.import_bear)
        policy_buttons.addWidget(self.edit_policy)
        policy_buttons.addStretch(1)
        form = QFormLayout()
        form.addRow("County", self.county)
        if not fixed_county:
            form.addRow("", self.county_order)
        form.addRow("Eligibility as of", self.as_of)
        form.addRow("Policy", self.policy)
        form.addRow("", self.description)
        form.addRow("", policy_buttons)
        buttons, self.ok_button = ok_cancel(self)
        self.ok_button.setText("Evaluate")
        layout = QVBoxLayout(self)
        self.warning = problem_label(warning)
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Warning")
        self.warning.setVisible(bool(warning))
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._describe()

    def settings(self) -> RunSettings:
        picked = self.as_of.date()
        return RunSettings(
            county=str(self.county.currentData()),
            as_of=date(picked.year(), picked.month(), picked.day()),
            policy=self.current_policy(),
        )

    def current_policy(self) -> Policy:
        return self._policies[self.policy.currentIndex()]

    def use_policy(self, policy: Policy) -> None:
        """Add (or replace) a custom policy and select it."""
        self._policies = [p for p in self._policies if p.id != policy.id] + [policy]
        self.policy.blockSignals(True)
        self.policy.clear()
        for item in self._policies:
            self.policy.addItem(item.name, item.id)
        self.policy.blockSignals(False)
        self.policy.setCurrentIndex(len(self._policies) - 1)
        self._describe()

    def import_bear_file(self, path: Path) -> None:
        try:
            self.use_policy(load_bear_options(path))
        except InputError as exc:
            show_error(self, exc.render())

    def _choose_bear_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import BEAR options", "", "BEAR options (*.json);;All files (*)"
        )
        if name:
            self.import_bear_file(Path(name))

    def _describe(self) -> None:
        policy = self.current_policy()
        self.description.setText(policy.description)

    def _edit(self) -> None:
        editor = PolicyEditor(self.current_policy(), self)
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.use_policy(editor.policy())
