"""Solve it yourself's state: the hand-set parameters and the truth table, kept per session, carried by the link.

The truth lives in session_state under K_* keys (a widget's own state is dropped on a run that does not draw it,
as a slide does); every widget is seeded from it before it is drawn and writes back to it when moved.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

import numpy as np
import streamlit as st

from app_pages._sections import presenting
from app_pages._shared import config, history, tr
from xorcore import Config, History
from xorcore.data import TASKS
from xorcore.model import build_model, flatten, n_params, param_names
from xorcore.numfmt import short32
from xorcore.solve import SINGLE, SLIDER_LIMIT, THETA_LIMIT, Seeds, parse_task, parse_theta, train_seeds

K_TASK, K_NET, K_SINGLE, K_RUN = "solve:task", "solve:net", "solve:single", "solve:run"
# Moves of a parameter so far. A dragged slider keeps the keyboard focus in its <input>, where the clicker's PageDown
# moves the slider instead of the slide; on a slide each move draws new sliders (their keys carry this count).
K_MOVES = "solve:moves"
K_NOTE = "solve:note"  # a one-run note about the parameters (width changed, trained values clipped)
W_TASK = "solve-task"  # the truth table's widget
STEP = 0.01  # a slider's step


def task() -> str:
    """The truth table on this page: the session's, else the link's (checked by dashboard._check_url), else XOR."""
    if K_TASK not in st.session_state:
        raw = st.query_params.get("task", "xor")
        try:
            st.session_state[K_TASK] = parse_task(raw)
        except ValueError:
            st.session_state[K_TASK] = "xor"
    return st.session_state[K_TASK]


def task_picker() -> None:
    """The five truth tables as one segmented control."""
    st.session_state[W_TASK] = task()
    st.segmented_control(tr("sv_task"), list(TASKS), key=W_TASK, format_func=str.upper, help=tr("sv_task_help"),
                         on_change=_task_moved)  # fmt: skip


def _task_moved() -> None:
    if st.session_state.get(W_TASK):  # a click on the chosen one unselects it: keep the table
        st.session_state[K_TASK] = st.session_state[W_TASK]


def initial(cfg: Config) -> np.ndarray:
    """The run's initial θ (the seed's nn.Linear layers), without training it."""
    return flatten(build_model(cfg))


def net_theta() -> np.ndarray:
    """The net's hand-set θ at the sidebar's width: the session's, else the link's, else the run's initial θ."""
    cfg = config()
    kept = st.session_state.get(K_NET)
    if kept is not None and len(kept) == n_params(cfg.hidden):
        return np.asarray(kept, dtype=np.float32)
    theta = initial(cfg)
    if kept is None:
        # none, or of another width (the notice, if any, came from dashboard._check_url): the initial θ
        with contextlib.suppress(ValueError):
            theta = parse_theta(st.query_params.get("theta", ""), n_params(cfg.hidden))
    else:
        st.session_state[K_NOTE] = tr("sv_width_reset")
    set_net(theta)
    return theta


def set_net(theta: np.ndarray) -> None:
    """Put θ into the net's parameters (clipped to ±THETA_LIMIT, saying so)."""
    flat = np.asarray(theta, dtype=np.float32)
    out = int((np.abs(flat) > THETA_LIMIT).sum())
    if out:
        st.session_state[K_NOTE] = tr("sv_clipped", n=out)
    st.session_state[K_NET] = [float(v) for v in np.clip(flat, -THETA_LIMIT, THETA_LIMIT)]


def single_theta() -> np.ndarray:
    """The single unit's θ = (w1, w2, b): zeros until set."""
    return np.asarray(st.session_state.setdefault(K_SINGLE, [0.0] * SINGLE), dtype=np.float32)


def set_single(theta: np.ndarray) -> None:
    """Put θ into the single unit's parameters."""
    st.session_state[K_SINGLE] = [float(v) for v in np.clip(np.asarray(theta, np.float32), -THETA_LIMIT, THETA_LIMIT)]


def to_link(theta: np.ndarray) -> None:
    """Write the net's θ and the truth table into the address bar (the share link); XOR is left out as a default."""
    text = ",".join(short32(v) for v in theta)
    if st.query_params.get("theta") != text:
        st.query_params["theta"] = text
    if task() == "xor":
        if "task" in st.query_params:
            del st.query_params["task"]
    elif st.query_params.get("task") != task():
        st.query_params["task"] = task()


def note() -> None:
    """The parameters' one-run note, if any."""
    if text := st.session_state.pop(K_NOTE, None):
        st.info(text, icon=":material/info:")


