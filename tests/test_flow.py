"""The signal's path (xorcore.views.flow): each step highlights what it computes, and its numbers are autograd's."""

from __future__ import annotations

import re

import numpy as np
import pytest

from xorcore import build_model
from xorcore import trace as trace_of
from xorcore.backprop_rows import equation, row_autograd
from xorcore.config import LECTURE, Config
from xorcore.text import LANGS, t
from xorcore.views.flow import backward_flow, forward_flow, legend
from xorcore.views.latex import latex_linear1

# What each step computes, written out by hand: the nodes and edges the picture must highlight (class "target").
BACKWARD_TARGETS = {
    1: {"y_pred"},
    2: {"z2"},
    3: {"h1_1->z2", "h1_2->z2"},
    4: {"bias2->z2"},
    5: {"h1_1", "h1_2"},
    6: {"z1_1", "z1_2"},
    7: {"x1->z1_1", "x2->z1_1", "x1->z1_2", "x2->z1_2"},
    8: {"bias1->z1_1", "bias1->z1_2"},
}
# The factors of each step's equation: (upstream gradient, local derivative, the value it multiplies).
BACKWARD_FACTORS = {
    1: ({"loss"}, {"y_pred->loss"}, set()),
    2: ({"y_pred"}, {"z2->y_pred"}, set()),
    3: ({"z2"}, set(), {"h1_1", "h1_2"}),
    4: ({"z2"}, set(), {"bias2"}),
    5: ({"z2"}, set(), {"h1_1->z2", "h1_2->z2"}),
    6: ({"h1_1", "h1_2"}, {"z1_1->h1_1", "z1_2->h1_2"}, set()),
    7: ({"z1_1", "z1_2"}, set(), {"x1", "x2"}),
    8: ({"z1_1", "z1_2"}, set(), {"bias1"}),
}
FORWARD_TARGETS = {1: {"z1_1", "z1_2"}, 2: {"h1_1", "h1_2"}, 3: {"z2"}, 4: {"y_pred"}, 5: {"loss"}}
# Where each gradient is written: node -> field of Grads (one number per row), edge -> (field, index).
GRAD_NODES = {"y_pred": ("d_y_pred", 0), "z2": ("d_z2", 0), "h1_1": ("d_h1", 0), "h1_2": ("d_h1", 1),
              "z1_1": ("d_z1", 0), "z1_2": ("d_z1", 1)}  # fmt: skip
GRAD_EDGES = {"h1_1->z2": ("d_W2", (0, 0)), "h1_2->z2": ("d_W2", (0, 1)), "bias2->z2": ("d_b2", (0,)),
              "x1->z1_1": ("d_W1", (0, 0)), "x2->z1_1": ("d_W1", (0, 1)), "x1->z1_2": ("d_W1", (1, 0)),
              "x2->z1_2": ("d_W1", (1, 1)), "bias1->z1_1": ("d_b1", (0,)), "bias1->z1_2": ("d_b1", (1,))}  # fmt: skip
LINE = re.compile(r"^\s+(\w+)(?: -> (\w+))? \[id=\"flow-[^\"]+\", class=\"(\w+)\"(.*)\];$")
NUMBER = re.compile(r"-?\d+\.\d+")


def elements(dot: str) -> dict[str, tuple[str, list[float]]]:
    """Every drawn node and edge of the DOT: name -> (its class, the numbers in its label, in order)."""
    out = {}
    for line in dot.splitlines():
        m = LINE.match(line)
        if m:
            name = m[1] if m[2] is None else f"{m[1]}->{m[2]}"
            label = re.search(r"label=<(.*)>", m[4])
            text = re.sub(r"<[^>]+>", " ", label[1]) if label else ""
            out[name] = (m[3], [float(x) for x in NUMBER.findall(text)])
    return out


def of_class(els: dict, cls: str) -> set[str]:
    return {name for name, (c, _) in els.items() if c == cls}


@pytest.fixture(scope="module")
def lecture():
    model = build_model(LECTURE)
    return model, trace_of(model)


@pytest.mark.parametrize("k", range(1, 9))
def test_each_backward_step_highlights_what_it_computes_and_its_factors(lecture, k):
    els = elements(backward_flow(lecture[1], k, "sigmoid"))
    assert of_class(els, "target") == BACKWARD_TARGETS[k]
    up, loc, val = BACKWARD_FACTORS[k]
    assert (of_class(els, "upstream"), of_class(els, "local"), of_class(els, "value")) == (up, loc, val)
    done = set().union(*(BACKWARD_TARGETS[j] for j in range(1, k)))
    todo = set().union(*(BACKWARD_TARGETS[j] for j in range(k + 1, 9)))
    assert done - up - val <= of_class(els, "done")  # computed before: still written (or a factor now)
    assert todo - val <= of_class(els, "todo")  # still to come: grey
    assert not (of_class(els, "todo") & done)


@pytest.mark.parametrize("k", range(1, 6))
def test_each_forward_step_highlights_its_layer(lecture, k):
    els = elements(forward_flow(lecture[1], k, "sigmoid"))
    assert of_class(els, "target") == FORWARD_TARGETS[k]
    later = set().union(*(FORWARD_TARGETS[j] for j in range(k + 1, 6)))
    assert later == of_class(els, "todo")


