"""Experiments' sections (reading mode draws them all) and its three slides, on the grid of app_pages/_grid.py."""

from __future__ import annotations

import numpy as np
import streamlit as st

from app_pages._charts import chart
from app_pages._grid import (
    K_RESCUE,
    ROWS_PER_PAGE,
    SLIDE_ROWS,
    case_records,
    col_text,
    fixed,
    names,
    open_run,
    plain_key,
    prefer,
    rescued_row,
    setting_name,
    slide_last,
    train_grid,
    vs_torch,
)  # fmt: skip
from app_pages._sections import more, presenting
from app_pages._shared import config, lang, rule, tr
from xorcore import experiments as ex
from xorcore import stuck, stuck_grid
from xorcore.float32 import slope_values
from xorcore.views.grid import headline, loss_strip, strip_notes, success_heatmap

# ---------------------------------------------------------------- sections (reading mode draws them all)


def results_note(grid: ex.GridResult, last: dict) -> None:
    """How big the grid is, how long it took, and how the engine relates to PyTorch."""
    n_cells = len(grid.rows) * len(grid.cols)
    size = {"runs": n_cells * grid.seeds, "cells": n_cells, "seeds": grid.seeds, "epochs": grid.epochs}
    if last.get("seconds", 0) > 0.05:
        st.success(tr("ex_done", seconds=last["seconds"], **size), icon=":material/check_circle:")
    else:
        st.success(tr("ex_cached", **size), icon=":material/check_circle:")
    st.caption(vs_torch())
    rows, cols = names(grid)
    st.caption(
        tr("ex_results_for", rows=rows, cols=cols, seeds=grid.seeds, epochs=grid.epochs, fixed=fixed(last, done=True))
    )


def heatmap(grid: ex.GridResult) -> None:
    """How many seeds of each setting learn XOR."""
    chart(success_heatmap, grid, lang(), height=None, width="content")  # alt text: the chart's description
    st.caption(tr("ex_heat_caption", rule=rule()))


def _records(grid: ex.GridResult, last: dict, rescue_button: bool) -> tuple[list[dict], dict | None]:
    """case_counts of the grid (with the rescue run's outcomes once asked for), and those outcomes."""
    grid_key = plain_key(last)
    longer_ok = grid.epochs < stuck.LONGER
    if rescue_button and longer_ok and st.button(tr("sk_rescue", longer=f"{stuck.LONGER:,}"),
                                                 icon=":material/fitness_center:",
                                                 help=tr("sk_rescue_help", longer=f"{stuck.LONGER:,}")):  # fmt: skip
        st.session_state[K_RESCUE] = grid_key
    saved = None
    if longer_ok and st.session_state.get(K_RESCUE) == grid_key:
        saved = {}
        for row in grid.rows:
            saved.update(zip([(row, c) for c in grid.cols], rescued_row(row, *grid_key), strict=True))
    return case_records(grid_key, saved is not None, grid, saved), saved


def why_stuck(grid: ex.GridResult, last: dict) -> None:
    """Why runs fail: the dead-start count, the failures by case, the rescue with more epochs."""
    st.markdown(tr("ex_why_text", **slope_values(), **stuck.rule_values()))
    if "relu" in grid.rows:
        st.info(stuck_grid.grid_dead_text(grid, lang()), icon=":material/lightbulb:")
    else:
        st.caption(tr("ex_why_norelu"))
    records, saved = _records(grid, last, rescue_button=True)
    if records:
        st.dataframe(stuck_grid.case_frame(records, lang(), setting_name(grid.kind)), hide_index=True)
        st.caption(tr("sk_table_caption", **stuck.rule_values()))
        if saved is not None:
            st.info(stuck_grid.rescue_text(records, lang(), setting_name(grid.kind)), icon=":material/fitness_center:")
    if grid.epochs >= stuck.LONGER:
        st.caption(tr("sk_rescue_max", epochs=f"{grid.epochs:,}"))


def loss_spread(grid: ex.GridResult) -> None:
    """Every run's final loss, one row of dots per setting."""
    chart(loss_strip, grid, lang(), height=None, width="content")  # alt text: the chart's description
    st.caption(tr("ex_loss_caption") + strip_notes(grid, lang()))
    n_div = int(sum(c.diverged.sum() for c in grid.cells.values()))
    if n_div:
        st.caption(tr("ex_loss_diverged", n=n_div))


