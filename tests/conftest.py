"""Shared test helpers: AppTest on dashboard.py with a clean cache, diverged runs, chart data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from xorcore import Config, engine
from xorcore.model import build_model, flatten
from xorcore.train import History, _histories

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


def _to_history(cfg: Config, raw: engine.Raw) -> History:
    """The History of a one-run engine record, cut at its divergence as train() cuts it."""
    return _histories([cfg], raw)[0]


def forced_divergence(epochs: int = 50, lr: float = 2e18) -> History:
    """A run that really diverges, through the engine: identity hidden layer, Adam at a huge step.

    No setting the sidebar offers diverges (lr <= 10: BCE's gradients stay bounded), and Config caps
    lr at 1e6, so the engine is called directly: Adam moves every parameter by about lr a step, so
    W2 @ (W1 x) overflows to inf - inf = NaN after ~20 epochs. The History is labelled with the
    closest allowed Config.
    """
    cfg = Config(activation="identity", optimizer="adam", lr=1e6, epochs=epochs)
    init = flatten(build_model(cfg))[None]  # (1, P)
    raw = engine.run("identity", "adam", cfg.hidden, init, np.array([lr]), epochs)
    return _to_history(cfg, raw)


def diverged_at_start() -> History:
    """A run whose very first forward pass is NaN: W1 rows of +/-3e38 make z1 = +/-inf at (1,1), z2 = inf - inf."""
    cfg = Config(activation="identity", optimizer="sgd", epochs=20)
    init = flatten(build_model(cfg))[None].copy()
    init[0, :4] = [3e38, 3e38, -3e38, -3e38]  # W1 (2, 2), row-major
    init[0, 6:8] = [1.0, 1.0]  # W2
    raw = engine.run("identity", "sgd", 2, init, np.array([0.1]), cfg.epochs)
    return _to_history(cfg, raw)
