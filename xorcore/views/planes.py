"""The forward pass as planes: input, z1 and h1 with the warped grid, and the output axis."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from .. import palette
from ..geometry import (
    PLANE,
    check_units,
    clip_line,
    output_line,
    output_line_shown,
    plane_domains,
    stage_coords,
    warped_grid,
)
from ..model import unflatten
from ..text import t
from . import style
from .points import XOR_POINTS, points_df, points_frames, points_layer, points_layer_of
from .style import AUTOSIZE, CHART_SIZE

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
    domains: tuple[list[float], list[float]] | None = None,
    legend: str = "bottom",
    brief: bool = False,
    target: tuple[int, ...] | None = None,
) -> alt.LayerChart:
    """Where the four points (and the input plane's grid) are after `stage`: 'input', 'z1' or 'h1'.

    In the input plane, each shown hidden unit's line z1_i = 0 is drawn; in the h1 plane
    (separator defaults to on there), the output layer's line w2·h + b2 = 0. domains: fixed x and y
    ranges instead of this plane's own (a replay keeps one pair for the run: geometry.run_plane_domains).
    legend: where the legends sit ("bottom" or "right"); brief: the subtitle's first line only (a narrow
    chart on a slide: the rest stays in the alt text).
    """
    frames = plane_frames(flat, activation, hidden, lang, stage, units, separator, highlight, domains, legend, brief,
                          target)  # fmt: skip
    return plane_chart(frames, lang)


def plane_frames(
    flat: np.ndarray,
    activation: str,
    hidden: int,
    lang: str,
    stage: str,
    units: tuple[int, int] = (0, 1),
    separator: bool | None = None,
    highlight: int | None = None,
    domains: tuple[list[float], list[float]] | None = None,
    legend: str = "bottom",
    brief: bool = False,
    target: tuple[int, ...] | None = None,
) -> dict[str, object]:
    """space_plane's inputs (vega.Frames): its DataFrames, and the rest of what its spec depends on."""
    units = check_units(hidden, units)
    grid = warped_grid(flat, activation, hidden, stage, units)
    pts_ab = stage_coords(flat, activation, hidden, stage, XOR_POINTS, units)
    x_title, y_title = _unit_axis_titles(stage, hidden, units, lang)
    if separator is None:
        separator = stage == "h1"
    xd, yd = domains or plane_domains(flat, activation, hidden, stage, units, grid, pts_ab, bool(separator))
    rule_df = []
    if separator and stage == "h1":
        seg = clip_line(*output_line(flat, activation, hidden, units), xd, yd)
        if seg:
            rule_df.append({"x": seg[0][0], "y": seg[0][1], "x2": seg[1][0], "y2": seg[1][1], "what": "out"})
    if stage == "input":
        p = unflatten(np.asarray(flat, dtype=np.float32), hidden)
        for u in sorted(set(units if hidden > 1 else (0,))):
            seg = clip_line(float(p["W1"][u, 0]), float(p["W1"][u, 1]), float(p["b1"][u]), xd, yd)
            if seg:
                rule_df.append({"x": seg[0][0], "y": seg[0][1], "x2": seg[1][0], "y2": seg[1][1], "what": f"z{u}"})
    rdf: pd.DataFrame | None = None
    names: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()
    if rule_df:
        rdf = pd.DataFrame(rule_df)
        label = {"out": t(lang, "ch_out_line")}
        for u in range(hidden):
            label[f"z{u}"] = t(lang, "ch_unit_line", unit=u + 1)
        rdf["name"] = rdf["what"].map(label)
        names = tuple(dict.fromkeys(rdf["name"]))
        colors = tuple(palette.ACCENT if w == "out" else palette.UNIT_LINES[k % 2] for k, w in enumerate(rdf["what"]))
    desc = t(lang, f"{STAGE_TITLE[stage]}_desc")
    if stage == "input":
        desc += " " + unit_lines_sentence(flat, hidden, lang, units)
    if stage == "h1":
        desc += " " + t(lang, f"ch_h1_grid_{activation}")
        if separator:
            desc += " " + output_line_sentence(flat, activation, hidden, lang, units, domains)
    subtitle = _plane_subtitle(stage, hidden, units, lang, bool(separator))[: 1 if brief else None]
    return {
        "grid": grid,
        "rules": rdf,
        **points_frames(points_df(pts_ab[:, 0], pts_ab[:, 1], lang, target), highlight=highlight),
        "x_domain": tuple(xd),
        "y_domain": tuple(yd),
        "x_title": x_title,
        "y_title": y_title,
        "input_ticks": stage == "input",  # the input plane keeps its own square window with ticks on 0, 0.5, 1
        "y_labels": hidden > 1 or stage == "input",
        "line_names": names,
        "line_colors": colors,
        "title": t(lang, STAGE_TITLE[stage]),
        "subtitle": tuple(subtitle),
        "legend": legend,
        "description": " ".join([desc, *_plane_subtitle(stage, hidden, units, lang, bool(separator), False)]),
    }


