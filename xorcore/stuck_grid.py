"""A grid's failed runs (Experiments): which case each is (stuck.diagnose), which a longer run rescues, the counts.

The single-run diagnosis and its sentence are in stuck.py; this counts the same cases over a grid.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from .batch import init_params, train_final
from .experiments import Cell, GridResult
from .stuck import CASES, LONGER, Diagnosis, diagnose, measure
from .text import t


def rescued(cells: list[Cell], epochs: int = LONGER) -> list[np.ndarray]:
    """Per cell, (n,) True where a failed run learns XOR when its setting is trained for `epochs` (one batch)."""
    configs, where = [], []
    for k, c in enumerate(cells):
        for i in np.flatnonzero(~c.success):
            configs.append(replace(c.config(int(c.seeds[i])), epochs=epochs))
            where.append((k, i))
    out = [np.zeros(c.n, bool) for c in cells]
    if configs:
        ok = train_final(configs).success()
        for (k, i), v in zip(where, ok, strict=True):
            out[k][i] = bool(v)
    return out


def cell_diagnoses(cell: Cell, saved: np.ndarray | None = None, epochs: int = LONGER) -> dict[int, Diagnosis]:
    """{index: Diagnosis} of every failed run of a cell (trend from its tail); saved: rescued()'s answer for it."""
    init = init_params(list(cell.seeds), cell.hidden)
    tail = cell.tail_params if cell.tail_params is not None else np.full_like(cell.final_params, np.nan)
    out = {}
    for i in np.flatnonzero(~cell.success):
        longer = epochs if saved is not None and saved[i] else None
        tr = measure(cell.activation, cell.hidden, init[i], tail[i], cell.final_params[i], cell.epochs)
        out[int(i)] = diagnose(cell.activation, cell.hidden, init[i], cell.final_params[i], tr, longer)
    return out


def case_counts(grid: GridResult, saved: dict | None = None) -> list[dict]:
    """One record per cell with failures: row, col, runs, failures, a count per case, rescued (None if not run)."""
    recs = []
    for key, cell in grid.cells.items():
        if cell.n_success == cell.n:
            continue
        s = None if saved is None else saved[key]
        found = [d.case for d in cell_diagnoses(cell, s).values()]
        rec = {"row": key[0], "col": key[1], "runs": cell.n, "failures": cell.n - cell.n_success}
        rec.update({c: found.count(c) for c in CASES})
        rec["rescued"] = None if s is None else int(s.sum())
        recs.append(rec)
    return recs


def dead_start(grid: GridResult) -> dict:
    """The grid's seeds with a dead unit at the initial θ, and under ReLU how many of them fail in every setting."""
    any_cell = next(iter(grid.cells.values()))
    dead = any_cell.dead_init > 0  # the same seeds, so the same initial θ, in every cell
    relu = [grid.cell("relu", c) for c in grid.cols] if "relu" in grid.rows else []
    fail_all = np.all([~c.success for c in relu], axis=0) if relu else np.zeros_like(dead)
    return {"seeds": any_cell.n, "dead": int(dead.sum()), "hidden": any_cell.hidden, "relu": bool(relu),
            "dead_fail_all": int((dead & fail_all).sum()), "first": int(any_cell.seeds[0]),
            "last": int(any_cell.seeds[-1])}  # fmt: skip


def grid_dead_text(grid: GridResult, lang: str) -> str:
    """How many of the grid's seeds start with a dead unit and, under ReLU, how many of them fail everywhere."""
    f = dead_start(grid)
    v = {"k": f["dead"], "n": f["seeds"], "first": f["first"], "last": f["last"], "hidden": f["hidden"]}
    if not f["dead"]:
        return t(lang, "sk_grid_none_dead", **v)
    text = t(lang, "sk_grid_dead", **v)
    if f["relu"]:
        all_fail = f["dead_fail_all"] == f["dead"]
        text += " " + t(lang, "sk_grid_dead_relu_all" if all_fail else "sk_grid_dead_relu_some", k=f["dead"],
                        m=f["dead_fail_all"])  # fmt: skip
    return text


def case_frame(records: list[dict], lang: str, label) -> pd.DataFrame:
    """case_counts' records as a table in `lang`; label(row, col) names a setting; empty cases left out."""
    cases = [c for c in CASES if any(r[c] for r in records)]
    cols = {"setting": t(lang, "sk_col_setting"), "failures": t(lang, "sk_col_failures")}
    cols.update({c: t(lang, f"sk_col_{c}", longer=f"{LONGER:,}") for c in cases})
    rows = [{"setting": label(r["row"], r["col"]), "failures": f"{r['failures']} / {r['runs']}",
             **{c: r[c] for c in cases}} for r in records]  # fmt: skip
    return pd.DataFrame(rows, columns=list(cols)).rename(columns=cols)


def rescue_text(records: list[dict], lang: str, label) -> str:
    """Which settings more epochs rescue, with counts, from case_counts' records (with rescued)."""
    some = [r for r in records if r["rescued"]]
    none = [r for r in records if not r["rescued"]]
    longer = f"{LONGER:,}"
    if not some:
        return t(lang, "sk_rescued_none", longer=longer)

    def of(r: dict) -> str:
        return t(lang, "sk_of", setting=label(r["row"], r["col"]), k=r["rescued"], n=r["failures"])

    text = t(lang, "sk_rescued_some", longer=longer, list="; ".join(of(r) for r in some))
    if none:
        text += " " + t(lang, "sk_not_rescued", list=", ".join(label(r["row"], r["col"]) for r in none))
    return text
