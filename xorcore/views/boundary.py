"""The decision boundary: y_pred over the input plane, its 0.5 contour, the four points."""

from __future__ import annotations

import base64
import io

import altair as alt
import numpy as np
import pandas as pd
from PIL import Image

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
# default for a continuous colour scale). The heatmap's rects (drawn by Vega in the browser) and its
# raster (heat_rgb, here) follow this one rule.
HEAT_DOMAIN = (0.0, 0.5, 1.0)

# d3-color's CIELAB (D50, Bradford-adapted sRGB), which Vega's HCL interpolation goes through.
_WHITE = np.array([0.96422, 1.0, 0.82521])
_TO_XYZ = np.array([[0.4360747, 0.3850649, 0.1430804], [0.2225045, 0.7168786, 0.0606169],
                    [0.0139322, 0.0971045, 0.7141733]])  # fmt: skip
_TO_RGB = np.array([[3.1338561, -1.6168667, -0.4906146], [-0.9787684, 1.9161415, 0.0334540],
                    [0.0719453, -0.2289914, 1.4052427]])  # fmt: skip
_T0, _T1 = 4 / 29, 6 / 29


def heat_scale() -> alt.Scale:
    """The colour scale of y_pred (HEAT_DOMAIN -> CLASS_SCALE, HCL interpolation)."""
    return alt.Scale(type="linear", domain=list(HEAT_DOMAIN), range=list(palette.CLASS_SCALE), interpolate="hcl")


def _hcl(hex_colour: str) -> tuple[float, float, float]:
    """(h in degrees or nan for a grey, c, l) of a colour, as d3.hcl computes them."""
    rgb = np.array([int(hex_colour[k : k + 2], 16) for k in (1, 3, 5)]) / 255
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    t = _TO_XYZ @ lin / _WHITE
    if lin[0] == lin[1] == lin[2]:
        t[:] = t[1]  # a grey: d3 sets x = z = y exactly
    f = np.where(t > _T1**3, np.cbrt(t), t / (3 * _T1 * _T1) + _T0)
    lab = (116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2]))
    if lab[1] == 0 and lab[2] == 0:
        return float("nan"), 0.0, float(lab[0])
    return float(np.degrees(np.arctan2(lab[2], lab[1])) % 360), float(np.hypot(lab[1], lab[2])), float(lab[0])


def _mix(a: tuple[float, float, float], b: tuple[float, float, float], t: np.ndarray) -> np.ndarray:
    """RGB bytes (..., 3) of d3.interpolateHcl(a, b)(t): hue the short way round, a grey's hue is the other's."""
    ha, hb = a[0], b[0]
    if np.isnan(ha) or np.isnan(hb):
        h = np.full_like(t, hb if np.isnan(ha) else ha)
    else:
        d = hb - ha
        h = ha + t * (d - 360 * round(d / 360) if abs(d) > 180 else d)
    c, lum = a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])
    fy = (lum + 16) / 116
    fxyz = np.stack([fy + np.cos(np.radians(h)) * c / 500, fy, fy - np.sin(np.radians(h)) * c / 200], axis=-1)
    xyz = _WHITE * np.where(fxyz > _T1, fxyz**3, 3 * _T1 * _T1 * (fxyz - _T0))
    lin = xyz @ _TO_RGB.T
    with np.errstate(invalid="ignore"):
        srgb = np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * np.abs(lin) ** (1 / 2.4) - 0.055)
    return np.clip(np.round(255 * srgb), 0, 255).astype(np.uint8)


_STOPS = tuple(_hcl(c) for c in palette.CLASS_SCALE)  # the scale's three colours in HCL, converted once


def heat_rgb(values: np.ndarray) -> np.ndarray:
    """RGB bytes (..., 3) of y_pred values by heat_scale's rule (clamped to [0, 1]; nan drawn as 0.5)."""
    v = np.clip(np.nan_to_num(np.asarray(values, dtype=float), nan=0.5), 0.0, 1.0)
    lo, mid, hi = _STOPS
    upper = v > HEAT_DOMAIN[1]
    t = np.where(upper, (v - HEAT_DOMAIN[1]) / (HEAT_DOMAIN[2] - HEAT_DOMAIN[1]), v / HEAT_DOMAIN[1])
    return np.where(upper[..., None], _mix(mid, hi, t), _mix(lo, mid, t))


