"""The lecture's loop, one step at a time: layout of the stepper (xorcore.loop) and of zero_grad's two curves.

The stepper (a real model and torch.optim optimizer) lives in this browser session's st.session_state only.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import streamlit as st

from app_pages._charts import chart
from app_pages._sections import lead, more
from app_pages._shared import ADAPTIVE, lang, tr
from xorcore import Config
from xorcore.data import ROW_LABELS, TARGET
from xorcore.loop import LOOP_CODE, LOOP_STEPS, LoopStepper, Snapshot, changed, fresh_sum_gap, plain_loop, values_table
from xorcore.numfmt import num
from xorcore.palette import NEG, POS
from xorcore.views.beyond import zero_grad_chart

K_STEPPER = "lp_stepper"
CURVE_EPOCHS = 500  # "a few hundred": long enough for the two loops to part ways
HIGHLIGHT = "#FFF3B0"  # the line that just ran
CHANGED = "background-color: #FFE08A; font-weight: 600"


def stepper(cfg: Config, skip: bool) -> LoopStepper:
    """This session's stepper; a new one when the settings or the switch changed."""
    st_ = st.session_state.get(K_STEPPER)
    if st_ is None or st_.config != cfg or st_.skip_zero_grad != skip:
        st_ = LoopStepper(cfg, skip_zero_grad=skip)
        st.session_state[K_STEPPER] = st_
    return st_


def loop_view(cfg: Config) -> None:
    """Controls, the loop's code with the line that ran, what it changed, and the values after it."""
    with st.container(key="loop-stepper"):
        lead(tr("lp_story"), ":material/school:")
        skip = st.toggle(tr("lp_skip"), key="lp_skip", help=tr("lp_skip_help"))
        s = stepper(cfg, bool(skip))
        c1, c2, c3, c4 = st.columns([1, 1, 1, 2], vertical_alignment="center")
        if c1.button(tr("lp_next_step"), key="lp_next_step", icon=":material/step_over:", disabled=s.done):
            s.step_once()
        if c2.button(tr("lp_next_epoch"), key="lp_next_epoch", icon=":material/fast_forward:", disabled=s.done):
            s.run_epoch()
        if c3.button(tr("lp_restart"), key="lp_restart", icon=":material/restart_alt:"):
            s = LoopStepper(cfg, skip_zero_grad=bool(skip))
            st.session_state[K_STEPPER] = s
        snap = s.history[-1]
        before = s.history[-2] if len(s.history) > 1 else None
        c4.markdown(f"**{_status(s, snap)}**")
        if s.error:
            st.error(tr("lp_error", error=s.error), icon=":material/error:")
        left, right = st.columns([5, 3])
        with left:
            st.markdown(code_html(cfg.epochs, snap.step, s.next_step, bool(skip)), unsafe_allow_html=True)
        with right:
            _what_changed(snap, before, bool(skip), cfg.optimizer)
        summed = skip and snap.step == "backward" and before is not None and snap.fresh is not None
        with more():  # a slide folds the table of every value (nine rows and more), and the sum's table
            _values(snap, before, cfg.optimizer)
            if summed:
                _accumulation_table(snap, before)
        if summed:
            st.markdown(_accumulation_sentence(snap, before))


def _status(s: LoopStepper, snap: Snapshot) -> str:
    """Epoch and step counter, e.g. 'Epoch 1 of 2000 · step 3 of 5 (zero_grad)'."""
    if snap.step is None:
        return tr("lp_status_start", epochs=f"{s.config.epochs:,}")
    k = LOOP_STEPS.index(snap.step) + 1
    # epoch as Training Curve counts it (0 = the untrained model), and which pass of the loop this is
    return tr("lp_status", epoch=snap.epoch, pass_=snap.epoch + 1, epochs=f"{s.config.epochs:,}", k=k,
              n=len(LOOP_STEPS), step=snap.step)  # fmt: skip


def code_html(epochs: int, ran: str | None, upcoming: str, skip: bool) -> str:
    """The loop's code as a block, the line that just ran highlighted, an arrow at the next one."""
    lines = [(None, f"for epoch in range({epochs}):")]
    for k, name in enumerate(LOOP_STEPS, start=1):
        code = LOOP_CODE[name]
        if skip and name == "zero_grad":
            code = "# " + code + "   " + tr("lp_code_skipped")
        lines.append((name, f"    {code}  # {k}. {tr('lp_code_' + name)}"))
    out = []
    for name, text in lines:
        mark = "▶ " if name == upcoming else "  "
        style = f"background:{HIGHLIGHT};font-weight:700;" if name is not None and name == ran else ""
        out.append(f'<div style="{style}white-space:pre">{html.escape(mark + text)}</div>')
    legend = html.escape(tr("lp_code_legend"))
    body = "".join(out)
    return (
        '<div style="font-family:monospace;font-size:15px;line-height:1.6;border:1px solid #ccc;border-radius:6px;'
        f'padding:8px 10px;background:#FAFAFA;color:#111;overflow-x:auto">{body}</div>'
        f'<div style="font-size:15px;color:#444;margin-top:4px">{legend}</div>'
    )


