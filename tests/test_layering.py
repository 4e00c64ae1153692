"""The core never imports Streamlit: every module under xorcore/ imports in a fresh interpreter without it."""

from __future__ import annotations

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
