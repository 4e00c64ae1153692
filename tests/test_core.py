"""xorcore against the lecture's printed numbers, autograd and finite differences."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from xorcore import ACTIVATIONS, Config, build_model, finite_differences, manual_step
from xorcore import trace as trace_of
from xorcore.model import ACT_MODULES, act_grad_np, act_np
from xorcore.trace import loss_of

# Printed by the lecture's cell 2 (seed 42).
LECTURE_W1 = [[0.5406, 0.5869], [-0.1657, 0.6496]]
LECTURE_W2 = [[-0.3443, 0.4153]]
LECTURE_Z1 = [[-0.15492964, 0.14268756], [0.4319746, 0.7922438], [0.38568074, -0.02296811], [0.97258496, 0.6265881]]
LECTURE_H1 = [[0.46134487, 0.5356115], [0.60634506, 0.68831295], [0.59524244, 0.49425822], [0.7256344, 0.65171546]]
LECTURE_Z2 = [[0.68694735], [0.7004423], [0.6236791], [0.6441781]]
LECTURE_Y = [[0.6652875], [0.66828585], [0.65105486], [0.6556973]]
LECTURE_DZ2 = [[0.16632186], [-0.08292854], [-0.08723629], [0.16392432]]  # printed as "dL/dy_pred"
LECTURE_DW2 = [[0.0934708, 0.09571788]]
LECTURE_DH1_ROW0 = [-0.05725771, 0.06906874]  # the printout stops after this row


@pytest.fixture(scope="module")
def lecture():
    return trace_of(build_model(Config()))


def test_initial_weights_match_lecture(lecture):
    np.testing.assert_allclose(lecture.W1, LECTURE_W1, atol=5e-5)
    np.testing.assert_allclose(lecture.W2, LECTURE_W2, atol=5e-5)


def test_forward_matches_lecture(lecture):
    np.testing.assert_allclose(lecture.z1, LECTURE_Z1, atol=1e-7)
    np.testing.assert_allclose(lecture.h1, LECTURE_H1, atol=1e-7)
    np.testing.assert_allclose(lecture.z2, LECTURE_Z2, atol=1e-7)
    np.testing.assert_allclose(lecture.y_pred, LECTURE_Y, atol=1e-7)
    assert f"{lecture.loss:.4f}" == "0.7482"


def test_backward_matches_lecture(lecture):
    np.testing.assert_allclose(lecture.d_z2, LECTURE_DZ2, atol=1e-7)
    np.testing.assert_allclose(lecture.d_W2, LECTURE_DW2, atol=1e-7)
    np.testing.assert_allclose(lecture.d_h1[0], LECTURE_DH1_ROW0, atol=1e-7)


def test_dz2_identity_and_dy_pred_differ(lecture):
    """dL/dz2 = (y_pred - y)/N; the lecture's 'dL/dy_pred' is really dL/dz2."""
    np.testing.assert_allclose(lecture.d_z2, (lecture.y_pred - lecture.y) / 4, atol=1e-7)
    expected_dy = (lecture.y_pred - lecture.y) / (lecture.y_pred * (1 - lecture.y_pred)) / 4
    np.testing.assert_allclose(lecture.d_y_pred, expected_dy, rtol=1e-5)
    assert not np.allclose(lecture.d_y_pred, lecture.d_z2)


def test_trace_does_not_touch_caller_model():
    model = build_model(Config())
    trace_of(model)
    assert all(p.grad is None for p in model.parameters())


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("hidden", [1, 2, 5])
def test_by_hand_equals_autograd(activation, hidden):
    trace = trace_of(build_model(Config(seed=7, activation=activation, hidden=hidden)))
    for name in ("d_y_pred", "d_z2", "d_W2", "d_b2", "d_h1", "d_z1", "d_W1", "d_b1"):
        hand, auto = getattr(trace.by_hand, name), getattr(trace.grads, name)
        assert hand.shape == auto.shape, name
        np.testing.assert_allclose(hand, auto, atol=1e-6, err_msg=name)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_activation_derivative_is_torchs_at_the_kink_and_from_h(activation):
    z = torch.tensor([-2.0, -1e-30, 0.0, 1e-30, 3.0], requires_grad=True)
    ACT_MODULES[activation]()(z).sum().backward()
    zn = z.detach().numpy()
    np.testing.assert_allclose(act_grad_np(activation, zn), z.grad.numpy(), rtol=1e-6, atol=1e-7)  # relu'(0) = 0
    np.testing.assert_array_equal(act_grad_np(activation, zn, act_np(activation, zn)), act_grad_np(activation, zn))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "leaky_relu", "identity"])
def test_autograd_agrees_with_finite_differences(activation):
    rows = finite_differences(build_model(Config(seed=3, activation=activation, hidden=3)))
    assert len(rows) == 4 * 3 + 1
    for name, fd, auto in rows:
        assert fd == pytest.approx(auto, abs=1e-5), name


def test_weights_only_step_reproduces_lecture_update(lecture):
    model = build_model(Config())
    new = manual_step(model, 0.1, biases=False)
    # The lecture: W -= 0.1 * grad on the weights only, biases untouched.
    np.testing.assert_allclose(new[2].weight.detach(), np.array(LECTURE_W2) - 0.1 * np.array(LECTURE_DW2), atol=6e-5)
    np.testing.assert_allclose(new[0].weight.detach(), lecture.W1 - 0.1 * lecture.d_W1, atol=1e-7)
    np.testing.assert_allclose(new[0].bias.detach(), lecture.b1)
    np.testing.assert_allclose(new[2].bias.detach(), lecture.b2)
    assert torch.equal(model[0].weight, build_model(Config())[0].weight), "input model left untouched"


def test_full_step_moves_biases_and_lowers_loss():
    model = build_model(Config())
    new = manual_step(model, 0.1)
    assert not torch.equal(new[0].bias, model[0].bias)
    assert loss_of(new) < loss_of(model)


def test_build_model_keeps_global_rng():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    build_model(Config(seed=9))
    assert torch.equal(torch.rand(3), expected)


@pytest.mark.parametrize(
    ("field", "value"),
    [("seed", -1), ("seed", 1.5), ("activation", "gelu"), ("optimizer", "lbfgs"), ("lr", 0.0),
     ("lr", float("nan")), ("epochs", 0), ("hidden", 9), ("hidden", True)],
)  # fmt: skip
def test_config_rejects_bad_values_naming_the_field(field, value):
    with pytest.raises(ValueError, match=field):
        Config(**{field: value})
