"""Training runs and their per-epoch history, on the batched fast path (engine.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from . import engine
from .config import Config
from .model import build_model, flatten, param_names, unflatten

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
        return bool(np.all((self.final_pred > 0.5) == (TARGET > 0.5)))

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
        p = np.where(TARGET > 0.5, pred, 1 - pred)
        return -np.maximum(np.log(p), -100).mean(axis=-1)


def train(config: Config) -> History:
    """Train one run of `config` (the fast path; equals a plain torch loop)."""
    return train_batch([config])[0]


def train_batch(configs: list[Config]) -> list[History]:
    """Train many runs; those sharing activation, optimizer, hidden, epochs run as one batch."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(configs):
        groups[(c.activation, c.optimizer, c.hidden, c.epochs)].append(i)
    out: list[History | None] = [None] * len(configs)
    for (act, opt, hidden, epochs), idx in groups.items():
        init = np.stack([flatten(build_model(configs[i])) for i in idx])
        lr = np.array([configs[i].lr for i in idx], dtype=np.float32)
        raw = engine.run(act, opt, hidden, init, lr, epochs)
        for b, i in enumerate(idx):
            out[i] = _history(configs[i], raw.params[:, b], raw.pred[:, b], raw.grad_norm[:, b])
    return out  # type: ignore[return-value]


def _history(config: Config, params: np.ndarray, pred: np.ndarray, grad_norm: np.ndarray) -> History:
    """Cut one run's raw record at its divergence and derive loss and accuracy."""
    loss = bce(pred)  # (E+1,)
    bad = ~np.isfinite(loss) | ~np.isfinite(params).all(axis=1)
    first = int(np.argmax(bad)) if bad.any() else None
    n = config.epochs if first is None else first
    acc = ((pred[:n] > 0.5) == (TARGET > 0.5)).mean(axis=1).astype(np.float32)
    return History(
        config=config,
        loss=loss[:n].astype(np.float32),
        accuracy=acc,
        pred=pred[:n].copy(),
        grad_norm=grad_norm[:n].copy(),
        params=params[: n + 1].copy(),
        final_pred=pred[n].copy(),
        final_loss=float("nan") if first is not None else float(loss[n]),
        diverged_at=first,
    )
