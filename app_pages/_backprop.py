"""Backprop's manual update on the Streamlit side: the update section (one step θ ← θ − η·∇L, more on demand) and
the slides after it (the loss along that step, the planes before and after), on the walk of app_pages/_walk.py.

Imported once per process: the settings and the language are read inside each function (config(), lang()).
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st
from torch import nn

from app_pages import _walk
from app_pages._charts import chart
from app_pages._sections import caption, lead, more, presenting
from app_pages._shared import config, lang, number_table, tr, upright
from app_pages._views import loss_slice_view
from xorcore import LECTURE
from xorcore import trace as trace_of
from xorcore.backprop_rows import grad_frame
from xorcore.losses import n_clamped
from xorcore.model import load, param_names, unflatten
from xorcore.numfmt import num
from xorcore.views.walk import walk_alt, walk_chart

WALK_HEIGHT = 110  # the loss-per-step chart's plot on the update slide


def fmt8(v: float) -> str:
    """Eight decimals for the finite-difference table (the lecture prints 8)."""
    return num(v, 8)


# ---------------------------------------------------------------- manual update
BIASES = "biases"  # the one option of the "biases too" pill (selected: every parameter is updated)


def manual_update(model: nn.Sequential, loss: float) -> None:
    """One manual step θ ← θ − η·∇L (more on demand), its table and the loss along the steps.

    model: the page's untrained model, loss: its loss (the walk starts there).
    """
    cfg, present = config(), presenting()
    lead(tr("story_update"), ":material/school:")
    box = _slide_boxes() if present else _reading_boxes()
    eta0, biases0 = _walk.setting(cfg) if present else (_walk.ETA, True)  # a slide forgets its widgets when left
    eta = box["eta"].number_input(tr("bp_eta"), value=eta0, step=0.05, format="%g", key="bp_eta",
                                  help=tr("bp_eta_help"))  # fmt: skip
    # A pill, not a checkbox: a clicked checkbox keeps the focus in an <input>, where Streamlit gives no
    # key to a shortcut, so the clicker's PageDown would stop working on this slide.
    biases = box["bias"].pills(tr("bp_params"), [BIASES], default=BIASES if biases0 else None, key="bp_biases",
                               format_func=lambda _: tr("bp_biases"), help=tr("bp_biases_help")) == BIASES  # fmt: skip
    if not _walk.valid(eta):
        box["note"].error(tr("bp_eta_bad", eta="—" if eta is None else f"{eta:g}"), icon=":material/error:")
        return
    walk = _walk.current(cfg, model, loss, eta, biases)
    again = box["more"].button(
        tr("bp_another"), key="bp_another", icon=":material/trending_down:", disabled=not _walk.finite(walk)
    )
    restart = box["restart"].button(tr("bp_restart"), key="bp_restart", icon=":material/restart_alt:")
    walk = _walk.advance(walk, more=again, restart=restart)
    k = len(walk["losses"]) - 1
    box["count"].markdown(f"**{tr('bp_steps_taken', k=k)}**")
    _notes(box["note"], cfg, walk, eta)
    before, after = walk["losses"][-2], walk["losses"][-1]
    m1, m2 = box["metrics"].columns(2)
    m1.metric(tr("bp_loss_before", k=k), f"{before:.6f}")
    m2.metric(tr("bp_loss_after", k=k), f"{after:.6f}", delta=f"{after - before:+.6f}", delta_color="inverse")
    box["caption"].caption(tr("bp_table_caption", k=k))
    table = _step_table(cfg, walk, biases)
    number_table(box["table"], table, hide_index=True)
    new = unflatten(walk["flats"][-1], cfg.hidden)
    with box["folded"]:
        st.markdown(f"**{tr('bp_updated_w1')}**")
        number_table(st, grad_frame("d_W1", new["W1"]))
        st.markdown(f"**{tr('bp_updated_w2')}**")
        number_table(st, upright(grad_frame("d_W2", new["W2"])))
    # The lecture's cell 2 depends on the seed, the activation and the width only (not on the optimizer).
    lecture_model = (cfg.seed, cfg.activation, cfg.hidden) == (LECTURE.seed, LECTURE.activation, LECTURE.hidden)
    if k == 1 and not biases and math.isclose(eta, 0.1) and lecture_model:
        box["match"].success(tr("bp_lecture_match_short" if present else "bp_lecture_match"),
                             icon=":material/check_circle:")  # fmt: skip
    chart(walk_chart, walk["losses"], lang(), height=WALK_HEIGHT, box=box["chart"])  # its description names it
    caption(walk_alt(walk["losses"], lang()), box["chart"])


def _slide_boxes() -> dict:
    """A slide: one row of controls; the table and the notes left, the loss chart and the two losses right."""
    row = st.columns([2, 1.6, 1.7, 1.3, 1.2], vertical_alignment="bottom")
    left, right = st.columns([3, 2])
    table, note = left.container(), left.container()
    chart_box, metrics = right.container(), right.container()
    with right:
        folded = more()  # the intro, the table's caption and the new matrices
    folded.markdown(tr("bp_update_intro"))
    caption = folded.container()
    return {"eta": row[0], "bias": row[1], "more": row[2], "restart": row[3], "count": row[4], "note": note,
            "metrics": metrics, "caption": caption, "table": table, "folded": folded, "match": note,
            "chart": chart_box}  # fmt: skip


def _reading_boxes() -> dict:
    """Reading mode, top to bottom: intro, controls, notes, the two losses, the table beside the new matrices, chart."""
    st.markdown(tr("bp_update_intro"))
    c_eta, c_bias = st.columns(2, vertical_alignment="bottom")
    b_more, b_restart, b_count = st.columns([1, 1, 2], vertical_alignment="center")
    note, metrics, caption = st.container(), st.container(), st.container()
    table, folded = st.columns([3, 2])
    match, chart_box = st.container(), st.container()
    return {"eta": c_eta, "bias": c_bias, "more": b_more, "restart": b_restart, "count": b_count, "note": note,
            "metrics": metrics, "caption": caption, "table": table, "folded": folded, "match": match,
            "chart": chart_box}  # fmt: skip


def _notes(note, cfg, walk: dict, eta: float) -> None:
    """What went wrong with the last step, if anything: diverged, loss up, above the start, predictions clamped."""
    before, after = walk["losses"][-2], walk["losses"][-1]
    if not _walk.finite(walk):
        note.error(tr("bp_diverged", eta=f"{eta:g}"), icon=":material/error:")
    elif after > before:
        note.warning(tr("bp_loss_up", before=f"{before:.4f}", after=f"{after:.4f}", eta=f"{eta:g}"))
    elif after > walk["losses"][0]:
        note.warning(tr("bp_loss_above_start", start=f"{walk['losses'][0]:.4f}", after=f"{after:.4f}", eta=f"{eta:g}"))
    if _walk.finite(walk):  # a prediction at exactly 0 or 1: BCELoss's log clamp shows in the loss
        clamped = n_clamped(trace_of(load(cfg, walk["flats"][-1])).y_pred)
        if clamped:
            note.warning(tr("bp_clamp", k=clamped, loss=f"{after:.6f}"), icon=":material/vertical_align_top:")


def _step_table(cfg, walk: dict, biases: bool) -> pd.DataFrame:
    """Every parameter before the last step, its gradient, after it, and whether it was updated."""
    names = param_names(cfg.hidden)
    return pd.DataFrame({
        tr("bp_col_param"): names,
        tr("bp_col_before"): walk["flats"][-2].astype(float),
        tr("bp_col_grad"): _walk.last_gradient(walk).astype(float),
        tr("bp_col_after"): walk["flats"][-1].astype(float),
        tr("bp_col_updated"): [tr("bp_yes") if biases or n.startswith("W") else tr("bp_no") for n in names],
    })  # fmt: skip


def loss_slice(model: nn.Sequential, loss: float, part: str) -> None:
    """After the manual update: the loss along its last step (that step's η and "biases too"), or the planes."""
    cfg = config()
    eta, biases = _walk.setting(cfg)
    walk = _walk.advance(_walk.current(cfg, model, loss, eta, biases), more=False, restart=False)
    loss_slice_view(cfg, walk["flats"][-2], walk["flats"][-1], eta, biases, part=part)
