"""Backprop page: the gradients revealed backwards, the computation graph, the finite-difference check, the update."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import streamlit as st

from app_pages import _walk
from app_pages._shared import config, lang, nav_links, page_path, tr, upright
from app_pages._slides import deck, fit, more, presenting, title
from app_pages._views import grad_shares_view, local_upstream_view, loss_slice_view
from xorcore import LECTURE, build_model, finite_differences
from xorcore import trace as trace_of
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
from xorcore.data import ROW_LABELS
from xorcore.dead import is_dead
from xorcore.losses import n_clamped
from xorcore.model import load, param_names, unflatten
from xorcore.views.diagram import network
from xorcore.views.graph import computation_graph
from xorcore.views.walk import walk_alt, walk_chart

SCRIPT = page_path("backprop")
NAMES = {"d_y_pred": "dL/dy_pred", "d_z2": "dL/dz2", "d_W2": "dL/dW2", "d_b2": "dL/db2",
         "d_h1": "dL/dh1", "d_z1": "dL/dz1", "d_W1": "dL/dW1", "d_b1": "dL/db1"}  # fmt: skip
FMT6 = num  # six decimals, never "-0.000000"
ETA = 0.1  # the manual update's default step size: the lecture's
WALK_HEIGHT = 110  # the loss-per-step chart's plot on the update slide


def fmt8(v: float) -> str:
    """Eight decimals for the finite-difference table (the lecture prints 8)."""
    return num(v, 8)


cfg = config()
model = build_model(cfg)  # the lecture's cell 2: the untrained model of this seed
trace = trace_of(model)
digits = 6 if cfg.hidden <= 2 else (4 if cfg.hidden <= 4 else 3)  # keep wide matrices on screen

PRESENT = presenting()
row = None  # presentation mode: the batch, as the lecture
if not PRESENT:
    st.title(tr("page_backprop"))
    st.info(tr("story_backward"), icon=":material/school:")
    top = st.columns([3, 1], vertical_alignment="center")
    top[0].markdown(tr("bp_intro", loss=f"{trace.loss:.4f}"))
    top[1].metric(tr("bp_loss_metric"), f"{trace.loss:.4f}")

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

if row is None:
    auto_all, hand_all = trace.grads, trace.by_hand
    auto_label = tr("bp_autograd")
else:
    auto_all, hand_all = row_autograd(model, row), row_by_hand(trace, row)
    auto_label = tr("bp_autograd_row", row=ROW_LABELS[row])


def draw(k: int) -> None:
    """Gradient step k (1..8) in its own container: heading, explanation, equation, autograd beside by hand.

    A slide folds the explanation; the computation graph (too small to read beside the numbers) is
    the reading mode's.
    """
    step = STEPS[k - 1]
    with st.container(key=f"step-backprop-{k}"):
        title(f"{k}. {NAMES[step]} — {tr('bp_t_' + step)}", st.subheader)
        with st.container():
            with more():
                st.markdown(tr("bp_x_" + step))
            # on a slide dL/dz2's identity sits beside its chain rule (one above the other is taller than the screen)
            eq_box, id_box = st.columns(2) if PRESENT and step == "d_z2" else (st.container(), st.container())
            eq_box.latex(equation(trace, step, cfg.activation, row=row, digits=digits))
            if step == "d_z1":
                st.caption(tr("bp_act_prime", act=tr("act_" + cfg.activation)))
                st.latex(act_prime_latex(cfg.activation))
            if step == "d_z2":
                id_box.caption(tr("bp_identity"))
                id_box.latex(identity_latex(trace, row=row, digits=digits))
                if not PRESENT:
                    st.info(tr("bp_lecture_note"), icon=":material/lightbulb:")
            auto, hand = getattr(auto_all, step), getattr(hand_all, step)
            auto_frame, hand_frame = upright(grad_frame(step, auto, row)), upright(grad_frame(step, hand, row))
            if len(auto_frame.columns) <= 2:  # side by side in a third of the page each
                left, mid, right = st.columns([3, 3, 2], vertical_alignment="center")
            else:  # 3+ units, or 4 inputs across (turned): too wide for a third at 1280 px; one under the other
                left, mid, right = st.container(), st.container(), st.container()
            left.markdown(f"**{auto_label}**")
            left.dataframe(auto_frame.style.format(FMT6))
            mid.markdown(f"**{tr('bp_by_hand')}**")
            mid.dataframe(hand_frame.style.format(FMT6))
            right.metric(tr("bp_maxdiff"), f"{float(np.abs(auto - hand).max()):.1e}")
            if row is not None and step in PARAM_STEPS:
                st.caption(tr("bp_row_sum", value=array_text(getattr(trace.grads, step))))


def graph() -> None:
    """The computation graph with every value and gradient."""
    st.graphviz_chart(
        computation_graph(trace, row, lang(), activation=cfg.activation),
        width="stretch",
        alt=tr("bp_graph_alt"),
    )


if not PRESENT:
    for k in range(1, len(STEPS) + 1):
        draw(k)

    # ---------------------------------------------------------------- computation graph
    st.header(tr("bp_h_graph"))
    which = tr("bp_graph_batch") if row is None else tr("bp_graph_row", row=ROW_LABELS[row])
    st.caption(tr("bp_graph_caption", which=which))
    graph()


# ---------------------------------------------------------------- gradients on the network
def network_grads() -> None:
    """The network diagram with every parameter's gradient."""
    title(tr("bp_h_network"))
    shown = trace.grads if row is None else row_share(trace.grads, trace, row)
    dead = is_dead(trace.z1).tolist() if cfg.activation == "relu" else None
    which = tr("bp_network_batch") if row is None else tr("bp_network_row", row=ROW_LABELS[row])
    st.caption(tr("bp_network_caption", which=which))
    if dead and any(dead):
        units = ", ".join(h for h, d in zip(hidden_labels(cfg.hidden), dead, strict=True) if d)
        st.warning(tr("bp_dead_note", units=units), icon=":material/heart_broken:")
    st.graphviz_chart(
        network(
            {"W1": trace.W1, "b1": trace.b1, "W2": trace.W2, "b2": trace.b2},
            grads={"W1": shown.d_W1, "b1": shown.d_b1, "W2": shown.d_W2, "b2": shown.d_b2},
            dead=dead, dead_label=tr("bp_dead"),
        ),
        alt=tr("bp_network_alt"),
    )  # fmt: skip
    if not PRESENT:
        grad_shares_view(model)  # beyond the lecture: the four inputs' shares of each gradient
        local_upstream_view(trace, row, cfg.activation)  # and the local derivative on every edge


