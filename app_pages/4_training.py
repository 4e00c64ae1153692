"""Training Curve: the run's curves, an epoch scrubber with play driving linked views, pinned runs, downloads.

Layout only: every number comes from the cached History (app_pages._shared.history) and every chart
from xorcore (curves, charts, diagram). `render(h)` draws the page for any History, so a test can hand
it a diverged one; run as a page, the script renders the sidebar's run.
"""

from __future__ import annotations

import hashlib
import math
from contextlib import nullcontext
from dataclasses import replace

import altair as alt
import streamlit as st
from streamlit.elements import vega_charts as _vega

from app_pages._shared import history, lang, nav_links, tr
from xorcore import Config, History, curves, stuck
from xorcore.charts import dead_units, decision_boundary, hidden_plane, output_line_sentence
from xorcore.diagram import network
from xorcore.experiments import run_cell
from xorcore.script import script

PAGE = "app_pages/4_training.py"
MAX_PINS = 6
FPS = 5  # frames a second while playing
SPEEDS = {"slow": 200, "normal": 100, "fast": 40}  # frames for a whole replay
K_EPOCH, K_PLAYING, K_RUN, K_PINS, K_SPEED = "tr_epoch", "tr_playing", "tr_run", "tr_pins", "tr_speed"
K_SENT = "tr_sent"  # while playing: the epochs the last few frames put on the scrubber, newest last

PRED_FORMAT = {"format": "%.6f"}
# What st.altair_chart converts a chart with: a lock over Altair's process-wide theme and data
# transformer, and the transformer that ships each DataFrame as Arrow (Streamlit 1.67 internals;
# without them the page falls back to st.altair_chart).
_ALTAIR_LOCK = getattr(_vega, "_altair_globals_lock", None)
_TO_ARROW = getattr(_vega, "_to_arrow_dataset", None)


def render(h: History) -> None:
    """The whole page for one run."""
    st.title(tr("tr_title"))
    last = curves.last_epoch(h)
    st.caption(tr("tr_intro", n=h.epochs_run))
    if h.diverged_at is not None:
        key = "tr_diverged_zero" if h.diverged_at == 0 else "diverged"
        st.error(tr(key, epoch=h.diverged_at), icon=":material/warning:")
    _summary(h, last)
    _diagnosis(h)
    log = st.toggle(tr("tr_log"), key="tr_log", help=tr("tr_log_help"))
    _explorer(h, log)
    _curves(h)
    _pins(h, log)
    _final(h, last)
    _downloads(h)


# ---------------------------------------------------------------- charts as Vega-Lite specs
# Most of a rerun went into Altair: building the charts and validating each one against the
# Vega-Lite schema while converting it. The page converts without the validation (xorcore's tests
# validate every builder), and the whole-run charts, which only change with the run, are
# converted once per run and language and cached.


def _to_spec(chart: alt.TopLevelMixin) -> dict | alt.TopLevelMixin:
    """The Vega-Lite dict st.altair_chart would send for chart (data as Arrow), minus the schema check."""
    if _ALTAIR_LOCK is None or _TO_ARROW is None:
        return chart  # unknown Streamlit internals: _draw hands the chart to st.altair_chart
    datasets: dict = {}
    themes = alt.theme if hasattr(alt, "theme") else alt.themes
    with _ALTAIR_LOCK:  # the same steps under the same lock as st.altair_chart
        alt.data_transformers.register("to_arrow_dataset", _TO_ARROW)
        theme = themes.enable("none") if themes.active == "default" else nullcontext()
        with theme, alt.data_transformers.enable("to_arrow_dataset", datasets=datasets):
            spec = chart.to_dict(validate=False)
    existing = spec.get("datasets")
    spec["datasets"] = {**existing, **datasets} if isinstance(existing, dict) else datasets
    return spec


def _draw(spec: dict | alt.TopLevelMixin) -> None:
    """A chart at the column's width, from its spec (or, as a fallback, the Altair chart)."""
    if isinstance(spec, dict):
        st.vega_lite_chart(spec, width="stretch")
    else:
        st.altair_chart(spec, width="stretch")


