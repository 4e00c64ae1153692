"""The network diagram on a page: in full, or on a slide with a wide net compact, its numbers in a table beside it."""

from __future__ import annotations

import numpy as np
import streamlit as st

from xorcore.views.diagram import edge_format, network
from xorcore.views.tables import edge_table


def network_view(
    params: dict[str, np.ndarray],
    grads: dict[str, np.ndarray] | None = None,
    dead: list[bool] | None = None,
    dead_label: str = "dead",
    alt: str = "",
    note: str | None = None,
    width: str = "stretch",
    compact: bool = False,
) -> None:
    """The network diagram (edges labelled with θ, or dL/dθ with grads); compact (a wide_net's slide), a table beside.

    The compact diagram's circles have no room for the dead label: the page names dead units in its notice.
    """
    if not compact:
        dot = network(params, grads=grads, dead=dead, dead_label=dead_label)
        st.graphviz_chart(dot, width=width, alt=alt)  # type: ignore[arg-type]
        return
    # a quarter of a slide's width (the sidebar folded): the diagram keeps its aspect, so wider is taller
    pic, side = st.columns([1, 3], gap="medium")
    pic.graphviz_chart(network(params, grads=grads, dead=dead, labels=False), width="stretch", alt=alt)
    fmt = "{:" + edge_format(grads is not None) + "}"
    table, b2 = edge_table(params if grads is None else grads)
    side.dataframe(table.style.format(fmt), width="stretch")
    side.markdown(f"1 → ŷ: **{b2:{edge_format(grads is not None)}}**")
    if note:
        side.markdown(note)
