"""No attribute of a ui/ class hides a Qt method: `self.actions = {...}` on a QMainWindow
replaced QWidget.actions() for every caller (Qt's own code included) and fooled the type
checker. Every class in ui/ that derives from QObject is checked against its Qt bases."""

import ast
import importlib
import inspect
import textwrap
from pathlib import Path

from PySide6.QtCore import QObject

UI = Path(__file__).resolve().parents[2] / "ui"


def assigned_attributes(cls: type) -> set[str]:
    """Names the class's own methods assign as `self.NAME = ...` (or annotate)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    names: set[str] = set()
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        for target in targets:
            for part in ast.walk(target):
                if (isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name)
                        and part.value.id == "self"):  # fmt: skip
                    names.add(part.attr)
    return names


def qt_names(cls: type) -> set[str]:
    return {name for base in cls.__mro__ if base.__module__.startswith("PySide6")
            for name in vars(base)}  # fmt: skip


def ui_qt_classes() -> list[type]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        name = ".".join(path.relative_to(UI.parent).with_suffix("").parts)
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QObject):
                found.append(cls)
    return found


def test_no_ui_attribute_shadows_a_qt_method() -> None:
    classes = ui_qt_classes()
    assert len(classes) > 30  # the walk really found the window's classes
    shadowing = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in classes
        for name in sorted(assigned_attributes(cls) & qt_names(cls))
    ]
    assert not shadowing, shadowing


def test_the_check_sees_a_shadowing_attribute() -> None:
    from PySide6.QtWidgets import QMainWindow

    class Window(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.actions = {}  # type: ignore[assignment]  # the mistake the test catches
            self.fine = 1

    assert assigned_attributes(Window) & qt_names(Window) == {"actions"}
