"""Training Curve: the run's curves, an epoch scrubber with play driving linked views, pinned runs, downloads.

Layout only: every number comes from the cached History (app_pages._shared.history); the explorer and
the pinned runs are Streamlit-side helpers (app_pages/_player.py, _pins.py), every chart and table is
built by xorcore.
"""

from __future__ import annotations

import math

import streamlit as st

from app_pages._charts import chart
from app_pages._pins import pinned_runs
from app_pages._player import explorer, pred_table
from app_pages._quiz import Ask, with_quiz
from app_pages._sections import Section, presenting, show
from app_pages._shared import engine_note, history, history_csv, lang, rule, tr
from app_pages._stuck import diagnosis, seed_failures
from xorcore import series
from xorcore.outcome import rule_values
from xorcore.quiz import learns
from xorcore.script import script
from xorcore.views.curves import accuracy_chart, grad_norm_chart, params_chart, prediction_chart

hist = history()
last = series.last_epoch(hist)


def intro() -> None:
    """The page's title, what it shows, and whether the run diverged (reading mode)."""
    st.title(tr("train_title"))
    st.caption(tr("train_intro", n=hist.epochs_run))
    if hist.diverged_at is not None:
        st.error(tr("train_diverged_zero" if hist.diverged_at == 0 else "diverged", epoch=hist.diverged_at),
                 icon=":material/warning:")  # fmt: skip


def summary() -> None:
    """Final loss, accuracy, learned or not, epochs; the success rule; why a failed run failed."""
    cols = st.columns(4)
    loss = hist.loss_at(last)
    cols[0].metric(tr("train_m_final_loss"), f"{loss:.6f}" if math.isfinite(loss) else "—")
    acc = float(series.accuracy_series(hist)[last])
    cols[1].metric(tr("train_m_accuracy"), f"{acc:.0%}" if math.isfinite(acc) else "—")
    ok = hist.diverged_at is None and hist.success()
    cols[2].metric(tr("train_m_success"), tr("train_success_yes" if ok else "train_success_no"), help=rule())
    cols[3].metric(tr("train_m_epochs"), f"{hist.epochs_run:,}")
    st.caption(rule())  # the one success rule behind "accuracy" and "learned?"
    engine_note(hist)
    diagnosis(hist)


def replay() -> None:
    """The epoch explorer: play, the scrubber, the loss, the boundary, the hidden plane."""
    if presenting():  # the engine's note, which the summary gives in reading mode
        engine_note(hist)
        log = bool(st.session_state.get("train_log"))
    else:
        log = st.toggle(tr("train_log"), key="train_log", help=tr("train_log_help"))
    explorer(hist, log)


def curves() -> None:
    """Accuracy, gradient norm, predictions and parameters per epoch."""
    a, g = st.columns(2)
    with a:
        chart(accuracy_chart, hist, lang(), height=None)
        st.caption(tr("train_acc_caption", **rule_values()))
    with g:
        chart(grad_norm_chart, hist, lang(), log=True, height=None)
        st.caption(tr("train_grad_caption"))
    p, q = st.columns(2)
    with p:
        chart(prediction_chart, hist, lang(), height=None)
        st.caption(tr("train_pred_caption"))
    with q:
        chart(params_chart, hist, lang(), height=None)
        st.caption(tr("train_params_caption"))


def final() -> None:
    """The trained model's predictions, as a table and as the lecture's cell 1 prints them."""
    if hist.diverged_at is not None:
        st.caption(tr("train_final_diverged", epoch=last))
    else:
        fails, runs = seed_failures(hist.config)
        lecture = ", ".join(f"{v:.3f}" for v in series.LECTURE_CELL1_PRED)
        st.caption(tr("train_final_caption", lecture=lecture, seed=hist.config.seed, fails=fails, runs=runs,
                      last=runs - 1))  # fmt: skip
    left, right = st.columns([3, 2])
    with left:
        pred_table(hist, last)
    with right:
        act = {"leaky_relu": "LeakyReLU", "relu": "ReLU", "tanh": "Tanh"}.get(hist.config.activation)
        head = tr("train_printout_head", act=act or hist.config.activation.capitalize())
        st.code(f"{head}\n {series.printout(hist.pred_at(last))}", language=None)


def downloads() -> None:
    """The History as CSV and the standalone script that reproduces this run."""
    cfg = hist.config
    slug = f"{cfg.activation}_{cfg.optimizer}_lr{cfg.lr:g}_seed{cfg.seed}_h{cfg.hidden}_e{cfg.epochs}"
    code = script(cfg, lang())
    a, b = st.columns(2)
    a.download_button(tr("train_dl_csv"), history_csv(hist), file_name=f"xor_history_{slug}.csv", mime="text/csv",
                      icon=":material/table:", help=tr("train_dl_csv_help"), key="train_dl_csv")  # fmt: skip
    b.download_button(tr("train_dl_script"), code, file_name=f"xor_{slug}.py", mime="text/x-python",
                      icon=":material/code:", help=tr("train_dl_script_help"), key="train_dl_script")  # fmt: skip
    with st.expander(tr("train_script_show")):
        if hist.diverged_at is None:
            st.caption(tr("train_script_caption", loss=f"{hist.final_loss:.6f}"))
        else:
            st.caption(tr("train_script_caption_div"))
        st.code(code, language="python")


ASKS = {"replay": [Ask("learns", lambda: learns(hist.config, hist.final_pred, hist.diverged_at))]}
show("training", with_quiz("training", [
    Section("intro", intro, slide=False),
    Section("summary", summary, slide=False),
    Section("replay", replay, tr("train_explorer"), slide_title=tr("train_title"), sub=True),
    Section("curves", curves, tr("train_curves"), slide=False, sub=True),
    Section("pinned", lambda: pinned_runs(hist, log=bool(st.session_state.get("train_log"))), slide=False),
    Section("final", final, tr("train_final"), slide=False, sub=True),
    Section("downloads", downloads, tr("train_downloads"), slide=False, sub=True),
], ASKS))  # fmt: skip
