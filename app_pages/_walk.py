"""The Backprop page's manual update: a walk of plain gradient-descent steps, kept in this session.

A walk is a dict {"key": (Config, eta, biases), "flats": [θ0, θ1, ...], "losses": [L0, L1, ...]}
in st.session_state["bp_walk"]; a change of settings, step size or "biases too" starts a new walk
with one step taken.
"""

from __future__ import annotations

import math

import numpy as np
import streamlit as st
from torch import nn

from xorcore import Config, manual_step, trace
from xorcore.model import flatten, load
from xorcore.trace import loss_of

K_WALK = "bp_walk"
ETA = 0.1  # the manual update's default step size: the lecture's


def current(cfg: Config, model: nn.Sequential, loss: float, eta: float, biases: bool) -> dict:
    """This session's walk from model (whose loss is `loss`), or a new one with one step taken."""
    walk = st.session_state.get(K_WALK)
    key = (cfg, float(eta), bool(biases))
    if walk is None or walk["key"] != key:
        walk = {"key": key, "flats": [flatten(model)], "losses": [loss]}
        _take_step(walk)
    return walk


def valid(eta: float | None) -> bool:
    """Whether η is a step size the update can take: a positive finite number."""
    return eta is not None and math.isfinite(eta) and eta > 0


def setting(cfg: Config) -> tuple[float, bool]:
    """(η, biases too) of this session's manual walk on this model, else the page's default (the lecture's 0.1)."""
    walk = st.session_state.get(K_WALK)
    if walk is None or walk["key"][0] != cfg:
        return ETA, True
    return walk["key"][1], walk["key"][2]


def advance(walk: dict, more: bool, restart: bool) -> dict:
    """Apply the buttons (restart: back to the start and one step; more: one more step) and keep the walk."""
    if restart:
        walk = {"key": walk["key"], "flats": walk["flats"][:1], "losses": walk["losses"][:1]}
        _take_step(walk)
    elif more and finite(walk):
        _take_step(walk)
    st.session_state[K_WALK] = walk
    return walk


def finite(walk: dict) -> bool:
    """Whether the latest parameters and loss are finite numbers."""
    return bool(np.isfinite(walk["flats"][-1]).all() and math.isfinite(walk["losses"][-1]))


def last_gradient(walk: dict) -> np.ndarray:
    """The flat gradient at the point the last step started from (NaN where there is none)."""
    cfg, prev = walk["key"][0], walk["flats"][-2]
    try:
        g = trace(load(cfg, prev)).grads
    except RuntimeError:  # predictions that are not numbers: no gradient to show
        return np.full_like(prev, np.nan)
    return np.concatenate([g.d_W1.ravel(), g.d_b1.ravel(), g.d_W2.ravel(), g.d_b2.ravel()])


def _take_step(walk: dict) -> None:
    """Append one manual gradient-descent step to the walk (parameters and loss)."""
    cfg, eta, biases = walk["key"]
    new = manual_step(load(cfg, walk["flats"][-1]), eta, biases=biases)
    walk["flats"].append(flatten(new))
    walk["losses"].append(_safe_loss(new))


def _safe_loss(model: nn.Sequential) -> float:
    """The loss, or NaN when the parameters are no longer finite (BCE refuses NaN predictions)."""
    if not np.isfinite(flatten(model)).all():
        return float("nan")
    try:
        return loss_of(model)
    except RuntimeError:
        return float("nan")
