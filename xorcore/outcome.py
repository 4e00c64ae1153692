"""What counts as learned: one rule, with a margin, for every page that counts successes."""

from __future__ import annotations

import numpy as np

from .data import TARGET

MARGIN = 0.1  # a prediction must clear the 0.5 threshold by this much to count
TOLERANCE = 0.5 - MARGIN  # so it lies within 0.4 of its target: below 0.4 for 0, above 0.6 for 1


def rule_values() -> dict[str, str]:
    """The rule's numbers as the text shows them: tolerance, upper bound for 0, lower bound for 1."""
    return {"tol": f"{TOLERANCE:g}", "lo": f"{TOLERANCE:g}", "hi": f"{1 - TOLERANCE:g}"}


def predicted_class(pred: np.ndarray) -> np.ndarray:
    """The class each prediction votes for: 1 above 0.5, else 0 (exactly 0.5 votes 0; nan gives 0, mask it first)."""
    with np.errstate(invalid="ignore"):
        return (np.asarray(pred) > 0.5).astype(int)


def correct(pred: np.ndarray, target: np.ndarray = TARGET) -> np.ndarray:
    """(..., 4) True where a prediction lies within TOLERANCE of its target (XOR's unless given; nan never is)."""
    with np.errstate(invalid="ignore"):
        return np.abs(np.asarray(pred, dtype=np.float64) - target) < TOLERANCE


def learned(pred: np.ndarray, target: np.ndarray = TARGET) -> np.ndarray:
    """(...,) True where all four predictions (last axis) are correct."""
    return np.all(correct(pred, target), axis=-1)


def n_correct(pred: np.ndarray, target: np.ndarray = TARGET) -> int:
    """How many of the four predictions are correct."""
    return int(correct(np.asarray(pred).reshape(-1), target).sum())
