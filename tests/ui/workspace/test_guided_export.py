"""Export as a guided step, through the real window on the bundled sample: the checklist
says what is open and each button fixes it; the documents are written as a job; the result
lists the files and opens their folder; the office details show the workspace's county."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.exports.office import load_office
from app.exports.readiness import export_readiness
from app.review import open_workspace
from app.review.checklist import CheckItem
from app.triage.counts import determination_counts
from tests.ui.drive import catcher_for, click_ok, open_window
from ui.dialogs.export_dialog import READY_TEXT, DojDateDialog, ExportDialog
from ui.dialogs.office_dialog import OfficeDialog
from ui.dialogs.run_dialog import RunDialog
from ui.main_window import MainWindow
from ui.triage.columns import COLUMN_INDEX
from ui.workspace.export_flow import checklist
from ui.workspace.session import Session

PASSWORD = "sealed-exhibit-9"


def sample_session(qtbot: QtBot, window: MainWindow, policy: str = "") -> Session:
    dialogs = catcher_for(window)
    qtbot.mouseClick(window.start.sample_button, Qt.MouseButton.LeftButton)
    run = dialogs.next(qtbot, RunDialog)
    if policy:
        run.policy.setCurrentIndex(run.policy.findData(policy))
    with qtbot.waitSignal(window.flow.sessionReady, timeout=30_000) as ready:
        click_ok(qtbot, run.ok_button)
    session = ready.args[0]
    assert isinstance(session, Session)
    return session


class FolderOpener(QObject):
    """Stands in for the file manager: QDesktopServices hands it file:// URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opener() -> FolderOpener:
    handler = FolderOpener()
    QDesktopServices.setUrlHandler("file", handler, "show")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


def test_the_checklist_names_what_is_open_and_its_buttons_fix_it(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    session = sample_session(qtbot, window)
    dialogs = catcher_for(window)
    dialog = window.export()
    assert isinstance(dialog, ExportDialog)
    keys = [item.key for item in dialog.checklist.items]
    reviews = determination_counts(session.snapshot)["review"]
    pending = keys.index("pending")
    assert keys[pending + 1] == "unconfirmed"
    counts = export_readiness(session.snapshot.frame, session.workspace.paper_facts(),
                              load_office()).accounting
    assert counts.pending == reviews + counts.held_back  # reviews, and grants held back
    assert dialog.checklist.items[pending].text.startswith(
        f"{counts.pending:,} conviction(s) are pending review")
    assert {"office_blank", "city_attorneys", "alternate_public_defender",
            "doj_file_date"} <= set(keys)
    # Office details: the dialog opens on the workspace's county; saving refreshes the list.
    qtbot.mouseClick(dialog.checklist.buttons["office_blank"], Qt.MouseButton.LeftButton)
    office = dialogs.next(qtbot, OfficeDialog)
    assert office.county.currentData() == "SACRAMENTO"
    for name, value in (("da_name", "Dana Whitfield"), ("title", "District Attorney"),
                        ("signing_deputy", "Jordan Lee"),
                        ("deputy_title", "Deputy District Attorney"),
                        ("state_bar_number", "301234"), ("phone", "(916) 874-6218"),
                        ("email", "prop64@da.example.gov"), ("department", "9")):
        qtbot.keyClicks(office.edits[name], value)
    office.edits["office_address"].setPlainText("901 G Street\nSacramento, CA 95814")
    office.no_city_attorneys.setChecked(True)
    office.alternate_public_defender.setCurrentIndex(2)  # none in this county
    office.accept()
    assert load_office().county == "SACRAMENTO"
    keys = [item.key for item in dialog.checklist.items]
    assert not {"office_blank", "city_attorneys", "alternate_public_defender"} & set(keys)
    # The DOJ file's date: typed from DOJ's letter, kept with the workspace (audited), then
    # no longer a question, also when the workspace is opened again.
    qtbot.mouseClick(dialog.checklist.buttons["doj_file_date"], Qt.MouseButton.LeftButton)
    day = dialogs.next(qtbot, DojDateDialog)
    day.day.setDate(QDate(2026, 2, 10))
    day.accept()
    assert session.workspace.doj_file_date == date(2026, 2, 10)
    assert session.workspace.audit.entries[-1]["action"] == "doj_file_date"
    assert "doj_file_date" not in [item.key for item in dialog.checklist.items]
    assert session.flush()
    assert open_workspace(session.workspace.path).doj_file_date == date(2026, 2, 10)
    # Pending reviews: the dialog gives way to the grid, filtered to them.
    qtbot.mouseClick(dialog.checklist.buttons["pending"], Qt.MouseButton.LeftButton)
    assert window.workspace.currentIndex() == 0
    assert window.workspace.grid.model.rowCount() == reviews
    window.close()


def test_export_runs_as_a_job_then_lists_the_files_and_opens_their_folder(
    qtbot: QtBot, tmp_path: Path, opener: FolderOpener
) -> None:
    window = open_window(qtbot)
    session = sample_session(qtbot, window)
    dialogs = catcher_for(window)
    rows = list(range(session.snapshot.height))
    session.decide(session.keys_of(rows), None)  # every determination accepted
    dialog = window.export()
    assert isinstance(dialog, ExportDialog)
    out = tmp_path / "court"
    dialog.folder.setText(str(out))
    for document, check in dialog.choices.items():
        check.setChecked(document in ("exhibit", "motion"))
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.again, PASSWORD)
    with qtbot.waitSignal(window.flow.jobStarted) as started:
        click_ok(qtbot, dialog.ok_button)
    with qtbot.waitSignal(started.args[0].succeeded, timeout=60_000):
        pass
    result = window.exporting.result
    assert result is not None and result.isVisible()
    listed = [result.files.item(i).text().split(": ")[0] for i in range(result.files.count())]
    assert sorted(listed) == sorted(p.name for p in out.iterdir()) == sorted([
        "exhibit_1.xlsx", "motion_and_order.pdf", "motion.pdf", "proposed_order.pdf",
        "exhibit_1_cover.pdf", "proof_of_service.pdf"])
    qtbot.mouseClick(result.open_folder, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opener.urls] == [str(out)]
    assert not [d for d in dialogs.dialogs if isinstance(d, OfficeDialog)]
    window.close()


