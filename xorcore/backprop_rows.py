"""Backprop for the Backprop page: one input's share of the gradients, the chain-rule equations, tables.

The loss is always the lecture's batch mean L = (1/N) sum_i l_i over the N = 4 rows. "One row" means:
the row's slice of the per-row gradients (dL/dy_pred, dL/dz2, dL/dh1, dL/dz1 rows: only l_i/N depends
on row i's values), and the row's share of dL/dW, dL/db (the per-row outer products); the N shares sum
to the batch gradient.
"""

# LaTeX is full of braces, so its templates use %-formatting rather than f-strings.
# ruff: noqa: UP031

from __future__ import annotations

import copy

import numpy as np
import pandas as pd
import torch
from torch import nn

from .data import ROW_LABELS, XOR_X, XOR_Y
from .model import act_grad_np, linears
from .numfmt import cut_cells, num
from .palette import FLOW
from .trace import Grads, Trace, _np

# The backward order of the page (and of the lecture's printout).
STEPS: tuple[str, ...] = ("d_y_pred", "d_z2", "d_W2", "d_b2", "d_h1", "d_z1", "d_W1", "d_b1")
PARAM_STEPS: frozenset[str] = frozenset({"d_W2", "d_b2", "d_W1", "d_b1"})  # a row gives a share of these


def row_share(g: Grads, trace: Trace, row: int) -> Grads:
    """Row `row`'s part of the gradients g: slices of the per-row ones, outer products for the parameters."""
    i = slice(row, row + 1)
    d_z2, d_z1 = g.d_z2[i], g.d_z1[i]  # (1, 1), (1, H)
    return Grads(
        d_y_pred=g.d_y_pred[i].copy(),  # (1, 1)
        d_z2=d_z2.copy(),  # (1, 1)
        d_W2=d_z2.T @ trace.h1[i],  # (1, 1)^T (1, H) -> (1, H): dL/dz2_i * h1_i
        d_b2=d_z2[0].copy(),  # (1,)
        d_h1=g.d_h1[i].copy(),  # (1, H)
        d_z1=d_z1.copy(),  # (1, H)
        d_W1=d_z1.T @ trace.X[i],  # (H, 1) (1, 2) -> (H, 2): outer(dL/dz1_i, x_i)
        d_b1=d_z1[0].copy(),  # (H,)
    )


def row_by_hand(trace: Trace, row: int) -> Grads:
    """Row `row`'s share of the by-hand gradients."""
    return row_share(trace.by_hand, trace, row)


def row_autograd(model: nn.Sequential, row: int, X: torch.Tensor = XOR_X, y: torch.Tensor = XOR_Y) -> Grads:
    """Autograd of row `row`'s term l_i / N of the batch-mean BCE: that row's share, independently of the chain rule."""
    model = copy.deepcopy(model)
    n = X.shape[0]
    (lin1, lin2), act, out = linears(model), model[1], model[3]
    z1 = lin1(X)
    h1 = act(z1)
    z2 = lin2(h1)
    y_pred = out(z2)
    for v in (z1, h1, z2, y_pred):
        v.retain_grad()
    term = nn.BCELoss(reduction="none")(y_pred, y)[row, 0] / n  # l_i / N, a scalar
    term.backward()
    i = slice(row, row + 1)  # the other rows' intermediate gradients are zero
    return Grads(
        d_y_pred=_np(y_pred.grad[i]), d_z2=_np(z2.grad[i]), d_W2=_np(lin2.weight.grad),
        d_b2=_np(lin2.bias.grad), d_h1=_np(h1.grad[i]), d_z1=_np(z1.grad[i]),
        d_W1=_np(lin1.weight.grad), d_b1=_np(lin1.bias.grad),
    )  # fmt: skip


def z2_identity(trace: Trace) -> np.ndarray:
    """(y_pred - y) / N, which equals dL/dz2 for a sigmoid output with BCE, (N, 1)."""
    return (trace.y_pred - trace.y) / trace.X.shape[0]


# ---------------------------------------------------------------- LaTeX: the chain rule with numbers


