"""app_pages._charts: a page's chart is its builder's spec, its data the Arrow Streamlit would send, built once."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pandas as pd
from conftest import app
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

import app_pages._charts as charts
from xorcore import Config, train
from xorcore.config import HIDDEN_RANGE
from xorcore.views.boundary import decision_boundary
from xorcore.views.curves import accuracy_chart
from xorcore.views.planes import hidden_plane
from xorcore.views.style import without_legends
from xorcore.views.vega import arrow_bytes, shipped, vega_spec

MODEL = "app_pages/model.py"


def _frames() -> list[pd.DataFrame]:
    """DataFrames as the builders make them: floats with NaN, ints, strings, a bool, a categorical."""
    boundary = vega_spec(decision_boundary(train(Config(epochs=50)).params[-1], "sigmoid", 2, "ko"))
    odd = pd.DataFrame({"f": [0.5, np.nan, -np.inf], "i": [1, 2, 3], "s": ["가", "b", ""], "b": [True, False, True]})
    odd["c"] = pd.Categorical(["x", "y", "x"])
    return [*boundary["datasets"].values(), odd]


def test_arrow_bytes_are_what_streamlit_sends_for_a_dataframe():
    """shipped() converts where a spec is cached; the browser gets exactly the bytes st.vega_lite_chart makes."""
    for df in _frames():
        assert arrow_bytes(df) == convert_anything_to_arrow_bytes(df)


def test_shipped_keeps_the_spec_and_leaves_bytes_alone():
    spec = vega_spec(decision_boundary(train(Config(epochs=50)).params[-1], "tanh", 2, "en"))
    out = shipped(spec)
    assert {k: v for k, v in out.items() if k != "datasets"} == {k: v for k, v in spec.items() if k != "datasets"}
    assert list(out["datasets"]) == list(spec["datasets"])
    assert all(isinstance(v, bytes) for v in out["datasets"].values())
    assert shipped(out) == out
    assert all(isinstance(v, pd.DataFrame) for v in spec["datasets"].values()), "the input is not changed"


def test_the_model_pages_boundary_is_the_builders_chart_of_the_trained_model():
    """What the page sends (spec and Arrow data) equals the builder's chart of the run on screen."""
    cfg = Config(seed=3, activation="tanh", epochs=300)
    at = app(MODEL, lang="en", seed="3", activation="tanh", epochs="300")
    assert not at.exception
    want = shipped(vega_spec(decision_boundary(train(cfg).params[-1], "tanh", 2, "en")))
    drawn = [c for c in at.get("vega_lite_chart") if json.loads(c.proto.spec)["description"] == want["description"]]
    assert len(drawn) == 1
    got = json.loads(drawn[0].proto.spec)
    assert {k: v for k, v in got.items() if k != "datasets"} == {k: v for k, v in want.items() if k != "datasets"}
    assert {d.name: d.data.data for d in drawn[0].proto.datasets} == want["datasets"]


def test_a_second_session_gets_the_cached_spec_and_cannot_change_it(monkeypatch):
    """Built once for two sessions; each gets its own copy (a change to one is not seen by the next)."""
    charts._spec.clear()
    calls = []

    def build(flat, activation, hidden, lang):
        calls.append(lang)
        return decision_boundary(flat, activation, hidden, lang)

    build.__qualname__ = "test_build"
    flat = train(Config(epochs=50)).params[-1]
    monkeypatch.setattr(charts, "_draw", lambda spec, box=None, width="stretch": None)
    first = charts.chart(build, flat, "sigmoid", 2, "en")
    first["description"] = "changed by one session"
    second = charts.chart(build, flat, "sigmoid", 2, "en")
    assert calls == ["en"]
    assert second["description"] != "changed by one session"
    charts.chart(build, flat, "sigmoid", 2, "ko")
    charts.chart(build, flat, "sigmoid", 2, "en", legends=False)
    assert calls == ["en", "ko", "en"]
    charts._spec.clear()


def test_a_chart_of_a_run_is_keyed_by_the_runs_digest(monkeypatch):
    """A History input goes to the cache of whole runs, keyed by its digest: the same run is built once."""
    charts._run_spec.clear()
    calls = []

    def build(hist, lang):
        calls.append(lang)
        return accuracy_chart(hist, lang)

    build.__qualname__ = "test_run_build"
    monkeypatch.setattr(charts, "_draw", lambda spec, box=None, width="stretch": None)
    a, b = train(Config(epochs=50)), train(Config(epochs=50))  # equal runs, two objects
    charts.chart(build, a, "en", height=None)
    charts.chart(build, b, "en", height=None)
    assert calls == ["en"]
    charts.chart(build, train(Config(epochs=60)), "en", height=None)
    assert calls == ["en", "en"]
    charts._run_spec.clear()


def test_the_class_s_charts_are_kept_apart_from_students_own(monkeypatch):
    """A class page run's charts go to caches of their own: students exploring cannot push them out."""
    calls = []

    def build(flat, activation, hidden, lang):
        calls.append(lang)
        return decision_boundary(flat, activation, hidden, lang)

    build.__qualname__ = "test_class_build"
    flat = train(Config(epochs=50)).params[-1]
    monkeypatch.setattr(charts, "_draw", lambda spec, box=None, width="stretch": None)
    for ours in (False, True):
        monkeypatch.setattr(charts, "shared", lambda ours=ours: ours)
        charts.chart(build, flat, "sigmoid", 2, "en")
    assert calls == ["en"]  # the class took the student's copy
    charts._spec.clear()  # students' own charts pushed it out of theirs
    monkeypatch.setattr(charts, "shared", lambda: True)
    charts.chart(build, flat, "sigmoid", 2, "en")
    assert calls == ["en"]  # the class kept its copy
    assert charts._class_run_spec._info.max_entries == charts.RUN_SPEC_ENTRIES
    charts._spec.clear()
    charts._class_spec.clear()


def test_the_spec_cache_stays_within_its_size_bound():
    """The largest spec a page caches (the Model page's 80 x 80 boundary or a hidden plane of 8 units),
    pickled as st.cache_data keeps it, times the entry count."""
    h = HIDDEN_RANGE[1]
    flat = train(Config(hidden=h, epochs=50)).params[-1]
    largest = max(
        len(pickle.dumps(shipped(vega_spec(b(flat, "relu", h, lang)))))
        for b in (decision_boundary, hidden_plane)
        for lang in ("en", "ko")
    )
    assert charts.SPEC_ENTRIES * largest <= 32 * 2**20
    assert charts._spec._info.max_entries == charts._class_spec._info.max_entries == charts.SPEC_ENTRIES


def _legends(spec: object) -> list:
    """Every legend an encoding of the spec declares (None where one is switched off)."""
    if isinstance(spec, dict):
        own = [spec["legend"]] if "legend" in spec else []
        return own + [x for v in spec.values() for x in _legends(v)]
    return [x for v in spec for x in _legends(v)] if isinstance(spec, list) else []


def test_without_legends_drops_every_legend_and_nothing_else():
    chart = decision_boundary(train(Config(epochs=50)).params[-1], "sigmoid", 2, "en")
    before = vega_spec(chart)
    after = vega_spec(without_legends(chart))
    assert any(legend is not None for legend in _legends(before["layer"]))
    assert all(legend is None for legend in _legends(after["layer"]))
    assert json.dumps(vega_spec(chart), default=str) == json.dumps(before, default=str), "the builder's chart is kept"
