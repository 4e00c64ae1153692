"""The fast engine equals a plain torch loop; train_batch equals train; History's invariants hold."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import torch
from torch import nn

from xorcore import engine
from xorcore.config import ACTIVATIONS, OPTIMIZERS, Config
from xorcore.model import build_model, flatten, n_params
from xorcore.train import FinalBatch, _histories, bce, init_params, train, train_batch, train_final

X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
Y = torch.tensor([[0], [1], [1], [0]], dtype=torch.float32)
ACT = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU, "leaky_relu": nn.LeakyReLU, "identity": nn.Identity}


def plain_loop(c: Config) -> dict[str, np.ndarray]:
    """The reference: the lecture's loop with nn.Linear, torch.optim, nn.BCELoss, zero_grad/backward/step."""
    state = torch.random.get_rng_state()
    torch.manual_seed(c.seed)
    l1, l2 = nn.Linear(2, c.hidden), nn.Linear(c.hidden, 1)  # made in the lecture's order
    torch.random.set_rng_state(state)
    model = nn.Sequential(l1, ACT[c.activation](), l2, nn.Sigmoid())
    params = model.parameters()
    opt = {
        "sgd": lambda: torch.optim.SGD(params, lr=c.lr),
        "momentum": lambda: torch.optim.SGD(params, lr=c.lr, momentum=0.9),
        "adam": lambda: torch.optim.Adam(params, lr=c.lr),
        "rmsprop": lambda: torch.optim.RMSprop(params, lr=c.lr),
    }[c.optimizer]()
    criterion = nn.BCELoss()
    losses, preds, thetas = [], [], []
    for _ in range(c.epochs):
        thetas.append(flatten(model))
        pred = model(X)
        loss = criterion(pred, Y)
        losses.append(loss.item())
        preds.append(pred.detach().numpy()[:, 0].copy())
        opt.zero_grad()
        loss.backward()
        opt.step()
    thetas.append(flatten(model))
    with torch.no_grad():
        final = model(X).numpy()[:, 0]
    return {"loss": np.array(losses), "pred": np.array(preds), "params": np.array(thetas), "final": final}


@pytest.mark.parametrize(("activation", "optimizer"), list(itertools.product(ACTIVATIONS, OPTIMIZERS)))
def test_train_equals_plain_torch_loop(activation, optimizer):
    c = Config(activation=activation, optimizer=optimizer, epochs=300)
    ref, h = plain_loop(c), train(c)
    assert h.diverged_at is None
    np.testing.assert_allclose(h.loss, ref["loss"], rtol=0, atol=1e-5)
    np.testing.assert_allclose(h.pred, ref["pred"], rtol=0, atol=1e-5)
    np.testing.assert_allclose(h.params, ref["params"], rtol=0, atol=1e-5)
    np.testing.assert_allclose(h.final_pred, ref["final"], rtol=0, atol=1e-5)


@pytest.mark.parametrize(
    "c",
    [Config(seed=7, activation="relu", optimizer="sgd", lr=0.5, epochs=200, hidden=3),
     Config(seed=3, activation="tanh", optimizer="rmsprop", lr=0.002, epochs=200, hidden=1),
     Config(seed=11, activation="leaky_relu", optimizer="momentum", lr=0.05, epochs=200, hidden=8)],
)  # fmt: skip
def test_train_equals_plain_loop_other_settings(c):
    ref, h = plain_loop(c), train(c)
    np.testing.assert_allclose(h.loss, ref["loss"], rtol=0, atol=1e-5)
    np.testing.assert_allclose(h.params, ref["params"], rtol=0, atol=1e-5)


def test_lecture_run_full_length():
    ref, h = plain_loop(Config()), train(Config())
    np.testing.assert_allclose(h.loss, ref["loss"], rtol=0, atol=1e-5)
    np.testing.assert_allclose(h.params, ref["params"], rtol=0, atol=1e-5)
    np.testing.assert_allclose(h.final_pred, ref["final"], rtol=0, atol=1e-5)
    # the lecture's cell 1 ends near [0, 1, 1, 0]
    assert h.success() and h.final_loss < 0.05


