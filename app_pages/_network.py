"""The network diagram on a page: in full, or on a slide with a wide net compact, its numbers in a table beside it."""

from __future__ import annotations

import numpy as np
import streamlit as st

from app_pages._slides import presenting
from xorcore.views.diagram import edge_format, network
from xorcore.views.tables import edge_table

# A slide draws a net wider than the lecture's compact: with every edge labelled in text that reads from the
# back row, the full diagram's slide ran to 843 px at 3 units (Backprop) and 1395 px at 8 (Model), measured at
# 1280 x 720, and the presenter must not scroll.
COMPACT_UNITS = 2


def compact(hidden: int) -> bool:
    """True where the diagram of a net this wide is drawn compact: on a slide, more than COMPACT_UNITS units."""
    return presenting() and hidden > COMPACT_UNITS


def network_view(
    params: dict[str, np.ndarray],
    grads: dict[str, np.ndarray] | None = None,
    dead: list[bool] | None = None,
    dead_label: str = "dead",
    alt: str = "",
    note: str | None = None,
    width: str = "stretch",
) -> None:
    """The network diagram (edges labelled with θ, or dL/dθ with grads); compact() ones with a table beside.

    The compact diagram's circles have no room for the dead label: the page names dead units in its notice.
    """
    hidden = int(np.shape(params["W1"])[0])
    if not compact(hidden):
        dot = network(params, grads=grads, dead=dead, dead_label=dead_label)
        st.graphviz_chart(dot, width=width, alt=alt)  # type: ignore[arg-type]
        return
    pic, side = st.columns([1, 2], gap="medium")
    pic.graphviz_chart(network(params, grads=grads, dead=dead, labels=False), width="stretch", alt=alt)
    fmt = "{:" + edge_format(grads is not None) + "}"
    table, b2 = edge_table(params if grads is None else grads)
    side.dataframe(table.style.format(fmt), width="stretch")
    side.markdown(f"1 → ŷ: **{b2:{edge_format(grads is not None)}}**")
    if note:
        side.markdown(note)
