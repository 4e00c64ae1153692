"""How a page draws a chart: one call, chart(builder, *args, **kwargs).

    chart(decision_boundary, flat, "tanh", 2, lang())              # where the page is, at its width
    chart(loss_chart, y_pred, loss, lang(), height=None, box=col)  # in a column, at the builder's size
    spec = chart(...); st.caption(spec["description"])             # the chart's alt text, as a caption

A builder (xorcore.views) returns an Altair chart. chart() fits it to a slide (`height`: the plot's px),
builds its spec once per builder, inputs and mode for every session (st.cache_data: each session gets its
own copy, so nothing one session changes is shared; a History input is keyed by its digest), converts it
without Altair's schema check (xorcore's tests validate every builder), ships its data as Arrow once,
draws it and returns it (xorcore.views.vega.spec_of builds it). The Training replay's frames and templates
are app_pages/_replay.py's own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import streamlit as st

from app_pages._gate import checkpoint, shared
from app_pages._sections import presenting
from xorcore import History
from xorcore.views.style import SLIDE_CHART_HEIGHT
from xorcore.views.vega import shipped, spec_of

SPEC_ENTRIES, RUN_SPEC_ENTRIES = 80, 32  # the two caches' entries (below)


def _draw(spec: dict, box: Any = None, width: str = "stretch") -> None:
    """A Vega-Lite spec (xorcore.views.vega) drawn in box (default: where the page is), at the column's width."""
    (st if box is None else box).vega_lite_chart(shipped(spec), width=width)


def chart(
    build: Callable[..., alt.TopLevelMixin],
    *args: Any,
    height: int | None = SLIDE_CHART_HEIGHT,
    legends: bool = True,
    box: Any = None,
    width: str = "stretch",
    **kwargs: Any,
) -> dict:
    """Draw build(*args, **kwargs) (fit to a slide at `height`, None: as built; without legends if not `legends`).

    The spec is built once per builder, inputs and mode for every session (its description, the alt text,
    is spec["description"]) and returned.
    """
    checkpoint()  # a page run that is not the class's waits here while a class run runs or waits (_gate)
    name = f"{build.__module__}.{build.__qualname__}"
    runs, ours = _of_runs((*args, *kwargs.values())), shared()
    cache = (_class_run_spec if runs else _class_spec) if ours else (_run_spec if runs else _spec)
    spec = cache(name, args, kwargs, height, presenting(), legends, build)
    _draw(spec, box, width)
    return spec


def _of_runs(value: Any) -> bool:
    """Whether a History is among these inputs (in a list or tuple too)."""
    if isinstance(value, list | tuple):
        return any(_of_runs(v) for v in value)
    return isinstance(value, History)


def _build_spec(
    name: str, args: tuple, kwargs: dict, height: int | None, slide: bool, legends: bool, _build: Callable
) -> dict:
    """chart()'s spec, keyed by the builder's qualified name (the function itself is not hashed) and its inputs."""
    return spec_of(_build, args, kwargs, height, slide, legends)


# Caches, each bounded by size through its entry count (tests/test_app_charts.py checks the bounds): charts of
# a setting (the largest, the hidden plane of 8 units, pickled as st.cache_data keeps it: 0.38 MB) and charts
# of whole runs (a 10,000-epoch run of 8 units: up to 1.4 MB). A setting's pages draw ~20 charts. The class's
# page runs (app_pages._gate.shared) keep theirs apart, so that students exploring never push out the charts
# the whole class is drawing.
@st.cache_data(max_entries=SPEC_ENTRIES, show_spinner=False)
def _spec(
    name: str, args: tuple, kwargs: dict, height: int | None, slide: bool, legends: bool, _build: Callable
) -> dict:
    """A chart of a setting's numbers."""
    return _build_spec(name, args, kwargs, height, slide, legends, _build)


@st.cache_data(max_entries=RUN_SPEC_ENTRIES, show_spinner=False, hash_funcs={History: History.digest})
def _run_spec(
    name: str, args: tuple, kwargs: dict, height: int | None, slide: bool, legends: bool, _build: Callable
) -> dict:
    """A chart of whole runs (a History, or a list of them, among its inputs)."""
    return _build_spec(name, args, kwargs, height, slide, legends, _build)


@st.cache_data(max_entries=SPEC_ENTRIES, show_spinner=False)
def _class_spec(
    name: str, args: tuple, kwargs: dict, height: int | None, slide: bool, legends: bool, _build: Callable
) -> dict:
    """A chart of a setting's numbers, drawn for the class (the students' cache's copy if it has one)."""
    return _spec(name, args, kwargs, height, slide, legends, _build)


@st.cache_data(max_entries=RUN_SPEC_ENTRIES, show_spinner=False, hash_funcs={History: History.digest})
def _class_run_spec(
    name: str, args: tuple, kwargs: dict, height: int | None, slide: bool, legends: bool, _build: Callable
) -> dict:
    """A chart of whole runs, drawn for the class (the students' cache's copy if it has one)."""
    return _run_spec(name, args, kwargs, height, slide, legends, _build)
