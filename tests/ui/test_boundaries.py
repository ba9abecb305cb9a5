"""The window's doors: ui/ never imports the DOJ file reader (app.doj: the window goes from
deliveries to determinations through app.pipeline.evaluate_sources) nor the command line
(app.cli, app.commands), except the launcher, which hands a command to app.cli's `main`."""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
LAUNCHER = UI / "launcher.py"


def imported(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def test_no_module_in_ui_imports_the_reader_or_the_command_line() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for name in imported(path):
            if name == "app.doj" or name.startswith("app.doj."):
                offenders.append(f"{path.relative_to(UI.parent)}: {name}")
            if (name in ("app.cli", "app.commands") or name.startswith("app.commands.")) and (
                    path != LAUNCHER):
                offenders.append(f"{path.relative_to(UI.parent)}: {name}")
    assert not offenders, offenders


def test_the_rule_sees_both_import_forms(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("from app import cli\nimport app.doj.reader\n", encoding="utf-8")
    assert {"app.cli", "app.doj.reader"} <= set(imported(probe))
