"""The forward pass as LaTeX with the numbers plugged in."""

from __future__ import annotations

import numpy as np

from ..losses import bce_terms
from ..numfmt import cut_cells
from .points import XOR_TARGET

WIDE_UNITS = 3  # above this many hidden units, batch matrices are written transposed (H rows)

ACT_TEX = {
    "sigmoid": (r"\sigma", r"\sigma(z) = \frac{1}{1 + e^{-z}}"),
    "tanh": (r"\tanh", r"\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}"),
    "relu": (r"\mathrm{ReLU}", r"\mathrm{ReLU}(z) = \max(0, z)"),
    "leaky_relu": (r"\mathrm{LReLU}", r"\mathrm{LReLU}(z) = \max(0.01\,z,\; z)"),
    "identity": (r"\mathrm{id}", r"\mathrm{id}(z) = z"),
}


def _n(v: float, d: int = 4) -> str:
    """A number for LaTeX: 4 decimals, integers as integers, a real minus sign."""
    v = float(v)
    if not np.isfinite(v):
        return r"\mathrm{nan}" if np.isnan(v) else (r"\infty" if v > 0 else r"-\infty")
    if v == int(v) and abs(v) < 1e6 and d == 0:
        return str(int(v))
    return f"{v:.{d}f}"


def _mat(a: np.ndarray, d: int = 4, units: int | None = None, axis: int = 1) -> str:
    """A 2-D array as a LaTeX bmatrix; units: only the first hidden units along axis, then ⋯ (or ⋮)."""
    cells = cut_cells([[_n(v, d) for v in row] for row in np.atleast_2d(a)], units, axis)
    return r"\begin{bmatrix}" + r" \\ ".join(" & ".join(row) for row in cells) + r"\end{bmatrix}"


def _col(v: np.ndarray, d: int = 4) -> str:
    """A 1-D array as a LaTeX column vector."""
    return _mat(np.asarray(v).reshape(-1, 1), d)


def latex_inputs(trace) -> str:
    """X and y of the batch as LaTeX matrices."""
    return r"X = " + _mat(trace.X, 0) + r",\qquad y = " + _mat(trace.y, 0)


def latex_linear1(trace, rows: list[int], units: int | None = None) -> str:
    """z1 = x W1^T + b1 for one row (a row of the batch), or Z1 = X W1^T + b1 for the batch, with numbers.

    units: only the first `units` hidden units written, the others as ⋯ (a slide: the units its picture draws).
    """
    w, b = _mat(trace.W1.T, units=units), _mat(trace.b1[None, :], units=units)
    if len(rows) == 1:
        r, i = rows[0], rows[0] + 1
        return (rf"z_1^{{({i})}} = x^{{({i})}} W_1^{{\top}} + b_1 = " + _mat(trace.X[r][None, :], 0) + w
                + " + " + b + " = " + _mat(trace.z1[r][None, :], units=units))  # fmt: skip
    if trace.W1.shape[0] > WIDE_UNITS and units is None:  # many units: the transposed form grows down, not across
        return _two_lines(
            r"Z_1^{\top} = W_1 X^{\top} + b_1", _mat(trace.W1) + _mat(trace.X[rows].T, 0) + " + " + _col(trace.b1),
            _mat(trace.z1[rows].T),
        )  # fmt: skip
    return (
        r"Z_1 = X W_1^{\top} + b_1 = " + _mat(trace.X[rows], 0) + w + " + " + b + " = "
        + _mat(trace.z1[rows], units=units)
    )  # fmt: skip


def latex_activation(trace, rows: list[int], activation: str, units: int | None = None) -> list[str]:
    """h1 = f(z1) elementwise, with numbers; plus f's definition worked out on one entry (units: as latex_linear1)."""
    f, definition = ACT_TEX[activation]
    if len(rows) == 1:
        r, i = rows[0], rows[0] + 1
        main = (rf"h_1^{{({i})}} = {f}(z_1^{{({i})}}) = {f}\left(" + _mat(trace.z1[r][None, :], units=units)
                + r"\right) = " + _mat(trace.h1[r][None, :], units=units))  # fmt: skip
    else:
        # transposed for many units, as in latex_linear1
        tp = r"^{\top}" if trace.W1.shape[0] > WIDE_UNITS and units is None else ""
        z, h1 = (trace.z1[rows].T, trace.h1[rows].T) if tp else (trace.z1[rows], trace.h1[rows])
        main = rf"H_1{tp} = {f}(Z_1{tp}) = {f}\left(" + _mat(z, units=units) + r"\right) = " + _mat(h1, units=units)
    r = rows[0]
    z, h1 = float(trace.z1[r, 0]), float(trace.h1[r, 0])
    if activation == "sigmoid":
        worked = rf"\sigma({_n(z)}) = \frac{{1}}{{1 + e^{{{_n(-z)}}}}} = {_n(h1)}"
    elif activation == "tanh":
        worked = rf"\tanh({_n(z)}) = {_n(h1)}"
    elif activation == "relu":
        worked = rf"\max(0,\, {_n(z)}) = {_n(h1)}"
    elif activation == "leaky_relu":
        worked = rf"\max(0.01 \cdot {_n(z)},\, {_n(z)}) = {_n(h1)}"
    else:
        worked = rf"\mathrm{{id}}({_n(z)}) = {_n(h1)}"
    return [main, definition + r"\qquad " + worked]


