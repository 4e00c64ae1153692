"""Training curves of a History (Altair): loss, accuracy, predictions, parameters, gradient norm, pinned runs.

The data come from series.py (thinned, non-finite points left out); the chosen epoch is marked on every curve.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from .. import palette
from ..data import ROW_LABELS, TARGET
from ..series import (
    MAX_POINTS,
    accuracy_frame,
    accuracy_series,
    grad_frame,
    loss_frame,
    overlay_frame,
    param_frame,
    pred_frame,
)
from ..text import t
from ..train import History
from . import style
from .epochs import curve_legend, epoch_axis, epoch_hover, epoch_marker, marker_frames, marker_layers

CURVE_HEIGHT = 260

CHART_WIDTH = 480  # nominal: st.altair_chart(width="stretch") fits it to the column

# The four inputs: target-0 rows in orange / vermillion, target-1 rows in sky blue / blue (Okabe-Ito),
# so a line's colour says which target it should reach.
ROW_COLORS = ("#E69F00", "#56B4E9", "#0072B2", "#D55E00")

GROUP_COLORS = {"W1": palette.SERIES[0], "b1": palette.SERIES[2], "W2": palette.SERIES[1], "b2": palette.SERIES[3]}


def value_y(field: str, title_key: str, log: bool, lang: str) -> alt.Y:
    """A curve's y: log or linear from 0, titled by title_key (its "_log" twin when log)."""
    scale = alt.Scale(type="log") if log else alt.Scale(zero=True)
    return alt.Y(f"{field}:Q", scale=scale, axis=style.axis(t(lang, f"{title_key}_log" if log else title_key)))


def loss_chart(
    hist: History,
    lang: str,
    epoch: int | None = None,
    log: bool = False,
    max_points: int = MAX_POINTS,
    height: int = CURVE_HEIGHT,
    hover: bool = True,
    keep: bool = True,
) -> alt.LayerChart:
    """Loss per epoch (linear or log y), hover tooltip (epoch, loss), and a marker at `epoch`.

    hover=False leaves the hover layers out, keep=False the marker's epoch from the curve's points (loss_frames):
    a lighter chart for frames of a replay.
    """
    return loss_chart_of(loss_frames(hist, lang, epoch, log, max_points, keep), hist, lang, log, height, hover)


def loss_frames(
    hist: History,
    lang: str,
    epoch: int | None = None,
    log: bool = False,
    max_points: int = MAX_POINTS,
    keep: bool = True,
) -> dict[str, pd.DataFrame | None]:
    """loss_chart's data at an epoch: the curve and the marker (vega.Frames; the rest of its spec is the run's).

    keep: the marker's epoch is one of the curve's points. keep=False (a replay's frames): the curve is the same
    sample at every epoch, so the browser, which skips a dataset whose bytes did not change, does not redraw it.
    """
    value = hist.loss_at(epoch) if epoch is not None else None
    curve = loss_frame(hist, epoch if keep else None, log, max_points)
    return {"curve": curve, **marker_frames(epoch, value, "loss", lang)}


def loss_chart_of(
    frames: dict[str, pd.DataFrame | None],
    hist: History,
    lang: str,
    log: bool = False,
    height: int = CURVE_HEIGHT,
    hover: bool = True,
) -> alt.LayerChart:
    """loss_chart over loss_frames' data."""
    df = frames["curve"]
    assert df is not None
    y = value_y("loss", "train_ax_loss", log, lang)
    x = epoch_axis(hist, lang)
    tip = [alt.Tooltip("epoch:Q", title=t(lang, "train_ax_epoch")), alt.Tooltip("loss:Q", title="loss", format=".6f")]
    line = alt.Chart(df).mark_line(color=palette.POS, strokeWidth=3).encode(x=x, y=y)
    layers = [line, *(epoch_hover(df, x, y, "loss_hover", tip) if hover else [])]
    layers += marker_layers(frames, y, ".6f")
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        autosize=style.AUTOSIZE,
        height=height,
        title=style.title(t(lang, "train_loss_title"), t(lang, "train_loss_sub")),
        description=t(lang, "train_loss_desc"),
    )


