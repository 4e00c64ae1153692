"""Questions to answer before a step shows its numbers: options, answer key and reason, all computed from the run.

A builder returns a Question, or None where the question has no meaningful answer at these settings
(a tie, every gradient zero on a dead unit, a run that is not finite). Text is held as (key, values)
pairs of xorcore.text; the values are numbers already written out, so the page only translates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from .config import Config
from .data import ROW_LABELS, TARGET
from .experiments import Cell
from .loop import LoopStepper
from .losses import bce_terms
from .model import ACT_MODULES, param_names
from .numfmt import num
from .outcome import TOLERANCE, correct
from .trace import Trace, loss_of, manual_step

# A text key and its values: each a string already written out, another Say (translated too), or a tuple of
# Says (translated and listed with commas).
Say = tuple[str, dict[str, object]]
TIE = 1e-4  # two values closer than this (as shown, 4 decimals) leave no one answer
RATIO_TIE = 0.05  # "larger or smaller": the two must differ by 5 % at least
ZERO = 1e-7  # a gradient this small counts as none (a dead unit's are exactly 0)
SMALL_ETA, BIG_ETA = 0.1, 5.0  # the manual step sizes asked about: the lecture's and one that overshoots
TWICE = ("second", "sum", "mean", "first")  # what .grad may hold after two backward passes


@dataclass(frozen=True)
class Question:
    """One question: its id, what it asks, the options, the index of the right one, and why."""

    id: str
    ask: Say
    options: tuple[Say, ...]
    answer: int
    reason: Say

    def digest(self) -> str:
        """A short fingerprint: the same question at other settings (another answer) is another question."""
        return hashlib.blake2b(repr(self).encode(), digest_size=6).hexdigest()


def _say(key: str, **values: object) -> Say:
    return key, {k: v if isinstance(v, tuple) else str(v) for k, v in values.items()}


def _plain(text: str) -> Say:
    return _say("qz_plain", text=text)


def _finite(*arrays: object) -> bool:
    return all(np.isfinite(np.asarray(a, dtype=float)).all() for a in arrays)


def _unique_top(values: Sequence[float], tie: float = TIE) -> int | None:
    """The index of the largest value, or None when the runner-up is within `tie` of it."""
    order = np.argsort(values)[::-1]
    if len(values) > 1 and values[order[0]] - values[order[1]] < tie:
        return None
    return int(order[0])


# ---------------------------------------------------------------- Model


SLOPES = (0.0, 0.01, 0.25, 0.5, 1.0)  # the options for f'(0): every activation's answer is one of them


def slope_at_zero(activation: str) -> Question | None:
    """The hidden activation's slope at z = 0 as PyTorch's autograd computes it (what backprop multiplies by)."""
    z = torch.zeros(1, requires_grad=True)
    ACT_MODULES[activation]()(z).sum().backward()
    assert z.grad is not None
    slope = float(z.grad[0])  # float32: leaky ReLU's 0.01 comes back as 0.0099999998
    near = [i for i, s in enumerate(SLOPES) if abs(s - slope) <= 1e-6 * max(s, 1e-12)]
    if not near:
        return None
    slope = SLOPES[near[0]]
    why = _say("qz_slope_why", act=_say(f"act_{activation}"), slope=f"{slope:g}",
               rule=_say(f"qz_slope_rule_{activation}"))  # fmt: skip
    return Question("slope-at-zero", _say("qz_slope_ask", act=_say(f"act_{activation}")),
                    tuple(_plain(f"{s:g}") for s in SLOPES), SLOPES.index(slope), why)  # fmt: skip


# ---------------------------------------------------------------- Forward


def above_half(tr: Trace) -> Question | None:
    """How many of the four inputs the untrained net gives ŷ above 0.5 (not asked when one sits at 0.5)."""
    pred = tr.y_pred[:, 0].astype(float)
    if not _finite(pred) or (np.abs(pred - 0.5) < TIE / 2).any():
        return None
    k = int((pred > 0.5).sum())
    preds = ", ".join(f"{r} {num(p, 4)}" for r, p in zip(ROW_LABELS, pred, strict=True))
    return Question("above-half", _say("qz_above_ask"), tuple(_plain(str(i)) for i in range(5)), k,
                    _say("qz_above_why", preds=preds, k=k))  # fmt: skip


def largest_term(tr: Trace) -> Question | None:
    """Which input's loss term -[y log ŷ + (1 - y) log(1 - ŷ)] is the largest (not asked on a tie)."""
    pred = tr.y_pred[:, 0].astype(float)
    terms = bce_terms(pred)
    if not _finite(terms) or (i := _unique_top(list(terms))) is None:
        return None
    others = ", ".join(f"{r} {num(v, 4)}" for j, (r, v) in enumerate(zip(ROW_LABELS, terms, strict=True)) if j != i)
    why = _say("qz_term_why", row=ROW_LABELS[i], pred=num(pred[i], 4), target=int(TARGET[i]), term=num(terms[i], 4),
               others=others)  # fmt: skip
    return Question("largest-term", _say("qz_term_ask"), tuple(_plain(r) for r in ROW_LABELS), i, why)


