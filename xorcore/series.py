"""A History as per-epoch series and frames (thinned for drawing), its predictions table and printout.

A History of n epochs has per-epoch values for epochs 0..n-1 (each epoch's forward pass, before its
update) and the trained model at epoch n (final_pred, final_loss, params[n]). The series run over
0..n so that the scrubber's last position (the trained model) sits on the line; a diverged run's
series (and scrubber) stop at n-1, the last epoch whose model is finite. Long runs are
thinned to at most `max_points` epochs per line: the epochs fall into consecutive buckets and each bucket keeps
its lowest and its highest value (min-max decimation), so a line that flips every epoch is drawn flipping, not
aliased to one side, and the run's highest and lowest values are always drawn; both ends and the chosen epoch,
whose value is exact, are kept too. Each line is thinned by its own values. Points that are not finite (a
diverged run) are left out, never drawn as 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from .data import ROW_LABELS, TARGET
from .model import param_names
from .outcome import correct, predicted_class
from .text import t
from .train import History

MAX_POINTS = 1000  # per line: enough for a 1280-px-wide chart, small enough to redraw while playing


def last_epoch(hist: History) -> int:
    """The last epoch whose model is finite: epochs_run, or the epoch before the divergence."""
    if hist.diverged_at is None:
        return hist.epochs_run
    return max(hist.epochs_run - 1, 0)


def sample_epochs(values: np.ndarray, max_points: int = MAX_POINTS, keep: Iterable[int] = ()) -> np.ndarray:
    """Sorted epochs of a per-epoch series to draw: all if they fit, else each bucket's lowest and highest, ends and keep."""
    v = np.asarray(values, dtype=np.float64)
    n = len(v)
    if n <= 0:
        return np.zeros(0, dtype=int)
    idx = np.arange(n) if n <= max_points else bucket_extremes(v, max(1, (max_points - 2) // 2))
    extra = np.array([0, n - 1, *(k for k in keep if 0 <= k < n)], dtype=int)
    return np.union1d(idx, extra).astype(int)


def bucket_extremes(v: np.ndarray, buckets: int) -> np.ndarray:
    """Epochs of the first lowest and first highest finite value in each of `buckets` consecutive equal stretches."""
    n = len(v)
    starts = np.unique(np.linspace(0, n, buckets + 1).astype(int)[:-1])
    bucket = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, n)))
    finite = np.isfinite(v)
    at = np.arange(n)
    picks = []
    for fill, reduce in ((np.inf, np.minimum), (-np.inf, np.maximum)):
        w = np.where(finite, v, fill)
        best = reduce.reduceat(w, starts)
        picks.append(np.minimum.reduceat(np.where(w == best[bucket], at, n), starts))
    return np.unique(np.concatenate(picks))


def loss_series(hist: History) -> np.ndarray:
    """Loss at epochs 0..last_epoch(h): each epoch's forward pass, then (unless diverged) the trained model's."""
    return np.append(hist.loss.astype(np.float64), hist.final_loss)[: last_epoch(hist) + 1]


def accuracy_series(hist: History) -> np.ndarray:
    """Share of the four rows correct (outcome.correct) at epochs 0..last_epoch(hist) (nan where y_pred is not)."""
    pred = pred_series(hist)
    acc = correct(pred).mean(axis=1)
    return np.where(np.isfinite(pred).all(axis=1), acc, np.nan)


def pred_series(hist: History) -> np.ndarray:
    """(last_epoch(h)+1, 4) y_pred of each input at epochs 0..last_epoch(h)."""
    full = np.vstack([hist.pred.astype(np.float64).reshape(-1, 4), hist.final_pred.astype(np.float64)[None]])
    return full[: last_epoch(hist) + 1]


def grad_series(hist: History) -> np.ndarray:
    """(n,) gradient norm at epochs 0..n-1 (the trained model has no update, so no gradient)."""
    return hist.grad_norm.astype(np.float64)


def _frame(epochs: np.ndarray, values: np.ndarray, name: str, positive: bool = False) -> pd.DataFrame:
    """epoch + one value column at the given epochs, non-finite (and, for log scales, <= 0) rows dropped."""
    v = values[epochs]
    ok = np.isfinite(v) & ((v > 0) if positive else True)
    return pd.DataFrame({"epoch": epochs[ok], name: v[ok]})