# ---------------------------------------------------------------- finite differences
def finite_check() -> None:
    """Central differences beside autograd for every parameter."""
    title(tr("bp_h_fd"))
    st.caption(tr("bp_fd_caption"))
    fd = pd.DataFrame(finite_differences(model), columns=["p", "fd", "ag"])
    fd["diff"] = (fd["fd"] - fd["ag"]).abs()
    fd.columns = [tr("bp_fd_param"), tr("bp_fd_central"), tr("bp_fd_autograd"), tr("bp_fd_diff")]
    fd_left, fd_right = st.columns([4, 1], vertical_alignment="center")
    fd_left.dataframe(
        fd.style.format({fd.columns[1]: fmt8, fd.columns[2]: fmt8, fd.columns[3]: "{:.1e}"}), hide_index=True
    )
    fd_right.metric(tr("bp_fd_max"), f"{float(fd[fd.columns[3]].max()):.1e}")


# ---------------------------------------------------------------- manual update
def manual_update() -> None:
    """One manual step θ ← θ − η·∇L (more on demand), its table and the loss along the steps."""
    title(tr("bp_h_update"))
    if PRESENT:  # one row of controls; the intro folded beside the picture
        st.markdown(f":material/school: **{tr('story_update')}**")
        c_eta, c_bias, b_more, b_restart, b_count = st.columns([2, 1.6, 1.7, 1.3, 1.2], vertical_alignment="bottom")
    else:
        st.info(tr("story_update"), icon=":material/school:")
        st.markdown(tr("bp_update_intro"))
        c_eta, c_bias = st.columns(2, vertical_alignment="bottom")
    eta0, biases0 = _walk_setting() if PRESENT else (ETA, True)  # a slide forgets its widgets when left
    eta = c_eta.number_input(tr("bp_eta"), value=eta0, step=0.05, format="%g", key="bp_eta", help=tr("bp_eta_help"))
    biases = c_bias.checkbox(tr("bp_biases"), value=biases0, key="bp_biases", help=tr("bp_biases_help"))

    if eta is None or not math.isfinite(eta) or eta <= 0:
        st.error(tr("bp_eta_bad", eta="—" if eta is None else f"{eta:g}"), icon=":material/error:")
    else:
        walk = _walk.current(cfg, model, trace.loss, eta, biases)
        if not PRESENT:
            b_more, b_restart, b_count = st.columns([1, 1, 2], vertical_alignment="center")
        again = b_more.button(
            tr("bp_another"), key="bp_another", icon=":material/trending_down:", disabled=not _walk.finite(walk)
        )
        restart = b_restart.button(tr("bp_restart"), key="bp_restart", icon=":material/restart_alt:")
        walk = _walk.advance(walk, more=again, restart=restart)
        k = len(walk["losses"]) - 1
        b_count.markdown(f"**{tr('bp_steps_taken', k=k)}**")

        before, after = walk["losses"][-2], walk["losses"][-1]
        if PRESENT:  # a slide: the notes go under the table, beside the picture (above it they push it off the screen)
            t_left, t_right = st.columns([3, 2])
            table_box, note = t_left.container(), t_left.container()
        else:
            note = st.container()
        if not _walk.finite(walk):
            note.error(tr("bp_diverged", eta=f"{eta:g}"), icon=":material/error:")
        elif after > before:
            note.warning(tr("bp_loss_up", before=f"{before:.4f}", after=f"{after:.4f}", eta=f"{eta:g}"))
        elif after > walk["losses"][0]:
            note.warning(
                tr("bp_loss_above_start", start=f"{walk['losses'][0]:.4f}", after=f"{after:.4f}", eta=f"{eta:g}")
            )
        if _walk.finite(walk):  # a prediction at exactly 0 or 1: BCELoss's log clamp shows in the loss
            clamped = n_clamped(trace_of(load(cfg, walk["flats"][-1])).y_pred)
            if clamped:
                note.warning(tr("bp_clamp", k=clamped, loss=f"{after:.6f}"), icon=":material/vertical_align_top:")
        chart_box = t_right.container() if PRESENT else None  # on a slide: the picture above the two losses
        m1, m2 = st.columns(2) if not PRESENT else t_right.columns(2)
        m1.metric(tr("bp_loss_before", k=k), f"{before:.6f}")
        m2.metric(tr("bp_loss_after", k=k), f"{after:.6f}", delta=f"{after - before:+.6f}", delta_color="inverse")

        prev_flat, new_flat = walk["flats"][-2], walk["flats"][-1]
        grad_flat = _walk.last_gradient(walk)
        names = param_names(cfg.hidden)
        updated = [biases or n.startswith("W") for n in names]
        table = pd.DataFrame({
            tr("bp_col_param"): names,
            tr("bp_col_before"): prev_flat.astype(float),
            tr("bp_col_grad"): grad_flat.astype(float),
            tr("bp_col_after"): new_flat.astype(float),
            tr("bp_col_updated"): [tr("bp_yes") if u else tr("bp_no") for u in updated],
        })  # fmt: skip
        if not PRESENT:
            st.caption(tr("bp_table_caption", k=k))
            t_left, t_right = st.columns([3, 2])
            table_box = t_left
        table_box.dataframe(table.style.format(FMT6, subset=table.columns[1:4]), hide_index=True)
        new = unflatten(new_flat, cfg.hidden)
        with t_right:
            if PRESENT:  # the slide's picture: the loss along the steps; the new matrices folded
                chart_box.altair_chart(fit(walk_chart(walk["losses"], lang()), WALK_HEIGHT), width="stretch")
            with more():
                if PRESENT:
                    st.markdown(tr("bp_update_intro"))
                    st.caption(tr("bp_table_caption", k=k))
                st.markdown(f"**{tr('bp_updated_w1')}**")
                st.dataframe(grad_frame("d_W1", new["W1"]).style.format(FMT6))
                st.markdown(f"**{tr('bp_updated_w2')}**")
                st.dataframe(upright(grad_frame("d_W2", new["W2"])).style.format(FMT6))
            # The lecture's cell 2 depends on the seed, the activation and the width only (not on the optimizer).
            lecture_model = (cfg.seed, cfg.activation, cfg.hidden) == (LECTURE.seed, LECTURE.activation, LECTURE.hidden)
            if PRESENT and k == 1 and not biases and math.isclose(eta, 0.1) and lecture_model:
                note.success(tr("bp_lecture_match_short"), icon=":material/check_circle:")
        if not PRESENT:
            if k == 1 and not biases and math.isclose(eta, 0.1) and lecture_model:
                st.success(tr("bp_lecture_match"), icon=":material/check_circle:")
            st.altair_chart(walk_chart(walk["losses"], lang()), width="stretch")  # its description names it
            st.caption(walk_alt(walk["losses"], lang()))
            loss_slice_view(cfg, prev_flat, new_flat, eta, biases)  # beyond the lecture: the loss along this step