def _assert_same(a, b):
    assert a.config == b.config and a.diverged_at == b.diverged_at
    for field in ("loss", "accuracy", "pred", "grad_norm", "params", "final_pred"):
        x, y = getattr(a, field), getattr(b, field)
        assert x.shape == y.shape, field
        np.testing.assert_allclose(x, y, rtol=0, atol=1e-5, err_msg=field)
    np.testing.assert_allclose(a.final_loss, b.final_loss, rtol=0, atol=1e-5)


@pytest.mark.parametrize(("activation", "optimizer"), list(itertools.product(ACTIVATIONS, OPTIMIZERS)))
def test_batch_equals_single_runs(activation, optimizer):
    configs = [Config(seed=s, activation=activation, optimizer=optimizer, lr=lr, epochs=150)
               for s, lr in ((0, 0.01), (1, 0.1), (42, 0.5), (5, 0.001))]  # fmt: skip
    for a, b in zip(train_batch(configs), [train(c) for c in configs], strict=True):
        _assert_same(a, b)


def test_mixed_batch():
    configs = [
        Config(seed=1, activation="relu", optimizer="adam", lr=0.05, epochs=120, hidden=2),
        Config(seed=2, activation="sigmoid", optimizer="sgd", lr=1.0, epochs=80, hidden=3),
        Config(seed=3, activation="relu", optimizer="adam", lr=0.01, epochs=120, hidden=2),
        Config(seed=4, activation="relu", optimizer="adam", lr=0.01, epochs=60, hidden=2),
        Config(seed=5, activation="tanh", optimizer="rmsprop", lr=0.01, epochs=100, hidden=5),
        Config(seed=6, activation="identity", optimizer="momentum", lr=0.1, epochs=100, hidden=1),
        Config(seed=1, activation="relu", optimizer="adam", lr=0.05, epochs=120, hidden=2),  # a duplicate
    ]
    batch = train_batch(configs)
    assert [h.config for h in batch] == configs
    for a, c in zip(batch, configs, strict=True):
        alone = train(c)
        _assert_same(a, alone)
        np.testing.assert_array_equal(a.params, alone.params)  # in fact bit for bit: no BLAS, fixed sum order


def test_history_invariants():
    h = train(Config())
    n, p = h.config.epochs, n_params(2)
    assert len(h.loss) == len(h.accuracy) == len(h.grad_norm) == n and h.epochs_run == n
    assert h.pred.shape == (n, 4) and h.params.shape == (n + 1, p)
    assert round(float(h.loss[0]), 4) == 0.7482  # the lecture's untrained loss
    np.testing.assert_allclose(h.params[0], flatten(build_model(Config())), rtol=0, atol=0)
    np.testing.assert_allclose(h.final_loss, bce(h.final_pred), rtol=0, atol=1e-7)
    np.testing.assert_allclose(h.final_loss, float(train_final([Config()]).loss[0]), rtol=0, atol=1e-6)
    assert h.loss_at(n) == h.final_loss and h.loss_at(0) == float(h.loss[0])
    assert np.array_equal(h.pred_at(n), h.final_pred)
    assert np.all(np.diff(h.loss[:50]) < 0)  # Adam lr 0.01 from the lecture's init: falling from the start
    assert h.table().shape == (n, 4 + 4 + p)  # epoch, loss, accuracy, grad_norm, preds, θ


def test_final_loss_is_bce_of_last_params():
    for c in (Config(), Config(seed=3, activation="relu", optimizer="sgd", lr=0.1, epochs=100)):
        h = train(c)
        model = build_model(c)
        with torch.no_grad():
            for tensor, value in zip(model.parameters(), _split(h.params[-1], c.hidden), strict=True):
                tensor.copy_(torch.from_numpy(value))
            loss = nn.BCELoss()(model(X), Y).item()
        np.testing.assert_allclose(h.final_loss, loss, rtol=0, atol=1e-6)


def _split(flat: np.ndarray, h: int) -> list[np.ndarray]:
    return [flat[: 2 * h].reshape(h, 2), flat[2 * h : 3 * h], flat[3 * h : 4 * h].reshape(1, h), flat[4 * h :]]