def loss_frame(
    hist: History, epoch: int | None = None, log: bool = False, max_points: int = MAX_POINTS
) -> pd.DataFrame:
    """Columns epoch, loss: the plotted loss curve (finite points; positive ones on a log scale)."""
    s = loss_series(hist)
    return _frame(sample_epochs(s, max_points, _keep(epoch)), s, "loss", positive=log)


def accuracy_frame(hist: History, epoch: int | None = None, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Columns epoch, accuracy (0..1)."""
    s = accuracy_series(hist)
    return _frame(sample_epochs(s, max_points, _keep(epoch)), s, "accuracy")


def grad_frame(
    hist: History, epoch: int | None = None, log: bool = False, max_points: int = MAX_POINTS
) -> pd.DataFrame:
    """Columns epoch, grad_norm."""
    s = grad_series(hist)
    return _frame(sample_epochs(s, max_points, _keep(epoch)), s, "grad_norm", positive=log)


def pred_frame(hist: History, epoch: int | None = None, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Long format: epoch, row (0..3), input '(0,1)', target, y_pred; non-finite points dropped."""
    s = pred_series(hist)
    parts = []
    for r in range(4):
        ep = sample_epochs(s[:, r], max_points, _keep(epoch))
        v = s[ep, r]
        ok = np.isfinite(v)
        parts.append(
            pd.DataFrame({"epoch": ep[ok], "row": r, "input": ROW_LABELS[r], "target": int(TARGET[r]), "y_pred": v[ok]})
        )
    return pd.concat(parts, ignore_index=True)


def param_frame(hist: History, epoch: int | None = None, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Long format: epoch, param ('W1[0,1]'), group ('W1'), value, for every parameter at epochs 0..last_epoch(h)."""
    names = param_names(hist.config.hidden)
    values = hist.params[: last_epoch(hist) + 1].astype(np.float64)
    parts = []
    for j, name in enumerate(names):
        ep = sample_epochs(values[:, j], max_points, _keep(epoch))
        v = values[ep, j]
        ok = np.isfinite(v)
        parts.append(pd.DataFrame({"epoch": ep[ok], "param": name, "group": name.split("[")[0], "value": v[ok]}))
    return pd.concat(parts, ignore_index=True)


def overlay_frame(runs: Sequence[tuple[str, History]], log: bool = False, max_points: int = MAX_POINTS) -> pd.DataFrame:
    """Long format: run (label), epoch, loss: one loss curve per run."""
    parts = [loss_frame(hist, log=log, max_points=max_points).assign(run=label) for label, hist in runs]
    if not parts:
        return pd.DataFrame({"epoch": [], "loss": [], "run": []})
    return pd.concat(parts, ignore_index=True)


def predictions_table(hist: History, epoch: int, lang: str) -> pd.DataFrame:
    """The four inputs at an epoch: input, target, y_pred (exact, from History), rounded class, right or not."""
    pred = hist.pred_at(epoch).astype(np.float64)
    ok = np.isfinite(pred)
    cls = np.where(ok, predicted_class(pred).astype(float), np.nan)
    right = [t(lang, "train_yes" if r else "train_no") for r in correct(pred)]
    return pd.DataFrame(
        {
            t(lang, "train_col_input"): list(ROW_LABELS),
            t(lang, "train_col_target"): TARGET.astype(int),
            t(lang, "train_col_pred"): pred,
            t(lang, "train_col_class"): cls,
            t(lang, "train_col_right"): right,
        }
    )


# What the lecture's cell 1 printed; that cell sets no seed, so these come from a start nobody can reproduce.
LECTURE_CELL1_PRED = (0.01603173, 0.9808172, 0.9807922, 0.03328492)


def printout(pred: np.ndarray) -> str:
    """y_pred as the lecture's cell 1 prints it: a (4, 1) numpy array, e.g. '[[0.00984497]\\n [0.98945695] ...]'."""
    return np.array2string(np.asarray(pred, dtype=np.float32).reshape(-1, 1))


def _keep(epoch: int | None) -> tuple[int, ...]:
    return () if epoch is None else (int(epoch),)
