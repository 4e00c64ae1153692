"""Training-curve charts (Altair) and tables from a History: loss, accuracy, predictions, parameters,
gradient norm, pinned-run overlay. No streamlit here.

A History of n epochs has per-epoch values for epochs 0..n-1 (each epoch's forward pass, before its
update) and the trained model at epoch n (final_pred, final_loss, params[n]). The curves run over
0..n so that the scrubber's last position (the trained model) sits on the line; a diverged run's
curves (and scrubber) stop at n-1, the last epoch whose model is finite. Long runs are
thinned to at most `max_points` epochs per line, always keeping both ends and the chosen epoch, whose
value is exact. Points that are not finite (a diverged run) are left out, never drawn as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import numpy as np
import pandas as pd

from . import palette
from .data import ROW_LABELS, TARGET
from .model import param_names
from .outcome import correct
from .text import t
from .train import History

MAX_POINTS = 1000  # per line: enough for a 1280-px-wide chart, small enough to redraw while playing
CURVE_HEIGHT = 260
CHART_WIDTH = 480  # nominal: st.altair_chart(width="stretch") fits it to the column
# Fit the width only: with Streamlit's default ("fit"), titles, axes and legends are squeezed into
# `height` and the plot shrinks; fit-x keeps the plot `height` tall and adds them around it.
FIT_X = alt.AutoSizeParams(type="fit-x", contains="padding")
# The four inputs: target-0 rows in orange / vermillion, target-1 rows in sky blue / blue (Okabe-Ito),
# so a line's colour says which target it should reach.
ROW_COLORS = ("#E69F00", "#56B4E9", "#0072B2", "#D55E00")
GROUP_COLORS = {"W1": palette.SERIES[0], "b1": palette.SERIES[2], "W2": palette.SERIES[1], "b2": palette.SERIES[3]}


# ---------------------------------------------------------------- data


def last_epoch(hist: History) -> int:
    """The last epoch whose model is finite: epochs_run, or the epoch before the divergence."""
    if hist.diverged_at is None:
        return hist.epochs_run
    return max(hist.epochs_run - 1, 0)


def sample_epochs(n: int, max_points: int = MAX_POINTS, keep: Iterable[int] = ()) -> np.ndarray:
    """Sorted epochs of 0..n-1 to draw: all if n <= max_points, else evenly spaced, ends and `keep` included."""
    if n <= 0:
        return np.zeros(0, dtype=int)
    even = np.round(np.linspace(0, n - 1, min(n, max_points))).astype(int)  # includes 0 and n-1
    idx = np.unique(even)
    extra = np.array([k for k in keep if 0 <= k < n], dtype=int)
    return np.union1d(idx, extra).astype(int)


def loss_series(hist: History) -> np.ndarray:
    """Loss at epochs 0..last_epoch(h): each epoch's forward pass, then (unless diverged) the trained model's."""
    return np.append(hist.loss.astype(np.float64), hist.final_loss)[: last_epoch(hist) + 1]


def accuracy_series(hist: History) -> np.ndarray:
    """Share of the four rows correct (outcome.correct) at epochs 0..last_epoch(hist) (nan where y_pred is not)."""
    pred = pred_series(hist)
    acc = correct(pred).mean(axis=1)
    return np.where(np.isfinite(pred).all(axis=1), acc, np.nan)


def pred_series(hist: History) -> np.ndarray:
    """(last_epoch(h)+1, 4) y_pred of each input at epochs 0..last_epoch(h)."""
    full = np.vstack([hist.pred.astype(np.float64).reshape(-1, 4), hist.final_pred.astype(np.float64)[None]])
    return full[: last_epoch(hist) + 1]


def grad_series(hist: History) -> np.ndarray:
    """(n,) gradient norm at epochs 0..n-1 (the trained model has no update, so no gradient)."""
    return hist.grad_norm.astype(np.float64)


def _frame(epochs: np.ndarray, values: np.ndarray, name: str, positive: bool = False) -> pd.DataFrame:
    """epoch + one value column at the given epochs, non-finite (and, for log scales, <= 0) rows dropped."""
    v = values[epochs]
    ok = np.isfinite(v) & ((v > 0) if positive else True)
    return pd.DataFrame({"epoch": epochs[ok], name: v[ok]})


def loss_frame(
    hist: History, epoch: int | None = None, log: bool = False, max_points: int = MAX_POINTS
) -> pd.DataFrame:
    """Columns epoch, loss: the plotted loss curve (finite points; positive ones on a log scale)."""
    s = loss_series(hist)
    return _frame(sample_epochs(len(s), max_points, _keep(epoch)), s, "loss", positive=log)


def accuracy_frame(hist: History, epoch: int | None = None, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Columns epoch, accuracy (0..1)."""
    s = accuracy_series(hist)
    return _frame(sample_epochs(len(s), max_points, _keep(epoch)), s, "accuracy")


