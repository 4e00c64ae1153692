"""Backprop page: the gradients revealed backwards, the computation graph, the finite-difference check, the update.

Layout only: the manual update and the slides after it are app_pages/_backprop.py, its walk app_pages/_walk.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from app_pages._backprop import fmt8, loss_slice, manual_update
from app_pages._flow import flow_size, flow_view
from app_pages._network import network_view
from app_pages._quiz import Ask, with_quiz
from app_pages._sections import Section, more, presenting, show, wide_net
from app_pages._shared import config, lang, number_table, tr, upright
from app_pages._views import grad_shares_view, local_upstream_view
from app_pages._walk import ETA, setting, valid
from xorcore import Config, build_model, finite_differences
from xorcore import trace as trace_of
from xorcore.backprop_rows import (
    PARAM_STEPS,
    STEPS,
    act_prime_latex,
    equation,
    grad_frame,
    hidden_labels,
    identity_latex,
    row_autograd,
    row_by_hand,
    row_share,
)
from xorcore.data import ROW_LABELS
from xorcore.dead import is_dead
from xorcore.numfmt import array_text
from xorcore.quiz import BIG_ETA, SMALL_ETA, largest_grad, layers, step_lowers, w2_sign
from xorcore.views.flow import COMPACT, backward_flow
from xorcore.views.graph import computation_graph

NAMES = {"d_y_pred": "dL/dy_pred", "d_z2": "dL/dz2", "d_W2": "dL/dW2", "d_b2": "dL/db2",
         "d_h1": "dL/dh1", "d_z1": "dL/dz1", "d_W1": "dL/dW1", "d_b1": "dL/db1"}  # fmt: skip

cfg = config()
model = build_model(cfg)  # the lecture's cell 2: the untrained model of this seed
trace = trace_of(model)
digits = 6 if cfg.hidden <= 2 else (4 if cfg.hidden <= 4 else 3)  # keep wide matrices on screen


def use_rows(chosen: int | None) -> None:
    """The gradients every step shows: the batch's (None, as the lecture) or one input row's share."""
    global row, auto_all, hand_all, auto_label
    row = chosen
    if row is None:
        auto_all, hand_all, auto_label = trace.grads, trace.by_hand, tr("bp_autograd")
    else:
        auto_all, hand_all = row_autograd(model, row), row_by_hand(trace, row)
        auto_label = tr("bp_autograd_row", row=ROW_LABELS[row])


def intro() -> None:
    """The page's title, the lecture's sentence and the loss the gradients start from (reading mode)."""
    st.title(tr("page_backprop"))
    st.info(tr("story_backward"), icon=":material/school:")
    top = st.columns([3, 1], vertical_alignment="center")
    top[0].markdown(tr("bp_intro", loss=f"{trace.loss:.4f}"))
    top[1].metric(tr("bp_loss_metric"), f"{trace.loss:.4f}")


def rows_control() -> None:
    """Which rows the gradients are of: the batch or one input (reading mode; a slide shows the batch)."""
    choice = st.segmented_control(
        tr("rows_label"), [-1, 0, 1, 2, 3], key="bp_rows", default=-1, required=True,
        format_func=lambda r: tr("all_rows") if r == -1 else tr("one_row", row=ROW_LABELS[r]),
    )  # fmt: skip
    use_rows(None if choice in (None, -1) else int(choice))
    st.caption(tr("notation"))
    if row is None:
        st.caption(tr("bp_batch_note"))
    else:
        st.caption(tr("bp_row_note", i=row + 1, row=ROW_LABELS[row]))


use_rows(None)


def draw(k: int) -> None:
    """Gradient step k (1..8) in its own container: the signal's path on the network, the equation, the tables.

    A slide, of a net of any width: the picture takes the width (a wider net's compact), the equation of the units it
    draws under it, the explanation and autograd beside by hand folded under it (the largest difference stays in
    sight); reading mode: the explanation first, everything open. The computation graph (too small to read beside
    the numbers) is the reading mode's.
    """
    step = STEPS[k - 1]
    with st.container(key=f"step-backprop-{k}"), st.container():
        slide = presenting()
        if not slide:
            with more():
                st.markdown(tr("bp_x_" + step))
        flow(k)
        # on a slide dL/dz2's identity and dL/dz1's f' sit beside the chain rule (one above the other is too tall)
        beside = slide and step in ("d_z2", "d_z1")
        eq_box, id_box = (
            st.columns([1, 1] if step == "d_z2" else [3, 1]) if beside else (st.container(), st.container())
        )
        drawn = COMPACT if slide else None  # a slide: the units its picture draws (a wider net's others as ⋯)
        eq_box.latex(equation(trace, step, cfg.activation, row=row, digits=digits, units=drawn))
        if step == "d_z1":
            id_box.caption(tr("bp_act_prime", act=tr("act_" + cfg.activation)))
            id_box.latex(act_prime_latex(cfg.activation))
        if step == "d_z2":
            id_box.caption(tr("bp_identity"))
            id_box.latex(identity_latex(trace, row=row, digits=digits))
            if not slide:
                st.info(tr("bp_lecture_note"), icon=":material/lightbulb:")
        if not slide:
            tables(step)
            return
        fold, side = st.columns([3, 2], vertical_alignment="center")
        with fold, more():
            st.markdown(tr("bp_x_" + step))
            tables(step, metric=False)
        side.markdown(f"{tr('bp_maxdiff')}: **{diff(step)}**")


def flow(k: int) -> None:
    """Step k's gradient on the network, where it lives (the chosen row's numbers, or the batch's)."""
    dot = backward_flow(trace, k, cfg.activation, row, digits=digits, size=flow_size())
    flow_view("backprop", k, dot, backward=True, row=row, hidden=cfg.hidden)


def diff(step: str) -> str:
    """The largest difference between autograd and by hand for this step, as written."""
    auto, hand = getattr(auto_all, step), getattr(hand_all, step)
    return f"{float(np.abs(auto - hand).max()):.1e}"


def tables(step: str, metric: bool = True) -> None:
    """Autograd beside by hand (and their largest difference unless metric=False), with the row's note."""
    auto, hand = getattr(auto_all, step), getattr(hand_all, step)
    auto_frame, hand_frame = upright(grad_frame(step, auto, row)), upright(grad_frame(step, hand, row))
    if len(auto_frame.columns) <= 2:  # side by side in a third of the page each
        left, mid, right = st.columns([3, 3, 2], vertical_alignment="center")
    else:  # 3+ units, or 4 inputs across (turned): too wide for a third at 1280 px; one under the other
        left, mid, right = st.container(), st.container(), st.container()
    left.markdown(f"**{auto_label}**")
    number_table(left, auto_frame)
    mid.markdown(f"**{tr('bp_by_hand')}**")
    number_table(mid, hand_frame)
    if metric:
        right.metric(tr("bp_maxdiff"), diff(step))
    if row is not None and step in PARAM_STEPS:
        st.caption(tr("bp_row_sum", value=array_text(getattr(trace.grads, step))))


def graph() -> None:
    """The computation graph with every value and gradient."""
    st.graphviz_chart(
        computation_graph(trace, row, lang(), activation=cfg.activation),
        width="stretch",
        alt=tr("bp_graph_alt"),
    )


def graph_section() -> None:
    """The computation graph of the rows chosen above (reading mode)."""
    which = tr("bp_graph_batch") if row is None else tr("bp_graph_row", row=ROW_LABELS[row])
    st.caption(tr("bp_graph_caption", which=which))
    graph()


# ---------------------------------------------------------------- gradients on the network
def network_grads() -> None:
    """The network diagram with every parameter's gradient."""
    shown = trace.grads if row is None else row_share(trace.grads, trace, row)
    dead = is_dead(trace.z1).tolist() if cfg.activation == "relu" else None
    which = tr("bp_network_batch") if row is None else tr("bp_network_row", row=ROW_LABELS[row])
    small = wide_net(cfg.hidden)  # a wide net on a slide: the diagram compact, its numbers in a table beside it
    st.caption(tr("bp_network_caption_compact" if small else "bp_network_caption", which=which))
    if dead and any(dead):
        units = ", ".join(h for h, d in zip(hidden_labels(cfg.hidden), dead, strict=True) if d)
        st.warning(tr("bp_dead_note", units=units), icon=":material/heart_broken:")
    network_view(
        {"W1": trace.W1, "b1": trace.b1, "W2": trace.W2, "b2": trace.b2},
        grads={"W1": shown.d_W1, "b1": shown.d_b1, "W2": shown.d_W2, "b2": shown.d_b2},
        dead=dead, dead_label=tr("bp_dead"), alt=tr("bp_network_alt"), width="content", compact=small,
    )  # fmt: skip


# ---------------------------------------------------------------- finite differences
@st.cache_data(max_entries=64, show_spinner=False)
def central(c: Config) -> list[tuple[str, float, float]]:
    """xorcore.finite_differences of c's untrained model (PyTorch's, once per setting: a rerun only reads it)."""
    return finite_differences(build_model(c))


def finite_check() -> None:
    """Central differences beside autograd for every parameter."""
    st.caption(tr("bp_fd_caption"))
    fd = pd.DataFrame(central(cfg), columns=["p", "fd", "ag"])
    fd["diff"] = (fd["fd"] - fd["ag"]).abs()
    fd.columns = [tr("bp_fd_param"), tr("bp_fd_central"), tr("bp_fd_autograd"), tr("bp_fd_diff")]
    fd_left, fd_right = st.columns([4, 1], vertical_alignment="center")
    fd_left.dataframe(
        fd.style.format({fd.columns[1]: fmt8, fd.columns[2]: fmt8, fd.columns[3]: "{:.1e}"}), hide_index=True
    )
    fd_right.metric(tr("bp_fd_max"), f"{float(fd[fd.columns[3]].max()):.1e}")


stepped = valid(st.session_state.get("bp_eta", ETA))  # the update section's η (a slide forgets it: the walk's)


def planes_title() -> str:
    """The planes' title: before and after the manual update's step (its η as the update section left it)."""
    return tr("bx_h_before_after", eta=f"{setting(cfg)[0]:g}")


def step_title(k: int) -> str:
    """Gradient step k's title, e.g. '3. dL/dW2 — ...'."""
    return f"{k}. {NAMES[STEPS[k - 1]]} — {tr('bp_t_' + STEPS[k - 1])}"


ASKS = {
    "step-3": [Ask("w2-sign", lambda: w2_sign(trace))],
    "step-7": [Ask("layers", lambda: layers(trace))],
    "network": [Ask("largest-grad", lambda: largest_grad(trace))],
    "update": [
        Ask("step-small", lambda: step_lowers(model, SMALL_ETA)),
        Ask("step-big", lambda: step_lowers(model, BIG_ETA)),
    ],
}
show("backprop", with_quiz("backprop", [
    Section("intro", intro, slide=False),
    Section("gradients", rows_control, tr("bp_h_grads"), slide=False),
    *(Section(f"step-{k}", lambda k=k: draw(k), step_title(k), sub=True) for k in range(1, len(STEPS) + 1)),
    Section("graph", graph_section, tr("bp_h_graph"), slide=False),
    Section("network", network_grads, tr("bp_h_network")),
    Section("shares", lambda: grad_shares_view(model), tr("bx_h_shares")),  # beyond the lecture: each input's share
    Section("local-upstream", lambda: local_upstream_view(trace, row, cfg.activation), tr("bx_h_local")),
    Section("finite-differences", finite_check, tr("bp_h_fd")),
    Section("update", lambda: manual_update(model, trace.loss), tr("bp_h_update")),
    # the loss along the step just taken, the planes before and after it (reading mode: once a step is taken)
    Section("slice", lambda: loss_slice(model, trace.loss, "slice"), tr("bx_h_slice"), reading=stepped, sub=True),
    Section("planes", lambda: loss_slice(model, trace.loss, "planes"), planes_title, reading=stepped, sub=True),
], ASKS))  # fmt: skip
