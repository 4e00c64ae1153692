"""The Loop page: the lecture's cell-1 training loop, one of its five steps at a time, and what skipping zero_grad does."""

from __future__ import annotations

import streamlit as st

from app_pages._loop_view import curves_view, loop_view
from app_pages._shared import config, nav_links, tr
from app_pages._slides import deck, presenting

SCRIPT = "app_pages/loop.py"

cfg = config()
if presenting():  # two slides: the loop one step at a time, the curves with and without zero_grad
    deck(SCRIPT, [lambda: loop_view(cfg), lambda: curves_view(cfg)])
else:
    st.title(tr("page_loop"))
    st.info(tr("lp_story"), icon=":material/school:")
    st.markdown(tr("lp_intro", opt=tr("opt_" + cfg.optimizer), lr=f"{cfg.lr:g}", act=tr("act_" + cfg.activation)))
    loop_view(cfg)
    curves_view(cfg)
    nav_links(SCRIPT)
