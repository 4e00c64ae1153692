"""Experiments' grid on the Streamlit side: its settings (reading mode's controls or the sidebar's), training it
row by row with st.cache_data on plain arguments, and the small helpers its sections share."""

from __future__ import annotations

import time

import streamlit as st

from app_pages._gate import checkpoint
from app_pages._shared import K_ENGINE, config, lang, page_path, tr
from xorcore import Config, stuck_grid
from xorcore import experiments as ex
from xorcore.agreement import measured
from xorcore.config import ACTIVATIONS, EPOCH_RANGE, LR_CHOICES, OPTIMIZERS
from xorcore.views.grid import col_label

PAGE = page_path("experiments")
TRAINING = page_path("training")
K_LAST = "ex_last"  # the grid of the last run (plain values): survives page switches
K_RESCUE = "ex_rescue"  # the grid (plain settings) whose failed runs were trained longer
K_GOTO = "ex_goto"  # set by an Open button's callback: switch to the Training Curve page
ROWS_PER_PAGE = 10
SEED_COUNT_RANGE = (1, 1000)  # how many seeds a grid trains per cell (seeds 0 .. n-1)
DEFAULT_LRS = (0.001, 0.01, 0.1, 1.0)

SLIDE_ROWS = 5  # failing seeds listed per page on a slide


@st.cache_data(max_entries=128, show_spinner=False)
def _row(activation: str, cols: tuple, kind: str, seeds: int, epochs: int, hidden: int, lr: float,
         optimizer: str) -> dict:  # fmt: skip
    """One activation's cells of a grid (plain arguments, so the cache key is exact)."""
    base = Config(lr=lr, optimizer=optimizer, hidden=hidden)
    return ex.row_cells(activation, list(cols), kind, seeds, epochs, base)  # type: ignore[arg-type]


@st.cache_data(max_entries=32, show_spinner=False)
def rescued_row(row: str, kind: str, rows: tuple, cols: tuple, seeds: int, epochs: int, hidden: int, lr: float,
             optimizer: str) -> list:  # fmt: skip
    """stuck_grid.rescued() of one activation row's cells: which failed runs learn with stuck.LONGER epochs."""
    cells = _row(row, cols, kind, seeds, epochs, hidden, lr, optimizer)
    return stuck_grid.rescued([cells[(row, c)] for c in cols])


@st.cache_data(max_entries=32, show_spinner=False)
def case_records(key: tuple, with_rescue: bool, _grid: ex.GridResult, _saved: dict | None) -> list[dict]:
    """stuck_grid.case_counts of the grid whose plain settings are `key` (with or without the rescue run)."""
    return stuck_grid.case_counts(_grid, _saved)


def setting_name(kind: str):  # -> Callable[[str, object], str]
    """How a setting of a grid of this kind is named in sentences and tables: 'sigmoid · Adam'."""
    return lambda row, col: f"{tr(f'act_{row}')} · {col_label(kind, col, lang(), short=True)}"


def open_run(cell: ex.Cell, seed: int) -> None:
    """Button callback: put the run's settings into the sidebar's keys, then ask for the page switch."""
    for key, value in cell.config(seed).as_dict().items():
        st.session_state[key] = value
    # Training Curve trains it in PyTorch and says so if PyTorch's outcome is another one
    st.session_state[K_ENGINE] = (cell.config(seed), bool(cell.success[list(cell.seeds).index(seed)]))
    st.session_state[K_GOTO] = True


def vs_torch() -> str:
    """One sentence on how the engine's outcomes relate to PyTorch's, from the stored measurement."""
    m = measured()
    if m is None:
        return tr("ex_vs_torch_none")
    return tr("ex_vs_torch", runs=m.runs, last=m.seeds - 1, cells=m.cells, differ=m.differ, share=f"{m.share:.1%}")


def col_text(kind: str, col: object) -> str:
    return col_label(kind, col, lang())


# ---------------------------------------------------------------- the grid: chosen (reading mode) or the sidebar's


def fixed(last: dict, done: bool = False) -> str:
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
    seeds = int(c3.number_input(tr("ex_seeds"), *SEED_COUNT_RANGE, value=last["seeds"] if last else ex.DEFAULT_SEEDS,
                                step=10, key="ex_seeds", help=tr("ex_seeds_help")))  # fmt: skip
    epochs = int(c4.number_input(tr("ex_epochs"), *EPOCH_RANGE, value=last["epochs"] if last else config().epochs,
                                 step=100, key="ex_epochs", help=tr("ex_epochs_help")))  # fmt: skip
    chosen = {"kind": kind, "seeds": seeds, "epochs": epochs, "hidden": config().hidden, "lr": config().lr,
              "optimizer": config().optimizer}  # fmt: skip
    st.caption(fixed(chosen))
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
        and last["hidden"] == config().hidden
        and (last["lr"] == config().lr if last["kind"] == "optimizers" else last["optimizer"] == config().optimizer)
    ):
        return last
    last = {"kind": "optimizers", "rows": ACTIVATIONS, "cols": OPTIMIZERS, "seeds": ex.DEFAULT_SEEDS,
            "epochs": config().epochs, "hidden": config().hidden, "lr": config().lr, "optimizer": config().optimizer}  # fmt: skip
    st.session_state[K_LAST] = last
    return last


def train_grid(last: dict, timed: bool = False) -> ex.GridResult:
    """The grid of `last`, trained row by row under a progress bar (each row cached); timed: keep the seconds."""
    t0 = time.perf_counter()
    rows_total = len(last["rows"])
    bar = st.progress(0.0, text=tr("ex_progress", row=tr(f"act_{last['rows'][0]}"), done=0, total=rows_total))
    cells: dict = {}
    for i, row in enumerate(last["rows"]):
        checkpoint()  # between two rows a student's grid lets the class's page runs go first (_gate)
        bar.progress(i / rows_total, text=tr("ex_progress", row=tr(f"act_{row}"), done=i, total=rows_total))
        cells.update(_row(row, last["cols"], last["kind"], last["seeds"], last["epochs"], last["hidden"],
                          last["lr"], last["optimizer"]))  # fmt: skip
    bar.empty()
    if timed:  # the run that trained (or found the grid in the cache): keep its time for later reruns
        last["seconds"] = time.perf_counter() - t0
    return ex.grid_result(list(last["rows"]), list(last["cols"]), last["kind"], last["seeds"], last["epochs"],
                          last["hidden"], cells)  # fmt: skip


def plain_key(last: dict) -> tuple:
    return tuple(last[k] for k in ("kind", "rows", "cols", "seeds", "epochs", "hidden", "lr", "optimizer"))


def names(grid: ex.GridResult) -> tuple[str, str]:
    return ", ".join(tr(f"act_{r}") for r in grid.rows), ", ".join(col_text(grid.kind, c) for c in grid.cols)


def prefer(grid: ex.GridResult) -> object:
    """The grid's column of the sidebar's setting (optimizer or learning rate), else its first column."""
    want = config().optimizer if grid.kind == "optimizers" else config().lr
    return want if want in grid.cols else grid.cols[0]
