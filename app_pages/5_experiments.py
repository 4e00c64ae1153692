"""Page 5 · Experiments: many seeds per setting, success-rate heatmap, loss spread, failing seeds, why ReLU fails.

Layout only: the grid is trained by xorcore.experiments (one engine batch per activation row), cached
row by row with st.cache_data on plain arguments, so a rerun or a revisit of the same grid is instant.
"""

from __future__ import annotations

import time

import numpy as np
import streamlit as st

from app_pages._shared import K_ENGINE, config, lang, named_params, nav_links, page_path, rule, tr
from app_pages._slides import deck, more, presenting, title
from xorcore import Config, stuck
from xorcore import experiments as ex
from xorcore.agreement import measured
from xorcore.config import ACTIVATIONS, EPOCH_RANGE, LR_CHOICES, OPTIMIZERS
from xorcore.float32 import slope_values
from xorcore.views.grid import col_label, headline, loss_strip, success_heatmap

PAGE = page_path("experiments")
TRAINING = page_path("training")
K_LAST = "ex_last"  # the grid of the last run (plain values): survives page switches
K_RESCUE = "ex_rescue"  # the grid (plain settings) whose failed runs were trained longer
K_GOTO = "ex_goto"  # set by an Open button's callback: switch to the Training Curve page
ROWS_PER_PAGE = 10
SEED_RANGE = (1, 1000)
DEFAULT_LRS = (0.001, 0.01, 0.1, 1.0)

if st.session_state.pop(K_GOTO, False):
    # not a plain clear(), which refuses the URL-bound sidebar params; the two named by code go with it
    st.switch_page(TRAINING, query_params=named_params())

cfg, lg = config(), lang()
SLIDE_ROWS = 5  # failing seeds listed per page on a slide


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


def _setting(kind: str):  # -> Callable[[str, object], str]
    """How a setting of a grid of this kind is named in sentences and tables: 'sigmoid · Adam'."""
    return lambda row, col: f"{tr(f'act_{row}')} · {col_label(kind, col, lg, short=True)}"


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


# ---------------------------------------------------------------- the grid: chosen (reading mode) or the sidebar's


def _fixed(last: dict, done: bool = False) -> str:
    """What every run of the grid shares: from the sidebar (controls), or the grid's own settings once it ran (done)."""
    if last["kind"] == "optimizers":
        return tr(
            "ex_fixed_done_optimizers" if done else "ex_fixed_optimizers", lr=f"{last['lr']:g}", hidden=last["hidden"]
        )
    return tr(
        "ex_fixed_done_lrs" if done else "ex_fixed_lrs", opt=tr(f"opt_{last['optimizer']}"), hidden=last["hidden"]
    )


def controls() -> tuple[dict | None, bool]:
    """Reading mode's grid controls and Run button: (the grid to show, whether Run was pressed)."""
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
    else:
        default_cols = list(last["cols"]) if last and last["kind"] == kind else list(DEFAULT_LRS)
        cols = st.pills(tr("ex_lrs"), LR_CHOICES, selection_mode="multi", default=default_cols, key="ex_lrs",
                        format_func=lambda v: f"{v:g}")  # fmt: skip
    c3, c4 = st.columns(2)
    seeds = int(c3.number_input(tr("ex_seeds"), *SEED_RANGE, value=last["seeds"] if last else ex.DEFAULT_SEEDS,
                                step=10, key="ex_seeds", help=tr("ex_seeds_help")))  # fmt: skip
    epochs = int(c4.number_input(tr("ex_epochs"), *EPOCH_RANGE, value=last["epochs"] if last else cfg.epochs,
                                 step=100, key="ex_epochs", help=tr("ex_epochs_help")))  # fmt: skip
    chosen = {"kind": kind, "seeds": seeds, "epochs": epochs, "hidden": cfg.hidden, "lr": cfg.lr,
              "optimizer": cfg.optimizer}  # fmt: skip
    st.caption(_fixed(chosen))
    empty = not acts or not cols
    if empty:
        st.warning(tr("ex_empty", what=tr(f"ex_what_{kind}")), icon=":material/info:")
    run = st.button(tr("ex_run"), type="primary", icon=":material/play_arrow:", disabled=empty,
                    help=tr("ex_run_help"))  # fmt: skip
    if run and not empty:
        order = {c: i for i, c in enumerate(OPTIMIZERS if kind == "optimizers" else LR_CHOICES)}
        last = {**chosen, "rows": tuple(a for a in ACTIVATIONS if a in acts),
                "cols": tuple(sorted(cols, key=order.get))}  # fmt: skip
        st.session_state[K_LAST] = last
    if not last:
        what = tr(f"ex_what_{kind}")
        st.info(tr("ex_press_run", runs=f"{len(acts or []) * len(cols or []) * seeds:,}", rows=len(acts or []),
                   cols=len(cols or []), what=what, seeds=seeds, epochs=f"{epochs:,}"), icon=":material/science:")  # fmt: skip
    return last, run


