"""Layering: the core never imports Streamlit (checked in a fresh interpreter), and only xorcore/views draws (Altair)."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import xorcore

ROOT = Path(__file__).resolve().parents[1]


def test_no_xorcore_module_imports_streamlit():
    names = ["xorcore", *(f"xorcore.{m.name}" for m in pkgutil.walk_packages(xorcore.__path__))]
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({n!r})\n" for n in names)
    code += "print(sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit'))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert len(names) > 20  # the walk found the modules (a wrong path would pass vacuously)


def _imports(path: Path) -> set[str]:
    """The top-level package of every absolute import in one file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_views_import_altair():
    core = ROOT / "xorcore"
    users = {p.relative_to(core).as_posix() for p in core.rglob("*.py") if "altair" in _imports(p)}
    assert sorted(u for u in users if not u.startswith("views/")) == []  # the math never draws
    assert len(users) > 5  # the views do import it (a wrong path would pass vacuously)
