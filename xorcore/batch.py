"""Many runs at once on the numpy engine (Experiments): initial θ, trained θ, predictions and loss.

A single run on screen always comes from train.train (PyTorch itself). This path re-implements the same
run in numpy for speed; near a saddle its last-bit rounding can decide an outcome differently from
PyTorch's (benchmarks/bench.py measures how often on the default grid).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import torch

from . import engine
from .config import Config
from .losses import bce
from .outcome import learned
from .trend import tail_start


def init_params(seeds: list[int] | np.ndarray, hidden: int) -> np.ndarray:
    """(B, 4H+1) flat initial θ per seed, equal to flatten(build_model(...)) without building modules.

    nn.Linear draws its weight with kaiming_uniform_(a=sqrt(5)), i.e. uniform(+-sqrt(3) gain / sqrt(fan_in)),
    then its bias uniform(+-1/sqrt(fan_in)); layer 1 is made before layer 2 (the lecture's order), which
    is the flat order W1, b1, W2, b2. The draws come from a private CPU generator seeded like
    torch.manual_seed(seed) seeds the global one (same Mersenne Twister stream): the caller's RNG is never
    touched, and we skip torch.manual_seed's per-device bookkeeping (which costs more than the draws).
    """
    h = hidden
    out = np.empty((len(seeds), 4 * h + 1), np.float32)
    rows = torch.from_numpy(out)  # shares memory with out
    gain = math.sqrt(2.0 / (1 + math.sqrt(5) ** 2))  # init.calculate_gain("leaky_relu", sqrt(5))

    def w_bound(fan_in: int) -> float:
        return math.sqrt(3.0) * (gain / math.sqrt(fan_in))  # as kaiming_uniform_ computes it

    spans: tuple[tuple[int, int, float], ...] = (
        (0, 2 * h, w_bound(2)),
        (2 * h, 3 * h, 1 / math.sqrt(2)),
        (3 * h, 4 * h, w_bound(h)),
    )
    spans += ((4 * h, 4 * h + 1, 1 / math.sqrt(h)),)
    gen = torch.Generator()
    with torch.no_grad():
        for i, seed in enumerate(seeds):
            gen.manual_seed(int(seed))
            for a, b, bound in spans:
                rows[i, a:b].uniform_(-bound, bound, generator=gen)
    return out


@dataclass(frozen=True)
class FinalBatch:
    """The end of many runs, without their histories."""

    configs: tuple[Config, ...]
    params: np.ndarray  # (B, 4H+1) trained θ (non-finite if diverged); needs a shared hidden size to stack
    pred: np.ndarray  # (B, 4) y_pred of the trained model
    loss: np.ndarray  # (B,) BCE of the trained model; nan if the run diverged
    diverged: np.ndarray  # (B,) bool: θ or the loss stopped being finite
    tail_params: np.ndarray | None = None  # (B, 4H+1) θ at the first epoch of each run's tail (trend.tail_start)

    def success(self) -> np.ndarray:
        """(B,) outcome.learned of each run's trained predictions."""
        return learned(self.pred)


def train_final(configs: list[Config], init: np.ndarray | None = None) -> FinalBatch:
    """Train many runs of ONE hidden size on the numpy engine, keeping only final θ, predictions and loss.

    init: (B, 4H+1) initial θ of the configs if already known (init_params of their seeds).
    """
    hiddens = {c.hidden for c in configs}
    if len(hiddens) != 1:
        raise ValueError(f"train_final needs one hidden size, got {sorted(hiddens)}")
    hidden = hiddens.pop()
    params = np.empty((len(configs), 4 * hidden + 1), np.float32)
    pred = np.empty((len(configs), 4), np.float32)
    tail = np.empty_like(params)
    if init is None:
        init = init_params([c.seed for c in configs], hidden)
    for (act, epochs), idx in _groups(configs).items():
        lr = np.array([configs[i].lr for i in idx], dtype=np.float64)
        fin = engine.run_final(act, [configs[i].optimizer for i in idx], hidden, init[idx], lr, epochs,
                               tail_start(epochs))  # fmt: skip
        params[idx], pred[idx], tail[idx] = fin.params, fin.pred, fin.tail_params
    loss = bce(pred, np.float32)  # float32, as torch computes it
    diverged = ~np.isfinite(loss) | ~np.isfinite(params).all(axis=1)
    loss[diverged] = np.nan
    return FinalBatch(tuple(configs), params, pred, loss.astype(np.float32), diverged, tail)


def _groups(configs: list[Config]) -> dict[tuple[str, int], list[int]]:
    """Indices of the configs that train as one batch (same activation and epochs), by optimizer.

    Within a batch, runs that share an optimizer are neighbours: the engine updates each block at once.
    """
    groups: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i in sorted(range(len(configs)), key=lambda i: configs[i].optimizer):
        groups[(configs[i].activation, configs[i].epochs)].append(i)
    return groups