def slide_last() -> dict:
    """The grid a slide shows: the last one run here if it used the sidebar's settings, else their default grid."""
    last = st.session_state.get(K_LAST)
    if (
        last
        and last["hidden"] == cfg.hidden
        and (last["lr"] == cfg.lr if last["kind"] == "optimizers" else last["optimizer"] == cfg.optimizer)
    ):
        return last
    last = {"kind": "optimizers", "rows": ACTIVATIONS, "cols": OPTIMIZERS, "seeds": ex.DEFAULT_SEEDS,
            "epochs": cfg.epochs, "hidden": cfg.hidden, "lr": cfg.lr, "optimizer": cfg.optimizer}  # fmt: skip
    st.session_state[K_LAST] = last
    return last


def train_grid(last: dict, timed: bool = False) -> ex.GridResult:
    """The grid of `last`, trained row by row under a progress bar (each row cached); timed: keep the seconds."""
    t0 = time.perf_counter()
    rows_total = len(last["rows"])
    bar = st.progress(0.0, text=tr("ex_progress", row=tr(f"act_{last['rows'][0]}"), done=0, total=rows_total))
    cells: dict = {}
    for i, row in enumerate(last["rows"]):
        bar.progress(i / rows_total, text=tr("ex_progress", row=tr(f"act_{row}"), done=i, total=rows_total))
        cells.update(_row(row, last["cols"], last["kind"], last["seeds"], last["epochs"], last["hidden"],
                          last["lr"], last["optimizer"]))  # fmt: skip
    bar.empty()
    if timed:  # the run that trained (or found the grid in the cache): keep its time for later reruns
        last["seconds"] = time.perf_counter() - t0
    return ex.grid_result(list(last["rows"]), list(last["cols"]), last["kind"], last["seeds"], last["epochs"],
                          last["hidden"], cells)  # fmt: skip


def _grid_key(last: dict) -> tuple:
    return tuple(last[k] for k in ("kind", "rows", "cols", "seeds", "epochs", "hidden", "lr", "optimizer"))


def _names(grid: ex.GridResult) -> tuple[str, str]:
    return ", ".join(tr(f"act_{r}") for r in grid.rows), ", ".join(_col_text(grid.kind, c) for c in grid.cols)


def _prefer(grid: ex.GridResult) -> object:
    """The grid's column of the sidebar's setting (optimizer or learning rate), else its first column."""
    want = cfg.optimizer if grid.kind == "optimizers" else cfg.lr
    return want if want in grid.cols else grid.cols[0]


# ---------------------------------------------------------------- sections (reading mode draws them all)


def results_note(grid: ex.GridResult, last: dict) -> None:
    """How big the grid is, how long it took, and how the engine relates to PyTorch."""
    n_cells = len(grid.rows) * len(grid.cols)
    size = {"runs": n_cells * grid.seeds, "cells": n_cells, "seeds": grid.seeds, "epochs": grid.epochs}
    if last.get("seconds", 0) > 0.05:
        st.success(tr("ex_done", seconds=last["seconds"], **size), icon=":material/check_circle:")
    else:
        st.success(tr("ex_cached", **size), icon=":material/check_circle:")
    st.caption(_vs_torch())
    rows, cols = _names(grid)
    st.caption(
        tr("ex_results_for", rows=rows, cols=cols, seeds=grid.seeds, epochs=grid.epochs, fixed=_fixed(last, done=True))
    )


def heatmap(grid: ex.GridResult) -> None:
    st.header(tr("ex_heat_header"))
    st.altair_chart(success_heatmap(grid, lg), width="content")  # alt text: the chart's description
    st.caption(tr("ex_heat_caption", rule=rule()))


def _records(grid: ex.GridResult, last: dict, rescue_button: bool) -> tuple[list[dict], dict | None]:
    """case_counts of the grid (with the rescue run's outcomes once asked for), and those outcomes."""
    grid_key = _grid_key(last)
    longer_ok = grid.epochs < stuck.LONGER
    if rescue_button and longer_ok and st.button(tr("sk_rescue", longer=f"{stuck.LONGER:,}"),
                                                 icon=":material/fitness_center:",
                                                 help=tr("sk_rescue_help", longer=f"{stuck.LONGER:,}")):  # fmt: skip
        st.session_state[K_RESCUE] = grid_key
    saved = None
    if longer_ok and st.session_state.get(K_RESCUE) == grid_key:
        saved = {}
        for row in grid.rows:
            saved.update(zip([(row, c) for c in grid.cols], _rescued(row, *grid_key), strict=True))
    return _cases(grid_key, saved is not None, grid, saved), saved


