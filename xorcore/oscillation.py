"""Whether a run oscillates: its loss or a prediction going up and down in turn at every epoch of its tail."""

from __future__ import annotations

import numpy as np

from .data import ROW_LABELS
from .series import loss_series, pred_series
from .text import t
from .train import History

TAIL = 100  # the last this many epochs (or all of a shorter run)
SWING = 0.01  # every step of the tail moves the value by at least this, opposite to the step before


def alternates(values: np.ndarray) -> bool:
    """True if every step of `values` has at least SWING size and the opposite sign of the step before."""
    step = np.diff(np.asarray(values, dtype=np.float64))
    if len(step) < 2 or not np.isfinite(step).all():
        return False
    return bool((np.abs(step) >= SWING).all() and (step[:-1] * step[1:] < 0).all())


def oscillates(hist: History) -> dict | None:
    """The tail's epochs, the inputs whose prediction alternates with their range, and whether the loss does."""
    loss = loss_series(hist)[-(TAIL + 1) :]
    pred = pred_series(hist)[-(TAIL + 1) :]
    rows = [r for r in range(4) if alternates(pred[:, r])]
    loss_alt = alternates(loss)
    if not rows and not loss_alt:
        return None
    return {
        "tail": len(loss) - 1,
        "rows": rows,
        "low": [float(pred[:, r].min()) for r in rows],
        "high": [float(pred[:, r].max()) for r in rows],
        "loss": (float(loss.min()), float(loss.max())) if loss_alt else None,
    }


def sentence(osc: dict, lang: str) -> str:
    """The oscillation in words: which values flip, between what, over how many epochs."""
    parts = [t(lang, "osc_head", tail=f"{osc['tail']:,}")]
    if osc["rows"]:
        ranges = ", ".join(
            t(lang, "osc_range", input=ROW_LABELS[r], low=f"{lo:.3f}", high=f"{hi:.3f}")
            for r, lo, hi in zip(osc["rows"], osc["low"], osc["high"], strict=True)
        )
        parts.append(t(lang, "osc_pred", ranges=ranges))
    if osc["loss"] is not None:
        parts.append(t(lang, "osc_loss", low=f"{osc['loss'][0]:.4f}", high=f"{osc['loss'][1]:.4f}"))
    parts.append(t(lang, "osc_tail", swing=SWING))
    return " ".join(parts)
