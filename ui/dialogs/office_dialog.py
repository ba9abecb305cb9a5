"""Office details for the court documents: county, court, DA, signing deputy, contact, who is
served, and the filing's caption ([filing]: case number, hearing date and time).

`OfficeDialog(details, path, county=...)`: edits an app.exports.office.OfficeDetails and, on
OK, saves it with save_office (office.toml in the user's folder unless `path` says
otherwise): the same file `countyclear export --office FILE` reads. A detail left blank
prints as a bracketed blank in the documents, never as an invented value; a fact the papers
would assert (city attorneys, an alternate public defender) stays "not entered" until the
office says, and export warns until then. `county`: the open workspace's, shown where the
office has not chosen one.
"""

import re
from pathlib import Path
from typing import Final

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.counties import COUNTIES, title_case
from app.errors import InputError
from app.exports.office import (
    BLANKS,
    CASE_NUMBER_DEFAULT,
    NO_HEARING,
    Filing,
    OfficeDetails,
    court_for_county,
    load_office,
    save_office,
    typed_court_address_note,
)
from ui.dialogs.dialog_parts import submit_on_ctrl_enter

# (field, label, help shown as the field's tooltip)
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
# Details some papers print, left out when blank (no bracketed blank): key -> (label, help).
OPTIONAL: Final = {
    "policy_dismissal_authority": (
        "Authority for policy dismissals",
        "The authority the office cites for dismissals under county policy, e.g. Pen. Code, "
        "§ 1385, as a deputy DA confirms it. Left blank, the papers cite none."),
    "public_contact": (
        "Public contact",
        "The impact report's contact line for the press and the board, e.g. Public "
        "Information Office, (916) 874-6218."),
}
# The filing facts: [filing] in office.toml, key -> (label, help, what a blank means).
FILING: Final = {
    "case_number": ("Case number", "The court's case number for the motion, if it has one.",
                    f"blank: {CASE_NUMBER_DEFAULT}"),
    "hearing_date": ("Hearing date", "As the notice prints it, e.g. January 12, 2027.",
                     "blank: no hearing requested"),
    "hearing_time": ("Hearing time", "e.g. 8:30 a.m.", "blank: no hearing requested"),
}
# The alternate public defender: not entered (export warns), yes, no.
APD_CHOICES: Final = (
    ("(not entered: the papers name none)", None),
    ("Yes: it is named and served too", True),
    ("No alternate public defender in this county", False),
)
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
        office = _form()
        office.addRow("&County:", self.county)
        for name, label, hint in FIELDS:
            value = getattr(details, name)
            edit: QLineEdit | QPlainTextEdit
            if name in MULTILINE:
                edit = _lines(value)
            else:
                edit = _line(value)
                edit.setPlaceholderText(f"blank prints as {BLANKS[name]}")
            _describe(edit, label, hint)
            self.edits[name] = edit
            office.addRow(f"{label}:", edit)
        # Says when the court address is one CountyClear ships that no court source confirmed
        # (docs/COURTS.md), or when there is none.
        self.court_note = QLabel()
        self.court_note.setWordWrap(True)
        self.court_note.setAccessibleName("Check the court address")
        self.court_note.setStyleSheet("color: #8a5300")
        office.addRow(self.court_note)
        self.optional: dict[str, QLineEdit] = {}
        for name, (label, hint) in OPTIONAL.items():
            line = _line(getattr(details, name))
            line.setPlaceholderText("blank: left out")
            _describe(line, label, hint)
            self.optional[name] = line
            office.addRow(f"{label}:", line)
        served = self._served(details)
        filing = _form()
        self.filing: dict[str, QLineEdit] = {}
        for key, (label, hint, blank) in FILING.items():
            line = _line(getattr(details.filing, key))
            line.setPlaceholderText(blank)
            _describe(line, label, hint)
            self.filing[key] = line
            filing.addRow(f"{label}:", line)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        forms = (("Court and office", office), ("Who is served", served),
                 ("This filing", filing))
        _align_labels([form for _, form in forms])
        for title, form in forms:
            box = QGroupBox(title)
            box.setLayout(form)
            body.addWidget(box)
        note = QLabel("Details left blank appear in the documents as bracketed blanks, such "
                      "as [DA NAME], for you to fill in before filing.")
        note.setWordWrap(True)
        body.addWidget(note)
        body.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.body)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem with the details")
        self.error.setStyleSheet("color: #a12622; font-weight: bold")
        self.error.hide()
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                         | QDialogButtonBox.StandardButton.Cancel)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        submit_on_ctrl_enter(self, self._buttons.button(QDialogButtonBox.StandardButton.Save))
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)  # everything but the buttons scrolls (200% scaling)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons)
        wide = self.fontMetrics().averageCharWidth() * 100
        screen = self.screen().availableGeometry().width() if self.screen() else 0
        self.setMinimumWidth(min(wide, int(screen * 0.95)) if screen else wide)
        address = self.edits["court_address"]
        assert isinstance(address, QPlainTextEdit)
        address.textChanged.connect(self._show_court_note)
        if shown_county != details.county:  # the workspace's: offer its court, as choosing does
            self._county_changed()
        self._show_court_note()

    def _served(self, details: OfficeDetails) -> QFormLayout:
        """City attorneys and the alternate public defender: both "not entered" until the
        office says (None in OfficeDetails), as the papers name neither until then."""
        form = _form()
        self.city_attorneys = _lines("\n".join(details.city_attorneys or ()))
        _describe(self.city_attorneys, "City attorneys",
                  "The city attorneys who prosecute misdemeanors in the county and are served "
                  "with the motion: one a line, e.g. Sacramento City Attorney. Left blank "
                  "(and the box below not ticked), the papers name none and export warns.")
        self.no_city_attorneys = QCheckBox("No city attorney prosecutes misdemeanors here")
        _describe(self.no_city_attorneys, "No city attorney prosecutes here",
                  "Tick when the District Attorney prosecutes every misdemeanor in the county: "
                  "the papers then serve no city attorney, and export stops asking.")
        self.no_city_attorneys.toggled.connect(
            lambda none: self.city_attorneys.setEnabled(not none))
        self.no_city_attorneys.setChecked(details.city_attorneys == ())
        form.addRow("City attorneys:", self.city_attorneys)
        form.addRow("", self.no_city_attorneys)
        self.alternate_public_defender = QComboBox()
        for label, value in APD_CHOICES:
            self.alternate_public_defender.addItem(label, value)
        self.alternate_public_defender.setCurrentIndex(
            [value for _, value in APD_CHOICES].index(details.alternate_public_defender))
        _describe(self.alternate_public_defender, "Alternate public defender",
                  "Whether the county has an alternate public defender's office, named in the "
                  "papers and served with them.")
        form.addRow("Alternate public defender:", self.alternate_public_defender)
        return form

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
            edit.setCursorPosition(0)  # a long court name read from its beginning

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

    def _city_attorneys(self) -> tuple[str, ...] | None:
        if self.no_city_attorneys.isChecked():
            return ()
        lines = self.city_attorneys.toPlainText().splitlines()
        return tuple(line.strip() for line in lines if line.strip()) or None

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
        filing = Filing(**{key: edit.text().strip() for key, edit in self.filing.items()})
        if bool(filing.hearing_date) != bool(filing.hearing_time):
            raise InputError("Office details", "give both the hearing date and the hearing "
                             f"time, or neither ({NO_HEARING.split(' (')[0].lower()}).")
        return OfficeDetails(
            county=str(self.county.currentData() or ""),
            **{name: self._text(name) for name, _, _ in FIELDS},
            **{name: edit.text().strip() for name, edit in self.optional.items()},
            city_attorneys=self._city_attorneys(),
            alternate_public_defender=self.alternate_public_defender.currentData(),
            filing=filing,
        )

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

    def showEvent(self, event: QShowEvent) -> None:
        """Tall enough for the whole form where the screen allows; the rest scrolls."""
        super().showEvent(event)
        layout = self.body.layout()
        outer = self.layout()
        if layout is None or outer is None:
            return
        margins = outer.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        needed = (layout.totalHeightForWidth(width) + self._buttons.sizeHint().height()
                  + margins.top() + margins.bottom() + outer.spacing() * 2)
        screen = self.screen().availableGeometry().height() if self.screen() else needed
        self.resize(self.width(), min(needed, int(screen * 0.9)))


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _line(value: str) -> QLineEdit:
    """A one-line field that shows its text from the beginning (a long court name)."""
    edit = QLineEdit(value)
    edit.setCursorPosition(0)
    return edit


