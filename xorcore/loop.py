"""The lecture's cell-1 loop, one of its five steps at a time, on a real nn.Module and torch.optim optimizer.

A LoopStepper holds the model (build_model), the sidebar's optimizer (OPTIMIZERS_TORCH) and BCELoss, and
runs the loop's lines in order: forward, loss, zero_grad, backward, step. After each one it returns a
Snapshot of every value the loop touches: predictions, loss, every .grad (None where PyTorch holds None),
every parameter, the optimizer's state (Adam's exp_avg / exp_avg_sq / step, momentum buffers, ...).
With skip_zero_grad the third line is not run, so .grad keeps adding up, as the lecture warns.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
import pandas as pd
import torch
from torch import nn

from .config import Config
from .data import XOR_X, XOR_Y
from .model import OPTIMIZERS_TORCH, build_model
from .numfmt import num
from .trace import _np

LOOP_STEPS: tuple[str, ...] = ("forward", "loss", "zero_grad", "backward", "step")
# The loop's lines, as the lecture writes them (the page highlights the one that ran).
LOOP_CODE: dict[str, str] = {
    "forward": "prediction = model(X)",
    "loss": "loss = criterion(prediction, y)",
    "zero_grad": "optimizer.zero_grad()",
    "backward": "loss.backward()",
    "step": "optimizer.step()",
}
TENSOR_NAMES: dict[str, str] = {"0.weight": "W1", "0.bias": "b1", "2.weight": "W2", "2.bias": "b2"}


@dataclass(frozen=True)
class Snapshot:
    """Every value of the loop after one of its steps (numpy copies; None where PyTorch holds None)."""

    epoch: int  # the epoch the step belongs to (0-based)
    step: str | None  # the step that just ran (None: nothing has run yet)
    pred: np.ndarray | None  # (4,) the latest prediction tensor
    loss: float | None  # the latest loss tensor's value
    params: dict[str, np.ndarray]  # W1, b1, W2, b2
    grads: dict[str, np.ndarray | None]  # their .grad
    state: dict[str, dict[str, np.ndarray]]  # optimizer.state per tensor: exp_avg, exp_avg_sq, step, ...
    fresh: dict[str, np.ndarray] | None  # backward only: this pass's own gradient (autograd.grad, no .grad)


class LoopStepper:
    """The lecture's loop on the sidebar's model and optimizer, one named step at a time."""

    def __init__(self, config: Config, skip_zero_grad: bool = False) -> None:
        """A fresh model of the config's seed, its optimizer, BCELoss; nothing run yet."""
        self.config, self.skip_zero_grad = config, skip_zero_grad
        self.model = build_model(config)
        self.optimizer = OPTIMIZERS_TORCH[config.optimizer](self.model.parameters(), config.lr)
        self.criterion = nn.BCELoss()
        self.epoch, self.next_index = 0, 0
        self.prediction: torch.Tensor | None = None
        self.loss: torch.Tensor | None = None
        self.error: str | None = None  # set when PyTorch refused a step (a diverged run)
        self.history: list[Snapshot] = [self.snapshot(None)]

    @property
    def next_step(self) -> str:
        """The name of the step that runs next."""
        return LOOP_STEPS[self.next_index]

    @property
    def done(self) -> bool:
        """The loop has run all its epochs, or PyTorch refused a step."""
        return self.error is not None or self.epoch >= self.config.epochs

    def step_once(self) -> Snapshot:
        """Run the next line of the loop and record what it left behind."""
        if self.done:
            return self.history[-1]
        name, fresh = self.next_step, None
        try:
            if name == "forward":
                self.prediction = self.model(XOR_X)
            elif name == "loss":
                self.loss = self.criterion(self.prediction, XOR_Y)
            elif name == "zero_grad" and not self.skip_zero_grad:
                self.optimizer.zero_grad()
            elif name == "backward":
                fresh = self._fresh_gradient()
                self._loss().backward()
            elif name == "step":
                self.optimizer.step()
        except RuntimeError as err:  # BCELoss refuses predictions that are not numbers
            self.error = str(err).splitlines()[0]
            return self.history[-1]
        snap = self.snapshot(name, fresh)
        self.next_index = (self.next_index + 1) % len(LOOP_STEPS)
        if self.next_index == 0:
            self.epoch += 1
        self.history = [*self.history[-(len(LOOP_STEPS) * 2) :], snap]  # enough to compare two epochs
        return snap

    def run_epoch(self) -> Snapshot:
        """Run the steps left in this epoch (all five from its start)."""
        snap = self.step_once()
        while self.next_index != 0 and not self.done:
            snap = self.step_once()
        return snap

    def _loss(self) -> torch.Tensor:
        """The loss of the last "loss" step (the steps run in the loop's order, so there is one)."""
        if self.loss is None:
            raise RuntimeError("backward before loss")
        return self.loss

    def _fresh_gradient(self) -> dict[str, np.ndarray]:
        """This backward pass's own gradient of the loss, computed without touching .grad."""
        named = list(self.model.named_parameters())
        grads = torch.autograd.grad(self._loss(), [p for _, p in named], retain_graph=True)
        return {TENSOR_NAMES[k]: g.detach().numpy().copy() for (k, _), g in zip(named, grads, strict=True)}

    def snapshot(self, step: str | None, fresh: dict[str, np.ndarray] | None = None) -> Snapshot:
        """Copies of the loop's values now."""
        params, grads, state = {}, {}, {}
        for key, p in self.model.named_parameters():
            name = TENSOR_NAMES[key]
            params[name] = p.detach().numpy().copy()
            grads[name] = None if p.grad is None else p.grad.detach().numpy().copy()
            state[name] = {k: np.asarray(v.detach().numpy()).copy() for k, v in self.optimizer.state.get(p, {}).items()}
        pred = None if self.prediction is None else self.prediction.detach().numpy()[:, 0].copy()
        loss = None if self.loss is None else float(self.loss.detach())
        return Snapshot(self.epoch, step, pred, loss, params, grads, state, fresh)


