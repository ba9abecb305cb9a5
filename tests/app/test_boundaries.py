"""app/ is the product's brain: it never imports PySide6 or ui (STYLE.md habit 1)."""

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def test_no_module_in_app_imports_qt_or_ui() -> None:
    offenders = []
    for path in APP.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
                names = [a.value for a in node.args if isinstance(a, ast.Constant)
                         and isinstance(a.value, str)]
            offenders += [f"{path}: {n}" for n in names
                          if n.split(".")[0] in ("PySide6", "ui", "PyQt5", "PyQt6")]
    assert not offenders, offenders


def test_importing_every_app_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(APP.parent).with_suffix("").parts)
        for p in APP.rglob("*.py") if p.name != "__init__.py"
    )
    code = "import importlib, sys\n" + "".join(
        f"importlib.import_module({m!r})\n" for m in modules
    ) + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'ui'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=APP.parent)
    assert out.stdout.strip() == "[]"
