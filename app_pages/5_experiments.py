"""Page 5 · Experiments: many seeds per setting, success-rate heatmap, loss spread, failing seeds, why ReLU fails.

Layout only: the grid is trained by xorcore.experiments (one engine batch per activation row), cached
row by row with st.cache_data on plain arguments, so a rerun or a revisit of the same grid is instant.
"""

from __future__ import annotations

import time

import numpy as np
import streamlit as st

from app_pages._shared import K_ENGINE, config, lang, nav_links, page_path, rule, tr
from app_pages._slides import deck, presenting
from xorcore import Config, stuck
from xorcore import experiments as ex
from xorcore.agreement import measured
from xorcore.config import ACTIVATIONS, EPOCH_RANGE, LR_CHOICES, OPTIMIZERS
from xorcore.views.grid import col_label, loss_strip, success_heatmap

PAGE = page_path("experiments")
TRAINING = page_path("training")
K_LAST = "ex_last"  # the grid of the last run (plain values): survives page switches
K_RESCUE = "ex_rescue"  # the grid (plain settings) whose failed runs were trained longer
K_GOTO = "ex_goto"  # set by an Open button's callback: switch to the Training Curve page
ROWS_PER_PAGE = 10
SEED_RANGE = (1, 1000)
DEFAULT_LRS = (0.001, 0.01, 0.1, 1.0)

if st.session_state.pop(K_GOTO, False):
    st.switch_page(TRAINING, query_params={})  # {}: a plain clear() refuses the URL-bound sidebar params

cfg, lg = config(), lang()
if presenting():  # the clicker's bar (PageUp back to Training Curve); the page itself is not cut to a slide yet
    deck(PAGE, [lambda: None])


@st.cache_data(max_entries=128, show_spinner=False)
def _row(activation: str, cols: tuple, kind: str, seeds: int, epochs: int, hidden: int, lr: float,
         optimizer: str) -> dict:  # fmt: skip
    """One activation's cells of a grid (plain arguments, so the cache key is exact)."""
    base = Config(lr=lr, optimizer=optimizer, hidden=hidden)
    return ex.row_cells(activation, list(cols), kind, seeds, epochs, base)  # type: ignore[arg-type]


@st.cache_data(max_entries=32, show_spinner=False)
def _rescued(row: str, kind: str, rows: tuple, cols: tuple, seeds: int, epochs: int, hidden: int, lr: float,
             optimizer: str) -> list:  # fmt: skip
    """stuck.rescued() of one activation row's cells: which failed runs learn with stuck.LONGER epochs."""
    cells = _row(row, cols, kind, seeds, epochs, hidden, lr, optimizer)
    return stuck.rescued([cells[(row, c)] for c in cols])


@st.cache_data(max_entries=32, show_spinner=False)
def _cases(key: tuple, with_rescue: bool, _grid: ex.GridResult, _saved: dict | None) -> list[dict]:
    """stuck.case_counts of the grid whose plain settings are `key` (with or without the rescue run)."""
    return stuck.case_counts(_grid, _saved)


def _setting(row: str, col: object) -> str:
    """'sigmoid · Adam': how a setting of the grid is named in sentences and tables."""
    return f"{tr(f'act_{row}')} · {col_label(grid.kind, col, lg, short=True)}"


def _open(cell: ex.Cell, seed: int) -> None:
    """Button callback: put the run's settings into the sidebar's keys, then ask for the page switch."""
    for key, value in cell.config(seed).as_dict().items():
        st.session_state[key] = value
    # Training Curve trains it in PyTorch and says so if PyTorch's outcome is another one
    st.session_state[K_ENGINE] = (cell.config(seed), bool(cell.success[list(cell.seeds).index(seed)]))
    st.session_state[K_GOTO] = True


def _vs_torch() -> str:
    """One sentence on how the engine's outcomes relate to PyTorch's, from the stored measurement."""
    m = measured()
    if m is None:
        return tr("ex_vs_torch_none")
    return tr("ex_vs_torch", runs=m.runs, last=m.seeds - 1, cells=m.cells, differ=m.differ, share=f"{m.share:.1%}")


def _col_text(kind: str, col: object) -> str:
    return col_label(kind, col, lg)


# ---------------------------------------------------------------- controls

st.title(tr("ex_title"))
st.markdown(tr("ex_intro"))

last = st.session_state.get(K_LAST)
kind = st.segmented_control(
    tr("ex_kind"), ex.KINDS, key="ex_kind", default=last["kind"] if last else "optimizers",
    format_func=lambda k: tr(f"ex_kind_{k}"),
) or "optimizers"  # fmt: skip
# pills, not multiselects: every choice stays visible on a projector, one click toggles it
acts = st.pills(
    tr("ex_acts"), ACTIVATIONS, selection_mode="multi", default=list(last["rows"]) if last else list(ACTIVATIONS),
    key="ex_acts", format_func=lambda a: tr(f"act_{a}"),
)  # fmt: skip
if kind == "optimizers":
    default_cols = list(last["cols"]) if last and last["kind"] == kind else list(OPTIMIZERS)
    cols = st.pills(tr("ex_opts"), OPTIMIZERS, selection_mode="multi", default=default_cols, key="ex_opts",
                    format_func=lambda o: tr(f"opt_{o}"))  # fmt: skip
    fixed = tr("ex_fixed_optimizers", lr=f"{cfg.lr:g}", hidden=cfg.hidden)