def _what_changed(snap: Snapshot, before: Snapshot | None, skip: bool, optimizer: str) -> None:
    """One sentence per kind of value the step changed, computed by comparing the snapshots."""
    if snap.step is None or before is None:
        st.markdown(tr("lp_nothing_yet"))
        return
    diff = changed(before, snap)
    kinds = [tr("lp_kind_" + k) for k, v in diff.items() if v]
    head = tr("lp_ran", code=LOOP_CODE[snap.step])
    if snap.step == "zero_grad" and skip:
        head = tr("lp_ran_skipped")
    st.markdown(head)
    st.markdown(tr("lp_changed", kinds=", ".join(kinds)) if kinds else tr("lp_changed_none"))
    suffix = {"zero_grad": "_skip" if skip else "", "step": "_" + optimizer}.get(snap.step, "")
    st.markdown(tr("lp_explain_" + snap.step + suffix))
    if snap.loss is not None:
        delta = None if before.loss is None or snap.step != "loss" else f"{snap.loss - before.loss:+.6f}"
        st.metric(tr("lp_loss"), f"{snap.loss:.6f}", delta=delta, delta_color="inverse")


def _values(snap: Snapshot, before: Snapshot | None, optimizer: str) -> None:
    """Predictions, and every parameter with its .grad and optimizer state; the cells the step changed marked."""
    p_col, v_col = st.columns([2, 5])
    with p_col:
        st.markdown(f"**{tr('lp_preds')}**")
        pred = ["None"] * 4 if snap.pred is None else [num(v, 6) for v in snap.pred]
        table = pd.DataFrame(
            {tr("row_input"): list(ROW_LABELS), tr("row_target"): TARGET.astype(int), "prediction": pred}
        )
        old = None if before is None or before.pred is None else [num(v, 6) for v in before.pred]
        marks = [before is not None and (old is None or old[i] != pred[i]) and snap.pred is not None for i in range(4)]
        p_style = table.style.apply(lambda c: [CHANGED if m and c.name == "prediction" else "" for m in marks])
        st.dataframe(p_style, hide_index=True)
    with v_col:
        st.markdown(f"**{tr('lp_values')}**")
        values, mask = values_table(snap, before)
        style = values.style.apply(lambda _: mask.replace({True: CHANGED, False: ""}), axis=None)
        st.dataframe(style)
        st.caption(tr("lp_values_caption_" + optimizer))


def _accumulation_table(snap: Snapshot, before: Snapshot) -> None:
    """Without zero_grad: .grad after this backward = .grad before + this pass's own gradient, entry by entry."""
    rows = []
    for name, g in snap.grads.items():
        prev = before.grads[name]
        for idx in np.ndindex(*g.shape):
            entry = f"{name}[{','.join(map(str, idx))}]"
            rows.append({"": entry, tr("lp_acc_before"): "None" if prev is None else num(prev[idx], 6),
                         tr("lp_acc_fresh"): num(snap.fresh[name][idx], 6), tr("lp_acc_after"): num(g[idx], 6)})  # fmt: skip
    st.markdown(f"**{tr('lp_acc_title')}**")
    st.dataframe(pd.DataFrame(rows).set_index(""))


def _accumulation_sentence(snap: Snapshot, before: Snapshot) -> str:
    """Whether this .grad is the first one or the sum of the one before and this pass's, and how exactly."""
    first = all(g is None for g in before.grads.values())
    return tr("lp_acc_first" if first else "lp_acc_sum", gap=f"{fresh_sum_gap(before, snap):.1e}")


@st.cache_data(max_entries=64, show_spinner=False)
def curves(cfg: Config, epochs: int) -> tuple[np.ndarray, np.ndarray]:
    """Loss per epoch of the lecture's loop with and without zero_grad (two real PyTorch runs)."""
    return plain_loop(cfg, epochs, zero_grad=True), plain_loop(cfg, epochs, zero_grad=False)


def curves_view(cfg: Config) -> None:
    """The training curve with and without zero_grad, side by side on one y scale, and what they show."""
    n = min(CURVE_EPOCHS, cfg.epochs)
    with_zg, without = curves(cfg, n)
    st.markdown(tr("lp_curves_intro", n=n))
    both = np.concatenate([with_zg, without])
    both = both[np.isfinite(both)]
    top = float(both.max()) * 1.05 if both.size else 1.0
    domain = [0.0, max(top, 1e-6)]
    left, right = st.columns(2)
    for col, losses, key, color in ((left, with_zg, "lp_curve_with", POS), (right, without, "lp_curve_without", NEG)):
        chart(zero_grad_chart, losses, lang(), tr(key), domain, color, height=None, box=col)
    st.markdown(_curves_sentence(with_zg, without, cfg.optimizer))


def _curves_sentence(with_zg: np.ndarray, without: np.ndarray, optimizer: str) -> str:
    """The two runs' last losses, which is lower, and where the no-zero_grad run stopped (if it did)."""
    n = len(with_zg)
    parts = []
    for losses, key in ((with_zg, "lp_curve_with"), (without, "lp_curve_without")):
        ok = np.isfinite(losses)
        if ok.all():
            parts.append(tr("lp_final", run=tr(key), n=n, last=n - 1, loss=num(float(losses[-1]), 4)))
        else:
            stop = int(np.argmin(ok))
            parts.append(tr("lp_stopped", run=tr(key), epoch=stop))
    a, b = with_zg[-1], without[-1]
    if np.isfinite(a) and np.isfinite(b) and a != b:
        if a < b:
            parts.append(tr("lp_lower_with"))
        elif optimizer in ADAPTIVE:  # a step divided by the gradient's recent size: a summed .grad is no huge step
            parts.append(tr("lp_lower_without_adaptive", opt=tr(f"opt_{optimizer}"), n=n, start=num(float(with_zg[0]), 4),
                            a=num(float(a), 4), b=num(float(b), 4)))  # fmt: skip
        else:
            parts.append(tr("lp_lower_without"))
    parts.append(tr("lp_curves_why"))
    return " ".join(parts)