def _digest(h: History) -> str:
    """A key for one run's charts: its settings and every number it recorded (render takes any History)."""
    d = hashlib.blake2b(repr((h.config, h.final_loss, h.diverged_at)).encode(), digest_size=16)
    for a in (h.loss, h.accuracy, h.pred, h.grad_norm, h.params, h.final_pred):
        d.update(a.tobytes())
    return d.hexdigest()


@st.cache_data(max_entries=32, show_spinner=False)
def _curve_specs(run: str, lg: str, _h: History) -> list[dict | alt.TopLevelMixin]:
    """Accuracy, gradient norm, predictions and parameters of the run whose digest is `run`.

    Each session gets its own copy (st.cache_data), so nothing one session changes is shared.
    """
    return [
        _to_spec(c)
        for c in (
            curves.accuracy_chart(_h, lg),
            curves.grad_norm_chart(_h, lg, log=True),
            curves.prediction_chart(_h, lg),
            curves.params_chart(_h, lg),
        )
    ]


@st.cache_data(max_entries=32, show_spinner=False)
def _history_csv(run: str, _h: History) -> str:
    """History.table() as CSV for the run whose digest is `run` (writing it took a good part of a rerun)."""
    return _h.table().to_csv(index=False)


# ---------------------------------------------------------------- summary


def _summary(h: History, last: int) -> None:
    """Final loss, accuracy, learned or not, epochs run."""
    cols = st.columns(4)
    loss = h.loss_at(last)
    cols[0].metric(tr("tr_m_final_loss"), f"{loss:.6f}" if math.isfinite(loss) else "—")
    acc = float(curves.accuracy_series(h)[last])
    cols[1].metric(tr("tr_m_accuracy"), f"{acc:.0%}" if math.isfinite(acc) else "—")
    ok = h.diverged_at is None and h.success()
    cols[2].metric(tr("tr_m_success"), tr("tr_success_yes" if ok else "tr_success_no"), help=tr("tr_success_help"))
    cols[3].metric(tr("tr_m_epochs"), f"{h.epochs_run:,}")


@st.cache_data(max_entries=16, show_spinner=False)
def _dead_share(hidden: int) -> tuple[int, int]:
    """How many of seeds 0..999 start with a dead unit at this width (stuck.dead_init_share)."""
    return stuck.dead_init_share(hidden)


def _diagnosis(h: History) -> None:
    """Why the run on screen did not learn XOR, drawn from its own numbers (nothing when it learned)."""
    cfg = h.config
    longer = history(replace(cfg, epochs=stuck.LONGER)) if cfg.epochs < stuck.LONGER else None
    d = stuck.diagnose_history(h, longer)
    if d is None:
        return
    text = stuck.explain(d, lang(), stuck.LONGER if longer is not None else None)
    if d.case == "dead_init":
        k, n = _dead_share(cfg.hidden)
        text += " " + tr("sk_dead_rate", hidden=cfg.hidden, k=k, n=n, first=0, last=n - 1)
    st.subheader(tr("sk_header"))
    st.warning(text, icon=":material/troubleshoot:")


@st.cache_data(max_entries=16, show_spinner=False)
def _seed_failures(activation: str, optimizer: str, lr: float, epochs: int, hidden: int) -> tuple[int, int]:
    """(failed runs, runs) of this setting over seeds 0..99 (the Experiments grid's seeds)."""
    cell = run_cell(activation, optimizer, lr, 100, epochs, hidden)
    return cell.n - cell.n_success, cell.n


# ---------------------------------------------------------------- explorer (scrubber, play, linked views)


def _explorer(h: History, log: bool) -> None:
    """Play / pause and the scrubber with the views of its epoch; nothing here retrains (h is cached).

    Two nested fragments, so that neither a frame nor play / pause reruns the page:
    - the controls fragment holds play / pause and the speed;
    - inside it, the frame fragment holds the scrubber and the views. While playing it is
      declared with run_every (the browser reruns it FPS times a second and each run advances
      the epoch); paused, a twin without a timer takes its place, and Streamlit tells the
      browser to drop the timer of the frame fragment that is no longer drawn.
    """
    st.subheader(tr("tr_explorer"))
    st.caption(tr("tr_explorer_caption"))
    if st.session_state.get(K_RUN) != h.config:  # a new run: start at its trained model, paused
        st.session_state[K_RUN] = h.config
        st.session_state[K_EPOCH] = curves.last_epoch(h)
        st.session_state[K_PLAYING] = False
    st.fragment(_controls)(h, log)


