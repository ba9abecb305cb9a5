"""Export from the app: the documents are written by app.exports as a background job, the
exhibit is sealed with the password typed, and nothing is overwritten without asking."""

from pathlib import Path

import msoffcrypto
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.drive import catcher_for, click_ok, make_delivery, open_window
from tests.ui.test_main_flow import run_delivery
from ui.dialogs.export_dialog import ExportDialog

PASSWORD = "sealed-exhibit-9"


@pytest.fixture(scope="module")
def delivery(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_delivery(tmp_path_factory.mktemp("delivery"), people=40)


def test_export_writes_sealed_exhibit_and_asks_before_replacing(
    qtbot: QtBot, delivery: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot)
    session = run_delivery(qtbot, window, delivery)
    dialogs = catcher_for(window)
    out = tmp_path / "court"

    def export_once() -> ExportDialog:
        dialog = window.export()
        assert isinstance(dialog, ExportDialog)
        dialog.folder.setText(str(out))
        for document, check in dialog.choices.items():
            check.setChecked(document in ("exhibit", "motion"))
        assert not dialog.ok_button.isEnabled()  # no password yet
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.again, PASSWORD + "x")
        assert not dialog.ok_button.isEnabled()  # the two differ
        dialog.again.clear()
        qtbot.keyClicks(dialog.again, PASSWORD)
        return dialog

    first = export_once()
    with qtbot.waitSignal(window.flow.jobStarted) as started:
        click_ok(qtbot, first.ok_button)
    with qtbot.waitSignal(started.args[0].succeeded, timeout=60_000):
        pass
    exhibit = out / "exhibit_1.xlsx"
    assert (out / "motion_and_order.pdf").stat().st_size > 0
    with exhibit.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        assert office.is_encrypted()  # opens in Excel only with the password
    written = exhibit.stat().st_mtime_ns
    assert session.workspace.audit.entries[-1]["action"] == "export"

    papers = ("motion.pdf", "proposed_order.pdf", "exhibit_1_cover.pdf", "proof_of_service.pdf")
    assert all((out / name).stat().st_size > 0 for name in papers)
    assert window.exporting.result is not None
    listed = [window.exporting.result.files.item(i).text().split(":")[0]
              for i in range(window.exporting.result.files.count())]
    assert sorted(listed) == sorted(["exhibit_1.xlsx", "motion_and_order.pdf", *papers])

    # The same export again: the app asks, and "No" leaves the files alone.
    second = export_once()
    click_ok(qtbot, second.ok_button)
    question = dialogs.next(qtbot, QMessageBox)
    assert "exhibit_1.xlsx" in question.text()
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert exhibit.stat().st_mtime_ns == written
    assert not window.runner.busy

    # Only a separate paper left there: the app asks about it too (it once checked only its
    # own list, then replaced the rest unasked).
    for path in out.iterdir():
        if path.name != "proposed_order.pdf":
            path.unlink()
    order = (out / "proposed_order.pdf").stat().st_mtime_ns
    fourth = export_once()
    click_ok(qtbot, fourth.ok_button)
    question = dialogs.next(qtbot, QMessageBox)
    assert "proposed_order.pdf" in question.text()
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert [p.name for p in out.iterdir()] == ["proposed_order.pdf"]
    assert (out / "proposed_order.pdf").stat().st_mtime_ns == order

    # "Yes" replaces them, as a job again.
    third = export_once()
    click_ok(qtbot, third.ok_button)
    question = dialogs.next(qtbot, QMessageBox)
    with qtbot.waitSignal(window.flow.jobStarted) as started:
        qtbot.mouseClick(question.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(started.args[0].succeeded, timeout=60_000):
        pass
    assert exhibit.exists() and (out / "proposed_order.pdf").stat().st_mtime_ns != order
    window.close()


def test_the_challenged_list_alone_still_needs_the_password(qtbot: QtBot, tmp_path: Path) -> None:
    # It is sealed too: export refuses it unsealed, so the dialog asks before that.
    dialog = ExportDialog(tmp_path, have_summary=True)
    qtbot.addWidget(dialog)
    for document, check in dialog.choices.items():
        check.setChecked(document == "challenged")
    assert not dialog.ok_button.isEnabled() and "password" in dialog.problem.text()
    dialog.choices["challenged"].setChecked(False)
    dialog.choices["motion"].setChecked(True)
    assert dialog.ok_button.isEnabled()  # the papers are not sealed