# ---------------------------------------------------------------- Backprop


def w2_sign(tr: Trace) -> Question | None:
    """The sign of dL/dW2 for the first hidden unit whose gradient is not zero (a dead unit's is)."""
    g = tr.grads.d_W2[0].astype(float)
    live = [j for j in range(len(g)) if abs(g[j]) > ZERO]
    if not _finite(g) or not live:
        return None
    j = live[0]
    dz2, h = tr.grads.d_z2[:, 0], tr.h1[:, j]
    terms = " + ".join(f"({num(a, 4)})·{num(b, 4)}" for a, b in zip(dz2, h, strict=True))
    options = (_say("qz_positive"), _say("qz_negative"))
    why = _say("qz_w2_why", unit=j + 1, terms=terms, value=num(g[j], 6))
    return Question("w2-sign", _say("qz_w2_ask", unit=j + 1), options, int(g[j] < 0), why)


def layers(tr: Trace) -> Question | None:
    """Whether ‖dL/dW1‖ is larger or smaller than ‖dL/dW2‖ (not asked within RATIO_TIE, or both zero)."""
    a, b = float(np.linalg.norm(tr.grads.d_W1)), float(np.linalg.norm(tr.grads.d_W2))
    if not _finite(a, b) or max(a, b) <= ZERO or abs(a - b) < RATIO_TIE * max(a, b):
        return None
    fprime = np.abs(tr.grads.d_z1) / np.maximum(np.abs(tr.grads.d_h1), 1e-30)  # f'(z1) where dL/dh1 is not 0
    slope = float(fprime[np.abs(tr.grads.d_h1) > 0].max(initial=0.0))
    w2 = ", ".join(num(w, 4) for w in tr.W2[0])
    why = _say("qz_layers_why", a=num(a, 6), b=num(b, 6), w2=w2, slope=num(slope, 4))
    return Question("layers", _say("qz_layers_ask"), (_say("qz_larger"), _say("qz_smaller")), int(a < b), why)


TENSORS = ("W1", "b1", "W2", "b2")


def largest_grad(tr: Trace) -> Question | None:
    """Which tensor holds the largest |gradient| entry (not asked when two tensors tie, or all are zero)."""
    g = tr.grads
    flat = np.concatenate([g.d_W1.ravel(), g.d_b1.ravel(), g.d_W2.ravel(), g.d_b2.ravel()]).astype(float)
    names = param_names(tr.W1.shape[0])
    if not _finite(flat) or np.abs(flat).max() <= ZERO:
        return None
    tops = [max((abs(v) for n, v in zip(names, flat, strict=True) if n.startswith(t)), default=0.0) for t in TENSORS]
    i = _unique_top(tops, tie=RATIO_TIE * max(tops))
    if i is None:
        return None
    k = int(np.argmax(np.abs(flat)))
    rest = ", ".join(f"{t} {num(v, 4)}" for j, (t, v) in enumerate(zip(TENSORS, tops, strict=True)) if j != i)
    why = _say("qz_largest_why", name=names[k], value=num(flat[k], 6), rest=rest)
    return Question("largest-grad", _say("qz_largest_ask"), tuple(_plain(t) for t in TENSORS), i, why)


def step_lowers(model: nn.Sequential, eta: float) -> Question | None:
    """Whether one manual step θ ← θ − η·∇L (biases too) lowers the loss (not asked if nothing moves or it diverges)."""
    before, after = loss_of(model), loss_of(manual_step(model, eta))
    if not _finite(before, after) or abs(after - before) < 1e-9:
        return None
    qid = "step-small" if eta == SMALL_ETA else "step-big"
    lower = after < before
    why = _say("qz_step_why_down" if lower else "qz_step_why_up", eta=f"{eta:g}", before=num(before, 4),
               after=num(after, 4))  # fmt: skip
    return Question(qid, _say("qz_step_ask", eta=f"{eta:g}", loss=num(before, 4)), (_say("qz_yes"), _say("qz_no")),
                    int(not lower), why)  # fmt: skip


# ---------------------------------------------------------------- The Loop


