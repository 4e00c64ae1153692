"""Many seeds at once: how often does each setting learn XOR? (activations x optimizers or learning rates).

A grid has one cell per (activation, column), the column being an optimizer (kind "optimizers",
learning rate from `base`) or a learning rate (kind "lrs", optimizer from `base`). Every cell
trains the seeds first_seed .. first_seed + seeds - 1 (default 0 .. seeds-1, the same seeds in
every cell, so cells differ only in their setting; the sidebar's seed is not used), with
`base`'s hidden size, for `epochs` epochs, as one batch on the light engine path (final θ only,
no history in memory). A run succeeds when all four trained predictions are on the right side
of 0.5. A hidden unit is dead when its pre-activation z1 <= 0 for all four inputs: under ReLU
it then outputs 0 for every input and gets no gradient, so it never comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from .batch import init_params, train_final
from .config import ACTIVATIONS, LR_CHOICES, OPTIMIZERS, Config
from .dead import n_dead

GridKind = Literal["optimizers", "lrs"]
KINDS: tuple[str, ...] = ("optimizers", "lrs")
DEFAULT_SEEDS = 100


@dataclass(frozen=True)
class Cell:
    """One setting trained from many seeds: what each run ended with."""

    activation: str
    optimizer: str
    lr: float
    epochs: int
    hidden: int
    seeds: np.ndarray  # (n,) int: the seeds, in order
    final_loss: np.ndarray  # (n,) BCE of the trained model; nan if the run diverged
    final_pred: np.ndarray  # (n, 4) y_pred of the trained model
    final_params: np.ndarray  # (n, 4H+1) trained θ
    success: np.ndarray  # (n,) bool: outcome.learned (all four within 0.4 of their targets)
    diverged: np.ndarray  # (n,) bool: θ or the loss stopped being finite
    dead: np.ndarray  # (n,) int: dead hidden units at the trained θ
    dead_init: np.ndarray  # (n,) int: dead hidden units already at the initial θ
    tail_params: np.ndarray | None = None  # (n, 4H+1) θ at the first epoch of the tail (trend.py), if kept

    @property
    def n(self) -> int:
        """Runs in the cell."""
        return len(self.seeds)

    @property
    def n_success(self) -> int:
        """Runs that learned XOR."""
        return int(self.success.sum())

    @property
    def rate(self) -> float:
        """Share of runs that learned XOR, 0..1."""
        return self.n_success / self.n if self.n else float("nan")

    @property
    def failing_seeds(self) -> list[int]:
        """Seeds whose run did not learn XOR."""
        return [int(s) for s in self.seeds[~self.success]]

    def config(self, seed: int) -> Config:
        """The Config of this cell's run from `seed` (to open it on the other pages)."""
        return Config(seed, self.activation, self.optimizer, self.lr, self.epochs, self.hidden)


def run_cell(activation: str, optimizer: str, lr: float, seeds: int, epochs: int, hidden: int,
             first_seed: int = 0) -> Cell:  # fmt: skip
    """Train seeds first_seed .. first_seed+seeds-1 of one setting as one batch (final θ only)."""
    return run_row(activation, [(optimizer, lr)], seeds, epochs, hidden, first_seed)[0]


def run_row(activation: str, settings: list[tuple[str, float]], seeds: int, epochs: int, hidden: int,
            first_seed: int = 0) -> list[Cell]:  # fmt: skip
    """One Cell per (optimizer, lr) of one activation, all trained as ONE engine batch of len(settings) x seeds."""
    if seeds < 1:
        raise ValueError(f"seeds={seeds!r} is not allowed: use at least 1")
    seed_list = list(range(first_seed, first_seed + seeds))
    init = init_params(seed_list, hidden)  # the same seeds, so the same initial θ, in every cell
    dead_init = n_dead(init, hidden)
    configs = [Config(s, activation, opt, lr, epochs, hidden) for opt, lr in settings for s in seed_list]
    fin = train_final(configs, np.tile(init, (len(settings), 1)))
    ok, cells = fin.success(), []
    for k, (opt, lr) in enumerate(settings):
        sl = slice(k * seeds, (k + 1) * seeds)
        cells.append(
            Cell(
                activation=activation,
                optimizer=opt,
                lr=lr,
                epochs=epochs,
                hidden=hidden,
                seeds=np.array(seed_list, dtype=np.int64),
                final_loss=fin.loss[sl],
                final_pred=fin.pred[sl],
                final_params=fin.params[sl],
                success=ok[sl],
                diverged=fin.diverged[sl],
                dead=n_dead(fin.params[sl], hidden),
                dead_init=dead_init,
                tail_params=None if fin.tail_params is None else fin.tail_params[sl],
            )
        )
    return cells


def cell_settings(rows: list[str], cols: list, kind: GridKind, base: Config) -> list[tuple[str, object, str, float]]:
    """(row, col, optimizer, lr) of every cell, row-major: rows are activations, cols optimizers or lrs."""
    check_grid(rows, cols, kind)
    if kind == "optimizers":
        return [(a, o, str(o), base.lr) for a in rows for o in cols]
    return [(a, lr, base.optimizer, float(lr)) for a in rows for lr in cols]


