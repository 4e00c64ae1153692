"""What every page needs from Streamlit: settings, language, cached training, navigation, reveal."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from xorcore import Config, History, train
from xorcore.config import LECTURE
from xorcore.text import t

# (script path, text key of its title, url path): the talk's order.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("app_pages/1_model.py", "page_model", "model"),
    ("app_pages/2_forward.py", "page_forward", "forward"),
    ("app_pages/3_backprop.py", "page_backprop", "backprop"),
    ("app_pages/4_training.py", "page_training", "training"),
    ("app_pages/5_experiments.py", "page_experiments", "experiments"),
)


def page_path(url: str) -> str:
    """The script of the page at this url path, e.g. page_path("training") -> "app_pages/4_training.py"."""
    return next(path for path, _, u in PAGES if u == url)


def lang() -> str:
    """The current language, 'ko' or 'en' (set by the sidebar)."""
    return st.session_state.get("lang") or "en"


def tr(key: str, **values: object) -> str:
    """A visible string in the current language."""
    return t(lang(), key, **values)


def config() -> Config:
    """The sidebar's settings as a Config (the sidebar guarantees they are valid)."""
    return st.session_state.get("config", LECTURE)


@st.cache_data(max_entries=64, show_spinner=False)
def _cached_train(seed: int, activation: str, optimizer: str, lr: float, epochs: int, hidden: int) -> History:
    """train() keyed on plain arguments; a History is immutable, so sharing it is safe."""
    return train(Config(seed, activation, optimizer, lr, epochs, hidden))


def history(cfg: Config | None = None) -> History:
    """The cached training history of cfg (default: the sidebar's settings)."""
    c = cfg or config()
    return _cached_train(c.seed, c.activation, c.optimizer, c.lr, c.epochs, c.hidden)


def nav_links(script: str) -> None:
    """Previous / next page links at the bottom of a page."""
    paths = [p for p, _, _ in PAGES]
    i = paths.index(script)
    st.divider()
    left, right = st.columns(2)
    if i > 0:
        path, key, _ = PAGES[i - 1]
        left.page_link(path, label=tr("nav_prev", page=tr(key)), icon=":material/arrow_back:")
    if i < len(PAGES) - 1:
        path, key, _ = PAGES[i + 1]
        with right, st.container(horizontal_alignment="right"):
            st.page_link(path, label=tr("nav_next", page=tr(key)), icon=":material/arrow_forward:")


def neighbour(script: str, step: int) -> str | None:
    """The page script `step` places after (or before) this one, if any."""
    paths = [p for p, _, _ in PAGES]
    j = paths.index(script) + step
    return paths[j] if 0 <= j < len(paths) else None


def reveal(key: str, n_steps: int, script: str) -> int:
    """Show-steps control: returns how many steps to show (all by default).

    In one-at-a-time mode, Next / Previous buttons answer PageDown / PageUp and
    Right / Left (what a presentation clicker sends); past the last step Next
    opens the next page, before the first Previous opens the previous one.
    """
    mode_key, pos_key = f"{key}_mode", f"{key}_pos"
    # One choice for the whole talk: a page opened by Next starts in the mode the last one used.
    mode = st.segmented_control(
        tr("reveal_mode"), ["all", "step"], key=mode_key, default=st.session_state.get("reveal_mode", "all"),
        format_func=lambda m: tr("reveal_all" if m == "all" else "reveal_step"),
    )  # fmt: skip
    st.session_state["reveal_mode"] = mode or "all"
    keys = st.session_state.setdefault("reveal_keys", {})  # page script -> its reveal key
    keys[script] = key
    if mode != "step":
        return n_steps
    pos = min(max(st.session_state.get(pos_key, 1), 1), n_steps)
    with st.container(horizontal=True, vertical_alignment="center"):
        back = st.button(tr("reveal_prev"), key=f"{key}_prev", shortcut="PageUp", icon=":material/chevron_left:")
        counter = st.empty()
        fwd = st.button(tr("reveal_next"), key=f"{key}_next", shortcut="PageDown", icon=":material/chevron_right:")
        # Arrow keys do the same; these twins are hidden by CSS but keep their shortcuts.
        back |= st.button("←", key=f"{key}_left", shortcut="Left")
        fwd |= st.button("→", key=f"{key}_right", shortcut="Right")
    st.markdown(f"<style>.st-key-{key}_left, .st-key-{key}_right {{display: none;}}</style>", unsafe_allow_html=True)
    st.caption(tr("reveal_keys"))
    if fwd:
        if pos >= n_steps and (nxt := neighbour(script, 1)):
            st.session_state.pop(f"{keys.get(nxt, '')}_pos", None)  # the next page starts at step 1
            st.switch_page(nxt, query_params={})  # keeps the URL-bound settings
        pos = min(pos + 1, n_steps)
    if back:
        if pos <= 1 and (prv := neighbour(script, -1)):
            st.switch_page(prv, query_params={})
        pos = max(pos - 1, 1)
    st.session_state[pos_key] = pos
    counter.markdown(f"**{tr('reveal_counter', i=pos, n=n_steps)}**", width="content")
    return pos


def show_steps(n_show: int, draw: Callable[[int], None]) -> None:
    """Draw steps 1..n_show; one at a time, the newest comes first, right under the controls."""
    if st.session_state.get("reveal_mode") != "step" or n_show == 1:
        for k in range(1, n_show + 1):
            draw(k)
        return
    draw(n_show)
    with st.expander(tr("reveal_earlier", n=n_show - 1), icon=":material/history:"):
        for k in range(1, n_show):
            draw(k)
