"""How a number is written on screen: fixed decimals, never a negative zero."""

from __future__ import annotations

import numpy as np
import pandas as pd


def num(v: float, d: int = 6) -> str:
    """A number with d decimals, never '-0.000000' (a tiny negative shows as 0)."""
    s = f"{float(v):.{d}f}"
    return "0." + "0" * d if s == "-0." + "0" * d else s


def no_negative_zero(df: pd.DataFrame, d: int = 6) -> pd.DataFrame:
    """df with every number that d decimals write as -0.000000 set to 0 (for a table the browser formats)."""
    out, zero = df, num(0.0, d)
    for col in df.columns:
        a = df[col].to_numpy()
        if a.dtype.kind == "f" and ((a < 0) & (a > -(10.0**-d))).any():
            out = out.copy() if out is df else out
            out[col] = [0.0 if v < 0 and num(v, d) == zero else v for v in a]
    return out


def array_text(a: np.ndarray, d: int = 6) -> str:
    """An array as nested brackets of d-decimal numbers, e.g. [[0.000000, 0.011670]]."""
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return num(float(a), d)
    return "[" + ", ".join(array_text(x, d) for x in a) + "]"


def cut_cells(cells: list[list[str]], units: int | None, axis: int) -> list[list[str]]:
    """A LaTeX matrix's cells with only its first `units` hidden units along axis (0: rows, 1: columns), then a
    row of ⋮ or a column of ⋯ (units None, or no more units than that: all of them)."""
    if units is None:
        return cells
    if axis == 0:
        return cells if len(cells) <= units else [*cells[:units], [r"\vdots"] * len(cells[0])]
    return cells if len(cells[0]) <= units else [[*row[:units], r"\cdots"] for row in cells]


def short32(v: float) -> str:
    """The shortest text of a float32 that reads back (through Python's float, as torch.tensor reads it) as it."""
    f = np.float32(v)
    s = np.format_float_positional(f, unique=True, trim="-")
    return s if np.float32(float(s)) == f else repr(float(f))


TINY = 1e-3  # a loss below this is written with its exponent (and a curve reaching it reads on a log axis only)


def loss_text(v: float) -> str:
    """A loss with six decimals, or with its exponent when below TINY (0.000000 would hide it): 0.693147, 6.944e-12."""
    return num(v, 6) if v >= TINY else f"{v:.3e}"
