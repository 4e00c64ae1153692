"""The Training page's pinned runs: pin the current run, overlay the pinned loss curves, unpin."""

from __future__ import annotations

import math

import streamlit as st

from app_pages._charts import chart
from app_pages._shared import history, lang, tr
from xorcore import Config, History, series
from xorcore.views import curves

MAX_PINS = 6
K_PINS = "train_pins"


def pinned_runs(hist: History, log: bool) -> None:
    """Pin the current run; overlay the pinned loss curves and the current one; unpin."""
    st.subheader(tr("train_pins"))
    st.caption(tr("train_pins_caption", max=MAX_PINS))
    pins: list[Config] = list(st.session_state.get(K_PINS, []))
    cur = hist.config
    c1, c2, c3 = st.columns([1.3, 1.3, 4], vertical_alignment="center")
    full, pinned = len(pins) >= MAX_PINS, cur in pins
    if c1.button(
        tr("train_pin"),
        key="train_pin_btn",
        icon=":material/push_pin:",
        disabled=full or pinned,
        help=tr("train_pin_help"),
    ):
        pins.append(cur)
        st.session_state[K_PINS] = pins
        st.rerun()
    if c2.button(tr("train_unpin_all"), key="train_unpin_all", icon=":material/clear_all:", disabled=not pins):
        st.session_state[K_PINS] = []
        st.rerun()
    if pinned:
        c3.caption(tr("train_pinned_already"))
    elif full:
        c3.caption(tr("train_pins_full", max=MAX_PINS))
    if not pins:
        st.info(tr("train_no_pins"), icon=":material/push_pin:")
        return
    runs = [(c.label(lang()), history(c)) for c in pins]
    current = cur.label(lang()) if pinned else tr("train_current", label=cur.label(lang()))
    if not pinned:
        runs.append((current, hist))
    chart(curves.overlay_chart, runs, lang(), log=log, current=current, height=None)
    st.caption(tr("train_overlay_caption", n=len(runs)))
    for i, (c, (label, pinned_hist)) in enumerate(zip(pins, runs, strict=False)):
        row = st.columns([6, 1.2], vertical_alignment="center")
        loss = pinned_hist.loss_at(series.last_epoch(pinned_hist))
        ok = pinned_hist.diverged_at is None and pinned_hist.success()
        verdict = tr("train_success_yes" if ok else "train_success_no")
        row[0].markdown(
            tr("train_pin_row", label=label, loss=f"{loss:.6f}" if math.isfinite(loss) else "—", verdict=verdict)
        )
        if row[1].button(tr("train_unpin"), key=f"train_unpin_{i}", icon=":material/close:"):
            st.session_state[K_PINS] = [p for p in pins if p != c]
            st.rerun()