def test_huge_init_diverges_like_torch():
    """W2 = [1e38, -1e38] on huge hidden values: z2 = inf - inf = nan, in torch and in the engine."""
    init = np.full((1, n_params(2)), 1e38, np.float32)
    init[0, 7] = -1e38  # W2[0,1]
    raw = engine.run("identity", "sgd", 2, init, np.array([0.01]), 50)
    (h,) = _histories([Config(activation="identity", optimizer="sgd", epochs=50)], raw)
    model = nn.Sequential(nn.Linear(2, 2), nn.Identity(), nn.Linear(2, 1), nn.Sigmoid())
    with torch.no_grad():
        for tensor, value in zip(model.parameters(), _split(init[0], 2), strict=True):
            tensor.copy_(torch.from_numpy(value))
        assert torch.isnan(model(X)).any()  # torch agrees that this forward pass is nan
    assert np.isnan(raw.pred[0, 0]).any()
    assert h.diverged_at == 0 and len(h.loss) == 0 and h.params.shape == (1, n_params(2))
    assert np.isnan(h.final_loss) and not h.success()


def test_divergence_cuts_every_array():
    """A run whose predictions turn nan at epoch 7 is cut there; the others in its batch are not."""
    configs = [Config(seed=s, epochs=30) for s in (0, 1)]
    raw = engine.run("sigmoid", "adam", 2, init_params([0, 1], 2), np.array([0.01, 0.01]), 30)
    raw.pred[1, 7:] = np.nan
    raw.params[1, 9:] = np.nan
    ok, cut = _histories(configs, raw)
    assert ok.diverged_at is None and len(ok.loss) == 30
    assert cut.diverged_at == 7 and np.isnan(cut.final_loss)
    assert len(cut.loss) == len(cut.accuracy) == len(cut.grad_norm) == len(cut.pred) == 7
    assert cut.params.shape == (8, n_params(2)) and np.isfinite(cut.loss).all()
    np.testing.assert_array_equal(cut.loss, train(configs[1]).loss[:7])


def test_saturated_run_is_stuck_not_diverged():
    """Huge steps saturate the output sigmoid; BCELoss's clamps keep the loss finite, as in torch."""
    c = Config(activation="identity", optimizer="sgd", lr=1e6, epochs=300, seed=0)
    h, ref = train(c), plain_loop(c)
    assert h.diverged_at is None and not h.success()
    np.testing.assert_allclose(h.loss, ref["loss"], rtol=0, atol=1e-5)


def test_global_rng_untouched():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    build_model(Config(seed=5))
    train(Config(epochs=10, seed=9))
    train_batch([Config(epochs=10, seed=s) for s in range(3)])
    init_params([1, 2, 3], 4)
    assert torch.equal(torch.rand(3), expected)


@pytest.mark.parametrize("hidden", [1, 2, 3, 8])
def test_init_params_equal_build_model(hidden):
    seeds = [0, 1, 42, 2**31 - 1]
    want = np.stack([flatten(build_model(Config(seed=s, hidden=hidden))) for s in seeds])
    assert np.array_equal(init_params(seeds, hidden), want)


def test_train_final_equals_train():
    configs = [Config(seed=s, activation=a, optimizer="adam", epochs=200) for s in (0, 1) for a in ("relu", "tanh")]
    configs.append(Config(seed=0, activation="identity", optimizer="sgd", lr=1e6, epochs=200))  # diverges
    fin = train_final(configs)
    assert isinstance(fin, FinalBatch)
    for i, c in enumerate(configs):
        h = train(c)
        assert bool(fin.diverged[i]) == (h.diverged_at is not None)
        if h.diverged_at is None:
            np.testing.assert_allclose(fin.params[i], h.params[-1], rtol=0, atol=1e-6)
            np.testing.assert_allclose(fin.pred[i], h.final_pred, rtol=0, atol=1e-6)
            np.testing.assert_allclose(fin.loss[i], h.final_loss, rtol=0, atol=1e-6)
            assert bool(fin.success()[i]) == h.success()
        else:
            assert np.isnan(fin.loss[i]) and not fin.success()[i]
    with pytest.raises(ValueError, match="one hidden size"):
        train_final([Config(hidden=2), Config(hidden=3)])


def test_history_arrays_are_read_only():
    h = train(Config(epochs=20))
    with pytest.raises(ValueError):
        h.loss[0] = 0.0