def _toggle_play(last: int) -> None:
    """Play / pause button callback (runs before the rerun, so the button shows the new state)."""
    playing = not st.session_state.get(K_PLAYING, False)
    st.session_state[K_PLAYING] = playing
    st.session_state.pop(K_SENT, None)
    if playing and st.session_state.get(K_EPOCH, last) >= last:
        st.session_state[K_EPOCH] = 0  # at the end: replay from the start


def _controls(h: History, log: bool) -> None:
    """Play / pause and speed, then the frame (playing or still)."""
    last = curves.last_epoch(h)
    playing = bool(st.session_state.get(K_PLAYING))
    if last > 0:
        c_play, c_speed, _ = st.columns([1.5, 3, 3.5], vertical_alignment="bottom")
        c_play.button(
            tr("tr_pause") if playing else tr("tr_play"),
            key="tr_play_btn",
            icon=":material/pause:" if playing else ":material/play_arrow:",
            help=tr("tr_play_help"),
            shortcut="K",
            width="stretch",
            on_click=_toggle_play,
            args=(last,),
        )
        c_speed.segmented_control(
            tr("tr_speed"),
            list(SPEEDS),
            key=K_SPEED,
            default="normal",
            format_func=lambda s: tr(f"tr_speed_{s}"),
            help=tr("tr_speed_help", **{k: round(v / FPS) for k, v in SPEEDS.items()}),
        )
    if playing and last > 0:
        st.fragment(run_every=1 / FPS)(_frame_playing)(h, log)
    else:
        st.fragment(_frame_still)(h, log)


def _frame_playing(h: History, log: bool) -> None:
    """One frame of the replay: advance the epoch, draw it; at the end, stop."""
    _frame(h, log, playing=True)


def _frame_still(h: History, log: bool) -> None:
    """The scrubber's epoch, redrawn when the scrubber moves."""
    _frame(h, log, playing=False)


def _frame(h: History, log: bool, playing: bool) -> None:
    """The scrubber and the views of its epoch (advanced by one step first while playing)."""
    last = curves.last_epoch(h)
    epoch = min(max(int(st.session_state.get(K_EPOCH, last)), 0), last)
    if last > 0:
        if playing:
            sent = st.session_state.get(K_SENT, [])
            if sent and epoch != sent[-1] and epoch in sent:
                # The browser's timer asks for the next frame every 1/FPS s with the scrubber's value
                # as the browser has it; asked before the last frame got there, that is an earlier
                # frame's epoch (a drag would be anywhere else). Go on from the newest frame instead
                # of drawing it again.
                epoch = sent[-1]
            frames = SPEEDS.get(st.session_state.get(K_SPEED) or "normal", SPEEDS["normal"])
            epoch = min(epoch + max(1, math.ceil(last / frames)), last)
            st.session_state[K_SENT] = [*sent[-3:], epoch]
        st.session_state[K_EPOCH] = epoch
        epoch = st.slider(tr("tr_epoch"), 0, last, key=K_EPOCH, help=tr("tr_epoch_help", n=last))
        if playing and epoch >= last:  # the end: stop, and redraw the button as "Play"
            st.session_state[K_PLAYING] = False
            st.rerun(scope="app")
    _epoch_views(h, epoch, log, playing)