def why_stuck(grid: ex.GridResult, last: dict) -> None:
    st.header(tr("ex_why_header"))
    st.markdown(tr("ex_why_text", **slope_values()))
    if "relu" in grid.rows:
        st.info(stuck.grid_dead_text(grid, lg), icon=":material/lightbulb:")
    else:
        st.caption(tr("ex_why_norelu"))
    records, saved = _records(grid, last, rescue_button=True)
    if records:
        st.dataframe(stuck.case_frame(records, lg, _setting(grid.kind)), hide_index=True)
        st.caption(tr("sk_table_caption"))
        if saved is not None:
            st.info(stuck.rescue_text(records, lg, _setting(grid.kind)), icon=":material/fitness_center:")
    if grid.epochs >= stuck.LONGER:
        st.caption(tr("sk_rescue_max", epochs=f"{grid.epochs:,}"))


def loss_spread(grid: ex.GridResult) -> None:
    st.header(tr("ex_loss_header"))
    st.altair_chart(loss_strip(grid, lg), width="content")  # alt text: the chart's description
    st.caption(tr("ex_loss_caption"))
    n_div = int(sum(c.diverged.sum() for c in grid.cells.values()))
    if n_div:
        st.caption(tr("ex_loss_diverged", n=n_div))


def failing_seeds(grid: ex.GridResult, per_page: int = ROWS_PER_PAGE) -> None:
    """Pick a setting, list its failing seeds (per_page at a time), each with an Open button."""
    title(tr("ex_fail_header"))
    failing = [(key, c) for key, c in grid.cells.items() if c.n_success < c.n]
    if not failing:
        st.success(tr("ex_fail_none"), icon=":material/celebration:")
        return
    if not presenting():
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
    present = presenting()
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
                       on_click=_open, args=(cell, seed), icon=":material/open_in_new:",
                       help=tr("ex_open_help", seed=seed))  # fmt: skip
    if presenting():
        return
    runs = grid.runs().rename(columns={"row": tr("ex_csv_row"), "col": tr("ex_csv_col")})
    st.download_button(tr("ex_download"), runs.to_csv(index=False).encode(), file_name="xor_experiments.csv",
                       mime="text/csv", icon=":material/download:")  # fmt: skip


# ---------------------------------------------------------------- slides: the same sections cut to 1280 x 720


def heat_slide() -> None:
    """The lecture's question, the computed headline, the heatmap of the sidebar's grid (trained on arrival)."""
    last = slide_last()
    title(tr("ex_slide_title"))
    grid = train_grid(last)
    st.markdown(f":material/school: **{tr('ex_slide_lead', n=grid.seeds)}** {headline(grid, lg, _prefer(grid))}")
    st.altair_chart(success_heatmap(grid, lg, slide=True), width="content")  # alt text: the chart's description
    rows, cols = _names(grid)
    st.caption(tr("ex_slide_grid", rows=rows, cols=cols, seeds=grid.seeds, epochs=grid.epochs, fixed=_fixed(last, done=True))
               + " " + rule())  # fmt: skip
    with more():
        st.markdown(tr("ex_intro"))
        st.caption(tr("ex_slide_how", seeds=ex.DEFAULT_SEEDS))
        st.caption(tr("ex_heat_caption", rule=rule()))
        st.caption(_vs_torch())


def stuck_slide() -> None:
    """Why the runs got stuck: the dead-start count and the failures by case, in the sidebar's column."""
    last = slide_last()
    title(tr("ex_why_header"))
    grid = train_grid(last)
    if "relu" in grid.rows:
        st.info(stuck.grid_dead_text(grid, lg), icon=":material/lightbulb:")
    else:
        st.caption(tr("ex_why_norelu"))
    records, _ = _records(grid, last, rescue_button=False)
    col = _prefer(grid)
    shown = [r for r in records if r["col"] == col]
    if shown:
        st.dataframe(stuck.case_frame(shown, lg, _setting(grid.kind)), hide_index=True)
        st.caption(tr("ex_slide_column", col=_col_text(grid.kind, col)))  # not sk_table_caption: no rescue here
    with more():
        st.markdown(tr("ex_why_text", **slope_values()))
        if records:
            st.dataframe(stuck.case_frame(records, lg, _setting(grid.kind)), hide_index=True)


def fail_slide() -> None:
    """The failing seeds of one setting, a few at a time, each one click from the Training Curve page."""
    grid = train_grid(slide_last())
    failing_seeds(grid, per_page=SLIDE_ROWS)


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