def check_grid(rows: list[str], cols: list, kind: str) -> None:
    """Raise ValueError naming what is wrong with a grid's rows, columns or kind."""
    if kind not in KINDS:
        raise ValueError(f"kind={kind!r} is not allowed: use one of {', '.join(KINDS)}")
    if not rows or not cols:
        raise ValueError("a grid needs at least one activation and one column")
    for a in rows:
        if a not in ACTIVATIONS:
            raise ValueError(f"activation={a!r} is not allowed: use one of {', '.join(ACTIVATIONS)}")
    for c in cols:
        if kind == "optimizers" and c not in OPTIMIZERS:
            raise ValueError(f"optimizer={c!r} is not allowed: use one of {', '.join(OPTIMIZERS)}")
        if kind == "lrs" and c not in LR_CHOICES:
            raise ValueError(f"lr={c!r} is not one of the learning-rate choices")


@dataclass(frozen=True)
class GridResult:
    """A trained grid: cells[(row, col)] for row in rows, col in cols."""

    kind: str
    rows: tuple[str, ...]
    cols: tuple
    seeds: int
    epochs: int
    hidden: int
    cells: dict[tuple[str, object], Cell] = field(repr=False)

    def cell(self, row: str, col: object) -> Cell:
        """The cell of one activation and one optimizer / learning rate."""
        return self.cells[(row, col)]

    def summary(self) -> pd.DataFrame:
        """One row per cell: row, col, runs, successes, rate, failures, diverged, median final loss."""
        recs = []
        for (row, col), c in self.cells.items():
            fails = ~c.success
            recs.append({
                "row": row, "col": col, "runs": c.n, "successes": c.n_success, "rate": c.rate,
                "failures": int(fails.sum()), "diverged": int(c.diverged.sum()),
                "median_loss": float(np.nanmedian(c.final_loss)) if (~c.diverged).any() else float("nan"),
                "dead_in_failures": int(c.dead[fails].sum()),
            })  # fmt: skip
        return pd.DataFrame(recs)

    def runs(self) -> pd.DataFrame:
        """One row per run: row, col, seed, final_loss, success, diverged, dead, dead_init."""
        frames = [
            pd.DataFrame(
                {
                    "row": row,
                    "col": [col] * c.n,
                    "seed": c.seeds,
                    "final_loss": c.final_loss,
                    "success": c.success,
                    "diverged": c.diverged,
                    "dead": c.dead,
                    "dead_init": c.dead_init,
                }
            )
            for (row, col), c in self.cells.items()
        ]
        return pd.concat(frames, ignore_index=True)

    def failures(self) -> pd.DataFrame:
        """The runs that did not learn XOR (see runs())."""
        r = self.runs()
        return r[~r["success"]].reset_index(drop=True)

    def dead_counts(self, activation: str = "relu") -> dict[int, int]:
        """Among one activation's failed runs: how many had 0, 1, ... dead hidden units."""
        out: dict[int, int] = {}
        for (row, _), c in self.cells.items():
            if row == activation:
                for d in c.dead[~c.success]:
                    out[int(d)] = out.get(int(d), 0) + 1
        return dict(sorted(out.items()))


def run_grid(rows: list[str], cols: list, kind: GridKind, seeds: int = DEFAULT_SEEDS, epochs: int = 2000,
             base: Config | None = None, progress: Callable[[float], None] | None = None) -> GridResult:  # fmt: skip
    """Train every cell of a grid (see the module docstring), one batch per activation row.

    progress(share done) is called after each row; a page can instead call run_row per row itself
    (to cache rows separately) and assemble the result with grid_result().
    """
    base = base or Config()
    out: dict[tuple[str, object], Cell] = {}
    for i, row in enumerate(rows):
        out.update(row_cells(row, cols, kind, seeds, epochs, base))
        if progress:
            progress((i + 1) / len(rows))
    return GridResult(kind, tuple(rows), tuple(cols), seeds, epochs, base.hidden, out)


def row_cells(row: str, cols: list, kind: GridKind, seeds: int, epochs: int, base: Config) -> dict:
    """{(row, col): Cell} for one activation across all columns (one engine batch)."""
    settings = cell_settings([row], cols, kind, base)
    cells = run_row(row, [(opt, lr) for _, _, opt, lr in settings], seeds, epochs, base.hidden)
    return {(r, c): cell for (r, c, _, _), cell in zip(settings, cells, strict=True)}


def grid_result(rows: list[str], cols: list, kind: GridKind, seeds: int, epochs: int, hidden: int,
                cells: dict) -> GridResult:  # fmt: skip
    """A GridResult from cells computed elsewhere (e.g. cached row by row)."""
    return GridResult(kind, tuple(rows), tuple(cols), seeds, epochs, hidden, dict(cells))
