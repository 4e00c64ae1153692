"""One input's share of the gradients, and the chain-rule equations of the Backprop page."""

from __future__ import annotations

import numpy as np
import pytest

from xorcore import ACTIVATIONS, LECTURE, Config, build_model
from xorcore import trace as trace_of
from xorcore.backprop_rows import (
    STEPS,
    equation,
    grad_frame,
    identity_latex,
    row_autograd,
    row_by_hand,
    z2_identity,
)
from xorcore.losses import bce_terms


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("hidden", [1, 2, 3])
def test_row_shares_match_autograd_and_add_up_to_the_batch(activation, hidden):
    model = build_model(Config(seed=3, activation=activation, hidden=hidden))
    trace = trace_of(model)
    total = {s: 0.0 for s in STEPS}
    for row in range(4):
        auto, hand = row_autograd(model, row), row_by_hand(trace, row)
        for s in STEPS:
            auto_g, hand_g = getattr(auto, s), getattr(hand, s)
            assert auto_g.shape == hand_g.shape, s
            np.testing.assert_allclose(auto_g, hand_g, atol=1e-6, err_msg=f"{s} row {row}")
            total[s] = total[s] + hand_g
        for s in ("d_y_pred", "d_z2", "d_h1", "d_z1"):  # per-row values: the row's slice
            np.testing.assert_allclose(getattr(hand, s), getattr(trace.grads, s)[row : row + 1], atol=1e-7)
    for s in ("d_W1", "d_b1", "d_W2", "d_b2"):  # parameter shares sum to the batch gradient
        np.testing.assert_allclose(total[s], getattr(trace.grads, s), atol=1e-6, err_msg=s)


def test_identity_and_loss_terms():
    trace = trace_of(build_model(LECTURE))
    np.testing.assert_allclose(z2_identity(trace), trace.d_z2, atol=1e-7)
    np.testing.assert_allclose(z2_identity(trace)[:, 0], [0.16632186, -0.08292854, -0.08723629, 0.16392432], atol=1e-7)
    assert bce_terms(trace.y_pred[:, 0], trace.y[:, 0]).mean() == pytest.approx(trace.loss, abs=1e-6)


def test_equations_carry_the_lecture_numbers():
    trace = trace_of(build_model(LECTURE))
    eq = {s: equation(trace, s, "sigmoid") for s in STEPS}
    assert "0.166322" in eq["d_z2"] and "-0.082929" in eq["d_z2"]
    assert r"0.093471 & 0.095718" in eq["d_W2"]
    assert r"-0.057258 & 0.069069" in eq["d_h1"]  # dL/dh1, cut off in the lecture's printout
    assert r"-0.004000 & -0.004421" in eq["d_W1"]
    assert "0.160081" in eq["d_b2"]
    assert "0.746910" in eq["d_y_pred"]
    row = {s: equation(trace, s, "sigmoid", row=0) for s in STEPS}
    assert r"= 0.166322\end{aligned}" in row["d_z2"]
    assert r"\frac{0.665287 - 0}{4}" in identity_latex(trace, row=0)
    for text in [*eq.values(), *row.values()]:
        assert text.count("{") == text.count("}"), text
        assert "nan" not in text


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_equations_for_every_activation_and_width(activation):
    for hidden in (1, 3):
        trace = trace_of(build_model(Config(activation=activation, hidden=hidden)))
        for s in STEPS:
            for row in (None, 3):
                text = equation(trace, s, activation, row=row, digits=4)
                assert text.count("{") == text.count("}")
                assert text.count(r"\begin{bmatrix}") == text.count(r"\end{bmatrix}")


def test_grad_frames_are_labelled():
    trace = trace_of(build_model(LECTURE))
    f = grad_frame("d_h1", trace.d_h1)
    assert list(f.index) == ["(0,0)", "(0,1)", "(1,0)", "(1,1)"] and list(f.columns) == ["∂L/∂h₁ (1)", "∂L/∂h₁ (2)"]
    assert f.iloc[0, 0] == pytest.approx(-0.05725771, abs=1e-7)
    assert list(grad_frame("d_W1", trace.d_W1).columns) == ["x₁", "x₂"]
    assert grad_frame("d_z2", trace.d_z2[2:3], row=2).index.tolist() == ["(1,0)"]


def test_number_text_has_no_negative_zero():
    from xorcore.numfmt import array_text, num

    assert num(-1e-9) == "0.000000" and num(-0.0) == "0.000000" and num(0.1234567) == "0.123457"
    assert array_text(np.array([[-0.0, 0.01167], [1e-12, -0.5]])) == "[[0.000000, 0.011670], [0.000000, -0.500000]]"