@pytest.mark.parametrize("row", [None, 0, 1, 2, 3])
def test_backward_numbers_are_autogradss(lecture, row):
    """At the last step every gradient is written: the batch's, or one row's share (autograd of that row's term)."""
    model, tr = lecture
    g = tr.grads if row is None else row_autograd(model, row)
    els = elements(backward_flow(tr, 8, "sigmoid", row))
    for node, (field, j) in GRAD_NODES.items():
        want = np.atleast_2d(getattr(g, field))[:, j]
        want = want if row is None else want[[row]] if want.size == 4 else want
        np.testing.assert_allclose(els[node][1], want, atol=1e-6, err_msg=node)
    for edge, (field, idx) in GRAD_EDGES.items():
        want = float(np.asarray(getattr(g, field)).reshape(np.shape(getattr(tr, field[2:])))[idx])
        assert els[edge][1] == pytest.approx([want], abs=1e-6), edge
    # the numbers of every earlier step's picture are the same ones
    for k in range(1, 8):
        for name, (cls, nums) in elements(backward_flow(tr, k, "sigmoid", row)).items():
            if cls in ("done", "target") and name in els:
                assert nums == els[name][1][: len(nums)], (k, name)


@pytest.mark.parametrize("row", [None, 0, 3])
def test_forward_numbers_are_the_forward_passs(lecture, row):
    _, tr = lecture
    els = elements(forward_flow(tr, 5, "sigmoid", row))
    pick = slice(None) if row is None else [row]
    for j in (0, 1):
        np.testing.assert_allclose(els[f"z1_{j + 1}"][1], tr.z1[pick, j], atol=1e-6)
        np.testing.assert_allclose(els[f"h1_{j + 1}"][1], tr.h1[pick, j], atol=1e-6)
        assert els[f"x1->z1_{j + 1}"][1] == pytest.approx([tr.W1[j, 0]], abs=1e-6)
    np.testing.assert_allclose(els["y_pred"][1], tr.y_pred[pick, 0], atol=1e-6)
    if row is None:
        assert els["loss"][1] == pytest.approx([tr.loss], abs=1e-6)


def test_a_wide_net_draws_two_units_and_sums_up_the_rest():
    tr = trace_of(build_model(Config(hidden=8)))
    for k in range(1, 9):
        els = elements(backward_flow(tr, k, "tanh", digits=4))
        assert {"z1_1", "z1_2", "z1_s", "h1_s"} <= els.keys() and "z1_3" not in els
    assert {"z1_1", "z1_2", "z1_s"} == of_class(elements(backward_flow(tr, 6, "tanh")), "target")
    # a drawn unit's four numbers, two to a line, in the batch's order
    els = elements(backward_flow(tr, 8, "tanh"))
    np.testing.assert_allclose(els["z1_2"][1], tr.grads.d_z1[:, 1], atol=1e-6)
    np.testing.assert_allclose(elements(forward_flow(tr, 2, "tanh"))["h1_1"][1], tr.h1[:, 0], atol=1e-6)


def test_a_wide_nets_slide_equation_writes_the_units_its_picture_draws():
    """units=2: the numbers of hidden units 1 and 2 (by hand, as the picture's), the others as ⋯ or ⋮."""
    cfg = Config(hidden=8)
    tr = trace_of(build_model(cfg))
    result = equation(tr, "d_z1", cfg.activation, units=2).rsplit("=", 1)[1]
    np.testing.assert_allclose([float(x) for x in NUMBER.findall(result)], tr.by_hand.d_z1[:, :2].ravel(), atol=1e-6)
    assert result.count(r"\cdots") == 4
    result = equation(tr, "d_W1", cfg.activation, units=2).rsplit("=", 1)[1]  # one row per unit: ⋮ under two
    np.testing.assert_allclose([float(x) for x in NUMBER.findall(result)], tr.by_hand.d_W1[:2].ravel(), atol=1e-6)
    assert result.count(r"\vdots") == 2
    result = latex_linear1(tr, [0, 1, 2, 3], units=2).rsplit("=", 1)[1]
    np.testing.assert_allclose([float(x) for x in NUMBER.findall(result)], tr.z1[:, :2].ravel(), atol=1e-4)
    narrow = trace_of(build_model(LECTURE))  # 2 units: nothing to cut
    assert equation(narrow, "d_z1", "sigmoid", units=2) == equation(narrow, "d_z1", "sigmoid")
    assert latex_linear1(narrow, [0, 1, 2, 3], units=2) == latex_linear1(narrow, [0, 1, 2, 3])


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_names_every_colour_in_both_languages(lang):
    for backward in (True, False):
        key = legend(lang, backward)
        assert len(key) == (5 if backward else 4) and all(text and "⟦" not in text for _, text in key)
    assert t(lang, "fl_back_note", rows="(0,0)") != t("en" if lang == "ko" else "ko", "fl_back_note", rows="(0,0)")
