"""The loss along a gradient-descent step: L(θ − η d) as a function of the step size η, in PyTorch.

d is the step's direction: the whole gradient ∇L (weights only when the step leaves the biases alone, as
the lecture's does), or the gradient's component along one parameter. At η = 0 the slope of the slice is
−∇L · d, that is −|∇L|² for the whole gradient: the tangent a small step follows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from .config import Config
from .data import XOR_X, XOR_Y
from .model import ACT_MODULES, linears, load, param_names
from .trace import _grad

SLICE_POINTS = 201  # η values drawn between 0 and the slice's end


@dataclass(frozen=True)
class Slice:
    """L(θ − η d) at each η, the slope at 0 and the chosen η's loss."""

    eta: np.ndarray  # (M,) step sizes, 0 first, the chosen one included
    loss: np.ndarray  # (M,) L(θ − η d), nan where the predictions are not numbers
    loss0: float  # L(θ)
    slope0: float  # dL/dη at η = 0: −∇L · d
    chosen: float  # the chosen η
    chosen_loss: float  # L(θ − chosen d)
    best_eta: float  # the η of the lowest loss on the slice
    up_from: float | None  # the smallest η > 0 on the slice whose loss is above L(θ) (overshoot), if any


def gradient(config: Config, flat: np.ndarray) -> np.ndarray:
    """∇L at θ = flat, by autograd, in param_names order."""
    model = load(config, flat)
    nn.BCELoss()(model(XOR_X), XOR_Y).backward()
    l1, l2 = linears(model)
    return torch.cat([_grad(p).reshape(-1) for p in (l1.weight, l1.bias, l2.weight, l2.bias)]).numpy()


def direction(config: Config, grad: np.ndarray, along: str | None = None, biases: bool = True) -> np.ndarray:
    """The step's direction: ∇L (weights only unless biases), or its component along the parameter `along`."""
    names = param_names(config.hidden)
    if along is not None:
        if along not in names:
            raise ValueError(f"along={along!r} is not a parameter: use one of {', '.join(names)}")
        keep = np.array([n == along for n in names])
    else:
        keep = np.array([biases or n.startswith("W") for n in names])
    return np.where(keep, grad, 0).astype(np.float32)


def losses_along(config: Config, flat: np.ndarray, d: np.ndarray, etas: np.ndarray) -> np.ndarray:
    """L(θ − η d) for every η at once: a batched forward pass of the same math as nn.Linear, in float32."""
    h = config.hidden
    theta = torch.from_numpy(np.asarray(flat, dtype=np.float32))
    step = torch.from_numpy(np.asarray(d, dtype=np.float32))
    eta = torch.from_numpy(np.asarray(etas, dtype=np.float32))[:, None]
    thetas = theta - eta * step  # (M, P): the same float32 update as p -= eta * p.grad
    w1, b1, w2, b2 = thetas.split([2 * h, h, h, 1], dim=1)
    act = ACT_MODULES[config.activation]()
    with torch.no_grad():
        z1 = torch.einsum("nj,mhj->mnh", XOR_X, w1.reshape(-1, h, 2)) + b1[:, None, :]
        z2 = torch.einsum("mnh,mh->mn", act(z1), w2) + b2
        y_pred = torch.sigmoid(z2)
        ok = torch.isfinite(y_pred).all(dim=1)
        safe = torch.where(torch.isfinite(y_pred), y_pred, 0.5)
        terms = nn.BCELoss(reduction="none")(safe, XOR_Y[:, 0].expand_as(safe))
        return torch.where(ok, terms.mean(dim=1), float("nan")).numpy().astype(np.float64)


def loss_slice(
    config: Config,
    flat: np.ndarray,
    chosen: float,
    biases: bool = True,
    along: str | None = None,
    end: float | None = None,
) -> Slice:
    """The slice from η = 0 to `end` (default max(10, 2 × chosen)), the chosen η on it."""
    grad = gradient(config, flat)
    d = direction(config, grad, along, biases)
    end = float(end if end is not None else max(10.0, 2.0 * chosen))
    etas = np.union1d(np.linspace(0.0, end, SLICE_POINTS), [chosen])
    loss = losses_along(config, flat, d, etas)
    loss0 = float(loss[0])
    above = np.nonzero((etas > 0) & (loss > loss0))[0]
    finite = np.isfinite(loss)
    best = float(etas[finite][np.argmin(loss[finite])]) if finite.any() else float("nan")
    return Slice(
        eta=etas, loss=loss, loss0=loss0, slope0=-float(np.dot(grad.astype(np.float64), d.astype(np.float64))),
        chosen=float(chosen), chosen_loss=float(loss[np.searchsorted(etas, chosen)]), best_eta=best,
        up_from=float(etas[above[0]]) if above.size else None,
    )  # fmt: skip
