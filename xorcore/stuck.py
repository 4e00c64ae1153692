"""Why a run did not learn XOR: which case applies to its trained θ (and history), with the numbers.

Cases, checked in this order (the first that fits is the diagnosis):
- "dead_init": ReLU, a hidden unit has z1 <= 0 on all four inputs already at the initial θ: it outputs
  0 and gets no gradient for ever (the Experiments grid's seeds give how often that happens).
- "dead_later": ReLU, a unit alive at the start is dead at the end (it died during training).
- "linear": identity activation: the whole net is one line, whose best loss on XOR is ln 2.
- "slow": a longer run of the same setting learns XOR (measured, never assumed).
- "saddle": all four outputs near 0.5, loss near ln 2; a unit that is affine on the four corners has
  h(0,0) − h(0,1) − h(1,0) + h(1,1) = 0, and with every output at 0.5 that sum is 8·dL/dW2.
- "hinge": one corner right, the other three at one shared value (2/3 or 1/3), loss near 0.4774:
  a ReLU hinge that cuts off one corner, a local minimum.
- "half": two corners right, the other two at 0.5, loss near ln 2 / 2 ≈ 0.347.
- "other": none of these.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .batch import init_params
from .config import EPOCH_RANGE
from .data import ROW_LABELS, TARGET, X_NP
from .dead import dead_mask
from .losses import bce
from .model import act_grad_np, act_np, unflatten
from .outcome import learned as success_of
from .text import t
from .train import History

LONGER = EPOCH_RANGE[1]  # "more epochs": the sidebar's largest epoch count
LN2 = math.log(2)
HINGE_LOSS = (2 * math.log(1.5) + math.log(3)) / 4  # one corner exact, three at 2/3 (or 1/3): 0.4774
HALF_LOSS = LN2 / 2  # two corners exact, two at 0.5
NEAR = 0.05  # "at 0.5" / "one shared value": within this of it
RIGHT = 0.1  # "right": within this of its target
FALLING = 0.01  # "still falling": the loss fell by more than this share over the last tenth of the run
CASES: tuple[str, ...] = ("dead_init", "dead_later", "linear", "slow", "saddle", "hinge", "half", "other")
_X = X_NP.astype(np.float64)  # (4, 2) the XOR inputs
_SIGN = np.array([1.0, -1.0, -1.0, 1.0])  # h(0,0) − h(0,1) − h(1,0) + h(1,1)


@dataclass(frozen=True)
class Diagnosis:
    """One failed run's case and the numbers that show it."""

    case: str
    numbers: dict = field(default_factory=dict)


def forward(params: np.ndarray, activation: str, hidden: int) -> dict[str, np.ndarray]:
    """z1, h1 (..., 4, H) and y_pred (..., 4) of flat θ (..., 4H+1), in float64."""
    p = unflatten(np.asarray(params, np.float64), hidden)
    with np.errstate(all="ignore"):
        z1 = np.einsum("nk,...hk->...nh", _X, p["W1"]) + p["b1"][..., None, :]
        h1 = act_np(activation, z1)
        z2 = np.einsum("...nh,...h->...n", h1, p["W2"][..., 0, :]) + p["b2"]
        return {"z1": z1, "h1": h1, "y_pred": 1 / (1 + np.exp(-z2))}


def gradients(params: np.ndarray, activation: str, hidden: int) -> dict[str, np.ndarray]:
    """dL/dW2 (..., H) and the norm of the whole gradient (...,) of the batch-mean BCE at flat θ."""
    f = forward(params, activation, hidden)
    p = unflatten(np.asarray(params, np.float64), hidden)
    dz2 = (f["y_pred"] - TARGET) / 4  # (..., 4): sigmoid + BCE
    d_w2 = np.einsum("...n,...nh->...h", dz2, f["h1"])
    d_z1 = dz2[..., None] * p["W2"][..., 0, None, :] * act_grad_np(activation, f["z1"], f["h1"])  # (..., 4, H)
    d_w1 = np.einsum("...nh,nk->...hk", d_z1, _X)
    parts = [d_w1.reshape(*d_w1.shape[:-2], -1), d_z1.sum(-2), d_w2, dz2.sum(-1, keepdims=True)]
    return {"d_W2": d_w2, "norm": np.sqrt(sum((a**2).sum(-1) for a in parts))}


def corner_sums(params: np.ndarray, activation: str, hidden: int) -> np.ndarray:
    """(..., H) h(0,0) − h(0,1) − h(1,0) + h(1,1) of every hidden unit (0 for a unit affine on the corners)."""
    return np.einsum("n,...nh->...h", _SIGN, forward(params, activation, hidden)["h1"])