def grad_frame(
    hist: History, epoch: int | None = None, log: bool = False, max_points: int = MAX_POINTS
) -> pd.DataFrame:
    """Columns epoch, grad_norm."""
    s = grad_series(hist)
    return _frame(sample_epochs(len(s), max_points, _keep(epoch)), s, "grad_norm", positive=log)


def pred_frame(hist: History, epoch: int | None = None, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Long format: epoch, row (0..3), input '(0,1)', target, y_pred; non-finite points dropped."""
    s = pred_series(hist)
    ep = sample_epochs(len(s), max_points, _keep(epoch))
    parts = []
    for r in range(4):
        v = s[ep, r]
        ok = np.isfinite(v)
        parts.append(
            pd.DataFrame({"epoch": ep[ok], "row": r, "input": ROW_LABELS[r], "target": int(TARGET[r]), "y_pred": v[ok]})
        )
    return pd.concat(parts, ignore_index=True)


def param_frame(hist: History, epoch: int | None = None, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Long format: epoch, param ('W1[0,1]'), group ('W1'), value, for every parameter at epochs 0..last_epoch(h)."""
    names = param_names(hist.config.hidden)
    ep = sample_epochs(last_epoch(hist) + 1, max_points, _keep(epoch))
    parts = []
    for j, name in enumerate(names):
        v = hist.params[ep, j].astype(np.float64)
        ok = np.isfinite(v)
        parts.append(pd.DataFrame({"epoch": ep[ok], "param": name, "group": name.split("[")[0], "value": v[ok]}))
    return pd.concat(parts, ignore_index=True)


def overlay_frame(runs: Sequence[tuple[str, History]], log: bool = False, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Long format: run (label), epoch, loss: one loss curve per run."""
    parts = [loss_frame(hist, log=log, max_points=max_points).assign(run=label) for label, hist in runs]
    if not parts:
        return pd.DataFrame({"epoch": [], "loss": [], "run": []})
    return pd.concat(parts, ignore_index=True)


def predictions_table(hist: History, epoch: int, lang: str) -> pd.DataFrame:
    """The four inputs at an epoch: input, target, y_pred (exact, from History), rounded class, right or not."""
    pred = hist.pred_at(epoch).astype(np.float64)
    ok = np.isfinite(pred)
    cls = np.where(ok, (pred > 0.5).astype(float), np.nan)
    right = [t(lang, "tr_yes" if r else "tr_no") for r in correct(pred)]
    return pd.DataFrame(
        {
            t(lang, "tr_col_input"): list(ROW_LABELS),
            t(lang, "tr_col_target"): TARGET.astype(int),
            t(lang, "tr_col_pred"): pred,
            t(lang, "tr_col_class"): cls,
            t(lang, "tr_col_right"): right,
        }
    )


# What the lecture's cell 1 printed; that cell sets no seed, so these come from a start nobody can reproduce.
LECTURE_CELL1_PRED = (0.01603173, 0.9808172, 0.9807922, 0.03328492)


def printout(pred: np.ndarray) -> str:
    """y_pred as the lecture's cell 1 prints it: a (4, 1) numpy array, e.g. '[[0.00984497]\\n [0.98945695] ...]'."""
    return np.array2string(np.asarray(pred, dtype=np.float32).reshape(-1, 1))


def _keep(epoch: int | None) -> tuple[int, ...]:
    return () if epoch is None else (int(epoch),)


# ---------------------------------------------------------------- styling


def _axis(title: str, **kw: object) -> alt.Axis:
    """An axis with projector-size fonts."""
    return alt.Axis(title=title, labelFontSize=palette.FONT_SIZE, titleFontSize=palette.FONT_SIZE,
                    labelColor=palette.TEXT, titleColor=palette.TEXT, **kw)  # fmt: skip


def _legend(title: str, **kw: object) -> alt.Legend:
    """A legend with projector-size fonts."""
    kw.setdefault("labelLimit", 420)
    return alt.Legend(title=title, labelFontSize=palette.FONT_SIZE, titleFontSize=palette.FONT_SIZE,
                      labelColor=palette.TEXT, titleColor=palette.TEXT, **kw)  # fmt: skip


def _title(text: str, subtitle: str | None = None) -> alt.Title:
    """A chart title (and optional subtitle) with projector-size fonts."""
    kw: dict[str, object] = {"fontSize": palette.TITLE_SIZE, "anchor": "start"}
    if subtitle:
        kw.update(subtitle=subtitle, subtitleFontSize=palette.FONT_SIZE, subtitleColor="#444444")
    return alt.Title(text, **kw)


def _epoch_x(hist: History, lang: str) -> alt.X:
    """The shared x axis: epochs 0..n (n = the trained model)."""
    hi = max(hist.epochs_run, 1)
    return alt.X("epoch:Q", scale=alt.Scale(domain=[0, hi], nice=False), axis=_axis(t(lang, "tr_ax_epoch"), format="d"))


def _marker(epoch: int | None, y_value: float | None, y_field: alt.Y, lang: str, fmt: str) -> list[alt.Chart]:
    """The chosen epoch: a vertical rule, and a dot with its value where that value is finite."""
    if epoch is None:
        return []
    rule_df = pd.DataFrame({"epoch": [int(epoch)], "label": [t(lang, "tr_marker", epoch=int(epoch))]})
    layers: list[alt.Chart] = [
        alt.Chart(rule_df).mark_rule(color=palette.ACCENT, strokeWidth=3).encode(x=alt.X("epoch:Q")),
        alt.Chart(rule_df)
        .mark_text(
            align="left",
            baseline="top",
            dx=6,
            dy=4,
            fontSize=palette.FONT_SIZE,
            color=palette.ACCENT,
            fontWeight="bold",
        )
        .encode(x=alt.X("epoch:Q"), y=alt.YValue(0), text=alt.Text("label:N")),
    ]
    if y_value is not None and np.isfinite(y_value):
        field = y_field.to_dict()["field"]
        dot_df = pd.DataFrame({"epoch": [int(epoch)], field: [float(y_value)]})
        layers.append(
            alt.Chart(dot_df)
            .mark_point(filled=True, size=160, color=palette.ACCENT, stroke="black", strokeWidth=1.5, opacity=1)
            .encode(
                x=alt.X("epoch:Q"), y=y_field, tooltip=[alt.Tooltip("epoch:Q"), alt.Tooltip(f"{field}:Q", format=fmt)]
            )
        )
    return layers


def _hover(df: pd.DataFrame, x: alt.X, y: alt.Y, name: str, tooltip: list[alt.Tooltip]) -> list[alt.Chart]:
    """Nearest-epoch hover: an invisible point per epoch carries the tooltip; a grey rule and a dot follow it."""
    sel = alt.selection_point(
        name=name, nearest=True, on="pointerover", fields=["epoch"], empty=False, clear="pointerout"
    )
    base = alt.Chart(df).encode(x=x, y=y)
    catcher = base.mark_point(size=80, opacity=0).encode(tooltip=tooltip).add_params(sel)
    rule = alt.Chart(df).mark_rule(color=palette.NEUTRAL, strokeDash=[4, 3]).encode(x=x).transform_filter(sel)
    dot = base.mark_point(filled=True, size=90, color="black", opacity=1).transform_filter(sel)
    return [catcher, rule, dot]


# ---------------------------------------------------------------- charts


def loss_chart(
    hist: History,
    lang: str,
    epoch: int | None = None,
    log: bool = False,
    max_points: int = MAX_POINTS,
    height: int = CURVE_HEIGHT,
    hover: bool = True,
) -> alt.LayerChart:
    """Loss per epoch (linear or log y), hover tooltip (epoch, loss), and a marker at `epoch`.

    hover=False leaves the hover layers out (a lighter chart for frames of a replay).
    """
    df = loss_frame(hist, epoch, log, max_points)
    y = alt.Y(
        "loss:Q",
        scale=alt.Scale(type="log") if log else alt.Scale(zero=True),
        axis=_axis(t(lang, "tr_ax_loss_log" if log else "tr_ax_loss")),
    )
    x = _epoch_x(hist, lang)
    tip = [alt.Tooltip("epoch:Q", title=t(lang, "tr_ax_epoch")), alt.Tooltip("loss:Q", title="loss", format=".6f")]
    line = alt.Chart(df).mark_line(color=palette.POS, strokeWidth=3).encode(x=x, y=y)
    layers = [line, *(_hover(df, x, y, "loss_hover", tip) if hover else [])]
    value = hist.loss_at(epoch) if epoch is not None else None
    layers += _marker(epoch, value, y, lang, ".6f")
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        autosize=FIT_X,
        height=height,
        title=_title(t(lang, "tr_loss_title"), t(lang, "tr_loss_sub")),
        description=t(lang, "tr_loss_desc"),
    )


def accuracy_chart(hist: History, lang: str, epoch: int | None = None, max_points: int = MAX_POINTS) -> alt.LayerChart:
    """Accuracy (share of the four inputs correct, outcome.correct) per epoch."""
    df = accuracy_frame(hist, epoch, max_points)
    y = alt.Y(
        "accuracy:Q",
        scale=alt.Scale(domain=[0, 1.05], nice=False),
        axis=_axis(t(lang, "tr_ax_accuracy"), format="%", values=[0, 0.25, 0.5, 0.75, 1]),
    )
    x = _epoch_x(hist, lang)
    tip = [
        alt.Tooltip("epoch:Q", title=t(lang, "tr_ax_epoch")),
        alt.Tooltip("accuracy:Q", title=t(lang, "tr_ax_accuracy"), format=".0%"),
    ]
    line = alt.Chart(df).mark_line(color=palette.ACCENT, strokeWidth=3, interpolate="step-after").encode(x=x, y=y)
    layers = [line, *_hover(df, x, y, "acc_hover", tip)]
    value = float(accuracy_series(hist)[epoch]) if epoch is not None else None
    layers += _marker(epoch, value, y, lang, ".0%")
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        autosize=FIT_X,
        height=CURVE_HEIGHT - 60,
        title=_title(t(lang, "tr_acc_title")),
        description=t(lang, "tr_acc_desc"),
    )


