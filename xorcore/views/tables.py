"""Tables of the Model and Forward pages: parameters, predictions, one forward step's values."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import ROW_LABELS
from ..losses import bce_terms
from ..model import param_names
from ..outcome import correct, predicted_class
from ..text import t
from .diagram import EDGE_COLUMNS, unit_names
from .points import XOR_TARGET


def edge_table(values: dict[str, np.ndarray]) -> tuple[pd.DataFrame, float]:
    """The compact diagram's numbers: one row per hidden unit, one column per edge into or out of it; and b2.

    values holds W1 (H x 2), b1 (H), W2 (1 x H), b2 (1): parameters or their gradients.
    """
    W1, b1, W2, b2 = (np.asarray(values[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    H = W1.shape[0]
    cols = (W1[:, 0], W1[:, 1], b1.reshape(H), W2.reshape(H))
    return pd.DataFrame(dict(zip(EDGE_COLUMNS, cols, strict=True)), index=unit_names(H)), float(b2.reshape(-1)[0])


def params_table(initial: np.ndarray, trained: np.ndarray, hidden: int, lang: str) -> pd.DataFrame:
    """Every parameter by name: initial value, trained value and the change."""
    a, b = np.asarray(initial, dtype=float), np.asarray(trained, dtype=float)
    return pd.DataFrame(
        {
            t(lang, "ch_col_param"): param_names(hidden),
            t(lang, "ch_col_initial"): a,
            t(lang, "ch_col_trained"): b,
            t(lang, "ch_col_change"): b - a,
        }
    )


def predictions_table(initial: np.ndarray, trained: np.ndarray, lang: str) -> pd.DataFrame:
    """The four inputs: target, y_pred before and after training, and whether the trained one is right."""
    a, b = np.asarray(initial, dtype=float).reshape(-1), np.asarray(trained, dtype=float).reshape(-1)
    right = correct(b)
    return pd.DataFrame(
        {
            t(lang, "ch_input"): list(ROW_LABELS),
            t(lang, "ch_target"): XOR_TARGET,
            t(lang, "ch_col_pred0_short"): a,
            t(lang, "ch_col_pred_short"): b,
            t(lang, "ch_col_right"): [t(lang, "ch_yes") if r else t(lang, "ch_no") for r in right],
        }
    )


def forward_table(trace, step: int, rows: list[int], lang: str) -> pd.DataFrame:
    """The values of forward step 1..5 (z1, h1, z2, y_pred, loss terms) for the chosen rows of a Trace."""
    hidden = trace.W1.shape[0]
    df = pd.DataFrame({t(lang, "ch_input"): [ROW_LABELS[r] for r in rows]})
    if step == 1:
        df[t(lang, "ch_col_x1")] = trace.X[rows, 0].astype(int)
        df[t(lang, "ch_col_x2")] = trace.X[rows, 1].astype(int)
    for i in range(hidden):
        if step == 1:
            df[t(lang, "ch_col_z", unit=i + 1)] = trace.z1[rows, i]
        elif step == 2:
            df[t(lang, "ch_col_h", unit=i + 1)] = trace.h1[rows, i]
    if step >= 3:
        df[t(lang, "ch_target")] = XOR_TARGET[rows]
    if step in (3, 4):
        df["z2"] = trace.z2[rows, 0]
    if step >= 4:
        df[t(lang, "ch_y_pred")] = trace.y_pred[rows, 0]
    if step == 4:
        df[t(lang, "ch_col_class")] = predicted_class(trace.y_pred[rows, 0])
    if step == 5:
        df[t(lang, "ch_loss_term")] = bce_terms(trace.y_pred[:, 0])[rows]
    return df