def plane_chart(frames: dict, lang: str) -> alt.LayerChart:
    """space_plane over plane_frames' inputs."""
    ticks: dict[str, object] = {"values": [-0.5, 0, 0.5, 1, 1.5]} if frames["input_ticks"] else {}
    xd, yd = list(frames["x_domain"]), list(frames["y_domain"])
    x_title, y_title = frames["x_title"], frames["y_title"]
    xs, ys = alt.Scale(domain=xd, nice=False, zero=False), alt.Scale(domain=yd, nice=False, zero=False)
    family = alt.Color(
        "family:N",
        scale=alt.Scale(domain=["x1", "x2"], range=[palette.NEUTRAL, "#A0A0A0"]),
        legend=None,
    )
    lines = (
        alt.Chart(frames["grid"])
        .mark_line(clip=True, strokeWidth=1.2, opacity=0.8)
        .encode(
            x=alt.X("a:Q", scale=xs, axis=style.axis(x_title, **ticks)),
            y=alt.Y("b:Q", scale=ys, axis=style.axis(y_title, labels=frames["y_labels"], **ticks)),
            detail=alt.Detail("line:N"),
            order=alt.Order("order:Q"),
            color=family,
            strokeWidth=alt.StrokeWidth("edge:N", scale=alt.Scale(domain=[False, True], range=[1.0, 2.6]), legend=None),
        )
    )
    layers: list[alt.Chart | alt.LayerChart] = [lines]
    if frames["rules"] is not None:
        names = list(frames["line_names"])
        layers.append(
            alt.Chart(frames["rules"])
            .mark_rule(strokeWidth=3.5, strokeDash=[8, 4])
            .encode(
                x=alt.X("x:Q", scale=xs),
                y=alt.Y("y:Q", scale=ys),
                x2=alt.X2("x2:Q"),
                y2=alt.Y2("y2:Q"),
                stroke=alt.Stroke(
                    "name:N",
                    scale=alt.Scale(domain=names, range=list(frames["line_colors"])[: len(names)]),
                    legend=style.legend(t(lang, "ch_lines"), orient=str(frames["legend"]), direction="vertical"),
                ),
            )
        )
    layers.append(points_layer_of(frames, lang, x_title, y_title, str(frames["legend"])))
    return (
        alt.layer(*layers)
        .resolve_scale(color="independent", stroke="independent", strokeWidth="independent")
        .properties(
            width=CHART_SIZE,
            height=CHART_SIZE if frames["y_labels"] else 160,
            autosize=AUTOSIZE,
            title=style.title(frames["title"], list(frames["subtitle"])),
            description=frames["description"],
        )
    )


def unit_lines_sentence(flat: np.ndarray, hidden: int, lang: str, units: tuple[int, int] = (0, 1)) -> str:
    """Which shown hidden units' lines z1 = 0 space_plane draws on the input plane, and which lie outside it."""
    p = unflatten(np.asarray(flat, dtype=np.float32), hidden)
    box = [PLANE[0] - 0.1, PLANE[1] + 0.1]
    shown = sorted(set(units if hidden > 1 else (0,)))
    drawn = [u for u in shown if clip_line(float(p["W1"][u, 0]), float(p["W1"][u, 1]), float(p["b1"][u]), box, box)]
    out = []
    if drawn:
        out.append(t(lang, "ch_unit_lines_drawn", units=", ".join(str(u + 1) for u in drawn)))
    missing = [u for u in shown if u not in drawn]
    if missing:
        out.append(t(lang, "ch_unit_lines_outside", units=", ".join(str(u + 1) for u in missing)))
    return " ".join(out)


def output_line_sentence(flat: np.ndarray, activation: str, hidden: int, lang: str, units: tuple[int, int] = (0, 1),
                         domains: tuple[list[float], list[float]] | None = None) -> str:  # fmt: skip
    """'The dashed green line is where z2 = 0' if hidden_plane draws it (over `domains` if given), else that it lies outside."""
    drawn = output_line_shown(flat, activation, hidden, units, domains)
    key = "ch_h1_line_drawn" if drawn else "ch_h1_line_outside"
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


def hidden_plane(
    flat: np.ndarray,
    activation: str,
    hidden: int,
    lang: str,
    units: tuple[int, int] = (0, 1),
    highlight: int | None = None,
    domains: tuple[list[float], list[float]] | None = None,
    legend: str = "bottom",
    brief: bool = False,
    target: tuple[int, ...] | None = None,
) -> alt.LayerChart:
    """The four points in the h1 plane, the warped input grid, and the output's line w2·h + b2 = 0."""
    return space_plane(flat, activation, hidden, lang, "h1", units, separator=True, highlight=highlight,
                       domains=domains, legend=legend, brief=brief, target=target)  # fmt: skip


def output_axis(y_pred: np.ndarray, lang: str, highlight: int | None = None) -> alt.LayerChart:
    """The four predictions on a 0..1 axis with the 0.5 threshold; points coloured by target."""
    yp = np.asarray(y_pred, dtype=float).reshape(-1)
    df = points_df(yp, np.array([3, 2, 1, 0], dtype=float), lang)
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
            x=alt.X("x:Q", scale=base, axis=style.axis(x_title, values=[0, 0.25, 0.5, 0.75, 1], format=".2~f")),
            x2=alt.X2("x2:Q"),
            color=alt.Color(
                "side:N",
                scale=alt.Scale(domain=list(half["side"]), range=[palette.CLASS[0], palette.CLASS[1]]),
                legend=style.legend(t(lang, "ch_threshold"), orient="bottom", direction="horizontal"),
            ),
        )
    )
    pts = points_layer(df, lang, x_title, t(lang, "ch_input"), highlight=highlight)
    pts_chart = pts.encode(y=alt.Y("b:Q", scale=yscale, axis=None))
    return (
        alt.layer(bands, rule, pts_chart)
        .resolve_scale(color="independent")
        .properties(
            width=CHART_SIZE,
            height=200,
            autosize=AUTOSIZE,
            title=style.title(t(lang, "ch_output_title")),
            description=t(lang, "ch_output_desc"),
        )
    )