def _p(v: float, d: int) -> str:
    """A number, parenthesised when negative (for products)."""
    s = num(v, d)
    return f"({s})" if s.startswith("-") else s


def _mat(a: np.ndarray, d: int, units: int | None = None, axis: int = 1) -> str:
    """A bmatrix of a 1-D (as a row) or 2-D array; units: only the first hidden units along axis, then ⋯ (or ⋮)."""
    a = np.atleast_2d(np.asarray(a, dtype=float))
    cells = cut_cells([[num(v, d) for v in r] for r in a], units, axis)
    return r"\begin{bmatrix}" + r" \\ ".join(" & ".join(r) for r in cells) + r"\end{bmatrix}"


D = r"\frac{\partial L}{\partial %s}"  # dL/d<symbol>
SYM = {
    "d_y_pred": r"\hat{y}", "d_z2": "z_2", "d_W2": "W_2", "d_b2": "b_2",
    "d_h1": "h_1", "d_z1": "z_1", "d_W1": "W_1", "d_b1": "b_1",
}  # fmt: skip
ACT_PRIME = {
    "sigmoid": r"h_1 \odot (1 - h_1)",
    "tanh": r"1 - h_1 \odot h_1",
    "relu": r"\mathbb{1}[z_1 > 0]",
    "leaky_relu": r"(1 \text{ if } z_1 > 0 \text{ else } 0.01)",
    "identity": "1",
}


def dsym(step: str, row: int | None = None) -> str:
    """LaTeX of dL/d<value> (with the row index for one row's share of a parameter)."""
    sym = SYM[step]
    if row is None:
        return D % sym
    if step in PARAM_STEPS:
        return r"\left(" + D % sym + r"\right)_{%d}" % (row + 1)
    if step == "d_y_pred":
        return D % (r"\hat{y}^{(%d)}" % (row + 1))
    return D % f"{sym}^{{({row + 1})}}"  # "z_2" -> z_2^{(i)}: subscript = layer, (i) = input row


def color(role: str, tex: str) -> str:
    """LaTeX in a role's colour (palette.FLOW: the same as on the network picture, views.flow)."""
    return r"\textcolor{%s}{%s}" % (FLOW[role], tex)


def up(tex: str) -> str:
    """The upstream gradient's factor."""
    return color("upstream", tex)


def lo(tex: str) -> str:
    """The local derivative's factor."""
    return color("local", tex)


def va(tex: str) -> str:
    """The value it multiplies."""
    return color("value", tex)