def prediction_chart(
    hist: History, lang: str, epoch: int | None = None, max_points: int = MAX_POINTS
) -> alt.LayerChart:
    """Each input's y_pred per epoch (4 lines) against its target (dashed lines at 0 and 1)."""
    df = pred_frame(hist, epoch, max_points)
    labels = [f"{r} → {int(y)}" for r, y in zip(ROW_LABELS, TARGET, strict=True)]
    df["series"] = df["row"].map(dict(enumerate(labels)))
    pscale = alt.Scale(domain=[-0.02, 1.02], nice=False)
    y = alt.Y("y_pred:Q", scale=pscale, axis=_axis(t(lang, "tr_ax_pred"), values=[0, 0.25, 0.5, 0.75, 1]))
    color = alt.Color(
        "series:N",
        scale=alt.Scale(domain=labels, range=list(ROW_COLORS)),
        legend=_legend(t(lang, "tr_legend_input"), orient="bottom", columns=2),
    )
    # The target lines, labelled just inside the plot (below 1, above 0).
    targets = pd.DataFrame(
        {
            "y_pred": [0.0, 1.0],
            "text_y": [0.07, 0.93],
            "label": [t(lang, "tr_target_line", y=0), t(lang, "tr_target_line", y=1)],
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
            x=_epoch_x(hist, lang),
            y=y,
            color=color,
            tooltip=[
                alt.Tooltip("input:N", title=t(lang, "tr_col_input")),
                alt.Tooltip("target:Q", title=t(lang, "tr_col_target")),
                alt.Tooltip("epoch:Q", title=t(lang, "tr_ax_epoch")),
                alt.Tooltip("y_pred:Q", title=t(lang, "tr_ax_pred"), format=".4f"),
            ],
        )
    )
    layers: list[alt.Chart] = [half, ref, ref_text, lines]
    if epoch is not None:
        layers += _marker(epoch, None, y, lang, ".4f")
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        autosize=FIT_X,
        height=CURVE_HEIGHT,
        title=_title(t(lang, "tr_pred_title")),
        description=t(lang, "tr_pred_desc"),
    )


