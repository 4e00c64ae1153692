"""Solve it yourself: parameters set by hand, judged by the PyTorch model; one unit (no hidden layer) against a line.

The net's θ is flat in model.param_names order (W1 row by row, b1, W2, b2). A single unit is sigmoid(w·x + b),
θ = (w1, w2, b): nn.Linear(2, 1) and nn.Sigmoid().
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .config import Config
from .data import TASKS, XOR_X, task_target, task_y
from .model import act_np, load, n_params, unflatten
from .outcome import learned

THETA_LIMIT = 1000.0  # a parameter typed or carried by the link lies within ±THETA_LIMIT
SLIDER_LIMIT = 20.0  # a slider reaches ±SLIDER_LIMIT (sigmoid(20) is 1 - 2e-9: enough to decide any row)
SINGLE = 3  # parameters of one unit: w1, w2, b
LN2 = math.log(2.0)
# One line by hand for each table one line solves: (w1, w2, b) of a single unit.
HAND_LINES = {"and": (10.0, 10.0, -15.0), "or": (10.0, 10.0, -5.0), "nand": (-10.0, -10.0, 15.0)}
HAND_SCALE = 10.0  # the hand-made solution's weights: large enough that every unit says clearly 0 or 1


@dataclass(frozen=True)
class Judged:
    """One parameter setting run forward in PyTorch on a truth table: what the page shows of it."""

    pred: np.ndarray  # (4,) y_pred per row
    terms: np.ndarray  # (4,) each row's BCE term
    loss: float  # nn.BCELoss (the mean of the terms)
    learned: bool  # outcome.learned for this table's targets


def judge(model: nn.Module, task: str) -> Judged:
    """Forward the four rows through the model, BCE against the task's targets, the success rule's verdict."""
    with torch.no_grad():
        y_pred = model(XOR_X)
        target = task_y(task)
        loss = float(nn.BCELoss()(y_pred, target))
        terms = F.binary_cross_entropy(y_pred, target, reduction="none")[:, 0].numpy().copy()
    pred = y_pred[:, 0].numpy().copy()
    return Judged(pred, terms, loss, bool(learned(pred, task_target(task))))


def judge_net(config: Config, theta: np.ndarray, task: str) -> Judged:
    """The 2-H-1 net of config's width and activation holding θ, judged on the task."""
    return judge(load(config, theta), task)


def single_model(theta: np.ndarray) -> nn.Sequential:
    """One unit holding θ = (w1, w2, b): Linear(2, 1) then Sigmoid."""
    layer = nn.Linear(2, 1)
    flat = torch.as_tensor(np.asarray(theta, dtype=np.float32))
    with torch.no_grad():
        layer.weight.copy_(flat[:2].view(1, 2))
        layer.bias.copy_(flat[2:])
    return nn.Sequential(layer, nn.Sigmoid())


def judge_single(theta: np.ndarray, task: str) -> Judged:
    """One unit holding θ, judged on the task."""
    return judge(single_model(theta), task)


def as_net(theta: np.ndarray) -> np.ndarray:
    """A single unit's θ as a 2-1-1 net with the identity hidden activation and output weight 1 (same function):
    what the decision-boundary picture draws."""
    w1, w2, b = (float(v) for v in np.asarray(theta, dtype=np.float32))
    return np.array([w1, w2, b, 1.0, 0.0], dtype=np.float32)


@dataclass(frozen=True)
class Seeds:
    """A single unit trained from many seeds on one table: each seed's final θ, predictions and loss."""

    task: str
    seeds: int
    epochs: int
    lr: float
    theta: np.ndarray  # (S, 3)
    pred: np.ndarray  # (S, 4)
    loss: np.ndarray  # (S,)

    @property
    def n_learned(self) -> int:
        """Seeds whose trained unit the success rule judges learned."""
        return int(learned(self.pred, task_target(self.task)).sum())

    @property
    def best(self) -> int:
        """The seed with the lowest final loss."""
        return int(np.argmin(self.loss))


