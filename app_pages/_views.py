"""Views beyond the lecture that pages place with one call: the inputs' shares, local x upstream, the loss slice.

Layout only: every number comes from xorcore (shares, edges, loss_slice), computed on the page's model.
"""

from __future__ import annotations

import numpy as np
import streamlit as st
import torch
from torch import nn

from app_pages._charts import chart
from app_pages._sections import more, presenting
from app_pages._shared import lang, tr
from xorcore import Config
from xorcore.data import ROW_LABELS, XOR_X
from xorcore.edges import edge_labels, layer_ratio, w1_path_latex
from xorcore.loss_slice import Slice, loss_slice
from xorcore.model import load, param_names
from xorcore.numfmt import num
from xorcore.shares import Shares, grad_shares, group, opposed, strongest_cancel
from xorcore.trace import Trace
from xorcore.views.beyond import PLANES, plane_before_after, shares_chart, slice_chart
from xorcore.views.graph import computation_graph

GROUPS = ("W1", "b1", "W2", "b2")
# On a slide (plot-area heights, px): the shares' band per parameter (at most SLIDE_PARAMS of a group);
# the slice; each of the four planes before / after the step.
SHARES_PER_PARAM, SLIDE_PARAMS = 40, 5
SLICE_HEIGHT, PLANE_HEIGHT = 190, 215  # a plane about as tall as its column is wide (a square domain)


def _signed(v: float, d: int = 4) -> str:
    """A number with its sign, e.g. +0.0072 / −0.0112."""
    s = num(v, d)
    return s if s.startswith("-") else "+" + s


# ---------------------------------------------------------------- the tug-of-war of the four inputs


def grad_shares_view(model: nn.Sequential) -> None:
    """Each input's signed share of every dL/dθ, laid end to end up to the batch gradient.

    On a slide: the chart beside the group picker and the computed sentence; the intro and the 1/N folded.
    """
    s = grad_shares(model)
    with st.container(key="grad-shares"):
        slide = presenting()
        if slide:
            st.markdown(f":material/school: **{tr('bx_shares_lead')}**")
            left, right = st.columns([5, 3])
        else:
            st.markdown(tr("bx_shares_intro", n=s.n))
            left = right = st.container()
        with right:
            which = st.segmented_control(
                tr("bx_group"), GROUPS, key="bx_group", default="W1", required=True,
                format_func=lambda g: tr("bx_group_" + g),
            )  # fmt: skip
        indices = group(s.names, which or "W1")
        shown = indices
        if slide and len(indices) > SLIDE_PARAMS:  # many hidden units: where the shares cancel most
            ratio = s.cancel()
            top = sorted(indices, key=lambda j: -ratio[j])[:SLIDE_PARAMS]
            shown = [j for j in indices if j in top]
        desc = _shares_alt(s, shown)
        chart(shares_chart, s, shown, lang(), desc, height=SHARES_PER_PARAM * len(shown), box=left)
        if shown != indices:
            right.caption(tr("bx_shares_some", k=len(shown), n=len(indices)))
        gap = float(np.abs(s.shares.sum(axis=0) - s.batch).max())
        if slide:
            right.markdown(_cancel_sentence(s, indices))
            with more():
                st.markdown(tr("bx_shares_intro", n=s.n))
                st.markdown(tr("bx_mean_sentence", n=s.n, gap=f"{gap:.1e}"))
                st.caption(desc)
        else:
            st.caption(desc)
            st.markdown(_cancel_sentence(s, indices))
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
    group_name = tr("bx_group_" + s.names[j].split("[")[0])
    both = opposed(s, indices)  # counted over the parameters strongest_cancel ranks
    text = [tr("bx_opposed", both=both, p=len(indices), group=group_name)]
    if (col > 0).any() and (col < 0).any():
        nz = [f"{ROW_LABELS[i]}: {_signed(v)}" for i, v in enumerate(col) if v != 0]
        ratio = f"{pull / max(abs(float(s.batch[j])), 1e-30):.1f}"
        text.append(tr("bx_cancel" if both > 1 else "bx_cancel_one", name=s.names[j], total=num(s.batch[j], 4), shares=", ".join(nz),
                       pull=num(pull, 4), ratio=ratio))  # fmt: skip
        tied = [s.names[i] for i in indices if f"{s.cancel()[i]:.1f}" == ratio]  # the same ratio, as it is written
        if len(tied) > 1:
            text.append(tr("bx_cancel_tie", k=len(tied), names=", ".join(f"dL/d{n}" for n in tied), ratio=ratio))
    else:
        text.append(tr("bx_no_cancel", name=s.names[j], total=num(s.batch[j], 4)))
    zeros = int((s.shares[:, indices] == 0).sum())
    if zeros:
        text.append(tr("bx_zeros", zeros=zeros, all=s.n * len(indices)))
    return " ".join(text)


# ---------------------------------------------------------------- local x upstream on every edge


