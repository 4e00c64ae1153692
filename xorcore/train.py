"""One training run in PyTorch itself, epoch by epoch: every single run a page shows comes from here."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .config import Config
from .data import XOR_X, task_target, task_y
from .model import ACT_MODULES, OPTIMIZERS_TORCH, build_model, flatten, param_names, unflatten
from .outcome import correct, learned

_CHECK_EVERY = 100  # epochs between "is θ still finite?" checks (a diverged run stops there)
_PROGRESS_EVERY = 250  # epochs between progress reports


@dataclass(frozen=True)
class History:
    """One run, epoch by epoch; n = epochs run (diverged_at if it diverged)."""

    config: Config
    loss: np.ndarray  # (n,) BCE of epoch e's forward pass, before its update
    accuracy: np.ndarray  # (n,) share of the 4 rows correct (outcome.correct) at epoch e
    pred: np.ndarray  # (n, 4) y_pred for each row at epoch e
    grad_norm: np.ndarray  # (n,) ||dL/dθ||_2 over all parameters at epoch e
    params: np.ndarray  # (n+1, 4H+1) θ before epoch e's update; last row = trained θ
    final_pred: np.ndarray  # (4,) y_pred of the trained model (params[-1])
    final_loss: float  # BCE of the trained model; nan if the run diverged
    diverged_at: int | None  # first epoch whose loss or θ is not finite, else None
    task: str = "xor"  # the truth table trained on (data.TASKS)

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
        """The run did not diverge and its trained predictions are learned (outcome.learned)."""
        return self.diverged_at is None and bool(learned(self.final_pred, task_target(self.task)))

    def digest(self) -> str:
        """A key for this run's outputs: its settings and every number it recorded."""
        d = hashlib.blake2b(repr((self.config, self.final_loss, self.diverged_at, self.task)).encode(), digest_size=16)
        for a in (self.loss, self.accuracy, self.pred, self.grad_norm, self.params, self.final_pred):
            d.update(a.tobytes())
        return d.hexdigest()

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


def train(
    config: Config,
    init: np.ndarray | None = None,
    progress: Callable[[float], None] | None = None,
    task: str = "xor",
) -> History:
    """Train one run with nn.Linear's math, autograd, torch.optim and BCELoss, recording every epoch.

    The parameters live in ONE flat leaf tensor θ (param_names order) with W1, b1, W2, b2 as views on it,
    and the optimizer steps θ: F.linear on those views is what nn.Linear computes, and torch.optim's
    update is elementwise, so every epoch equals the exported script's loop bit for bit
    (tests/test_train.py), while one tensor instead of four makes the loop faster.
    init: (4H+1,) θ to start from instead of the seed's; progress: called with the share done; task: the truth
    table to learn (data.TASKS; XOR unless given).
    """
    hidden, epochs = config.hidden, config.epochs
    start = flatten(build_model(config)) if init is None else np.array(init, dtype=np.float32)
    theta = torch.from_numpy(start).requires_grad_()
    sizes = [2 * hidden, hidden, hidden, 1]
    act, criterion, target = ACT_MODULES[config.activation](), nn.BCELoss(), task_y(task)
    optimizer = OPTIMIZERS_TORCH[config.optimizer]([theta], config.lr)
    params = torch.full((epochs + 1, theta.numel()), float("nan"))  # rows past a divergence stay nan
    pred, loss = torch.full((epochs + 1, 4), float("nan")), torch.full((epochs + 1,), float("nan"))
    grad_norm = torch.full((epochs,), float("nan"))
    done = epochs

    def forward(e: int) -> torch.Tensor | None:
        """Epoch e's forward pass and loss, recorded in row e; None if y_pred is nan (BCELoss refuses it)."""
        w1, b1, w2, b2 = theta.split(sizes)  # views on θ: one autograd node, not four slices
        y = torch.sigmoid(F.linear(act(F.linear(XOR_X, w1.view(hidden, 2), b1)), w2.view(1, hidden), b2))
        pred[e] = y.detach()[:, 0]
        try:
            value = criterion(y, target)
        except RuntimeError:  # "all elements of input should be between 0 and 1": the run has diverged
            return None
        loss[e] = value.detach()
        return value

    for e in range(epochs):
        params[e] = theta.detach()
        value = forward(e)
        if value is None:
            done = e
            break
        optimizer.zero_grad()
        value.backward()
        grad_norm[e] = torch.linalg.vector_norm(theta.grad)
        optimizer.step()
        if e % _CHECK_EVERY == _CHECK_EVERY - 1 and not bool(torch.isfinite(theta).all()):
            done = e + 1  # diverged: nothing left to learn
            break
        if progress is not None and e % _PROGRESS_EVERY == 0:
            progress(e / epochs)
    params[done] = theta.detach()
    with torch.no_grad():
        forward(done)  # the trained model (the script's last forward pass)
    return _history(config, params.numpy(), pred.numpy(), loss.numpy(), grad_norm.numpy(), task)


def _history(config: Config, params: np.ndarray, pred: np.ndarray, loss: np.ndarray, gnorm: np.ndarray,
             task: str = "xor") -> History:  # fmt: skip
    """Cut the record at its first non-finite loss or θ and derive the accuracy."""
    bad = ~np.isfinite(loss) | ~np.isfinite(params).all(axis=1)  # (E+1,)
    first = int(np.argmax(bad)) if bad.any() else None
    n = config.epochs if first is None else first
    acc = correct(pred[:n], task_target(task)).mean(axis=1).astype(np.float32)
    arrays = (loss[:n], acc, pred[:n], gnorm[:n], params[: n + 1], pred[n])
    for a in arrays:
        a.flags.writeable = False  # the History's arrays: nobody may change them
    return History(config, *arrays, float("nan") if first is not None else float(loss[n]), first, task)
