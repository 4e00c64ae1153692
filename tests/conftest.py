"""Shared test helpers: AppTest on dashboard.py with a clean cache, diverged runs, chart data."""

from __future__ import annotations

import contextlib
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from xorcore import Config, History, train
from xorcore.model import build_model, flatten
from xorcore.train import _history

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = str(ROOT / "dashboard.py")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with empty Streamlit caches."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


_TRAINED: dict[Config, History] = {}  # one test session's runs: a run is a pure function of its Config


@pytest.fixture(autouse=True)
def _train_each_config_once(monkeypatch):
    """The pages' trainer trains in a thread of the test process, with no store on disk, and each Config once
    per test session.

    A page still goes through its whole path (the queue, its Job, the progress bar); only the PyTorch loop,
    deterministic for a Config and returning a frozen History, is not repeated. tests/test_train.py checks
    train() itself, bit for bit, and tests/test_workers.py the worker processes and the store.
    """
    import xorcore.workers as workers

    def once(cfg: Config, init=None, progress=None, task="xor") -> History:
        if init is not None or task != "xor":
            return train(cfg, init=init, progress=progress, task=task)
        if cfg not in _TRAINED:
            _TRAINED[cfg] = train(cfg, progress=progress)
        elif progress is not None:
            progress(1.0)
        return _TRAINED[cfg]

    monkeypatch.setattr(workers, "train", once)
    here = workers.Trainer(0, None)
    monkeypatch.setattr(workers, "_TRAINER", here)
    yield
    here.shutdown()


_SEEDS: dict[str, object] = {}  # one test session's single units trained from many seeds, by truth table


@pytest.fixture(autouse=True)
def _train_seeds_once(monkeypatch):
    """The Solve page's single units from many seeds (xorcore.solve.train_seeds, pure) train once per test session;
    tests/test_solve.py checks train_seeds itself."""
    import app_pages._solve as solve
    from xorcore.solve import train_seeds

    def once(task: str):
        if task not in _SEEDS:
            _SEEDS[task] = train_seeds(task)
        return _SEEDS[task]

    monkeypatch.setattr(solve, "train_seeds", once)


@pytest.fixture(autouse=True, scope="session")
def _scan_component_manifests_once():
    """AppTest scans every installed distribution for custom-component manifests on every run (~0.6 s):
    the installed packages do not change during a test session, so scan once."""
    import functools

    import streamlit.components.v2.manifest_scanner as scanner

    real = scanner.scan_component_manifests
    scanner.scan_component_manifests = functools.lru_cache(maxsize=1)(real)
    yield
    scanner.scan_component_manifests = real


@contextlib.contextmanager
def plain_main() -> Iterator[None]:
    """While a test starts processes of its own: a __main__ without a file. After an AppTest, __main__ is the
    page script (Streamlit installs it), which a spawned child would run again (the app's own workers start from
    xorcore.forkserver, which skips it)."""
    old, plain = sys.modules.get("__main__"), types.ModuleType("__main__")
    sys.modules["__main__"] = plain
    try:
        yield
    finally:
        if old is not None:
            sys.modules["__main__"] = old


def app(page: str | None = None, lang: str = "en", **params: str) -> AppTest:
    """Run dashboard.py (then switch to `page`, e.g. 'app_pages/forward.py') with URL params."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["lang"] = {"en": "English", "ko": "한국어"}[lang]
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def on_screen(at: AppTest, key: str) -> bool:
    """Whether an element or container with this key is drawn."""
    try:
        at.get_by_key(key)
    except KeyError:
        return False
    return True


def to_slide(at: AppTest, page: str, section: str, most: int = 20) -> AppTest:
    """Press Next until the slide of `section` on `page` is on screen (found by its key, slide-<page>-<section>)."""
    for _ in range(most):
        if on_screen(at, f"slide-{page}-{section}"):
            return at
        assert not at.exception, at.exception[0].value
        at.button(key="slide-next").click().run()
    raise AssertionError(f"no slide-{page}-{section} after {most} presses of Next")


def all_text(at: AppTest) -> str:
    """Every element's proto as UTF-8 text (texts, chart specs, DOT, labels) plus every table's cells."""
    out = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.append(text_format.MessageToString(proto, as_utf8=True))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    for df in at.dataframe:
        cells = [*df.value.columns, *df.value.index, *df.value.to_numpy().ravel()]
        out += [str(c) for c in cells]
    return "\n".join(out)


def chart_frames(chart) -> list[pd.DataFrame]:
    """Every DataFrame a (possibly layered) Altair chart carries, depth first."""
    out = []
    if isinstance(getattr(chart, "data", None), pd.DataFrame):
        out.append(chart.data)
    for sub in getattr(chart, "layer", None) or []:
        out.extend(chart_frames(sub))
    return out


def forced_divergence(epochs: int = 50, at: int = 20) -> History:
    """A real run's record made non-finite from epoch `at` (no allowed setting overflows in PyTorch)."""
    c = Config(activation="identity", optimizer="adam", lr=1.0, epochs=epochs)
    h = train(c)
    loss = np.append(h.loss, h.final_loss).astype(np.float32)
    pred, params = np.vstack([h.pred, h.final_pred]), h.params.copy()
    loss[at:], pred[at:], params[at + 1 :] = np.nan, np.nan, np.inf
    return _history(c, params, pred, loss, h.grad_norm.copy())


def diverged_at_start() -> History:
    """A run whose starting θ is not finite: b1 = [inf, -inf] and W2 = [1, 1] make z2 = inf - inf = nan."""
    c = Config(activation="identity", optimizer="sgd", epochs=20)
    init = flatten(build_model(c))
    init[4:8] = [np.inf, -np.inf, 1.0, 1.0]  # b1, W2 (no 0 * inf: the inputs' zeros meet finite W1)
    return train(c, init=init)
