"""Local x upstream on every edge of the computation graph (micrograd style), from the forward values alone.

Each edge src -> dst of graph.EDGES carries the local derivative d dst / d src (σ′(z₂), W₂, f′(z₁), x, 1,
...); a node's gradient is the gradient of the node above it times that factor (summed over the rows for
a parameter, which every row uses). chain() multiplies the factors out; the tests hold it against autograd.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .data import ROW_LABELS
from .model import act_grad_np
from .numfmt import num
from .trace import Trace

PARAM_LEAVES = ("leaf_W1", "leaf_b1", "leaf_W2", "leaf_b2")
WIDE = 3  # as graph.WIDE: layers wider than this show the mean over rows in batch mode
PER_LINE = 4  # numbers per line of a wide layer's label (8 on one line made the graph too wide for 16 px text)


@dataclass(frozen=True)
class Edge:
    """One edge's local derivative: its symbol and its value per row, (N, k)."""

    symbol: str  # e.g. "σ′(z₂)"
    value: np.ndarray  # (N, k) per row (a row-independent factor such as W₂ is repeated)
    summed: bool  # a parameter edge: the rows' products are added up


def factors(trace: Trace, activation: str) -> dict[tuple[str, str], Edge]:
    """The local derivative of every edge that carries a gradient (data edges x, y carry none)."""
    n, h = trace.X.shape[0], trace.h1.shape[1]
    yp, y = trace.y_pred.astype(np.float64), trace.y.astype(np.float64)
    s = yp * (1 - yp)  # σ′(z₂), from the forward value ŷ
    ones_1, ones_h = np.ones((n, 1)), np.ones((n, h))
    return {
        ("op_sigmoid", "op_bce"): Edge("∂L/∂ŷ", (yp - y) / s / n, False),  # BCE's own slope (upstream dL/dL = 1)
        ("op_add2", "op_sigmoid"): Edge("σ′(z₂)", s, False),
        ("op_matmul2", "op_add2"): Edge("1", ones_1, False),
        ("leaf_b2", "op_add2"): Edge("1", ones_1, True),
        ("op_act", "op_matmul2"): Edge("W₂", np.repeat(trace.W2.astype(np.float64), n, axis=0), False),
        ("leaf_W2", "op_matmul2"): Edge("h₁", trace.h1.astype(np.float64), True),
        ("op_add1", "op_act"): Edge("f′(z₁)", act_grad_np(activation, trace.z1, trace.h1).astype(np.float64), False),
        ("op_matmul1", "op_add1"): Edge("1", ones_h, False),
        ("leaf_b1", "op_add1"): Edge("1", ones_h, True),
        ("leaf_W1", "op_matmul1"): Edge("x", trace.X.astype(np.float64), True),
    }


def chain(trace: Trace, activation: str) -> dict[str, np.ndarray]:
    """Every node's gradient as upstream x local along its path (per row; parameters summed over rows)."""
    f = factors(trace, activation)
    g: dict[str, np.ndarray] = {"op_bce": np.ones((trace.X.shape[0], 1))}
    g["op_sigmoid"] = g["op_bce"] * f[("op_sigmoid", "op_bce")].value
    g["op_add2"] = g["op_sigmoid"] * f[("op_add2", "op_sigmoid")].value
    g["op_matmul2"] = g["op_add2"] * f[("op_matmul2", "op_add2")].value
    g["leaf_b2"] = (g["op_add2"] * f[("leaf_b2", "op_add2")].value).sum(axis=0)
    g["op_act"] = g["op_matmul2"] * f[("op_act", "op_matmul2")].value  # (N, 1) * (N, H)
    g["leaf_W2"] = (g["op_matmul2"] * f[("leaf_W2", "op_matmul2")].value).sum(axis=0, keepdims=True)
    g["op_add1"] = g["op_act"] * f[("op_add1", "op_act")].value
    g["op_matmul1"] = g["op_add1"] * f[("op_matmul1", "op_add1")].value
    g["leaf_b1"] = (g["op_add1"] * f[("leaf_b1", "op_add1")].value).sum(axis=0)
    x = f[("leaf_W1", "op_matmul1")].value  # (N, 2)
    g["leaf_W1"] = np.einsum("nh,nj->hj", g["op_matmul1"], x)  # sum over rows of outer(dL/da1_i, x_i)
    return g


