"""The Training page's explorer: play / pause, the epoch scrubber and the views of its epoch.

Nothing here retrains: every number is read from the run's cached History at the epoch on screen.
"""

from __future__ import annotations

import math
import time

import streamlit as st

from app_pages._replay import draw_frame, frame_views
from app_pages._sections import caption, presenting
from app_pages._shared import lang, tr
from xorcore import History, series
from xorcore.dead import dead_units
from xorcore.views.diagram import network

FPS = 5  # frames a second while playing
SPEEDS = {"slow": 200, "normal": 100, "fast": 40}  # frames for a whole replay
K_EPOCH, K_PLAYING, K_RUN, K_SPEED = "train_epoch", "train_playing", "train_run", "train_speed"
# The epoch on screen, in plain session state: the scrubber (K_EPOCH, a widget) is not drawn while playing, and
# Streamlit drops a widget's value once a run has not drawn it (a replay then stopped after a frame or two).
K_AT = "train_at"
K_CLOCK = "train_clock"  # while playing: (clock(), epoch) where the replay's clock started
clock = time.monotonic  # the replay's clock (a test sets its own)
PRED_FORMAT = {"format": "%.6f"}


def pred_table(hist: History, epoch: int) -> None:
    """The four predictions at an epoch, exact values from History."""
    df = series.predictions_table(hist, epoch, lang())
    st.dataframe(
        df,
        hide_index=True,
        width="stretch",
        column_config={
            tr("train_col_pred"): st.column_config.NumberColumn(**PRED_FORMAT),
            tr("train_col_class"): st.column_config.NumberColumn(format="%d"),
        },
    )


def explorer(hist: History, log: bool) -> None:
    """Play / pause and the scrubber with the views of its epoch; nothing here retrains (hist is cached).

    Two nested fragments, so that neither a frame nor play / pause reruns the page:
    - the controls fragment holds play / pause and the speed;
    - inside it, the frame fragment holds the scrubber and the views. While playing it is
      declared with run_every (the browser reruns it FPS times a second and each run advances
      the epoch) and a progress bar stands in for the scrubber; paused, a twin without a timer
      takes its place, and Streamlit tells the browser to drop the timer of the frame fragment
      that is no longer drawn.
    """
    caption(tr("train_explorer_caption"))
    if st.session_state.get(K_RUN) != hist.config:  # a new run: start at its trained model, paused
        st.session_state[K_RUN] = hist.config
        st.session_state[K_AT] = series.last_epoch(hist)
        st.session_state[K_PLAYING] = False
    with st.container(key="tr-explorer"):  # tests find the explorer by this key
        st.fragment(_controls)(hist, log)


def frame_step(last: int, frames: int) -> int:
    """Epochs one frame of a replay advances: `frames` frames cover epochs 0..last (at least one epoch each)."""
    return max(1, math.ceil(last / frames))


def frame_count(last: int, frames: int) -> int:
    """How many frames a replay from epoch 0 to `last` draws at that speed (fewer when the run is short)."""
    return math.ceil(last / frame_step(last, frames))


def _toggle_play() -> None:
    """Play / pause button callback (runs before the rerun, so the button shows the new state)."""
    playing = not st.session_state.get(K_PLAYING, False)
    st.session_state[K_PLAYING] = playing
    st.session_state.pop(K_CLOCK, None)  # the next frame starts the replay's clock (_next_frame)


def _controls(hist: History, log: bool) -> None:
    """Play / pause and speed, then the frame (playing or still)."""
    last = series.last_epoch(hist)
    playing = bool(st.session_state.get(K_PLAYING))
    if last > 0:
        shown = {k: frame_count(last, v) for k, v in SPEEDS.items()}  # frames of a replay of this run
        c_play, c_speed, _ = st.columns([1.5, 3, 3.5], vertical_alignment="bottom")
        c_play.button(
            tr("train_pause") if playing else tr("train_play"),
            key="train_play_btn",
            icon=":material/pause:" if playing else ":material/play_arrow:",
            help=tr("train_play_help"),
            shortcut="K",
            width="stretch",
            on_click=_toggle_play,
        )
        c_speed.segmented_control(
            tr("train_speed"),
            list(SPEEDS),
            key=K_SPEED,
            default="normal",
            format_func=lambda s: tr(f"train_speed_{s}"),
            help=tr(
                "train_speed_help",
                fps=FPS,
                **shown,
                **{f"{k}_s": round(n / FPS) for k, n in shown.items()},
            ),
        )
    if playing and last > 0:
        st.fragment(run_every=1 / FPS)(_frame_playing)(hist, log)
    else:
        st.fragment(_frame_still)(hist, log)


def _frame_playing(hist: History, log: bool) -> None:
    """One frame of the replay: advance the epoch, draw it; at the end, stop."""
    _frame(hist, log, playing=True)


def _frame_still(hist: History, log: bool) -> None:
    """The scrubber's epoch, redrawn when the scrubber moves."""
    _frame(hist, log, playing=False)


def _frame(hist: History, log: bool, playing: bool) -> None:
    """The scrubber (a progress bar while playing) and the views of its epoch (advanced one step while playing)."""
    last = series.last_epoch(hist)
    epoch = min(max(int(st.session_state.get(K_AT, last)), 0), last)
    if last > 0 and playing:
        epoch, over = _next_frame(epoch, last)
        st.session_state[K_AT] = epoch  # the scrubber shows it again on pause
        # While playing, the only text naming the epoch is this bar's status line: a slider's number is drawn by
        # the browser at once while the views below it arrive later, so a sample mid-frame showed two epochs.
        st.progress(epoch / last, text=status_line(hist, epoch))
        if over:  # the end: stop, and redraw the button as "Play" with the last epoch's views
            st.session_state[K_PLAYING] = False
            st.rerun(scope="app")
    elif last > 0:
        st.session_state[K_EPOCH] = epoch
        epoch = st.slider(
            tr("train_epoch"), 0, last, key=K_EPOCH, help=tr("train_epoch_help", n=last), on_change=_scrubbed
        )
    _epoch_views(hist, epoch, log, playing)


