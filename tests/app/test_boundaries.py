"""app/ is the product's brain: it never imports PySide6 or ui."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

from app import ALLOCATOR_CONF

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


def test_the_allocator_setting_is_in_place_before_polars_starts() -> None:
    # app/__init__.py sets it for polars to read when it loads: importing `app` must set it
    # and must not load polars first; the launcher reaches polars only through `app`.
    code = ("import os, sys\nimport app\nprint('polars' in sys.modules)\n"
            "print(os.environ.get('_RJEM_MALLOC_CONF', ''))\n"
            "import ui.launcher, polars\nprint(os.environ['_RJEM_MALLOC_CONF'])")
    env = {k: v for k, v in os.environ.items() if k not in ("_RJEM_MALLOC_CONF",
                                                              "MIMALLOC_PURGE_DELAY")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=APP.parent, env=env).stdout.splitlines()
    assert out[0] == "False"
    assert out[1] == "dirty_decay_ms:10000,muzzy_decay_ms:10000,narenas:1" == ALLOCATOR_CONF
    # polars puts its own defaults first; the later values are the ones jemalloc keeps.
    assert out[2].endswith(ALLOCATOR_CONF)


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_the_file_format_never_imports_the_law() -> None:
    # app/doj reads the DOJ file; the facts the law needs (convictions, people, priors,
    # registrations, case numbers) are app/eligibility's, and code sections are parsed in
    # the neutral app/sections.py, which depends on neither.
    offenders = [f"{path}: {name}" for path in (APP / "doj").rglob("*.py")
                 for name in _imports(path) if name.startswith("app.eligibility")]
    offenders += [f"app/sections.py: {name}" for name in _imports(APP / "sections.py")
                  if name.startswith(("app.eligibility", "app.doj"))]
    assert not offenders, offenders
    assert not (APP / "doj" / "records.py").exists()


def test_no_source_file_cites_a_document_outside_the_repository() -> None:
    # The project stands on its own: what the code relies on is in docs/ or the README.
    cited = re.compile(r"\b(?:DOMAIN|DESIGN|STYLE)\.md\b")
    roots = [APP, APP.parent / "ui", APP.parent / "tests", APP.parent / "resources"]
    offenders = [
        f"{path}:{number}"
        for root in roots for path in root.rglob("*")
        if path.suffix in {".py", ".toml"}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if cited.search(line) and path.name != "test_boundaries.py"
    ]
    assert not offenders, offenders
    assert (APP.parent / "docs" / "ARCHITECTURE.md").exists()
