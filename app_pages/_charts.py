"""How a page draws a chart: fitted to a slide, converted without the schema check, built once per inputs for
every session, its data shipped as Arrow.

Most of a rerun went into charts: Altair building them, validating each against the Vega-Lite schema while
converting it, and Streamlit turning each chart's DataFrames into Arrow, in every session, for the same
charts (a class on one link). xorcore.views.vega converts without the check (xorcore's tests validate every
builder); chart() builds a spec once per builder, inputs and mode; each session gets its own copy of it
(st.cache_data), so nothing one session changes is shared.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import pyarrow as pa
import streamlit as st

from app_pages._sections import SLIDE_CHART_HEIGHT, fit, presenting
from xorcore.views.vega import vega_spec

# Bounded by size through the entry count: the largest spec (the hidden plane of 8 units, pickled as
# st.cache_data keeps it) is 0.38 MB, so at most ~30 MB (tests/test_app_charts.py checks the bound); a
# setting's pages draw ~20 charts (Backprop 10, Forward 6, Model 3, The Loop 2).
SPEC_ENTRIES = 80
_ENCODINGS = ("color", "shape", "fill", "stroke", "strokeDash", "size", "strokeWidth", "opacity")


def arrow_bytes(df: pd.DataFrame) -> bytes:
    """A DataFrame as the Arrow IPC stream st.vega_lite_chart sends for it (it sends bytes as they are)."""
    table = pa.Table.from_pandas(df)
    sink = pa.BufferOutputStream()
    with pa.RecordBatchStreamWriter(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def shipped(spec: dict) -> dict:
    """The spec with its datasets as Arrow bytes: converted once where the spec is cached, not per session."""
    data = spec.get("datasets", {})
    return {**spec, "datasets": {k: arrow_bytes(v) if isinstance(v, pd.DataFrame) else v for k, v in data.items()}}


def draw(spec: dict, box: Any = None, width: str = "stretch") -> None:
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
    name = f"{build.__module__}.{build.__qualname__}"
    spec = _spec(name, args, kwargs, height, presenting(), legends, build)
    draw(spec, box, width)
    return spec


@st.cache_data(max_entries=SPEC_ENTRIES, show_spinner=False)
def _spec(
    name: str, args: tuple, kwargs: dict, height: int | None, slide: bool, legends: bool, _build: Callable
) -> dict:
    """chart()'s spec, keyed by the builder's qualified name (the function itself is not hashed) and its inputs."""
    built = _build(*args, **kwargs)
    built = built if legends else without_legends(built)
    return shipped(vega_spec(built if height is None else fit(built, height, slide=slide)))


def without_legends(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """A copy of a (layered) chart without its legends: four planes in a row leave no room for them."""
    out = chart.copy(deep=True)
    todo = [out]
    while todo:
        part = todo.pop()
        todo += list(getattr(part, "layer", None) or [])
        enc = getattr(part, "encoding", None)
        for channel in _ENCODINGS:
            value = getattr(enc, channel, None) if enc not in (None, alt.Undefined) else None
            if value is not None and value is not alt.Undefined and hasattr(value, "legend"):
                value.legend = None
    return out
