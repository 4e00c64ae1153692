"""Page 5 · Experiments: many seeds per setting, success-rate heatmap, loss spread, failing seeds, why ReLU fails.

Layout only: the grid is trained by xorcore.experiments (one engine batch per activation row), cached
row by row with st.cache_data on plain arguments, so a rerun or a revisit of the same grid is instant.
"""

from __future__ import annotations

import streamlit as st

from app_pages._grid import K_GOTO, PAGE, TRAINING, controls, train_grid
from app_pages._grid_sections import (
    fail_slide,
    failing_seeds,
    heat_slide,
    heatmap,
    loss_spread,
    results_note,
    stuck_slide,
    why_stuck,
)
from app_pages._shared import named_params, nav_links
from app_pages._slides import deck, presenting

if st.session_state.pop(K_GOTO, False):
    # not a plain clear(), which refuses the URL-bound sidebar params; the two named by code go with it
    st.switch_page(TRAINING, query_params=named_params())


if presenting():
    deck(PAGE, [heat_slide, stuck_slide, fail_slide])
    st.stop()

last, run = controls()
if not last:  # controls() said what Run will train
    nav_links(PAGE)
    st.stop()
grid = train_grid(last, timed=run)
results_note(grid, last)
heatmap(grid)
why_stuck(grid, last)
loss_spread(grid)
failing_seeds(grid)
nav_links(PAGE)