def _vec(v: np.ndarray, d: int) -> str:
    """One number plainly, several in brackets."""
    v = np.ravel(v)
    return num(v[0], d) if v.size == 1 else "[" + ", ".join(num(a, d) for a in v) + "]"


def _split(v: np.ndarray, d: int) -> list[str]:
    """A vector over lines of PER_LINE numbers each."""
    v = np.ravel(v)
    return [_vec(v[j : j + PER_LINE], d) for j in range(0, v.size, PER_LINE)]


def edge_labels(
    trace: Trace, activation: str, row: int | None, mean_word: str, sum_word: str, digits: int = 3
) -> dict[tuple[str, str], list[str]]:
    """Lines of each edge's label: '× symbol' and its value(s) for one row, or for each row of the batch."""
    out = {}
    for edge, e in factors(trace, activation).items():
        lines = [f"× {e.symbol}"]
        if e.symbol != "1":
            if row is not None and e.value.shape[1] <= PER_LINE:
                lines[0] += f" = {_vec(e.value[row], digits)}"
            elif row is not None:  # a wide layer's row over lines of PER_LINE (the graph stays narrow)
                lines[0] += " ="
                lines += _split(e.value[row], digits)
            elif e.value.shape[1] > WIDE:
                lines += [mean_word, *_split(e.value.mean(axis=0), digits)]
            else:
                lines += [f"{ROW_LABELS[i]}: {_vec(e.value[i], digits)}" for i in range(e.value.shape[0])]
        if e.summed and row is None:
            lines.append(sum_word)
        out[edge] = lines
    return out


def layer_ratio(trace: Trace, activation: str) -> dict[str, float]:
    """Mean |dL/dW| of each layer, their ratio, and the path factors in between (mean |W₂|, range of f′)."""
    g1 = float(np.abs(trace.grads.d_W1).mean())
    g2 = float(np.abs(trace.grads.d_W2).mean())
    fp = act_grad_np(activation, trace.z1, trace.h1)
    return {
        "w1": g1,
        "w2": g2,
        "ratio": g2 / g1 if g1 > 0 else float("inf"),
        "w2_abs": float(np.abs(trace.W2).mean()),
        "fp_lo": float(fp.min()),
        "fp_hi": float(fp.max()),
    }


PATH_SYMBOLS = (r"\frac{\partial L}{\partial \hat y}", r"\sigma'(z_2)", "W_2", "f'(z_1)", "x")


def w1_path(trace: Trace, activation: str, j: int, k: int) -> np.ndarray:
    """(N, 5) the local derivatives on the path from L back to W1[j,k], row by row (the 1s of the adds left out).

    ∂L/∂ŷ (with the mean's 1/N), σ′(z₂), W₂[0,j], f′(z₁)[j], x[k]: their product is row i's share of
    dL/dW1[j,k], and the rows' shares add up to it (the tests hold the sum against autograd).
    """
    f = factors(trace, activation)
    cols = (
        f[("op_sigmoid", "op_bce")].value[:, 0],
        f[("op_add2", "op_sigmoid")].value[:, 0],
        f[("op_act", "op_matmul2")].value[:, j],
        f[("op_add1", "op_act")].value[:, j],
        f[("leaf_W1", "op_matmul1")].value[:, k],
    )
    return np.stack(cols, axis=1)


def w1_path_latex(trace: Trace, activation: str, j: int, k: int, digits: int = 4) -> list[str]:
    """LaTeX lines: the symbolic path to dL/dW1[j,k], each row's factors multiplied out, and their sum."""
    p = w1_path(trace, activation, j, k)
    prods = p.prod(axis=1)
    name = rf"\frac{{\partial L}}{{\partial W_1[{j},{k}]}}"
    syms = [*PATH_SYMBOLS[:2], f"W_2[0,{j}]", f"f'(z_1)_{{{j}}}", f"x_{{{k}}}"]
    lines = [name + r" = \sum_i " + r" \cdot ".join(syms)]
    for i in range(p.shape[0]):
        factors_ = r" \cdot ".join(f"({num(v, digits)})" for v in p[i])
        lines.append(rf"\text{{{ROW_LABELS[i]}}}:\; {factors_} = {num(prods[i], digits + 2)}")
    total = " + ".join(f"({num(v, digits + 2)})" for v in prods)
    lines.append(rf"{name} = {total} = {num(prods.sum(), digits + 2)}")
    return lines
