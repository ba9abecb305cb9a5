"""The start page: dropped files open, recent workspaces are listed and open."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from ui.settings import recent_workspaces, remember_workspace
from ui.workspace.start_page import StartPage


def test_dropping_files_opens_them(qtbot: QtBot, tmp_path: Path) -> None:
    page = StartPage()
    qtbot.addWidget(page)
    files = [tmp_path / "part1.dat", tmp_path / "part2.dat.gpg"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = QDragEnterEvent(QPointF(page.rect().center()), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(page.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    with qtbot.waitSignal(page.filesChosen) as chosen:
        page.dropEvent(drop)
    assert chosen.args == [files]


def test_recent_workspaces_most_recent_first_and_open_on_activation(
    qtbot: QtBot, tmp_path: Path
) -> None:
    first, second, gone = tmp_path / "a.ccws", tmp_path / "b.ccws", tmp_path / "gone.ccws"
    for path in (first, second, gone):
        path.write_bytes(b"CCWS")
        remember_workspace(path)
    remember_workspace(first)
    gone.unlink()
    assert recent_workspaces() == [first, second]  # a deleted file is not offered
    page = StartPage()
    qtbot.addWidget(page)
    assert page.recent.count() == 2 and not page.no_recent.isVisibleTo(page)
    with qtbot.waitSignal(page.workspaceChosen) as chosen:
        page.recent.itemActivated.emit(page.recent.item(1))
    assert chosen.args == [second]


def test_no_recent_workspaces_says_how_to_start(qtbot: QtBot) -> None:
    page = StartPage()
    qtbot.addWidget(page)
    assert page.recent.count() == 0
    assert page.no_recent.isVisibleTo(page) and not page.recent.isVisibleTo(page)