def sliders(store: str, names: Sequence[str], groups: Sequence[Sequence[int]], titles: Sequence[str],
            typed: bool) -> None:  # fmt: skip
    """One slider (and, if typed, a number box under it) per parameter: a slide puts each group in a column of
    its own, reading mode each group on a row of its own (a slider and its number box need the width)."""
    values = st.session_state[store]
    if not typed:
        for col, group, title in zip(st.columns(len(groups), gap="small"), groups, titles, strict=True):
            with col:
                if title:
                    st.markdown(f"**{title}**")
                for i in group:
                    _one(store, i, names[i], values[i], typed)
        return
    width = max(len(g) for g in groups)
    for group, title in zip(groups, titles, strict=True):
        if title:
            st.markdown(f"**{title}**")
        for col, i in zip(st.columns(width, gap="medium"), group, strict=False):
            with col:
                _one(store, i, names[i], values[i], typed)


def _one(store: str, i: int, name: str, value: float, typed: bool) -> None:
    """The i-th parameter's slider (clipped to ±SLIDER_LIMIT) and typed value, each writing back to `store`."""
    ks, kn = f"{widget_key(store)}-s-{i}", f"{widget_key(store)}-n-{i}"
    if presenting():  # a new slider after every move: the old one, and the keyboard focus in it, are gone
        ks = f"{ks}-v{st.session_state.get(K_MOVES, 0)}"
    st.session_state[ks] = float(np.clip(value, -SLIDER_LIMIT, SLIDER_LIMIT))
    with st.container(key=f"{widget_key(store)}-p-{i}"):
        st.slider(name, -SLIDER_LIMIT, SLIDER_LIMIT, step=STEP, key=ks, on_change=_moved, args=(store, i, ks),
                  help=tr("sv_slider_help", limit=f"{SLIDER_LIMIT:g}"), format="%.2f")  # fmt: skip
    if typed:
        st.session_state[kn] = float(value)
        st.number_input(tr("sv_typed", name=name), -THETA_LIMIT, THETA_LIMIT, step=0.1, key=kn, format="%.4f",
                        on_change=_moved, args=(store, i, kn), label_visibility="collapsed")  # fmt: skip


def widget_key(store: str) -> str:
    """The prefix of a parameter store's widget keys (a key becomes a CSS class: no colon), e.g. solve-net."""
    return store.replace(":", "-")


def _moved(store: str, i: int, key: str) -> None:
    """A slider or number box moved: its value is now the parameter's."""
    value = st.session_state.get(key)
    st.session_state[K_MOVES] = st.session_state.get(K_MOVES, 0) + 1
    if value is not None and np.isfinite(value):
        values = list(st.session_state[store])
        values[i] = float(value)
        st.session_state[store] = values


def net_sliders(hidden: int, typed: bool) -> None:
    """The net's 4H+1 parameters: a group per hidden unit (W1 row, b1, W2) and one for b2."""
    names = param_names(hidden)
    groups = [[2 * u, 2 * u + 1, 2 * hidden + u, 3 * hidden + u] for u in range(hidden)] + [[4 * hidden]]
    titles = [tr("sv_unit", i=u + 1) for u in range(hidden)] + [tr("sv_output")]
    if not typed and hidden > 2:  # a slide's columns: at most three side by side
        for k in range(0, hidden + 1, 3):
            sliders(K_NET, names, groups[k : k + 3], titles[k : k + 3], typed)
        return
    sliders(K_NET, names, groups, titles, typed)


def single_sliders(typed: bool) -> None:
    """The single unit's three parameters, side by side."""
    single_theta()
    sliders(K_SINGLE, ["w₁", "w₂", "b"], [[0], [1], [2]], ["", "", ""], typed)


def buttons(choices: Sequence[tuple[str, str, Callable[[], None] | None]]) -> None:
    """A row of starting-point buttons: (key, label, what it does; None: disabled)."""
    with st.container(horizontal=True):
        for key, label, act in choices:
            if st.button(label, key=key, disabled=act is None, icon=":material/play_arrow:") and act is not None:
                act()


@st.cache_data(max_entries=len(TASKS), show_spinner=False)
def seeds(task_name: str) -> Seeds:
    """A single unit trained from many seeds on a truth table (pure: same table, same numbers)."""
    return train_seeds(task_name)


def trained_from(cfg: Config, start: tuple[float, ...], task_name: str) -> History:
    """The net trained in PyTorch from a hand-set θ on a truth table (_shared.history: once, by the workers)."""
    return history(cfg, task=task_name, init=np.array(start, dtype=np.float32))
