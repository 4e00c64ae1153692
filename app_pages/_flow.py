"""The signal's path on a page: one step's network picture (views.flow) in a container keyed flow-<page>-<k>.

The key above it names the colours (the equation's factors have the same); in reading mode a caption under it says
what the numbers are. On a slide the picture is filled to FLOW_SIZE's aspect and takes the slide's width, no taller
than a 2-unit picture (SLIDE_CSS: a wider net's compact one is scaled to that height).
"""

from __future__ import annotations

from html import escape

import streamlit as st

from app_pages._sections import caption, presenting
from app_pages._shared import lang, tr
from xorcore.data import ROW_LABELS
from xorcore.views.flow import COMPACT, legend

FLOW_SIZE = (13.0, 3.2)  # inches: a slide's picture is filled to this aspect (its width is the slide's)


def flow_size() -> tuple[float, float] | None:
    """The size a step's picture is filled to: a slide's aspect, or its own layout in reading mode."""
    return FLOW_SIZE if presenting() else None


def flow_view(page: str, k: int, dot: str, *, backward: bool, row: int | None, hidden: int, head: str = "") -> None:
    """Step k's picture under its colour key (after `head`, a line of markdown), in the container flow-<page>-<k>."""
    with st.container(key=f"flow-{page}-{k}"):
        keys = "&nbsp;&nbsp; ".join(
            f'<span style="color:{c}; font-weight:600">■ {escape(text)}</span>' for c, text in legend(lang(), backward)
        )
        st.markdown(f"{head}&emsp;&emsp;{keys}" if head else keys, unsafe_allow_html=True)
        alt = tr("fl_alt_back" if backward else "fl_alt_fwd", k=k)
        st.graphviz_chart(dot, width="stretch", alt=alt)  # type: ignore[arg-type]
        prefix = "fl_back_note" if backward else "fl_fwd_note"
        if row is None:
            caption(tr(prefix, rows=" ".join(ROW_LABELS)))
        else:
            caption(tr(prefix + "_row", row=ROW_LABELS[row]))
        if hidden > COMPACT:
            caption(tr("fl_compact" if hidden > COMPACT + 1 else "fl_compact_one", n=hidden))
