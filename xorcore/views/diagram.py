"""The network as a Graphviz DOT diagram: every weight and bias an edge, colour by sign, width by size."""

from __future__ import annotations

import numpy as np

from ..palette import DEAD, FONT_SIZE, NEUTRAL, sign_color

# DOT font size (pt) of every label: drawn in the narrowest column it gets (2/3 of a slide, ~590 px for a
# ~600 pt wide diagram) it still renders at >= FONT_SIZE px (issue #12).
LABEL_PT = FONT_SIZE + 2


# The compact diagram's table (views.tables.edge_table): one column per edge of a hidden unit, named as drawn.
EDGE_COLUMNS = ("x₁ → h", "x₂ → h", "1 → h", "h → ŷ")
# Graph attributes and node sizes (inches): the full diagram labels every edge with its value; the compact one
# (a wide net on a slide, its numbers in a table beside it) has no edge labels, so it can be narrow and short.
LAYOUT = {True: ("nodesep=0.35; ranksep=2.2", 0.9, 0.7), False: ("nodesep=0.12; ranksep=1.0", 0.6, 0.55)}


def _edge(src: str, dst: str, value: float, scale: float, fmt: str | None) -> str:
    """One DOT edge whose colour is the sign and width the size of value; labelled with it unless fmt is None."""
    width = 0.6 + 5.0 * min(abs(value) / scale, 1.0) if np.isfinite(value) and scale > 0 else 0.6
    color = sign_color(value) if np.isfinite(value) else NEUTRAL
    if fmt is None:
        return f'  {src} -> {dst} [color="{color}", penwidth={width:.2f}];'
    return f'  {src} -> {dst} [label="{value:{fmt}}", color="{color}", fontcolor="{color}", penwidth={width:.2f}];'


def network(
    params: dict[str, np.ndarray],
    grads: dict[str, np.ndarray] | None = None,
    dead: list[bool] | None = None,
    dead_label: str = "dead",
    hidden_values: np.ndarray | None = None,
    labels: bool = True,
) -> str:
    """DOT text of the 2-H-1 net; with grads, edges show dL/dθ instead of θ; labels=False: no edge labels, compact."""
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    show = params if grads is None else grads
    sW1, sb1, sW2, sb2 = (np.asarray(show[k], dtype=float).reshape(np.shape(v)) for k, v in
                          (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)))  # fmt: skip
    H = W1.shape[0]
    values = np.concatenate([sW1.ravel(), sb1.ravel(), sW2.ravel(), sb2.ravel()])
    finite = values[np.isfinite(values)]
    scale = float(np.abs(finite).max()) if finite.size else 1.0
    fmt = edge_format(grads is not None) if labels else None
    seps, node_in, out_in = LAYOUT[labels]
    lines = [
        "digraph net {",
        f'  rankdir=LR; newrank=true; splines=true; {seps}; bgcolor="transparent";',
        f'  node [shape=circle, fontname="Helvetica", fontsize={LABEL_PT}, width={node_in}, fixedsize=true];',
        f'  edge [fontname="Helvetica", fontsize={LABEL_PT}, arrowsize=0.6];',
        '  x1 [label="x₁"]; x2 [label="x₂"]; bias1 [label="1", shape=square, width=0.45, style=dashed];',
    ]
    hid = []
    for i in range(H):
        is_dead = bool(dead and dead[i])
        extra = f"\\n{hidden_values[i]:.2f}" if hidden_values is not None else ""
        # the compact diagram's circles are too small for the word: its page names the dead units
        label = f"h{_sub(i + 1)}{extra}" + (f"\\n{dead_label}" if is_dead and labels else "")
        style = f', style="dashed,filled", fillcolor="{DEAD}"' if is_dead else ""
        hid.append(f'h{i} [label="{label}"{style}];')
    lines.append("  " + " ".join(hid) + ' bias2 [label="1", shape=square, width=0.45, style=dashed];')
    lines.append(f'  y [label="ŷ", shape=doublecircle, width={out_in}];')
    # Invisible same-rank chains keep x1, x2, 1 and h1..hH, 1 in reading order, top to bottom.
    order = " -> ".join([*(f"h{i}" for i in range(H)), "bias2"])
    lines.append("  { rank=source; x1 -> x2 -> bias1 [style=invis]; }")
    lines.append("  { rank=sink; y; }")
    lines.append(f"  {{ rank=same; {order} [style=invis]; }}")
    for i in range(H):
        lines.append(_edge("x1", f"h{i}", sW1[i, 0], scale, fmt))
        lines.append(_edge("x2", f"h{i}", sW1[i, 1], scale, fmt))
        lines.append(_edge("bias1", f"h{i}", sb1[i], scale, fmt))
        lines.append(_edge(f"h{i}", "y", sW2[0, i], scale, fmt))
    lines.append(_edge("bias2", "y", sb2[0], scale, fmt))
    lines.append("}")
    return "\n".join(lines)


def edge_format(grads: bool) -> str:
    """How an edge's number is written: a parameter to 3 decimals, a (smaller) gradient to 4."""
    return ".4f" if grads else ".3f"


def unit_names(hidden: int) -> list[str]:
    """The hidden nodes' names as the diagram writes them: h₁ .. h_H."""
    return [f"h{_sub(i + 1)}" for i in range(hidden)]


def _sub(n: int) -> str:
    """Subscript digits: 12 -> '₁₂'."""
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