def local_upstream_view(tc: Trace, row: int | None, activation: str) -> None:
    """The computation graph with each edge's local derivative, and how the first layer's gradients shrink.

    On a slide the graph (taller than the screen) is folded; the slide multiplies out one path instead,
    from the loss back to a weight of W₁, row by row, up to autograd's batch gradient.
    """
    with st.container(key="local-upstream"):
        which = tr("bp_graph_batch") if row is None else tr("bp_graph_row", row=ROW_LABELS[row])
        labels = edge_labels(tc, activation, row, tr("bp_g_mean"), tr("bx_edge_sum"))
        dot = computation_graph(tc, row, lang(), activation=activation, edge_labels=labels)
        if not presenting():
            st.caption(tr("bx_local_caption", which=which))
            st.graphviz_chart(dot, width="stretch", alt=tr("bx_local_alt"))
            st.markdown(_layer_note(tc, activation))
            return
        st.markdown(f":material/school: **{tr('bx_local_lead')}**")
        names = [n for n in param_names(tc.h1.shape[1]) if n.startswith("W1")]
        pick, eq = st.columns([1, 3], vertical_alignment="center")
        target = pick.selectbox(tr("bx_path"), names, key="bx_path") or names[0]
        j, k = (int(c) for c in target[3:-1].split(","))
        pick.markdown(tr("bx_path_autograd", name=target, auto=num(float(tc.grads.d_W1[j, k]), 6)))
        eq.latex(r"\begin{gathered}" + r" \\[2pt] ".join(w1_path_latex(tc, activation, j, k)) + r"\end{gathered}")
        st.markdown(_layer_note(tc, activation))
        with more():
            st.caption(tr("bx_local_caption", which=which))
            st.graphviz_chart(dot, width="stretch", alt=tr("bx_local_alt"))


def _layer_note(tc: Trace, activation: str) -> str:
    """How much smaller (or larger) the first layer's gradients are than the second's, and the factors between."""
    r = layer_ratio(tc, activation)
    values = {"w1": num(r["w1"], 4), "w2": num(r["w2"], 4), "w2_abs": num(r["w2_abs"], 3),
              "lo": num(r["fp_lo"], 3), "hi": num(r["fp_hi"], 3), "act": tr("act_" + activation)}  # fmt: skip
    values["fp"] = tr("bx_fp_one" if values["lo"] == values["hi"] else "bx_fp_range", lo=values["lo"], hi=values["hi"])
    if r["w1"] == 0:
        return tr("bx_layer_zero", **values)
    key = "bx_layer_smaller" if r["ratio"] >= 1 else "bx_layer_larger"
    ratio = r["ratio"] if r["ratio"] >= 1 else 1 / r["ratio"]
    return tr(key, ratio=f"{ratio:.1f}", **values)


# ---------------------------------------------------------------- the loss along a step


def loss_slice_view(cfg: Config, before: np.ndarray, after: np.ndarray, eta: float, biases: bool,
                    part: str) -> None:  # fmt: skip
    """L(θ − η d) against η with its tangent and the chosen η; the boundary and hidden plane before and after.

    One part at a time: "slice" (the curve and what it says, container loss-slice) or "planes" (the four
    planes before | after, container loss-slice-planes).
    """
    with st.container(key="loss-slice-planes" if part == "planes" else "loss-slice"):
        if not (np.isfinite(before).all() and np.isfinite(after).all()):
            st.info(tr("bx_slice_nonfinite"), icon=":material/info:")
            return
        slide = presenting()
        if part == "slice":
            _slice_part(cfg, before, eta, biases, slide)
        else:
            _planes_part(cfg, before, after, eta, slide)


def _slice_part(cfg: Config, before: np.ndarray, eta: float, biases: bool, present: bool) -> None:
    """The direction picker, the slice chart and its computed sentence (a slide: chart left, words right)."""
    names = param_names(cfg.hidden)
    left, right = st.columns([3, 2], vertical_alignment="center") if present else (st.container(), st.container())
    with right:
        along = st.selectbox(
            tr("bx_along"), [None, *names], key="bx_along",
            format_func=lambda a: tr("bx_along_all" if biases else "bx_along_weights") if a is None else a,
        )  # fmt: skip
    sl = _slice(cfg, before, eta, biases, along)
    desc = _slice_sentence(sl, along)
    chart(slice_chart, sl, lang(), desc, height=SLICE_HEIGHT, box=left)
    if present:
        right.markdown(desc)
        if along is not None:
            with right, more():
                st.caption(tr("bx_along_note", name=along))
    else:
        st.markdown(desc)
        if along is not None:
            st.caption(tr("bx_along_note", name=along))


def _planes_part(cfg: Config, before: np.ndarray, after: np.ndarray, eta: float, slide: bool) -> None:
    """The decision boundary and the hidden plane before | after the step, and how far the predictions moved."""
    with torch.no_grad():  # the model on screen, before and after the step, in PyTorch
        old, new = (load(cfg, f)(XOR_X)[:, 0].numpy() for f in (before, after))
    moves = ", ".join(f"{r}: {num(a, 4)} → {num(b, 4)}" for r, a, b in zip(ROW_LABELS, old, new, strict=True))
    st.caption(tr("bx_pred_moves", moves=moves, most=num(float(np.abs(new - old).max()), 4)))
    if slide:  # one row of four planes, legends left out (the caption says what colour and line mean)
        st.caption(tr("bx_planes_key"))
        cols = iter(st.columns(4))
        for key in PLANES:
            for flat, when in ((before, "before"), (after, "after")):
                name = tr(key + "_short", when=tr(f"bx_{when}_short"))
                chart(plane_before_after, key, flat, cfg.activation, cfg.hidden, lang(), name, tr("bx_" + when),
                      height=PLANE_HEIGHT, legends=False, box=next(cols))  # fmt: skip
        return
    left, right = st.columns(2)
    for col, flat, when in ((left, before, "before"), (right, after, "after")):
        title_ = tr("bx_" + when)
        for key in PLANES:
            chart(plane_before_after, key, flat, cfg.activation, cfg.hidden, lang(), tr(key, when=title_), title_,
                  box=col)  # fmt: skip


@st.cache_data(max_entries=64, show_spinner=False)
def _slice(cfg: Config, before: np.ndarray, eta: float, biases: bool, along: str | None) -> Slice:
    """xorcore.loss_slice of this step (PyTorch's, once per step for every session: a rerun only reads it)."""
    return loss_slice(cfg, before, eta, biases=biases, along=along)


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
