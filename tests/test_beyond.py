"""The views beyond the lecture, held against independent computations: shares, edge factors, the loss slice, the loop."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
import torch
from torch import nn, optim

from xorcore import ACTIVATIONS, LECTURE, Config, build_model, manual_step, trace
from xorcore.backprop_rows import row_share
from xorcore.data import XOR_X, XOR_Y
from xorcore.edges import chain, edge_labels, factors, layer_ratio, w1_path, w1_path_latex
from xorcore.loop import LOOP_STEPS, LoopStepper, changed, fresh_sum_gap, plain_loop, two_backwards, values_table
from xorcore.loss_slice import gradient, loss_slice
from xorcore.model import flatten, load, param_names
from xorcore.shares import grad_shares, group, strongest_cancel
from xorcore.trace import loss_of
from xorcore.train import train
from xorcore.views.beyond import shares_chart, shares_frame, slice_chart, zero_grad_chart
from xorcore.views.graph import EDGES, computation_graph

CONFIGS = [LECTURE, Config(seed=3, activation="tanh", hidden=3), Config(seed=7, activation="relu", hidden=5),
           Config(seed=11, activation="leaky_relu"), Config(seed=1, activation="identity", hidden=1)]  # fmt: skip


def _flat_grads(g) -> np.ndarray:
    return np.concatenate([g.d_W1.ravel(), g.d_b1.ravel(), g.d_W2.ravel(), g.d_b2.ravel()])


# ---------------------------------------------------------------- the four inputs' shares


@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: c.label())
def test_shares_add_up_to_autograds_batch_gradient_and_equal_the_chain_rules(cfg):
    model = build_model(cfg)
    s = grad_shares(model)
    tc = trace(model)
    np.testing.assert_allclose(s.shares.sum(axis=0), _flat_grads(tc.grads), atol=1e-7)  # loss.backward() of the mean
    np.testing.assert_array_equal(s.batch, _flat_grads(tc.grads))
    for i in range(4):  # autograd of l_i / N = the chain rule's outer products of row i (backprop_rows)
        np.testing.assert_allclose(s.shares[i], _flat_grads(row_share(tc.by_hand, tc, i)), atol=1e-7)


def test_shares_at_the_lecture_seed_cancel_in_w1():
    s = grad_shares(build_model(LECTURE))
    w1 = group(s.names, "W1")
    assert [s.names[j] for j in w1] == ["W1[0,0]", "W1[0,1]", "W1[1,0]", "W1[1,1]"]
    j = strongest_cancel(s, w1)
    col = s.shares[:, j]
    assert abs(s.batch[j]) < 0.0045  # dL/dW1 ≈ 0.004 ...
    assert col.max() > 0.006 and col.min() < -0.006  # ... from shares of about ±0.007 to 0.014
    assert (s.shares[0, w1] == 0).all()  # input (0,0) gives nothing to any W1 entry
    assert s.cancel()[j] > 3


def test_shares_chart_ends_each_waterfall_at_the_batch_gradient():
    s = grad_shares(build_model(LECTURE))
    idx = group(s.names, "W1")
    df = shares_frame(s, idx, "en")
    for j in idx:
        rows = df[df["param"] == s.names[j]]
        shares, total = rows[rows["kind"] == "share"], rows[rows["kind"] == "sum"]
        np.testing.assert_allclose(shares["start"].iloc[1:].to_numpy(), shares["end"].iloc[:-1].to_numpy())
        assert shares["end"].iloc[-1] == pytest.approx(float(total["end"].iloc[0]), abs=1e-8)
    spec = shares_chart(s, idx, "ko", "desc").to_dict()  # validates against the Vega-Lite schema
    assert spec["description"] == "desc"


# ---------------------------------------------------------------- local x upstream


@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: c.label())
def test_edge_factors_multiply_to_autograds_node_gradients(cfg):
    tc = trace(build_model(cfg))
    g = chain(tc, cfg.activation)
    a = tc.grads
    want = {"op_sigmoid": a.d_y_pred, "op_add2": a.d_z2, "op_matmul2": a.d_z2, "op_act": a.d_h1, "op_add1": a.d_z1,
            "op_matmul1": a.d_z1, "leaf_W2": a.d_W2, "leaf_b2": a.d_b2, "leaf_W1": a.d_W1, "leaf_b1": a.d_b1}  # fmt: skip
    for node, value in want.items():
        np.testing.assert_allclose(g[node], value, rtol=1e-5, atol=1e-7, err_msg=node)


@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: c.label())
def test_a_w1_paths_factors_multiply_to_each_rows_share_and_add_up_to_autograd(cfg):
    """The slide's path: ∂L/∂ŷ · σ′(z₂) · W₂[0,j] · f′(z₁)[j] · x[k] per row = that row's share (by autograd)."""
    model = build_model(cfg)
    tc, s = trace(model), grad_shares(model)
    for j in range(cfg.hidden):
        for k in range(2):
            p = w1_path(tc, cfg.activation, j, k)
            col = s.names.index(f"W1[{j},{k}]")
            np.testing.assert_allclose(p.prod(axis=1), s.shares[:, col], rtol=1e-4, atol=1e-8)
            np.testing.assert_allclose(p.prod(axis=1).sum(), tc.grads.d_W1[j, k], rtol=1e-4, atol=1e-8)


def test_the_w1_path_latex_shows_the_lectures_numbers():
    lines = w1_path_latex(trace(build_model(LECTURE)), "sigmoid", 0, 0)
    assert len(lines) == 6 and lines[-1].endswith("= -0.004000")  # dL/dW1[0,0] at seed 42
    assert "(0.2227)" in lines[1] and "(-0.3443)" in lines[1]  # σ′(z₂) of (0,0), W₂[0,0]


def test_every_gradient_edge_has_a_factor_and_the_graph_shows_it():
    tc = trace(build_model(LECTURE))
    f = factors(tc, "sigmoid")
    assert set(f) == {e for e in EDGES if "leaf_x" not in e and "leaf_y" not in e}
    labels = edge_labels(tc, "sigmoid", 0, "mean", "sum")
    assert labels[("op_add2", "op_sigmoid")] == ["× σ′(z₂) = 0.223"]  # the number, row (0,0)
    dot = computation_graph(tc, 0, "en", activation="sigmoid", edge_labels=labels)
    assert 'op_add2 -> op_sigmoid [label="× σ′(z₂) = 0.223\\l"' in dot
    assert "leaf_x -> op_matmul1;" in dot  # data edges carry no factor
    batch = edge_labels(tc, "sigmoid", None, "mean", "then Σ rows")
    assert batch[("leaf_W1", "op_matmul1")][-1] == "then Σ rows" and len(batch[("leaf_W1", "op_matmul1")]) == 6


def test_first_layer_gradients_are_smaller_at_the_lecture_seed():
    tc = trace(build_model(LECTURE))
    r = layer_ratio(tc, "sigmoid")
    assert r["ratio"] == pytest.approx(np.abs(tc.d_W2).mean() / np.abs(tc.d_W1).mean())
    assert r["ratio"] > 10 and 0 < r["fp_lo"] <= r["fp_hi"] <= 0.25


# ---------------------------------------------------------------- the loss along a step


@pytest.mark.parametrize("biases", [True, False])
@pytest.mark.parametrize("eta", [0.1, 1.0, 3.7, 5.0])
def test_slice_at_eta_is_the_loss_of_manual_step(eta, biases):
    model = build_model(LECTURE)
    sl = loss_slice(LECTURE, flatten(model), eta, biases=biases)
    assert sl.chosen_loss == pytest.approx(loss_of(manual_step(model, eta, biases=biases)), abs=2e-7)
    assert sl.loss0 == pytest.approx(loss_of(model), abs=1e-7)


def test_slice_tangent_is_minus_the_squared_gradient_and_eta_5_overshoots():
    model = build_model(LECTURE)
    flat = flatten(model)
    sl = loss_slice(LECTURE, flat, 5.0)
    g = _flat_grads(trace(model).grads).astype(np.float64)
    assert sl.slope0 == pytest.approx(-float(g @ g), rel=1e-6)
    h = 1e-3  # the slice's own slope near 0 (central difference of real losses in float64)
    m = load(LECTURE, flat).double()
    with torch.no_grad():
        up, down = (float(nn.BCELoss()(_shifted(m, s * h, g)(XOR_X.double()), XOR_Y.double())) for s in (1, -1))
    assert (up - down) / (2 * h) == pytest.approx(sl.slope0, rel=1e-4)
    assert sl.chosen_loss > sl.loss0  # η = 5 already raises the loss at seed 42
    assert sl.up_from is not None and sl.up_from <= 5.0 and 0 < sl.best_eta < sl.up_from


def _shifted(model: nn.Module, t: float, g: np.ndarray) -> nn.Module:
    """A float64 copy with θ − t g."""
    out = copy.deepcopy(model)
    with torch.no_grad():
        k = 0
        for p in (out[0].weight, out[0].bias, out[2].weight, out[2].bias):
            n = p.numel()
            p -= t * torch.from_numpy(g[k : k + n].reshape(p.shape))
            k += n
    return out


def test_slice_along_one_parameter_moves_only_that_parameter():
    model = build_model(LECTURE)
    flat = flatten(model)
    g = gradient(LECTURE, flat)
    names = param_names(2)
    j = names.index("W2[0,1]")
    sl = loss_slice(LECTURE, flat, 2.0, along="W2[0,1]")
    moved = flat.copy()
    moved[j] -= np.float32(2.0) * g[j]
    assert sl.chosen_loss == pytest.approx(loss_of(load(LECTURE, moved)), abs=2e-7)
    assert sl.slope0 == pytest.approx(-(float(g[j]) ** 2), rel=1e-6)
    with pytest.raises(ValueError, match="not a parameter"):
        loss_slice(LECTURE, flat, 1.0, along="W9")
    spec = slice_chart(sl, "en", "alt").to_dict()
    assert spec["description"] == "alt"


# ---------------------------------------------------------------- the loop


def _lecture_loop(cfg: Config, epochs: int):
    """The lecture's cell 1 as written: its own class, torch.manual_seed, torch.optim, BCELoss."""

    class XORModel(nn.Module):
        def __init__(self):
            super().__init__()
            torch.manual_seed(cfg.seed)
            self.layer1 = nn.Linear(2, cfg.hidden)
            self.activation = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh}[cfg.activation]()
            self.layer2 = nn.Linear(cfg.hidden, 1)
            self.sigmoid = nn.Sigmoid()

        def forward(self, x):
            return self.sigmoid(self.layer2(self.activation(self.layer1(x))))

    model = XORModel()
    criterion = nn.BCELoss()
    make = {"adam": lambda p: optim.Adam(p, lr=cfg.lr), "sgd": lambda p: optim.SGD(p, lr=cfg.lr),
            "momentum": lambda p: optim.SGD(p, lr=cfg.lr, momentum=0.9),
            "rmsprop": lambda p: optim.RMSprop(p, lr=cfg.lr)}  # fmt: skip
    optimizer = make[cfg.optimizer](model.parameters())
    for _ in range(epochs):
        prediction = model(X := XOR_X)
        loss = criterion(prediction, XOR_Y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model, optimizer, prediction, loss, X


@pytest.mark.parametrize("opt", ["adam", "sgd", "momentum", "rmsprop"])
def test_stepper_after_5k_steps_equals_the_lectures_loop(opt):
    cfg = Config(optimizer=opt, lr=0.1 if opt == "sgd" else 0.01, activation="tanh" if opt == "sgd" else "sigmoid")
    k = 7
    s = LoopStepper(cfg)
    for _ in range(5 * k):
        s.step_once()
    assert (s.epoch, s.next_step) == (k, "forward")
    model, optimizer, prediction, loss, _ = _lecture_loop(cfg, k)
    snap = s.history[-1]
    mine = dict(zip(["W1", "b1", "W2", "b2"], [model.layer1.weight, model.layer1.bias, model.layer2.weight,
                                               model.layer2.bias], strict=True))  # fmt: skip
    for name, p in mine.items():
        np.testing.assert_array_equal(snap.params[name], p.detach().numpy())
        np.testing.assert_array_equal(snap.grads[name], p.grad.numpy())
        state = optimizer.state[p]
        assert set(snap.state[name]) == set(state)
        for key, v in state.items():
            np.testing.assert_array_equal(snap.state[name][key], v.numpy())
    np.testing.assert_array_equal(snap.pred, prediction.detach().numpy()[:, 0])
    assert snap.loss == float(loss)


def test_run_epoch_is_five_steps_and_each_step_changes_what_it_should():
    s = LoopStepper(LECTURE)
    kinds = []
    for _ in range(10):
        before = s.history[-1]
        after = s.step_once()
        kinds.append((after.step, {k for k, v in changed(before, after).items() if v}))
    assert [k for k, _ in kinds] == list(LOOP_STEPS) * 2
    assert kinds[:5] == [("forward", {"pred"}), ("loss", {"loss"}), ("zero_grad", set()),  # nothing to clear yet
                         ("backward", {"grad"}), ("step", {"param", "state"})]  # fmt: skip
    assert kinds[7] == ("zero_grad", {"grad"}) and all(g is None for g in s.history[-3].grads.values())
    t = LoopStepper(LECTURE)
    t.run_epoch()
    t.step_once()
    t.run_epoch()  # finishes the epoch it is in
    assert (t.epoch, t.next_index) == (2, 0)
    np.testing.assert_array_equal(t.history[-1].params["W1"], s.history[-1].params["W1"])


def test_values_table_marks_exactly_the_changed_cells():
    s = LoopStepper(LECTURE)
    for _ in range(5):
        s.step_once()
    values, mask = values_table(s.history[-1], s.history[-2])
    assert list(values.index) == param_names(2)
    assert list(values.columns) == ["θ", ".grad", "step", "exp_avg", "exp_avg_sq"]
    assert mask["θ"].all() and not mask[".grad"].any() and mask["exp_avg"].all()
    assert (values["step"] == "1").all()


def test_two_backward_passes_without_zero_grad_give_the_sum_of_both():
    model = build_model(LECTURE)
    once, twice = two_backwards(model)
    g = _flat_grads(trace(model).grads)
    for name in once:
        np.testing.assert_array_equal(twice[name], 2 * once[name])  # the same gradient twice: its double
    np.testing.assert_array_equal(np.concatenate([once[n].ravel() for n in ("W1", "b1", "W2", "b2")]), g)
    # The stepper without zero_grad: after epoch 2's backward, .grad = g(θ₀) + g(θ₁), θ₁ after the first step.
    s = LoopStepper(LECTURE, skip_zero_grad=True)
    s.run_epoch()
    theta1 = flatten(s.model)
    for _ in range(4):
        s.step_once()
    snap, before = s.history[-1], s.history[-2]
    assert snap.step == "backward"
    g1 = trace(load(LECTURE, theta1)).grads
    for name, want in {"W1": g.reshape(-1)[:4].reshape(2, 2) + g1.d_W1, "W2": g[6:8].reshape(1, 2) + g1.d_W2}.items():
        np.testing.assert_allclose(snap.grads[name], want, atol=1e-7)
    assert fresh_sum_gap(before, snap) == 0.0


def test_plain_loop_with_zero_grad_is_train_and_without_it_differs():
    cfg = Config(epochs=300)
    with_zg = plain_loop(cfg, 300)
    np.testing.assert_array_equal(with_zg, train(cfg).loss)
    without = plain_loop(cfg, 300, zero_grad=False)
    assert without[0] == with_zg[0] and without[1] == with_zg[1]  # the first step is the same: .grad was None
    assert not np.array_equal(without, with_zg)
    spec = zero_grad_chart(without, "en", "without", [0, 1], "#000").to_dict()
    assert "epochs 0 to 299" in spec["description"]  # the last point drawn is epoch 299 (after 299 updates)


def test_stepper_reports_a_refused_step_instead_of_raising():
    s = LoopStepper(LECTURE)
    with torch.no_grad():
        s.model[2].bias.fill_(float("nan"))  # predictions that are not numbers: BCELoss refuses them
    s.step_once()
    assert s.error is None
    s.step_once()
    assert s.error and s.done and s.next_step == "loss"
    assert s.step_once() is s.history[-1]  # nothing more runs


def test_every_activation_has_a_stepper_and_charts_are_json():
    for act in ACTIVATIONS:
        s = LoopStepper(Config(activation=act))
        snap = s.run_epoch()
        assert snap.step == "step" and np.isfinite(snap.loss)
        json.dumps({k: v.tolist() for k, v in snap.params.items()})