def _align_labels(forms: list[QFormLayout]) -> None:
    """One label column for all the groups, so the fields line up from box to box."""
    labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for form in forms
              for row in range(form.rowCount())]
    widgets = [item.widget() for item in labels if item is not None and item.widget()]
    widest = max((w.sizeHint().width() for w in widgets if w is not None), default=0)
    for widget in widgets:
        if widget is not None:
            widget.setMinimumWidth(widest)


def _lines(value: str) -> QPlainTextEdit:
    """A three-line text box where Tab moves on (addresses and lists are typed with Enter)."""
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
    return edit


def _describe(widget: QWidget, label: str, hint: str) -> None:
    widget.setAccessibleName(label)
    widget.setAccessibleDescription(hint)
    widget.setToolTip(hint)


def demo_widget() -> QWidget:
    details = OfficeDetails(
        county="SACRAMENTO", da_name="Dana Whitfield", title="District Attorney",
        signing_deputy="Jordan Lee", deputy_title="Deputy District Attorney",
        state_bar_number="301234", office_address="901 G Street\nSacramento, CA 95814",
        phone="(916) 874-6218", email="prop64@da.example.gov",
        city_attorneys=("Sacramento City Attorney",), alternate_public_defender=False,
        public_contact="Public Information Office, (916) 874-6218",
        filing=Filing(hearing_date="January 12, 2027", hearing_time="8:30 a.m."),
    )  # fmt: skip
    dialog = OfficeDialog(details, Path("office-demo.toml"))
    dialog._county_changed()  # the court from the shipped table, as choosing the county does
    return dialog