else:
    default_cols = list(last["cols"]) if last and last["kind"] == kind else list(DEFAULT_LRS)
    cols = st.pills(tr("ex_lrs"), LR_CHOICES, selection_mode="multi", default=default_cols, key="ex_lrs",
                    format_func=lambda v: f"{v:g}")  # fmt: skip
    fixed = tr("ex_fixed_lrs", opt=tr(f"opt_{cfg.optimizer}"), hidden=cfg.hidden)
c3, c4 = st.columns(2)
seeds = int(c3.number_input(tr("ex_seeds"), *SEED_RANGE, value=last["seeds"] if last else ex.DEFAULT_SEEDS,
                            step=10, key="ex_seeds", help=tr("ex_seeds_help")))  # fmt: skip
epochs = int(c4.number_input(tr("ex_epochs"), *EPOCH_RANGE, value=last["epochs"] if last else cfg.epochs,
                             step=100, key="ex_epochs", help=tr("ex_epochs_help")))  # fmt: skip
st.caption(fixed)
empty = not acts or not cols
if empty:
    st.warning(tr("ex_empty", what=tr(f"ex_what_{kind}")), icon=":material/info:")
run = st.button(tr("ex_run"), type="primary", icon=":material/play_arrow:", disabled=empty, help=tr("ex_run_help"))
if run and not empty:
    order = {c: i for i, c in enumerate(OPTIMIZERS if kind == "optimizers" else LR_CHOICES)}
    last = {
        "kind": kind, "rows": tuple(a for a in ACTIVATIONS if a in acts), "cols": tuple(sorted(cols, key=order.get)),
        "seeds": seeds, "epochs": epochs, "hidden": cfg.hidden, "lr": cfg.lr, "optimizer": cfg.optimizer,
        "fixed": fixed,
    }  # fmt: skip
    st.session_state[K_LAST] = last

if not last:
    st.info(tr("ex_press_run"), icon=":material/science:")
    nav_links(PAGE)
    st.stop()

# ---------------------------------------------------------------- train (cached per activation row)

t0 = time.perf_counter()
rows_total = len(last["rows"])
bar = st.progress(0.0, text=tr("ex_progress", row=tr(f"act_{last['rows'][0]}"), done=0, total=rows_total))
cells: dict = {}
for i, row in enumerate(last["rows"]):
    bar.progress(i / rows_total, text=tr("ex_progress", row=tr(f"act_{row}"), done=i, total=rows_total))
    cells.update(_row(row, last["cols"], last["kind"], last["seeds"], last["epochs"], last["hidden"], last["lr"],
                      last["optimizer"]))  # fmt: skip
bar.empty()
if run:  # the run that trained (or found the grid in the cache): keep its time for later reruns
    last["seconds"] = time.perf_counter() - t0
grid = ex.grid_result(list(last["rows"]), list(last["cols"]), last["kind"], last["seeds"], last["epochs"],
                      last["hidden"], cells)  # fmt: skip
n_cells = len(last["rows"]) * len(last["cols"])
row_names = ", ".join(tr(f"act_{r}") for r in grid.rows)
col_names = ", ".join(_col_text(grid.kind, c) for c in grid.cols)
size = {"runs": n_cells * grid.seeds, "cells": n_cells, "seeds": grid.seeds, "epochs": grid.epochs}
if last.get("seconds", 0) > 0.05:
    st.success(tr("ex_done", seconds=last["seconds"], **size), icon=":material/check_circle:")
else:
    st.success(tr("ex_cached", **size), icon=":material/check_circle:")
st.caption(_vs_torch())
st.caption(tr("ex_results_for", rows=row_names, cols=col_names, seeds=grid.seeds, epochs=grid.epochs,
              fixed=last["fixed"]))  # fmt: skip

# ---------------------------------------------------------------- success heatmap

st.header(tr("ex_heat_header"))
st.altair_chart(success_heatmap(grid, lg), width="content")  # alt text: the chart's description
st.caption(tr("ex_heat_caption", rule=rule()))

# ---------------------------------------------------------------- why runs get stuck

st.header(tr("ex_why_header"))
st.markdown(tr("ex_why_text"))
if "relu" in grid.rows:
    st.info(stuck.grid_dead_text(grid, lg), icon=":material/lightbulb:")
else:
    st.caption(tr("ex_why_norelu"))
