"""Backprop page: the gradients revealed backwards, the computation graph, the finite-difference check, the update."""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from app_pages._shared import config, lang, nav_links, reveal, show_steps, tr
from xorcore import LECTURE, build_model, finite_differences, manual_step, trace
from xorcore.backprop_rows import (
    PARAM_STEPS,
    STEPS,
    act_prime_latex,
    array_text,
    equation,
    grad_frame,
    hidden_labels,
    identity_latex,
    num,
    row_autograd,
    row_by_hand,
    row_share,
)
from xorcore.charts import n_clamped
from xorcore.data import ROW_LABELS
from xorcore.diagram import network
from xorcore.graph import computation_graph
from xorcore.model import flatten, load, param_names, unflatten
from xorcore.palette import ACCENT, FONT_SIZE, TITLE_SIZE
from xorcore.trace import loss_of

SCRIPT = "app_pages/3_backprop.py"
NAMES = {"d_y_pred": "dL/dy_pred", "d_z2": "dL/dz2", "d_W2": "dL/dW2", "d_b2": "dL/db2",
         "d_h1": "dL/dh1", "d_z1": "dL/dz1", "d_W1": "dL/dW1", "d_b1": "dL/db1"}  # fmt: skip
FMT6 = num  # six decimals, never "-0.000000"


def fmt8(v: float) -> str:
    """Eight decimals for the finite-difference table (the lecture prints 8)."""
    return num(v, 8)


cfg = config()
model = build_model(cfg)  # the lecture's cell 2: the untrained model of this seed
tc = trace(model)
digits = 6 if cfg.hidden <= 2 else (4 if cfg.hidden <= 4 else 3)  # keep wide matrices on screen

st.title(tr("page_backprop"))
st.info(tr("story_backward"), icon=":material/school:")
top = st.columns([3, 1], vertical_alignment="center")
top[0].markdown(tr("bp_intro", loss=f"{tc.loss:.4f}"))
top[1].metric(tr("bp_loss_metric"), f"{tc.loss:.4f}")

# ---------------------------------------------------------------- gradients, backwards
st.header(tr("bp_h_grads"))
choice = st.segmented_control(
    tr("rows_label"), [-1, 0, 1, 2, 3], key="bp_rows", default=-1, required=True,
    format_func=lambda r: tr("all_rows") if r == -1 else tr("one_row", row=ROW_LABELS[r]),
)  # fmt: skip
row = None if choice in (None, -1) else int(choice)
st.caption(tr("notation"))
if row is None:
    st.caption(tr("bp_batch_note"))
else:
    st.caption(tr("bp_row_note", i=row + 1, row=ROW_LABELS[row]))
n_show = reveal("bp", len(STEPS), SCRIPT)
stepping = n_show if st.session_state.get("bp_mode") == "step" else None  # the graph follows the reveal

if row is None:
    auto_all, hand_all = tc.grads, tc.by_hand
    auto_label = tr("bp_autograd")
else:
    auto_all, hand_all = row_autograd(model, row), row_by_hand(tc, row)
    auto_label = tr("bp_autograd_row", row=ROW_LABELS[row])


def draw(k: int) -> None:
    """Gradient step k (1..8): heading, explanation, equation, autograd beside by hand."""
    step = STEPS[k - 1]
    st.subheader(f"{k}. {NAMES[step]} — {tr('bp_t_' + step)}")
    st.markdown(tr("bp_x_" + step))
    st.latex(equation(tc, step, cfg.activation, row=row, digits=digits))
    if step == "d_z1":
        st.caption(tr("bp_act_prime", act=tr("act_" + cfg.activation)))
        st.latex(act_prime_latex(cfg.activation))
    if step == "d_z2":
        st.caption(tr("bp_identity"))
        st.latex(identity_latex(tc, row=row, digits=digits))
        st.info(tr("bp_lecture_note"), icon=":material/lightbulb:")
    auto, hand = getattr(auto_all, step), getattr(hand_all, step)
    left, mid, right = st.columns([3, 3, 2], vertical_alignment="center")
    left.markdown(f"**{auto_label}**")
    left.dataframe(grad_frame(step, auto, row).style.format(FMT6))
    mid.markdown(f"**{tr('bp_by_hand')}**")
    mid.dataframe(grad_frame(step, hand, row).style.format(FMT6))
    right.metric(tr("bp_maxdiff"), f"{float(np.abs(auto - hand).max()):.1e}")
    if row is not None and step in PARAM_STEPS:
        st.caption(tr("bp_row_sum", value=array_text(getattr(tc.grads, step))))


show_steps(n_show, draw)