def equation(
    trace: Trace, step: str, activation: str, row: int | None = None, digits: int = 6, units: int | None = None
) -> str:
    """The chain-rule equation of one gradient with the numbers plugged in (by-hand values), as LaTeX.

    Its factors are coloured by role (up, lo, va; the gradient it computes: "target"), as on the picture.

    row None: the whole batch as matrices (rows = the four inputs); row i: that row's numbers. units: only the
    first `units` hidden units written, the others as ⋯ (a compact picture's drawn units: the equation fits a slide).
    """
    g, d, n, u = trace.by_hand, digits, trace.X.shape[0], units
    yp, y, h1, W2, X = trace.y_pred, trace.y, trace.h1, trace.W2, trace.X
    s = yp * (1 - yp)  # sigma'(z2) = y_pred (1 - y_pred), (N, 1)
    fp = act_grad_np(activation, trace.z1, trace.h1)  # f'(z1), (N, H), from h1 as the chain rule uses it
    fd = {"relu": 0, "identity": 0, "leaky_relu": 2}.get(activation, d)  # 0/1 slopes need no decimals
    # Very wide layers: the elementwise product's second factor goes on its own line.
    odot = r" \\ &\qquad \odot " if trace.h1.shape[1] > 4 and u is None else r" \odot "
    if row is None:
        eq = {
            "d_y_pred": [D % r"\hat{y}", lo(r"\frac{1}{N}\,\frac{\hat{y} - y}{\hat{y}\,(1 - \hat{y})}"),
                         lo(r"\frac{1}{%d}\left(" % n + _mat(yp - y, d) + r" \oslash " + _mat(s, d) + r"\right)"),
                         _mat(g.d_y_pred, d)],
            "d_z2": [D % "z_2", up(D % r"\hat{y}") + r" \odot " + lo(r"\hat{y}\,(1 - \hat{y})"),
                     up(_mat(g.d_y_pred, d)) + r" \odot " + lo(_mat(s, d)), _mat(g.d_z2, d)],
            "d_W2": [D % "W_2", up(r"\left(" + D % "z_2" + r"\right)^{\!\top}") + va("h_1"),
                     up(_mat(g.d_z2, d) + r"^{\!\top}") + va(_mat(h1, d, u)), _mat(g.d_W2, d, u)],
            "d_b2": [D % "b_2", r"\sum_{i=1}^{%d} " % n + up(D % "z_2^{(i)}"),
                     up(" + ".join(_p(v, d) for v in g.d_z2[:, 0])), num(g.d_b2[0], d)],
            "d_h1": [D % "h_1", up(D % "z_2") + r"\, " + va("W_2"), up(_mat(g.d_z2, d)) + va(_mat(W2, d, u)),
                     _mat(g.d_h1, d, u)],
            "d_z1": [D % "z_1", up(D % "h_1") + r" \odot " + lo("f'(z_1)"), up(_mat(g.d_h1, d, u)) + odot + lo(_mat(fp, fd, u)),
                     _mat(g.d_z1, d, u)],
            "d_W1": [D % "W_1", up(r"\left(" + D % "z_1" + r"\right)^{\!\top}") + " " + va("X"),
                     up(_mat(g.d_z1, d, u) + r"^{\!\top}") + va(_mat(X, 0)), _mat(g.d_W1, d, u, axis=0)],
            "d_b1": [D % "b_1", r"\sum_{i=1}^{%d} " % n + up(D % "z_1^{(i)}"),
                     va(_mat(np.ones((1, n)), 0)) + up(_mat(g.d_z1, d, u)), _mat(g.d_b1, d, u)],
        }[step]  # fmt: skip
    else:
        r, k = row, row + 1
        share = row_by_hand(trace, row)
        ypr, yr, sr = float(yp[r, 0]), float(y[r, 0]), float(s[r, 0])
        dz2 = float(g.d_z2[r, 0])
        eq = {
            "d_y_pred": [dsym(step, r), lo(r"\frac{1}{%d}\cdot\frac{\hat{y}^{(%d)} - y^{(%d)}}{\hat{y}^{(%d)}\,(1 - \hat{y}^{(%d)})}"
                         % (n, k, k, k, k)),
                         lo(r"\frac{1}{%d}\cdot\frac{%s - %s}{%s\,(1 - %s)}" % (n, num(ypr, d), num(yr, 0), num(ypr, d),
                                                                                 num(ypr, d))),
                         num(g.d_y_pred[r, 0], d)],
            "d_z2": [dsym(step, r), up(dsym("d_y_pred", r)) + r"\;" + lo(r"\hat{y}^{(%d)}\,(1 - \hat{y}^{(%d)})" % (k, k)),
                     up(_p(g.d_y_pred[r, 0], d)) + r" \times " + lo(num(sr, d)), num(dz2, d)],
            "d_W2": [dsym(step, r), up(dsym("d_z2", r)) + r"\; " + va(r"h_1^{(%d)}" % k),
                     up(_p(dz2, d)) + r" \times " + va(_mat(h1[r], d, u)), _mat(share.d_W2, d, u)],
            "d_b2": [dsym(step, r), up(dsym("d_z2", r)), num(share.d_b2[0], d)],
            "d_h1": [dsym(step, r), up(dsym("d_z2", r)) + r"\; " + va("W_2"),
                     up(_p(dz2, d)) + r" \times " + va(_mat(W2, d, u)), _mat(g.d_h1[r], d, u)],
            "d_z1": [dsym(step, r), up(dsym("d_h1", r)) + r" \odot " + lo(r"f'(z_1^{(%d)})" % k),
                     up(_mat(g.d_h1[r], d, u)) + r" \odot " + lo(_mat(fp[r], fd, u)), _mat(g.d_z1[r], d, u)],
            "d_W1": [dsym(step, r), up(r"\left(" + dsym("d_z1", r) + r"\right)^{\!\top}") + " " + va(r"x^{(%d)}" % k),
                     up(_mat(g.d_z1[r : r + 1].T, d, u, axis=0)) + va(_mat(X[r], 0)), _mat(share.d_W1, d, u, axis=0)],
            "d_b1": [dsym(step, r), up(dsym("d_z1", r)), _mat(share.d_b1, d, u)],
        }[step]  # fmt: skip
    if row is None:  # the batch: Z₁ and H₁ are matrices with one row per input, as on the Forward page
        eq[:2] = [p.replace("h_1", "H_1").replace("z_1", "Z_1") for p in eq[:2]]
    eq[0] = color("target", eq[0])
    return _lines(eq, wide=trace.h1.shape[1] > 2 and u is None)  # cut: as narrow as 2 units


