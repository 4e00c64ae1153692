"""The computation graph DOT: one node per operation and leaf, the trace's numbers in it, well-formed text."""

from __future__ import annotations

import re

import numpy as np
import pytest

from xorcore import LECTURE, Config, build_model
from xorcore import trace as trace_of
from xorcore.backprop_rows import row_share
from xorcore.data import ROW_LABELS
from xorcore.views.graph import EDGES, GRAD_STEP, LEAVES, OPS, computation_graph, node_values

NODE = re.compile(r'^  (\w+) \[label="((?:[^"\\]|\\.)*)"(.*)\];$')
EDGE = re.compile(r"^  (\w+) -> (\w+);$")


def parse(dot: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """A strict reader of what computation_graph writes: {node id: label}, [edges]; fails on anything else."""
    lines = dot.splitlines()
    assert lines[0] == "digraph backprop {" and lines[-1] == "}"
    nodes, edges = {}, []
    for line in lines[1:-1]:
        if m := NODE.match(line):
            assert m.group(1) not in nodes, f"node {m.group(1)} twice"
            nodes[m.group(1)] = m.group(2)
        elif m := EDGE.match(line):
            edges.append((m.group(1), m.group(2)))
        else:
            assert re.match(r"^  (rankdir|node|edge)\b.*;$", line), line
    return nodes, edges


def fields(label: str) -> list[str]:
    """The record's fields '{title | {value | grad}}' (unescaped, lines joined by newlines)."""
    assert label.startswith("{") and label.endswith("}}"), f"not a record {{title | {{value | grad}}}}: {label}"
    parts, cur, i, body = [], "", 0, label[1:-2]
    while i < len(body):
        ch = body[i]
        if ch == "|" and not parts and body[i + 1 : i + 2] == "{":  # title | {value | grad}
            parts.append(cur)
            cur = ""
            i += 2
            continue
        if ch == "\\":
            nxt = body[i + 1]
            cur += "\n" if nxt == "l" else nxt
            i += 2
            continue
        assert ch not in "{}<>", f"unescaped {ch} in a record field"
        if ch == "|":
            parts.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    parts.append(cur)
    return parts


@pytest.fixture(scope="module")
def lecture_trace():
    return trace_of(build_model(LECTURE))


@pytest.mark.parametrize("row", [None, 0, 1, 2, 3])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_one_record_node_per_operation_and_leaf(lecture_trace, row, lang):
    nodes, edges = parse(computation_graph(lecture_trace, row, lang, activation="sigmoid"))
    assert set(nodes) == {f"op_{o}" for o in OPS} | {f"leaf_{v}" for v in LEAVES}
    assert len([n for n in nodes if n.startswith("op_")]) == 7
    assert edges == list(EDGES)
    for label in nodes.values():
        assert len(fields(label)) == 3  # what | value | grad
        assert "⟦" not in label


def test_every_op_is_reached_from_the_inputs_and_leads_to_the_loss():
    nodes = {f"op_{o}" for o in OPS} | {f"leaf_{v}" for v in LEAVES}
    succ = {n: [d for s, d in EDGES if s == n] for n in nodes}
    seen, todo = set(), ["leaf_x"]
    while todo:
        n = todo.pop()
        if n not in seen:
            seen.add(n)
            todo += succ[n]
    assert {f"op_{o}" for o in OPS} <= seen
    assert all(succ[n] == [] for n in nodes if n == "op_bce")  # the loss is the only sink
    assert [n for n in nodes if not succ[n]] == ["op_bce"]


def test_batch_values_and_gradients_are_the_trace(lecture_trace):
    nodes, _ = parse(computation_graph(lecture_trace, None, "en", activation="sigmoid"))
    f = {k: fields(v) for k, v in nodes.items()}
    for i, label in enumerate(ROW_LABELS):
        z1 = f"{label}: [{lecture_trace.z1[i, 0]:.4f}, {lecture_trace.z1[i, 1]:.4f}]"
        assert z1 in f["op_add1"][1]
        assert f"{label}: [{lecture_trace.d_z1[i, 0]:.4f}, {lecture_trace.d_z1[i, 1]:.4f}]" in f["op_add1"][2]
        assert f"{label}: [{lecture_trace.h1[i, 0]:.4f}, {lecture_trace.h1[i, 1]:.4f}]" in f["op_act"][1]
        assert f"{label}: [{lecture_trace.d_h1[i, 0]:.4f}, {lecture_trace.d_h1[i, 1]:.4f}]" in f["op_act"][2]
        assert f"{label}: {lecture_trace.y_pred[i, 0]:.4f}" in f["op_sigmoid"][1]
        assert f"{label}: {lecture_trace.d_y_pred[i, 0]:.4f}" in f["op_sigmoid"][2]
        assert f"{label}: {lecture_trace.d_z2[i, 0]:.4f}" in f["op_add2"][2]
    # the lecture's numbers: dL/dz2 of row (0,0) 0.16632186, dL/dW2 [0.0934708, 0.09571788], L 0.7482
    assert "(0,0): 0.1663" in f["op_add2"][2]
    assert "[0.0935, 0.0957]" in f["leaf_W2"][2]
    assert "L = 0.7482" in f["op_bce"][1]
    assert f"[{lecture_trace.d_W1[0, 0]:.4f}, {lecture_trace.d_W1[0, 1]:.4f}]" in f["leaf_W1"][2]
    assert f"{lecture_trace.b2[0]:.4f}" in f["leaf_b2"][1]
    assert "no gradient" in f["leaf_x"][2] and "no gradient" in f["leaf_y"][2]


def test_matmul_nodes_hold_the_product_before_the_bias(lecture_trace):
    vals = node_values(lecture_trace)
    np.testing.assert_allclose(vals["op_matmul1"][0] + lecture_trace.b1, lecture_trace.z1, atol=1e-6)
    np.testing.assert_allclose(vals["op_matmul2"][0] + lecture_trace.b2, lecture_trace.z2, atol=1e-6)


@pytest.mark.parametrize("row", [0, 1, 2, 3])
def test_row_mode_shows_that_row_and_its_share(lecture_trace, row):
    nodes, _ = parse(computation_graph(lecture_trace, row, "en", activation="sigmoid"))
    f = {k: fields(v) for k, v in nodes.items()}
    assert f"[{lecture_trace.z1[row, 0]:.4f}, {lecture_trace.z1[row, 1]:.4f}]" in f["op_add1"][1]
    assert f"{lecture_trace.d_z2[row, 0]:.4f}" in f["op_add2"][2]
    share = row_share(lecture_trace.grads, lecture_trace, row)
    assert f"[{share.d_W1[1, 0]:.4f}, {share.d_W1[1, 1]:.4f}]" in f["leaf_W1"][2]
    assert ROW_LABELS[row] in f["leaf_W1"][2]  # says whose share it is
    other = (row + 1) % 4
    assert ROW_LABELS[other] not in f["op_add1"][1]


def test_wide_layers_show_the_mean_and_parameters_stay_complete():
    lecture_trace = trace_of(build_model(Config(hidden=5, activation="relu")))
    nodes, _ = parse(computation_graph(lecture_trace, None, "ko", activation="relu"))
    f = {k: fields(v) for k, v in nodes.items()}
    assert "4개 행의 평균" in f["op_add1"][1]
    mean = lecture_trace.z1.mean(axis=0)
    assert f"{mean[0]:.4f}" in f["op_add1"][1]
    assert f["leaf_W1"][1].count("[") == 5  # one line per hidden unit
    assert "ReLU" in f["op_act"][0]


def test_korean_labels(lecture_trace):
    nodes, _ = parse(computation_graph(lecture_trace, 2, "ko", activation="sigmoid"))
    f = {k: fields(v) for k, v in nodes.items()}
    assert f["op_act"][1].startswith("값") and "기울기" in f["op_act"][2]
    assert "입력 (1,0)의 몫" in f["leaf_b1"][2]


@pytest.mark.parametrize("revealed", range(1, 9))
def test_graph_follows_the_reveal(lecture_trace, revealed):
    nodes, _ = parse(computation_graph(lecture_trace, None, "en", activation="sigmoid", revealed=revealed))
    f = {k: fields(v) for k, v in nodes.items()}
    for node, step in GRAD_STEP.items():
        shown = f[node][2]
        assert (shown.strip().endswith("?")) == (step >= revealed), (node, step)
    dot = computation_graph(lecture_trace, None, "en", activation="sigmoid", revealed=revealed)
    bold = {m for m in nodes if re.search(rf"^  {m} \[.*penwidth=4", dot, re.M)}
    assert bold == {n for n, s in GRAD_STEP.items() if s == revealed - 1}
    assert "penwidth=4" not in computation_graph(
        lecture_trace, None, "en", activation="sigmoid"
    )  # all shown: nothing bold
