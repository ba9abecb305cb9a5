"""Office details for the court documents: county, court, DA, signing deputy, contact.

`OfficeDialog(details, path, county=...)`: edits an app.exports.office.OfficeDetails and, on
OK, saves it with save_office (office.toml in the user's folder unless `path` says
otherwise). A detail left blank prints as a bracketed blank in the documents, never as an
invented value. `county`: the open workspace's, shown where the office has not chosen one.

The city attorneys, the alternate public defender and the filing facts ([filing]:
case_number, hearing_date, hearing_time) are office.toml keys newer papers print. Where
app.exports.office does not know a key yet, its field is shown disabled and nothing of it
is saved, so office.toml stays readable by this version.
"""

import dataclasses
import re
from pathlib import Path
from typing import Any, Final

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.counties import COUNTIES, title_case
from app.errors import InputError
from app.exports.office import (
    BLANKS,
    FIELD_NAMES,
    OfficeDetails,
    court_for_county,
    load_office,
    save_office,
    typed_court_address_note,
)
from ui.dialogs.dialog_parts import submit_on_ctrl_enter

# (field, label, help shown under the form when the field has focus)
FIELDS: Final = (
    ("court_name", "Court name", "As the caption prints it."),
    ("court_address", "Court address", "Street, city, ZIP of the courthouse."),
    ("department", "Department", "Department of the judge who hears the motion."),
    ("da_name", "District Attorney", "The elected District Attorney's name."),
    ("title", "Title", "e.g. District Attorney"),
    ("signing_deputy", "Signing deputy", "The attorney who signs the motion."),
    ("deputy_title", "Deputy's title", "e.g. Deputy District Attorney"),
    ("state_bar_number", "State Bar number", "Of the attorney who signs: digits only."),
    ("office_address", "Office address", "Street, city, ZIP of the DA's office."),
    ("phone", "Phone", "e.g. (916) 874-6218"),
    ("email", "E-mail", "e.g. prop64@da.example.gov"),
)
MULTILINE: Final = ("court_address", "office_address")
# The filing facts: [filing] in office.toml, key -> (label, help).
FILING: Final = {
    "case_number": ("Case number", "The court's case number for the motion, if it has one."),
    "hearing_date": ("Hearing date", "As the notice prints it, e.g. January 12, 2027."),
    "hearing_time": ("Hearing time", "e.g. 8:30 a.m."),
}
NOT_YET: Final = ("This CountyClear does not print this detail yet; a newer version does.")


def knows(key: str) -> bool:
    """Whether app.exports.office keeps this office.toml key (see the module's comment)."""
    return key in FIELD_NAMES


def _filing_of(details: OfficeDetails) -> dict[str, str]:
    """The filing facts of the details, flat or in a `filing` table, whichever is known."""
    table = getattr(details, "filing", None)
    if dataclasses.is_dataclass(table) and not isinstance(table, type):
        table = dataclasses.asdict(table)
    found = dict(table) if isinstance(table, dict) else {}
    return {key: str(found.get(key, getattr(details, key, "")) or "") for key in FILING}
