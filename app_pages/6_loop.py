"""The Loop page: the lecture's cell-1 training loop, one of its five steps at a time, and what skipping zero_grad does."""

from __future__ import annotations

import streamlit as st

from app_pages._loop_view import curves_view, loop_view
from app_pages._shared import config, nav_links, reveal, show_steps, tr

SCRIPT = "app_pages/6_loop.py"

cfg = config()
st.title(tr("page_loop"))
st.info(tr("lp_story"), icon=":material/school:")
st.markdown(tr("lp_intro", opt=tr("opt_" + cfg.optimizer), lr=f"{cfg.lr:g}", act=tr("act_" + cfg.activation)))
# Two steps for a presenter's clicker (PageDown crosses to the next page after the second): the loop, the curves.
n_show = reveal("lp", 2, SCRIPT)
show_steps(n_show, lambda k: loop_view(cfg) if k == 1 else curves_view(cfg))
nav_links(SCRIPT)
