"""Training runs and their per-epoch history, on the batched fast path (engine.py)."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import torch

from . import engine
from .config import Config
from .model import param_names, unflatten

TARGET = np.array([0, 1, 1, 0], dtype=np.float32)  # y for the four rows, flat


@dataclass(frozen=True)
class History:
    """One run, epoch by epoch; n = epochs run (diverged_at if it diverged)."""

    config: Config
    loss: np.ndarray  # (n,) BCE of epoch e's forward pass, before its update
    accuracy: np.ndarray  # (n,) share of the 4 rows on the right side of 0.5 at epoch e
    pred: np.ndarray  # (n, 4) y_pred for each row at epoch e
    grad_norm: np.ndarray  # (n,) ||dL/dθ||_2 over all parameters at epoch e
    params: np.ndarray  # (n+1, 4H+1) θ before epoch e's update; last row = trained θ
    final_pred: np.ndarray  # (4,) y_pred of the trained model (params[-1])
    final_loss: float  # BCE of the trained model; nan if the run diverged
    diverged_at: int | None  # first epoch whose loss or θ is not finite, else None

    @property
    def epochs_run(self) -> int:
        """Epochs actually run (== config.epochs unless diverged)."""
        return len(self.loss)

    def params_at(self, epoch: int) -> dict[str, np.ndarray]:
        """W1, b1, W2, b2 at an epoch in 0..epochs_run (the last is the trained model)."""
        return unflatten(self.params[epoch], self.config.hidden)

    def pred_at(self, epoch: int) -> np.ndarray:
        """(4,) y_pred at an epoch in 0..epochs_run."""
        return self.final_pred if epoch >= self.epochs_run else self.pred[epoch]

    def loss_at(self, epoch: int) -> float:
        """BCE at an epoch in 0..epochs_run."""
        return self.final_loss if epoch >= self.epochs_run else float(self.loss[epoch])

    def success(self) -> bool:
        """All four trained predictions on the right side of 0.5."""
        return bool(success_of(self.final_pred))

    def table(self):
        """The history as a pandas DataFrame, one row per epoch (for CSV)."""
        import pandas as pd

        n = self.epochs_run
        cols: dict[str, object] = {"epoch": np.arange(n), "loss": self.loss, "accuracy": self.accuracy}
        cols["grad_norm"] = self.grad_norm
        for i in range(4):
            cols[f"pred_{i}"] = self.pred[:, i]
        for j, name in enumerate(param_names(self.config.hidden)):
            cols[name] = self.params[:n, j]
        return pd.DataFrame(cols)


def bce(pred: np.ndarray) -> np.ndarray:
    """BCELoss over the last axis (4 rows), with torch's log clamp at -100."""
    with np.errstate(all="ignore"):
        p = np.array(pred, dtype=np.float32)  # (..., 4), then the probability given to the right class
        np.subtract(1, p[..., 0::3], out=p[..., 0::3])  # rows (0,0) and (1,1) have target 0
        np.log(p, out=p)
        np.maximum(p, -100, out=p)
        return -(((p[..., 0] + p[..., 1]) + p[..., 2]) + p[..., 3]) / np.float32(4)


def init_params(seeds: list[int] | np.ndarray, hidden: int) -> np.ndarray:
    """(B, 4H+1) flat initial θ per seed, equal to flatten(build_model(...)) without building modules.

    nn.Linear draws its weight with kaiming_uniform_(a=sqrt(5)), i.e. uniform(+-sqrt(3) gain / sqrt(fan_in)),
    then its bias uniform(+-1/sqrt(fan_in)); layer 1 is made before layer 2 (the lecture's order), which
    is the flat order W1, b1, W2, b2. The draws come from a private CPU generator seeded like
    torch.manual_seed(seed) seeds the global one (same Mersenne Twister stream): the caller's RNG is never
    touched, and we skip torch.manual_seed's per-device bookkeeping (~0.2 ms a call, 20x the draws).
    """
    h = hidden
    out = np.empty((len(seeds), 4 * h + 1), np.float32)
    rows = torch.from_numpy(out)  # shares memory with out
    gain = math.sqrt(2.0 / (1 + math.sqrt(5) ** 2))  # init.calculate_gain("leaky_relu", sqrt(5))

    def w_bound(fan_in: int) -> float:
        return math.sqrt(3.0) * (gain / math.sqrt(fan_in))  # as kaiming_uniform_ computes it

    spans = ((0, 2 * h, w_bound(2)), (2 * h, 3 * h, 1 / math.sqrt(2)), (3 * h, 4 * h, w_bound(h)))
    spans += ((4 * h, 4 * h + 1, 1 / math.sqrt(h)),)
    gen = torch.Generator()
    with torch.no_grad():
        for i, seed in enumerate(seeds):
            gen.manual_seed(int(seed))
            for a, b, bound in spans:
                rows[i, a:b].uniform_(-bound, bound, generator=gen)
    return out