def test_every_checklist_line_shows_whole_and_the_dialog_fits_the_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    long = "Office details left blank print as " + ", ".join(f"[BLANK {i}]" for i in range(30))
    items = [CheckItem(f"item{i}", long, "office_details", "Office details…") for i in range(8)]
    dialog = ExportDialog(tmp_path, have_summary=True, checklist=items)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height() and dialog.width() <= screen.width()
    labels = [w for w in dialog.checklist.findChildren(QLabel) if w.text().startswith("•")]
    assert len(labels) == 8
    for label in labels:  # no wrapped line cut short (the rest of the dialog scrolls)
        assert label.height() >= label.heightForWidth(label.width())


def test_a_finished_checklist_says_ready(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(tmp_path, have_summary=True, checklist=[])
    qtbot.addWidget(dialog)
    assert dialog.checklist.items == [] and dialog.checklist.buttons == {}
    labels = [w.text() for w in dialog.checklist.findChildren(QLabel)]
    assert READY_TEXT in labels


def test_the_office_menu_shows_the_workspace_county(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    sample_session(qtbot, window)
    dialogs = catcher_for(window)
    window.edit_office()
    office = dialogs.next(qtbot, OfficeDialog)
    assert office.county.currentData() == "SACRAMENTO"
    assert office.county.currentText() == "Sacramento"
    window.close()


def test_unconfirmed_and_held_back_fixes_show_those_rows(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    # BEAR's preset grants convictions after Prop 64 took effect: the papers hold them back.
    session = sample_session(qtbot, window, "bear_default")
    dialog = window.export()
    assert isinstance(dialog, ExportDialog)
    qtbot.mouseClick(dialog.checklist.buttons["unconfirmed"], Qt.MouseButton.LeftButton)
    grid = window.workspace.grid
    assert grid.model.rowCount() == session.snapshot.height  # nothing decided yet: all pending
    assert grid.filters.query.statuses == frozenset({"pending"})
    again = window.export()
    assert isinstance(again, ExportDialog)
    qtbot.mouseClick(again.checklist.buttons["held_back"], Qt.MouseButton.LeftButton)
    assert grid.filters.query.sort_column == "conviction_date" and grid.filters.query.descending
    newest = session.snapshot.frame["conviction_date"].max()
    shown_first = grid.model.index(0, COLUMN_INDEX["conviction_date"]).data()
    assert shown_first == newest.isoformat()
    window.close()


def test_the_checklist_names_juvenile_court_counts_the_engine_did_not_evaluate(
    qtbot: QtBot,
) -> None:
    window = open_window(qtbot)
    session = sample_session(qtbot, window)
    assert session.engine_summary is not None
    assert "juvenile_not_evaluated" not in [item.key for item in checklist(session)]
    session.engine_summary = replace(session.engine_summary, juvenile_not_evaluated=2)
    assert session.paper_facts().juvenile_not_evaluated == 2
    item = next(item for item in checklist(session) if item.key == "juvenile_not_evaluated")
    assert item.text.startswith("2 cannabis count(s) of a juvenile court")
    assert item.button == ""  # nothing to press: a person reviews them by hand