def grad_twice(cfg: Config) -> Question | None:
    """What .grad holds after two passes of the loop without zero_grad: the one of TWICE that matches it.

    Run on the page's stepper (the sidebar's model and optimizer, an optimizer step between the passes);
    not asked when no option matches alone (a zero gradient makes two of them equal) or it is not finite.
    """
    s = LoopStepper(cfg, skip_zero_grad=True)
    fresh: list[dict[str, np.ndarray]] = []
    while len(fresh) < 2 and not s.done:
        snap = s.step_once()
        if snap.step == "backward" and snap.fresh is not None:
            fresh.append(snap.fresh)
    if len(fresh) < 2:
        return None
    names = list(snap.grads)
    g = np.concatenate([np.asarray(snap.grads[n]).ravel() for n in names]).astype(float)
    g1, g2 = (np.concatenate([f[n].ravel() for n in names]).astype(float) for f in fresh)
    candidates = {"second": g2, "sum": g1 + g2, "mean": (g1 + g2) / 2, "first": g1}
    if not _finite(g, g1, g2):
        return None
    gaps = [float(np.abs(g - candidates[c]).max()) for c in TWICE]
    best = int(np.argmin(gaps))
    scale = float(np.abs(g).max())
    if gaps[best] > 1e-6 * max(scale, 1.0) or sorted(gaps)[1] < 1e-3 * scale:
        return None
    k = int(np.argmax(np.minimum(np.abs(g1), np.abs(g2))))  # the entry where both passes gave the most
    entry = _entry_names(snap.grads)[k]
    why = _say("qz_twice_why", entry=entry, total=num(g[k], 6), first=num(g1[k], 6), second=num(g2[k], 6),
               both=num(g1[k] + g2[k], 6))  # fmt: skip
    return Question("grad-twice", _say("qz_twice_ask"), tuple(_say(f"qz_twice_{c}") for c in TWICE), best, why)


def _entry_names(grads: dict) -> list[str]:
    """W1[0,0], ..., b2[0]: every entry of the loop's tensors, in their order."""
    return [f"{n}[{','.join(map(str, i))}]" for n, a in grads.items() for i in np.ndindex(*np.shape(a))]


def zero_grad_curve(with_zg: np.ndarray, without: np.ndarray) -> Question | None:
    """Which of the two loops (with / without zero_grad) ends lower after the same epochs (not asked: a tie, a failure)."""
    a, b = float(with_zg[-1]), float(without[-1])
    if not _finite(with_zg, without) or abs(a - b) < TIE:
        return None
    why = _say("qz_curve_why", n=len(with_zg), a=num(a, 4), b=num(b, 4))
    options = (_say("qz_curve_with"), _say("qz_curve_without"))
    return Question("zero-grad-curve", _say("qz_curve_ask", n=len(with_zg)), options, int(b < a), why)


# ---------------------------------------------------------------- Training and Experiments


def learns(cfg: Config, final_pred: np.ndarray, diverged_at: int | None) -> Question:
    """Whether this seed learns XOR in its epochs, from the trained run's final predictions (outcome's rule)."""
    ask = _say("qz_learns_ask", seed=cfg.seed, epochs=f"{cfg.epochs:,}", lr=f"{cfg.lr:g}")
    options = (_say("qz_yes"), _say("qz_no"))
    if diverged_at is not None or not _finite(final_pred):
        return Question("learns", ask, options, 1, _say("qz_learns_why_diverged", epoch=diverged_at or 0))
    ok = correct(final_pred)
    preds = ", ".join(f"{r} {num(p, 3)}" for r, p in zip(ROW_LABELS, final_pred, strict=True))
    why = _say("qz_learns_why", epochs=f"{cfg.epochs:,}", preds=preds, k=int(ok.sum()), tol=f"{TOLERANCE:g}")
    return Question("learns", ask, options, int(not ok.all()), why)


def worst_activation(cells: Sequence[Cell]) -> Question | None:
    """Which activation fails most often among cells of one setting (not asked on a tie, or with one activation)."""
    if len(cells) < 2:
        return None
    fails = [c.n - c.n_success for c in cells]
    i = _unique_top([float(f) for f in fails], tie=0.5)
    if i is None:
        return None
    c0 = cells[0]
    counts = tuple(_say("qz_worst_count", act=_say(f"act_{c.activation}"), fails=f, n=c.n)
                   for c, f in zip(cells, fails, strict=True))  # fmt: skip
    ask = _say("qz_worst_ask", opt=_say(f"opt_{c0.optimizer}"), lr=f"{c0.lr:g}", n=c0.n, epochs=f"{c0.epochs:,}")
    options = tuple(_say(f"act_{c.activation}") for c in cells)
    return Question("worst-activation", ask, options, i, _say("qz_worst_why", counts=counts))