def _pattern(pred: np.ndarray) -> tuple[str, dict] | None:
    """'saddle', 'hinge' or 'half' from the four predictions, with their numbers; None if none fits."""
    p = np.asarray(pred, np.float64)
    err = np.abs(p - TARGET)
    if np.all(np.abs(p - 0.5) < NEAR):
        return "saddle", {}
    for k in range(4):
        rest = [i for i in range(4) if i != k]
        shared, want = p[rest].mean(), TARGET[rest].mean()
        if err[k] < RIGHT and np.ptp(p[rest]) < NEAR and abs(shared - want) < NEAR:
            return "hinge", {"corner": k, "shared": float(shared)}
    right = np.flatnonzero(err < RIGHT)
    if len(right) == 2 and np.all(np.abs(np.delete(p, right) - 0.5) < NEAR):
        return "half", {"right": [int(i) for i in right]}
    return None


def diagnose(activation: str, hidden: int, init: np.ndarray, final: np.ndarray,
             longer_learned_at: int | None = None) -> Diagnosis:  # fmt: skip
    """The case of one failed run from its initial and trained flat θ (longer_learned_at: see 'slow')."""
    final = np.asarray(final, np.float64)
    pred = forward(final, activation, hidden)["y_pred"]
    base = {"pred": [float(v) for v in pred], "loss": float(bce(pred))}
    if activation == "relu":
        dead0, dead1 = dead_mask(init, hidden), dead_mask(final.astype(np.float32), hidden)
        if dead0.any():
            u = int(np.flatnonzero(dead0)[0])
            z1 = forward(init, activation, hidden)["z1"][:, u]
            alive = hidden - int(dead1.sum())
            return Diagnosis("dead_init", {**base, "units": _units(dead0), "unit": u, "alive": alive,
                                           "z1": [float(v) for v in z1]})  # fmt: skip
        if dead1.any():
            return Diagnosis("dead_later", {**base, "units": _units(dead1)})
    if activation == "identity":
        return Diagnosis("linear", base)
    if longer_learned_at is not None:
        return Diagnosis("slow", {**base, "learned_at": int(longer_learned_at)})
    found = _pattern(pred)
    if found is None:
        return Diagnosis("other", base)
    case, extra = found
    g = gradients(final, activation, hidden)
    extra = {**extra, "grad": float(g["norm"])}
    if case == "saddle":
        extra.update(
            sums=[float(v) for v in corner_sums(final, activation, hidden)], d_W2=float(np.abs(g["d_W2"]).max())
        )
    return Diagnosis(case, {**base, **extra})


def _units(mask: np.ndarray) -> list[int]:
    """1-based numbers of the units where mask is True."""
    return [int(i) + 1 for i in np.flatnonzero(mask)]


def diagnose_history(h: History, longer: History | None = None) -> Diagnosis | None:
    """The case of the run on screen, None if it learned XOR; `longer`: the same setting trained longer."""
    if h.diverged_at is not None or h.success():
        return None
    cfg = h.config
    d = diagnose(cfg.activation, cfg.hidden, h.params[0], h.params[-1], learned_at(longer))
    if d.case == "dead_later":
        died = int(np.argmax(dead_mask(h.params, cfg.hidden).any(axis=-1)))
        d = Diagnosis(d.case, {**d.numbers, "epoch": died})
    if d.case in ("slow", "saddle", "hinge", "half", "other"):
        d = Diagnosis(d.case, {**d.numbers, **still_falling(h)})
    return d


def needs_longer(h: History) -> bool:
    """True if the diagnosis of h's failed run depends on a longer run of its setting ('slow' or not).

    The cases checked before 'slow' (a dead unit, a linear net) never do, and the sidebar has no more epochs.
    """
    d = diagnose_history(h)
    return d is not None and CASES.index(d.case) > CASES.index("slow") and h.config.epochs < LONGER


def learned_at(h: History | None) -> int | None:
    """The first epoch whose predictions learn XOR (the trained model counts as the last), None if never."""
    if h is None or h.diverged_at is not None:
        return None
    ok = success_of(np.vstack([h.pred, h.final_pred[None]]))
    return int(np.argmax(ok)) if ok.any() else None


def still_falling(h: History, tail: float = 0.1) -> dict:
    """The loss over the last `tail` of the epochs: where it started, where it ended, the relative drop."""
    n = h.epochs_run
    start = max(n - max(int(n * tail), 1), 0)
    a, b = float(h.loss[start]), float(h.final_loss)
    return {"tail_n": n - start, "tail_start": a, "tail_end": b, "tail_drop": (a - b) / a if a > 0 else 0.0}