_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class OfficeDialog(QDialog):
    def __init__(self, details: OfficeDetails | None = None, path: Path | None = None,
                 parent: QWidget | None = None, *, county: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Office details")
        self.setAccessibleName("Office details")
        self.path = path
        self.saved_to: Path | None = None
        details = details if details is not None else load_office(path)
        # The court name and address the shipped table last offered, per field.
        court = court_for_county(details.county)
        self._from_table: dict[str, str] = (
            {"court_name": court.name, "court_address": court.address} if court else {})
        shown_county = details.county or county
        self.county = QComboBox()
        self.county.setAccessibleName("County")
        self.county.addItem("(choose the county)", "")
        for name in COUNTIES:
            self.county.addItem(title_case(name), name)
        self.county.setCurrentIndex(max(self.county.findData(shown_county), 0))
        self.county.currentIndexChanged.connect(self._county_changed)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&County", self.county)
        for name, label, hint in FIELDS:
            value = getattr(details, name)
            edit: QLineEdit | QPlainTextEdit
            if name in MULTILINE:
                edit = QPlainTextEdit(value)
                edit.setTabChangesFocus(True)  # Tab moves on; addresses are typed with Enter
                edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            else:
                edit = QLineEdit(value)
                edit.setPlaceholderText(f"blank prints as {BLANKS[name]}")
            edit.setAccessibleName(label)
            edit.setAccessibleDescription(hint)
            edit.setToolTip(hint)
            self.edits[name] = edit
            form.addRow(f"{label}:", edit)
        self._more_fields(form, details)
        note = QLabel("Details left blank appear in the documents as bracketed blanks, such "
                      "as [DA NAME], for you to fill in before filing.")
        note.setWordWrap(True)
        # Says when the court address is one CountyClear ships that no court source confirmed
        # (docs/COURTS.md), or when there is none.
        self.court_note = QLabel()
        self.court_note.setWordWrap(True)
        self.court_note.setAccessibleName("Check the court address")
        self.court_note.setStyleSheet("color: #8a5300")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem with the details")
        self.error.setStyleSheet("color: #a12622; font-weight: bold")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        submit_on_ctrl_enter(self, buttons.button(QDialogButtonBox.StandardButton.Save))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.court_note)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        address = self.edits["court_address"]
        assert isinstance(address, QPlainTextEdit)
        address.textChanged.connect(self._show_court_note)
        if shown_county != details.county:  # the workspace's: offer its court, as choosing does
            self._county_changed()
        self._show_court_note()

    def _more_fields(self, form: QFormLayout, details: OfficeDetails) -> None:
        """City attorneys, the alternate public defender and the filing facts."""
        attorneys = getattr(details, "city_attorneys", ()) or ()
        self.city_attorneys = QPlainTextEdit("\n".join(str(a) for a in attorneys))
        self.city_attorneys.setTabChangesFocus(True)
        self.city_attorneys.setFixedHeight(self.city_attorneys.fontMetrics().lineSpacing() * 3
                                           + 12)
        self.city_attorneys.setAccessibleName("City attorneys")
        self._explain(self.city_attorneys, "city_attorneys",
                      "Cities whose attorney prosecutes misdemeanors in the county and is "
                      "served with the motion: one a line, e.g. City of Sacramento.")
        form.addRow("City attorneys:", self.city_attorneys)
        self.alternate_public_defender = QCheckBox(
            "The county has an alternate public defender (served too)")
        self.alternate_public_defender.setChecked(
            bool(getattr(details, "alternate_public_defender", False)))
        self._explain(self.alternate_public_defender, "alternate_public_defender",
                      "Tick if the county has an alternate public defender's office.")
        form.addRow("", self.alternate_public_defender)
        unknown = [key for key in ("city_attorneys", "alternate_public_defender") if not knows(key)]
        if not (knows("filing") or all(knows(key) for key in FILING)):
            unknown.append("filing")
        self.not_yet = QLabel("City attorneys, the alternate public defender and the filing "
                              "details are printed by a newer CountyClear; this version "
                              "cannot fill them in.")
        self.not_yet.setWordWrap(True)
        self.not_yet.setVisible(bool(unknown))
        filing = _filing_of(details)
        self.filing: dict[str, QLineEdit] = {}
        for key, (label, hint) in FILING.items():
            edit = QLineEdit(filing[key])
            edit.setAccessibleName(label)
            self._explain(edit, "filing" if knows("filing") else key, hint)
            self.filing[key] = edit
            form.addRow(f"{label}:", edit)
        form.addRow(self.not_yet)

    def _explain(self, widget: QWidget, key: str, hint: str) -> None:
        known = knows(key)
        widget.setEnabled(known)
        widget.setToolTip(hint if known else f"{hint} {NOT_YET}")
        widget.setAccessibleDescription(widget.toolTip())

    def _more_values(self) -> dict[str, Any]:
        """The extra keys app.exports.office knows, as OfficeDetails takes them."""
        values: dict[str, Any] = {}
        if knows("city_attorneys"):
            lines = self.city_attorneys.toPlainText().splitlines()
            attorneys = [line.strip() for line in lines if line.strip()]
            default = getattr(OfficeDetails(), "city_attorneys", [])
            values["city_attorneys"] = tuple(attorneys) if isinstance(default, tuple) else attorneys
        if knows("alternate_public_defender"):
            values["alternate_public_defender"] = self.alternate_public_defender.isChecked()
        typed = {key: edit.text().strip() for key, edit in self.filing.items()}
        if knows("filing"):
            default = getattr(OfficeDetails(), "filing", None)
            if dataclasses.is_dataclass(default) and not isinstance(default, type):
                values["filing"] = dataclasses.replace(default, **typed)
            else:
                values["filing"] = typed
        values.update({key: value for key, value in typed.items() if knows(key)})
        return values

    def _text(self, name: str) -> str:
        edit = self.edits[name]
        text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
        return text.strip()

    def _set_text(self, name: str, value: str) -> None:
        edit = self.edits[name]
        if isinstance(edit, QPlainTextEdit):
            edit.setPlainText(value)
        else:
            edit.setText(value)

    def _county_changed(self) -> None:
        """Offer the shipped court for the county where the office has not typed its own."""
        court = court_for_county(str(self.county.currentData() or ""))
        if court is not None:
            for name, value in (("court_name", court.name), ("court_address", court.address)):
                # Replaced only while blank or still the value the table gave: what the
                # office typed itself stays, whichever county it picks afterwards.
                if self._text(name) in ("", self._from_table.get(name, "").strip()):
                    self._set_text(name, value)
                    self._from_table[name] = value
        self._show_court_note()

    def _show_court_note(self) -> None:
        county = str(self.county.currentData() or "")
        note = typed_court_address_note(county, self._text("court_address"))
        self.court_note.setText(note or "")
        self.court_note.setVisible(bool(note))

    def details(self) -> OfficeDetails:
        """The form as OfficeDetails; InputError names the field that is wrong."""
        bar = self._text("state_bar_number")
        if bar and not bar.isdigit():
            raise InputError("Office details", f"State Bar number {bar!r} must be digits "
                             "only, as the State Bar prints it.")
        email = self._text("email")
        if email and not _EMAIL.match(email):
            raise InputError("Office details", f"e-mail {email!r} does not look like an "
                             "address (name@example.gov).")
        values: dict[str, Any] = {name: self._text(name) for name, _, _ in FIELDS}
        values.update(self._more_values())
        return OfficeDetails(county=str(self.county.currentData() or ""), **values)

    def accept(self) -> None:
        try:
            details = self.details()
            self.saved_to = save_office(details, self.path)
        except InputError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        except OSError as exc:
            QMessageBox.warning(self, "Office details not saved",
                                f"{exc.filename}: cannot write ({exc.strerror}). Nothing was "
                                "changed; check the folder and try again.")
            return
        super().accept()


def demo_widget() -> QWidget:
    details = OfficeDetails(
        county="SACRAMENTO", da_name="Dana Whitfield", title="District Attorney",
        signing_deputy="Jordan Lee", deputy_title="Deputy District Attorney",
        state_bar_number="301234", office_address="901 G Street\nSacramento, CA 95814",
        phone="(916) 874-6218", email="prop64@da.example.gov",
    )  # fmt: skip
    dialog = OfficeDialog(details, Path("office-demo.toml"))
    dialog._county_changed()  # the court from the shipped table, as choosing the county does
    return dialog