def train(config: Config) -> History:
    """Train one run of `config` (the fast path; equals a plain torch loop)."""
    return train_batch([config])[0]


def train_batch(configs: list[Config]) -> list[History]:
    """Train many runs; those sharing activation, hidden size and epochs run as one batch (any optimizers)."""
    out: list[History | None] = [None] * len(configs)
    for (act, hidden, epochs), idx in _groups(configs).items():
        init = init_params([configs[i].seed for i in idx], hidden)
        lr = np.array([configs[i].lr for i in idx], dtype=np.float64)
        raw = engine.run(act, [configs[i].optimizer for i in idx], hidden, init, lr, epochs)
        for b, h in enumerate(_histories([configs[i] for i in idx], raw)):
            out[idx[b]] = h
    return out  # type: ignore[return-value]


@dataclass(frozen=True)
class FinalBatch:
    """The end of many runs, without their histories (train_final's light path)."""

    configs: tuple[Config, ...]
    params: np.ndarray  # (B, 4H+1) trained θ (non-finite if diverged); needs a shared hidden size to stack
    pred: np.ndarray  # (B, 4) y_pred of the trained model
    loss: np.ndarray  # (B,) BCE of the trained model; nan if the run diverged
    diverged: np.ndarray  # (B,) bool: θ or the loss stopped being finite

    def success(self) -> np.ndarray:
        """(B,) all four trained predictions on the right side of 0.5."""
        return success_of(self.pred)


def train_final(configs: list[Config], init: np.ndarray | None = None) -> FinalBatch:
    """Train many runs of ONE hidden size, keeping only final θ, predictions and loss (equal to train()).

    init: (B, 4H+1) initial θ of the configs if already known (init_params of their seeds).
    """
    hiddens = {c.hidden for c in configs}
    if len(hiddens) != 1:
        raise ValueError(f"train_final needs one hidden size, got {sorted(hiddens)}")
    hidden = hiddens.pop()
    params = np.empty((len(configs), 4 * hidden + 1), np.float32)
    pred = np.empty((len(configs), 4), np.float32)
    if init is None:
        init = init_params([c.seed for c in configs], hidden)
    for (act, _, epochs), idx in _groups(configs).items():
        lr = np.array([configs[i].lr for i in idx], dtype=np.float64)
        fin = engine.run_final(act, [configs[i].optimizer for i in idx], hidden, init[idx], lr, epochs)
        params[idx], pred[idx] = fin.params, fin.pred
    loss = bce(pred)
    diverged = ~np.isfinite(loss) | ~np.isfinite(params).all(axis=1)
    loss[diverged] = np.nan
    return FinalBatch(tuple(configs), params, pred, loss.astype(np.float32), diverged)


def right_side(pred: np.ndarray) -> np.ndarray:
    """(..., 4) True where a prediction is strictly on its target's side of 0.5 (0.5 itself is neither)."""
    return np.where(TARGET > 0.5, pred > 0.5, pred < 0.5)


def success_of(pred: np.ndarray) -> np.ndarray:
    """(...,) True where all four predictions (last axis) are on the right side of 0.5."""
    return np.all(right_side(pred), axis=-1)


def _groups(configs: list[Config]) -> dict[tuple[str, int, int], list[int]]:
    """Indices of the configs that train as one batch (same activation, hidden, epochs), by optimizer.

    Within a batch, runs that share an optimizer are neighbours: the engine updates each block at once.
    """
    groups: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for i in sorted(range(len(configs)), key=lambda i: configs[i].optimizer):
        c = configs[i]
        groups[(c.activation, c.hidden, c.epochs)].append(i)
    return groups


def _histories(configs: list[Config], raw: engine.Raw) -> list[History]:
    """Cut each run's raw record at its divergence and derive loss and accuracy (vectorized over runs)."""
    loss = bce(raw.pred)  # (B, E+1)
    bad = ~np.isfinite(loss) | ~np.isfinite(raw.params).all(axis=2)  # (B, E+1)
    right = right_side(raw.pred)  # (B, E+1, 4)
    acc = (right.sum(axis=2, dtype=np.float32) / np.float32(4)).astype(np.float32)  # (B, E+1)
    for a in (loss, acc, raw.params, raw.pred, raw.grad_norm):
        a.flags.writeable = False  # the History arrays below are views: nobody may change them
    out = []
    for b, config in enumerate(configs):
        first = int(np.argmax(bad[b])) if bad[b].any() else None
        n = config.epochs if first is None else first
        out.append(
            History(
                config=config,
                loss=loss[b, :n],
                accuracy=acc[b, :n],
                pred=raw.pred[b, :n],
                grad_norm=raw.grad_norm[b, :n],
                params=raw.params[b, : n + 1],
                final_pred=raw.pred[b, n],
                final_loss=float("nan") if first is not None else float(loss[b, n]),
                diverged_at=first,
            )
        )
    return out
