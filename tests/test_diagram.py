"""The network diagram: every weight and bias an edge with its value, colour by sign."""

from __future__ import annotations

import re

import numpy as np

from xorcore import Config, build_model
from xorcore import trace as trace_of
from xorcore.model import flatten, unflatten
from xorcore.palette import NEG, POS
from xorcore.views.diagram import EDGE_COLUMNS, network, unit_names
from xorcore.views.tables import edge_table


def _edges(dot: str) -> dict[tuple[str, str], tuple[float, str]]:
    found = re.findall(r'(\w+) -> (\w+) \[label="([-0-9.e]+)", color="(#\w+)"', dot)
    return {(a, b): (float(v), c) for a, b, v, c in found}


def test_every_parameter_is_an_edge_with_its_value_and_sign_colour():
    hidden = 3
    p = unflatten(flatten(build_model(Config(hidden=hidden))), hidden)
    edges = _edges(network(p))
    assert len(edges) == 4 * hidden + 1  # 2H weights + H biases + H weights + 1 bias
    for i in range(hidden):
        for j, src in enumerate(("x1", "x2")):
            value, color = edges[(src, f"h{i}")]
            assert value == round(float(p["W1"][i, j]), 3)
            assert color == (POS if p["W1"][i, j] >= 0 else NEG)
        assert edges[("bias1", f"h{i}")][0] == round(float(p["b1"][i]), 3)
        assert edges[(f"h{i}", "y")][0] == round(float(p["W2"][0, i]), 3)
    assert edges[("bias2", "y")][0] == round(float(p["b2"][0]), 3)


def test_gradient_mode_draws_gradients():
    trace = trace_of(build_model(Config()))
    params = {"W1": trace.W1, "b1": trace.b1, "W2": trace.W2, "b2": trace.b2}
    grads = {"W1": trace.d_W1, "b1": trace.d_b1, "W2": trace.d_W2, "b2": trace.d_b2}
    edges = _edges(network(params, grads=grads))
    assert edges[("h0", "y")][0] == round(float(trace.d_W2[0, 0]), 4)
    assert edges[("x2", "h1")][0] == round(float(trace.d_W1[1, 1]), 4)


def test_dead_units_are_marked_and_nan_is_drawn_neutral():
    p = unflatten(flatten(build_model(Config())), 2)
    dot = network(p, dead=[True, False], dead_label="dead")
    assert "h₁\\ndead" in dot and "h₂\\ndead" not in dot
    p["W1"] = np.full((2, 2), np.nan)
    assert "nan" in network(p)


def test_compact_diagram_draws_the_same_edges_unlabelled_and_its_table_holds_their_values():
    """A wide net on a slide: the same edges, colours and widths without labels; edge_table has every number."""
    hidden = 8
    p = unflatten(flatten(build_model(Config(hidden=hidden))), hidden)
    full, small = network(p), network(p, labels=False)
    assert 'label="-' not in small and not re.search(r"-> \w+ \[label=", small)
    style = re.compile(
        r"(\w+) -> (\w+) \[(?:label=\"[-0-9.e]+\", )?color=\"(#\w+)\"(?:, fontcolor=\"#\w+\")?, penwidth=([0-9.]+)\]"
    )
    assert style.findall(full) == style.findall(small) and len(style.findall(small)) == 4 * hidden + 1
    table, b2 = edge_table(p)
    assert list(table.index) == unit_names(hidden) == [f"h{c}" for c in "₁₂₃₄₅₆₇₈"]
    assert list(table.columns) == list(EDGE_COLUMNS)
    for i in range(hidden):  # equality: the table is the parameters themselves, not a copy rounded
        assert table.iloc[i].tolist() == [p["W1"][i, 0], p["W1"][i, 1], p["b1"][i], p["W2"][0, i]]
    assert b2 == p["b2"][0]


def test_compact_diagram_marks_dead_units_without_the_word():
    p = unflatten(flatten(build_model(Config(hidden=5))), 5)
    dot = network(p, dead=[True, False, False, False, False], dead_label="dead", labels=False)
    assert 'h0 [label="h₁", style="dashed,filled"' in dot and "dead" not in dot
