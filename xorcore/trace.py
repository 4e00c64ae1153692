"""One forward and backward pass as a record of named values (like playground's nn.ts)."""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from .data import XOR_X, XOR_Y
from .model import ACT_NAMES, act_grad_np, linears


@dataclass(frozen=True)
class Grads:
    """Gradients of the loss L, one field per intermediate value; N rows, H hidden units."""

    d_y_pred: np.ndarray  # dL/dy_pred = (y_pred - y) / (y_pred (1 - y_pred)) / N, (N, 1)
    d_z2: np.ndarray  # dL/dz2 = dL/dy_pred * y_pred (1 - y_pred) = (y_pred - y) / N, (N, 1)
    d_W2: np.ndarray  # dL/dW2 = dL/dz2^T h1, (1, H)
    d_b2: np.ndarray  # dL/db2 = sum over rows of dL/dz2, (1,)
    d_h1: np.ndarray  # dL/dh1 = dL/dz2 W2, (N, H)
    d_z1: np.ndarray  # dL/dz1 = dL/dh1 * act'(z1), (N, H)
    d_W1: np.ndarray  # dL/dW1 = dL/dz1^T X, (H, 2)
    d_b1: np.ndarray  # dL/db1 = sum over rows of dL/dz1, (H,)


@dataclass(frozen=True)
class Trace:
    """Forward values, autograd's gradients, and the same gradients derived by hand."""

    X: np.ndarray  # inputs x, (N, 2)
    y: np.ndarray  # targets, (N, 1)
    W1: np.ndarray  # layer-1 weights, (H, 2)
    b1: np.ndarray  # layer-1 biases, (H,)
    W2: np.ndarray  # layer-2 weights, (1, H)
    b2: np.ndarray  # layer-2 bias, (1,)
    z1: np.ndarray  # z1 = X W1^T + b1, pre-activation of the hidden layer, (N, H)
    h1: np.ndarray  # h1 = act(z1), hidden activations, (N, H)
    z2: np.ndarray  # z2 = h1 W2^T + b2, the output logit, (N, 1)
    y_pred: np.ndarray  # y_pred = sigmoid(z2), predicted probability of 1, (N, 1)
    loss: float  # L = BCE = -mean(y log y_pred + (1 - y) log(1 - y_pred)), scalar
    grads: Grads  # autograd's gradients (loss.backward() with retain_grad)
    by_hand: Grads  # the chain rule in plain tensor ops, no autograd

    def __getattr__(self, name: str) -> np.ndarray:
        """trace.d_W1 etc. read autograd's gradients."""
        if name.startswith("d_"):
            return getattr(self.grads, name)
        raise AttributeError(name)


def trace(model: nn.Sequential, X: torch.Tensor = XOR_X, y: torch.Tensor = XOR_Y) -> Trace:
    """Run one forward and backward pass on (X, y), keeping every intermediate value."""
    model = copy.deepcopy(model)  # backward must not leave .grad on the caller's model
    (lin1, lin2), act, out = linears(model), model[1], model[3]
    z1 = lin1(X)
    z1.retain_grad()
    h1 = act(z1)
    h1.retain_grad()
    z2 = lin2(h1)
    z2.retain_grad()
    y_pred = out(z2)
    y_pred.retain_grad()
    loss = nn.BCELoss()(y_pred, y)
    loss.backward()
    auto = Grads(
        d_y_pred=_np(y_pred.grad), d_z2=_np(z2.grad), d_W2=_np(lin2.weight.grad),
        d_b2=_np(lin2.bias.grad), d_h1=_np(h1.grad), d_z1=_np(z1.grad),
        d_W1=_np(lin1.weight.grad), d_b1=_np(lin1.bias.grad),
    )  # fmt: skip
    with torch.no_grad():
        hand = by_hand(X, y, z1, h1, y_pred, lin2.weight, ACT_NAMES[type(act)])
    return Trace(
        X=_np(X), y=_np(y), W1=_np(lin1.weight), b1=_np(lin1.bias), W2=_np(lin2.weight),
        b2=_np(lin2.bias), z1=_np(z1), h1=_np(h1), z2=_np(z2), y_pred=_np(y_pred),
        loss=float(loss.detach()), grads=auto, by_hand=hand,
    )  # fmt: skip


def by_hand(X, y, z1, h1, y_pred, W2, activation: str) -> Grads:
    """The backward pass by the chain rule, with plain tensor ops (no autograd)."""
    n = X.shape[0]
    s = y_pred * (1 - y_pred)  # dy_pred/dz2 = sigmoid'(z2)
    d_y_pred = (y_pred - y) / s / n  # d BCE / d y_pred, averaged over N rows
    d_z2 = d_y_pred * s  # = (y_pred - y) / N
    d_h1 = d_z2 @ W2  # (N, 1) @ (1, H)
    d_z1 = d_h1 * torch.from_numpy(act_grad_np(activation, _np(z1), _np(h1)))
    return Grads(
        d_y_pred=_np(d_y_pred), d_z2=_np(d_z2), d_W2=_np(d_z2.T @ h1), d_b2=_np(d_z2.sum(0)),
        d_h1=_np(d_h1), d_z1=_np(d_z1), d_W1=_np(d_z1.T @ X), d_b1=_np(d_z1.sum(0)),
    )  # fmt: skip


def manual_step(model: nn.Sequential, eta: float, biases: bool = True) -> nn.Sequential:
    """One plain gradient-descent step θ -= eta * dL/dθ on the four XOR rows, as a new model."""
    new = copy.deepcopy(model)
    new.zero_grad()
    nn.BCELoss()(new(XOR_X), XOR_Y).backward()
    with torch.no_grad():
        for name, p in new.named_parameters():
            if biases or name.endswith("weight"):
                p.sub_(eta * _grad(p))  # in place, as p -= ...
    new.zero_grad(set_to_none=True)
    return new


def finite_differences(model: nn.Sequential, eps: float = 1e-3) -> list[tuple[str, float, float]]:
    """(name, central difference, autograd) for every parameter entry, in float64."""
    m64 = copy.deepcopy(model).double()
    X, y = XOR_X.double(), XOR_Y.double()
    nn.BCELoss()(m64(X), y).backward()
    rows = []
    names = {"0.weight": "W1", "0.bias": "b1", "2.weight": "W2", "2.bias": "b2"}
    for key, p in m64.named_parameters():
        for idx in np.ndindex(*p.shape):
            with torch.no_grad():
                old = p[idx].item()
                p[idx] = old + eps
                up = nn.BCELoss()(m64(X), y).item()
                p[idx] = old - eps
                down = nn.BCELoss()(m64(X), y).item()
                p[idx] = old
            label = f"{names[key]}[{','.join(map(str, idx))}]"
            rows.append((label, (up - down) / (2 * eps), _grad(p)[idx].item()))
    return rows


def loss_of(model: nn.Module) -> float:
    """BCE of the model on the four XOR rows."""
    with torch.no_grad():
        return float(nn.BCELoss()(model(XOR_X), XOR_Y))


def _grad(p: torch.Tensor) -> torch.Tensor:
    """p.grad, which backward() has just filled."""
    if p.grad is None:
        raise RuntimeError("no gradient: backward() has not reached this tensor")
    return p.grad


def _np(t: torch.Tensor | None) -> np.ndarray:
    """A detached numpy copy (of a gradient backward() has filled: None is an error)."""
    if t is None:
        raise RuntimeError("no gradient: backward() has not reached this tensor")
    return t.detach().cpu().numpy().copy()
