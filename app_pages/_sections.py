"""A page is an ordered list of Sections, declared once: reading mode draws them top to bottom,
presentation mode draws one per slide, driven by the clicker (PageDown / PageUp, Right / Left).

    show("model", [Section("xor", xor_problem, tr("mp_xor_header")), ...])

A section's container is keyed `slide-<page>-<id>` on a slide and `section-<page>-<id>` in reading
mode; what differs between the modes is decided inside the section (presenting()). The slide on
screen is stored by its id in this session's st.session_state only (`slide:<page>`).

A slide may hold back part of itself (Section.reveal = n): its first n presses of Next show one more part
each, on the same slide (stage() tells the slide how many it has had: 0 .. n); Previous takes them back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import streamlit as st

from app_pages._gate import checkpoint
from app_pages._shared import PAGES, named_params, nav_links, neighbour, page_of, page_path, tr

K_PRESENT = "present"  # the sidebar toggle's key, bound to the URL as ?present=true
LECTURE_UNITS = 2  # the lecture's hidden units: wider nets get compact slides (wide_net)
LAST = ":last"  # the stored slide meaning "this page's last slide" (set when PageUp crosses back to it)
# A slide has the whole 1280 x 720 screen: the control bar sits in the empty top band (Streamlit's
# header, 60 px), the slide starts right under it (this style and the bar take two 16 px gaps), and nothing is left below.
# A step's network picture is no taller than a 2-unit one (a wider net's compact picture has a layer more, drawn
# scaled to that height), so that its equation and fold fit under it at every width.
SLIDE_CSS = """<style>
[data-testid="stMainBlockContainer"] {padding: 1.9rem 2.5rem 0.5rem 2.5rem;}
[class*="st-key-slide-"] .katex {font-size: 1.0em;}
.st-key-slide-bar {position: fixed; top: 10px; right: 64px; width: auto; z-index: 999991;}
.st-key-slide-left, .st-key-slide-right {display: none;}
[class*="st-key-flow-"] svg {max-height: 43vh;}
</style>"""


def presenting() -> bool:
    """True in presentation mode (the sidebar's switch)."""
    return bool(st.session_state.get(K_PRESENT))


def wide_net(hidden: int) -> bool:
    """True on a slide of a net wider than the lecture's LECTURE_UNITS: its slides take their compact layouts.

    Laid out as for 2 units, a wider net's slides run off the 720 px screen, and the presenter must not scroll.
    """
    return presenting() and hidden > LECTURE_UNITS


@dataclass(frozen=True)
class Section:
    """One part of a page: its id (the slide's key), what draws it, its title (from the text table)."""

    id: str
    draw: Callable[[], None]
    title: str | Callable[[], str] = ""  # its heading ("": none); a function: known only once those above are drawn
    slide_title: str | None = None  # the heading on its slide, where it differs from the reading mode's
    slide: bool = True  # a slide of its own in presentation mode
    reading: bool = True  # drawn in reading mode
    sub: bool = False  # reading mode: a subheading (st.subheader) instead of a heading
    reveal: int = 0  # a slide: presses of Next it answers itself (showing one more part each) before the next slide


def show(page: str, sections: Sequence[Section]) -> None:
    """Draw a page's sections: all of them (reading mode, then the neighbour links) or the current slide."""
    script = page_path(page)
    if presenting():
        _deck(page, script, [s for s in sections if s.slide])
        return
    for s in sections:
        if s.reading:
            checkpoint()  # between two sections a student's own page run lets the class's go first (_gate)
            with st.container(key=f"section-{page}-{s.id}"):
                if s.title:
                    (st.subheader if s.sub else st.header)(_text(s.title))
                s.draw()
    nav_links(script)


def _text(title: str | Callable[[], str]) -> str:
    """A section's title, computed now if it is a function."""
    return title() if callable(title) else title


def _pos_key(page: str) -> str:
    return f"slide:{page}"


K_STAGE = (
    "slide-stage"  # the reveal stage of the slide being drawn; each page keeps (slide id, stage) at <K_STAGE>:<page>
)


def stage() -> int:
    """How many of its reveal steps the slide on screen has had (0: none yet)."""
    return int(st.session_state.get(K_STAGE, 0))


def _stage_of(page: str, at: object, slides: Sequence[Section], pos: int) -> int:
    """The stage page's slide at pos was left at: n coming back from the next page (LAST), else as stored."""
    if at == LAST:
        return slides[pos].reveal
    kept = st.session_state.get(f"{K_STAGE}:{page}")
    return kept[1] if kept and kept[0] == slides[pos].id else 0


def _deck(page: str, script: str, slides: Sequence[Section]) -> None:
    """Draw the current slide of this page under a one-line control bar.

    Next / Previous answer PageDown / PageUp and Right / Left (what a presentation clicker sends);
    past the last slide Next opens the next page at its first slide, before the first Previous
    opens the previous page at its last slide.
    """
    ids = [s.id for s in slides]
    key = _pos_key(page)
    at = st.session_state.get(key)
    pos = len(ids) - 1 if at == LAST else ids.index(at) if at in ids else 0
    st.markdown(SLIDE_CSS, unsafe_allow_html=True)
    with st.container(horizontal=True, vertical_alignment="center", horizontal_alignment="right", key="slide-bar"):
        counter = st.empty()
        back = st.button(tr("sl_prev"), key="slide-prev", shortcut="PageUp", icon=":material/chevron_left:")
        fwd = st.button(tr("sl_next"), key="slide-next", shortcut="PageDown", icon=":material/chevron_right:")
        # Arrow keys do the same; these twins are hidden by CSS but keep their shortcuts.
        back |= st.button("←", key="slide-left", shortcut="Left")
        fwd |= st.button("→", key="slide-right", shortcut="Right")
    step = _stage_of(page, at, slides, pos)
    if fwd:
        pos, step = _next(script, slides, pos, step)
    if back:
        pos, step = _prev(script, slides, pos, step)
    st.session_state[key], st.session_state[f"{K_STAGE}:{page}"] = ids[pos], (ids[pos], step)
    st.session_state[K_STAGE] = step  # what stage() tells the slide drawn now
    name = next(tr(k) for p, k, _ in PAGES if p == script)
    counter.markdown(f"**{tr('sl_counter', page=name, i=pos + 1, n=len(ids))}**", width="content")
    part = slides[pos]
    with st.container(key=f"slide-{page}-{part.id}"):
        heading = part.title if part.slide_title is None else part.slide_title
        if heading:
            st.subheader(_text(heading), divider="gray")
        part.draw()


def _next(script: str, slides: Sequence[Section], pos: int, step: int) -> tuple[int, int]:
    """Next: the slide's next reveal step; else the next slide, at its start; past the last, the next page."""
    if step < slides[pos].reveal:
        return pos, step + 1
    if pos >= len(slides) - 1 and (nxt := neighbour(script, 1)):
        st.session_state.pop(_pos_key(page_of(nxt)), None)
        # the URL-bound settings (and ?present) stay; the two named by code go with it
        st.switch_page(nxt, query_params=named_params())
    return (pos + 1, 0) if pos < len(slides) - 1 else (pos, step)


def _prev(script: str, slides: Sequence[Section], pos: int, step: int) -> tuple[int, int]:
    """Previous: take back the slide's last reveal step; else the slide before, all shown; before the first, the
    previous page's last slide."""
    if step > 0:
        return pos, step - 1
    if pos <= 0 and (prv := neighbour(script, -1)):
        st.session_state[_pos_key(page_of(prv))] = LAST
        st.switch_page(prv, query_params=named_params())
    return (pos - 1, slides[pos - 1].reveal) if pos > 0 else (pos, step)


def caption(text: str, box: Any = None) -> None:
    """A caption under a picture in reading mode; a slide has no room for it (the picture's alt text says it)."""
    if not presenting():
        (st if box is None else box).caption(text)


def lead(text: str, icon: str) -> None:
    """The lecture's sentence for a section: a callout in reading mode, one bold line under a slide's title."""
    if presenting():
        st.markdown(f"{icon} **{text}**")
    else:
        st.info(text, icon=icon)


def more() -> AbstractContextManager:
    """Where a slide folds its long explanation (reading mode shows it open, in place)."""
    return st.expander(tr("sl_more"), icon=":material/notes:") if presenting() else st.container()