def _lines(parts: list[str], wide: bool) -> str:
    """lhs = formula on the first line, the numbers below (and the result on a third line when wide)."""
    if len(parts) < 4:
        return " = ".join(parts)
    lhs, formula, numbers, result = parts
    tail = r" \\ &= ".join([numbers, result]) if wide else numbers + " = " + result
    return r"\begin{aligned}" + lhs + " &= " + formula + r" \\ &= " + tail + r"\end{aligned}"


def act_prime_latex(activation: str) -> str:
    """LaTeX of f'(z1) for the hidden activation, e.g. h_1 (1 - h_1) for the sigmoid."""
    return "f'(z_1) = " + ACT_PRIME[activation]


def identity_latex(trace: Trace, row: int | None = None, digits: int = 6) -> str:
    """dL/dz2 = (y_pred - y) / N with the numbers, computed from y_pred and y (not from the backward pass)."""
    n, val = trace.X.shape[0], z2_identity(trace)
    if row is None:
        return (D % "z_2" + r" = \frac{\hat{y} - y}{N} = \frac{1}{%d}" % n + _mat(trace.y_pred - trace.y, digits)
                + " = " + _mat(val, digits))  # fmt: skip
    k = row + 1
    return (dsym("d_z2", row) + r" = \frac{\hat{y}^{(%d)} - y^{(%d)}}{%d} = \frac{%s - %s}{%d} = %s"
            % (k, k, n, num(trace.y_pred[row, 0], digits), num(trace.y[row, 0], 0), n, num(val[row, 0], digits)))  # fmt: skip


# ---------------------------------------------------------------- tables


def hidden_labels(hidden: int) -> list[str]:
    """Hidden units as the notation writes them: h₁ (1) .. h₁ (H) (subscript = layer, (j) = unit)."""
    return [f"h₁ ({i + 1})" for i in range(hidden)]


def grad_frame(step: str, values: np.ndarray, row: int | None = None) -> pd.DataFrame:
    """A gradient as a labelled table: rows = inputs (or hidden units for W1), columns = units."""
    a = np.atleast_2d(np.asarray(values, dtype=float))
    if step in ("d_y_pred", "d_z2"):
        cols = ["∂L/∂ŷ" if step == "d_y_pred" else "∂L/∂z₂"]
    elif step in ("d_h1", "d_z1"):  # one column per hidden unit, headed by the gradient's name
        cols = [f"∂L/∂{step[2]}₁ ({i + 1})" for i in range(a.shape[1])]
    elif step == "d_W1":
        return pd.DataFrame(a, index=hidden_labels(a.shape[0]), columns=["x₁", "x₂"])
    elif step == "d_b2":
        cols = ["∂L/∂b₂"]
    else:
        cols = hidden_labels(a.shape[1])
    if step in ("d_y_pred", "d_z2", "d_h1", "d_z1"):
        index = list(ROW_LABELS) if row is None else [ROW_LABELS[row]]
    else:
        index = [SYM_PLAIN[step]]
    return pd.DataFrame(a, index=index, columns=cols)


SYM_PLAIN = {"d_W2": "W₂", "d_b2": "b₂", "d_b1": "b₁"}
