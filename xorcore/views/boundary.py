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
from .points import XOR_POINTS, points_df, points_frames, points_layer_of
from .style import AUTOSIZE, CHART_SIZE

# y_pred's colours: CLASS_SCALE's three colours at 0, 0.5 and 1, mixed in HCL in between (Vega-Lite's
# default for a continuous colour scale).
HEAT_DOMAIN = (0.0, 0.5, 1.0)


def heat_scale() -> alt.Scale:
    """The colour scale of y_pred (HEAT_DOMAIN -> CLASS_SCALE, HCL interpolation)."""
    return alt.Scale(type="linear", domain=list(HEAT_DOMAIN), range=list(palette.CLASS_SCALE), interpolate="hcl")


def decision_boundary(
    flat: np.ndarray,
    activation: str,
    hidden: int,
    lang: str,
    resolution: int = 80,
    colour_legend: bool = True,
    heat: bool = True,
    target: tuple[int, ...] | None = None,
) -> alt.LayerChart:
    """Heatmap of y_pred over the input plane, its 0.5 contour, and the four XOR points (target: another table's).

    colour_legend=False leaves out the y_pred gradient (a third of a slide has room for one bottom legend; the
    class legend stays, and its two colours are the gradient's ends). heat=False: the contour and the points
    only, with no numbers in the alt text (a replay's frame: one spec for every frame, drawn in a few ms).
    No heatmap while playing: one rect per cell costs the browser most of a frame, and an image blinks,
    because Vega draws an empty image for each new image item until it has loaded.
    """
    frames = boundary_frames(flat, activation, hidden, lang, resolution, colour_legend, heat, target)
    return boundary_chart(frames, lang)


def boundary_frames(
    flat: np.ndarray,
    activation: str,
    hidden: int,
    lang: str,
    resolution: int = 80,
    colour_legend: bool = True,
    heat: bool = True,
    target: tuple[int, ...] | None = None,
) -> dict[str, object]:
    """decision_boundary's inputs (vega.Frames): its DataFrames, and the rest of what its spec depends on."""
    grid = boundary_grid(flat, activation, hidden, resolution)
    xs = axis_values(resolution)
    n = len(xs)
    values = grid["y_pred"].to_numpy().reshape(n, n)  # (n, n): row = x2 index, column = x1 index
    segs = contour_segments(xs, xs, values)
    cells, description = None, t(lang, "ch_boundary_desc_lines")
    if heat:  # one rect per cell, half a step either side of its point; the alt text says where it crosses 0.5
        half = (xs[1] - xs[0]) / 2
        cells = grid.assign(x1a=grid.x1 - half, x1b=grid.x1 + half, x2a=grid.x2 - half, x2b=grid.x2 + half)
        description = (
            t(lang, "ch_boundary_desc") + " " + boundary_sentence(flat, activation, hidden, lang, resolution, grid)
        )
    sub = ("ch_boundary_sub" if heat else "ch_boundary_sub_lines") + ("" if len(segs) else "_none")
    return {
        "heat": cells,
        "contour": pd.DataFrame(segs, columns=["x", "y", "x2", "y2"]),
        **points_frames(points_df(XOR_POINTS[:, 0], XOR_POINTS[:, 1], lang, target)),
        "colour_legend": colour_legend,
        "sub": sub,
        "description": description,
    }


def boundary_chart(frames: dict, lang: str) -> alt.LayerChart:
    """decision_boundary over boundary_frames' inputs."""
    x_title, y_title = t(lang, "ch_x1"), t(lang, "ch_x2")
    # 6561 rows at the default resolution: more than Altair's default 5000-row limit, which
    # st.altair_chart does not apply (it ships data as Arrow); outside Streamlit use
    # alt.data_transformers.disable_max_rows().
    scale = alt.Scale(domain=list(PLANE), nice=False, zero=False)
    x_axis = style.axis(x_title, values=[-0.5, 0, 0.5, 1, 1.5])
    y_axis = style.axis(y_title, values=[-0.5, 0, 0.5, 1, 1.5])
    x, y = alt.X("x1a:Q", scale=scale, axis=x_axis), alt.Y("x2a:Q", scale=scale, axis=y_axis)
    legend = style.legend(t(lang, "ch_y_pred"), orient="bottom", direction="horizontal", gradientLength=160)
    color = alt.Color("y_pred:Q", scale=heat_scale(), legend=legend if frames["colour_legend"] else None)
    layers: list[alt.Chart] = []
    if frames["heat"] is not None:
        layers.append(
            alt.Chart(frames["heat"])
            .mark_rect()
            .encode(
                x=x,
                x2=alt.X2("x1b:Q"),
                y=y,
                y2=alt.Y2("x2b:Q"),
                color=color,
                tooltip=[
                    alt.Tooltip("x1:Q", title=x_title, format=".3f"),
                    alt.Tooltip("x2:Q", title=y_title, format=".3f"),
                    alt.Tooltip("y_pred:Q", title=t(lang, "ch_y_pred"), format=".4f"),
                ],
            )
        )
    contour = (
        alt.Chart(frames["contour"])
        .mark_rule(color="black", strokeWidth=3)
        # the axes here too: without the heatmap (a replay's frame) the line is the first layer, whose axes win
        .encode(
            x=alt.X("x:Q", scale=scale, axis=x_axis),
            y=alt.Y("y:Q", scale=scale, axis=y_axis),
            x2=alt.X2("x2:Q"),
            y2=alt.Y2("y2:Q"),
        )
    )
    pts = points_layer_of(frames, lang, x_title, y_title)
    return (
        alt.layer(*layers, contour, pts)
        .resolve_scale(color="independent")
        .properties(
            width=CHART_SIZE,
            height=CHART_SIZE,
            autosize=AUTOSIZE,
            title=style.title(t(lang, "ch_boundary_title"), t(lang, frames["sub"])),
            description=frames["description"],
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
