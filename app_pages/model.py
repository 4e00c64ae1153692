"""Model: the XOR problem, the network diagram, its parameters, its activation, its code, its trained predictions."""

import pandas as pd
import streamlit as st

from app_pages._charts import chart
from app_pages._network import network_view
from app_pages._quiz import Ask, with_quiz
from app_pages._sections import Section, caption, presenting, show, wide_net
from app_pages._shared import config, history, lang, right_text, rule, tr
from xorcore.backprop_rows import hidden_labels
from xorcore.dead import dead_units
from xorcore.float32 import slope_values
from xorcore.model import n_params, unflatten
from xorcore.outcome import n_correct
from xorcore.quiz import slope_at_zero
from xorcore.script import model_code
from xorcore.views.activation import activation_chart
from xorcore.views.boundary import boundary_sentence, decision_boundary
from xorcore.views.points import XOR_POINTS, XOR_TARGET, xor_plane
from xorcore.views.tables import params_table, predictions_table

cfg, lg = config(), lang()
hist = history()
act_name = tr(f"act_{cfg.activation}")
initial, trained = hist.params[0], hist.params[-1]  # θ at epoch 0 and after the last epoch


def intro() -> None:
    """The page's title and what it shows (reading mode)."""
    st.title(tr("mp_title", hidden=cfg.hidden))
    st.markdown(tr("mp_intro", hidden=cfg.hidden, act=act_name))
    if hist.diverged_at is not None:
        st.error(tr("diverged", epoch=hist.diverged_at), icon=":material/warning:")


def xor_problem() -> None:
    """The four points, their truth table, and why no single line separates them."""
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.markdown(tr("mp_xor_text"))
        st.subheader(tr("mp_truth_table"))
        truth = pd.DataFrame(
            {tr("ch_col_x1"): XOR_POINTS[:, 0].astype(int),
             tr("ch_col_x2"): XOR_POINTS[:, 1].astype(int), tr("mp_col_y"): XOR_TARGET}
        )  # fmt: skip
        st.dataframe(truth, hide_index=True, width="content")
    with right:
        chart(xor_plane, lg)
        caption(tr("ch_xor_desc"))


def network_diagram() -> None:
    """The network with its weights, before and after training."""
    slide, small = presenting(), wide_net(cfg.hidden)  # small: the diagram compact, its numbers in a table beside it
    if (
        slide and not small
    ):  # the diagram at 2/3 of the width (it keeps its aspect ratio; labels >= 16 px), its key beside it
        pic, side = st.columns([2, 1], gap="medium")
    else:  # reading mode: the key above the diagram; a compact slide: the key beside the diagram's table
        side, pic = st.container(), st.container()
    if not small:
        side.markdown(tr("mp_net_text"))
    tab_init, tab_trained = pic.tabs(
        [tr("mp_tab_initial", seed=cfg.seed), tr("mp_tab_trained", epochs=hist.epochs_run)]
    )  # fmt: skip
    alt = tr("mp_diagram_caption_compact" if small else "mp_diagram_caption")
    for tab, flat in ((tab_init, initial), (tab_trained, trained)):
        with tab:
            dead = dead_units(flat, cfg.activation, cfg.hidden)
            note = tr("mp_net_text_compact") if small else None
            network_view(unflatten(flat, cfg.hidden), dead=dead, dead_label=tr("mp_dead"), alt=alt, note=note,
                         compact=small)  # fmt: skip
            st.caption(alt)
            if cfg.activation == "relu":
                if any(dead):
                    units = ", ".join(u for u, d in zip(hidden_labels(cfg.hidden), dead, strict=True) if d)
                    why = (
                        tr("mp_dead_two")
                        if cfg.hidden == 2
                        else tr("mp_dead_many", alive=dead.count(False), n=cfg.hidden)
                    )
                    st.warning(tr("mp_dead_text", units=units) + " " + why, icon=":material/heart_broken:")
                else:
                    st.info(tr("mp_no_dead"), icon=":material/info:")


def activation() -> None:
    """The hidden activation and its derivative."""
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.markdown(tr(f"mp_act_{cfg.activation}", **slope_values()))
        st.caption(tr("mp_act_caption"))
    with right:
        chart(activation_chart, cfg.activation, lg)
        caption(tr("ch_act_desc", name=act_name))


def parameters() -> None:
    """How many parameters, the loss before and after, every parameter's initial and trained value."""
    st.markdown(
        tr("mp_params_text", hidden=cfg.hidden, n=n_params(cfg.hidden), seed=cfg.seed, epochs=hist.epochs_run,
           opt=tr(f"opt_{cfg.optimizer}"), lr=f"{cfg.lr:g}")
    )  # fmt: skip
    m1, m2, m3 = st.columns(3)
    m1.metric(tr("mp_count"), n_params(cfg.hidden))
    m2.metric(tr("mp_initial_loss"), f"{hist.loss_at(0):.4f}")
    m3.metric(tr("mp_final_loss"), f"{hist.final_loss:.4f}")
    table = params_table(initial, trained, cfg.hidden, lg)
    st.dataframe(table, hide_index=True, width="stretch", column_config={c: NUM4 for c in table.columns[1:]})


def code() -> None:
    """The model's PyTorch code."""
    st.markdown(tr("mp_code_text"))
    st.code(model_code(cfg, lang()), language="python")


def predictions() -> None:
    """The trained model's predictions and its decision boundary."""
    preds = predictions_table(hist.pred_at(0), hist.final_pred, lg)
    right_count = n_correct(hist.final_pred)
    left, right = st.columns([6, 5], gap="large")  # the five-column table fits its half at 1280 px (both languages)
    with left:
        st.markdown(tr("mp_pred_text", right_text=right_text(right_count), rule=rule()))
        st.dataframe(preds, hide_index=True, width="stretch", column_config={c: NUM4 for c in preds.columns[2:4]})
        if hist.success():
            st.success(tr("mp_pred_ok"), icon=":material/check_circle:")
        else:
            bad = "mp_pred_bad_identity" if cfg.activation == "identity" else "mp_pred_bad"
            bad = "mp_pred_bad_one_unit" if cfg.hidden == 1 and cfg.activation != "identity" else bad
            st.warning(tr(bad), icon=":material/error:")
    with right:
        line = boundary_sentence(trained, cfg.activation, cfg.hidden, lg)
        chart(decision_boundary, trained, cfg.activation, cfg.hidden, lg)
        st.caption(tr("mp_boundary_caption", line=line))


NUM4 = st.column_config.NumberColumn(format="%.4f")
ASKS = {"activation": [Ask("slope-at-zero", lambda: slope_at_zero(cfg.activation))]}
show("model", with_quiz("model", [
    Section("intro", intro, slide=False),
    Section("xor", xor_problem, tr("mp_xor_header")),
    Section("network", network_diagram, tr("mp_net_header")),
    Section("parameters", parameters, tr("mp_params_header"), slide=False),
    Section("activation", activation, tr("mp_act_header", name=act_name)),
    Section("code", code, tr("mp_code_header"), slide=False),
    Section("predictions", predictions, tr("mp_pred_header"), slide=False),
], ASKS))  # fmt: skip
