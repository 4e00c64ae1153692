"""The computation graph of one forward + backward pass as Graphviz DOT, in the style of micrograd's draw_dot.

One record node "what | value | gradient" per operation (Linear 1's matmul and bias add, the activation,
Linear 2's matmul and bias add, the output sigmoid, the BCE loss) and per leaf (x, y, W1, b1, W2, b2).
For the batch, values and gradients are the four rows (or, for wide layers, their mean); for one chosen
input, that row's values and gradients, and the row's share of the parameter gradients.
"""

from __future__ import annotations

import numpy as np

from ..backprop_rows import row_share
from ..data import ROW_LABELS
from ..losses import bce_terms
from ..numfmt import num
from ..palette import ACCENT, NEUTRAL, POS
from ..text import t
from ..trace import Trace

OPS: tuple[str, ...] = ("matmul1", "add1", "act", "matmul2", "add2", "sigmoid", "bce")  # node ids op_<name>
LEAVES: tuple[str, ...] = ("x", "y", "W1", "b1", "W2", "b2")  # node ids leaf_<name>
EDGES: tuple[tuple[str, str], ...] = (
    ("leaf_x", "op_matmul1"), ("leaf_W1", "op_matmul1"), ("op_matmul1", "op_add1"), ("leaf_b1", "op_add1"),
    ("op_add1", "op_act"), ("op_act", "op_matmul2"), ("leaf_W2", "op_matmul2"), ("op_matmul2", "op_add2"),
    ("leaf_b2", "op_add2"), ("op_add2", "op_sigmoid"), ("op_sigmoid", "op_bce"), ("leaf_y", "op_bce"),
)  # fmt: skip
# The page's backward step (index into backprop_rows.STEPS) that reveals each node's gradient.
GRAD_STEP: dict[str, int] = {
    "op_sigmoid": 0, "op_add2": 1, "op_matmul2": 1, "leaf_W2": 2, "leaf_b2": 3,
    "op_act": 4, "op_add1": 5, "op_matmul1": 5, "leaf_W1": 6, "leaf_b1": 7,
}  # fmt: skip
DIGITS = 4  # decimals in the graph (the tables show 6)
WIDE = 3  # layers wider than this show the mean over rows in batch mode


def node_values(trace: Trace, row: int | None = None) -> dict[str, tuple[np.ndarray, np.ndarray | None]]:
    """(value, gradient) of every node, keyed by node id; gradient None for data (x, y)."""
    a1 = trace.X @ trace.W1.T  # Linear 1's matmul before the bias, (N, H); dL/da1 = dL/dz1
    a2 = trace.h1 @ trace.W2.T  # Linear 2's matmul before the bias, (N, 1); dL/da2 = dL/dz2
    g = trace.grads  # autograd
    vals = {
        "leaf_x": (trace.X, None), "leaf_y": (trace.y, None),
        "leaf_W1": (trace.W1, g.d_W1), "leaf_b1": (trace.b1, g.d_b1), "leaf_W2": (trace.W2, g.d_W2), "leaf_b2": (trace.b2, g.d_b2),
        "op_matmul1": (a1, g.d_z1), "op_add1": (trace.z1, g.d_z1), "op_act": (trace.h1, g.d_h1),
        "op_matmul2": (a2, g.d_z2), "op_add2": (trace.z2, g.d_z2), "op_sigmoid": (trace.y_pred, g.d_y_pred),
        "op_bce": (np.array([trace.loss]), np.array([1.0])),
    }  # fmt: skip
    if row is None:
        return vals
    share = row_share(g, trace, row)  # the row's slice of per-row grads, its share of parameter grads
    i = slice(row, row + 1)
    per_row = {"leaf_x", "leaf_y", "op_matmul1", "op_add1", "op_act", "op_matmul2", "op_add2", "op_sigmoid"}
    out = {k: ((v[i], gr if gr is None else gr[i]) if k in per_row else (v, gr)) for k, (v, gr) in vals.items()}
    out.update({"leaf_W1": (trace.W1, share.d_W1), "leaf_b1": (trace.b1, share.d_b1),
                "leaf_W2": (trace.W2, share.d_W2), "leaf_b2": (trace.b2, share.d_b2)})  # fmt: skip
    return out


