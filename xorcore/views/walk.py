"""The Backprop page's manual walk: the loss after each gradient-descent step, and its alt text."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from .. import palette
from ..text import t


def walk_chart(losses: Sequence[float], lang: str) -> alt.Chart:
    """The loss after each manual gradient-descent step (step 0: the untrained model); NaN steps left out."""
    df = pd.DataFrame({"step": range(len(losses)), "loss": losses})
    df = df[np.isfinite(df["loss"])]
    x_title, y_title = t(lang, "bp_chart_x"), t(lang, "bp_chart_y")
    return (
        alt.Chart(df, title=t(lang, "bp_chart_title"), description=walk_alt(losses, lang))
        .mark_line(point=alt.OverlayMarkDef(size=90, color=palette.ACCENT), color=palette.ACCENT, strokeWidth=3)
        .encode(
            x=alt.X("step:Q", title=x_title, axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(zero=False)),
            tooltip=[alt.Tooltip("step:Q", title=x_title), alt.Tooltip("loss:Q", title=y_title, format=".6f")],
        )
        .properties(height=300)
        .configure_axis(
            labelFontSize=palette.FONT_SIZE,
            titleFontSize=palette.FONT_SIZE,
            labelColor=palette.TEXT,
            titleColor=palette.TEXT,
        )
        .configure_title(fontSize=palette.TITLE_SIZE)
    )


def walk_alt(losses: Sequence[float], lang: str) -> str:
    """The walk chart's text alternative: steps taken, first and last loss."""
    return t(lang, "bp_chart_alt", k=len(losses) - 1, first=f"{losses[0]:.4f}", last=f"{losses[-1]:.4f}")