def params_chart(hist: History, lang: str, epoch: int | None = None, max_points: int = MAX_POINTS) -> alt.LayerChart:
    """Every parameter's value per epoch, coloured by layer (W1, b1, W2, b2); the tooltip names each one."""
    df = param_frame(hist, epoch, max_points)
    groups = list(GROUP_COLORS)
    color = alt.Color(
        "group:N",
        scale=alt.Scale(domain=groups, range=[GROUP_COLORS[g] for g in groups]),
        legend=_legend(t(lang, "tr_legend_layer"), orient="bottom", columns=4),
    )
    dash = alt.StrokeDash(
        "group:N", scale=alt.Scale(domain=groups, range=[[1, 0], [6, 3], [1, 0], [6, 3]]), legend=None
    )
    y = alt.Y("value:Q", axis=_axis(t(lang, "tr_ax_param")))
    lines = (
        alt.Chart(df)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=_epoch_x(hist, lang),
            y=y,
            color=color,
            strokeDash=dash,
            detail=alt.Detail("param:N"),
            tooltip=[
                alt.Tooltip("param:N", title=t(lang, "tr_param")),
                alt.Tooltip("epoch:Q", title=t(lang, "tr_ax_epoch")),
                alt.Tooltip("value:Q", title=t(lang, "tr_ax_param"), format=".4f"),
            ],
        )
    )
    layers: list[alt.Chart] = [lines]
    if epoch is not None:
        layers += _marker(epoch, None, y, lang, ".4f")
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        autosize=FIT_X,
        height=CURVE_HEIGHT + 40,
        title=_title(t(lang, "tr_params_title"), t(lang, "tr_params_sub")),
        description=t(lang, "tr_params_desc"),
    )