def changed(before: Snapshot, after: Snapshot) -> dict[str, bool]:
    """Which kinds of value a step changed: pred, loss, grad, param, state."""

    def differ(a: object, b: object) -> bool:
        if a is None or b is None:
            return (a is None) != (b is None)
        return not np.array_equal(np.asarray(a), np.asarray(b))

    return {
        "pred": differ(before.pred, after.pred),
        "loss": differ(before.loss, after.loss),
        "grad": any(differ(before.grads[k], after.grads[k]) for k in after.grads),
        "param": any(differ(before.params[k], after.params[k]) for k in after.params),
        "state": before.state.keys() != after.state.keys()
        or any(
            before.state[k].keys() != after.state[k].keys()
            or any(differ(before.state[k][s], after.state[k][s]) for s in after.state[k])
            for k in after.state
        ),
    }


def plain_loop(config: Config, epochs: int, zero_grad: bool = True) -> np.ndarray:
    """The lecture's loop as written (optionally without zero_grad): (epochs,) loss per epoch, nan after a failure."""
    model = build_model(config)
    optimizer = OPTIMIZERS_TORCH[config.optimizer](model.parameters(), config.lr)
    criterion, losses = nn.BCELoss(), np.full(epochs, np.nan)
    for epoch in range(epochs):
        prediction = model(XOR_X)
        try:
            loss = criterion(prediction, XOR_Y)
        except RuntimeError:  # predictions that are not numbers: the run has diverged
            break
        losses[epoch] = float(loss.detach())
        if zero_grad:
            optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return losses


def two_backwards(model: nn.Module) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """(.grad after one backward, .grad after a second backward at the same θ without zero_grad)."""
    model = copy.deepcopy(model)
    model.zero_grad(set_to_none=True)
    out = []
    for _ in range(2):
        nn.BCELoss()(model(XOR_X), XOR_Y).backward()
        out.append({TENSOR_NAMES[k]: _np(p.grad) for k, p in model.named_parameters()})
    return out[0], out[1]


def _entries(name: str, a: np.ndarray) -> list[str]:
    """Entry names of one tensor, e.g. W1[0,1], b1[0]."""
    return [f"{name}[{','.join(map(str, idx))}]" for idx in np.ndindex(*a.shape)]


def _cell(a: np.ndarray | None, idx: tuple[int, ...], digits: int) -> str:
    """One entry of a tensor as text ('None' where PyTorch holds None; a 0-d tensor such as Adam's step for all)."""
    if a is None:
        return "None"
    v = float(a if a.ndim == 0 else a[idx])
    return f"{v:g}" if digits == 0 else num(v, digits)


def _digits(state_key: str, digits: int) -> int:
    """Decimals of an optimizer state: none for the step counter."""
    return 0 if state_key == "step" else digits


def values_table(snap: Snapshot, before: Snapshot | None, digits: int = 6) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per parameter entry: value, .grad, each optimizer state; and which cells the last step changed."""
    keys = list(dict.fromkeys(k for st in snap.state.values() for k in st))
    rows, marks = [], []
    for name, p in snap.params.items():
        for entry, idx in zip(_entries(name, p), np.ndindex(*p.shape), strict=True):
            cur = {"θ": _cell(p, idx, digits), ".grad": _cell(snap.grads[name], idx, digits)}
            cur |= {k: _cell(snap.state[name].get(k), idx, _digits(k, digits)) for k in keys}
            old = {}
            if before is not None:
                old = {"θ": _cell(before.params[name], idx, digits), ".grad": _cell(before.grads[name], idx, digits)}
                old |= {k: _cell(before.state.get(name, {}).get(k), idx, _digits(k, digits)) for k in keys}
            rows.append({"": entry, **cur})
            marks.append({"": entry, **{k: before is not None and old[k] != v for k, v in cur.items()}})
    return pd.DataFrame(rows).set_index(""), pd.DataFrame(marks).set_index("")


def fresh_sum_gap(before: Snapshot, after: Snapshot) -> float:
    """After a backward: the largest |.grad after − (.grad before + this pass's gradient)| (None counts as 0)."""
    gap = 0.0
    if after.fresh is None:
        raise ValueError("fresh_sum_gap compares a backward step: `after` has no fresh gradient")
    for name, g in after.grads.items():
        if g is None:
            raise ValueError(f"{name}.grad is None after a backward")
        prev = before.grads[name] if before.grads[name] is not None else 0.0
        gap = max(gap, float(np.abs(g - (prev + after.fresh[name])).max()))
    return gap
