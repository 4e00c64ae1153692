"""The numpy engine (Experiments' many runs at once) against PyTorch's own runs, within a stated tolerance."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import torch

from xorcore.batch import FinalBatch, init_params, train_final
from xorcore.config import ACTIVATIONS, OPTIMIZERS, Config
from xorcore.losses import bce
from xorcore.model import build_model, flatten
from xorcore.outcome import learned
from xorcore.train import train


@pytest.mark.parametrize(("activation", "optimizer"), list(itertools.product(ACTIVATIONS, OPTIMIZERS)))
def test_engine_is_close_to_pytorch_away_from_saddles(activation, optimizer):
    """300 epochs from the lecture seed (no saddle on the way): θ within 1e-5 of PyTorch's (rounding, not math)."""
    configs = [Config(seed=s, activation=activation, optimizer=optimizer, epochs=300) for s in (42,)]
    fin = train_final(configs)
    for i, c in enumerate(configs):
        h = train(c)
        np.testing.assert_allclose(fin.params[i], h.params[-1], rtol=0, atol=1e-5)
        np.testing.assert_allclose(fin.pred[i], h.final_pred, rtol=0, atol=1e-5)
        np.testing.assert_allclose(fin.loss[i], h.final_loss, rtol=0, atol=1e-5)


def test_a_run_gives_the_same_bits_alone_or_in_a_batch():
    """No BLAS and a fixed sum order: batching never changes a run (Experiments' cells agree with each other)."""
    configs = [Config(seed=s, activation="relu", optimizer=o, epochs=120) for s in range(5) for o in ("adam", "sgd")]
    together = train_final(configs)
    for i, c in enumerate(configs):
        alone = train_final([c])
        assert np.array_equal(together.params[i], alone.params[0]) and np.array_equal(together.pred[i], alone.pred[0])


def test_train_final_shapes_and_hidden_check():
    configs = [Config(seed=s, hidden=3, epochs=50) for s in range(4)]
    fin = train_final(configs)
    assert isinstance(fin, FinalBatch) and fin.params.shape == (4, 13) and fin.pred.shape == (4, 4)
    assert np.array_equal(fin.success(), learned(fin.pred)) and not fin.diverged.any()
    with pytest.raises(ValueError, match="one hidden size"):
        train_final([Config(hidden=2), Config(hidden=3)])


def test_bce_matches_torch_and_its_clamp():
    pred = np.array([[0.1, 0.9, 0.8, 0.2], [0.0, 1.0, 1.0, 0.0], [1.0, 0.0, 0.0, 1.0]], np.float32)
    want = [torch.nn.BCELoss()(torch.from_numpy(p)[:, None], torch.tensor([[0.0], [1], [1], [0]])).item() for p in pred]
    np.testing.assert_allclose(bce(pred, np.float32), want, rtol=1e-6)
    assert bce(pred, np.float32)[1] == 0 and bce(pred, np.float32)[2] == 100  # log clamped at -100, as BCELoss does


@pytest.mark.parametrize("hidden", [1, 2, 3, 8])
def test_init_params_equal_build_model(hidden):
    seeds = [0, 1, 42, 2**31 - 1]
    want = np.stack([flatten(build_model(Config(seed=s, hidden=hidden))) for s in seeds])
    assert np.array_equal(init_params(seeds, hidden), want)


def test_global_rng_untouched():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    build_model(Config(seed=5))
    train_final([Config(epochs=10, seed=s) for s in range(3)])
    init_params([1, 2, 3], 4)
    assert torch.equal(torch.rand(3), expected)
