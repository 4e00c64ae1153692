"""Why a run did not learn XOR: which case applies to its trained θ and its trend, with the numbers.

Cases, checked in this order (the first that fits is the diagnosis); the trend tests are trend.py's rule:
- "dead_init": ReLU, fewer than two units alive at the end (the live ones left cannot solve XOR), at least
  one of them dead already at the initial θ (z1 <= 0 on all four inputs: it outputs 0 and gets no gradient).
- "dead_later": ReLU, fewer than two units alive at the end, none dead at the start (they died in training).
  With two or more alive the dead units do not explain the failure: the later cases decide, and the
  sentence states the units' three counts (dead from the start, died during training, alive).
- "one_unit": one hidden unit: every activation here is monotone, so the boundary is one line (best loss 0.4774).
- "linear": identity activation: the whole net is one line, whose best loss on XOR is ln 2.
- "unmoved": the run barely moved from its start (trend.barely_moved).
- "slow": the loss is still falling at the end (trend.falling), or a longer run of the setting learns XOR.
- "saddle": all four outputs near 0.5 and the gradient vanished while moving (trend.vanished); a unit that is
  affine on the four corners has h(0,0) − h(0,1) − h(1,0) + h(1,1) = 0, and with every output at 0.5 that
  sum is 8·dL/dW2.
- "hinge": one corner right, the other three at one shared value (2/3 or 1/3), loss near 0.4774:
  a ReLU hinge that cuts off one corner, a local minimum.
- "half": two corners right, the other two at 0.5, loss near ln 2 / 2 ≈ 0.347.
- "other": none of these (numbers["near"]: the outputs are near 0.5 but the gradient did not vanish).
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
from .trend import MOVED, PACE, SAME_GRAD, TAIL, VANISHED, Trend, barely_moved, falling, tail_start, vanished

LONGER = EPOCH_RANGE[1]  # "more epochs": the sidebar's largest epoch count
LN2 = math.log(2)
HINGE_LOSS = (2 * math.log(1.5) + math.log(3)) / 4  # one corner exact, three at 2/3 (or 1/3): 0.4774
HALF_LOSS = LN2 / 2  # two corners exact, two at 0.5
NEAR = 0.05  # "at 0.5" / "one shared value": within this of it
RIGHT = 0.1  # "right": within this of its target
CASES: tuple[str, ...] = (
    "one_unit", "dead_init", "dead_later", "linear", "unmoved", "slow", "saddle", "hinge", "half", "other"
)  # fmt: skip
CANNOT = ("one_unit", "linear")  # cases no seed, optimizer or number of epochs can leave
# One unit's best: its prediction is monotone along one ordering of the corners, and the best such fit answers 0 for
# one corner and 2/3, the mean of the other three targets (1, 1, 0), for the rest: loss (2 ln 1.5 + ln 3) / 4.
ONE_UNIT_BEST = (2 * math.log(1.5) + math.log(3)) / 4
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


def measure(activation: str, hidden: int, init: np.ndarray, tail: np.ndarray, final: np.ndarray,
            epochs: int) -> Trend:  # fmt: skip
    """trend.py's inputs for one run from its flat θ at the start, at its tail's first epoch and at the end."""
    loss = [float(bce(forward(p, activation, hidden)["y_pred"])) for p in (init, tail, final)]
    grad = [float(gradients(p, activation, hidden)["norm"]) for p in (init, final)]
    return Trend(epochs, loss[0], loss[1], loss[2], grad[0], grad[1])


def unit_states(init: np.ndarray, final: np.ndarray, hidden: int) -> dict:
    """ReLU units, 1-based: dead from the start, died during training, and how many are alive at the end."""
    dead0, dead1 = dead_mask(init, hidden), dead_mask(np.asarray(final, np.float32), hidden)
    return {"dead0": _units(dead0), "died": _units(dead1 & ~dead0), "alive": hidden - int(dead1.sum()),
            "hidden": hidden}  # fmt: skip


def diagnose(activation: str, hidden: int, init: np.ndarray, final: np.ndarray, tr: Trend,
             longer_learned_at: int | None = None) -> Diagnosis:  # fmt: skip
    """The case of one failed run from its initial and trained flat θ and its trend (longer_learned_at: 'slow')."""
    final = np.asarray(final, np.float64)
    pred = forward(final, activation, hidden)["y_pred"]
    base = {"pred": [float(v) for v in pred], "loss": float(bce(pred)), "trend": tr, "learned_at": longer_learned_at}
    if hidden == 1 and activation != "identity":  # the prediction is monotone in one weighted sum: one line
        return Diagnosis("one_unit", {**base, "best": ONE_UNIT_BEST})
    if activation == "relu":
        units = unit_states(init, final, hidden)
        if units["alive"] < 2 and (units["dead0"] or units["died"]):
            return _dead(init, hidden, units, base)
        if units["dead0"] or units["died"]:
            base["units"] = units  # dead units that do not explain the failure: stated, not blamed
    if activation == "identity":
        return Diagnosis("linear", base)
    if barely_moved(tr):
        return Diagnosis("unmoved", base)
    if longer_learned_at is not None or falling(tr):
        return Diagnosis("slow", base)
    found = _pattern(pred)
    near = found is not None and found[0] == "saddle"
    if found is None or (near and not vanished(tr)):
        return Diagnosis("other", {**base, "near": near})
    case, extra = found
    g = gradients(final, activation, hidden)
    extra = {**extra, "grad": float(g["norm"])}
    if case == "saddle":
        extra.update(
            sums=[float(v) for v in corner_sums(final, activation, hidden)], d_W2=float(np.abs(g["d_W2"]).max())
        )
    return Diagnosis(case, {**base, **extra})


def _dead(init: np.ndarray, hidden: int, units: dict, base: dict) -> Diagnosis:
    """'dead_init' (a unit dead from the start, with its z1) or 'dead_later': fewer than two units left alive."""
    if not units["dead0"]:
        return Diagnosis("dead_later", {**base, "units": units})
    u = units["dead0"][0] - 1
    z1 = forward(init, "relu", hidden)["z1"][:, u]
    return Diagnosis("dead_init", {**base, "units": units, "unit": u, "z1": [float(v) for v in z1]})


def _units(mask: np.ndarray) -> list[int]:
    """1-based numbers of the units where mask is True."""
    return [int(i) + 1 for i in np.flatnonzero(mask)]


def history_trend(h: History) -> Trend:
    """trend.py's inputs for the run of a History (its θ at epoch 0, at its tail's first epoch, trained)."""
    cfg, n = h.config, h.epochs_run
    return measure(cfg.activation, cfg.hidden, h.params[0], h.params[tail_start(n)], h.params[-1], n)


def diagnose_history(h: History, longer: History | None = None) -> Diagnosis | None:
    """The case of the run on screen, None if it learned XOR; `longer`: the same setting trained longer."""
    if h.diverged_at is not None or h.success():
        return None
    cfg = h.config
    d = diagnose(cfg.activation, cfg.hidden, h.params[0], h.params[-1], history_trend(h), learned_at(longer))
    units = d.numbers.get("units")
    if units and units["died"]:
        died = dead_mask(h.params, cfg.hidden)[:, [u - 1 for u in units["died"]]].any(axis=-1)
        d = Diagnosis(d.case, {**d.numbers, "epoch": int(np.argmax(died))})
    if longer is not None and longer.diverged_at is None and learned_at(longer) is None:
        d = Diagnosis(d.case, {**d.numbers, "longer_trend": history_trend(longer)})
    return d


def needs_longer(h: History) -> bool:
    """True if the diagnosis of h's failed run is told by a longer run of its setting (not for a dead unit that
    explains it or a linear net), and the sidebar has more epochs."""
    d = diagnose_history(h)
    return d is not None and CASES.index(d.case) > CASES.index("linear") and h.config.epochs < LONGER


def learned_at(h: History | None) -> int | None:
    """The first epoch whose predictions learn XOR (the trained model counts as the last), None if never."""
    if h is None or h.diverged_at is not None:
        return None
    ok = success_of(np.vstack([h.pred, h.final_pred[None]]))
    return int(np.argmax(ok)) if ok.any() else None


def rule_values() -> dict[str, str]:
    """The thresholds of the trend rule and of 'near 0.5', formatted for the sentences that state them."""
    return {"tail_share": f"{TAIL:.0%}", "pace": f"{PACE:.0%}", "moved_max": f"{MOVED:.0%}", "same": f"{SAME_GRAD:g}",
            "vanished": f"{VANISHED:.0%}", "near": f"{NEAR:g}"}  # fmt: skip


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
    text = t(lang, _key(d), **_values(d, lang, longer))
    if d.case in ("dead_init", "dead_later"):
        return text + _then(n, lang)
    if d.case in ("unmoved", "saddle", "hinge", "half", "other"):
        text += " " + _tail(n["trend"], lang)
    if "units" in n:
        text += " " + _units_text(n, lang) + " " + t(lang, "sk_units_not_why", alive=n["units"]["alive"])
    return text + _longer_text(d, lang, longer)


def _key(d: Diagnosis) -> str:
    """The text key of a diagnosis's first sentences."""
    n = d.numbers
    if d.case == "slow" and n.get("learned_at") is None:
        return "sk_slow_trend"  # still falling by the trend rule; no longer run says when it learns
    if d.case == "slow" and (_pattern(np.array(n["pred"])) or ("",))[0] == "saddle":
        return "sk_slow_saddle"  # slow, but sitting on the saddle at the end of this run: say so
    if d.case == "other" and n.get("near"):
        return "sk_other_near"
    if d.case == "one_unit":
        return "sk_one_unit_case"
    return f"sk_{d.case}"


