"""An Altair chart as the Vega-Lite dict that st.vega_lite_chart draws, whatever Altair's global settings are."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import pyarrow as pa

from . import style

# What Altair's "default" theme adds to a top-level spec. st.altair_chart converts under the "none"
# theme, so these entries are left out here too (tests/test_vega.py pins them to Altair's theme).
DEFAULT_THEME_VIEW: dict[str, int] = {"continuousWidth": 300, "continuousHeight": 300}
_PARTS = ("layer", "hconcat", "vconcat", "concat")


def vega_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart as a Vega-Lite dict, not checked against the schema, its DataFrames under "datasets".

    Skipping the check is the saving (xorcore's tests validate every builder). st.vega_lite_chart
    ships DataFrames found under "datasets" as Arrow, as st.altair_chart does. The result does not
    depend on Altair's data transformer or theme, which are process-wide and which st.altair_chart
    switches for a moment in other sessions' threads; no row limit applies.
    """
    frames: dict[str, pd.DataFrame] = {}
    spec = _by_name(chart, frames).to_dict(validate=False)
    spec["datasets"] = {**spec.get("datasets", {}), **frames}
    config = spec.get("config", {})
    view = config.get("view", {})
    for key, value in DEFAULT_THEME_VIEW.items():
        if view.get(key) == value:
            del view[key]
    if "view" in config and not view:
        del config["view"]
    if "config" in spec and not config:
        del spec["config"]
    return spec


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


def spec_of(
    build: Callable[..., alt.TopLevelMixin], args: tuple, kwargs: dict, height: int | None, slide: bool, legends: bool
) -> dict[str, Any]:
    """build(*args, **kwargs) shipped as a page draws it: fit to `height` (None: as built), legends or not."""
    built = build(*args, **kwargs)
    built = built if legends else style.without_legends(built)
    return shipped(vega_spec(built if height is None else style.fit(built, height, slide=slide)))


def _by_name(chart: Any, frames: dict[str, pd.DataFrame]) -> Any:
    """A copy of chart (and of its sub-charts) whose DataFrames are named references, collected in frames."""
    out = chart.copy(deep=False)
    if isinstance(getattr(out, "data", None), pd.DataFrame):
        name = next((k for k, df in frames.items() if df is out.data), f"data-{len(frames)}")
        frames[name] = out.data
        out.data = alt.NamedData(name=name)  # no data transformer is asked for a named reference
    for part in _PARTS:
        subs = getattr(out, part, alt.Undefined)
        if isinstance(subs, list):
            setattr(out, part, [_by_name(s, frames) for s in subs])
    return out


# A chart's inputs at one epoch, as its builder's `*_frames` function returns them (e.g. boundary.boundary_frames):
# the DataFrames its layers draw (None where a layer is left out) and every other value its spec depends on.
Frames = dict[str, Any]


def frames_shape(frames: Frames) -> tuple:
    """What a spec built from `frames` depends on besides the DataFrames' contents: equal shapes, equal specs."""
    return tuple((k, "<frame>" if isinstance(v, pd.DataFrame) else v) for k, v in frames.items())


@dataclass(frozen=True)
class Template:
    """A vega_spec without its datasets, and for each dataset's name the key of `frames` it came from."""

    spec: dict[str, Any]
    names: dict[str, str]


def template(spec: dict[str, Any], frames: Frames) -> Template:
    """The template of vega_spec's `spec` of a chart built from `frames` (every dataset must be one of them)."""
    names = {}
    for name, df in spec.get("datasets", {}).items():
        key = next((k for k, v in frames.items() if v is df), None)
        if key is None:
            raise ValueError(f"dataset {name} is not one of the frames the chart was built from")
        names[name] = key
    return Template({k: v for k, v in spec.items() if k != "datasets"}, names)


def fill(tpl: Template, frames: Frames) -> dict[str, Any]:
    """The spec the builder gives for `frames` (of tpl's shape): tpl's spec with frames' DataFrames as datasets."""
    spec = copy.deepcopy(tpl.spec)
    spec["datasets"] = {name: frames[key] for name, key in tpl.names.items()}
    return spec