def dead_init_share(hidden: int, seeds: int = 1000, first_seed: int = 0) -> tuple[int, int]:
    """(seeds whose initial θ has at least one dead unit, seeds) over seeds first_seed .. first_seed+seeds−1."""
    init = init_params(list(range(first_seed, first_seed + seeds)), hidden)
    return int(dead_mask(init, hidden).any(axis=-1).sum()), seeds


# ---------------------------------------------------------------- sentences


def _f(v: float, d: int = 4) -> str:
    """A number for a sentence: d decimals, or scientific when it is tiny."""
    return f"{v:.1e}" if v != 0 and abs(v) < 10**-d else f"{v:.{d}f}"


def _list(values: list[float], d: int = 3) -> str:
    """[a, b, ...] with d decimals."""
    return "[" + ", ".join(_f(v, d) for v in values) + "]"


def explain(d: Diagnosis, lang: str, longer: int | None = LONGER) -> str:
    """The diagnosis as a paragraph in `lang`; longer: epochs of the longer run (None: not measured)."""
    n = d.numbers
    v: dict[str, object] = {"loss": _f(n["loss"]), "pred": _list(n["pred"]), "longer": f"{longer or LONGER:,}"}
    if d.case == "dead_init":
        alive = n["alive"]
        key = "sk_alive_none" if alive == 0 else "sk_alive_one" if alive == 1 else "sk_alive_many"
        v.update(unit=n["unit"] + 1, z1=_list(n["z1"]), alive_text=t(lang, key, alive=alive))
    elif d.case == "dead_later":
        v.update(units=", ".join(map(str, n["units"])), epoch=n.get("epoch", "?"))
    elif d.case == "slow":
        v.update(learned_at=f"{n['learned_at']:,}", tail=_tail(n, lang), near=NEAR)
    elif d.case == "saddle":
        v.update(near=NEAR, sums=_list(n["sums"], 4), d_w2=_f(n["d_W2"]), grad=_f(n["grad"]))
    elif d.case == "hinge":
        rest = [i for i in range(4) if i != n["corner"]]
        v.update(corner=ROW_LABELS[n["corner"]], p=_f(n["pred"][n["corner"]], 3), shared=_f(n["shared"], 3),
                 targets=", ".join(str(int(TARGET[i])) for i in rest), grad=_f(n["grad"]),
                 **_best_single(n["corner"]))  # fmt: skip
    elif d.case == "half":
        rest = [i for i in range(4) if i not in n["right"]]
        v.update(right=", ".join(ROW_LABELS[i] for i in n["right"]), rest=", ".join(ROW_LABELS[i] for i in rest),
                 targets=", ".join(str(int(TARGET[i])) for i in rest), grad=_f(n["grad"]))  # fmt: skip
    key = f"sk_{d.case}"
    if d.case == "slow" and (_pattern(np.array(n["pred"])) or ("",))[0] == "saddle":
        key = "sk_slow_saddle"  # slow, but sitting on the saddle at the end of this run: say so
    text = t(lang, key, **v)
    if d.case in ("dead_init", "dead_later"):
        found = _pattern(np.array(n["pred"]))
        if found and found[0] in ("hinge", "saddle"):
            extra = found[1]
            then = {"corner": ROW_LABELS[extra["corner"]], "shared": _f(extra["shared"], 3)} if extra else {}
            text += " " + t(lang, f"sk_then_{found[0]}", **then)
    if d.case in ("saddle", "hinge", "half", "other"):
        if "tail_start" in n:
            text += " " + _tail(n, lang)
        text += " " + (t(lang, "sk_longer_no", **v) if longer else t(lang, "sk_longer_max"))
    return text


def _best_single(corner: int) -> dict[str, str]:
    """The best one answer for the other three targets (their mean) and the loss with it and `corner` exact."""
    rest = [i for i in range(4) if i != corner]
    best = float(TARGET[rest].mean())
    pred = TARGET.astype(np.float64).copy()
    pred[rest] = best
    return {"best": _f(best, 3), "best_loss": _f(float(bce(pred)))}


def _tail(n: dict, lang: str) -> str:
    """How the loss moved over the last tenth of the run (from still_falling's numbers)."""
    v = {"tail_n": f"{n['tail_n']:,}", "a": _f(n["tail_start"]), "b": _f(n["tail_end"]),
         "drop": f"{n['tail_drop']:.1%}"}  # fmt: skip
    return t(lang, "sk_falling" if n["tail_drop"] > FALLING else "sk_flat", **v)