# ---------------------------------------------------------------- computation graph
st.header(tr("bp_h_graph"))
which = tr("bp_graph_batch") if row is None else tr("bp_graph_row", row=ROW_LABELS[row])
st.caption(tr("bp_graph_caption", which=which))
st.graphviz_chart(
    computation_graph(tc, row, lang(), activation=cfg.activation, revealed=stepping),
    width="stretch",
    alt=tr("bp_graph_alt"),
)

if stepping is not None and n_show < len(STEPS):  # the rest would give the answers away
    st.info(tr("bp_rest_hidden"), icon=":material/visibility_off:")
    nav_links(SCRIPT)
    st.stop()

# ---------------------------------------------------------------- gradients on the network
st.header(tr("bp_h_network"))
shown = tc.grads if row is None else row_share(tc.grads, tc, row)
dead = (tc.z1 <= 0).all(axis=0).tolist() if cfg.activation == "relu" else None
which = tr("bp_network_batch") if row is None else tr("bp_network_row", row=ROW_LABELS[row])
st.caption(tr("bp_network_caption", which=which))
if dead and any(dead):
    units = ", ".join(h for h, d in zip(hidden_labels(cfg.hidden), dead, strict=True) if d)
    st.warning(tr("bp_dead_note", units=units), icon=":material/heart_broken:")
st.graphviz_chart(
    network(
        {"W1": tc.W1, "b1": tc.b1, "W2": tc.W2, "b2": tc.b2},
        grads={"W1": shown.d_W1, "b1": shown.d_b1, "W2": shown.d_W2, "b2": shown.d_b2},
        dead=dead, dead_label=tr("bp_dead"),
    ),
    alt=tr("bp_network_alt"),
)  # fmt: skip

# ---------------------------------------------------------------- finite differences
st.header(tr("bp_h_fd"))
st.caption(tr("bp_fd_caption"))
fd = pd.DataFrame(finite_differences(model), columns=["p", "fd", "ag"])
fd["diff"] = (fd["fd"] - fd["ag"]).abs()
fd.columns = [tr("bp_fd_param"), tr("bp_fd_central"), tr("bp_fd_autograd"), tr("bp_fd_diff")]
fd_left, fd_right = st.columns([4, 1], vertical_alignment="center")
fd_left.dataframe(fd.style.format({fd.columns[1]: fmt8, fd.columns[2]: fmt8, fd.columns[3]: "{:.1e}"}), hide_index=True)
fd_right.metric(tr("bp_fd_max"), f"{float(fd[fd.columns[3]].max()):.1e}")


# ---------------------------------------------------------------- manual update
def _take_step(walk: dict, eta: float, biases: bool) -> None:
    """Append one manual gradient-descent step to the walk (parameters and loss)."""
    new = manual_step(load(cfg, walk["flats"][-1]), eta, biases=biases)
    walk["flats"].append(flatten(new))
    walk["losses"].append(_safe_loss(new))


def _safe_loss(m) -> float:
    """The loss, or NaN when the parameters are no longer finite (BCE refuses NaN predictions)."""
    if not np.isfinite(flatten(m)).all():
        return float("nan")
    try:
        return loss_of(m)
    except RuntimeError:
        return float("nan")


def _y_pred(flat: np.ndarray) -> np.ndarray:
    """The four predictions at flat parameters."""
    return trace(load(cfg, flat)).y_pred


def _finite(walk: dict) -> bool:
    """Whether the latest parameters and loss are finite numbers."""
    return bool(np.isfinite(walk["flats"][-1]).all() and math.isfinite(walk["losses"][-1]))


st.header(tr("bp_h_update"))
st.info(tr("story_update"), icon=":material/school:")
st.markdown(tr("bp_update_intro"))
c_eta, c_bias = st.columns(2, vertical_alignment="bottom")
eta = c_eta.number_input(tr("bp_eta"), value=0.1, step=0.05, format="%g", key="bp_eta", help=tr("bp_eta_help"))
biases = c_bias.checkbox(tr("bp_biases"), value=True, key="bp_biases", help=tr("bp_biases_help"))

if eta is None or not math.isfinite(eta) or eta <= 0:
    st.error(tr("bp_eta_bad", eta="—" if eta is None else f"{eta:g}"), icon=":material/error:")
