"""Presentation mode: every page is a sequence of slides, one shown at a time, driven by the clicker.

A page declares its slides as a list of draw functions and calls deck(); in reading mode (the
default) the page draws itself as before and never calls deck(). The slide index of every page
lives in this session's st.session_state only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager

import streamlit as st

from app_pages._shared import PAGES, named_params, neighbour, tr
from xorcore.views.style import AUTOSIZE

K_PRESENT = "present"  # the sidebar toggle's key, bound to the URL as ?present=true
LECTURE_UNITS = 2  # the lecture's hidden units: wider nets get compact slides (wide_net)
LAST = -1  # a slide index meaning "this page's last slide" (set when PageUp crosses back to it)
SLIDE_CHART_HEIGHT = 140  # a plane's plot height on a slide (reading mode: CHART_SIZE)
# A slide has the whole 1280 x 720 screen: the control bar sits in the empty top band (Streamlit's
# header, 60 px), the slide starts right under it (this style and the bar take two 16 px gaps), and nothing is left below.
SLIDE_CSS = """<style>
[data-testid="stMainBlockContainer"] {padding: 1.9rem 2.5rem 0.5rem 2.5rem;}
[class*="st-key-slide-"] .katex {font-size: 1.0em;}
.st-key-slide-bar {position: fixed; top: 10px; right: 64px; width: auto; z-index: 999991;}
.st-key-slide-left, .st-key-slide-right {display: none;}
</style>"""


def presenting() -> bool:
    """True in presentation mode (the sidebar's switch)."""
    return bool(st.session_state.get(K_PRESENT))


def wide_net(hidden: int) -> bool:
    """True on a slide of a net wider than the lecture's LECTURE_UNITS: its slides take their compact layouts.

    Laid out as for 2 units, a wider net's slides ran off the 720 px screen (at 8 units: Forward 1 963 px,
    Backprop 6 1422, the network diagram 1395; at 3: Backprop's network 843), and the presenter must not scroll.
    """
    return presenting() and hidden > LECTURE_UNITS


def _pos_key(script: str) -> str:
    return f"slide_pos:{script}"


def deck(script: str, slides: Sequence[Callable[[], None]]) -> int:
    """Draw the current slide of this page (0-based index returned) under a one-line control bar.

    Next / Previous answer PageDown / PageUp and Right / Left (what a presentation clicker sends);
    past the last slide Next opens the next page at its first slide, before the first Previous
    opens the previous page at its last slide.
    """
    n = len(slides)
    key = _pos_key(script)
    pos = st.session_state.get(key, 0)
    pos = n - 1 if pos == LAST else min(max(int(pos), 0), n - 1)
    st.markdown(SLIDE_CSS, unsafe_allow_html=True)
    with st.container(horizontal=True, vertical_alignment="center", horizontal_alignment="right", key="slide-bar"):
        counter = st.empty()
        back = st.button(tr("sl_prev"), key="slide-prev", shortcut="PageUp", icon=":material/chevron_left:")
        fwd = st.button(tr("sl_next"), key="slide-next", shortcut="PageDown", icon=":material/chevron_right:")
        # Arrow keys do the same; these twins are hidden by CSS but keep their shortcuts.
        back |= st.button("←", key="slide-left", shortcut="Left")
        fwd |= st.button("→", key="slide-right", shortcut="Right")
    if fwd:
        if pos >= n - 1 and (nxt := neighbour(script, 1)):
            st.session_state[_pos_key(nxt)] = 0
            # the URL-bound settings (and ?present) stay; the two named by code go with it
            st.switch_page(nxt, query_params=named_params())
        pos = min(pos + 1, n - 1)
    if back:
        if pos <= 0 and (prv := neighbour(script, -1)):
            st.session_state[_pos_key(prv)] = LAST
            st.switch_page(prv, query_params=named_params())
        pos = max(pos - 1, 0)
    st.session_state[key] = pos
    title = next(tr(k) for p, k, _ in PAGES if p == script)
    counter.markdown(f"**{tr('sl_counter', page=title, i=pos + 1, n=n)}**", width="content")
    with st.container(key=f"slide-{pos + 1}"):
        slides[pos]()
    return pos


def title(text: str, reading: Callable[[str], object] = st.header) -> None:
    """A section's heading: on a slide, the slide's title (one size on every slide, underlined)."""
    if presenting():
        st.subheader(text, divider="gray")
    else:
        reading(text)


def fit(chart, height: int = SLIDE_CHART_HEIGHT, slide: bool | None = None):  # -> alt.TopLevelMixin
    """An Altair chart as a slide draws it: a lower plot (its width follows the column).

    `height` is the plot area alone (fit-x): the title and the axes are added around it, never squeezed
    into it (Streamlit's default "fit" would push a chart's title out of its box). slide: as if presenting
    (None: ask the session; a cached builder passes it, since its key must hold it).
    """
    return chart.properties(height=height, autosize=AUTOSIZE) if (presenting() if slide is None else slide) else chart


def more() -> AbstractContextManager:
    """Where a slide folds its long explanation (reading mode shows it open, in place)."""
    return st.expander(tr("sl_more"), icon=":material/notes:") if presenting() else st.container()