def train_seeds(task: str, seeds: int = 32, epochs: int = 2000, lr: float = 0.1) -> Seeds:
    """Train one unit from seeds 0..seeds-1 at once (Adam, full batch, BCE) in PyTorch.

    Each seed's θ starts as torch.manual_seed(s); nn.Linear(2, 1) does. The seeds share one (S, 3) tensor and the
    loss is the sum of their BCEs: each seed's gradient is its own BCE's, and Adam's update is elementwise, so
    every seed runs as it would alone.
    """
    start = []
    for s in range(seeds):
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(s)
            layer = nn.Linear(2, 1)
        start.append(torch.cat([layer.weight.detach()[0], layer.bias.detach()]))
    theta = torch.stack(start).requires_grad_()  # (S, 3)
    optimizer, target = torch.optim.Adam([theta], lr=lr), task_y(task)[:, 0]

    def forward() -> tuple[torch.Tensor, torch.Tensor]:
        pred = torch.sigmoid(theta[:, :2] @ XOR_X.T + theta[:, 2:])  # (S, 4)
        return pred, F.binary_cross_entropy(pred, target.expand_as(pred), reduction="none").mean(dim=1)

    for _ in range(epochs):
        optimizer.zero_grad()
        forward()[1].sum().backward()
        optimizer.step()
    with torch.no_grad():
        pred, loss = forward()
    return Seeds(task, seeds, epochs, lr, theta.detach().numpy().copy(), pred.numpy().copy(), loss.numpy().copy())


def hand_solution(activation: str, hidden: int) -> np.ndarray | None:
    """The net's θ made by hand: unit 1 fires for OR (x1 + x2 > 0.5), unit 2 for NAND (x1 + x2 < 1.5), the output
    separates the two middle rows from the corners in the hidden plane; units past 2 are zero. None for one unit.

    The output's line is the perpendicular bisector between the hidden plane's 1-row mean and 0-row mean, scaled
    so its largest weight is HAND_SCALE and rounded to one decimal (sigmoid: 10·h1 + 10·h2 − 15, the AND).
    """
    if hidden < 2:
        return None
    k = HAND_SCALE
    w1, b1 = np.array([[k, k], [-k, -k]]), np.array([-k / 2, 1.5 * k])
    h = act_np(activation, XOR_X.numpy().astype(np.float64) @ w1.T + b1)  # (4, 2)
    one, zero = h[task_target("xor") == 1].mean(axis=0), h[task_target("xor") == 0].mean(axis=0)
    w2 = one - zero
    scale = k / max(float(np.abs(w2).max()), 1e-12)
    w2 = np.round(w2 * scale, 1)
    b2 = np.round(-float(w2 @ (one + zero) / 2), 1)
    theta = np.zeros(n_params(hidden), dtype=np.float32)
    parts = unflatten(theta, hidden)  # views into theta
    parts["W1"][:2], parts["b1"][:2], parts["W2"][0, :2], parts["b2"][0] = w1, b1, w2, b2
    return theta


def symmetric(task: str) -> bool:
    """Whether the table keeps its targets under x -> 1 - x (rows (0,0) <-> (1,1), (0,1) <-> (1,0)) and has two 0s and
    two 1s: then one unit's best is 0.5 everywhere, loss ln 2 (the page's symmetry argument holds)."""
    y = TASKS[task]
    return y[0] == y[3] and y[1] == y[2] and sum(y) == 2


def parse_theta(raw: str, n: int) -> np.ndarray:
    """A link's θ: n comma-separated finite numbers within ±THETA_LIMIT, else ValueError."""
    if len(raw) > 40 * n:
        raise ValueError("theta: too long")
    parts = raw.split(",")
    if len(parts) != n:
        raise ValueError(f"theta: {len(parts)} values, not {n}")
    values = np.array([float(p) for p in parts], dtype=np.float64)  # ValueError on text
    if not np.isfinite(values).all() or np.abs(values).max() > THETA_LIMIT:
        raise ValueError("theta: not finite or out of range")
    return values.astype(np.float32)


def parse_task(raw: str) -> str:
    """A link's truth table: one of TASKS by its code name, else ValueError."""
    if raw not in TASKS:
        raise ValueError(f"task: {raw[:20]!r} is not one of {', '.join(TASKS)}")
    return raw