grid_key = tuple(last[k] for k in ("kind", "rows", "cols", "seeds", "epochs", "hidden", "lr", "optimizer"))
longer_ok = grid.epochs < stuck.LONGER
if longer_ok and st.button(tr("sk_rescue", longer=f"{stuck.LONGER:,}"), icon=":material/fitness_center:",
                           help=tr("sk_rescue_help", longer=f"{stuck.LONGER:,}")):  # fmt: skip
    st.session_state[K_RESCUE] = grid_key
saved = None
if longer_ok and st.session_state.get(K_RESCUE) == grid_key:
    saved = {}
    for row in grid.rows:
        saved.update(zip([(row, c) for c in grid.cols], _rescued(row, *grid_key), strict=True))
records = _cases(grid_key, saved is not None, grid, saved)
if records:
    st.dataframe(stuck.case_frame(records, lg, _setting), hide_index=True)
    st.caption(tr("sk_table_caption"))
    if saved is not None:
        st.info(stuck.rescue_text(records, lg, _setting), icon=":material/fitness_center:")
if not longer_ok:
    st.caption(tr("sk_rescue_max", epochs=f"{grid.epochs:,}"))

# ---------------------------------------------------------------- spread of final losses

st.header(tr("ex_loss_header"))
st.altair_chart(loss_strip(grid, lg), width="content")  # alt text: the chart's description
st.caption(tr("ex_loss_caption"))
n_div = int(sum(c.diverged.sum() for c in grid.cells.values()))
if n_div:
    st.caption(tr("ex_loss_diverged", n=n_div))

# ---------------------------------------------------------------- failing seeds, each one click from the Training page

st.header(tr("ex_fail_header"))
failing = [(key, c) for key, c in grid.cells.items() if c.n_success < c.n]
if not failing:
    st.success(tr("ex_fail_none"), icon=":material/celebration:")
else:
    st.markdown(tr("ex_fail_intro"))
    labels = {
        f"{r}|{c}": tr("ex_fail_cell_option", act=tr(f"act_{r}"), col=_col_text(grid.kind, c), n=cell.n - cell.n_success)
        for (r, c), cell in failing
    }  # fmt: skip
    # start with ReLU at the sidebar's optimizer / lr if it failed there (the lecture's question)
    preferred = f"relu|{cfg.optimizer if grid.kind == 'optimizers' else cfg.lr}"
    default = (
        preferred if preferred in labels else next((k for k in labels if k.startswith("relu|")), next(iter(labels)))
    )
    if st.session_state.get("ex_fail_cell") not in labels:
        st.session_state["ex_fail_cell"] = default
    choice = st.selectbox(tr("ex_fail_cell"), list(labels), key="ex_fail_cell", format_func=labels.get)
    cell = dict(failing)[next(k for k in dict(failing) if f"{k[0]}|{k[1]}" == choice)]
    idx = np.flatnonzero(~cell.success)
    st.caption(tr("ex_fail_count", n=len(idx), total=cell.n))
    n_pages = (len(idx) + ROWS_PER_PAGE - 1) // ROWS_PER_PAGE
    page = 0
    if n_pages > 1:
        page = st.segmented_control(
            tr("ex_fail_page", n=len(idx)), list(range(n_pages)),
            default=0, key=f"ex_fail_pg_{choice}",
            format_func=lambda p: f"{p * ROWS_PER_PAGE + 1}–{min((p + 1) * ROWS_PER_PAGE, len(idx))}",
        ) or 0  # fmt: skip
    widths = [1, 1.4, 3, 1.6, 1.2]
    head = st.columns(widths, vertical_alignment="center")
    for col, key in zip(head, ("ex_col_seed", "ex_col_loss", "ex_col_pred", "ex_col_dead", "ex_col_open"), strict=True):
        col.markdown(f"**{tr(key)}**")
    for i in idx[page * ROWS_PER_PAGE : (page + 1) * ROWS_PER_PAGE]:
        seed = int(cell.seeds[i])
        line = st.columns(widths, vertical_alignment="center")
        line[0].markdown(f"**{seed}**")
        loss = cell.final_loss[i]
        line[1].markdown(tr("ex_diverged") if cell.diverged[i] else f"{loss:.4f}")
        line[2].markdown(" ".join(f"`{p:.3f}`" for p in cell.final_pred[i]))
        dead = (
            tr("ex_dead_of", dead=int(cell.dead[i]), hidden=cell.hidden)
            if cell.activation == "relu"
            else tr("ex_dead_na")
        )
        line[3].markdown(dead)
        line[4].button(tr("ex_open"), key=f"ex_open_{cell.activation}_{cell.optimizer}_{cell.lr:g}_{seed}",
                       on_click=_open, args=(cell, seed), icon=":material/open_in_new:",
                       help=tr("ex_open_help", seed=seed))  # fmt: skip
    runs = grid.runs().rename(columns={"row": tr("ex_csv_row"), "col": tr("ex_csv_col")})
    st.download_button(tr("ex_download"), runs.to_csv(index=False).encode(), file_name="xor_experiments.csv",
                       mime="text/csv", icon=":material/download:")  # fmt: skip

nav_links(PAGE)
