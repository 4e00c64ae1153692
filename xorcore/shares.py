"""The tug-of-war of the four inputs: each row's signed share of every parameter's gradient, by autograd.

The loss is the mean L = (1/N) sum_i l_i, so dL/dθ = sum_i d(l_i / N)/dθ: row i's share is the
gradient of its own term l_i / N, computed here by autograd one row at a time (not from the chain rule).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from .data import XOR_X, XOR_Y
from .model import flatten, linears, param_names


@dataclass(frozen=True)
class Shares:
    """Per-row shares of dL/dθ in param_names order."""

    names: list[str]  # W1[0,0], ..., b2[0]
    shares: np.ndarray  # (N, P): row i's share, the gradient of l_i / N
    batch: np.ndarray  # (P,): autograd's gradient of the mean loss (loss.backward())

    @property
    def n(self) -> int:
        """Rows in the batch."""
        return self.shares.shape[0]

    def cancel(self) -> np.ndarray:
        """(P,) how much of the pull cancels: sum |share| / |sum of shares| (inf where the sum is 0)."""
        pull = np.abs(self.shares).sum(axis=0).astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(pull > 0, pull / np.abs(self.batch.astype(np.float64)), 1.0)


def _flat_grads(grads: tuple[torch.Tensor, ...]) -> np.ndarray:
    """Gradients of W1, b1, W2, b2 as one vector in param_names order."""
    return torch.cat([g.reshape(-1) for g in grads]).detach().numpy().copy()


def grad_shares(model: nn.Sequential, X: torch.Tensor = XOR_X, y: torch.Tensor = XOR_Y) -> Shares:
    """Each row's share of dL/dθ (autograd of l_i / N) and the batch gradient (autograd of the mean)."""
    l1, l2 = linears(model)
    params = [l1.weight, l1.bias, l2.weight, l2.bias]
    n = X.shape[0]
    terms = nn.BCELoss(reduction="none")(model(X), y)[:, 0] / n  # (N,) l_i / N
    rows = [_flat_grads(torch.autograd.grad(terms[i], params, retain_graph=True)) for i in range(n)]
    batch = _flat_grads(torch.autograd.grad(nn.BCELoss()(model(X), y), params))
    hidden = l1.weight.shape[0]
    assert flatten(model).shape == batch.shape  # the same layout as every flat θ
    return Shares(param_names(hidden), np.stack(rows), batch)


def group(names: list[str], prefix: str) -> list[int]:
    """Indices of the parameters of one tensor (prefix W1, b1, W2 or b2)."""
    return [j for j, name in enumerate(names) if name.startswith(prefix + "[")]


def strongest_cancel(s: Shares, indices: list[int]) -> int:
    """Among indices, the parameter whose shares cancel most (largest sum |share| / |sum|)."""
    ratio = s.cancel()
    return max(indices, key=lambda j: (float(ratio[j]) if np.isfinite(ratio[j]) else 1e300, -j))


def opposed(s: Shares, indices: list[int]) -> int:
    """How many of the parameters at indices have shares of both signs (inputs pulling in opposite directions)."""
    cols = s.shares[:, indices]
    return int(((cols > 0).any(axis=0) & (cols < 0).any(axis=0)).sum())
