"""Shared test helpers: AppTest on dashboard.py with a clean cache, diverged runs, chart data."""

from __future__ import annotations

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


def app(page: str | None = None, lang: str = "en", **params: str) -> AppTest:
    """Run dashboard.py (then switch to `page`, e.g. 'app_pages/2_forward.py') with URL params."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["lang"] = {"en": "English", "ko": "한국어"}[lang]
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    return at


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
