"""The decision boundary: y_pred over the input plane, its 0.5 contour, the four points."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from .. import palette
from ..geometry import (
    PLANE,
    axis_values,
    boundary_grid,
    contour_segments,
)
from ..text import t
from . import style
from .points import XOR_POINTS, points_df, points_layer
from .style import AUTOSIZE, CHART_SIZE


def decision_boundary(
    flat: np.ndarray, activation: str, hidden: int, lang: str, resolution: int = 80, colour_legend: bool = True
) -> alt.LayerChart:
    """Heatmap of y_pred over the input plane, its 0.5 contour, and the four XOR points.

    colour_legend=False leaves out the y_pred gradient (a third of a slide has room for one bottom legend; the
    class legend stays, and its two colours are the gradient's ends).
    """
    grid = boundary_grid(flat, activation, hidden, resolution)
    xs = axis_values(resolution)
    crosses = boundary_sentence(flat, activation, hidden, lang, resolution, grid)
    half = (xs[1] - xs[0]) / 2
    grid = grid.assign(x1a=grid.x1 - half, x1b=grid.x1 + half, x2a=grid.x2 - half, x2b=grid.x2 + half)
    n = len(xs)
    segs = contour_segments(xs, xs, grid["y_pred"].to_numpy().reshape(n, n))
    x_title, y_title = t(lang, "ch_x1"), t(lang, "ch_x2")
    scale = alt.Scale(domain=list(PLANE), nice=False, zero=False)
    # 6561 rows at the default resolution: more than Altair's default 5000-row limit, which
    # st.altair_chart does not apply (it ships data as Arrow); outside Streamlit use
    # alt.data_transformers.disable_max_rows().
    heat = (
        alt.Chart(grid[["x1", "x2", "y_pred", "x1a", "x1b", "x2a", "x2b"]])
        .mark_rect()
        .encode(
            x=alt.X("x1a:Q", scale=scale, axis=style.axis(x_title, values=[-0.5, 0, 0.5, 1, 1.5])),
            x2=alt.X2("x1b:Q"),
            y=alt.Y("x2a:Q", scale=scale, axis=style.axis(y_title, values=[-0.5, 0, 0.5, 1, 1.5])),
            y2=alt.Y2("x2b:Q"),
            color=alt.Color(
                "y_pred:Q",
                scale=alt.Scale(domain=[0, 0.5, 1], range=list(palette.CLASS_SCALE)),
                legend=style.legend(t(lang, "ch_y_pred"), orient="bottom", direction="horizontal", gradientLength=160)
                if colour_legend
                else None,
            ),
            tooltip=[
                alt.Tooltip("x1:Q", title=x_title, format=".3f"),
                alt.Tooltip("x2:Q", title=y_title, format=".3f"),
                alt.Tooltip("y_pred:Q", title=t(lang, "ch_y_pred"), format=".4f"),
            ],
        )
    )
    seg_df = pd.DataFrame(segs, columns=["x", "y", "x2", "y2"])
    contour = (
        alt.Chart(seg_df)
        .mark_rule(color="black", strokeWidth=3)
        .encode(x=alt.X("x:Q", scale=scale), y=alt.Y("y:Q", scale=scale), x2=alt.X2("x2:Q"), y2=alt.Y2("y2:Q"))
    )
    pts = points_layer(points_df(XOR_POINTS[:, 0], XOR_POINTS[:, 1], lang), lang, x_title, y_title)
    sub = "ch_boundary_sub" if len(segs) else "ch_boundary_sub_none"
    return (
        alt.layer(heat, contour, pts)
        .resolve_scale(color="independent")
        .properties(
            width=CHART_SIZE,
            height=CHART_SIZE,
            autosize=AUTOSIZE,
            title=style.title(t(lang, "ch_boundary_title"), t(lang, sub)),
            description=t(lang, "ch_boundary_desc") + " " + crosses,
        )
    )


def boundary_sentence(flat: np.ndarray, activation: str, hidden: int, lang: str, resolution: int = 80,
                      grid: pd.DataFrame | None = None) -> str:  # fmt: skip
    """Whether decision_boundary draws a black 0.5 line at this resolution, or where the prediction stays instead."""
    grid = boundary_grid(flat, activation, hidden, resolution) if grid is None else grid
    xs, pred = axis_values(resolution), grid["y_pred"].to_numpy()
    if not np.isfinite(pred).all():
        return t(lang, "ch_boundary_nan")
    if len(contour_segments(xs, xs, pred.reshape(len(xs), len(xs)))):
        return t(lang, "ch_boundary_line")
    above = bool(pred.min() > 0.5)
    return t(lang, "ch_boundary_none_above" if above else "ch_boundary_none_below", lo=f"{pred.min():.3f}",
             hi=f"{pred.max():.3f}")  # fmt: skip
