"""The network as a Graphviz DOT diagram: every weight and bias an edge, colour by sign, width by size."""

from __future__ import annotations

import numpy as np

from ..palette import DEAD, NEUTRAL, sign_color


def _edge(src: str, dst: str, value: float, scale: float, fmt: str) -> str:
    """One DOT edge whose colour is the sign and width the size of value."""
    width = 0.6 + 5.0 * min(abs(value) / scale, 1.0) if np.isfinite(value) and scale > 0 else 0.6
    color = sign_color(value) if np.isfinite(value) else NEUTRAL
    return f'  {src} -> {dst} [label="{value:{fmt}}", color="{color}", fontcolor="{color}", penwidth={width:.2f}];'


def network(
    params: dict[str, np.ndarray],
    grads: dict[str, np.ndarray] | None = None,
    dead: list[bool] | None = None,
    dead_label: str = "dead",
    hidden_values: np.ndarray | None = None,
) -> str:
    """DOT text of the 2-H-1 net; with grads, edges show dL/dθ instead of θ."""
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    show = params if grads is None else grads
    sW1, sb1, sW2, sb2 = (np.asarray(show[k], dtype=float).reshape(np.shape(v)) for k, v in
                          (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)))  # fmt: skip
    H = W1.shape[0]
    values = np.concatenate([sW1.ravel(), sb1.ravel(), sW2.ravel(), sb2.ravel()])
    finite = values[np.isfinite(values)]
    scale = float(np.abs(finite).max()) if finite.size else 1.0
    fmt = ".3f" if grads is None else ".4f"
    lines = [
        "digraph net {",
        '  rankdir=LR; newrank=true; splines=true; nodesep=0.35; ranksep=2.2; bgcolor="transparent";',
        '  node [shape=circle, fontname="Helvetica", fontsize=16, width=0.8, fixedsize=true];',
        '  edge [fontname="Helvetica", fontsize=13, arrowsize=0.6];',
        '  x1 [label="x₁"]; x2 [label="x₂"]; bias1 [label="1", shape=square, width=0.45, style=dashed];',
    ]
    hid = []
    for i in range(H):
        is_dead = bool(dead and dead[i])
        extra = f"\\n{hidden_values[i]:.2f}" if hidden_values is not None else ""
        label = f"h{_sub(i + 1)}{extra}" + (f"\\n{dead_label}" if is_dead else "")
        style = f', style="dashed,filled", fillcolor="{DEAD}"' if is_dead else ""
        hid.append(f'h{i} [label="{label}"{style}];')
    lines.append("  " + " ".join(hid) + ' bias2 [label="1", shape=square, width=0.45, style=dashed];')
    lines.append('  y [label="ŷ", shape=doublecircle, width=0.7];')
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


def _sub(n: int) -> str:
    """Subscript digits: 12 -> '₁₂'."""
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
