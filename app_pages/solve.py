"""Solve it yourself: every parameter by hand, judged by the PyTorch model; one line against two lines and an AND."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import streamlit as st

from app_pages import _solve as sv
from app_pages._charts import chart
from app_pages._sections import Section, caption, more, presenting, show
from app_pages._shared import config, history, lang, right_text, tr
from xorcore.data import ROW_LABELS, TASKS, task_target
from xorcore.model import n_params, unflatten
from xorcore.numfmt import TINY, loss_text, num, short32
from xorcore.outcome import correct, n_correct, rule_values
from xorcore.script import script
from xorcore.solve import HAND_LINES, LN2, Judged, Seeds, as_net, hand_solution, judge_net, judge_single, symmetric
from xorcore.views.boundary import decision_boundary
from xorcore.views.curves import loss_chart
from xorcore.views.planes import hidden_plane

cfg, lg = config(), lang()
act_name = tr(f"act_{cfg.activation}")


def name() -> str:
    """The truth table's name as the page writes it (XOR, AND, ...)."""
    return sv.task().upper()


def target() -> tuple[int, ...]:
    """The truth table's four targets."""
    return TASKS[sv.task()]


def intro() -> None:
    """The page's title, what it does, the truth table (reading mode)."""
    st.title(tr("sv_title"))
    st.markdown(tr("sv_intro", hidden=cfg.hidden, act=act_name))
    sv.task_picker()
    y = target()
    st.markdown(tr("sv_truth", task=name(), y0=y[0], y1=y[1], y2=y[2], y3=y[3]))
    st.caption(tr("sv_rule", task=name(), **rule_values()))


def verdict(judged: Judged, key: str) -> None:
    """The success rule's verdict in a container keyed <key>-learned or <key>-not-learned."""
    right = n_correct(judged.pred, task_target(sv.task()))
    with st.container(key=f"{key}-{'learned' if judged.learned else 'not-learned'}"):
        if judged.learned:
            st.success(tr("sv_learned", task=name(), right=right_text(right)), icon=":material/check_circle:")
        else:
            st.warning(tr("sv_not_learned", right=right_text(right)), icon=":material/cancel:")


def predictions(judged: Judged, loss: bool = True) -> None:
    """The four predictions, their loss terms and whether each is right; the loss."""
    right = correct(judged.pred, task_target(sv.task()))
    table = pd.DataFrame({
        tr("sv_col_input"): list(ROW_LABELS), tr("sv_col_target"): list(target()),
        tr("sv_col_pred"): [num(v, 4) for v in judged.pred], tr("sv_col_term"): [num(v, 4) for v in judged.terms],
        tr("sv_col_right"): [tr("sv_yes" if r else "sv_no") for r in right],
    })  # fmt: skip
    st.dataframe(table, hide_index=True, width="stretch")
    if loss:
        st.markdown(tr("sv_loss", loss=loss_text(judged.loss)))
    caption(tr("sv_pred_caption"))


def single() -> None:
    """One unit with no hidden layer: its three parameters, its line, its verdict, and what training it shows."""
    slide = presenting()
    if slide:
        sv.task_picker()
    else:
        st.markdown(tr("sv_single_text"))
    line = HAND_LINES.get(sv.task())
    best = sv.seeds(sv.task())
    sv.buttons([
        ("solve-single-zeros", tr("sv_single_zeros"), lambda: sv.set_single(np.zeros(3))),
        ("solve-single-line", tr("sv_single_line"), None if line is None else lambda: sv.set_single(np.array(line))),
        ("solve-single-best", tr("sv_single_best", seeds=best.seeds), lambda: sv.set_single(best.theta[best.best])),
    ])  # fmt: skip
    left, right = st.columns([1, 1], gap="medium")
    with left:
        sv.single_sliders(typed=not slide)
        theta = sv.single_theta()
        judged = judge_single(theta, sv.task())
        verdict(judged, "solve-single-verdict")
        if slide:
            st.markdown(tr("sv_loss", loss=loss_text(judged.loss)))
            _seeds_claim(best)
        else:
            predictions(judged)
    with right:
        chart(decision_boundary, as_net(theta), "identity", 1, lg, target=target(), colour_legend=not slide)
    if not slide:
        _seeds_claim(best)


