"""Experiments: many seeds per setting, success-rate heatmap, loss spread, failing seeds, why ReLU fails.

Layout only: the grid is trained by xorcore.experiments (one engine batch per activation row), cached
row by row with st.cache_data on plain arguments, so a rerun or a revisit of the same grid is instant.
Reading mode draws the controls and the grid they ran; a slide draws the grid of slide_last().
"""

from __future__ import annotations

import streamlit as st

from app_pages._grid import K_GOTO, PAGE, TRAINING, controls, prefer, slide_last, train_grid
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
from app_pages._quiz import Ask, with_quiz
from app_pages._sections import Section, show
from app_pages._shared import named_params, nav_links, tr
from xorcore.quiz import worst_activation

if st.session_state.pop(K_GOTO, False):
    # not a plain clear(), which refuses the URL-bound sidebar params; the two named by code go with it
    st.switch_page(TRAINING, query_params=named_params())

ran: dict = {}  # reading mode: the grid the controls ran, and its settings


def setup() -> None:
    """The controls; the grid they ran (none yet: what Run will train is said, and the page ends)."""
    last, run = controls()
    if not last:
        nav_links(PAGE)
        st.stop()
    ran.update(last=last, grid=train_grid(last, timed=run))


def worst() -> object:
    """Which activation fails most often in the grid on screen, in its column of the sidebar's setting."""
    grid = ran["grid"] if "grid" in ran else train_grid(slide_last())  # reading mode's, run above; a slide's
    return worst_activation([grid.cell(r, prefer(grid)) for r in grid.rows])


ASK = [Ask("worst-activation", worst)]
show("experiments", with_quiz("experiments", [
    Section("controls", setup, slide=False),
    Section("results", lambda: results_note(ran["grid"], ran["last"]), slide=False),
    Section("success", lambda: heatmap(ran["grid"]), tr("ex_heat_header"), slide=False),
    Section("why-stuck", lambda: why_stuck(ran["grid"], ran["last"]), tr("ex_why_header"), slide=False),
    Section("spread", lambda: loss_spread(ran["grid"]), tr("ex_loss_header"), slide=False),
    Section("failing", lambda: failing_seeds(ran["grid"]), tr("ex_fail_header"), slide=False),
    Section("success-slide", heat_slide, tr("ex_slide_title"), reading=False),
    Section("stuck-slide", stuck_slide, tr("ex_why_header"), reading=False),
    Section("failing-slide", fail_slide, tr("ex_fail_header"), reading=False),
], {"success": ASK, "success-slide": ASK}))  # fmt: skip