def _vec(v: np.ndarray) -> str:
    """[a, b, ...] with DIGITS decimals."""
    return "[" + ", ".join(num(x, DIGITS) for x in np.ravel(v)) + "]"


def _scalar_or_vec(v: np.ndarray) -> str:
    """A single number plainly, several in brackets."""
    v = np.ravel(v)
    return num(v[0], DIGITS) if v.size == 1 else _vec(v)


def _chunks(v: np.ndarray, per_line: int = 2) -> list[str]:
    """A long vector split over lines of per_line numbers."""
    v = np.ravel(v)
    if v.size <= per_line:
        return [_scalar_or_vec(v)]
    return [_vec(v[j : j + per_line]) for j in range(0, v.size, per_line)]


def _rows_text(a: np.ndarray, lang: str, batch: bool) -> list[str]:
    """Lines describing an (N, k) per-row array: one per row, or the mean over rows when k is wide."""
    a = np.atleast_2d(a)
    if not batch:
        return _chunks(a[0])
    if a.shape[1] > WIDE:
        return [t(lang, "bp_g_mean"), *_chunks(a.mean(axis=0))]
    return [f"{ROW_LABELS[i]}: {_scalar_or_vec(a[i])}" for i in range(a.shape[0])]


def _ints(a: np.ndarray) -> list[str]:
    """The rows of a small integer-valued array, e.g. ['[0, 1]', ...] or ['1', ...]."""
    a = np.atleast_2d(a)
    return [("[" + ", ".join(f"{v:g}" for v in r) + "]") if r.size > 1 else f"{r[0]:g}" for r in a]


def _param_text(a: np.ndarray) -> list[str]:
    """Lines for a parameter: one per row of a matrix with 2 columns, else chunks."""
    a = np.asarray(a)
    if a.ndim == 2 and a.shape[1] == 2:
        return [_vec(r) for r in a]
    return _chunks(a)


def _esc(s: str) -> str:
    """Escape a string for a DOT record field."""
    for ch in ("\\", "{", "}", "|", "<", ">", '"'):
        s = s.replace(ch, "\\" + ch)
    return s


def _edge_text(lines: list[str]) -> str:
    """Lines of an edge label, left-justified, quotes and backslashes escaped."""
    return "".join(x.replace("\\", "\\\\").replace('"', '\\"') + "\\l" for x in lines)


def _field(lines: list[str]) -> str:
    """Lines of one record field, left-justified."""
    return "".join(_esc(x) + "\\l" for x in lines)


