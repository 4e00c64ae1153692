"""xorcore.views.vega: an Altair chart as the dict st.vega_lite_chart draws, whatever Altair's global settings are."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import pytest

from xorcore import Config, train
from xorcore.views import curves
from xorcore.views.boundary import decision_boundary
from xorcore.views.vega import DEFAULT_THEME_VIEW, vega_spec


def _without_data(spec: object) -> object:
    """The spec with every data reference and dataset left out (names differ between converters)."""
    if isinstance(spec, dict):
        return {k: _without_data(v) for k, v in spec.items() if k not in ("data", "datasets")}
    if isinstance(spec, list):
        return [_without_data(v) for v in spec]
    return spec


def _layered() -> alt.LayerChart:
    """Two layers over two frames, one of them shared by the top level and a layer, with a NaN."""
    a = pd.DataFrame({"x": [0.0, 1.0, 2.0], "y": [1.0, np.nan, 3.0]})
    b = pd.DataFrame({"x": [0.5], "y": [2.0]})
    line = alt.Chart(a).mark_line().encode(x="x:Q", y="y:Q")
    dot = alt.Chart(b).mark_point().encode(x="x:Q", y="y:Q")
    return alt.layer(line, dot, data=a).properties(title="t")


def test_spec_is_altairs_own_under_the_none_theme_with_each_frame_once():
    chart = _layered()
    with alt.theme.enable("none"):
        want = chart.to_dict()
    got = vega_spec(chart)
    assert _without_data(got) == _without_data(want)
    frames = got["datasets"]
    assert len(frames) == 2, "the frame used twice is shipped once"
    assert all(isinstance(df, pd.DataFrame) for df in frames.values())
    assert got["data"] == got["layer"][0]["data"] == {"name": next(k for k, df in frames.items() if len(df) == 3)}
    assert np.isnan(frames[got["data"]["name"]]["y"][1]), "the frame goes to Streamlit as it is (Arrow keeps NaN)"


def test_the_chart_is_not_changed():
    chart = _layered()
    before = chart.to_dict()
    vega_spec(chart)
    assert chart.to_dict() == before
    assert isinstance(chart.data, pd.DataFrame) and isinstance(chart.layer[1].data, pd.DataFrame)


@pytest.mark.parametrize("theme", ["default", "none"])
def test_same_spec_under_either_theme_and_either_data_transformer(theme):
    chart = decision_boundary(train(Config(epochs=50)).params[-1], "sigmoid", 2, "en", resolution=60)
    reference = _without_data(vega_spec(chart))
    with alt.theme.enable(theme), alt.data_transformers.enable("json"):
        assert _without_data(vega_spec(chart)) == reference


def test_the_default_theme_adds_exactly_what_is_left_out():
    with alt.theme.enable("default"):
        spec = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().to_dict()
    assert spec["config"] == {"view": DEFAULT_THEME_VIEW}


def test_no_row_limit():
    hist = train(Config(hidden=8, epochs=3000))
    chart = curves.params_chart(hist, "en")
    with pytest.raises(alt.MaxRowsError):
        chart.to_dict()
    spec = vega_spec(chart)
    assert sum(len(df) for df in spec["datasets"].values()) > 5000
