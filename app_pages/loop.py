"""The Loop: the lecture's cell-1 training loop, one of its five steps at a time, and what skipping zero_grad does."""

from __future__ import annotations

import streamlit as st

from app_pages._loop_view import CURVE_EPOCHS, curves, curves_view, loop_view
from app_pages._quiz import Ask, with_quiz
from app_pages._sections import Section, show
from app_pages._shared import config, tr
from xorcore.quiz import grad_twice, zero_grad_curve

cfg = config()


def intro() -> None:
    """The page's title and what the loop runs with (reading mode)."""
    st.title(tr("page_loop"))
    st.markdown(tr("lp_intro", opt=tr("opt_" + cfg.optimizer), lr=f"{cfg.lr:g}", act=tr("act_" + cfg.activation)))


ASKS = {
    "stepper": [Ask("grad-twice", lambda: grad_twice(cfg))],
    "zero-grad": [Ask("zero-grad-curve", lambda: zero_grad_curve(*curves(cfg, min(CURVE_EPOCHS, cfg.epochs))))],
}
show("loop", with_quiz("loop", [
    Section("intro", intro, slide=False),
    Section("stepper", lambda: loop_view(cfg), slide_title=tr("page_loop")),
    Section("zero-grad", lambda: curves_view(cfg), tr("lp_h_curves")),
], ASKS))  # fmt: skip
