"""dead: a unit is dead when z1 <= 0 on all four inputs (not three), in one run and in batches."""

from __future__ import annotations

import numpy as np

from xorcore import Config, build_model
from xorcore import trace as trace_of
from xorcore.batch import init_params
from xorcore.dead import dead_mask, dead_units, is_dead, n_dead
from xorcore.model import flatten


def _flat(W1, b1, W2=(1.0, 1.0), b2=0.0) -> np.ndarray:
    """A hand-made flat θ for two hidden units."""
    return np.array([*np.ravel(W1), *b1, *W2, b2], dtype=np.float32)


def test_dead_on_three_inputs_is_alive_on_four_is_dead():
    # unit 0: z1 = -x1 - x2 - 0.5 < 0 on all four inputs -> dead
    # unit 1: z1 = x1 + x2 - 1.5 <= 0 on three inputs, 0.5 at (1,1) -> alive
    flat = _flat([[-1, -1], [1, 1]], [-0.5, -1.5])
    assert dead_mask(flat, 2).tolist() == [True, False]
    assert dead_units(flat, "relu", 2) == [True, False]
    assert int(n_dead(flat, 2)) == 1
    z1 = np.array([[-1.0, 0.0], [-2.0, 0.0], [-3.0, 0.0], [-4.0, 0.0]])  # (4, H): unit 1 exactly 0 everywhere
    assert is_dead(z1).tolist() == [True, True]  # 0 counts: ReLU's output and torch's gradient are 0 there
    z1[3, 1] = 1e-30
    assert is_dead(z1).tolist() == [True, False]


def test_batched_and_only_relu():
    both = np.stack([_flat([[-1, -1], [1, 1]], [-0.5, -1.5]), _flat([[0, 0], [0, 0]], [-1, -1])])
    assert n_dead(both, 2).tolist() == [1, 2]
    assert dead_mask(both, 2).shape == (2, 2)
    for act in ("sigmoid", "tanh", "leaky_relu", "identity"):
        assert dead_units(both[1], act, 2) == [False, False]  # z1 <= 0 everywhere, but the unit still passes


def test_flat_theta_agrees_with_torchs_forward():
    for seed in range(40):
        model = build_model(Config(seed=seed, activation="relu", hidden=3))
        assert dead_mask(flatten(model), 3).tolist() == is_dead(trace_of(model).z1).tolist()
    assert sum(int(n_dead(f, 3)) for f in init_params(list(range(40)), 3)) > 0  # the seeds include dead units