else:
    # The walk of manual steps lives in this session only, keyed by everything that defines it:
    # a change of settings, step size or "biases too" starts a new walk with one step.
    walk_key = (cfg, float(eta), bool(biases))
    walk = st.session_state.get("bp_walk")
    if walk is None or walk["key"] != walk_key:
        walk = {"key": walk_key, "flats": [flatten(model)], "losses": [tc.loss]}
        _take_step(walk, eta, biases)
    b_more, b_restart, b_count = st.columns([1, 1, 2], vertical_alignment="center")
    more = b_more.button(
        tr("bp_another"), key="bp_another", icon=":material/trending_down:", disabled=not _finite(walk)
    )
    if b_restart.button(tr("bp_restart"), key="bp_restart", icon=":material/restart_alt:"):
        walk = {"key": walk_key, "flats": walk["flats"][:1], "losses": walk["losses"][:1]}
        _take_step(walk, eta, biases)
    elif more and _finite(walk):
        _take_step(walk, eta, biases)
    st.session_state["bp_walk"] = walk
    k = len(walk["losses"]) - 1
    b_count.markdown(f"**{tr('bp_steps_taken', k=k)}**")

    before, after = walk["losses"][-2], walk["losses"][-1]
    if not _finite(walk):
        st.error(tr("bp_diverged", eta=f"{eta:g}"), icon=":material/error:")
    elif after > before:
        st.warning(tr("bp_loss_up", before=f"{before:.4f}", after=f"{after:.4f}", eta=f"{eta:g}"))
    elif after > walk["losses"][0]:
        st.warning(tr("bp_loss_above_start", start=f"{walk['losses'][0]:.4f}", after=f"{after:.4f}", eta=f"{eta:g}"))
    if _finite(walk):
        clamped = n_clamped(_y_pred(walk["flats"][-1]))
        if clamped:
            st.warning(tr("bp_clamp", k=clamped, loss=f"{after:.6f}"), icon=":material/vertical_align_top:")
    m1, m2 = st.columns(2)
    m1.metric(tr("bp_loss_before", k=k), f"{before:.6f}")
    m2.metric(tr("bp_loss_after", k=k), f"{after:.6f}", delta=f"{after - before:+.6f}", delta_color="inverse")

    prev_flat, new_flat = walk["flats"][-2], walk["flats"][-1]
    try:
        g = trace(load(cfg, prev_flat)).grads  # the gradient at the point the step started from
        grad_flat = np.concatenate([g.d_W1.ravel(), g.d_b1.ravel(), g.d_W2.ravel(), g.d_b2.ravel()])
    except RuntimeError:  # predictions that are not numbers: no gradient to show
        grad_flat = np.full_like(prev_flat, np.nan)
    names = param_names(cfg.hidden)
    updated = [biases or n.startswith("W") for n in names]
    table = pd.DataFrame({
        tr("bp_col_param"): names,
        tr("bp_col_before"): prev_flat.astype(float),
        tr("bp_col_grad"): grad_flat.astype(float),
        tr("bp_col_after"): new_flat.astype(float),
        tr("bp_col_updated"): [tr("bp_yes") if u else tr("bp_no") for u in updated],
    })  # fmt: skip
    st.caption(tr("bp_table_caption", k=k))
    t_left, t_right = st.columns([3, 2])
    t_left.dataframe(table.style.format(FMT6, subset=table.columns[1:4]), hide_index=True)
    new = unflatten(new_flat, cfg.hidden)
    t_right.markdown(f"**{tr('bp_updated_w1')}**")
    t_right.dataframe(grad_frame("d_W1", new["W1"]).style.format(FMT6))
    t_right.markdown(f"**{tr('bp_updated_w2')}**")
    t_right.dataframe(grad_frame("d_W2", new["W2"]).style.format(FMT6))
    # The lecture's cell 2 depends on the seed, the activation and the width only (not on the optimizer).
    lecture_model = (cfg.seed, cfg.activation, cfg.hidden) == (LECTURE.seed, LECTURE.activation, LECTURE.hidden)
    if k == 1 and not biases and math.isclose(eta, 0.1) and lecture_model:
        st.success(tr("bp_lecture_match"), icon=":material/check_circle:")

    losses = pd.DataFrame({"step": range(k + 1), "loss": walk["losses"]})
    losses = losses[np.isfinite(losses["loss"])]
    alt_text = tr("bp_chart_alt", k=k, first=f"{walk['losses'][0]:.4f}", last=f"{walk['losses'][-1]:.4f}")
    chart = (
        alt.Chart(losses, title=tr("bp_chart_title"), description=alt_text)
        .mark_line(point=alt.OverlayMarkDef(size=90, color=ACCENT), color=ACCENT, strokeWidth=3)
        .encode(
            x=alt.X("step:Q", title=tr("bp_chart_x"), axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y("loss:Q", title=tr("bp_chart_y"), scale=alt.Scale(zero=False)),
            tooltip=[alt.Tooltip("step:Q", title=tr("bp_chart_x")), alt.Tooltip("loss:Q", title=tr("bp_chart_y"),
                                                                                 format=".6f")],
        )
        .properties(height=300)
        .configure_axis(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE)
        .configure_title(fontSize=TITLE_SIZE)
    )  # fmt: skip
    st.altair_chart(chart, width="stretch")  # the chart's description is its accessible name
    st.caption(alt_text)

nav_links(SCRIPT)