def _walk_setting() -> tuple[float, bool]:
    """(η, biases too) of this session's manual walk on this model, else the page's default (the lecture's 0.1)."""
    walk = st.session_state.get(_walk.K_WALK)
    if walk is None or walk["key"][0] != cfg:
        return ETA, True
    return walk["key"][1], walk["key"][2]


def loss_slice(part: str) -> None:
    """A slide after the manual update: the loss along its last step (that step's η and "biases too"), or the planes."""
    eta, biases = _walk_setting()
    walk = _walk.advance(_walk.current(cfg, model, trace.loss, eta, biases), more=False, restart=False)
    loss_slice_view(cfg, walk["flats"][-2], walk["flats"][-1], eta, biases, part=part)


if PRESENT:
    deck(SCRIPT, [
        *(lambda k=k: draw(k) for k in range(1, len(STEPS) + 1)),
        network_grads,
        lambda: grad_shares_view(model),  # beyond the lecture: the four inputs' shares of each gradient
        lambda: local_upstream_view(trace, row, cfg.activation),  # and local x upstream along a path
        finite_check,
        manual_update,
        lambda: loss_slice("slice"),  # the loss along the step just taken
        lambda: loss_slice("planes"),  # and the boundary and hidden plane before and after it
    ])  # fmt: skip
else:
    network_grads()
    finite_check()
    manual_update()
    nav_links(SCRIPT)