def computation_graph(
    trace: Trace,
    row: int | None,
    lang: str,
    *,
    activation: str | None = None,
    revealed: int | None = None,
    edge_labels: dict[tuple[str, str], list[str]] | None = None,
) -> str:
    """DOT text: one record node per operation and leaf, each 'name | value | gradient' (batch or one input).

    revealed: None shows every gradient; n shows the first n of the page's backward steps, later gradients
    read "?" and the nodes of step n are drawn bold (the graph follows a presenter's one-at-a-time reveal).
    edge_labels: lines written on edges (edges.edge_labels: the local derivative of each edge).
    """
    batch = row is None
    vals = node_values(trace, row)
    act_name = t(lang, f"act_{activation}") if activation else "f"
    loss_lines = [f"L = {trace.loss:.{DIGITS}f}"]
    if row is not None:
        term = bce_terms(trace.y_pred[:, 0], trace.y[:, 0])[row] / trace.X.shape[0]
        loss_lines += [t(lang, "bp_g_row_term", row=ROW_LABELS[row]), f"ℓ/N = {term:.{DIGITS}f}"]
    titles = {
        "leaf_x": ["x", t(lang, "bp_g_input")], "leaf_y": ["y", t(lang, "bp_g_target")],
        "leaf_W1": ["W₁"], "leaf_b1": ["b₁"], "leaf_W2": ["W₂"], "leaf_b2": ["b₂"],
        "op_matmul1": ["a₁ = x W₁ᵀ", t(lang, "bp_op_matmul1")], "op_add1": ["z₁ = a₁ + b₁", t(lang, "bp_op_add1")],
        "op_act": ["h₁ = f(z₁)", act_name], "op_matmul2": ["a₂ = h₁ W₂ᵀ", t(lang, "bp_op_matmul2")],
        "op_add2": ["z₂ = a₂ + b₂", t(lang, "bp_op_add2")], "op_sigmoid": ["ŷ = σ(z₂)", t(lang, "bp_op_sigmoid")],
        "op_bce": ["L = BCE(ŷ, y)", t(lang, "bp_op_bce")],
    }  # fmt: skip
    grad_word = t(lang, "bp_g_grad") if row is None else t(lang, "bp_g_grad_row", row=ROW_LABELS[row])
    share_word = t(lang, "bp_g_grad") if row is None else t(lang, "bp_g_share", row=ROW_LABELS[row])
    lines = [
        "digraph backprop {",
        '  rankdir=TB; bgcolor="transparent"; nodesep=0.3; ranksep=0.3;',  # forward runs down, gradients up
        '  node [shape=record, fontname="Helvetica", fontsize=14, style="rounded,filled", fillcolor="white"];',
        f'  edge [color="{NEUTRAL}", arrowsize=0.7];',
    ]
    for node, (value, grad) in vals.items():
        is_param = node in ("leaf_W1", "leaf_b1", "leaf_W2", "leaf_b2")
        if node == "op_bce":
            vtext = loss_lines
        elif grad is None:  # the data x, y: 0s and 1s
            vtext = [f"{ROW_LABELS[i]}: {v}" if batch else v for i, v in enumerate(_ints(value))]
        elif is_param:
            vtext = _param_text(value)
        else:
            vtext = _rows_text(value, lang, batch)
        step = GRAD_STEP.get(node)
        hidden = revealed is not None and step is not None and step >= revealed
        if grad is None:
            gtext = [t(lang, "bp_g_nograd")]
        elif hidden:
            gtext = [grad_word if not is_param else share_word, "?"]
        elif node == "op_bce":
            gtext = [t(lang, "bp_g_grad"), "dL/dL = 1"]
        elif is_param:
            gtext = [share_word, *_param_text(grad)]
        else:
            gtext = [grad_word, *_rows_text(grad, lang, batch)]
        vtext = [t(lang, "bp_g_value"), *vtext]
        color = POS if is_param else (NEUTRAL if grad is None else ACCENT)
        fill = "#F2F2F2" if grad is None else "white"
        # the title above, value and gradient side by side under it (TB): narrow enough for 16 px text at 820 px
        label = "{" + _field(titles[node]) + "|{" + _field(vtext) + "|" + _field(gtext) + "}}"
        group = ", group=chain" if node.startswith("op_") or node == "leaf_x" else ""  # the forward chain runs straight
        width = 4.0 if revealed is not None and step is not None and step == revealed - 1 else 1.6
        lines.append(f'  {node} [label="{label}", color="{color}", fillcolor="{fill}", penwidth={width}{group}];')
    for src, dst in EDGES:
        on_edge = (edge_labels or {}).get((src, dst))
        attrs = f' [label="{_edge_text(on_edge)}", fontname="Helvetica", fontsize=13]' if on_edge else ""
        lines.append(f"  {src} -> {dst}{attrs};")
    lines.append("}")
    return "\n".join(lines)