def accuracy_chart(hist: History, lang: str, epoch: int | None = None, max_points: int = MAX_POINTS) -> alt.LayerChart:
    """Accuracy (share of the four inputs correct, outcome.correct) per epoch."""
    df = accuracy_frame(hist, epoch, max_points)
    y = alt.Y(
        "accuracy:Q",
        scale=alt.Scale(domain=[0, 1.05], nice=False),
        axis=style.axis(t(lang, "train_ax_accuracy"), format="%", values=[0, 0.25, 0.5, 0.75, 1]),
    )
    x = epoch_axis(hist, lang)
    tip = [
        alt.Tooltip("epoch:Q", title=t(lang, "train_ax_epoch")),
        alt.Tooltip("accuracy:Q", title=t(lang, "train_ax_accuracy"), format=".0%"),
    ]
    line = alt.Chart(df).mark_line(color=palette.ACCENT, strokeWidth=3, interpolate="step-after").encode(x=x, y=y)
    layers = [line, *epoch_hover(df, x, y, "acc_hover", tip)]
    value = float(accuracy_series(hist)[epoch]) if epoch is not None else None
    layers += epoch_marker(epoch, value, y, lang, ".0%")
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        autosize=style.AUTOSIZE,
        height=CURVE_HEIGHT - 60,
        title=style.title(t(lang, "train_acc_title")),
        description=t(lang, "train_acc_desc"),
    )


def prediction_chart(
    hist: History, lang: str, epoch: int | None = None, max_points: int = MAX_POINTS
) -> alt.LayerChart:
    """Each input's y_pred per epoch (4 lines) against its target (dashed lines at 0 and 1)."""
    df = pred_frame(hist, epoch, max_points)
    labels = [f"{r} → {int(y)}" for r, y in zip(ROW_LABELS, TARGET, strict=True)]
    df["series"] = df["row"].map(dict(enumerate(labels)))
    pscale = alt.Scale(domain=[-0.02, 1.02], nice=False)
    y = alt.Y("y_pred:Q", scale=pscale, axis=style.axis(t(lang, "train_ax_pred"), values=[0, 0.25, 0.5, 0.75, 1]))
    color = alt.Color(
        "series:N",
        scale=alt.Scale(domain=labels, range=list(ROW_COLORS)),
        legend=curve_legend(t(lang, "train_legend_input"), orient="bottom", columns=2),
    )
    # The target lines, labelled just inside the plot (below 1, above 0).
    targets = pd.DataFrame(
        {
            "y_pred": [0.0, 1.0],
            "text_y": [0.07, 0.93],
            "label": [t(lang, "train_target_line", y=0), t(lang, "train_target_line", y=1)],
        }
    )
    ref = alt.Chart(targets).mark_rule(color="#555555", strokeDash=[8, 5], strokeWidth=2).encode(y=y)
    ref_text = (
        alt.Chart(targets)
        .mark_text(align="right", baseline="middle", x="width", dx=-4, fontSize=palette.FONT_SIZE - 3, color="#555555")
        .encode(y=alt.Y("text_y:Q", scale=pscale), text=alt.Text("label:N"))
    )
    half = alt.Chart(pd.DataFrame({"y_pred": [0.5]})).mark_rule(color=palette.NEUTRAL, strokeDash=[2, 3]).encode(y=y)
    lines = (
        alt.Chart(df)
        .mark_line(strokeWidth=3)
        .encode(
            x=epoch_axis(hist, lang),
            y=y,
            color=color,
            tooltip=[
                alt.Tooltip("input:N", title=t(lang, "train_col_input")),
                alt.Tooltip("target:Q", title=t(lang, "train_col_target")),
                alt.Tooltip("epoch:Q", title=t(lang, "train_ax_epoch")),
                alt.Tooltip("y_pred:Q", title=t(lang, "train_ax_pred"), format=".4f"),
            ],
        )
    )
    layers: list[alt.Chart] = [half, ref, ref_text, lines]
    if epoch is not None:
        layers += epoch_marker(epoch, None, y, lang, ".4f")
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        autosize=style.AUTOSIZE,
        height=CURVE_HEIGHT,
        title=style.title(t(lang, "train_pred_title")),
        description=t(lang, "train_pred_desc"),
    )


