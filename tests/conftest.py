"""Shared test helpers: AppTest on dashboard.py with a clean cache."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

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
