"""Views beyond the lecture that pages place with one call: the inputs' shares, local x upstream, the loss slice.

Layout only: every number comes from xorcore (shares, edges, loss_slice), computed on the page's model.
"""

from __future__ import annotations

import numpy as np
import streamlit as st
from torch import nn

from app_pages._shared import lang, tr
from xorcore import Config
from xorcore.backprop_rows import num
from xorcore.data import ROW_LABELS, X_NP
from xorcore.edges import edge_labels, layer_ratio
from xorcore.graph import computation_graph
from xorcore.loss_slice import loss_slice
from xorcore.model import param_names, predict_grid
from xorcore.shares import Shares, grad_shares, group, strongest_cancel
from xorcore.trace import Trace
from xorcore.views.beyond import before_after, shares_chart, slice_chart
from xorcore.views.boundary import decision_boundary
from xorcore.views.planes import hidden_plane

GROUPS = ("W1", "b1", "W2", "b2")


def _signed(v: float, d: int = 4) -> str:
    """A number with its sign, e.g. +0.0072 / −0.0112."""
    s = num(v, d)
    return s if s.startswith("-") else "+" + s


# ---------------------------------------------------------------- the tug-of-war of the four inputs


def grad_shares_view(model: nn.Sequential) -> None:
    """Each input's signed share of every dL/dθ, laid end to end up to the batch gradient."""
    s = grad_shares(model)
    with st.container(key="grad-shares"):
        st.header(tr("bx_h_shares"))
        st.markdown(tr("bx_shares_intro", n=s.n))
        which = st.segmented_control(
            tr("bx_group"), GROUPS, key="bx_group", default="W1", required=True,
            format_func=lambda g: tr("bx_group_" + g),
        )  # fmt: skip
        indices = group(s.names, which or "W1")
        desc = _shares_alt(s, indices)
        st.altair_chart(shares_chart(s, indices, lang(), desc), width="stretch")
        st.caption(desc)
        st.markdown(_cancel_sentence(s, indices))
        gap = float(np.abs(s.shares.sum(axis=0) - s.batch).max())
        st.markdown(tr("bx_mean_sentence", n=s.n, gap=f"{gap:.1e}"))


def _shares_alt(s: Shares, indices: list[int]) -> str:
    """Alt text: every bar's value, parameter by parameter."""
    parts = [
        tr(
            "bx_alt_param",
            name=s.names[j],
            shares=", ".join(num(v, 4) for v in s.shares[:, j]),
            total=num(s.batch[j], 4),
        )
        for j in indices
    ]
    return tr("bx_shares_alt", rows=", ".join(ROW_LABELS[: s.n])) + " " + " ".join(parts)


def _cancel_sentence(s: Shares, indices: list[int]) -> str:
    """Where the shares cancel most, and how many shares are exactly zero, from the numbers shown."""
    j = strongest_cancel(s, indices)
    col = s.shares[:, j]
    pull = float(np.abs(col).sum())
    both = int(((s.shares > 0).any(axis=0) & (s.shares < 0).any(axis=0)).sum())
    text = [tr("bx_opposed", both=both, p=len(s.names))]
    if (col > 0).any() and (col < 0).any():
        nz = [f"{ROW_LABELS[i]}: {_signed(v)}" for i, v in enumerate(col) if v != 0]
        text.append(tr("bx_cancel", name=s.names[j], total=num(s.batch[j], 4), shares=", ".join(nz),
                       pull=num(pull, 4), ratio=f"{pull / max(abs(float(s.batch[j])), 1e-30):.1f}"))  # fmt: skip
    else:
        text.append(tr("bx_no_cancel", name=s.names[j], total=num(s.batch[j], 4)))
    zeros = int((s.shares[:, indices] == 0).sum())
    if zeros:
        text.append(tr("bx_zeros", zeros=zeros, all=s.n * len(indices)))
    return " ".join(text)


# ---------------------------------------------------------------- local x upstream on every edge


def local_upstream_view(tc: Trace, row: int | None, activation: str) -> None:
    """The computation graph with each edge's local derivative, and how the first layer's gradients shrink."""
    with st.container(key="local-upstream"):
        st.header(tr("bx_h_local"))
        which = tr("bp_graph_batch") if row is None else tr("bp_graph_row", row=ROW_LABELS[row])
        st.caption(tr("bx_local_caption", which=which))
        labels = edge_labels(tc, activation, row, tr("bp_g_mean"), tr("bx_edge_sum"))
        st.graphviz_chart(
            computation_graph(tc, row, lang(), activation=activation, edge_labels=labels),
            width="stretch",
            alt=tr("bx_local_alt"),
        )
        st.markdown(_layer_note(tc, activation))


