"""Altair chart builders: data in, chart out (pages only place them). No streamlit here.

Every builder takes the flat parameter vector (model.flatten / History.params[e]) so any
epoch can be drawn, and `lang` for its titles, axis titles and description (alt text).
Fonts come from palette.FONT_SIZE and are set per axis/legend/title (not via configure_*),
so the charts can still be layered or concatenated by a page.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from . import palette
from .data import ROW_LABELS, TARGET, X_NP
from .losses import bce_terms
from .model import act_grad_np, act_np, sigmoid_np, unflatten
from .outcome import correct
from .text import t

XOR_POINTS = X_NP  # (4, 2), lecture order
XOR_TARGET = TARGET.astype(int)  # (4,) 0 / 1, for labels and colours
PLANE = (-0.5, 1.5)  # input-plane window: the unit square and half a unit around it
GRID_STEP = 0.25  # spacing of the input-plane grid lines (hits 0, 0.5 and 1)
GRID_SAMPLES = 81  # points per grid line (step 0.025: hits 0, 0.5 and 1 exactly)
CHART_SIZE = 300  # plot-area height of a plane (and its width outside Streamlit)
# fit-x: the width follows the container (st.altair_chart(width="stretch")) and `height` is the
# plot area alone. Streamlit's default for a chart without autosize is "fit", which squeezes
# titles, axes and legends into `height` and leaves a tiny plot.
AUTOSIZE = alt.AutoSizeParams(type="fit-x", contains="padding")


# ---------------------------------------------------------------- shared styling


def _axis(title: str, **kw: object) -> alt.Axis:
    """An axis with projector-size fonts."""
    return alt.Axis(title=title, labelFontSize=palette.FONT_SIZE, titleFontSize=palette.FONT_SIZE,
                    labelColor=palette.TEXT, titleColor=palette.TEXT, **kw)  # fmt: skip


def _legend(title: str, **kw: object) -> alt.Legend:
    """A legend with projector-size fonts."""
    return alt.Legend(
        title=title, labelFontSize=palette.FONT_SIZE, titleFontSize=palette.FONT_SIZE, labelLimit=0,
        labelColor=palette.TEXT, titleColor=palette.TEXT, **kw,
    )  # fmt: skip  # labelLimit=0: never cut a label short


def _title(text: str, subtitle: str | list[str] | None = None) -> alt.Title:
    """A chart title (and optional subtitle) with projector-size fonts."""
    kw: dict[str, object] = {"fontSize": palette.TITLE_SIZE, "anchor": "start"}
    if subtitle:
        kw.update(subtitle=subtitle, subtitleFontSize=palette.FONT_SIZE, subtitleColor="#444444")
    return alt.Title(text, **kw)


def _points_df(a: np.ndarray, b: np.ndarray, lang: str) -> pd.DataFrame:
    """The four XOR rows at plane coordinates (a, b), with target and a readable label."""
    return pd.DataFrame(
        {
            "a": np.asarray(a, dtype=float),
            "b": np.asarray(b, dtype=float),
            "target": XOR_TARGET,
            "input": list(ROW_LABELS),
            "label": [f"{r} → {y}" for r, y in zip(ROW_LABELS, XOR_TARGET, strict=True)],
        }
    )


def _points_layer(
    df: pd.DataFrame, lang: str, x_title: str, y_title: str, labels: bool = True, highlight: int | None = None
) -> alt.LayerChart:
    """The four points, coloured (and shaped) by target, black outline, with text labels; a ring on `highlight`."""
    color = alt.Color(
        "target:N",
        scale=alt.Scale(domain=[0, 1], range=[palette.CLASS[0], palette.CLASS[1]]),
        legend=_legend(t(lang, "ch_target"), orient="bottom", direction="horizontal"),
    )
    shape = alt.Shape("target:N", scale=alt.Scale(domain=[0, 1], range=["circle", "square"]), legend=None)
    tooltip = [
        alt.Tooltip("input:N", title=t(lang, "ch_input")),
        alt.Tooltip("target:N", title=t(lang, "ch_target")),
        alt.Tooltip("a:Q", title=x_title, format=".4f"),
        alt.Tooltip("b:Q", title=y_title, format=".4f"),
    ]
    pts = (
        alt.Chart(df)
        .mark_point(filled=True, size=260, stroke="black", strokeWidth=2, opacity=1)
        .encode(x=alt.X("a:Q"), y=alt.Y("b:Q"), color=color, shape=shape, tooltip=tooltip)
    )
    layers: list[alt.Chart] = [pts]
    if highlight is not None:  # a ring around the chosen input
        ring = alt.Chart(df.iloc[[highlight]]).mark_point(size=900, stroke="black", strokeWidth=3, filled=False)
        layers.insert(0, ring.encode(x=alt.X("a:Q"), y=alt.Y("b:Q")))
    if not labels:
        return alt.layer(*layers)
    txt = (
        alt.Chart(df.assign(tag=_merged_labels(df)))
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


def _domain(*arrays: np.ndarray, pad: float = 0.08) -> list[float]:
    """[lo, hi] covering the finite values, padded; [0, 1] if there are none."""
    vals = np.concatenate([np.asarray(a, dtype=float).ravel() for a in arrays])
    vals = vals[np.isfinite(vals)]
    if vals.size == 0:
        return [0.0, 1.0]
    lo, hi = float(vals.min()), float(vals.max())
    span = hi - lo if hi > lo else max(abs(hi), 1.0)
    return [lo - pad * span, hi + pad * span]


# ---------------------------------------------------------------- decision boundary


def _axis_values(resolution: int) -> np.ndarray:
    """Grid coordinates over PLANE; rounded up to a multiple of 4 cells so 0, 0.5 and 1 are on it."""
    cells = max(4, int(np.ceil(resolution / 4)) * 4)
    return np.linspace(PLANE[0], PLANE[1], cells + 1)


def boundary_grid(flat: np.ndarray, activation: str, hidden: int, resolution: int = 80) -> pd.DataFrame:
    """y_pred over a (resolution+1)^2 grid on the input plane: columns x1, x2, y_pred."""
    xs = _axis_values(resolution)
    g1, g2 = np.meshgrid(xs, xs)  # (n, n): row = x2 index, column = x1 index
    pts = np.stack([g1.ravel(), g2.ravel()], axis=1).astype(np.float32)  # (n*n, 2)
    pred = _predict(flat, activation, hidden, pts)
    return pd.DataFrame({"x1": pts[:, 0].astype(float), "x2": pts[:, 1].astype(float), "y_pred": pred})


def _predict(flat: np.ndarray, activation: str, hidden: int, pts: np.ndarray) -> np.ndarray:
    """y_pred (M,) for points (M, 2), float64 math on float32 params (pictures only)."""
    p = unflatten(np.asarray(flat, dtype=np.float32), hidden)
    with np.errstate(all="ignore"):
        z1 = pts.astype(np.float64) @ p["W1"].T.astype(np.float64) + p["b1"]  # (M, H)
        h1 = act_np(activation, z1)
        z2 = h1 @ p["W2"].T.astype(np.float64) + p["b2"]  # (M, 1)
        return sigmoid_np(z2)[:, 0]


def contour_segments(xs: np.ndarray, ys: np.ndarray, values: np.ndarray, level: float = 0.5) -> np.ndarray:
    """Marching squares: the level set of values (len(ys), len(xs)) as segments (K, 4) = x, y, x2, y2."""
    v = np.asarray(values, dtype=float) - level
    segs: list[tuple[float, float, float, float]] = []

    def cross(xa: float, ya: float, va: float, xb: float, yb: float, vb: float) -> tuple[float, float]:
        s = va / (va - vb)  # linear interpolation of the zero on the edge
        return xa + s * (xb - xa), ya + s * (yb - ya)

    above = v > 0
    # Cells whose four corners do not all agree are the only ones the contour crosses.
    c00, c01, c10, c11 = above[:-1, :-1], above[:-1, 1:], above[1:, :-1], above[1:, 1:]
    finite = np.isfinite(v[:-1, :-1]) & np.isfinite(v[:-1, 1:]) & np.isfinite(v[1:, :-1]) & np.isfinite(v[1:, 1:])
    mixed = ~((c00 == c01) & (c01 == c10) & (c10 == c11)) & finite
    for i, j in zip(*np.nonzero(mixed), strict=True):
        x0, x1, y0, y1 = xs[j], xs[j + 1], ys[i], ys[i + 1]
        v00, v01, v10, v11 = v[i, j], v[i, j + 1], v[i + 1, j], v[i + 1, j + 1]
        edges: dict[str, tuple[float, float]] = {}
        if (v00 > 0) != (v01 > 0):
            edges["B"] = cross(x0, y0, v00, x1, y0, v01)
        if (v01 > 0) != (v11 > 0):
            edges["R"] = cross(x1, y0, v01, x1, y1, v11)
        if (v10 > 0) != (v11 > 0):
            edges["T"] = cross(x0, y1, v10, x1, y1, v11)
        if (v00 > 0) != (v10 > 0):
            edges["L"] = cross(x0, y0, v00, x0, y1, v10)
        if len(edges) == 2:
            (ax, ay), (bx, by) = edges.values()
            segs.append((ax, ay, bx, by))
        elif len(edges) == 4:  # saddle: the cell centre decides which corners connect
            centre = (v00 + v01 + v10 + v11) / 4
            pairs = (("B", "R"), ("L", "T")) if (centre > 0) == (v00 > 0) else (("B", "L"), ("R", "T"))
            for e1, e2 in pairs:
                segs.append((*edges[e1], *edges[e2]))
    return np.array(segs, dtype=float).reshape(-1, 4)


def decision_boundary(
    flat: np.ndarray, activation: str, hidden: int, lang: str, resolution: int = 80
) -> alt.LayerChart:
    """Heatmap of y_pred over the input plane, its 0.5 contour, and the four XOR points."""
    grid = boundary_grid(flat, activation, hidden, resolution)
    xs = _axis_values(resolution)
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
            x=alt.X("x1a:Q", scale=scale, axis=_axis(x_title, values=[-0.5, 0, 0.5, 1, 1.5])),
            x2=alt.X2("x1b:Q"),
            y=alt.Y("x2a:Q", scale=scale, axis=_axis(y_title, values=[-0.5, 0, 0.5, 1, 1.5])),
            y2=alt.Y2("x2b:Q"),
            color=alt.Color(
                "y_pred:Q",
                scale=alt.Scale(domain=[0, 0.5, 1], range=list(palette.CLASS_SCALE)),
                legend=_legend(t(lang, "ch_y_pred"), orient="bottom", direction="horizontal", gradientLength=160),
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
    pts = _points_layer(_points_df(XOR_POINTS[:, 0], XOR_POINTS[:, 1], lang), lang, x_title, y_title)
    return (
        alt.layer(heat, contour, pts)
        .resolve_scale(color="independent")
        .properties(
            width=CHART_SIZE,
            height=CHART_SIZE,
            autosize=AUTOSIZE,
            title=_title(t(lang, "ch_boundary_title"), t(lang, "ch_boundary_sub")),
            description=t(lang, "ch_boundary_desc"),
        )
    )


# ---------------------------------------------------------------- warped spaces


def warped_grid(
    flat: np.ndarray, activation: str, hidden: int, stage: str, units: tuple[int, int] = (0, 1)
) -> pd.DataFrame:
    """Grid lines of the input plane carried to `stage` ('input', 'z1' or 'h1'), two units shown.

    Columns: line (id), family ('x1' lines hold x1 fixed), value (the fixed coordinate), order,
    x1, x2 (the input point), a, b (its coordinates in the stage's plane, units[0] and units[1]).
    """
    values = np.arange(PLANE[0], PLANE[1] + 1e-9, GRID_STEP)  # (L,) fixed coordinates
    s = np.linspace(PLANE[0], PLANE[1], GRID_SAMPLES)  # (S,) along each line
    rows = []
    for fam, col in (("x1", 0), ("x2", 1)):
        for k, c in enumerate(values):
            pts = np.empty((len(s), 2))
            pts[:, col], pts[:, 1 - col] = c, s
            rows.append((f"{fam}={c:g}", fam, float(c), pts, k))
    pts_all = np.concatenate([r[3] for r in rows])  # (2 L S, 2)
    ab = stage_coords(flat, activation, hidden, stage, pts_all, units)
    n = len(s)
    frames = []
    for i, (name, fam, c, pts, _) in enumerate(rows):
        sl = slice(i * n, (i + 1) * n)
        frames.append(
            pd.DataFrame(
                {
                    "line": name,
                    "family": fam,
                    "value": c,
                    "order": np.arange(n),
                    "x1": pts[:, 0],
                    "x2": pts[:, 1],
                    "a": ab[sl, 0],
                    "b": ab[sl, 1],
                    "edge": bool(np.isclose(c, 0) or np.isclose(c, 1)),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def stage_coords(
    flat: np.ndarray, activation: str, hidden: int, stage: str, pts: np.ndarray, units: tuple[int, int] = (0, 1)
) -> np.ndarray:
    """Input points (M, 2) carried to stage 'input' / 'z1' / 'h1', as (M, 2) coordinates of two units.

    With hidden == 1 the second coordinate is 0 (the one unit plotted against 0).
    """
    pts = np.asarray(pts, dtype=np.float64)
    if stage == "input":
        return pts.copy()
    p = unflatten(np.asarray(flat, dtype=np.float32), hidden)
    with np.errstate(all="ignore"):
        z1 = pts @ p["W1"].T.astype(np.float64) + p["b1"]  # (M, H)
        v = z1 if stage == "z1" else act_np(activation, z1)
    if hidden == 1:
        return np.stack([v[:, 0], np.zeros(len(v))], axis=1)
    i, j = units
    return v[:, [i, j]]


def output_line(
    flat: np.ndarray, activation: str, hidden: int, units: tuple[int, int] = (0, 1)
) -> tuple[float, float, float]:
    """(w_i, w_j, c) of the output layer's line w_i h_i + w_j h_j + c = 0 in the plane of two units.

    c = b2 + sum over the other units k of W2[k] * mean_x h_k(x) (held at their mean over the 4 inputs).
    With hidden == 1: (w, 0, b2), a vertical line h = -b2 / w.
    """
    p = unflatten(np.asarray(flat, dtype=np.float32), hidden)
    w2 = p["W2"][0].astype(np.float64)  # (H,)
    b2 = float(p["b2"][0])
    if hidden == 1:
        return float(w2[0]), 0.0, b2
    i, j = units
    with np.errstate(all="ignore"):
        h = act_np(activation, XOR_POINTS.astype(np.float64) @ p["W1"].T.astype(np.float64) + p["b1"])  # (4, H)
    others = [k for k in range(hidden) if k not in (i, j)]
    c = b2 + float(sum(w2[k] * h[:, k].mean() for k in others))
    return float(w2[i]), float(w2[j]), c


def _clip_line(wa: float, wb: float, c: float, xd: list[float], yd: list[float]) -> list[tuple[float, float]]:
    """The segment of wa a + wb b + c = 0 inside the box xd x yd (empty if it misses the box)."""
    if not all(np.isfinite([wa, wb, c])) or (abs(wa) < 1e-12 and abs(wb) < 1e-12):
        return []
    pts = []
    if abs(wb) > 1e-12:
        for a in xd:
            b = -(wa * a + c) / wb
            if yd[0] - 1e-9 <= b <= yd[1] + 1e-9:
                pts.append((a, b))
    if abs(wa) > 1e-12:
        for b in yd:
            a = -(wb * b + c) / wa
            if xd[0] - 1e-9 <= a <= xd[1] + 1e-9:
                pts.append((a, b))
    if len(pts) < 2:
        return []
    pts.sort()
    return [pts[0], pts[-1]]


STAGE_TITLE = {"input": "ch_plane_input", "z1": "ch_plane_z1", "h1": "ch_plane_h1"}


def _unit_axis_titles(stage: str, hidden: int, units: tuple[int, int], lang: str) -> tuple[str, str]:
    """Axis titles of a stage's plane ('x₁', 'x₂' or 'z1, unit 1', ...)."""
    if stage == "input":
        return t(lang, "ch_x1"), t(lang, "ch_x2")
    key = "ch_z_axis" if stage == "z1" else "ch_h_axis"
    if hidden == 1:
        return t(lang, key, unit=1), ""  # the subtitle says the one unit is drawn on a line
    return t(lang, key, unit=units[0] + 1), t(lang, key, unit=units[1] + 1)


def space_plane(
    flat: np.ndarray,
    activation: str,
    hidden: int,
    lang: str,
    stage: str,
    units: tuple[int, int] = (0, 1),
    separator: bool | None = None,
    highlight: int | None = None,
) -> alt.LayerChart:
    """Where the four points (and the input plane's grid) are after `stage`: 'input', 'z1' or 'h1'.

    In the input plane, each shown hidden unit's line z1_i = 0 is drawn; in the h1 plane
    (separator defaults to on there), the output layer's line w2·h + b2 = 0.
    """
    units = _check_units(hidden, units)
    grid = warped_grid(flat, activation, hidden, stage, units)
    pts_ab = stage_coords(flat, activation, hidden, stage, XOR_POINTS, units)
    x_title, y_title = _unit_axis_titles(stage, hidden, units, lang)
    if separator is None:
        separator = stage == "h1"
    xd, yd = _plane_domains(flat, activation, hidden, stage, units, grid, pts_ab, bool(separator))
    ticks: dict[str, object] = {}
    if stage == "input":  # the input plane keeps its own square window with ticks on 0, 0.5, 1
        ticks = {"values": [-0.5, 0, 0.5, 1, 1.5]}
    xs, ys = alt.Scale(domain=xd, nice=False, zero=False), alt.Scale(domain=yd, nice=False, zero=False)
    family = alt.Color(
        "family:N",
        scale=alt.Scale(domain=["x1", "x2"], range=[palette.NEUTRAL, "#A0A0A0"]),
        legend=None,
    )
    lines = (
        alt.Chart(grid)
        .mark_line(clip=True, strokeWidth=1.2, opacity=0.8)
        .encode(
            x=alt.X("a:Q", scale=xs, axis=_axis(x_title, **ticks)),
            y=alt.Y("b:Q", scale=ys, axis=_axis(y_title, labels=hidden > 1 or stage == "input", **ticks)),
            detail=alt.Detail("line:N"),
            order=alt.Order("order:Q"),
            color=family,
            strokeWidth=alt.StrokeWidth("edge:N", scale=alt.Scale(domain=[False, True], range=[1.0, 2.6]), legend=None),
        )
    )
    layers: list[alt.Chart | alt.LayerChart] = [lines]
    rule_df = []
    if separator and stage == "h1":
        seg = _clip_line(*output_line(flat, activation, hidden, units), xd, yd)
        if seg:
            rule_df.append({"x": seg[0][0], "y": seg[0][1], "x2": seg[1][0], "y2": seg[1][1], "what": "out"})
    if stage == "input":
        p = unflatten(np.asarray(flat, dtype=np.float32), hidden)
        for u in sorted(set(units if hidden > 1 else (0,))):
            seg = _clip_line(float(p["W1"][u, 0]), float(p["W1"][u, 1]), float(p["b1"][u]), xd, yd)
            if seg:
                rule_df.append({"x": seg[0][0], "y": seg[0][1], "x2": seg[1][0], "y2": seg[1][1], "what": f"z{u}"})
    if rule_df:
        rdf = pd.DataFrame(rule_df)
        label = {"out": t(lang, "ch_out_line")}
        for u in range(hidden):
            label[f"z{u}"] = t(lang, "ch_unit_line", unit=u + 1)
        rdf["name"] = rdf["what"].map(label)
        names = list(dict.fromkeys(rdf["name"]))
        colors = [palette.ACCENT if w == "out" else palette.UNIT_LINES[k % 2] for k, w in enumerate(rdf["what"])]
        layers.append(
            alt.Chart(rdf)
            .mark_rule(strokeWidth=3.5, strokeDash=[8, 4])
            .encode(
                x=alt.X("x:Q", scale=xs),
                y=alt.Y("y:Q", scale=ys),
                x2=alt.X2("x2:Q"),
                y2=alt.Y2("y2:Q"),
                stroke=alt.Stroke(
                    "name:N",
                    scale=alt.Scale(domain=names, range=colors[: len(names)]),
                    legend=_legend(t(lang, "ch_lines"), orient="bottom", direction="vertical"),
                ),
            )
        )
    pdf = _points_df(pts_ab[:, 0], pts_ab[:, 1], lang)
    layers.append(_points_layer(pdf, lang, x_title, y_title, highlight=highlight))
    subtitle = _plane_subtitle(stage, hidden, units, lang, bool(separator))
    desc = t(lang, f"{STAGE_TITLE[stage]}_desc")
    if stage == "h1":
        desc += " " + t(lang, f"ch_h1_grid_{activation}")
        if separator:
            desc += " " + output_line_sentence(flat, activation, hidden, lang, units)
    return (
        alt.layer(*layers)
        .resolve_scale(color="independent", stroke="independent", strokeWidth="independent")
        .properties(
            width=CHART_SIZE,
            height=CHART_SIZE if hidden > 1 or stage == "input" else 160,
            autosize=AUTOSIZE,
            title=_title(t(lang, STAGE_TITLE[stage]), subtitle),
            description=" ".join([desc, *_plane_subtitle(stage, hidden, units, lang, bool(separator), False)]),
        )
    )


def _plane_domains(flat: np.ndarray, activation: str, hidden: int, stage: str, units: tuple[int, int],
                   grid: pd.DataFrame, pts_ab: np.ndarray, separator: bool) -> tuple[list[float], list[float]]:  # fmt: skip
    """The x and y ranges a stage's plane is drawn over (the input plane: its fixed square window)."""
    if stage == "input":
        return [PLANE[0] - 0.1, PLANE[1] + 0.1], [PLANE[0] - 0.1, PLANE[1] + 0.1]
    xd = _domain(grid["a"], pts_ab[:, 0])
    if hidden == 1 and stage == "h1" and separator:
        # One unit: the output's threshold is a point h = -b2 / w on the line; widen the axis to show it.
        wa, _, c = output_line(flat, activation, hidden, units)
        at = -c / wa if wa else np.nan
        if np.isfinite(at) and xd[0] - 3 * (xd[1] - xd[0]) < at < xd[1] + 3 * (xd[1] - xd[0]):
            xd = _domain(grid["a"], pts_ab[:, 0], np.array([at]))
    yd = _domain(grid["b"], pts_ab[:, 1]) if hidden > 1 else [-1.0, 1.0]
    return xd, yd


def output_line_shown(flat: np.ndarray, activation: str, hidden: int, units: tuple[int, int] = (0, 1)) -> bool:
    """Whether the output layer's line z2 = 0 crosses the h1 plane as hidden_plane draws it."""
    units = _check_units(hidden, units)
    grid = warped_grid(flat, activation, hidden, "h1", units)
    pts_ab = stage_coords(flat, activation, hidden, "h1", XOR_POINTS, units)
    xd, yd = _plane_domains(flat, activation, hidden, "h1", units, grid, pts_ab, True)
    return bool(_clip_line(*output_line(flat, activation, hidden, units), xd, yd))


def output_line_sentence(flat: np.ndarray, activation: str, hidden: int, lang: str,
                         units: tuple[int, int] = (0, 1)) -> str:  # fmt: skip
    """'The dashed green line is where z2 = 0' if hidden_plane draws it, else that it lies outside the plot."""
    key = "ch_h1_line_drawn" if output_line_shown(flat, activation, hidden, units) else "ch_h1_line_outside"
    return t(lang, key + ("_one" if hidden == 1 else ""))


def _plane_subtitle(
    stage: str, hidden: int, units: tuple[int, int], lang: str, separator: bool, short: bool = True
) -> list[str]:
    """What the plane shows when the net does not have exactly two hidden units (one line per sentence)."""
    if stage == "input":
        return []
    if hidden == 1:
        return [t(lang, "ch_one_unit")]
    if hidden > 2:
        lines = [t(lang, "ch_two_of", a=units[0] + 1, b=units[1] + 1, n=hidden)]
        if stage == "h1" and separator:  # short in the subtitle (it must fit the chart), full in the alt text
            lines.append(t(lang, "ch_others_mean_short" if short else "ch_others_mean"))
        return lines
    return []


def _check_units(hidden: int, units: tuple[int, int]) -> tuple[int, int]:
    """Two distinct unit indices < hidden (any pair for hidden == 1 means the one unit)."""
    if hidden == 1:
        return (0, 0)
    i, j = (int(u) for u in units)
    if not (0 <= i < hidden and 0 <= j < hidden and i != j):
        raise ValueError(f"units={units!r} is not allowed: use two different units in 0..{hidden - 1}")
    return i, j


def hidden_plane(
    flat: np.ndarray,
    activation: str,
    hidden: int,
    lang: str,
    units: tuple[int, int] = (0, 1),
    highlight: int | None = None,
) -> alt.LayerChart:
    """The four points in the h1 plane, the warped input grid, and the output's line w2·h + b2 = 0."""
    return space_plane(flat, activation, hidden, lang, "h1", units, separator=True, highlight=highlight)


def output_axis(y_pred: np.ndarray, lang: str, highlight: int | None = None) -> alt.LayerChart:
    """The four predictions on a 0..1 axis with the 0.5 threshold; points coloured by target."""
    yp = np.asarray(y_pred, dtype=float).reshape(-1)
    df = _points_df(yp, np.array([3, 2, 1, 0], dtype=float), lang)
    x_title = t(lang, "ch_y_pred")
    base = alt.Scale(domain=[0, 1], nice=False)
    yscale = alt.Scale(domain=[-0.7, 3.7])
    rule = alt.Chart(pd.DataFrame({"x": [0.5]})).mark_rule(color="black", strokeWidth=2, strokeDash=[6, 4])
    rule = rule.encode(x=alt.X("x:Q", scale=base))
    half = pd.DataFrame({"x": [0.0, 0.5], "x2": [0.5, 1.0], "side": [t(lang, "ch_side0"), t(lang, "ch_side1")]})
    bands = (
        alt.Chart(half)
        .mark_rect(opacity=0.18)
        .encode(
            x=alt.X("x:Q", scale=base, axis=_axis(x_title, values=[0, 0.25, 0.5, 0.75, 1], format=".2~f")),
            x2=alt.X2("x2:Q"),
            color=alt.Color(
                "side:N",
                scale=alt.Scale(domain=list(half["side"]), range=[palette.CLASS[0], palette.CLASS[1]]),
                legend=_legend(t(lang, "ch_threshold"), orient="bottom", direction="horizontal"),
            ),
        )
    )
    pts = _points_layer(df, lang, x_title, t(lang, "ch_input"), highlight=highlight)
    pts_chart = pts.encode(y=alt.Y("b:Q", scale=yscale, axis=None))
    return (
        alt.layer(bands, rule, pts_chart)
        .resolve_scale(color="independent")
        .properties(
            width=CHART_SIZE,
            height=200,
            autosize=AUTOSIZE,
            title=_title(t(lang, "ch_output_title")),
            description=t(lang, "ch_output_desc"),
        )
    )


# ---------------------------------------------------------------- activation


def activation_data(activation: str, lo: float = -6.0, hi: float = 6.0, n: int = 241) -> pd.DataFrame:
    """The activation f(z) and its derivative f'(z) at n points of [lo, hi]: columns z, f, df."""
    z = np.linspace(lo, hi, n)
    return pd.DataFrame({"z": z, "f": act_np(activation, z), "df": act_grad_np(activation, z)})


def activation_chart(activation: str, lang: str) -> alt.LayerChart:
    """f(z) and f'(z) for z in -6..6; under ReLU the dead zone z < 0 (gradient 0) is shaded and labelled."""
    data = activation_data(activation)
    name = t(lang, f"act_{activation}")
    f_lab, d_lab = t(lang, "ch_act_f"), t(lang, "ch_act_df")
    long = pd.concat(
        [
            pd.DataFrame({"z": data.z, "value": data.f, "curve": f_lab}),
            pd.DataFrame({"z": data.z, "value": data.df, "curve": d_lab}),
        ],
        ignore_index=True,
    )
    lo = min(-1.2, float(long.value.min()) - 0.2)
    hi = min(max(1.2, float(long.value.max()) + 0.2), 6.5)
    ys = alt.Scale(domain=[lo, hi], nice=False)
    xs = alt.Scale(domain=[-6, 6], nice=False)
    layers: list[alt.Chart] = []
    if activation == "relu":
        zone = pd.DataFrame({"x": [-6.0], "x2": [0.0], "label": [t(lang, "ch_dead_zone")]})
        layers.append(
            alt.Chart(zone)
            .mark_rect(color=palette.DEAD, opacity=palette.DEAD_ZONE_OPACITY)
            .encode(x=alt.X("x:Q", scale=xs), x2=alt.X2("x2:Q"))
        )
        layers.append(
            alt.Chart(zone.assign(y=(lo + hi) / 2, xm=-3.0))
            .mark_text(fontSize=palette.FONT_SIZE, fontWeight="bold", color="#333333")
            .encode(x=alt.X("xm:Q", scale=xs), y=alt.Y("y:Q", scale=ys), text=alt.Text("label:N"))
        )
    axes = pd.DataFrame({"zero": [0.0]})
    layers.append(alt.Chart(axes).mark_rule(color="#999999").encode(y=alt.Y("zero:Q", scale=ys)))
    layers.append(alt.Chart(axes).mark_rule(color="#999999").encode(x=alt.X("zero:Q", scale=xs)))
    layers.append(
        alt.Chart(long)
        .mark_line(strokeWidth=3.5, clip=True)
        .encode(
            x=alt.X("z:Q", scale=xs, axis=_axis(t(lang, "ch_z"))),
            y=alt.Y("value:Q", scale=ys, axis=_axis(t(lang, "ch_value"))),
            color=alt.Color(
                "curve:N",
                scale=alt.Scale(domain=[f_lab, d_lab], range=[palette.POS, palette.NEG]),
                legend=_legend("", orient="bottom", direction="horizontal"),
            ),
            strokeDash=alt.StrokeDash(
                "curve:N", scale=alt.Scale(domain=[f_lab, d_lab], range=[[1, 0], [7, 4]]), legend=None
            ),
            tooltip=[
                alt.Tooltip("z:Q", format=".2f"),
                alt.Tooltip("curve:N", title=""),
                alt.Tooltip("value:Q", format=".4f"),
            ],
        )
    )
    return alt.layer(*layers).properties(
        width=CHART_SIZE,
        height=280,
        autosize=AUTOSIZE,
        title=_title(t(lang, "ch_act_title", name=name)),
        description=t(lang, "ch_act_desc", name=name),
    )


def xor_plane(lang: str) -> alt.LayerChart:
    """The four XOR points on the input plane, coloured by target (no single line separates them)."""
    x_title, y_title = t(lang, "ch_x1"), t(lang, "ch_x2")
    scale = alt.Scale(domain=[-0.3, 1.4], nice=False)
    df = _points_df(XOR_POINTS[:, 0], XOR_POINTS[:, 1], lang)
    base = alt.Chart(df).encode(
        x=alt.X("a:Q", scale=scale, axis=_axis(x_title, values=[0, 1])),
        y=alt.Y("b:Q", scale=scale, axis=_axis(y_title, values=[0, 1])),
    )
    pts = _points_layer(df, lang, x_title, y_title)
    return alt.layer(base.mark_point(opacity=0), pts).properties(
        width=CHART_SIZE,
        height=260,
        autosize=AUTOSIZE,
        title=_title(t(lang, "ch_xor_title")),
        description=t(lang, "ch_xor_desc"),
    )


# ---------------------------------------------------------------- loss per row


def loss_chart(y_pred: np.ndarray, loss: float, lang: str) -> alt.LayerChart:
    """One bar per input: its loss term; a dashed rule at the mean (the loss L)."""
    terms = bce_terms(np.asarray(y_pred).reshape(-1))
    df = _points_df(terms, np.zeros(4), lang)
    x_title, y_title = t(lang, "ch_input"), t(lang, "ch_loss_term")
    bars = (
        alt.Chart(df)
        .mark_bar(stroke="black", strokeWidth=1.5, size=60)
        .encode(
            x=alt.X("input:N", sort=list(ROW_LABELS), axis=_axis(x_title, labelAngle=0)),
            y=alt.Y("a:Q", axis=_axis(y_title), scale=alt.Scale(domainMin=0)),
            color=alt.Color(
                "target:N",
                scale=alt.Scale(domain=[0, 1], range=[palette.CLASS[0], palette.CLASS[1]]),
                legend=_legend(t(lang, "ch_target"), orient="bottom", direction="horizontal"),
            ),
            tooltip=[alt.Tooltip("input:N", title=x_title), alt.Tooltip("a:Q", title=y_title, format=".4f")],
        )
    )
    text = bars.mark_text(dy=-12, fontSize=palette.FONT_SIZE, color="black").encode(
        text=alt.Text("a:Q", format=".4f"), color=alt.ColorValue("black")
    )
    mean = pd.DataFrame({"L": [float(loss)], "label": [t(lang, "ch_loss_mean", loss=float(loss))]})
    rule = alt.Chart(mean).mark_rule(color="black", strokeWidth=2.5, strokeDash=[8, 4]).encode(y=alt.Y("L:Q"))
    return alt.layer(bars, text, rule).properties(
        width=CHART_SIZE,
        height=240,
        autosize=AUTOSIZE,
        title=_title(t(lang, "ch_loss_title"), t(lang, "ch_loss_mean", loss=float(loss))),
        description=t(lang, "ch_loss_desc"),
    )


# ---------------------------------------------------------------- tables and flags


def params_table(initial: np.ndarray, trained: np.ndarray, hidden: int, lang: str) -> pd.DataFrame:
    """Every parameter by name: initial value, trained value and the change."""
    from .model import param_names

    a, b = np.asarray(initial, dtype=float), np.asarray(trained, dtype=float)
    return pd.DataFrame(
        {
            t(lang, "ch_col_param"): param_names(hidden),
            t(lang, "ch_col_initial"): a,
            t(lang, "ch_col_trained"): b,
            t(lang, "ch_col_change"): b - a,
        }
    )


def predictions_table(initial: np.ndarray, trained: np.ndarray, lang: str) -> pd.DataFrame:
    """The four inputs: target, y_pred before and after training, and whether the trained one is right."""
    a, b = np.asarray(initial, dtype=float).reshape(-1), np.asarray(trained, dtype=float).reshape(-1)
    right = correct(b)
    return pd.DataFrame(
        {
            t(lang, "ch_input"): list(ROW_LABELS),
            t(lang, "ch_target"): XOR_TARGET,
            t(lang, "ch_col_pred0_short"): a,
            t(lang, "ch_col_pred_short"): b,
            t(lang, "ch_col_right"): [t(lang, "ch_yes") if r else t(lang, "ch_no") for r in right],
        }
    )


# ---------------------------------------------------------------- LaTeX of the forward pass

WIDE_UNITS = 3  # above this many hidden units, batch matrices are written transposed (H rows)
ACT_TEX = {
    "sigmoid": (r"\sigma", r"\sigma(z) = \frac{1}{1 + e^{-z}}"),
    "tanh": (r"\tanh", r"\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}"),
    "relu": (r"\mathrm{ReLU}", r"\mathrm{ReLU}(z) = \max(0, z)"),
    "leaky_relu": (r"\mathrm{LReLU}", r"\mathrm{LReLU}(z) = \max(0.01\,z,\; z)"),
    "identity": (r"\mathrm{id}", r"\mathrm{id}(z) = z"),
}


def _n(v: float, d: int = 4) -> str:
    """A number for LaTeX: 4 decimals, integers as integers, a real minus sign."""
    v = float(v)
    if not np.isfinite(v):
        return r"\mathrm{nan}" if np.isnan(v) else (r"\infty" if v > 0 else r"-\infty")
    if v == int(v) and abs(v) < 1e6 and d == 0:
        return str(int(v))
    return f"{v:.{d}f}"


def _mat(a: np.ndarray, d: int = 4) -> str:
    """A 2-D array as a LaTeX bmatrix."""
    a = np.atleast_2d(a)
    rows = [" & ".join(_n(v, d) for v in row) for row in a]
    return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


def _col(v: np.ndarray, d: int = 4) -> str:
    """A 1-D array as a LaTeX column vector."""
    return _mat(np.asarray(v).reshape(-1, 1), d)


def latex_linear1(trace, rows: list[int]) -> str:
    """z1 = x W1^T + b1 for one row (a row of the batch), or Z1 = X W1^T + b1 for the batch, with numbers."""
    if len(rows) == 1:
        r, i = rows[0], rows[0] + 1
        return (rf"z_1^{{({i})}} = x^{{({i})}} W_1^{{\top}} + b_1 = " + _mat(trace.X[r][None, :], 0) + _mat(trace.W1.T)
                + " + " + _mat(trace.b1[None, :]) + " = " + _mat(trace.z1[r][None, :]))  # fmt: skip
    if trace.W1.shape[0] > WIDE_UNITS:  # many units: the transposed form grows down, not across
        return _two_lines(
            r"Z_1^{\top} = W_1 X^{\top} + b_1", _mat(trace.W1) + _mat(trace.X[rows].T, 0) + " + " + _col(trace.b1),
            _mat(trace.z1[rows].T),
        )  # fmt: skip
    return (
        r"Z_1 = X W_1^{\top} + b_1 = " + _mat(trace.X[rows], 0) + _mat(trace.W1.T) + " + " + _mat(trace.b1[None, :])
        + " = " + _mat(trace.z1[rows])
    )  # fmt: skip


def latex_activation(trace, rows: list[int], activation: str) -> list[str]:
    """h1 = f(z1) elementwise, with numbers; plus f's definition worked out on one entry."""
    f, definition = ACT_TEX[activation]
    if len(rows) == 1:
        r, i = rows[0], rows[0] + 1
        main = (rf"h_1^{{({i})}} = {f}(z_1^{{({i})}}) = {f}\left(" + _mat(trace.z1[r][None, :]) + r"\right) = "
                + _mat(trace.h1[r][None, :]))  # fmt: skip
    else:
        tp = r"^{\top}" if trace.W1.shape[0] > WIDE_UNITS else ""  # transposed for many units, as in latex_linear1
        z, h1 = (trace.z1[rows].T, trace.h1[rows].T) if tp else (trace.z1[rows], trace.h1[rows])
        main = rf"H_1{tp} = {f}(Z_1{tp}) = {f}\left(" + _mat(z) + r"\right) = " + _mat(h1)
    r = rows[0]
    z, h1 = float(trace.z1[r, 0]), float(trace.h1[r, 0])
    if activation == "sigmoid":
        worked = rf"\sigma({_n(z)}) = \frac{{1}}{{1 + e^{{{_n(-z)}}}}} = {_n(h1)}"
    elif activation == "tanh":
        worked = rf"\tanh({_n(z)}) = {_n(h1)}"
    elif activation == "relu":
        worked = rf"\max(0,\, {_n(z)}) = {_n(h1)}"
    elif activation == "leaky_relu":
        worked = rf"\max(0.01 \cdot {_n(z)},\, {_n(z)}) = {_n(h1)}"
    else:
        worked = rf"\mathrm{{id}}({_n(z)}) = {_n(h1)}"
    return [main, definition + r"\qquad " + worked]


def latex_linear2(trace, rows: list[int]) -> str:
    """z2 = W2 h1 + b2 written out as a weighted sum (one row), or z2 = H1 W2^T + b2 (batch)."""
    w, b = trace.W2[0], float(trace.b2[0])
    if len(rows) == 1:
        r, i = rows[0], rows[0] + 1
        lhs = rf"z_2^{{({i})}} = h_1^{{({i})}} W_2^{{\top}} + b_2 = "
        if len(w) > WIDE_UNITS:  # many units: a row times a column instead of a long sum
            return lhs + _mat(trace.h1[r][None, :]) + _mat(trace.W2.T) + f" + ({_n(b)}) = {_n(trace.z2[r, 0])}"
        terms = " + ".join(rf"({_n(hi)})({_n(wi)})" for wi, hi in zip(w, trace.h1[r], strict=True))
        return lhs + rf"{terms} + ({_n(b)}) = {_n(trace.z2[r, 0])}"
    if len(w) > WIDE_UNITS:  # H1 is 4 x H: put the result on its own line
        return _two_lines(
            r"z_2 = H_1 W_2^{\top} + b_2",
            _mat(trace.h1[rows]) + _mat(trace.W2.T) + f" + ({_n(b)})",
            _mat(trace.z2[rows]),
        )
    return (
        r"z_2 = H_1 W_2^{\top} + b_2 = "
        + _mat(trace.h1[rows])
        + _mat(trace.W2.T)
        + f" + ({_n(b)}) = "
        + _mat(trace.z2[rows])
    )


def _two_lines(lhs: str, middle: str, result: str) -> str:
    """lhs = middle on one line and = result on the next (KaTeX aligned), for wide equations."""
    return r"\begin{aligned}" + lhs + r" &= " + middle + r" \\ &= " + result + r"\end{aligned}"


def latex_output(trace, rows: list[int]) -> str:
    """y_pred = sigmoid(z2), with numbers."""
    if len(rows) == 1:
        z, p, i = float(trace.z2[rows[0], 0]), float(trace.y_pred[rows[0], 0]), rows[0] + 1
        return rf"\hat y^{{({i})}} = \sigma(z_2^{{({i})}}) = \frac{{1}}{{1 + e^{{{_n(-z)}}}}} = {_n(p)}"
    return r"\hat y = \sigma(z_2) = \sigma\left(" + _mat(trace.z2[rows]) + r"\right) = " + _mat(trace.y_pred[rows])


def latex_loss(trace, rows: list[int]) -> list[str]:
    """The BCE loss with the predictions plugged in: the batch mean, or one row's term then the mean."""
    y, p = XOR_TARGET, trace.y_pred[:, 0]
    terms = bce_terms(p)
    parts = [rf"\log {_n(p[i])}" if y[i] == 1 else rf"\log(1 - {_n(p[i])})" for i in range(4)]
    general = r"L = -\frac{1}{N}\sum_{i=1}^{N}\left[\,y_i \log \hat y_i + (1 - y_i)\log(1 - \hat y_i)\,\right]"
    batch = r"L = -\frac{1}{4}\left[" + " + ".join(parts) + rf"\right] = {_n(trace.loss)}"
    if len(rows) == 1:
        r = rows[0]
        one = rf"\ell_{{{r + 1}}} = -{parts[r]} = {_n(terms[r])}"
        return [general, one, batch]
    return [general, batch]


def forward_table(trace, step: int, rows: list[int], lang: str) -> pd.DataFrame:
    """The values of forward step 1..5 (z1, h1, z2, y_pred, loss terms) for the chosen rows of a Trace."""
    hidden = trace.W1.shape[0]
    df = pd.DataFrame({t(lang, "ch_input"): [ROW_LABELS[r] for r in rows]})
    if step == 1:
        df[t(lang, "ch_col_x1")] = trace.X[rows, 0].astype(int)
        df[t(lang, "ch_col_x2")] = trace.X[rows, 1].astype(int)
    for i in range(hidden):
        if step == 1:
            df[t(lang, "ch_col_z", unit=i + 1)] = trace.z1[rows, i]
        elif step == 2:
            df[t(lang, "ch_col_h", unit=i + 1)] = trace.h1[rows, i]
    if step >= 3:
        df[t(lang, "ch_target")] = XOR_TARGET[rows]
    if step in (3, 4):
        df["z2"] = trace.z2[rows, 0]
    if step >= 4:
        df[t(lang, "ch_y_pred")] = trace.y_pred[rows, 0]
    if step == 4:
        df[t(lang, "ch_col_class")] = (trace.y_pred[rows, 0] > 0.5).astype(int)
    if step == 5:
        df[t(lang, "ch_loss_term")] = bce_terms(trace.y_pred[:, 0])[rows]
    return df


def lecture_forward(seed: int, activation: str, hidden: int) -> bool:
    """Whether the forward pass is the lecture's cell 2 (seed 42, sigmoid, 2 hidden units)."""
    return (seed, activation, hidden) == (42, "sigmoid", 2)


def latex_inputs(trace) -> str:
    """X and y of the batch as LaTeX matrices."""
    return r"X = " + _mat(trace.X, 0) + r",\qquad y = " + _mat(trace.y, 0)
