"""Dead ReLU units: z1 <= 0 on all four inputs, so the unit outputs 0 and gets no gradient, for ever."""

from __future__ import annotations

import numpy as np

from .data import X_NP
from .model import unflatten


def is_dead(z1: np.ndarray) -> np.ndarray:
    """(..., H) True where a unit's pre-activation z1 (..., 4, H) is <= 0 on every input."""
    return np.all(np.asarray(z1) <= 0, axis=-2)


def dead_mask(params: np.ndarray, hidden: int) -> np.ndarray:
    """(..., H) is_dead of the z1 that flat θ (..., 4H+1) gives the four inputs, in float32."""
    p = unflatten(np.asarray(params, np.float32), hidden)
    return is_dead(np.einsum("nk,...hk->...nh", X_NP, p["W1"]) + p["b1"][..., None, :])


def n_dead(params: np.ndarray, hidden: int) -> np.ndarray:
    """(...,) how many hidden units are dead under flat θ (..., 4H+1)."""
    return dead_mask(params, hidden).sum(axis=-1)


def dead_units(flat: np.ndarray, activation: str, hidden: int) -> list[bool]:
    """One run's units, True where dead; only ReLU zeroes output and gradient, so only ReLU has dead units."""
    return dead_mask(flat, hidden).tolist() if activation == "relu" else [False] * hidden