def _epoch_views(h: History, epoch: int, log: bool, playing: bool = False) -> None:
    """Everything that shows one epoch; all of it read from History at that epoch."""
    lg, cfg = lang(), h.config
    flat = h.params[epoch]
    status, m1, m2, m3 = st.columns([2.4, 1.9, 1.1, 1.6], vertical_alignment="center")
    if epoch >= h.epochs_run:
        status.markdown(tr("tr_at_trained", epoch=epoch, n=h.epochs_run))
    else:
        status.markdown(tr("tr_at_epoch", epoch=epoch, n=h.epochs_run, next=epoch + 1))
    loss = h.loss_at(epoch)
    m1.metric(tr("tr_at_loss"), f"{loss:.6f}" if math.isfinite(loss) else "—")
    acc = float(curves.accuracy_series(h)[epoch])
    m2.metric(tr("tr_at_acc"), f"{acc:.0%}" if math.isfinite(acc) else "—")
    grad = f"{h.grad_norm[epoch]:.2e}" if epoch < h.epochs_run else tr("tr_at_grad_none")
    m3.metric(tr("tr_at_grad"), grad, help=tr("tr_at_grad_help"))
    left, right = st.columns([3, 2])
    with left:
        # Redrawn every frame while playing: 400 points and no hover layers keep it light
        # (the marker's value stays exact).
        _draw(_to_spec(curves.loss_chart(h, lg, epoch=epoch, log=log, max_points=400, hover=not playing)))
        st.caption(tr("tr_loss_caption", epoch=epoch))
    with right:
        st.markdown(f"**{tr('tr_pred_at', epoch=epoch)}**")
        _pred_table(h, epoch)
    b, p = st.columns(2)
    with b:
        _draw(_to_spec(decision_boundary(flat, cfg.activation, cfg.hidden, lg, resolution=60)))
        st.caption(tr("tr_boundary_caption", epoch=epoch))
    with p:
        _draw(_to_spec(hidden_plane(flat, cfg.activation, cfg.hidden, lg)))
        line = output_line_sentence(flat, cfg.activation, cfg.hidden, lg)
        st.caption(tr("tr_hidden_caption", epoch=epoch) + " " + line)
    st.markdown(f"**{tr('tr_diagram_at', epoch=epoch)}**")
    dead = dead_units(flat, cfg.activation, cfg.hidden)
    # Full width, the lecture's 2-2-1 net reads from the back row; a wider net would grow too tall,
    # so it gets half the width (the diagram keeps its aspect ratio) and its notes go beside it.
    box, notes = (st.container(), st.container()) if cfg.hidden <= 2 else st.columns(2)
    box.graphviz_chart(network(h.params_at(epoch), dead=dead, dead_label=tr("tr_dead")), width="stretch")
    notes.caption(tr("tr_diagram_caption", epoch=epoch))
    if any(dead):
        units = ", ".join(str(i + 1) for i, x in enumerate(dead) if x)
        notes.warning(tr("tr_dead_note", units=units), icon=":material/heart_broken:")


def _pred_table(h: History, epoch: int) -> None:
    """The four predictions at an epoch, exact values from History."""
    df = curves.predictions_table(h, epoch, lang())
    st.dataframe(
        df,
        hide_index=True,
        width="stretch",
        column_config={
            tr("tr_col_pred"): st.column_config.NumberColumn(**PRED_FORMAT),
            tr("tr_col_class"): st.column_config.NumberColumn(format="%d"),
        },
    )


# ---------------------------------------------------------------- curves


def _curves(h: History) -> None:
    """Accuracy and gradient norm, each input's prediction, every parameter (built once per run and language)."""
    acc, grad, pred, params = _curve_specs(_digest(h), lang(), h)
    st.subheader(tr("tr_curves"))
    a, g = st.columns(2)
    with a:
        _draw(acc)
        st.caption(tr("tr_acc_caption"))
    with g:
        _draw(grad)
        st.caption(tr("tr_grad_caption"))
    p, q = st.columns(2)
    with p:
        _draw(pred)
        st.caption(tr("tr_pred_caption"))
    with q:
        _draw(params)
        st.caption(tr("tr_params_caption"))


# ---------------------------------------------------------------- pinned runs


