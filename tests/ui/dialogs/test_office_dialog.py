"""The office details dialog saves what the clerk typed and reads it back."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from app.cli import main
from app.exports.office import FIELD_NAMES, Filing, OfficeDetails, court_for_county, load_office
from tests.app.exports.frames import sample_determinations, sample_summary, write_folder
from tests.app.exports.pdfs import flat_text
from tests.ui.drive import shown
from ui.dialogs.office_dialog import FIELDS, OfficeDialog, demo_widget


def test_typed_details_are_saved_and_reload_into_a_new_dialog(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "office.toml"
    dialog = shown(qtbot, OfficeDialog(OfficeDetails(), path))
    dialog.county.setCurrentIndex(dialog.county.findData("SAN LUIS OBISPO"))
    qtbot.keyClicks(dialog.edits["da_name"], "Morgan Ellis")
    qtbot.keyClicks(dialog.edits["state_bar_number"], "123456")
    qtbot.keyClicks(dialog.edits["email"], "da@slo.example.gov")
    dialog.edits["office_address"].setPlainText('1035 Palm St, Rm 450\nSan Luis Obispo "CA"')
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert dialog.saved_to == path
    saved = load_office(path)
    court = court_for_county("SAN LUIS OBISPO")
    assert court is not None
    assert saved == OfficeDetails(
        county="SAN LUIS OBISPO", court_name=court.name, court_address=court.address,
        da_name="Morgan Ellis", state_bar_number="123456", email="da@slo.example.gov",
        office_address='1035 Palm St, Rm 450\nSan Luis Obispo "CA"',
    )
    again = OfficeDialog(path=path)
    qtbot.addWidget(again)
    assert again.details() == saved
    assert again.county.currentText() == "San Luis Obispo"


def test_choosing_a_county_keeps_a_court_name_the_office_typed(qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    dialog = OfficeDialog(OfficeDetails(court_name="Our own court name"), tmp_path / "o.toml")
    qtbot.addWidget(dialog)
    dialog.county.setCurrentIndex(dialog.county.findData("FRESNO"))
    fresno = court_for_county("FRESNO")
    assert fresno is not None
    assert dialog.details().court_name == "Our own court name"
    assert dialog.details().court_address == fresno.address
    dialog.county.setCurrentIndex(dialog.county.findData("KERN"))
    kern = court_for_county("KERN")
    assert kern is not None
    assert dialog.details().court_address == kern.address  # table value follows the county


def test_a_court_address_no_source_confirmed_asks_the_office_to_check_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = shown(qtbot, OfficeDialog(OfficeDetails(), tmp_path / "office.toml"))
    assert dialog.court_note.isHidden()  # no county chosen yet
    dialog.county.setCurrentIndex(dialog.county.findData("MONO"))
    assert dialog.court_note.isVisible() and "not confirmed" in dialog.court_note.text()
    address = dialog.edits["court_address"]
    address.setPlainText("452 Old Mammoth Road\nMammoth Lakes, CA")  # the office checked it
    assert dialog.court_note.isHidden()
    address.setPlainText("")
    dialog.county.setCurrentIndex(dialog.county.findData("STANISLAUS"))
    assert dialog.court_note.isVisible() and "no address" in dialog.court_note.text()
    dialog.county.setCurrentIndex(dialog.county.findData("KERN"))
    assert dialog.court_note.isHidden()


def test_a_cleared_court_address_says_the_documents_print_the_shipped_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # Export fills a blank court address from the shipped table, so the note must not say
    # the documents print [COURT ADDRESS].
    dialog = shown(qtbot, OfficeDialog(OfficeDetails(), tmp_path / "office.toml"))
    dialog.county.setCurrentIndex(dialog.county.findData("KERN"))
    dialog.edits["court_address"].setPlainText("")
    kern = court_for_county("KERN")
    assert kern is not None and kern.confirmed
    note = dialog.court_note.text()
    assert dialog.court_note.isVisible() and "[COURT ADDRESS]" not in note
    assert "Left blank, the documents print" in note and kern.address.split(",")[0] in note
    dialog.county.setCurrentIndex(dialog.county.findData("MONO"))  # refills the blank
    dialog.edits["court_address"].setPlainText("  ")
    assert "Left blank" in dialog.court_note.text() and "No court source confirmed it" in \
        dialog.court_note.text()


def test_a_court_address_the_office_typed_stays_when_the_county_changes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = shown(qtbot, OfficeDialog(OfficeDetails(), tmp_path / "office.toml"))
    dialog.county.setCurrentIndex(dialog.county.findData("KERN"))  # fills Kern's court
    dialog.edits["court_address"].setPlainText("1 Annex Way\nBakersfield, CA")
    dialog.county.setCurrentIndex(dialog.county.findData("FRESNO"))
    fresno = court_for_county("FRESNO")
    assert fresno is not None
    assert dialog.details().court_address == "1 Annex Way\nBakersfield, CA"
    assert dialog.details().court_name == fresno.name  # the name was still the table's


def test_bad_state_bar_number_or_email_is_named_and_nothing_saved(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "office.toml"
    dialog = shown(qtbot, OfficeDialog(OfficeDetails(), path))
    dialog.edits["state_bar_number"].setText("SBN 12")
    dialog.accept()
    assert "digits only" in dialog.error.text()
    assert dialog.isVisible()
    dialog.edits["state_bar_number"].setText("12")
    dialog.edits["email"].setText("not an address")
    dialog.accept()
    assert "does not look like an address" in dialog.error.text()
    assert not path.exists()


def test_every_field_is_named_and_reached_with_tab(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = shown(qtbot, OfficeDialog(OfficeDetails(), tmp_path / "o.toml"))
    assert {name for name, _, _ in FIELDS} | {"county"} == set(FIELD_NAMES)
    # Qt's Tab order is the focus chain's tab-focusable, enabled, visible widgets.
    reached = []
    widget = dialog.county.nextInFocusChain()
    while widget is not dialog.county and len(reached) < len(FIELDS):
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible() and \
                widget.isEnabled() and widget.focusProxy() is None:
            reached.append(widget)
        widget = widget.nextInFocusChain()
    assert reached == [dialog.edits[name] for name, _, _ in FIELDS]
    for name, label, _ in FIELDS:
        edit = dialog.edits[name]
        assert edit.accessibleName() == label
        if isinstance(edit, QPlainTextEdit):
            assert edit.tabChangesFocus()


def test_demo_renders(qtbot: QtBot, tmp_path: Path) -> None:
    widget = shown(qtbot, demo_widget())
    assert widget.grab().save(str(tmp_path / "office.png"))


def test_not_entered_none_and_named_stay_apart(qtbot: QtBot, tmp_path: Path) -> None:
    # Not entered (the papers name no one and export warns), none in this county, and named
    # offices are three different facts for the papers.
    path = tmp_path / "office.toml"
    dialog = shown(qtbot, OfficeDialog(OfficeDetails(), path))
    for widget in (dialog.city_attorneys, dialog.no_city_attorneys,
                   dialog.alternate_public_defender, *dialog.filing.values(),
                   *dialog.optional.values()):
        assert widget.isEnabled() and widget.accessibleName() and widget.toolTip()
    assert dialog.details().city_attorneys is None
    assert dialog.details().alternate_public_defender is None
    dialog.no_city_attorneys.setChecked(True)
    assert not dialog.city_attorneys.isEnabled() and dialog.details().city_attorneys == ()
    dialog.alternate_public_defender.setCurrentIndex(2)
    assert dialog.details().alternate_public_defender is False
    dialog.accept()
    again = shown(qtbot, OfficeDialog(path=path))
    assert again.no_city_attorneys.isChecked()
    assert again.details().city_attorneys == () and again.details().alternate_public_defender \
        is False


def test_a_hearing_date_without_its_time_is_named_and_nothing_saved(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "office.toml"
    dialog = shown(qtbot, OfficeDialog(OfficeDetails(), path))
    qtbot.keyClicks(dialog.filing["hearing_date"], "January 12, 2027")
    dialog.accept()
    assert "hearing date and the hearing time" in dialog.error.text() and not path.exists()
    qtbot.keyClicks(dialog.filing["hearing_time"], "8:30 a.m.")
    dialog.accept()
    assert load_office(path).filing == Filing("", "January 12, 2027", "8:30 a.m.")


def test_what_the_dialog_saves_the_command_line_export_prints(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = tmp_path / "office.toml"
    dialog = shown(qtbot, OfficeDialog(OfficeDetails(), office))
    dialog.county.setCurrentIndex(dialog.county.findData("SACRAMENTO"))
    for name, value in (("department", "61"), ("da_name", "Dana Whitfield"),
                        ("title", "District Attorney"), ("signing_deputy", "Jordan Lee"),
                        ("deputy_title", "Deputy District Attorney"),
                        ("state_bar_number", "301234"), ("phone", "(916) 874-6218"),
                        ("email", "prop64@da.example.gov")):
        qtbot.keyClicks(dialog.edits[name], value)
    dialog.edits["office_address"].setPlainText("901 G Street\nSuite 3\nSacramento, CA 95814")
    dialog.city_attorneys.setPlainText("Sacramento City Attorney\n\nFolsom City Attorney\n")
    dialog.alternate_public_defender.setCurrentIndex(1)  # yes
    for key, value in (("case_number", "26FE000123"), ("hearing_date", "January 12, 2027"),
                       ("hearing_time", "8:30 a.m.")):
        qtbot.keyClicks(dialog.filing[key], value)
    qtbot.keyClicks(dialog.optional["policy_dismissal_authority"], "Pen. Code, § 1385")
    qtbot.keyClicks(dialog.optional["public_contact"], "Public Information Office")
    typed = dialog.details()
    dialog.accept()
    assert load_office(office) == typed
    assert typed.city_attorneys == ("Sacramento City Attorney", "Folsom City Attorney")
    assert typed.alternate_public_defender is True
    assert typed.filing == Filing("26FE000123", "January 12, 2027", "8:30 a.m.")
    run = tmp_path / "run"
    write_folder(run, sample_determinations(), sample_summary())
    monkeypatch.setenv("EXHIBIT_PW", "Exhibit-password-9")
    assert main(["export", str(run), "--office", str(office), "--password-env",
                 "EXHIBIT_PW"]) == 0
    motion = flat_text(run / "motion.pdf")
    for value in ("Sacramento City Attorney", "Folsom City Attorney", "26FE000123",
                  "January 12, 2027", "8:30 a.m.", "Dana Whitfield", "Jordan Lee", "301234",
                  "Suite 3"):
        assert value in motion, value
    assert "Alternate Public Defender" in motion or "ALTERNATE PUBLIC DEFENDER" in motion
    assert "Public Information Office" in flat_text(run / "impact_report.pdf")


def test_the_form_scrolls_where_the_screen_is_small(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = shown(qtbot, OfficeDialog(OfficeDetails(), tmp_path / "office.toml"))
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height() and dialog.width() <= screen.width()
    save = dialog.findChild(QDialogButtonBox)
    assert save is not None and save.isVisible()  # the buttons never scroll away
    # The test screen is 800 pixels high (as a 1280x800 laptop): the whole form is taller.
    assert screen.height() <= 800 and dialog.scroller.verticalScrollBar().maximum() > 0