def _seeds_claim(best: Seeds) -> None:
    """What training one unit from many seeds finds: a line that solves the table, or 0.5 and ln 2 (and why)."""
    values = {"seeds": best.seeds, "lr": f"{best.lr:g}", "epochs": f"{best.epochs:,}", "n": best.n_learned,
              "task": name(), "loss": num(float(best.loss.min()), 6)}  # fmt: skip
    if best.n_learned:
        st.markdown(tr("sv_seeds_linear", **values))
        return
    dist = float(np.abs(best.pred - 0.5).max())
    st.markdown(tr("sv_seeds_xor", ln2=num(LN2, 6), dist=num(dist, 4), **values))
    if symmetric(sv.task()):
        with more():
            st.markdown(tr("sv_symmetry", task=name()))


def net() -> None:
    """The 2-H-1 net: starting points, every parameter, the boundary, the hidden plane, predictions, verdict."""
    slide = presenting()
    hand = hand_solution(cfg.activation, cfg.hidden)
    sv.buttons([
        ("solve-start-initial", tr("sv_start_initial", seed=cfg.seed), lambda: sv.set_net(sv.initial(cfg))),
        ("solve-start-trained", tr("sv_start_trained", epochs=f"{cfg.epochs:,}"),
         lambda: sv.set_net(history().params[-1])),
        ("solve-start-zeros", tr("sv_start_zeros"), lambda: sv.set_net(np.zeros(n_params(cfg.hidden)))),
        ("solve-start-hand", tr("sv_start_hand"), None if hand is None else lambda: sv.set_net(hand)),
    ])  # fmt: skip
    theta = sv.net_theta()
    sv.to_link(theta)
    judged = judge_net(cfg, theta, sv.task())
    sv.note()
    if slide:
        _net_slide(theta, judged)
        return
    _hand_text(hand)
    sv.net_sliders(cfg.hidden, typed=True)
    left, right = st.columns(2, gap="medium")
    _pictures(theta, left, right)
    verdict(judged, "solve-verdict")
    predictions(judged)


def _net_slide(theta: np.ndarray, judged: Judged) -> None:
    """The net on a slide: the sliders and the verdict on the left, the two planes and the predictions on the right."""
    left, right = st.columns([4, 8], gap="medium")
    with left:
        if cfg.hidden > 2:  # 4·H + 1 sliders do not fit beside the planes: folded, one click away
            with st.expander(tr("sv_params_more", n=n_params(cfg.hidden)), icon=":material/tune:"):
                sv.net_sliders(cfg.hidden, typed=False)
        else:
            sv.net_sliders(cfg.hidden, typed=False)
        verdict(judged, "solve-verdict")
        st.markdown(tr("sv_loss", loss=loss_text(judged.loss)))
    with right:
        a, b = st.columns(2, gap="small")
        _pictures(theta, a, b)
        predictions(judged, loss=False)


def _pictures(theta: np.ndarray, left, right) -> None:
    """The decision boundary (in a container keyed solve-boundary) and the hidden plane with the output's line."""
    slide = presenting()
    with left, st.container(key="solve-boundary"):  # a slide: no legends (its table gives the targets)
        chart(decision_boundary, theta, cfg.activation, cfg.hidden, lg, target=target(), legends=not slide)
    with right:
        chart(hidden_plane, theta, cfg.activation, cfg.hidden, lg, target=target(), brief=slide, legends=not slide)


