"""losses: BCE as BCELoss computes it, at its edges (predictions exactly 0 and 1) and in float32."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from xorcore.data import TARGET, XOR_Y
from xorcore.losses import LOG_CLAMP, bce, bce_terms, n_clamped

RIGHT = TARGET.copy()  # every prediction exactly on its target
WRONG = 1 - TARGET  # every prediction exactly 0 or 1 on the wrong side


def _torch_terms(pred: np.ndarray) -> np.ndarray:
    """BCELoss(reduction='none') of four predictions against the XOR targets."""
    return torch.nn.BCELoss(reduction="none")(torch.from_numpy(np.float32(pred))[:, None], XOR_Y)[:, 0].numpy()


def test_terms_at_exactly_0_and_1_are_0_or_the_clamp():
    assert bce_terms(RIGHT).tolist() == [0.0, 0.0, 0.0, 0.0]
    assert bce_terms(WRONG).tolist() == [100.0] * 4 == [-LOG_CLAMP] * 4
    np.testing.assert_array_equal(bce_terms(WRONG), _torch_terms(WRONG))
    np.testing.assert_array_equal(bce_terms(RIGHT), _torch_terms(RIGHT))


def test_mean_at_the_edges_and_at_one_half():
    assert bce(RIGHT) == 0 and bce(WRONG) == 100
    assert bce(np.full(4, 0.5)) == pytest.approx(math.log(2), abs=1e-15)
    mixed = np.array([0.0, 0.0, 1.0, 1.0])  # rows 0 and 2 right, rows 1 and 3 at the clamp
    assert bce(mixed) == 50 and n_clamped(mixed) == 2


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_terms_and_mean_match_bceloss(dtype):
    pred = np.random.default_rng(0).random((50, 4)).astype(dtype)
    want = np.array([_torch_terms(p) for p in pred])
    # atol: BCELoss takes log1p(-p), we take log(1 - p), whose float32 rounding of 1 - p is up to 6e-8
    np.testing.assert_allclose(bce_terms(pred, dtype=dtype), want, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(bce(pred, dtype), want.mean(-1), rtol=1e-6, atol=1e-7)
    assert bce(pred, dtype).dtype == dtype and bce(pred, dtype).shape == (50,)


def test_other_targets_and_nan():
    assert bce_terms([0.25], target=np.array([1.0]))[0] == pytest.approx(math.log(4))
    assert bce_terms([0.25], target=np.array([0.0]))[0] == pytest.approx(math.log(4 / 3))
    assert np.isnan(bce(np.array([np.nan, 1.0, 1.0, 0.0])))  # nan is not clamped away


def test_n_clamped_counts_terms_at_100_only():
    assert n_clamped(RIGHT) == 0 and n_clamped(WRONG) == 4
    assert n_clamped(np.array([[1e-30], [1.0], [1.0], [0.0]])) == 0  # a near miss is not at the clamp: 1e-30 is right
    assert n_clamped(np.array([[1 - 1e-7], [1.0], [1.0], [0.0]])) == 0  # log(1e-7) is -16, far from -100