def heat_png(values: np.ndarray) -> str:
    """A grid of y_pred (rows = x2 ascending, columns = x1) as a PNG data URL, top row = highest x2."""
    buf = io.BytesIO()
    Image.fromarray(heat_rgb(values[::-1]), "RGB").save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def decision_boundary(
    flat: np.ndarray,
    activation: str,
    hidden: int,
    lang: str,
    resolution: int = 80,
    colour_legend: bool = True,
    raster: bool = False,
) -> alt.LayerChart:
    """Heatmap of y_pred over the input plane, its 0.5 contour, and the four XOR points.

    colour_legend=False leaves out the y_pred gradient (a third of a slide has room for one bottom legend; the
    class legend stays, and its two colours are the gradient's ends). raster=True draws the heatmap as one
    image (heat_png) instead of one rect per cell, without the cells' hover and with no numbers in its alt
    text: a replay's frame, which the browser updates in place (same spec) and draws in a few milliseconds.
    """
    return boundary_chart(boundary_frames(flat, activation, hidden, lang, resolution, colour_legend, raster), lang)


def boundary_frames(
    flat: np.ndarray,
    activation: str,
    hidden: int,
    lang: str,
    resolution: int = 80,
    colour_legend: bool = True,
    raster: bool = False,
) -> dict[str, object]:
    """decision_boundary's inputs (vega.Frames): its DataFrames, and the rest of what its spec depends on."""
    grid = boundary_grid(flat, activation, hidden, resolution)
    xs = axis_values(resolution)
    crosses = boundary_sentence(flat, activation, hidden, lang, resolution, grid)
    half = (xs[1] - xs[0]) / 2
    grid = grid.assign(x1a=grid.x1 - half, x1b=grid.x1 + half, x2a=grid.x2 - half, x2b=grid.x2 + half)
    n = len(xs)
    values = grid["y_pred"].to_numpy().reshape(n, n)  # (n, n): row = x2 index, column = x1 index
    segs = contour_segments(xs, xs, values)
    ends = None
    if raster:
        lo, hi = float(grid.x1a.min()), float(grid.x1b.max())  # the cells' outer edges
        heat = pd.DataFrame({"x1a": [lo], "x1b": [hi], "x2a": [lo], "x2b": [hi], "url": [heat_png(values)]})
        # the gradient legend needs a colour channel, which an image has not: two unseen points carry it
        ends = pd.DataFrame({"x1a": [lo, lo], "x2a": [lo, lo], "y_pred": [0.0, 1.0]})
    else:
        heat = grid[["x1", "x2", "y_pred", "x1a", "x1b", "x2a", "x2b"]]
    return {
        "heat": heat,
        "ends": ends,
        "contour": pd.DataFrame(segs, columns=["x", "y", "x2", "y2"]),
        **points_frames(points_df(XOR_POINTS[:, 0], XOR_POINTS[:, 1], lang)),
        "raster": raster,
        "colour_legend": colour_legend,
        "sub": "ch_boundary_sub" if len(segs) else "ch_boundary_sub_none",
        "description": t(lang, "ch_boundary_desc") + ("" if raster else " " + crosses),
    }


def boundary_chart(frames: dict, lang: str) -> alt.LayerChart:
    """decision_boundary over boundary_frames' inputs."""
    x_title, y_title = t(lang, "ch_x1"), t(lang, "ch_x2")
    # 6561 rows at the default resolution: more than Altair's default 5000-row limit, which
    # st.altair_chart does not apply (it ships data as Arrow); outside Streamlit use
    # alt.data_transformers.disable_max_rows().
    scale = alt.Scale(domain=list(PLANE), nice=False, zero=False)
    x = alt.X("x1a:Q", scale=scale, axis=style.axis(x_title, values=[-0.5, 0, 0.5, 1, 1.5]))
    y = alt.Y("x2a:Q", scale=scale, axis=style.axis(y_title, values=[-0.5, 0, 0.5, 1, 1.5]))
    legend = style.legend(t(lang, "ch_y_pred"), orient="bottom", direction="horizontal", gradientLength=160)
    color = alt.Color("y_pred:Q", scale=heat_scale(), legend=legend if frames["colour_legend"] else None)
    if frames["raster"]:
        heat: alt.Chart | alt.LayerChart = alt.layer(
            alt.Chart(frames["heat"])
            .mark_image(aspect=False)
            .encode(x=x, x2=alt.X2("x1b:Q"), y=y, y2=alt.Y2("x2b:Q"), url="url:N"),
            alt.Chart(frames["ends"]).mark_point(opacity=0).encode(x=x, y=y, color=color),
        )
    else:
        heat = (
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
        .encode(x=alt.X("x:Q", scale=scale), y=alt.Y("y:Q", scale=scale), x2=alt.X2("x2:Q"), y2=alt.Y2("y2:Q"))
    )
    pts = points_layer_of(frames, lang, x_title, y_title)
    return (
        alt.layer(heat, contour, pts)
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
