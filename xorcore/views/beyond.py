"""Charts of the views beyond the lecture: the four inputs' shares, the loss along a step, zero_grad's curves.

Same styling as the other views (style.py: projector-size fonts per axis, fit-x autosize, Okabe-Ito palette);
each chart's description is its alt text, with the numbers it shows.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import numpy as np
import pandas as pd

from .. import palette
from ..data import ROW_LABELS
from ..loss_slice import Slice
from ..numfmt import num
from ..shares import Shares
from ..text import t
from . import style
from .boundary import boundary_sentence, decision_boundary
from .curves import ROW_COLORS
from .planes import hidden_plane, output_line_sentence

BAR_ROW = 26  # px per bar row of the shares chart


def shares_frame(s: Shares, indices: list[int], lang: str) -> pd.DataFrame:
    """Waterfall rows: for each parameter, each input's share from the running sum before it to after, then the sum."""
    rows = []
    for j in indices:
        name, run = s.names[j], 0.0
        for i in range(s.n):
            v = float(s.shares[i, j])
            rows.append(
                {"param": name, "part": ROW_LABELS[i], "start": run, "end": run + v, "value": v, "kind": "share"}
            )
            run += v
        total = float(s.batch[j])
        rows.append(
            {"param": name, "part": t(lang, "bx_sum"), "start": 0.0, "end": total, "value": total, "kind": "sum"}
        )
    return pd.DataFrame(rows)


def shares_chart(s: Shares, indices: list[int], lang: str, description: str) -> alt.LayerChart:
    """Each parameter's band: the four inputs' signed shares laid end to end, then the batch gradient (black)."""
    df = shares_frame(s, indices, lang)
    parts = [*ROW_LABELS[: s.n], t(lang, "bx_sum")]
    colors = [*ROW_COLORS[: s.n], "#000000"]
    params = list(dict.fromkeys(df["param"]))
    y = alt.Y("param:N", sort=params, axis=style.axis(t(lang, "bx_ax_param")))
    yoff = alt.YOffset("part:N", sort=parts, scale=alt.Scale(domain=parts, paddingInner=0.15))
    x = alt.X("start:Q", axis=style.axis(t(lang, "bx_ax_share"), format=".3f"))
    tip = [
        alt.Tooltip("param:N", title=t(lang, "bx_ax_param")),
        alt.Tooltip("part:N", title=t(lang, "bx_ax_part")),
        alt.Tooltip("value:Q", title=t(lang, "bx_ax_value"), format=".6f"),
    ]
    bars = (
        alt.Chart(df)
        .mark_bar(stroke="black", strokeWidth=0.6)
        .encode(
            x=x,
            x2=alt.X2("end:Q"),
            y=y,
            yOffset=yoff,
            color=alt.Color(
                "part:N",
                scale=alt.Scale(domain=parts, range=colors),
                sort=parts,
                legend=style.legend(t(lang, "bx_ax_part"), orient="bottom", direction="horizontal"),
            ),
            tooltip=tip,
        )
    )
    sums = df[df["kind"] == "sum"]
    ticks = (
        alt.Chart(sums)
        .mark_tick(color=palette.ACCENT, thickness=4, size=BAR_ROW * (s.n + 1))
        .encode(x=alt.X("end:Q"), y=alt.Y("param:N", sort=params), tooltip=tip)
    )
    labels = (
        alt.Chart(sums.assign(text=[num(v, 4) for v in sums["value"]]))
        .mark_text(align="left", dx=6, fontSize=palette.FONT_SIZE, fontWeight="bold", color=palette.ACCENT)
        .encode(x=alt.X("end:Q"), y=alt.Y("param:N", sort=params), text=alt.Text("text:N"))
    )
    zero = alt.Chart(pd.DataFrame({"z": [0.0]})).mark_rule(color=palette.NEUTRAL).encode(x=alt.X("z:Q"))
    return alt.layer(zero, bars, ticks, labels).properties(
        width=480,
        height=BAR_ROW * (s.n + 1) * len(params),
        autosize=style.AUTOSIZE,
        title=style.title(t(lang, "bx_shares_title"), t(lang, "bx_shares_sub")),
        description=description,
    )


