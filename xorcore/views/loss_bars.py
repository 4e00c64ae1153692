"""The loss per input: one bar per row's BCE term, and their mean."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from .. import palette
from ..data import ROW_LABELS
from ..losses import bce_terms
from ..text import t
from . import style
from .points import points_df
from .style import AUTOSIZE, CHART_SIZE


def loss_chart(y_pred: np.ndarray, loss: float, lang: str, legend: str = "bottom") -> alt.LayerChart:
    """One bar per input: its loss term; a dashed rule at the mean (the loss L)."""
    terms = bce_terms(np.asarray(y_pred).reshape(-1))
    df = points_df(terms, np.zeros(4), lang)
    x_title, y_title = t(lang, "ch_input"), t(lang, "ch_loss_term")
    bars = (
        alt.Chart(df)
        .mark_bar(stroke="black", strokeWidth=1.5, size=60)
        .encode(
            x=alt.X("input:N", sort=list(ROW_LABELS), axis=style.axis(x_title, labelAngle=0)),
            y=alt.Y("a:Q", axis=style.axis(y_title), scale=alt.Scale(domainMin=0)),
            color=alt.Color(
                "target:N",
                scale=alt.Scale(domain=[0, 1], range=[palette.CLASS[0], palette.CLASS[1]]),
                legend=style.legend(
                    t(lang, "ch_target"), orient=legend, direction="horizontal" if legend == "bottom" else "vertical"
                ),
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
        title=style.title(t(lang, "ch_loss_title"), t(lang, "ch_loss_mean", loss=float(loss))),
        description=t(lang, "ch_loss_desc"),
    )
