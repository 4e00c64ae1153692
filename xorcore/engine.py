"""The fast path: many runs of one (activation, optimizer, hidden) trained as one numpy program.

Every run b has its own flat parameter row P[b] = [W1 (H*2), b1 (H), W2 (H), b2 (1)].
The forward and backward passes are written out by hand (the same chain rule as
trace.by_hand) and the optimizers follow torch.optim's update formulas, so the
numbers equal a plain nn.Linear + torch.optim + loss.backward() loop (tested).
Arrays keep the four XOR rows on the last axis: z1 is (B, H, 4), z2 is (B, 1, 4).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import LEAKY_SLOPE, unflatten

_XT = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=np.float32)  # X^T: (2, 4)
_X = np.ascontiguousarray(_XT.T)  # X: (4, 2)
_T = np.array([[0, 1, 1, 0]], dtype=np.float32)  # targets y^T: (1, 4)
_CHECK_EVERY = 100  # epochs between "has every run diverged?" checks


@dataclass
class Raw:
    """What one batched run records; train.py turns it into History objects."""

    params: np.ndarray  # (E+1, B, P): parameters before epoch e's update, then the trained ones
    pred: np.ndarray  # (E+1, B, 4): y_pred of epoch e's forward pass, then of the trained model
    grad_norm: np.ndarray  # (E, B): ||dL/dparams||_2 at epoch e


def _act(name: str, z: np.ndarray) -> np.ndarray:
    """Hidden activation, elementwise."""
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0)
    if name == "leaky_relu":
        return np.where(z > 0, z, z * LEAKY_SLOPE)
    return z


def _act_grad(name: str, z: np.ndarray, h: np.ndarray) -> np.ndarray | float:
    """d h / d z, using the stored h where it is cheaper."""
    if name == "sigmoid":
        return h * (1 - h)
    if name == "tanh":
        return 1 - h * h
    if name == "relu":
        return z > 0
    if name == "leaky_relu":
        return np.where(z > 0, np.float32(1), np.float32(LEAKY_SLOPE))
    return 1.0


class _Optimizer:
    """torch.optim's update rules on a (B, P) parameter block, per-run learning rates."""

    def __init__(self, kind: str, lr: np.ndarray, shape: tuple[int, int]) -> None:
        self.kind, self.lr, self.step_no = kind, lr[:, None].astype(np.float32), 0
        self.m = np.zeros(shape, np.float32)  # momentum buffer / Adam's first moment
        self.v = np.zeros(shape, np.float32)  # Adam / RMSprop second moment

    def step(self, p: np.ndarray, g: np.ndarray) -> None:
        """One in-place update of p from gradient g."""
        self.step_no += 1
        if self.kind == "sgd":
            p -= self.lr * g
        elif self.kind == "momentum":  # buf = 0.9 buf + g (buf starts at g)
            self.m *= 0.9
            self.m += g
            p -= self.lr * self.m
        elif self.kind == "rmsprop":  # alpha 0.99, eps 1e-8
            self.v *= 0.99
            self.v += 0.01 * g * g
            p -= self.lr * g / (np.sqrt(self.v) + 1e-8)
        else:  # adam: betas (0.9, 0.999), eps 1e-8, bias-corrected
            t = self.step_no
            self.m += (g - self.m) * np.float32(0.1)  # lerp, as torch does
            self.v *= 0.999
            self.v += 0.001 * g * g
            step_size = self.lr / (1 - 0.9**t)
            denom = np.sqrt(self.v) / np.float32(np.sqrt(1 - 0.999**t)) + np.float32(1e-8)
            p -= step_size * self.m / denom


def run(activation: str, optimizer: str, hidden: int, init: np.ndarray, lr: np.ndarray, epochs: int) -> Raw:
    """Train B runs at once from init (B, P) with learning rates lr (B,) for `epochs` epochs."""
    B, P = init.shape
    params = np.empty((epochs + 1, B, P), np.float32)
    pred = np.full((epochs + 1, B, 4), np.nan, np.float32)
    grad_norm = np.full((epochs, B), np.nan, np.float32)
    p = init.astype(np.float32).copy()
    g = np.zeros_like(p)
    w, dw = unflatten(p, hidden), unflatten(g, hidden)  # views into p and g
    W1, b1, W2, b2 = w["W1"], w["b1"][:, :, None], w["W2"], w["b2"][:, :, None]
    opt = _Optimizer(optimizer, lr, p.shape)
    with np.errstate(all="ignore"):  # a diverging run turns into inf/nan; we record it
        for e in range(epochs):
            params[e] = p
            z1 = W1 @ _XT + b1  # (B, H, 4) = W1 x + b1 for the four columns x
            h1 = _act(activation, z1)  # (B, H, 4)
            z2 = W2 @ h1 + b2  # (B, 1, 4)
            y = 1.0 / (1.0 + np.exp(-z2))  # (B, 1, 4) y_pred
            pred[e] = y[:, 0]
            s = y * (1 - y)  # dy/dz2
            # BCELoss backward as torch does it: (y - t) / max(y(1-y), 1e-12) / N
            d_z2 = (y - _T) / np.maximum(s, 1e-12) * s * np.float32(0.25)  # (B, 1, 4)
            np.matmul(d_z2, h1.transpose(0, 2, 1), out=dw["W2"])  # dL/dW2 (B, 1, H)
            np.sum(d_z2[:, 0], axis=-1, out=dw["b2"][:, 0])  # dL/db2 (B,)
            d_z1 = (W2.transpose(0, 2, 1) @ d_z2) * _act_grad(activation, z1, h1)  # (B, H, 4)
            np.matmul(d_z1, _X, out=dw["W1"])  # dL/dW1 (B, H, 2)
            np.sum(d_z1, axis=-1, out=dw["b1"])  # dL/db1 (B, H)
            grad_norm[e] = np.sqrt(np.einsum("bp,bp->b", g, g))
            opt.step(p, g)
            if e % _CHECK_EVERY == _CHECK_EVERY - 1 and not np.isfinite(p).any():
                break  # every run has diverged: nothing left to learn
        else:
            params[epochs] = p
            pred[epochs] = 1.0 / (1.0 + np.exp(-(W2 @ _act(activation, W1 @ _XT + b1) + b2)))[:, 0]
    return Raw(params=params, pred=pred, grad_norm=grad_norm)