def failing_seeds(grid: ex.GridResult, per_page: int = ROWS_PER_PAGE) -> None:
    """Pick a setting, list its failing seeds (per_page at a time), each with an Open button."""
    present = presenting()
    failing = [(key, c) for key, c in grid.cells.items() if c.n_success < c.n]
    if not failing:
        st.success(tr("ex_fail_none"), icon=":material/celebration:")
        return
    if not present:
        st.markdown(tr("ex_fail_intro"))
    labels = {
        f"{r}|{c}": tr("ex_fail_cell_option", act=tr(f"act_{r}"), col=col_text(grid.kind, c), n=cell.n - cell.n_success)
        for (r, c), cell in failing
    }  # fmt: skip
    # start with ReLU at the sidebar's optimizer / lr if it failed there (the lecture's question)
    preferred = f"relu|{config().optimizer if grid.kind == 'optimizers' else config().lr}"
    default = (
        preferred if preferred in labels else next((k for k in labels if k.startswith("relu|")), next(iter(labels)))
    )
    if st.session_state.get("ex_fail_cell") not in labels:
        st.session_state["ex_fail_cell"] = default
    pick, pager = st.columns([3, 2], vertical_alignment="bottom") if present else (st, st)
    choice = pick.selectbox(tr("ex_fail_cell"), list(labels), key="ex_fail_cell", format_func=labels.get)
    cell = dict(failing)[next(k for k in dict(failing) if f"{k[0]}|{k[1]}" == choice)]
    idx = np.flatnonzero(~cell.success)
    st.caption(tr("ex_fail_count", n=len(idx), total=cell.n))
    n_pages = (len(idx) + per_page - 1) // per_page
    page = 0
    if n_pages > 1:  # a slide: a dropdown beside the setting (a row of 16 buttons would fill the slide)
        widget = pager.selectbox if present else pager.segmented_control
        extra = {} if present else {"default": 0}
        page = widget(
            tr("ex_fail_page", n=len(idx)), list(range(n_pages)), key=f"ex_fail_pg_{choice}_{per_page}",
            format_func=lambda p: f"{p * per_page + 1}–{min((p + 1) * per_page, len(idx))}", **extra,
        ) or 0  # fmt: skip
    widths = [1, 1.4, 3, 1.6, 1.2]
    head = st.columns(widths, vertical_alignment="center")
    for col, key in zip(head, ("ex_col_seed", "ex_col_loss", "ex_col_pred", "ex_col_dead", "ex_col_open"), strict=True):
        col.markdown(f"**{tr(key)}**")
    for i in idx[page * per_page : (page + 1) * per_page]:
        seed = int(cell.seeds[i])
        line = st.columns(widths, vertical_alignment="center")
        line[0].markdown(f"**{seed}**")
        loss = cell.final_loss[i]
        line[1].markdown(tr("ex_diverged") if cell.diverged[i] else f"{loss:.4f}")
        preds = (f"{p:.3f}" for p in cell.final_pred[i])  # a slide: plain text, the back row's size
        line[2].markdown(" ".join(preds) if present else " ".join(f"`{p}`" for p in preds))
        dead = (
            tr("ex_dead_of", dead=int(cell.dead[i]), hidden=cell.hidden)
            if cell.activation == "relu"
            else tr("ex_dead_na")
        )
        line[3].markdown(dead)
        line[4].button(tr("ex_open"), key=f"ex_open_{cell.activation}_{cell.optimizer}_{cell.lr:g}_{seed}",
                       on_click=open_run, args=(cell, seed), icon=":material/open_in_new:",
                       help=tr("ex_open_help", seed=seed))  # fmt: skip
    if present:
        return
    runs = grid.runs().rename(columns={"row": tr("ex_csv_row"), "col": tr("ex_csv_col")})
    st.download_button(tr("ex_download"), runs.to_csv(index=False).encode(), file_name="xor_experiments.csv",
                       mime="text/csv", icon=":material/download:")  # fmt: skip


# ---------------------------------------------------------------- slides: the same sections cut to 1280 x 720


def heat_slide() -> None:
    """The lecture's question, the computed headline, the heatmap of the sidebar's grid (trained on arrival)."""
    last = slide_last()
    grid = train_grid(last)
    st.markdown(f":material/school: **{tr('ex_slide_lead', n=grid.seeds)}** {headline(grid, lang(), prefer(grid))}")
    chart(success_heatmap, grid, lang(), slide=True, height=None, width="content")  # alt text: the chart's description
    rows, cols = names(grid)
    st.caption(tr("ex_slide_grid", rows=rows, cols=cols, seeds=grid.seeds, epochs=grid.epochs, fixed=fixed(last, done=True))
               + " " + rule())  # fmt: skip
    with more():
        st.markdown(tr("ex_intro"))
        st.caption(tr("ex_slide_how", seeds=ex.DEFAULT_SEEDS))
        st.caption(tr("ex_heat_caption", rule=rule()))
        st.caption(vs_torch())


def stuck_slide() -> None:
    """Why the runs got stuck: the dead-start count and the failures by case, in the sidebar's column."""
    last = slide_last()
    grid = train_grid(last)
    if "relu" in grid.rows:
        st.info(stuck_grid.grid_dead_text(grid, lang()), icon=":material/lightbulb:")
    else:
        st.caption(tr("ex_why_norelu"))
    records, _ = _records(grid, last, rescue_button=False)
    col = prefer(grid)
    shown = [r for r in records if r["col"] == col]
    if shown:
        st.dataframe(stuck_grid.case_frame(shown, lang(), setting_name(grid.kind)), hide_index=True)
        st.caption(tr("ex_slide_column", col=col_text(grid.kind, col)))  # not sk_table_caption: no rescue here
    with more():
        st.markdown(tr("ex_why_text", **slope_values(), **stuck.rule_values()))
        if records:
            st.dataframe(stuck_grid.case_frame(records, lang(), setting_name(grid.kind)), hide_index=True)


def fail_slide() -> None:
    """The failing seeds of one setting, a few at a time, each one click from the Training Curve page."""
    grid = train_grid(slide_last())
    failing_seeds(grid, per_page=SLIDE_ROWS)