def _layer_note(tc: Trace, activation: str) -> str:
    """How much smaller (or larger) the first layer's gradients are than the second's, and the factors between."""
    r = layer_ratio(tc, activation)
    values = {"w1": num(r["w1"], 4), "w2": num(r["w2"], 4), "w2_abs": num(r["w2_abs"], 3),
              "lo": num(r["fp_lo"], 3), "hi": num(r["fp_hi"], 3), "act": tr("act_" + activation)}  # fmt: skip
    if r["w1"] == 0:
        return tr("bx_layer_zero", **values)
    key = "bx_layer_smaller" if r["ratio"] >= 1 else "bx_layer_larger"
    ratio = r["ratio"] if r["ratio"] >= 1 else 1 / r["ratio"]
    return tr(key, ratio=f"{ratio:.1f}", **values)


# ---------------------------------------------------------------- the loss along a step


def loss_slice_view(cfg: Config, before: np.ndarray, after: np.ndarray, eta: float, biases: bool) -> None:
    """L(θ − η d) against η with its tangent and the chosen η; the boundary and hidden plane before and after."""
    with st.container(key="loss-slice"):
        st.subheader(tr("bx_h_slice"))
        if not (np.isfinite(before).all() and np.isfinite(after).all()):
            st.info(tr("bx_slice_nonfinite"), icon=":material/info:")
            return
        names = param_names(cfg.hidden)
        along = st.selectbox(
            tr("bx_along"), [None, *names], key="bx_along",
            format_func=lambda a: tr("bx_along_all" if biases else "bx_along_weights") if a is None else a,
        )  # fmt: skip
        sl = loss_slice(cfg, before, eta, biases=biases, along=along)
        desc = _slice_sentence(sl, along)
        st.altair_chart(slice_chart(sl, lang(), desc), width="stretch")
        st.markdown(desc)
        if along is not None:
            st.caption(tr("bx_along_note", name=along))
        st.markdown(f"**{tr('bx_h_before_after', eta=f'{eta:g}')}**")
        old, new = (predict_grid(f, cfg.activation, cfg.hidden, X_NP) for f in (before, after))
        moves = ", ".join(f"{r}: {num(a, 4)} → {num(b, 4)}" for r, a, b in zip(ROW_LABELS, old, new, strict=True))
        st.caption(tr("bx_pred_moves", moves=moves, most=num(float(np.abs(new - old).max()), 4)))
        left, right = st.columns(2)
        for col, flat, when in ((left, before, "before"), (right, after, "after")):
            title = tr("bx_" + when)
            with col:
                st.altair_chart(
                    before_after(decision_boundary(flat, cfg.activation, cfg.hidden, lang()),
                                 tr("bx_boundary", when=title), tr("bx_boundary_alt", when=title)),
                    width="stretch",
                )  # fmt: skip
                st.altair_chart(
                    before_after(hidden_plane(flat, cfg.activation, cfg.hidden, lang()),
                                 tr("bx_hidden", when=title), tr("bx_hidden_alt", when=title)),
                    width="stretch",
                )  # fmt: skip


def _slice_sentence(sl, along: str | None) -> str:
    """What the slice shows, computed: the chosen η's loss against the tangent's, the best η, the overshoot."""
    which = tr("bx_dir_all") if along is None else tr("bx_dir_one", name=along)
    text = [tr("bx_slice_says", which=which, eta=f"{sl.chosen:g}", l0=num(sl.loss0, 4), l=num(sl.chosen_loss, 4),
               slope=num(sl.slope0, 4), tangent=num(sl.loss0 + sl.slope0 * sl.chosen, 4))]  # fmt: skip
    if np.isfinite(sl.best_eta):
        text.append(tr("bx_slice_best", best=f"{sl.best_eta:.3g}", end=f"{sl.eta[-1]:g}"))
    if sl.up_from is not None:
        text.append(tr("bx_slice_up", up=f"{sl.up_from:.3g}"))
    else:
        text.append(tr("bx_slice_never_up", end=f"{sl.eta[-1]:g}"))
    if sl.chosen_loss > sl.loss0:
        text.append(tr("bx_slice_overshoot", eta=f"{sl.chosen:g}"))
    return " ".join(text)