def grad_norm_chart(
    hist: History, lang: str, epoch: int | None = None, log: bool = True, max_points: int = MAX_POINTS
) -> alt.LayerChart:
    """||dL/dθ||₂ per epoch (log y by default: it spans orders of magnitude)."""
    df = grad_frame(hist, epoch, log, max_points)
    y = alt.Y(
        "grad_norm:Q",
        scale=alt.Scale(type="log") if log else alt.Scale(zero=True),
        axis=_axis(t(lang, "tr_ax_grad_log" if log else "tr_ax_grad")),
    )
    x = _epoch_x(hist, lang)
    tip = [
        alt.Tooltip("epoch:Q", title=t(lang, "tr_ax_epoch")),
        alt.Tooltip("grad_norm:Q", title=t(lang, "tr_ax_grad"), format=".3e"),
    ]
    line = alt.Chart(df).mark_line(color=palette.SERIES[3], strokeWidth=2.5).encode(x=x, y=y)
    layers = [line, *_hover(df, x, y, "grad_hover", tip)]
    value = float(hist.grad_norm[epoch]) if epoch is not None and epoch < hist.epochs_run else None
    layers += _marker(epoch, value, y, lang, ".3e")
    return alt.layer(*layers).properties(
        width=CHART_WIDTH,
        autosize=FIT_X,
        height=CURVE_HEIGHT - 60,
        title=_title(t(lang, "tr_grad_title"), t(lang, "tr_grad_sub")),
        description=t(lang, "tr_grad_desc"),
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
    x = alt.X("epoch:Q", scale=alt.Scale(domain=[0, hi], nice=False), axis=_axis(t(lang, "tr_ax_epoch"), format="d"))
    y = alt.Y(
        "loss:Q",
        scale=alt.Scale(type="log") if log else alt.Scale(zero=True),
        axis=_axis(t(lang, "tr_ax_loss_log" if log else "tr_ax_loss")),
    )
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
                legend=_legend(t(lang, "tr_legend_run"), orient="bottom", direction="vertical"),
            ),
            strokeWidth=alt.StrokeWidth(
                "run:N", scale=alt.Scale(domain=labels, range=widths), sort=labels, legend=None
            ),
            tooltip=[
                alt.Tooltip("run:N", title=t(lang, "tr_legend_run")),
                alt.Tooltip("epoch:Q", title=t(lang, "tr_ax_epoch")),
                alt.Tooltip("loss:Q", title="loss", format=".6f"),
            ],
        )
    )
    return alt.layer(lines).properties(
        width=CHART_WIDTH,
        autosize=FIT_X,
        height=CURVE_HEIGHT + 60,
        title=_title(t(lang, "tr_overlay_title"), t(lang, "tr_overlay_sub")),
        description=t(lang, "tr_overlay_desc", n=len(labels)),
    )


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