def _scrubbed() -> None:
    """The scrubber moved: that epoch is now the one on screen."""
    st.session_state[K_AT] = st.session_state[K_EPOCH]


def _next_frame(epoch: int, last: int) -> tuple[int, bool]:
    """(the epoch of the replay's next frame, whether it is the last): the one due now by the replay's clock."""
    started = st.session_state.get(K_CLOCK)
    if started is None:
        # Play was pressed: first the epoch on screen once more, now on the bar, so that the paused status line
        # still on screen while the frame arrives names the same epoch. The clock starts there (at the end: at 0).
        st.session_state[K_CLOCK] = (clock(), 0 if epoch >= last else epoch)
        return epoch, False
    step = frame_step(last, SPEEDS.get(st.session_state.get(K_SPEED) or "normal", SPEEDS["normal"]))
    # The replay keeps time: the frame due now (FPS frames a second from where the clock started), so a frame
    # that comes late skips epochs instead of stretching the replay; never the same again.
    due = started[1] + (int((clock() - started[0]) * FPS) + 1) * step
    after = (epoch if epoch < last else started[1]) + step  # a replay from the end goes on from its start
    nxt = min(max(due, after), last)
    return nxt, nxt >= last


def status_line(hist: History, epoch: int) -> str:
    """Which model the epoch shows: "Epoch e of n: ..." (the trained model at the end)."""
    if epoch >= hist.epochs_run:
        return tr("train_at_trained", epoch=epoch, n=hist.epochs_run)
    return tr("train_at_epoch", epoch=epoch, n=hist.epochs_run, next=epoch + 1)


def _epoch_views(hist: History, epoch: int, log: bool, playing: bool = False) -> None:
    """Everything that shows one epoch; all of it read from History at that epoch."""
    lg = lang()
    loss = hist.loss_at(epoch)
    acc = float(series.accuracy_series(hist)[epoch])
    at = "" if playing else status_line(hist, epoch)  # while playing it is on the progress bar above
    loss_text, acc_text = f"{loss:.6f}" if math.isfinite(loss) else "—", f"{acc:.0%}" if math.isfinite(acc) else "—"
    slide = presenting()
    if slide:  # one line instead of a row of metrics
        values = f"{tr('train_at_loss')} **{loss_text}** · {tr('train_at_acc')} **{acc_text}**"
        st.markdown(f"**{at}** {values}" if at else values)
    else:
        status, m1, m2, m3 = st.columns([2.4, 1.9, 1.1, 1.6], vertical_alignment="center")
        status.markdown(at)
        m1.metric(tr("train_at_loss"), loss_text)
        m2.metric(tr("train_at_acc"), acc_text)
        grad = f"{hist.grad_norm[epoch]:.2e}" if epoch < hist.epochs_run else tr("train_at_grad_none")
        m3.metric(tr("train_at_grad"), grad, help=tr("train_at_grad_help"))
    if slide:  # one slide: the loss, the boundary and the hidden plane side by side
        loss_box, boundary_box, plane_box = st.columns(3)
    else:
        left, right = st.columns([3, 2])
        loss_box, table_box = left.container(), right.container()
        boundary_box, plane_box = st.columns(2)
    # Redrawn every frame while playing: 400 points and no hover layers keep it light (the marker's value
    # stays exact); built once per epoch for every session (_replay.frame_views).
    (loss_spec, boundary_spec, plane_spec), line_b, line_out = frame_views(hist, epoch, lg, log, slide, playing)
    with loss_box, st.container(key="training-loss"):
        draw_frame(loss_spec)
        caption(tr("train_loss_caption_playing" if playing else "train_loss_caption"))  # a playing chart has no hover
    if not slide:
        with table_box:
            st.markdown(f"**{tr('train_pred_at')}**")
            pred_table(hist, epoch)
    with boundary_box, st.container(key="training-boundary"):
        draw_frame(boundary_spec)
        caption(tr("train_boundary_caption_playing" if playing else "train_boundary_caption", line=line_b))
    with plane_box:
        draw_frame(plane_spec)
        caption(tr("train_hidden_caption") + " " + line_out)
    if not slide:  # the slide has no room for the network diagram (the Model page shows it)
        _diagram(hist, epoch)


def _diagram(hist: History, epoch: int) -> None:
    """The network at an epoch, with its dead units named."""
    cfg, flat = hist.config, hist.params[epoch]
    st.markdown(f"**{tr('train_diagram_at')}**")
    dead = dead_units(flat, cfg.activation, cfg.hidden)
    # Full width for every width of net (like the Model page): at half the width, 8 hidden units' labels
    # render under 16 px, unreadable from the back row; a wide net is tall instead.
    box, notes = st.container(), st.container()
    box.graphviz_chart(network(hist.params_at(epoch), dead=dead, dead_label=tr("train_dead")), width="stretch")
    notes.caption(tr("train_diagram_caption"))
    if any(dead):
        units = ", ".join(str(i + 1) for i, x in enumerate(dead) if x)
        notes.warning(tr("train_dead_note", units=units), icon=":material/heart_broken:")