def latex_linear2(trace, rows: list[int], units: int | None = None) -> str:
    """z2 = W2 h1 + b2 written out as a weighted sum (one row), or z2 = H1 W2^T + b2 (batch); units: as latex_linear1."""
    w, b = trace.W2[0], float(trace.b2[0])
    h_w = _mat(trace.W2.T, units=units, axis=0)  # W2 transposed: one row per hidden unit
    if len(rows) == 1:
        r, i = rows[0], rows[0] + 1
        lhs = rf"z_2^{{({i})}} = h_1^{{({i})}} W_2^{{\top}} + b_2 = "
        if len(w) > (WIDE_UNITS if units is None else units):  # many units: a row times a column, not a long sum
            return lhs + _mat(trace.h1[r][None, :], units=units) + h_w + f" + ({_n(b)}) = {_n(trace.z2[r, 0])}"
        terms = " + ".join(rf"({_n(hi)})({_n(wi)})" for wi, hi in zip(w, trace.h1[r], strict=True))
        return lhs + rf"{terms} + ({_n(b)}) = {_n(trace.z2[r, 0])}"
    if len(w) > WIDE_UNITS and units is None:  # H1 is 4 x H: put the result on its own line
        return _two_lines(
            r"z_2 = H_1 W_2^{\top} + b_2",
            _mat(trace.h1[rows]) + h_w + f" + ({_n(b)})",
            _mat(trace.z2[rows]),
        )
    return (
        r"z_2 = H_1 W_2^{\top} + b_2 = "
        + _mat(trace.h1[rows], units=units)
        + h_w
        + f" + ({_n(b)}) = "
        + _mat(trace.z2[rows])
    )


def _two_lines(lhs: str, middle: str, result: str) -> str:
    """lhs = middle on one line and = result on the next (KaTeX aligned), for wide equations."""
    return r"\begin{aligned}" + lhs + r" &= " + middle + r" \\ &= " + result + r"\end{aligned}"


def latex_output(trace, rows: list[int]) -> str:
    """y_pred = sigmoid(z2), with numbers."""
    if len(rows) == 1:
        z, p, i = float(trace.z2[rows[0], 0]), float(trace.y_pred[rows[0], 0]), rows[0] + 1
        return rf"\hat y^{{({i})}} = \sigma(z_2^{{({i})}}) = \frac{{1}}{{1 + e^{{{_n(-z)}}}}} = {_n(p)}"
    return r"\hat y = \sigma(z_2) = \sigma\left(" + _mat(trace.z2[rows]) + r"\right) = " + _mat(trace.y_pred[rows])


def latex_loss(trace, rows: list[int]) -> list[str]:
    """The BCE loss with the predictions plugged in: the batch mean, or one row's term then the mean."""
    y, p = XOR_TARGET, trace.y_pred[:, 0]
    terms = bce_terms(p)
    parts = [rf"\log {_n(p[i])}" if y[i] == 1 else rf"\log(1 - {_n(p[i])})" for i in range(4)]
    general = r"L = -\frac{1}{N}\sum_{i=1}^{N}\left[\,y_i \log \hat y_i + (1 - y_i)\log(1 - \hat y_i)\,\right]"
    batch = r"L = -\frac{1}{4}\left[" + " + ".join(parts) + rf"\right] = {_n(trace.loss)}"
    if len(rows) == 1:
        r = rows[0]
        one = rf"\ell_{{{r + 1}}} = -{parts[r]} = {_n(terms[r])}"
        return [general, one, batch]
    return [general, batch]


def lecture_forward(seed: int, activation: str, hidden: int) -> bool:
    """Whether the forward pass is the lecture's cell 2 (seed 42, sigmoid, 2 hidden units)."""
    return (seed, activation, hidden) == (42, "sigmoid", 2)