def params_chart(hist: History, lang: str, epoch: int | None = None, max_points: int = MAX_POINTS) -> alt.LayerChart:
    """Every parameter's value per epoch, coloured by layer (W1, b1, W2, b2); the tooltip names each one."""
    df = param_frame(hist, epoch, max_points)
    groups = list(GROUP_COLORS)
    color = alt.Color(
        "group:N",
        scale=alt.Scale(domain=groups, range=[GROUP_COLORS[g] for g in groups]),
        legend=curve_legend(t(lang, "train_legend_layer"), orient="bottom", columns=4),
    )
    dash = alt.StrokeDash(
        "group:N", scale=alt.Scale(domain=groups, range=[[1, 0], [6, 3], [1, 0], [6, 3]]), legend=None
    )
    y = alt.Y("value:Q", axis=style.axis(t(lang, "train_ax_param")))
    lines = (
        alt.Chart(df)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=epoch_axis(hist, lang),
            y=y,
            color=color,
            strokeDash=dash,
            detail=alt.Detail("param:N"),
            tooltip=[
                alt.Tooltip("param:N", title=t(lang, "train_param")),
                alt.Tooltip("epoch:Q", title=t(lang, "train_ax_epoch")),
                alt.Tooltip("value:Q", title=t(lang, "train_ax_param"), format=".4f"),
            ],
        )
    )
    layers: list[alt.Chart] = [lines]
    if epoch is not None:
        layers += epoch_marker(epoch, None, y, lang, ".4f")
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        autosize=style.AUTOSIZE,
        height=CURVE_HEIGHT + 40,
        title=style.title(t(lang, "train_params_title"), t(lang, "train_params_sub")),
        description=t(lang, "train_params_desc"),
    )


def grad_norm_chart(
    hist: History, lang: str, epoch: int | None = None, log: bool = True, max_points: int = MAX_POINTS
) -> alt.LayerChart:
    """||dL/dθ||₂ per epoch (log y by default: it spans orders of magnitude)."""
    df = grad_frame(hist, epoch, log, max_points)
    y = value_y("grad_norm", "train_ax_grad", log, lang)
    x = epoch_axis(hist, lang)
    tip = [
        alt.Tooltip("epoch:Q", title=t(lang, "train_ax_epoch")),
        alt.Tooltip("grad_norm:Q", title=t(lang, "train_ax_grad"), format=".3e"),
    ]
    line = alt.Chart(df).mark_line(color=palette.SERIES[3], strokeWidth=2.5).encode(x=x, y=y)
    layers = [line, *epoch_hover(df, x, y, "grad_hover", tip)]
    value = float(hist.grad_norm[epoch]) if epoch is not None and epoch < hist.epochs_run else None
    layers += epoch_marker(epoch, value, y, lang, ".3e")
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        autosize=style.AUTOSIZE,
        height=CURVE_HEIGHT - 60,
        title=style.title(t(lang, "train_grad_title"), t(lang, "train_grad_sub")),
        description=t(lang, "train_grad_desc"),
    )


def overlay_chart(
    runs: Sequence[tuple[str, History]],
    lang: str,
    log: bool = False,
    current: str | None = None,
    max_points: int = MAX_POINTS,
) -> alt.LayerChart:
    """Loss curves of several runs in one chart, one colour per run label; `current` drawn thicker."""
    df = overlay_frame(runs, log, max_points)
    labels = list(dict.fromkeys(label for label, _ in runs))
    colors = [palette.SERIES[i % len(palette.SERIES)] for i in range(len(labels))]
    widths = [4.5 if label == current else 2.5 for label in labels]
    hi = max([hist.epochs_run for _, hist in runs] + [1])
    x = alt.X(
        "epoch:Q", scale=alt.Scale(domain=[0, hi], nice=False), axis=style.axis(t(lang, "train_ax_epoch"), format="d")
    )
    y = value_y("loss", "train_ax_loss", log, lang)
    lines = (
        alt.Chart(df)
        .mark_line()
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "run:N",
                scale=alt.Scale(domain=labels, range=colors),
                sort=labels,
                legend=curve_legend(t(lang, "train_legend_run"), orient="bottom", direction="vertical"),
            ),
            strokeWidth=alt.StrokeWidth(
                "run:N", scale=alt.Scale(domain=labels, range=widths), sort=labels, legend=None
            ),
            tooltip=[
                alt.Tooltip("run:N", title=t(lang, "train_legend_run")),
                alt.Tooltip("epoch:Q", title=t(lang, "train_ax_epoch")),
                alt.Tooltip("loss:Q", title="loss", format=".6f"),
            ],
        )
    )
    return alt.layer(lines).properties(
        width=CHART_WIDTH,
        autosize=style.AUTOSIZE,
        height=CURVE_HEIGHT + 60,
        title=style.title(t(lang, "train_overlay_title"), t(lang, "train_overlay_sub")),
        description=t(lang, "train_overlay_desc", n=len(labels)),
    )
