"""The four XOR points as a chart layer, and the XOR plane."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from .. import palette
from ..data import ROW_LABELS, TARGET, X_NP
from ..text import t
from . import style
from .style import AUTOSIZE, CHART_SIZE

XOR_POINTS = X_NP  # (4, 2), lecture order

XOR_TARGET = TARGET.astype(int)  # (4,) 0 / 1, for labels and colours


def points_df(a: np.ndarray, b: np.ndarray, lang: str, target: tuple[int, ...] | None = None) -> pd.DataFrame:
    """The four rows at plane coordinates (a, b), with target (XOR's unless given) and a readable label."""
    y = XOR_TARGET if target is None else np.asarray(target, dtype=int)
    return pd.DataFrame(
        {
            "a": np.asarray(a, dtype=float),
            "b": np.asarray(b, dtype=float),
            "target": y,
            "input": list(ROW_LABELS),
            "label": [f"{r} → {v}" for r, v in zip(ROW_LABELS, y, strict=True)],
        }
    )


def points_layer(
    df: pd.DataFrame,
    lang: str,
    x_title: str,
    y_title: str,
    labels: bool = True,
    highlight: int | None = None,
    legend: str = "bottom",
) -> alt.LayerChart:
    """The four points, coloured (and shaped) by target, black outline, with text labels; a ring on `highlight`.

    legend: where the target legend sits ("bottom", across; "right", down).
    """
    return points_layer_of(points_frames(df, labels, highlight), lang, x_title, y_title, legend)


def points_frames(
    df: pd.DataFrame, labels: bool = True, highlight: int | None = None
) -> dict[str, pd.DataFrame | None]:
    """points_layer's data: the points, the ring's row and the labelled points (None where not drawn)."""
    return {
        "points": df,
        "ring": df.iloc[[highlight]] if highlight is not None else None,
        "tags": df.assign(tag=_merged_labels(df)) if labels else None,
    }


def points_layer_of(
    frames: Mapping[str, object], lang: str, x_title: str, y_title: str, legend: str = "bottom"
) -> alt.LayerChart:
    """points_layer over points_frames' data."""
    across = "horizontal" if legend == "bottom" else "vertical"
    color = alt.Color(
        "target:N",
        scale=alt.Scale(domain=[0, 1], range=[palette.CLASS[0], palette.CLASS[1]]),
        legend=style.legend(t(lang, "ch_target"), orient=legend, direction=across),
    )
    shape = alt.Shape("target:N", scale=alt.Scale(domain=[0, 1], range=["circle", "square"]), legend=None)
    tooltip = [
        alt.Tooltip("input:N", title=t(lang, "ch_input")),
        alt.Tooltip("target:N", title=t(lang, "ch_target")),
        alt.Tooltip("a:Q", title=x_title, format=".4f"),
        alt.Tooltip("b:Q", title=y_title, format=".4f"),
    ]
    pts = (
        alt.Chart(frames["points"])
        .mark_point(filled=True, size=260, stroke="black", strokeWidth=2, opacity=1)
        .encode(x=alt.X("a:Q"), y=alt.Y("b:Q"), color=color, shape=shape, tooltip=tooltip)
    )
    layers: list[alt.Chart] = [pts]
    if frames["ring"] is not None:  # a ring around the chosen input
        ring = alt.Chart(frames["ring"]).mark_point(size=900, stroke="black", strokeWidth=3, filled=False)
        layers.insert(0, ring.encode(x=alt.X("a:Q"), y=alt.Y("b:Q")))
    if frames["tags"] is None:
        return alt.layer(*layers)
    txt = (
        alt.Chart(frames["tags"])
        .mark_text(align="left", dx=12, dy=-12, fontSize=palette.FONT_SIZE, fontWeight="bold")
        .encode(x=alt.X("a:Q"), y=alt.Y("b:Q"), text=alt.Text("tag:N"))
    )
    return alt.layer(*layers, txt)


def _merged_labels(df: pd.DataFrame) -> list[str]:
    """One label per place: points that (nearly) coincide share one label, e.g. '(0,0) (1,1)'."""
    a, b = df["a"].to_numpy(dtype=float), df["b"].to_numpy(dtype=float)
    span = max(float(np.nanmax(a) - np.nanmin(a)) if np.isfinite(a).any() else 0.0,
               float(np.nanmax(b) - np.nanmin(b)) if np.isfinite(b).any() else 0.0, 1e-9)  # fmt: skip
    eps = 0.06 * span
    tags, used = [], set()
    for i in range(len(df)):
        if i in used:
            tags.append("")
            continue
        near = [j for j in range(len(df)) if j not in used and abs(a[j] - a[i]) <= eps and abs(b[j] - b[i]) <= eps]
        used.update(near)
        tags.append(" ".join(str(df["input"].iloc[j]) for j in near))
    return tags


def xor_plane(lang: str) -> alt.LayerChart:
    """The four XOR points on the input plane, coloured by target (no single line separates them)."""
    x_title, y_title = t(lang, "ch_x1"), t(lang, "ch_x2")
    scale = alt.Scale(domain=[-0.3, 1.4], nice=False)
    df = points_df(XOR_POINTS[:, 0], XOR_POINTS[:, 1], lang)
    base = alt.Chart(df).encode(
        x=alt.X("a:Q", scale=scale, axis=style.axis(x_title, values=[0, 1])),
        y=alt.Y("b:Q", scale=scale, axis=style.axis(y_title, values=[0, 1])),
    )
    pts = points_layer(df, lang, x_title, y_title)
    return alt.layer(base.mark_point(opacity=0), pts).properties(
        width=CHART_SIZE,
        height=260,
        autosize=AUTOSIZE,
        title=style.title(t(lang, "ch_xor_title")),
        description=t(lang, "ch_xor_desc"),
    )
