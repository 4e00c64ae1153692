"""Binary cross-entropy as PyTorch's BCELoss computes it: each log clamped at LOG_CLAMP (targets 0 or 1)."""

from __future__ import annotations

import numpy as np

from .data import TARGET

LOG_CLAMP = -100.0  # BCELoss clamps log(p) and log(1 - p) at -100, so a term is at most 100


def bce_terms(pred: np.ndarray, target: np.ndarray = TARGET, dtype: type = np.float64) -> np.ndarray:
    """(..., N) each row's term -[y log p + (1 - y) log(1 - p)] of (..., N) predictions, log clamped at -100."""
    # log(1 - p), not BCELoss's log1p(-p): the engine's numbers stay as they were
    p: np.ndarray = np.asarray(pred, dtype)
    with np.errstate(all="ignore"):
        right = np.where(np.asarray(target) > 0.5, p, 1 - p)  # the probability given to the right answer
        return -np.maximum(np.log(right), dtype(LOG_CLAMP))


def bce(pred: np.ndarray, dtype: type = np.float64) -> np.ndarray:
    """(...,) BCELoss of (..., 4) predictions: the mean of bce_terms, summed row by row in order."""
    terms = bce_terms(pred, dtype=dtype)
    total = terms[..., 0]
    for i in range(1, terms.shape[-1]):
        total = total + terms[..., i]
    return total / dtype(terms.shape[-1])


def n_clamped(pred: np.ndarray) -> int:
    """How many of the four terms sit at the clamp (a prediction exactly 0 or 1 on the wrong side): term 100."""
    return int((bce_terms(np.asarray(pred).reshape(-1)) >= -LOG_CLAMP).sum())
