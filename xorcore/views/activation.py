"""The hidden activation and its derivative, as data and as a chart."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from .. import palette
from ..model import act_grad_np, act_np
from ..text import t
from . import style
from .style import AUTOSIZE, CHART_SIZE


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
            x=alt.X("z:Q", scale=xs, axis=style.axis(t(lang, "ch_z"))),
            y=alt.Y("value:Q", scale=ys, axis=style.axis(t(lang, "ch_value"))),
            color=alt.Color(
                "curve:N",
                scale=alt.Scale(domain=[f_lab, d_lab], range=[palette.POS, palette.NEG]),
                legend=style.legend("", orient="bottom", direction="horizontal"),
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
        title=style.title(t(lang, "ch_act_title", name=name)),
        description=t(lang, "ch_act_desc", name=name),
    )