def _pins(h: History, log: bool) -> None:
    """Pin the current run; overlay the pinned loss curves and the current one; unpin."""
    st.subheader(tr("tr_pins"))
    st.caption(tr("tr_pins_caption", max=MAX_PINS))
    pins: list[Config] = list(st.session_state.get(K_PINS, []))
    cur = h.config
    c1, c2, c3 = st.columns([1.3, 1.3, 4], vertical_alignment="center")
    full, pinned = len(pins) >= MAX_PINS, cur in pins
    if c1.button(
        tr("tr_pin"), key="tr_pin_btn", icon=":material/push_pin:", disabled=full or pinned, help=tr("tr_pin_help")
    ):
        pins.append(cur)
        st.session_state[K_PINS] = pins
        st.rerun()
    if c2.button(tr("tr_unpin_all"), key="tr_unpin_all", icon=":material/clear_all:", disabled=not pins):
        st.session_state[K_PINS] = []
        st.rerun()
    if pinned:
        c3.caption(tr("tr_pinned_already"))
    elif full:
        c3.caption(tr("tr_pins_full", max=MAX_PINS))
    if not pins:
        st.info(tr("tr_no_pins"), icon=":material/push_pin:")
        return
    runs = [(c.label(), history(c)) for c in pins]
    current = cur.label() if pinned else tr("tr_current", label=cur.label())
    if not pinned:
        runs.append((current, h))
    _draw(_to_spec(curves.overlay_chart(runs, lang(), log=log, current=current)))
    st.caption(tr("tr_overlay_caption", n=len(runs)))
    for i, (c, (label, ph)) in enumerate(zip(pins, runs, strict=False)):
        row = st.columns([6, 1.2], vertical_alignment="center")
        loss = ph.loss_at(curves.last_epoch(ph))
        ok = ph.diverged_at is None and ph.success()
        verdict = tr("tr_success_yes" if ok else "tr_success_no")
        row[0].markdown(
            tr("tr_pin_row", label=label, loss=f"{loss:.6f}" if math.isfinite(loss) else "—", verdict=verdict)
        )
        if row[1].button(tr("tr_unpin"), key=f"tr_unpin_{i}", icon=":material/close:"):
            st.session_state[K_PINS] = [p for p in pins if p != c]
            st.rerun()


# ---------------------------------------------------------------- final predictions, downloads


def _final(h: History, last: int) -> None:
    """The trained model's predictions, as a table and as the lecture's cell 1 prints them."""
    st.subheader(tr("tr_final"))
    if h.diverged_at is not None:
        st.caption(tr("tr_final_diverged", epoch=last))
    else:
        cfg = h.config
        fails, runs = _seed_failures(cfg.activation, cfg.optimizer, cfg.lr, cfg.epochs, cfg.hidden)
        lecture = ", ".join(f"{v:.3f}" for v in curves.LECTURE_CELL1_PRED)
        st.caption(tr("tr_final_caption", lecture=lecture, seed=cfg.seed, fails=fails, runs=runs, last=runs - 1))
    left, right = st.columns([3, 2])
    with left:
        _pred_table(h, last)
    with right:
        act = {"leaky_relu": "LeakyReLU", "relu": "ReLU", "tanh": "Tanh"}.get(h.config.activation)
        head = tr("tr_printout_head", act=act or h.config.activation.capitalize())
        st.code(f"{head}\n {curves.printout(h.pred_at(last))}", language=None)


def _downloads(h: History) -> None:
    """History as CSV and the standalone PyTorch script of this run."""
    st.subheader(tr("tr_downloads"))
    cfg = h.config
    slug = f"{cfg.activation}_{cfg.optimizer}_lr{cfg.lr:g}_seed{cfg.seed}_h{cfg.hidden}_e{cfg.epochs}"
    code = script(cfg, lang())
    a, b = st.columns(2)
    a.download_button(
        tr("tr_dl_csv"),
        _history_csv(_digest(h), h),
        file_name=f"xor_history_{slug}.csv",
        mime="text/csv",
        icon=":material/table:",
        help=tr("tr_dl_csv_help"),
        key="tr_dl_csv",
    )
    b.download_button(
        tr("tr_dl_script"),
        code,
        file_name=f"xor_{slug}.py",
        mime="text/x-python",
        icon=":material/code:",
        help=tr("tr_dl_script_help"),
        key="tr_dl_script",
    )
    with st.expander(tr("tr_script_show")):
        if h.diverged_at is None:
            st.caption(tr("tr_script_caption", loss=f"{h.final_loss:.6f}"))
        else:
            st.caption(tr("tr_script_caption_div"))
        st.code(code, language="python")


def main() -> None:
    """The page for the sidebar's run."""
    render(history())
    nav_links(PAGE)


if __name__ == "__main__":
    main()