def slice_chart(sl: Slice, lang: str, description: str) -> alt.LayerChart:
    """L(θ − η d) against η, the tangent of slope −∇L·d at 0, the start level, and the chosen η."""
    ok = np.isfinite(sl.loss)
    df = pd.DataFrame({"eta": sl.eta[ok], "loss": sl.loss[ok]})
    lo, hi = float(df["loss"].min()), float(df["loss"].max())
    pad = 0.08 * (hi - lo if hi > lo else 1.0)
    ys = alt.Scale(domain=[lo - pad, hi + pad], nice=False, zero=False)
    xs = alt.Scale(domain=[0.0, float(sl.eta[-1])], nice=False)
    x = alt.X("eta:Q", scale=xs, axis=style.axis(t(lang, "bx_ax_eta")))
    y = alt.Y("loss:Q", scale=ys, axis=style.axis(t(lang, "bx_ax_loss")))
    what = [t(lang, "bx_line_slice"), t(lang, "bx_line_tangent"), t(lang, "bx_line_start")]
    color = alt.Color(
        "what:N",
        scale=alt.Scale(domain=what, range=[palette.POS, palette.NEG, palette.NEUTRAL]),
        legend=style.legend("", orient="bottom", direction="horizontal"),
    )
    dash = alt.StrokeDash("what:N", scale=alt.Scale(domain=what, range=[[1, 0], [7, 4], [2, 3]]), legend=None)
    end = float(sl.eta[-1])
    tangent_end = min(end, (lo - pad - sl.loss0) / sl.slope0) if sl.slope0 < 0 else end  # stay inside the plot
    lines = pd.concat(
        [
            df.assign(what=what[0]),
            pd.DataFrame({"eta": [0.0, tangent_end], "loss": [sl.loss0, sl.loss0 + sl.slope0 * tangent_end]}).assign(
                what=what[1]
            ),
            pd.DataFrame({"eta": [0.0, end], "loss": [sl.loss0, sl.loss0]}).assign(what=what[2]),
        ],
        ignore_index=True,
    )
    tip = [alt.Tooltip("eta:Q", title="η", format=".3f"), alt.Tooltip("loss:Q", title="L", format=".6f")]
    curve = alt.Chart(lines).mark_line(strokeWidth=3, clip=True).encode(x=x, y=y, color=color, strokeDash=dash)
    hover = alt.Chart(df).mark_point(opacity=0, size=60).encode(x=x, y=y, tooltip=tip)
    mark = pd.DataFrame(
        {"eta": [sl.chosen], "loss": [sl.chosen_loss], "text": [t(lang, "bx_chosen", eta=f"{sl.chosen:g}")]}
    )
    dot = (
        alt.Chart(mark)
        .mark_point(filled=True, size=220, color=palette.ACCENT, stroke="black", strokeWidth=1.5, opacity=1)
        .encode(x=x, y=y, tooltip=tip)
    )
    rule = alt.Chart(mark).mark_rule(color=palette.ACCENT, strokeWidth=2.5).encode(x=x)
    text = (
        alt.Chart(mark)
        .mark_text(align="left", dx=10, dy=-14, fontSize=palette.FONT_SIZE, fontWeight="bold", color=palette.ACCENT)
        .encode(x=x, y=y, text=alt.Text("text:N"))
    )
    return alt.layer(curve, hover, rule, dot, text).properties(
        width=480,
        height=300,
        autosize=style.AUTOSIZE,
        title=style.title(t(lang, "bx_slice_title"), t(lang, "bx_slice_sub")),
        description=description,
    )


def zero_grad_chart(losses: np.ndarray, lang: str, title: str, domain: list[float], color: str) -> alt.LayerChart:
    """One loop's loss per epoch (nan epochs left out) on a given y domain, so two of them compare side by side."""
    ok = np.isfinite(losses)
    df = pd.DataFrame({"epoch": np.arange(len(losses))[ok], "loss": losses[ok]})
    x = alt.X(
        "epoch:Q", scale=alt.Scale(domain=[0, len(losses)], nice=False), axis=style.axis(t(lang, "train_ax_epoch"))
    )
    y = alt.Y("loss:Q", scale=alt.Scale(domain=domain, nice=False), axis=style.axis(t(lang, "train_ax_loss")))
    last = df.iloc[[-1]] if len(df) else df
    tip = [alt.Tooltip("epoch:Q", title=t(lang, "train_ax_epoch")), alt.Tooltip("loss:Q", title="L", format=".6f")]
    line = alt.Chart(df).mark_line(color=color, strokeWidth=3, clip=True).encode(x=x, y=y, tooltip=tip)
    dot = alt.Chart(last).mark_point(filled=True, size=120, color=color, opacity=1).encode(x=x, y=y, tooltip=tip)
    desc = t(
        lang,
        "lp_curve_desc",
        title=title,
        end=len(losses) - 1,
        last=num(float(df["loss"].iloc[-1]), 4) if len(df) else "—",
    )
    return alt.layer(line, dot).properties(
        width=360, height=240, autosize=style.AUTOSIZE, title=style.title(title), description=desc
    )


# The planes drawn before | after a step, and what each one's alt text adds (its line, where it is drawn).
PLANES: dict[str, Callable[..., alt.LayerChart]] = {"bx_boundary": decision_boundary, "bx_hidden": hidden_plane}
LINES: dict[str, Callable[..., str]] = {"bx_boundary": boundary_sentence, "bx_hidden": output_line_sentence}


def plane_before_after(
    key: str, flat: np.ndarray, activation: str, hidden: int, lang: str, title: str, when: str
) -> alt.LayerChart:
    """PLANES[key] of flat θ (the decision boundary or the hidden plane) titled for 'before' or 'after' the step
    (`when`, as the alt text says it), its alt text saying where its line is."""
    chart = PLANES[key](flat, activation, hidden, lang)
    line = LINES[key](flat, activation, hidden, lang)
    return chart.properties(title=style.title(title), description=t(lang, key + "_alt", when=when, line=line))