def _values(d: Diagnosis, lang: str, longer: int | None) -> dict[str, object]:
    """The numbers a diagnosis's sentence names, formatted."""
    n, tr = d.numbers, d.numbers["trend"]
    v: dict[str, object] = {"loss": _f(n["loss"]), "pred": _list(n["pred"]), "longer": f"{longer or LONGER:,}",
                            "epochs": f"{tr.epochs:,}", "l0": _f(tr.loss0), "g0": _f(tr.grad0),
                            "g_end": _f(tr.grad_end), "moved": f"{abs(tr.loss0 - tr.loss_end) / tr.loss0:.2%}",
                            **rule_values(), "tail": _tail(tr, lang), "best": _f(ONE_UNIT_BEST)}  # fmt: skip
    if d.case in ("dead_init", "dead_later"):
        u = n["units"]
        v.update(units=", ".join(map(str, u["died"])), epoch=n.get("epoch", "?"), units_text=_units_text(n, lang),
                 alive_text=t(lang, "sk_alive_none" if u["alive"] == 0 else "sk_alive_one"))  # fmt: skip
        if d.case == "dead_init":
            v.update(unit=n["unit"] + 1, z1=_list(n["z1"]))
    elif d.case == "slow" and n.get("learned_at") is not None:
        v.update(learned_at=f"{n['learned_at']:,}")
    elif d.case == "saddle":
        v.update(sums=_list(n["sums"], 4), d_w2=_f(n["d_W2"]), grad=_f(n["grad"]))
    elif d.case == "hinge":
        rest = [i for i in range(4) if i != n["corner"]]
        v.update(corner=ROW_LABELS[n["corner"]], p=_f(n["pred"][n["corner"]], 3), shared=_f(n["shared"], 3),
                 targets=", ".join(str(int(TARGET[i])) for i in rest), grad=_f(n["grad"]),
                 **_best_single(n["corner"]))  # fmt: skip
    elif d.case == "half":
        rest = [i for i in range(4) if i not in n["right"]]
        v.update(right=", ".join(ROW_LABELS[i] for i in n["right"]), rest=", ".join(ROW_LABELS[i] for i in rest),
                 targets=", ".join(str(int(TARGET[i])) for i in rest), grad=_f(n["grad"]))  # fmt: skip
    return v


