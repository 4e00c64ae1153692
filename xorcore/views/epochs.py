"""What every training curve shares: the epoch axis, the chosen epoch's marker, the hover, the legend."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from .. import palette
from ..text import t
from ..train import History
from . import style


def curve_legend(title: str, **kw: object) -> alt.Legend:
    """style.legend with labels cut at 420 px unless told otherwise (long run names in the pins overlay)."""
    kw.setdefault("labelLimit", 420)
    return style.legend(title, **kw)


def epoch_axis(hist: History, lang: str) -> alt.X:
    """The shared x axis: epochs 0..n (n = the trained model)."""
    hi = max(hist.epochs_run, 1)
    return alt.X(
        "epoch:Q", scale=alt.Scale(domain=[0, hi], nice=False), axis=style.axis(t(lang, "train_ax_epoch"), format="d")
    )


def marker_frames(epoch: int | None, y_value: float | None, field: str, lang: str) -> dict[str, pd.DataFrame | None]:
    """epoch_marker's data: the rule's row (epoch, label) and the dot's (epoch, `field`), None where not drawn."""
    if epoch is None:
        return {"marker": None, "marker_dot": None}
    rule_df = pd.DataFrame({"epoch": [int(epoch)], "label": [t(lang, "train_marker", epoch=int(epoch))]})
    dot_df = None
    if y_value is not None and np.isfinite(y_value):
        dot_df = pd.DataFrame({"epoch": [int(epoch)], field: [float(y_value)]})
    return {"marker": rule_df, "marker_dot": dot_df}


_MID = "(domain('x')[0] + domain('x')[1]) / 2"  # the middle of the chart's epoch axis (a Vega expression)


def marker_layers(frames: dict[str, pd.DataFrame | None], y_field: alt.Y, fmt: str) -> list[alt.Chart]:
    """epoch_marker's layers over marker_frames' data."""
    rule_df, dot_df = frames["marker"], frames["marker_dot"]
    if rule_df is None:
        return []
    layers: list[alt.Chart] = [
        alt.Chart(rule_df).mark_rule(color=palette.ACCENT, strokeWidth=3).encode(x=alt.X("epoch:Q")),
        alt.Chart(rule_df)
        .mark_text(
            # right of the rule in the chart's left half, left of it in the right half: a label running past the
            # plot would make the chart shrink its plot to fit it (the x axis jumped as a replay's marker moved)
            align=alt.ExprRef(f"datum.epoch > {_MID} ? 'right' : 'left'"),
            baseline="top",
            dx=alt.ExprRef(f"datum.epoch > {_MID} ? -6 : 6"),
            dy=4,
            fontSize=palette.FONT_SIZE,
            color=palette.ACCENT,
            fontWeight="bold",
        )
        .encode(x=alt.X("epoch:Q"), y=alt.YValue(0), text=alt.Text("label:N")),
    ]
    if dot_df is not None:
        field = y_field.to_dict()["field"]
        layers.append(
            alt.Chart(dot_df)
            .mark_point(filled=True, size=160, color=palette.ACCENT, stroke="black", strokeWidth=1.5, opacity=1)
            .encode(
                x=alt.X("epoch:Q"), y=y_field, tooltip=[alt.Tooltip("epoch:Q"), alt.Tooltip(f"{field}:Q", format=fmt)]
            )
        )
    return layers


def epoch_marker(epoch: int | None, y_value: float | None, y_field: alt.Y, lang: str, fmt: str) -> list[alt.Chart]:
    """The chosen epoch: a vertical rule, and a dot with its value where that value is finite."""
    if epoch is None:
        return []
    return marker_layers(marker_frames(epoch, y_value, y_field.to_dict()["field"], lang), y_field, fmt)


def epoch_hover(df: pd.DataFrame, x: alt.X, y: alt.Y, name: str, tooltip: list[alt.Tooltip]) -> list[alt.Chart]:
    """Nearest-epoch hover: an invisible point per epoch carries the tooltip; a grey rule and a dot follow it."""
    sel = alt.selection_point(
        name=name, nearest=True, on="pointerover", fields=["epoch"], empty=False, clear="pointerout"
    )
    base = alt.Chart(df).encode(x=x, y=y)
    catcher = base.mark_point(size=80, opacity=0).encode(tooltip=tooltip).add_params(sel)
    rule = alt.Chart(df).mark_rule(color=palette.NEUTRAL, strokeDash=[4, 3]).encode(x=x).transform_filter(sel)
    dot = base.mark_point(filled=True, size=90, color="black", opacity=1).transform_filter(sel)
    return [catcher, rule, dot]