def _hand_text(hand: np.ndarray | None) -> None:
    """How the hand-made solution works, with its own numbers (reading mode)."""
    if hand is None:
        st.caption(tr("sv_hand_none"))
        return
    h, p = cfg.hidden, unflatten(hand, cfg.hidden)
    saturates = cfg.activation in ("sigmoid", "tanh")
    rest = tr("sv_hand_rest", n=h - 2) if h > 2 else ""
    (a, _), (c, _), (b, d), (w1, w2), b2 = p["W1"][0], p["W1"][1], p["b1"][:2], p["W2"][0, :2], p["b2"][0]
    text = tr("sv_hand_text", a=f"{a:g}", b=f"{b:g}", c=f"{c:g}", d=f"{d:g}", rest=rest, w1=f"{w1:g}", w2=f"{w2:g}",
              b2=f"{b2:g}")  # fmt: skip
    text += tr("sv_hand_and", act=act_name) if saturates else tr("sv_hand_other")
    if not judge_net(cfg, hand, "xor").learned:
        text += " " + tr("sv_hand_verdict_no", act=act_name)
    st.markdown(text)


def train_here() -> None:
    """Train from the hand-set θ with the sidebar's settings; the loss curve, the result, the script."""
    theta = sv.net_theta()
    opt = tr(f"opt_{cfg.optimizer}")
    st.markdown(tr("sv_train_text", opt=opt, lr=f"{cfg.lr:g}", epochs=f"{cfg.epochs:,}", task=name()))
    if st.button(tr("sv_train_button"), key="solve-train", icon=":material/model_training:", type="primary"):
        start = tuple(float(v) for v in theta)
        st.session_state[sv.K_RUN] = (cfg, start, sv.task(), sv.trained_from(cfg, start, sv.task()))
    run = st.session_state.get(sv.K_RUN)
    if run is None or run[0] != cfg:
        return
    _, start, task_name, hist = run
    st.caption(tr("sv_train_from", theta=", ".join(short32(v) for v in start), task=task_name.upper(), opt=opt,
                  lr=f"{cfg.lr:g}", epochs=f"{cfg.epochs:,}"))  # fmt: skip
    if not np.array_equal(np.array(start, dtype=np.float32), theta) or task_name != sv.task():
        st.caption(tr("sv_train_stale"))
    tiny = bool(np.nanmin(hist.loss) < TINY) if hist.epochs_run else False
    chart(loss_chart, hist, lg, log=tiny)  # a loss that falls below TINY reads only on a log axis
    _train_result(hist, start, task_name)


def _train_result(hist, start: tuple[float, ...], task_name: str) -> None:
    """The trained run's verdict, its parameters one click away, its script."""
    right = n_correct(hist.final_pred, task_target(hist.task))
    if hist.diverged_at is not None:
        st.error(tr("sv_train_diverged", epoch=hist.diverged_at), icon=":material/warning:")
    else:
        said = {"loss": loss_text(hist.final_loss), "task": task_name.upper(), "right": right_text(right)}
        (st.success if hist.success() else st.warning)(
            tr(f"sv_train_result_{'ok' if hist.success() else 'no'}", **said)
        )
    a, b = st.columns(2)
    if math.isfinite(hist.final_loss) and a.button(tr("sv_train_use"), key="solve-train-use",
                                                   icon=":material/tune:"):  # fmt: skip
        sv.set_net(hist.params[-1])
        st.session_state[sv.K_TASK] = task_name
        st.rerun()
    code = script(cfg, lg, init=np.array(start, dtype=np.float32), task=task_name)
    b.download_button(tr("sv_download"), code, file_name=f"solve_{task_name}.py", mime="text/x-python",
                      icon=":material/code:", help=tr("sv_download_help"), key="solve-download")  # fmt: skip


show("solve", [
    Section("intro", intro, slide=False),
    Section("one-line", single, tr("sv_single_header"), slide_title=lambda: tr(
        "sv_single_slide_can" if sv.seeds(sv.task()).n_learned else "sv_single_slide", task=name())),
    Section("two-lines", net, tr("sv_net_header", hidden=cfg.hidden), slide_title=lambda: tr(
        "sv_net_slide" if sv.task() == "xor" else "sv_net_slide_other", hidden=cfg.hidden, task=name())),
    Section("train", train_here, tr("sv_train_header"), slide=False),
])  # fmt: skip