def _best_single(corner: int) -> dict[str, str]:
    """The best one answer for the other three targets (their mean) and the loss with it and `corner` exact."""
    rest = [i for i in range(4) if i != corner]
    best = float(TARGET[rest].mean())
    pred = TARGET.astype(np.float64).copy()
    pred[rest] = best
    return {"best": _f(best, 3), "best_loss": _f(float(bce(pred)))}


def _units_text(n: dict, lang: str) -> str:
    """The units' three counts: dead from the start, died during training (from which epoch), alive at the end."""
    u = n["units"]

    def which(units: list[int]) -> str:
        return t(lang, "sk_unit_list", units=", ".join(map(str, units))) if units else ""

    died = which(u["died"])
    if u["died"] and "epoch" in n:
        died = t(lang, "sk_unit_list_from", units=", ".join(map(str, u["died"])), epoch=f"{n['epoch']:,}")
    return t(lang, "sk_units", hidden=u["hidden"], dead0=len(u["dead0"]), list0=which(u["dead0"]),
             died=len(u["died"]), list1=died, alive=u["alive"])  # fmt: skip


def _then(n: dict, lang: str) -> str:
    """What the live units left make of the four inputs, when it is the hinge or the saddle ('' otherwise)."""
    found = _pattern(np.array(n["pred"]))
    if not found or found[0] not in ("hinge", "saddle"):
        return ""
    extra = found[1]
    then = {"corner": ROW_LABELS[extra["corner"]], "shared": _f(extra["shared"], 3)} if extra else {}
    return " " + t(lang, f"sk_then_{found[0]}", **then)


def _longer_text(d: Diagnosis, lang: str, longer: int | None) -> str:
    """What the longer run of the setting showed ('' where the case already says it or it was not needed)."""
    n = d.numbers
    if d.case in CANNOT or (d.case == "slow" and n.get("learned_at") is not None):
        return ""
    v = {"longer": f"{longer or LONGER:,}"}
    if n.get("learned_at") is not None:
        return " " + t(lang, "sk_longer_learns", learned_at=f"{n['learned_at']:,}", **v)
    if "longer_trend" in n:
        lt = n["longer_trend"]
        key = "sk_longer_falling" if falling(lt) else "sk_longer_flat"
        return " " + t(lang, key, tail_n=f"{lt.tail_n:,}", a=_f(lt.loss_tail), b=_f(lt.loss_end), **v)
    if longer is None and d.case != "slow":
        return " " + t(lang, "sk_longer_max")
    return ""


def _tail(tr: Trend, lang: str) -> str:
    """How the loss moved over the run's tail, and whether that counts as still falling (trend.falling)."""
    v = {"tail_n": f"{tr.tail_n:,}", "a": _f(tr.loss_tail), "b": _f(tr.loss_end), "pace": f"{PACE:.0%}"}
    return t(lang, "sk_falling" if falling(tr) else "sk_flat", **v)
